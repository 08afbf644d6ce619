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

from wikilint.linter.finding import Finding

#: Characters of text either side of a finding that belong to its key.
CONTEXT = 24


class FindingKey(NamedTuple):
    code: str
    text: str
    context: str
    occurrence: int


def _normalised(text: str) -> str:
    return " ".join(text.split())


def keyed_findings(findings: Iterable[Finding], source: str) -> list[tuple[Finding, FindingKey]]:
    """Each finding of *source* with its key, in source order."""
    seen: Counter[tuple[str, str, str]] = Counter()
    keyed = []
    for finding in sorted(findings, key=lambda finding: finding.sort_key):
        start, end = finding.location.offset, finding.location.end_offset
        around = source[max(0, start - CONTEXT) : start] + "\0" + source[end : end + CONTEXT]
        context = hashlib.blake2b(_normalised(around).encode(), digest_size=8).hexdigest()
        stem = (finding.code, _normalised(source[start:end]), context)
        keyed.append((finding, FindingKey(*stem, seen[stem])))
        seen[stem] += 1
    return keyed


def finding_keys(findings: Iterable[Finding], source: str) -> list[FindingKey]:
    """The key of each finding of *source*, in source order."""
    return [key for _, key in keyed_findings(findings, source)]


def new_findings(
    before: Iterable[Finding], before_source: str, after: Iterable[Finding], after_source: str
) -> list[Finding]:
    """The findings of *after_source* that no finding of *before_source* matches."""
    known = set(finding_keys(before, before_source))
    return [finding for finding, key in keyed_findings(after, after_source) if key not in known]
