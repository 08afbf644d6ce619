"""What rules report: findings with exact positions, and optional fixes."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    """How much a finding matters; ordered from least to most severe."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANKS[self]


_RANKS = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True, slots=True)
class Location:
    """A source span: 0-based code-point offsets and 1-based lines and columns."""

    offset: int
    end_offset: int
    line: int
    column: int
    end_line: int
    end_column: int


#: Where a finding about the whole input sits: its start (the engine's WL000 and WL002).
START_OF_INPUT = Location(0, 0, 1, 1, 1, 1)


@dataclass(frozen=True, slots=True)
class Related:
    """Another place that explains a finding, such as the first copy of a duplicate."""

    location: Location
    message: str


class Applicability(StrEnum):
    """Whether a fix can be applied without a human reading it (after ruff)."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``source[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str

    @classmethod
    def deletion(cls, source: str, start: int, end: int) -> Edit:
        """Delete ``source[start:end]``, with its line when nothing but spaces is left on it."""
        line_start = source.rfind("\n", 0, start) + 1
        line_end = source.find("\n", end)
        line_end = len(source) if line_end < 0 else line_end
        if source[line_start:start].strip(" \t") or source[end:line_end].strip(" \t"):
            return cls(start, end, "")
        return cls(line_start, min(line_end + 1, len(source)), "")


@dataclass(frozen=True, slots=True)
class Fix:
    """Edits that together resolve one finding."""

    edits: tuple[Edit, ...]
    applicability: Applicability
    description: str


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem a rule found in one article."""

    code: str
    rule: str
    severity: Severity
    message: str
    location: Location
    related: tuple[Related, ...] = ()
    fix: Fix | None = None
    path: str = field(default="", compare=False)

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return self.location.offset, self.location.end_offset, self.code


def allowed(finding: Finding, unsafe: bool) -> bool:
    """Whether a finding's fix may be applied at the chosen safety level."""
    if finding.fix is None:
        return False
    return unsafe or finding.fix.applicability is Applicability.SAFE
