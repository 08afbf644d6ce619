"""Tell findings of two versions of a text apart by content, not by position.

An edit moves everything after it, so a finding is identified by what it flags and what
surrounds it: the rule code, the flagged text (whitespace-normalised), a hash of the text
around it, and its occurrence index among findings that share those three. A finding of
the new version is new when the old version has no finding with the same key.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from wikilint.finding import Finding

#: Characters of text either side of a finding that belong to its key.
CONTEXT = 24


class FindingKey(NamedTuple):
    code: str
    text: str
    context: str
    occurrence: int


def _normalised(text: str) -> str:
    return " ".join(text.split())


def finding_keys(findings: Iterable[Finding], source: str) -> list[FindingKey]:
    """The key of each finding of *source*, in the findings' order."""
    seen: Counter[tuple[str, str, str]] = Counter()
    keys = []
    for finding in sorted(findings, key=lambda finding: finding.sort_key):
        start, end = finding.location.offset, finding.location.end_offset
        around = source[max(0, start - CONTEXT) : start] + "\0" + source[end : end + CONTEXT]
        context = hashlib.blake2b(_normalised(around).encode(), digest_size=8).hexdigest()
        stem = (finding.code, _normalised(source[start:end]), context)
        keys.append(FindingKey(*stem, seen[stem]))
        seen[stem] += 1
    return keys


def new_findings(
    before: Iterable[Finding], before_source: str, after: Iterable[Finding], after_source: str
) -> list[Finding]:
    """The findings of *after_source* that no finding of *before_source* matches."""
    known = set(finding_keys(before, before_source))
    ordered = sorted(after, key=lambda finding: finding.sort_key)
    return [
        finding
        for finding, key in zip(ordered, finding_keys(ordered, after_source), strict=True)
        if key not in known
    ]
