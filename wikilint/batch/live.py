"""Lint pages of a live wiki: named titles, a category, a list file, or one revision.

Each page is linted with the language the site reports (``--language`` overrides it) and
reported like a page of a dump: its title, revision id and a link. With ``--since REV``
only the findings the edits after REV introduced are reported (see :mod:`wikilint.linter.matching`).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from wikilint.batch.guard import lint_guarded
from wikilint.batch.options import LiveOptions
from wikilint.inputs.dumps import PageFilter
from wikilint.inputs.wiki_api import Revision, Site, SiteError
from wikilint.linter.finding import Finding
from wikilint.linter.matching import new_findings
from wikilint.linter.results import FileResult
from wikilint.linter.rule import Rule
from wikilint.linter.timeouts import DEFAULT_TIMEOUT


@dataclass(frozen=True)
class PageLinter:
    """Lints wikitext of one site with fixed rules, language and time budget."""

    rules: Sequence[Rule]
    language: str | None
    timeout: float | None = DEFAULT_TIMEOUT

    def findings(self, revision: Revision) -> list[Finding]:
        return lint_guarded(revision.text, revision.title, self.rules, self.language, self.timeout)


def read_titles(path: str) -> list[str]:
    """The titles of a ``--titles-from`` file (``-``: standard input), one a line;
    blank lines and ``#`` comments are skipped (no title contains ``#``)."""
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or error
        raise SiteError(f"{path}: cannot read ({reason})") from None
    stripped = (line.strip() for line in text.splitlines())
    return [line for line in stripped if line and not line.startswith("#")]


def page_titles(
    site: Site, titles: Sequence[str], options: LiveOptions, page_filter: PageFilter
) -> list[str]:
    """The titles to check: those given, then those of ``--titles-from`` and ``--category``."""
    chosen = list(titles)
    if options.titles_from is not None:
        chosen += read_titles(options.titles_from)
    if options.category is not None:
        members = site.category_members(options.category, page_filter.namespaces)
        if not members:
            raise SiteError(f"{site.url}: no pages in category {options.category!r}")
        chosen += members
    return chosen


def lint_titles(site: Site, titles: Sequence[str], linter: PageLinter) -> Iterator[FileResult]:
    """One result per title: its current revision's findings, or an error."""
    for answer in site.latest(titles):
        revision = answer.revision
        if revision is None:
            yield FileResult(answer.asked, error=f"{answer.asked}: {answer.problem} on {site.url}")
            continue
        note = (
            f"{answer.asked}: a redirect to {revision.title}; checked {revision.title}"
            if answer.redirected
            else None
        )
        yield FileResult(
            revision.title,
            revision.text,
            tuple(linter.findings(revision)),
            error=note,
            revision=revision.revision,
            url=site.info.page_url(revision.title),
        )


def lint_revision(
    site: Site, titles: Sequence[str], options: LiveOptions, linter: PageLinter
) -> FileResult:
    """The findings of ``--revision`` (default: the current one), or with ``--since`` the
    findings its edits after that revision introduced."""
    old = site.revision(options.since) if options.since is not None else None
    if options.revision is not None:
        new = site.revision(options.revision)
    else:
        assert old is not None
        new = _current(site, old)
    if old is not None and old.page_id != new.page_id:
        raise SiteError(
            f"revision {old.revision} is of {old.title!r}, revision {new.revision} of {new.title!r}"
        )
    if any(_normalised(title) != new.title for title in titles):
        raise SiteError(f"revision {new.revision} is of {new.title!r}, not {titles[0]!r}")
    findings = linter.findings(new)
    if old is not None:
        findings = new_findings(linter.findings(old), old.text, findings, new.text)
    since = old.revision if old is not None else None
    return FileResult(
        new.title,
        new.text,
        tuple(findings),
        revision=new.revision,
        url=site.info.revision_url(new.revision, since),
    )


def _normalised(title: str) -> str:
    """A title as most sites store it: spaces for underscores, the first letter upper-case."""
    title = " ".join(title.replace("_", " ").split())
    return title[:1].upper() + title[1:]


def _current(site: Site, old: Revision) -> Revision:
    answer = next(site.latest([old.title]))
    if answer.revision is None:
        raise SiteError(f"{old.title}: {answer.problem} on {site.url}")
    return answer.revision


def check_pages(
    site: Site,
    titles: Sequence[str],
    options: LiveOptions,
    linter: PageLinter,
    page_filter: PageFilter,
) -> Iterator[FileResult]:
    """The results of a ``check --site`` run: one revision, or the current revision of pages."""
    if options.revision is not None or options.since is not None:
        yield lint_revision(site, titles, options, linter)
        return
    chosen = page_titles(site, titles, options, page_filter)
    if not chosen:
        raise SiteError("no pages to check: give titles, --titles-from, --category or --revision")
    yield from lint_titles(site, chosen, linter)
