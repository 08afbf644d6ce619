"""Shared helpers for the test suite."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from mwparserfromhell.nodes import Node
from mwparserfromhell.nodes.extras import Attribute, Parameter
from mwparserfromhell.wikicode import Wikicode

from wikilint.document.article import Article
from wikilint.linter.finding import Finding
from wikilint.linter.rule import Rule

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SEED = ROOT / "seeds" / "000_778acce009f2ce04.txt"
SHARED = Path(os.environ.get("WIKILINT_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"

needs_corpus = pytest.mark.skipif(
    not CORPUS.is_dir(), reason=f"the shared corpus is not at {CORPUS} (CI has it)"
)


def run_rule(rule: type[Rule], source: str, **options: Any) -> list[Finding]:
    """Findings of one rule, with options overriding its defaults, on *source*."""
    configured = rule(rule.Options(**options))
    return sorted(configured.check(Article(source)), key=lambda finding: finding.sort_key)


def fixture_articles(pattern: str = "**/*.wiki") -> list[Path]:
    """The real articles committed under tests/fixtures; never none, so that a test
    looping over them cannot pass by looping over nothing."""
    return _nonempty(sorted(FIXTURES.glob(pattern)), FIXTURES, pattern)


def corpus_articles(pattern: str = "**/*.wiki") -> list[Path]:
    """Every article of the shared corpus matching *pattern*: none only when the corpus
    is absent (tests that need it skip then, see :data:`needs_corpus`)."""
    if not CORPUS.is_dir():
        return []
    return _nonempty(sorted(CORPUS.glob(pattern)), CORPUS, pattern)


def _nonempty(paths: list[Path], folder: Path, pattern: str) -> list[Path]:
    if not paths:
        raise LookupError(f"no file matches {pattern!r} in {folder}")
    return paths


def pinned_corpus_articles() -> list[Path]:
    """The corpus articles (``en/``, ``intl/``) whose findings were read and pinned.

    ``en-extra/`` came later and is held out: findings there are read for precision
    (bench/quality.py), not pinned, so a test stays a statement about text someone read.
    """
    return corpus_articles("en/*.wiki") + corpus_articles("intl/**/*.wiki")


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8-sig")


def positions(findings: list[Finding]) -> list[tuple[str, int, int]]:
    """``(code, line, column)`` of each finding, the shape most assertions compare."""
    return [(f.code, f.location.line, f.location.column) for f in findings]


@cache
def parsed(path: Path) -> Article:
    """The article at *path*, parsed once per test session (corpus tests share it)."""
    return Article(read(path), str(path))


def state(item: object) -> object:
    """Everything a parse tree holds, recursively: equal states mean the same tree."""
    if isinstance(item, Node | Wikicode | Attribute | Parameter):
        fields = {name: state(value) for name, value in sorted(vars(item).items())}
        return type(item).__name__, fields
    if isinstance(item, list):
        return [state(element) for element in item]
    return item


#: A plugin's module: one rule, XPL001 no-shouting, that flags LOUD in prose.
SHOUTING_PLUGIN = """
from wikilint.linter.rule import Rule, RuleDocs


class ShoutingRule(Rule):
    code = "XPL001"
    name = "no-shouting"
    summary = "Words written in capitals."
    docs = RuleDocs(what="w", why="y", bad="LOUD", good="quiet")

    def check(self, article):
        for paragraph in article.paragraphs:
            if "LOUD" in paragraph.prose.text:
                index = paragraph.prose.text.index("LOUD")
                yield self.finding(article, *paragraph.prose.span(index, index + 4), "shouting")
"""


def install_plugin(site: Path, module: str, source: str, entry_point: str) -> None:
    """Lay out a distribution of rules on *site* the way pip would, without pip: module
    *module* with *source*, and ``entry_point`` (``module:Object``) in ``wikilint.rules``."""
    (site / f"{module}.py").write_text(textwrap.dedent(source))
    info = site / f"{module}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[wikilint.rules]\n{module} = {entry_point}\n")


def fresh_python(code: str) -> subprocess.CompletedProcess[str]:
    """*code* run by a new interpreter, as in ``python -c``: what it imports starts from none."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)


#: A POSIX ACL as Linux stores it in ``system.posix_acl_access`` (version 2, then tag,
#: permissions, id): owner rw, user 1000 rw, group r, mask rw, others nothing.
ACL_USER_1000_RW = bytes.fromhex("02000000") + b"".join(
    tag.to_bytes(2, "little") + perm.to_bytes(2, "little") + uid.to_bytes(4, "little")
    for tag, perm, uid in (
        (0x01, 6, 0xFFFFFFFF),
        (0x02, 6, 1000),
        (0x04, 4, 0xFFFFFFFF),
        (0x10, 6, 0xFFFFFFFF),
        (0x20, 0, 0xFFFFFFFF),
    )
)


def set_xattrs_or_skip(path: Path, attributes: dict[str, bytes]) -> None:
    """Give *path* these extended attributes, or skip the test where the platform or the
    file system has none (macOS's Python, tmpfs without ACLs, some overlay file systems)."""
    for name, value in attributes.items():
        try:
            os.setxattr(path, name, value)
        except (AttributeError, OSError) as error:
            pytest.skip(f"the file system of {path.parent} refuses the xattr {name}: {error}")


def xattrs(path: Path) -> dict[str, bytes]:
    return {name: os.getxattr(path, name) for name in os.listxattr(path)}
