"""Applying fixes: non-overlapping edits in one pass, repeated until nothing changes."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from wikilint.linter.engine import lint_source
from wikilint.linter.finding import Edit, Finding, allowed
from wikilint.linter.rule import Rule

#: Passes of fix-then-relint before giving up on reaching a fixed point.
MAX_PASSES = 10


def _conflicts(edit: Edit, taken: list[Edit]) -> bool:
    """Edits that overlap or touch are never applied in the same pass."""
    return any(edit.start <= other.end and other.start <= edit.end for other in taken)


def apply_fixes(source: str, findings: Iterable[Finding]) -> tuple[str, list[Finding]]:
    """Apply the fixes of *findings* that do not conflict with an earlier one.

    Fixes are taken in source order; a fix is applied whole or not at all. Returns
    the new text and the findings whose fixes were applied.
    """
    taken: list[Edit] = []
    applied: list[Finding] = []
    fixable = [(finding, finding.fix.edits) for finding in findings if finding.fix is not None]
    for finding, edits in sorted(fixable, key=lambda pair: min(edit.start for edit in pair[1])):
        if any(_conflicts(edit, taken) for edit in edits) or _self_overlapping(edits):
            continue
        taken.extend(edits)
        applied.append(finding)
    pieces: list[str] = []
    position = 0
    for edit in sorted(taken, key=lambda edit: edit.start):
        pieces += [source[position : edit.start], edit.replacement]
        position = edit.end
    pieces.append(source[position:])
    return "".join(pieces), applied


def _self_overlapping(edits: Sequence[Edit]) -> bool:
    ordered = sorted(edits, key=lambda edit: edit.start)
    return any(left.end > right.start for left, right in itertools.pairwise(ordered))


@dataclass(frozen=True, slots=True)
class FixOutcome:
    """The fixed text, how many findings were fixed, what remains, and what the text
    had before the first fix."""

    text: str
    fixed: int
    remaining: list[Finding]
    found: list[Finding]


def fix_source(
    source: str,
    path: str,
    rules: Sequence[Rule],
    language: str | None = None,
    unsafe: bool = False,
) -> FixOutcome:
    """Lint, fix, re-lint until no allowed fix applies, a cycle appears, or
    :data:`MAX_PASSES` is reached."""
    text = source
    fixed = 0
    seen = {text}
    findings = found = lint_source(text, path, rules, language)
    for _ in range(MAX_PASSES):
        candidates = [finding for finding in findings if allowed(finding, unsafe)]
        if not candidates:
            break
        new_text, applied = apply_fixes(text, candidates)
        if not applied or new_text in seen:  # nothing applies, or fixes undo each other
            break
        seen.add(new_text)
        text, fixed = new_text, fixed + len(applied)
        findings = lint_source(text, path, rules, language)
    return FixOutcome(text, fixed, findings, found)
