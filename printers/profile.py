"""What the printing code needs to know about one printer, taken from its settings.

``PrinterProfile`` mirrors ``PrinterConfig`` of the configuration (contract A) so that the
renderers and transports depend only on these fields; ``profile_from_config`` copies them.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Literal

from printers.errors import PrinterSetupError

Transport = Literal["network", "usb", "serial", "file", "cups", "dummy", "preview"]
Language = Literal["escpos", "escpos-raster", "tspl", "zpl"]

TRANSPORTS: tuple[str, ...] = ("network", "usb", "serial", "file", "cups", "dummy", "preview")
LANGUAGES: tuple[str, ...] = ("escpos", "escpos-raster", "tspl", "zpl")
ENCODINGS: tuple[str, ...] = ("gbk", "gb18030")
DEFAULT_FONT_PATH = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"


@dataclass(frozen=True)
class PrinterProfile:
    """One configured printer: how to reach it, what it speaks, how wide its paper is."""

    name: str = "receipt"
    transport: str = "dummy"
    host: str = ""
    port: int = 9100
    usb_vendor: int = 0
    usb_product: int = 0
    serial_device: str = ""
    baudrate: int = 9600
    path: str = ""
    language: str = "escpos"
    profile: str = "TM-T20II"
    columns: int = 48
    dot_width: int = 576
    encoding: str = "gbk"
    cutter: bool = True
    qr_native: bool = False
    cash_drawer: bool = True
    label_width_mm: int = 60
    label_height_mm: int = 40
    timeout_s: float = 5.0
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
    config: Any, *, font_path: str | None = None, path: str | None = None
) -> PrinterProfile:
    """Copy the fields of a ``PrinterConfig`` (or any object with those attributes)."""
    values: dict[str, Any] = {}
    for field in fields(PrinterProfile):
        if hasattr(config, field.name):
            value = getattr(config, field.name)
            if value is not None:
                values[field.name] = value
    for name in ("usb_vendor", "usb_product"):
        raw = values.get(name)
        if isinstance(raw, str):
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
