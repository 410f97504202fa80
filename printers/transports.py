"""Ways to reach a printer: a byte pipe that can also ask the printer a question.

``send`` delivers bytes or raises ``PrinterUnreachable``; ``query`` sends a status request and
returns what came back before the timeout, or ``None`` when nothing did (or the pipe cannot
read). Every transport is opened for one job and closed after it.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol

from printers.errors import PrinterSetupError, PrinterUnreachable
from printers.profile import PrinterProfile

ReplyComplete = Callable[[bytes], bool]
STATUS_TIMEOUT_S = 2.0


class Transport(Protocol):
    name: str

    def send(self, data: bytes) -> None: ...

    def query(self, request: bytes, complete: ReplyComplete) -> bytes | None: ...

    def close(self) -> None: ...


class _Closing:
    name: str

    def close(self) -> None:  # pragma: no cover - overridden where there is something to close
        return None

    def __enter__(self) -> Any:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class NetworkTransport(_Closing):
    """A raw TCP printer port (9100), the usual Ethernet and Wi-Fi receipt and label printers."""

    def __init__(self, name: str, host: str, port: int = 9100, timeout_s: float = 5.0) -> None:
        self.name = name
        self.host = host
        self.port = port
        self.timeout_s = timeout_s
        self._socket: socket.socket | None = None

    def _connected(self) -> socket.socket:
        if self._socket is None:
            try:
                self._socket = socket.create_connection(
                    (self.host, self.port), timeout=self.timeout_s
                )
            except OSError as error:
                raise PrinterUnreachable(printer=self.name, detail=_describe(error)) from error
        return self._socket

    def send(self, data: bytes) -> None:
        connection = self._connected()
        try:
            connection.settimeout(self.timeout_s)
            connection.sendall(data)
        except OSError as error:
            self.close()
            raise PrinterUnreachable(printer=self.name, detail=_describe(error)) from error

    def query(self, request: bytes, complete: ReplyComplete) -> bytes | None:
        connection = self._connected()
        reply = b""
        deadline = time.monotonic() + min(self.timeout_s, STATUS_TIMEOUT_S)
        try:
            connection.sendall(request)
            while not complete(reply):
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                connection.settimeout(left)
                chunk = connection.recv(256)
                if not chunk:
                    break
                reply += chunk
        except TimeoutError:
            pass
        except OSError as error:
            self.close()
            raise PrinterUnreachable(printer=self.name, detail=_describe(error)) from error
        return reply or None

    def close(self) -> None:
        if self._socket is not None:
            self._socket.close()
            self._socket = None


class FileTransport(_Closing):
    """A file or a device node (``/dev/usb/lp0``, ``/dev/ttyS0`` set up by the system)."""

    def __init__(self, name: str, path: str, *, replace: bool = False) -> None:
        if not path:
            raise PrinterSetupError("Printer {printer} needs a file or device path", printer=name)
        self.name = name
        self.path = Path(path)
        self.replace = replace  # a preview picture replaces the last one; a device appends

    def send(self, data: bytes) -> None:
        try:
            with self.path.open("wb" if self.replace else "ab") as device:
                device.write(data)
                device.flush()
        except OSError as error:
            raise PrinterUnreachable(printer=self.name, detail=_describe(error)) from error

    def query(self, request: bytes, complete: ReplyComplete) -> bytes | None:
        return None  # a file cannot answer


class SystemQueueTransport(_Closing):
    """The operating system's print queue (CUPS ``lp``), the job sent raw."""

    def __init__(self, name: str, queue: str, timeout_s: float = 5.0) -> None:
        self.name = name
        self.queue = queue
        self.timeout_s = timeout_s

    def send(self, data: bytes) -> None:
        lp = shutil.which("lp")
        if lp is None:
            raise PrinterSetupError("The system print command lp is not installed")
        command = [lp, "-o", "raw", *(["-d", self.queue] if self.queue else [])]
        try:
            result = subprocess.run(
                command, input=data, capture_output=True, timeout=self.timeout_s, check=False
            )
        except subprocess.TimeoutExpired as error:
            raise PrinterUnreachable(
                printer=self.name, detail="the print queue did not answer"
            ) from error
        if result.returncode != 0:
            detail = (
                result.stderr.decode("utf-8", "replace").strip() or f"lp exit {result.returncode}"
            )
            raise PrinterUnreachable(printer=self.name, detail=detail)

    def query(self, request: bytes, complete: ReplyComplete) -> bytes | None:
        return None


class EscposDeviceTransport(_Closing):
    """USB and serial printers through python-escpos's device classes (pyusb / pyserial)."""

    def __init__(self, name: str, open_device: Callable[[], Any]) -> None:
        self.name = name
        self._open_device = open_device
        self._device: Any = None

    def _opened(self) -> Any:
        if self._device is None:
            try:
                self._device = self._open_device()
                self._device.open()
            except PrinterSetupError:
                raise
            except Exception as error:  # pyusb and pyserial raise their own error classes
                self._device = None
                raise PrinterUnreachable(printer=self.name, detail=str(error)) from error
        return self._device

    def send(self, data: bytes) -> None:
        device = self._opened()
        try:
            device._raw(data)
        except Exception as error:
            raise PrinterUnreachable(printer=self.name, detail=str(error)) from error

    def query(self, request: bytes, complete: ReplyComplete) -> bytes | None:
        device = self._opened()
        try:
            device._raw(request)
            reply = bytes(device._read() or b"")
        except Exception:
            return None
        return reply or None

    def close(self) -> None:
        if self._device is not None:
            try:
                self._device.close()
            finally:
                self._device = None


class DummyTransport(_Closing):
    """Keeps what is sent; answers queries from a script. For previews, demos and tests."""

    def __init__(self, name: str = "dummy", replies: dict[bytes, bytes] | None = None) -> None:
        self.name = name
        self.sent: list[bytes] = []
        self.replies = dict(replies or {})

    def send(self, data: bytes) -> None:
        self.sent.append(data)

    def query(self, request: bytes, complete: ReplyComplete) -> bytes | None:
        return self.replies.get(request)


def open_transport(profile: PrinterProfile) -> Transport:
    """The transport the printer's settings ask for (not yet connected)."""
    if profile.transport == "network":
        if not profile.host:
            raise PrinterSetupError("Printer {printer} needs a host address", printer=profile.name)
        return NetworkTransport(profile.name, profile.host, profile.port, profile.timeout_s)
    if profile.transport in ("file", "preview"):
        return FileTransport(profile.name, profile.path, replace=profile.transport == "preview")
    if profile.transport == "cups":
        return SystemQueueTransport(profile.name, profile.path, profile.timeout_s)
    if profile.transport == "usb":
        return EscposDeviceTransport(profile.name, lambda: _usb_device(profile))
    if profile.transport == "serial":
        return EscposDeviceTransport(profile.name, lambda: _serial_device(profile))
    return DummyTransport(profile.name)


def _device_class(profile: PrinterProfile, class_name: str, package: str) -> Any:
    from printers.escpos_import import escpos_printers

    device_class = getattr(escpos_printers, class_name)
    if not device_class.is_usable():
        raise PrinterSetupError(
            "Printer {printer} needs the {package} package installed",
            printer=profile.name,
            package=package,
        )
    return device_class


def _usb_device(profile: PrinterProfile) -> Any:
    usb = _device_class(profile, "Usb", "pyusb")
    timeout_ms = int(profile.timeout_s * 1000)
    return usb(profile.usb_vendor, profile.usb_product, timeout=timeout_ms, profile=profile.profile)


def _serial_device(profile: PrinterProfile) -> Any:
    serial = _device_class(profile, "Serial", "pyserial")
    return serial(
        profile.serial_device,
        baudrate=profile.baudrate,
        timeout=profile.timeout_s,
        profile=profile.profile,
    )


def _describe(error: OSError) -> str:
    if isinstance(error, ConnectionRefusedError):
        return "connection refused (is the printer on?)"
    if isinstance(error, TimeoutError | socket.timeout):
        return "no answer within the time limit"
    return error.strerror or str(error)
