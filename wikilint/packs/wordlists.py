"""Word lists a pack can name instead of listing its words inline.

``swap_file`` of a substitution entry is a path relative to the pack file, or
``codespell:<file>`` for a dictionary shipped with codespell. Its format: one
``wrong->right`` a line (only single words are read); several comma-separated
candidates, or a reason after a single comma, mean there is no automatic fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

from wikilint.text import WORD

CODESPELL_PREFIX = "codespell:"


@dataclass(frozen=True, slots=True)
class Correction:
    """What a wrong form should become; ``fixable`` when there is one sure candidate."""

    candidates: tuple[str, ...]
    fixable: bool

    @classmethod
    def parse(cls, right: str) -> Correction:
        """The right-hand side of a ``wrong->right`` line."""
        if "," not in right:
            return cls((right.strip(),), fixable=True)
        if right.rstrip().endswith(","):
            candidates = tuple(word.strip() for word in right.split(",") if word.strip())
            return cls(candidates, fixable=False)
        return cls((right.split(",", 1)[0].strip(),), fixable=False)  # with a reason


def resolve(name: str, pack: Path) -> Path:
    """The file a ``swap_file`` value names."""
    if name.startswith(CODESPELL_PREFIX):
        return Path(str(files("codespell_lib") / "data" / name.removeprefix(CODESPELL_PREFIX)))
    return pack.parent / name


@cache
def read_corrections(path: Path) -> dict[str, str]:
    """The right-hand side of each ``wrong->right`` line, keyed by the wrong form, read
    once per process; :meth:`Correction.parse` reads a side when a finding needs it (a
    dictionary has some 60,000 lines, a text a handful of misspellings)."""
    corrections: dict[str, str] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            wrong, arrow, right = line.strip().partition("->")
            if not arrow or not (wrong.isalpha() or WORD.fullmatch(wrong)):
                continue  # "pre-empted": a compound is often a valid variant
            corrections[wrong] = right
    return corrections
