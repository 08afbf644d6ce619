"""Word lists a pack can name instead of listing its words inline.

``swap_file`` of a substitution entry is a path relative to the pack file, or
``codespell:<file>`` for a dictionary shipped with codespell: a regular file inside the
pack's folder (or codespell's), of at most 8 MB. Its format: one
``wrong->right`` a line (only single words are read); several comma-separated
candidates, or a reason after a single comma, mean there is no automatic fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from wikilint.document.sentences import WORD

CODESPELL_PREFIX = "codespell:"
#: Larger word lists are refused: codespell's dictionary, the largest in use, has 1.5 MB.
MAX_WORD_LIST_BYTES = 8 * 2**20


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


class WordListError(Exception):
    """Why a ``swap_file`` cannot be used, in a few words."""


def read_word_list(name: str, pack: Path) -> dict[str, str]:
    """The corrections in the file a ``swap_file`` value of the pack file *pack* names."""
    return read_corrections(locate(name, pack))


def locate(name: str, pack: Path) -> Path:
    """The regular file a ``swap_file`` value names, inside the pack's folder (or
    codespell's data folder): a pack cannot make wikilint read any other file."""
    if name.startswith(CODESPELL_PREFIX):
        folder = _codespell_data()
        name = name.removeprefix(CODESPELL_PREFIX)
    else:
        folder = pack.parent
    try:
        folder = folder.resolve()
        path = (folder / name).resolve()
        if not path.is_relative_to(folder):
            raise WordListError(f"outside {folder}")
        if not path.is_file():
            raise WordListError("no such file" if not path.exists() else "not a regular file")
    except (OSError, RuntimeError) as error:  # RuntimeError: a symlink loop
        raise WordListError(f"cannot read ({error})") from None
    return path


def _codespell_data() -> Path:
    """codespell's data folder, found without importing codespell (which takes 20 ms)."""
    spec = find_spec("codespell_lib")
    if spec is None or not spec.submodule_search_locations:
        raise WordListError("codespell is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


@cache
def read_corrections(path: Path) -> dict[str, str]:
    """The right-hand side of each ``wrong->right`` line, keyed by the wrong form, read
    once per process; :meth:`Correction.parse` reads a side when a finding needs it (a
    dictionary has some 60,000 lines, a text a handful of misspellings)."""
    try:
        with path.open("rb") as file:
            data = file.read(MAX_WORD_LIST_BYTES + 1)
        text = data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise WordListError(f"cannot read ({error})") from None
    if len(data) > MAX_WORD_LIST_BYTES:
        raise WordListError(f"larger than {MAX_WORD_LIST_BYTES // 2**20} MB")
    corrections: dict[str, str] = {}
    for line in text.split("\n"):
        wrong, arrow, right = line.strip().partition("->")
        if not arrow or not (wrong.isalpha() or WORD.fullmatch(wrong)):
            continue  # "pre-empted": a compound is often a valid variant
        corrections[wrong] = right
    return corrections
