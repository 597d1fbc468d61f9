"""The small exception tree, and the diagnostics a build collects.

Content problems are collected, not raised: one bad file must not stop the
rest of the site (exit 1). Configuration and template problems raise
`BuildError`: nothing is published and the last good output stays (exit 2).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, order=True)
class Diagnostic:
    file: str | None
    line: int | None
    level: Literal["error", "warning", "note"]
    message: str

    def __str__(self) -> str:
        where = self.file or "<site>"
        if self.line:
            where += f":{self.line}"
        return f"{where}: {self.level}: {self.message}"


class BuildError(Exception):
    """A configuration or template error: the build publishes nothing."""

    def __init__(self, message: str, file: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line

    def __str__(self) -> str:
        where = self.file or ""
        if where and self.line:
            where += f":{self.line}"
        return f"{where}: {self.message}" if where else self.message


class ConfigError(BuildError):
    """site.toml is unreadable or invalid; every problem is in the message."""


class TemplateError(BuildError):
    """A theme or site template failed to load or render."""
