"""Pack entries become :class:`~wikilint.linter.rule.Rule` subclasses, so the registry, the
engine and the configuration treat them like any other rule."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from wikilint.document.article import Article
from wikilint.linter.finding import Finding
from wikilint.linter.rule import Rule, RuleDocs
from wikilint.packs import wordlists
from wikilint.packs.kinds import KINDS, Kind
from wikilint.packs.schema import RuleSpec


class PackRule(Rule):
    """A rule declared in a pack file; :func:`make_rule` creates one class per entry."""

    #: The pack file that declares the rule.
    pack: ClassVar[Path]
    #: Where the rule's guideline is explained.
    url: ClassVar[str]
    matcher: ClassVar[Kind]

    def check(self, article: Article) -> Iterable[Finding]:
        return self.matcher.check(self, article)

    @classmethod
    def input_files(cls) -> tuple[Path, ...]:
        """The pack file, and the word list its ``swap_file`` names."""
        name = cls.matcher.spec.options.get("swap_file")
        if not isinstance(name, str):
            return (cls.pack,)
        try:
            return cls.pack, wordlists.locate(name, cls.pack)
        except wordlists.WordListError:  # gone since the pack was loaded
            return (cls.pack,)


def make_rule(spec: RuleSpec, base: type[PackRule] = PackRule) -> type[PackRule]:
    """The rule class (a subclass of *base*) of one validated entry, its patterns compiled."""
    kind = KINDS.get(spec.kind)
    if kind is None:
        raise spec.error(f"unknown kind {spec.kind!r} (one of {', '.join(KINDS)})")
    notes = " ".join(
        part for part in (spec.notes, f"See {spec.link}." if spec.link else "") if part
    )
    class_name = "".join(part.title() for part in spec.name.split("-"))
    matcher = kind(spec)
    return type(
        class_name,
        (base,),
        {
            "__module__": __name__,
            "__qualname__": class_name,
            "__doc__": spec.summary,
            "code": spec.code,
            "name": spec.name,
            "severity": spec.severity,
            "summary": spec.summary,
            "docs": RuleDocs(
                spec.summary,
                spec.why,
                spec.bad,
                spec.good,
                notes,
                fix=spec.fix_why,
                precision=spec.precision,
            ),
            "languages": spec.languages,
            "enabled_by_default": spec.enabled_by_default,
            "fix_safety": matcher.applicability,
            "pack": spec.path,
            "url": spec.link,
            "matcher": matcher,
        },
    )
