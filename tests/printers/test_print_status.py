"""Status queries: ESC/POS DLE EOT, TSPL ESC ! ?, ZPL ~HS; no reply is unknown, never ready."""

from __future__ import annotations

import pytest
from fake_printer import COVER_OPEN_REPLIES, PAPER_OUT_REPLIES, FakePrinter

from printers.profile import PrinterProfile
from printers.status import (
    DLE_EOT_PRINTER,
    TSPL_STATUS,
    ZPL_HOST_STATUS,
    PrinterState,
    escpos_status,
    query_status,
    tspl_status,
    zpl_status,
)
from printers.transports import DummyTransport, NetworkTransport


def _network(printer: FakePrinter, timeout_s: float = 0.5) -> NetworkTransport:
    return NetworkTransport("receipt", printer.host, printer.port, timeout_s)


def test_ready_printer_over_the_network(fake_printer: FakePrinter) -> None:
    with _network(fake_printer) as transport:
        status = escpos_status(transport)
    assert status.state is PrinterState.READY
    assert DLE_EOT_PRINTER in fake_printer.queries


def test_paper_out_and_cover_open(fake_printer: FakePrinter) -> None:
    fake_printer.replies = dict(PAPER_OUT_REPLIES)
    with _network(fake_printer) as transport:
        assert escpos_status(transport).state is PrinterState.PAPER_OUT
    fake_printer.replies = dict(COVER_OPEN_REPLIES)
    with _network(fake_printer) as transport:
        assert escpos_status(transport).state is PrinterState.COVER_OPEN


@pytest.mark.parametrize("behaviour", ["silent", "stall"])
def test_a_printer_that_does_not_answer_is_unknown_never_ready(
    fake_printer: FakePrinter, behaviour: str
) -> None:
    fake_printer.behaviour = behaviour
    with _network(fake_printer, timeout_s=0.3) as transport:
        status = escpos_status(transport)
    assert status.state is PrinterState.UNKNOWN
    assert status.state.can_print  # cheap printers never answer; we still try to print


def test_a_garbled_reply_is_unknown() -> None:
    transport = DummyTransport(replies={DLE_EOT_PRINTER: b"\xff"})
    assert escpos_status(transport).state is PrinterState.UNKNOWN


@pytest.mark.parametrize(
    ("reply", "state"),
    [
        (b"\x00", PrinterState.READY),
        (b"\x04", PrinterState.PAPER_OUT),
        (b"\x01", PrinterState.COVER_OPEN),
        (b"\x10", PrinterState.OFFLINE),
        (b"\x08", PrinterState.ERROR),
    ],
)
def test_tspl_status_byte(reply: bytes, state: PrinterState) -> None:
    assert tspl_status(DummyTransport(replies={TSPL_STATUS: reply})).state is state


def _hs(paper_out: str = "0", paused: str = "0", head_up: str = "0") -> bytes:
    return (
        f"\x02030,{paper_out},{paused},1245,000,0,0,0,000,0,0,0\x03\r\n"
        f"\x02000,0,{head_up},0,0,2,4,0,00000000,1,000\x03\r\n"
        "\x021234,0\x03\r\n"
    ).encode("ascii")


@pytest.mark.parametrize(
    ("reply", "state"),
    [
        (_hs(), PrinterState.READY),
        (_hs(paper_out="1"), PrinterState.PAPER_OUT),
        (_hs(paused="1"), PrinterState.OFFLINE),
        (_hs(head_up="1"), PrinterState.COVER_OPEN),
        (_hs()[:20], PrinterState.UNKNOWN),
    ],
)
def test_zpl_host_status(reply: bytes, state: PrinterState) -> None:
    assert zpl_status(DummyTransport(replies={ZPL_HOST_STATUS: reply})).state is state


def test_zpl_status_over_the_network(fake_printer: FakePrinter) -> None:
    fake_printer.replies = {ZPL_HOST_STATUS: _hs(paper_out="1")}
    profile = PrinterProfile(name="label", language="zpl", transport="network", host="127.0.0.1")
    with _network(fake_printer) as transport:
        assert query_status(profile, transport).state is PrinterState.PAPER_OUT


def test_refused_connection_is_a_clear_unreachable_error(fake_printer: FakePrinter) -> None:
    from printers.errors import PrinterUnreachable

    fake_printer.refuse()
    with pytest.raises(PrinterUnreachable, match="refused"), _network(fake_printer) as transport:
        transport.send(b"x")
