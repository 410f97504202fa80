"""Starting the counter app: QApplication set-up, fonts, stylesheet, translations, the window.

``build_window`` assembles everything for a context without touching the disk or network, so
tests and the screenshot command use exactly what the clerk sees.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication

from ui import text_guard
from ui.collector import collect_on_main_thread
from ui.context import AppContext
from ui.i18n import Translations, normalise
from ui.theme import body_font, choose_font_family, stylesheet

_translations = Translations()


def application(argv: Sequence[str] | None = None) -> QApplication:
    """The one QApplication, set up with the CJK font and the stylesheet."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setApplicationName("REDHOME POS")
    app.setOrganizationName("REDHOME")
    text_guard.install(app)  # no control character enters any text field
    # Set only when they differ: each set re-polishes every widget the process has made.
    font = body_font(choose_font_family())
    if app.font() != font:
        app.setFont(font)
    sheet = stylesheet()
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)
    collect_on_main_thread(app)  # no Qt object is ever destroyed by a worker thread's collection
    return app


_scale = [1.0]


def apply_scale(app: QApplication, scale: float) -> None:
    """Draws everything ``scale`` times its normal size (fonts, buttons, the totals)."""
    if scale == _scale[0]:
        return
    _scale[0] = scale
    app.setFont(body_font(app.font().family(), scale))
    app.setStyleSheet(stylesheet(scale))


def install_language(app: QApplication, language: str | None) -> str:
    return _translations.install(app, language)


def current_language() -> str:
    return _translations.language


def run(context: AppContext, argv: Sequence[str] | None = None) -> int:
    """Runs the app until the window closes; returns the exit code."""
    from ui.shell import Shell

    app = application(argv)
    install_language(app, normalise(context.language))
    shell = Shell(context, app)
    shell.show()
    # What start-up built lives as long as the app: kept out of every later full collection.
    gc.collect()
    gc.freeze()
    code = app.exec()
    shell.stop()
    return int(code)
