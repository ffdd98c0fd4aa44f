"""Content problems: what is wrong, where, and how to fix it.

Every check in the package reports through :class:`Problem` instead of raising, so one run
shows all problems at once and bad content never ends in a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath


@dataclass(frozen=True, order=True)
class Problem:
    """One content problem, printed as ``path:line: field: message (hint)``."""

    path: str
    line: int | None
    field: str
    message: str
    hint: str = ""

    def format(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        field = f" {self.field}:" if self.field else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}:{field} {self.message}{hint}"

    def __str__(self) -> str:
        return self.format()


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Stable, readable order: by file, then line."""
    return sorted(problems, key=lambda p: (PurePosixPath(p.path).parts, p.line or 0, p.field, p.message))
