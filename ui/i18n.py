"""Translations: English source strings in ``tr()``, Simplified Chinese from the .qm file.

zh_CN is the default when the system speaks Chinese; the store's setting or the clerk's choice
in settings overrides it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

TRANSLATIONS_DIR = Path(__file__).with_name("translations")
LANGUAGES = ("zh_CN", "en")


def system_language() -> str:
    """zh_CN when the system language is Chinese, English otherwise."""
    name = QLocale.system().name()
    return "zh_CN" if name.startswith("zh") else "en"


def normalise(language: str | None) -> str:
    if not language:
        return system_language()
    language = language.replace("-", "_")
    if language.lower().startswith("zh"):
        return "zh_CN"
    return "en"


class Translations:
    """Owns the installed translators so a switch removes the old ones first."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = "en"

    def install(self, app: QCoreApplication, language: str | None) -> str:
        language = normalise(language)
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed.clear()
        # English too: its catalogs hold the plural forms of the strings that count.
        for catalog in ("redhome", "backoffice"):
            translator = QTranslator(app)
            if translator.load(str(TRANSLATIONS_DIR / f"{catalog}_{language}.qm")):
                app.installTranslator(translator)
                self._installed.append(translator)
        if language != "en":
            qt_base = QTranslator(app)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt_base.load(f"qtbase_{language}", qt_dir):
                app.installTranslator(qt_base)
                self._installed.append(qt_base)
        QLocale.setDefault(QLocale("zh_CN" if language == "zh_CN" else "en_US"))
        self.language = language
        return language


def translate(context: str, text: str) -> str:
    """``tr()`` for code that is not a QObject (error templates, plain functions)."""
    return QCoreApplication.translate(context, text)
