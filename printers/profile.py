"""What the printing code needs to know about one printer, taken from its settings.

``PrinterProfile`` is the configuration's ``PrinterConfig`` checked (known transport, language,
encoding, a paper width that makes sense) with the font to draw with; ``profile_from_config``
builds one from the configuration.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Literal

from printers.errors import PrinterSetupError
from redhome_pos.config import PrinterConfig

Transport = Literal["network", "usb", "serial", "file", "cups", "dummy", "preview"]
Language = Literal["escpos", "escpos-raster", "tspl", "zpl"]

TRANSPORTS: tuple[str, ...] = ("network", "usb", "serial", "file", "cups", "dummy", "preview")
LANGUAGES: tuple[str, ...] = ("escpos", "escpos-raster", "tspl", "zpl")
ENCODINGS: tuple[str, ...] = ("gbk", "gb18030")
DEFAULT_FONT_PATH = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"


@dataclass(frozen=True, slots=True)
class PrinterProfile(PrinterConfig):
    """One configured printer: its ``PrinterConfig`` (how to reach it, what it speaks, how wide
    its paper is) and the font its pictures are drawn with. Built without a configuration (in
    tests and previews) it is a receipt printer that keeps what it is sent."""

    name: str = "receipt"
    transport: str = "dummy"
    font_path: str = DEFAULT_FONT_PATH

    def __post_init__(self) -> None:
        if self.transport not in TRANSPORTS:
            raise PrinterSetupError(
                "Printer {printer}: unknown transport {value!r}",
                printer=self.name,
                value=self.transport,
            )
        if self.language not in LANGUAGES:
            raise PrinterSetupError(
                "Printer {printer}: unknown printer language {value!r}",
                printer=self.name,
                value=self.language,
            )
        if self.encoding not in ENCODINGS:
            raise PrinterSetupError(
                "Printer {printer}: encoding must be gbk or gb18030, not {value!r}",
                printer=self.name,
                value=self.encoding,
            )
        if not 16 <= self.columns <= 80:
            raise PrinterSetupError(
                "Printer {printer}: {value} columns is not a paper width",
                printer=self.name,
                value=self.columns,
            )
        if self.dot_width < self.columns * 8:
            raise PrinterSetupError(
                "Printer {printer}: dot width {value} is too small for {columns} columns",
                printer=self.name,
                value=self.dot_width,
                columns=self.columns,
            )

    @property
    def is_label_printer(self) -> bool:
        return self.language in ("tspl", "zpl")


def profile_from_config(
    config: PrinterConfig, *, font_path: str | None = None, path: str | None = None
) -> PrinterProfile:
    """The checked profile of a configured printer (``path`` overrides where it writes)."""
    values: dict[str, Any] = {field.name: getattr(config, field.name) for field in fields(config)}
    for name in ("usb_vendor", "usb_product"):
        raw = values[name]
        if isinstance(raw, str):  # written as hex in the configuration file
            values[name] = int(raw, 16) if raw else 0
    if font_path is not None:
        values["font_path"] = font_path
    if path is not None:
        values["path"] = path
    return PrinterProfile(**values)


def receipt_profile(columns: int, **changes: Any) -> PrinterProfile:
    """A receipt printer profile for the usual paper widths: 32, 42 or 48 columns."""
    presets: dict[int, dict[str, Any]] = {
        32: {"profile": "ZJ-5870", "dot_width": 384, "cutter": False},
        42: {"profile": "TM-T88V", "dot_width": 512},
        48: {"profile": "TM-T20II", "dot_width": 576},
    }
    if columns not in presets:
        raise PrinterSetupError("No receipt preset for {columns} columns", columns=columns)
    values: dict[str, Any] = {"name": f"receipt-{columns}", "columns": columns, **presets[columns]}
    values.update(changes)
    return PrinterProfile(**values)
