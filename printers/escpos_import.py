"""The one place python-escpos is imported.

Importing escpos has two side effects we do not want: it calls ``logging.basicConfig()`` on the
root logger, and it writes its capabilities pickle into a fresh temporary folder every time.
This module points the pickle at one fixed cache folder and puts the root logger back as it was.
Every other module of ``printers`` imports escpos names from here.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from platformdirs import user_cache_dir

PICKLE_DIR_VARIABLE = "ESCPOS_CAPABILITIES_PICKLE_DIR"


def capabilities_cache_dir() -> Path:
    """The fixed folder for escpos's capabilities pickle: the user's cache folder, unless the
    environment already names one."""
    configured = os.environ.get(PICKLE_DIR_VARIABLE)
    if configured:
        return Path(configured)
    return Path(user_cache_dir("redhome-pos", appauthor=False)) / "escpos"


def _import_escpos() -> None:
    folder = capabilities_cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    os.environ[PICKLE_DIR_VARIABLE] = str(folder)
    root = logging.getLogger()
    saved_handlers = list(root.handlers)
    saved_level = root.level
    try:
        import escpos.capabilities  # noqa: F401  (the import with the side effects)
    finally:
        for handler in list(root.handlers):
            if handler not in saved_handlers:
                root.removeHandler(handler)
        root.setLevel(saved_level)


_import_escpos()

from escpos import constants as escpos_constants  # noqa: E402
from escpos import printer as escpos_printers  # noqa: E402
from escpos.printer import Dummy  # noqa: E402

__all__ = ["Dummy", "capabilities_cache_dir", "escpos_constants", "escpos_printers"]
