"""Fonts, sizes and the stylesheet of the counter app."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

RED = "#FF2442"  # the RED brand red: the one primary action of a screen, nothing else
RED_DARK = "#D91A35"  # the primary action pressed
ERROR_INK = "#9E0F24"  # errors: a deep red, told apart from the brand red
ERROR_EDGE = "#B3261E"
ERROR_PAPER = "#FDECEE"
CHOSEN = "#E4ECF8"  # the chosen row or screen: a quiet blue, so red means only "act here"
INK = "#1F1F1F"
GREY = "#6B6B6B"  # 5.3:1 on white: readable for variants and hints
LINE = "#E3E3E3"
PAPER = "#FFFFFF"
SHADE = "#F5F5F7"
OK_GREEN = "#1B7F3B"
WARN_AMBER = "#8A5A00"

BODY_PX = 16
SMALL_PX = 14
TOTAL_PX = 40
TOUCH_PX = 48
PIN_KEY_PX = 64

CJK_FAMILIES = (
    "WenQuanYi Micro Hei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "Heiti SC",
)
CJK_FONT_FILES = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
)


def choose_font_family() -> str:
    """The first installed CJK family, loading a known font file if Qt did not find one."""
    families = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in families:
            return family
    for path in CJK_FONT_FILES:
        if path.exists():
            font_id = QFontDatabase.addApplicationFont(str(path))
            loaded = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            if loaded:
                return loaded[0]
    return QFont().defaultFamily()


def body_font(family: str, scale: float = 1.0) -> QFont:
    font = QFont(family)
    font.setPixelSize(round(BODY_PX * scale))
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


LARGE_SCREEN_WIDTH = 1600  # from here on everything is drawn a quarter larger


def scale_for_width(width: int) -> float:
    """1920×1080 counters are read from further away: larger type and targets there."""
    return 1.25 if width >= LARGE_SCREEN_WIDTH else 1.0


CART_LARGE_PX = 18  # the cart's text on a large screen, before the scale: read from a step back


def stylesheet(scale: float = 1.0) -> str:
    """The app's stylesheet; ``scale`` enlarges every size (borders stay thin). On a large
    screen the cart, what clerk and customer read most, grows more than the rest."""
    sheet = _stylesheet()
    if scale == 1.0:
        return sheet
    sheet += "QTableView#cart { font-size: %dpx; }\n" % CART_LARGE_PX  # noqa: UP031

    def scaled(match: re.Match[str]) -> str:
        value = int(match.group(1))
        return f"{value if value <= 2 else round(value * scale)}px"

    return re.sub(r"(\d+)px", scaled, sheet)


def _stylesheet() -> str:
    return f"""
QWidget {{ color: {INK}; font-size: {BODY_PX}px; }}
QMainWindow, QDialog {{ background: {PAPER}; }}
QPushButton {{
    min-height: {TOUCH_PX}px; padding: 4px 12px; border: 1px solid #C8C8C8;
    border-radius: 6px; background: {SHADE};
}}
QPushButton:pressed {{ background: #E4E4E8; }}
QPushButton:focus {{ border: 2px solid #3A6FD8; }}
QPushButton:disabled {{ color: #9A9A9A; }}
QPushButton#pay, QPushButton#complete {{
    background: {RED}; color: white; border: none; font-size: 24px; font-weight: bold;
}}
QPushButton#pay:pressed, QPushButton#complete:pressed {{ background: {RED_DARK}; }}
QPushButton#pay:disabled, QPushButton#complete:disabled {{ background: #F5A3AF; }}
QPushButton#pinKey {{ font-size: 26px; min-width: {PIN_KEY_PX}px; min-height: {PIN_KEY_PX}px; }}
QPushButton#quickNote {{ font-size: 22px; min-height: 56px; }}
QPushButton#choice:checked {{
    background: {INK}; color: white; border: 2px solid {INK}; font-weight: bold;
}}
QPushButton#nav {{ text-align: left; padding-left: 14px; border: none; background: transparent; }}
QPushButton#nav:checked {{ background: {CHOSEN}; color: {INK}; border-left: 4px solid {INK}; }}
QLineEdit, QSpinBox, QComboBox {{
    min-height: 40px; padding: 2px 8px; border: 1px solid #BDBDBD; border-radius: 4px;
}}
QLineEdit:focus {{ border: 2px solid #3A6FD8; }}
QSpinBox::up-button, QSpinBox::down-button {{ width: 32px; }}
QCheckBox {{ spacing: 10px; min-height: 44px; }}
QCheckBox::indicator {{ width: 28px; height: 28px; }}
QTableView {{
    outline: 0;
    gridline-color: {LINE}; selection-background-color: {CHOSEN}; selection-color: {INK};
    alternate-background-color: #FAFAFC;
}}
QHeaderView::section {{
    background: {SHADE}; padding: 6px; border: none; border-bottom: 1px solid {LINE};
    color: {GREY};
}}
QLabel#amountDue {{ font-size: {TOTAL_PX}px; font-weight: bold; color: {INK}; }}
QLabel#change {{ font-size: 48px; font-weight: bold; color: {OK_GREEN}; }}
QLabel#muted {{ color: {GREY}; font-size: {SMALL_PX}px; }}
QLabel#title {{ font-size: 24px; }}
QWidget#topBar {{ background: {INK}; }}
QWidget#topBar QLabel {{ color: white; font-size: 15px; }}
QLabel#brand {{ color: white; font-size: 20px; font-weight: bold; }}
QWidget#navBar {{ background: {SHADE}; border-right: 1px solid {LINE}; }}
QLabel#banner {{
    background: {ERROR_PAPER}; color: {ERROR_INK}; border: 1px solid {ERROR_EDGE};
    border-radius: 4px; padding: 8px 12px; font-size: 17px;
}}
QLabel#bannerWarn {{
    background: #FFF4DC; color: {WARN_AMBER}; border: 1px solid #E0B252; border-radius: 4px;
    padding: 8px 12px; font-size: 17px;
}}
QLabel#bannerOk {{
    background: #E8F5EC; color: {OK_GREEN}; border: 1px solid #9CD3AE; border-radius: 4px;
    padding: 8px 12px; font-size: 17px;
}}
QStatusBar QLabel {{ font-size: 14px; padding: 0 8px; }}
QFrame#overlay {{ background: white; border: 2px solid #BDBDBD; border-radius: 8px; }}
QFrame#chargePanel {{ background: #F4F7FD; border: 2px solid #3A6FD8; border-radius: 8px; }}
QLabel#chargeTitle {{ font-size: 24px; color: {INK}; }}
QLabel#chargeSeconds {{ font-size: 44px; font-weight: bold; color: #3A6FD8; }}
"""
