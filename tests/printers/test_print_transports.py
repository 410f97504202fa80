"""Transports chosen in the settings: what each does when the printer or its tools are missing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from escpos_decoder import decode
from print_samples import receipt_data

from printers.errors import PrinterSetupError, PrinterUnreachable
from printers.printing import print_document
from printers.profile import PrinterProfile, profile_from_config, receipt_profile
from printers.status import PrinterState
from printers.templates import sales_receipt
from printers.transports import FileTransport, NetworkTransport, open_transport
from redhome_pos.config import PrinterConfig


def test_file_printer_receives_the_job_and_reports_unknown_status(tmp_path: Path) -> None:
    target = tmp_path / "lp0"
    profile = receipt_profile(42, transport="file", path=str(target))
    status = print_document(sales_receipt(receipt_data()), profile)
    assert status.state is PrinterState.UNKNOWN  # a file cannot say it is fine
    transcript = decode(target.read_bytes(), columns=42)
    assert transcript.problems == [] and transcript.codes == [("QR", receipt_data().receipt_code)]


def test_file_printer_in_a_missing_folder_is_unreachable(tmp_path: Path) -> None:
    with pytest.raises(PrinterUnreachable):
        FileTransport("receipt", str(tmp_path / "no" / "such" / "device")).send(b"x")


@pytest.mark.parametrize(
    ("transport", "package"),
    [("usb", "pyusb"), ("serial", "pyserial")],
)
def test_usb_and_serial_without_their_library_is_a_setup_error(
    transport: str, package: str
) -> None:
    profile = PrinterProfile(name="p", transport=transport, usb_vendor=0x0416, usb_product=0x5011)
    if _has(package):
        pytest.skip(f"{package} is installed here")
    with pytest.raises(PrinterSetupError, match=package):
        open_transport(profile).send(b"x")


def _has(package: str) -> bool:
    module = {"pyusb": "usb", "pyserial": "serial"}[package]
    try:
        __import__(module)
    except ImportError:
        return False
    return True


@pytest.mark.skipif(shutil.which("lp") is not None, reason="lp is installed here")
def test_system_queue_without_lp_is_a_setup_error() -> None:
    with pytest.raises(PrinterSetupError, match="lp"):
        open_transport(PrinterProfile(name="c", transport="cups", path="receipt")).send(b"x")


def test_network_printer_nobody_listens_on() -> None:
    import socket

    with socket.socket() as probe:  # a free port, closed again: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(PrinterUnreachable, match="refused"):
        NetworkTransport("receipt", "127.0.0.1", port, 0.5).send(b"x")


def test_profile_from_the_configuration_and_bad_settings() -> None:
    config = PrinterConfig(
        name="receipt",
        transport="network",
        host="192.168.1.50",
        usb_vendor=0x0416,
        columns=32,
        dot_width=384,
        encoding="gb18030",
    )
    profile = profile_from_config(config)
    assert (profile.host, profile.usb_vendor, profile.columns, profile.encoding) == (
        "192.168.1.50",
        0x0416,
        32,
        "gb18030",
    )
    with pytest.raises(PrinterSetupError, match="encoding"):
        PrinterProfile(encoding="utf-8")
    with pytest.raises(PrinterSetupError, match="transport"):
        PrinterProfile(transport="bluetooth")


def test_preview_printer_replaces_its_picture(tmp_path: Path) -> None:
    from PIL import Image

    target = tmp_path / "preview.png"
    profile = receipt_profile(32, transport="preview", path=str(target))
    print_document(sales_receipt(receipt_data(1)), profile)
    print_document(sales_receipt(receipt_data(4)), profile)
    with Image.open(target) as image:  # one valid picture: the second receipt, not two glued
        image.load()
        taller = image.height
    print_document(sales_receipt(receipt_data(1)), profile)
    with Image.open(target) as image:
        assert image.height < taller
    assert target.read_bytes().count(b"IEND") == 1
