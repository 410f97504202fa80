"""``redhome-pos config show | init``: see the settings in force, or write a first file."""

from __future__ import annotations

import argparse
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

from redhome_pos.commands._context import EXIT_OK, load_app_config, reports_errors


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("config", help="show the settings or write a first config file")
    actions = parser.add_subparsers(dest="config_action", metavar="ACTION", required=True)
    show = actions.add_parser(
        "show", help="print the settings in force (file + environment), secrets masked"
    )
    show.set_defaults(run=run_show)
    init = actions.add_parser(
        "init",
        help="write a config file with every setting (the --config FILE, or the default place)",
    )
    init.add_argument("--store-code", metavar="CODE")
    init.add_argument("--store-name", metavar="NAME")
    init.add_argument("--terminal-id", metavar="ID")
    init.add_argument("--database-url", metavar="URL")
    init.set_defaults(run=run_init)


@reports_errors
def run_show(args: argparse.Namespace) -> int:
    import tomli_w

    from redhome_pos.config import redacted

    config = load_app_config(args)
    paths = config.paths
    print(f"# configuration file: {paths.config_file}")
    print(f"# data: {paths.data_dir}  logs: {paths.log_dir}  backups: {paths.backup_dir}")
    print(tomli_w.dumps(redacted(config)), end="")
    return EXIT_OK


@reports_errors
def run_init(args: argparse.Namespace) -> int:
    from redhome_pos.config import (
        AppPaths,
        ConfigError,
        DatabaseConfig,
        config_file_path,
        default_config,
        write_config,
    )

    paths = AppPaths.default()
    target = config_file_path(Path(args.config) if args.config else None, os.environ, paths)
    if target.exists():
        raise ConfigError("exists already; edit it, or move it away first", file=target)
    config = default_config(replace(paths, config_file=target))
    store = config.store
    if args.store_code:
        store = replace(store, code=args.store_code)
    if args.store_name:
        store = replace(store, name=args.store_name)
    config = replace(config, store=store, terminal_id=args.terminal_id or config.terminal_id)
    if args.database_url:
        config = replace(config, database=DatabaseConfig(args.database_url))
    write_config(config, target)
    print(f"Wrote {target} (readable by you only). Check the settings, then run")
    print("`redhome-pos config show` and `redhome-pos db upgrade`.")
    return EXIT_OK
