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


def test_a_link_anywhere_counts() -> None:
    assert run_rule(NoWikilinks, BODY + "{{Infobox|country=[[Greece]]}}\n") == []
    assert run_rule(NoWikilinks, BODY.replace("pi.", "[[pi]].", 1)) == []


def test_snippets_are_not_checked() -> None:
    assert run_rule(NoWikilinks, read(SEED)) == []
    assert run_rule(NoWikilinks, "It honours pi. " * 40 + "\n") == []


def test_real_articles_link_and_stripped_ones_are_reported() -> None:
    for path in fixture_articles():
        assert run_rule(NoWikilinks, read(path)) == [], path.name
    unlinked = read(FIXTURES / "intl/de/Keilwelle.wiki")
    for _ in range(3):  # innermost links first: captions hold links
        unlinked = re.sub(r"\[\[(?:[^][|]*\|)?([^][]*)\]\]", r"\1", unlinked)
    assert positions(run_rule(NoWikilinks, unlinked)) == [("WL702", 1, 1)]
