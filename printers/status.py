"""Asking a printer how it is: DLE EOT (ESC/POS), ESC ! ? (TSPL), ~HS (ZPL).

A printer that does not answer, or answers something we cannot read, is ``UNKNOWN`` — never
"ready". The queue prints to an unknown printer (many cheap printers never answer) but holds
jobs for a printer that says it cannot print.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from printers.profile import PrinterProfile
from printers.transports import Transport

DLE_EOT_PRINTER = b"\x10\x04\x01"
DLE_EOT_OFFLINE_CAUSE = b"\x10\x04\x02"
DLE_EOT_PAPER = b"\x10\x04\x04"
TSPL_STATUS = b"\x1b!?"
ZPL_HOST_STATUS = b"~HS"


class PrinterState(enum.StrEnum):
    READY = "ready"
    PAPER_NEAR_END = "paper near end"
    PAPER_OUT = "paper out"
    COVER_OPEN = "cover open"
    OFFLINE = "offline"
    ERROR = "error"
    UNKNOWN = "unknown"

    @property
    def can_print(self) -> bool:
        """Worth sending a job: ready, nearly out of paper, or silent."""
        return self in (PrinterState.READY, PrinterState.PAPER_NEAR_END, PrinterState.UNKNOWN)


@dataclass(frozen=True)
class PrinterStatus:
    state: PrinterState
    detail: str = ""


UNKNOWN = PrinterStatus(PrinterState.UNKNOWN, "the printer did not answer")


def _one_byte(reply: bytes) -> bool:
    return len(reply) >= 1


def _escpos_byte(reply: bytes | None) -> int | None:
    """A DLE EOT reply byte, checked against the bits the standard fixes (0xx1 xx10)."""
    if not reply:
        return None
    value = reply[-1]
    return value if value & 0x93 == 0x12 else None


def escpos_status(transport: Transport) -> PrinterStatus:
    printer = _escpos_byte(transport.query(DLE_EOT_PRINTER, _one_byte))
    if printer is None:
        return UNKNOWN
    paper = _escpos_byte(transport.query(DLE_EOT_PAPER, _one_byte))
    if paper is not None and paper & 0x60:
        return PrinterStatus(PrinterState.PAPER_OUT, "paper roll is empty")
    if printer & 0x08:
        cause = _escpos_byte(transport.query(DLE_EOT_OFFLINE_CAUSE, _one_byte))
        if cause is not None and cause & 0x04:
            return PrinterStatus(PrinterState.COVER_OPEN, "cover is open")
        if cause is not None and cause & 0x20:
            return PrinterStatus(PrinterState.PAPER_OUT, "paper roll is empty")
        return PrinterStatus(PrinterState.OFFLINE, "printer is offline")
    if paper is None:
        return PrinterStatus(PrinterState.READY, "online; paper sensor did not answer")
    if paper & 0x0C:
        return PrinterStatus(PrinterState.PAPER_NEAR_END, "paper roll is nearly empty")
    return PrinterStatus(PrinterState.READY)


_TSPL_BITS = (
    (0x01, PrinterState.COVER_OPEN, "print head is open"),
    (0x04, PrinterState.PAPER_OUT, "out of labels"),
    (0x02, PrinterState.ERROR, "paper jam"),
    (0x08, PrinterState.ERROR, "out of ribbon"),
    (0x10, PrinterState.OFFLINE, "printer is paused"),
    (0x80, PrinterState.ERROR, "printer reports an error"),
)


def tspl_status(transport: Transport) -> PrinterStatus:
    reply = transport.query(TSPL_STATUS, _one_byte)
    if not reply:
        return UNKNOWN
    value = reply[0]
    for bit, state, detail in _TSPL_BITS:
        if value & bit:
            return PrinterStatus(state, detail)
    return PrinterStatus(PrinterState.READY)


def _zpl_complete(reply: bytes) -> bool:
    return reply.count(b"\x03") >= 3


def zpl_status(transport: Transport) -> PrinterStatus:
    reply = transport.query(ZPL_HOST_STATUS, _zpl_complete)
    if not reply or not _zpl_complete(reply):
        return UNKNOWN
    strings = [
        part.split(b"\x02")[-1].decode("ascii", "replace") for part in reply.split(b"\x03")[:3]
    ]
    first, second = strings[0].split(","), strings[1].split(",")
    if len(first) < 3 or len(second) < 4:
        return UNKNOWN
    if first[1] == "1":
        return PrinterStatus(PrinterState.PAPER_OUT, "out of labels")
    if second[2] == "1":
        return PrinterStatus(PrinterState.COVER_OPEN, "print head is up")
    if second[3] == "1":
        return PrinterStatus(PrinterState.ERROR, "out of ribbon")
    if first[2] == "1":
        return PrinterStatus(PrinterState.OFFLINE, "printer is paused")
    return PrinterStatus(PrinterState.READY)


def query_status(profile: PrinterProfile, transport: Transport) -> PrinterStatus:
    """Ask the printer in its own language; ``UNKNOWN`` when it says nothing we can read."""
    if profile.language == "tspl":
        return tspl_status(transport)
    if profile.language == "zpl":
        return zpl_status(transport)
    return escpos_status(transport)
