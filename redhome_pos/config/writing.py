"""Writing the configuration file: private (mode 0600), whole or not at all."""

from __future__ import annotations

import os
import secrets
import tempfile
from dataclasses import replace
from pathlib import Path

import tomli_w

from redhome_pos.config.reading import load_config
from redhome_pos.config.settings import Config, ConfigError, as_toml_data


def write_config(config: Config, path: Path | None = None) -> Config:
    """Write ``config`` as TOML readable only by its owner (mode 0600); returns what was
    written. A store without a scanning code secret gets a new random one here."""
    if not config.scanning.code_secret:
        config = replace(
            config, scanning=replace(config.scanning, code_secret=secrets.token_urlsafe(32))
        )
    target = Path(path) if path is not None else config.paths.config_file
    target.parent.mkdir(parents=True, exist_ok=True)
    text = tomli_w.dumps(as_toml_data(config))
    # Write a private temporary file (mkstemp makes it 0600) beside the target, then move it
    # into place, so a crash never leaves half a configuration and the secret is never
    # readable by others.
    handle, temporary = tempfile.mkstemp(prefix=".config-", suffix=".toml", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        try:  # what is written must read back: a bad value never replaces a good file
            load_config(Path(temporary), env={}, paths=config.paths)
        except ConfigError as error:
            raise ConfigError(error.template, file=target, key=error.key, **error.params) from None
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    os.chmod(target, 0o600)
    return replace(config, paths=replace(config.paths, config_file=target))
