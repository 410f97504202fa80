"""``redhome-pos print-test`` and ``print-queue`` run as a person runs them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import zxingcpp
from escpos_decoder import decode
from fake_printer import FakePrinter
from PIL import Image

from printers.document import Document, Text
from printers.queue import PrintQueue
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.migrate import upgrade


def _home(tmp_path: Path, printers: str) -> Path:
    (tmp_path / "config.toml").write_text(
        f"""terminal_id = "POS-07"
[store]
code = "SH-01"
name = "REDHOME 上海静安店"
[database]
url = "sqlite:///{tmp_path / "store.db"}"
[paths]
data_dir = "{tmp_path / "data"}"
log_dir = "{tmp_path / "logs"}"
preview_dir = "{tmp_path / "previews"}"
{printers}
""",
        encoding="utf-8",
    )
    return tmp_path


def redhome(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REDHOME_")}
    env.update(
        HOME=str(home), XDG_CONFIG_HOME=str(home / "xdg"), XDG_DATA_HOME=str(home / "xdg-data")
    )
    return subprocess.run(
        [sys.executable, "-m", "redhome_pos", "--config", str(home / "config.toml"), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=home,
        timeout=120,
    )


@pytest.mark.slow
def test_print_test_to_a_file_printer_and_a_preview(tmp_path: Path) -> None:
    home = _home(
        tmp_path,
        f"""[printers.receipt]
transport = "file"
path = "{tmp_path / "receipt.bin"}"
columns = 42
dot_width = 512
profile = "TM-T88V"
[printers.screen]
transport = "preview"
""",
    )
    result = redhome(home, "print-test", "receipt")
    assert result.returncode == 0, result.stderr
    transcript = decode((tmp_path / "receipt.bin").read_bytes(), columns=42)
    assert transcript.problems == []
    assert ("QR", "REDHOME-TEST:receipt") in transcript.codes

    result = redhome(home, "print-test", "screen")
    assert result.returncode == 0, result.stderr
    image = Image.open(tmp_path / "previews" / "screen.png")
    assert [
        s.text for s in zxingcpp.read_barcodes(image.convert("L")) if s.format == zxingcpp.QRCode
    ] == ["REDHOME-TEST:screen"]

    result = redhome(home, "print-test", "kitchen")
    assert result.returncode == 2 and "kitchen" in result.stderr


@pytest.mark.slow
def test_status_of_a_network_printer_and_the_queue_commands(
    tmp_path: Path, fake_printer: FakePrinter
) -> None:
    home = _home(
        tmp_path,
        f"""[printers.receipt]
transport = "network"
host = "127.0.0.1"
port = {fake_printer.port}
timeout_s = 0.5
""",
    )
    result = redhome(home, "print-test", "--status-only")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "receipt: ready"

    database = Database(f"sqlite:///{tmp_path / 'store.db'}")
    upgrade(database)
    job_id = PrintQueue(database, {}).enqueue(
        "receipt", Document("x", (Text("小票"),)), printer="receipt", reference="S-1"
    )
    database.dispose()

    listing = redhome(home, "print-queue", "list")
    assert listing.returncode == 0, listing.stderr
    assert f"{job_id}" in listing.stdout and "queued" in listing.stdout and "S-1" in listing.stdout
    assert redhome(home, "print-queue", "cancel", str(job_id)).returncode == 0
    assert redhome(home, "print-queue", "retry", str(job_id)).returncode == 0
    reprint = redhome(home, "print-queue", "reprint", str(job_id))
    assert reprint.returncode == 0 and "Reprint queued" in reprint.stdout
