"""WL406 unclosed-template: ``{{`` that does not make a template."""

from __future__ import annotations

import re

from wikilint.analysis.raw_markup import UnclosedRule
from wikilint.linter.rule import RuleDocs


class UnclosedTemplate(UnclosedRule):
    code = "WL406"
    name = "unclosed-template"
    summary = "A {{ has no }} to close it."
    opener = re.compile(r"\{\{")
    marker = "{{"
    pair = re.compile(r"\{\{|(?P<close>\}\})")
    message = "{{ is never closed: close the template with }}"
    docs = RuleDocs(
        what="A `{{` (template or parser function) with no `}}` to close it.",
        why="MediaWiki shows the braces and the parameters literally (CheckWiki error 43).",
        bad="Born 1950.{{citation needed|date=May 2020\n",
        good="Born 1950.{{citation needed|date=May 2020}} <math>{{n \\choose k}}</math>\n",
        notes="Each opener the parser leaves unclosed is confirmed against the source, as "
        "MediaWiki reads it: a template holding an unbalanced `''` is closed.",
        precision="3/3 findings read as correct on the shared corpus (en, en-extra, intl), "
        "2026-12-01",
    )
