"""Pack entries become :class:`~wikilint.rule.Rule` subclasses, so the registry, the
engine and the configuration treat them like any other rule."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, ClassVar

from wikilint.article import Article
from wikilint.finding import Finding
from wikilint.packs import wordlists
from wikilint.packs.kinds import KINDS, Kind
from wikilint.packs.schema import RuleSpec
from wikilint.rule import Rule, RuleDocs


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

    def __reduce__(self) -> tuple[Callable[..., PackRule], tuple[Path, str], dict[str, Any]]:
        """Pickled as its pack file and code (its options and severity as state): worker
        processes rebuild the class from the pack file."""
        return _unpickle, (self.pack, self.code), self.__dict__


def _unpickle(pack: Path, code: str) -> PackRule:
    from wikilint.packs.loader import loaded_rule  # the loader makes rules of this module

    rule = loaded_rule(pack, code)
    return rule.__new__(rule)


def make_rule(spec: RuleSpec) -> type[PackRule]:
    """The rule class of one validated entry, its patterns compiled."""
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
        (PackRule,),
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
