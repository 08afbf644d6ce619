"""WL405 unclosed-link: ``[[`` that does not make a link."""

from __future__ import annotations

import re

from wikilint.analysis.raw_markup import UnclosedRule
from wikilint.linter.rule import RuleDocs


class UnclosedLink(UnclosedRule):
    code = "WL405"
    name = "unclosed-link"
    summary = "A [[ has no ]] to close it."
    opener = re.compile(r"\[\[")
    marker = "[["
    pair = re.compile(r"\[\[|(?P<close>\]\])")
    message = "[[ is never closed: close the link with ]]"
    docs = RuleDocs(
        what="A `[[` with no `]]` to close it.",
        why="MediaWiki shows the brackets and the text literally instead of a link "
        "(CheckWiki errors 10 and 46).",
        bad="Born in [[Paris, France.\n",
        good="Born in [[Paris]], [[France|the Republic]]. [[File:A.jpg|thumb|A [[b]]]]\n",
        notes="Each opener the parser leaves unclosed is confirmed against the source, as "
        "MediaWiki reads it: a file caption holding a ref is closed.",
        precision="no findings on the shared corpus (en, en-extra, intl), 2026-12-01",
    )
