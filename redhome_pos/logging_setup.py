"""The program's log: a rotating file in the user log folder, with secrets masked.

Every line passes through ``redact()`` after formatting (tracebacks included), so neither a
configured secret nor a PIN, token or full phone number reaches the file even when code logs
one by mistake.
"""

from __future__ import annotations

import contextlib
import io
import logging
import logging.handlers
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

from redhome_pos.config import SECRET_MASK, Config

LOG_FILE_NAME = "redhome-pos.log"
MAX_LOG_BYTES = 2_000_000
LOG_FILES_KEPT = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

# Values that are secret by their name: pin=1234, "app_secret": "…", Authorization: Bearer …
_NAMED_SECRET = re.compile(
    r"(?i)(?P<name>\b[\w-]*(?:pin|secret|token|password|passwd|sign|signature|authorization)"
    r"[\w-]*\b[\"']?\s*[:=]\s*[\"']?(?:bearer\s+)?)(?P<value>[^\s\"',;&}]+)"
)
# "PIN 1234", "pin: 1234", "PIN#1234"; a code given as code=… (an OAuth code, a pay code);
# a bearer token wherever it appears.
_PIN_WORDS = re.compile(r"(?i)(?P<name>\bpins?\b\s*[:=#]?\s*)(?P<value>\d{4,8})\b")
_CODE = re.compile(
    r"(?i)(?P<name>\b(?:code|auth_?code)\b[\"']?\s*[:=]\s*[\"']?)(?P<value>[^\s\"',;&}]+)"
)
_BEARER = re.compile(r"(?i)(?P<name>\bbearer\s+)(?P<value>[\w.~+/=-]{8,})")
# A Chinese mobile number keeps its first three and last four digits.
_MOBILE = re.compile(r"(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)")
_URL_PASSWORD = re.compile(r"(?P<head>://[^:/@\s]+:)(?P<password>[^@/\s]+)(?P<tail>@)")


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """``text`` with secrets, PINs, tokens, URL passwords and mobile numbers masked."""
    for secret in sorted({s for s in secrets if len(s) >= 4}, key=len, reverse=True):
        text = text.replace(secret, SECRET_MASK)
    text = _NAMED_SECRET.sub(lambda m: m.group("name") + SECRET_MASK, text)
    for pattern in (_PIN_WORDS, _CODE, _BEARER):
        text = pattern.sub(lambda m: m.group("name") + SECRET_MASK, text)
    text = _URL_PASSWORD.sub(lambda m: m.group("head") + SECRET_MASK + m.group("tail"), text)
    return _MOBILE.sub(lambda m: f"{m.group(1)}****{m.group(3)}", text)


class RedactingFormatter(logging.Formatter):
    """Formats a record as usual, then masks what must never be written down."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__(_FORMAT)
        self.secrets = tuple(secrets)

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record), self.secrets)


class _StoreLogHandler(logging.handlers.RotatingFileHandler):
    """Marks the handler this module installed, so setting up again replaces it. Log files
    are readable by their owner only (0600), the rotated ones too (they are renamed)."""

    def _open(self) -> io.TextIOWrapper:
        descriptor = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        with contextlib.suppress(OSError):
            os.chmod(self.baseFilename, 0o600)  # made before by an older program
        stream = os.fdopen(descriptor, "a", encoding=self.encoding, errors=self.errors)
        assert isinstance(stream, io.TextIOWrapper)
        return stream


def log_file(config: Config) -> Path:
    return config.paths.log_dir / LOG_FILE_NAME


def setup_logging(config: Config, *, level: int = logging.INFO) -> Path:
    """Send the program's log to a rotating file in the log folder; returns the file.

    Calling it again (another command in the same process, a changed configuration)
    replaces the earlier file handler instead of adding a second one.
    """
    path = log_file(config)
    path.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, _StoreLogHandler)]:
        root.removeHandler(handler)
        handler.close()
    handler = _StoreLogHandler(
        path, maxBytes=MAX_LOG_BYTES, backupCount=LOG_FILES_KEPT, encoding="utf-8", delay=True
    )
    handler.setFormatter(RedactingFormatter(config.secrets()))
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    _log_uncaught_errors()
    return path


def _log_uncaught_errors() -> None:
    """An error nobody caught still reaches the log (masked like every other line)."""
    previous = sys.excepthook
    if getattr(previous, "_redhome_logs", False):
        return

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if not issubclass(kind, KeyboardInterrupt):
            logging.getLogger("redhome_pos").critical(
                "uncaught error", exc_info=(kind, error, trace)
            )
        previous(kind, error, trace)

    hook._redhome_logs = True  # type: ignore[attr-defined]
    sys.excepthook = hook
