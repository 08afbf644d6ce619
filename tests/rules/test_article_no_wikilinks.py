import re

from helpers import FIXTURES, SEED, fixture_articles, positions, read, run_rule

from wikilint.rules.article.no_wikilinks import NoWikilinks

BODY = (
    "'''Pi Day''' is on 14 March. "
    + "It honours pi. " * 60
    + "\n\n== History ==\nText.\n\n== See also ==\nMore.\n"
)


def test_whole_article_without_links_is_reported_at_its_start() -> None:
    source = BODY + "[[Category:Holidays]]\n[[File:Pi.svg|thumb|Pi]]\n[[de:Pi-Tag]]\n"
    assert positions(run_rule(NoWikilinks, source)) == [("WL702", 1, 1)]


def test_the_seed_snippet_is_not_checked() -> None:
    assert run_rule(NoWikilinks, read(SEED)) == []


def test_real_articles_link_and_stripped_ones_are_reported() -> None:
    paths = fixture_articles()
    assert paths
    for path in paths:
        assert run_rule(NoWikilinks, read(path)) == [], path.name
    unlinked = read(FIXTURES / "intl/de/Keilwelle.wiki")
    for _ in range(3):  # innermost links first: captions hold links
        unlinked = re.sub(r"\[\[(?:[^][|]*\|)?([^][]*)\]\]", r"\1", unlinked)
    findings = run_rule(NoWikilinks, unlinked)
    assert positions(findings) == [("WL702", 1, 1)]
    assert findings[0].message == "article links to no other article"
