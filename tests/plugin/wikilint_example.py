"""An example rule package for wikilint, written against its public API only."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from wikilint import (
    Applicability,
    Article,
    Doc,
    Edit,
    Finding,
    Fix,
    Range,
    Rule,
    RuleDocs,
    prose_matches,
)


class NoShouting(Rule):
    code = "XPL101"
    name = "no-shouting"
    summary = "A word written in capitals"
    docs = RuleDocs(
        what="A word of capital letters in the editors' own words.",
        why="Capitals read as shouting; emphasis is the reader's to infer.",
        bad="The results were AMAZING.\n",
        good='The results were better than expected; critics called them "AMAZING".\n',
        fix="Unsafe: an acronym is written in capitals too.",
    )
    fix_safety = Applicability.UNSAFE

    @dataclass(frozen=True)
    class Options:
        min_length: Annotated[
            int, Range(2, 50), Doc("Shorter words in capitals (acronyms) are left alone.")
        ] = 4
        allowed: Annotated[tuple[str, ...], Doc("Words in capitals that are not shouted.")] = ()

    def check(self, article: Article) -> Iterator[Finding]:
        capitals = re.compile(rf"\b[A-Z]{{{self.options.min_length},}}\b")
        for match in prose_matches(article, capitals):
            if match.text in self.options.allowed:
                continue
            start, end = match.span
            lowered = Fix((Edit(start, end, match.text.lower()),), self.fix_safety, "lower it")
            yield self.finding(article, start, end, f"{match.text!r} is shouted", fix=lowered)


RULES = [NoShouting]
