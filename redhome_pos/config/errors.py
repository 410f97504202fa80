"""The configuration's one error: the message names the file, the line and the key.

The problem is an English template with ``{name}`` fields filled from ``params``, like a
``DomainError``'s, so it can be translated before it is filled."""

from __future__ import annotations

from pathlib import Path
from typing import Any


class ConfigError(Exception):
    """The configuration cannot be used; the message names the file, line and key."""

    def __init__(
        self,
        template: str,
        *,
        file: Path | str | None = None,
        line: int | None = None,
        key: str = "",
        **params: Any,
    ) -> None:
        self.file = str(file) if file is not None else ""
        self.line = line
        self.key = key
        self.template = template
        self.params = params
        self.problem = message = template.format(**params)
        where = self.file
        if where and line is not None:
            where = f"{where}, line {line}"
        if key:
            where = f"{where}: {key}" if where else key
        super().__init__(f"{where}: {message}" if where else message)
