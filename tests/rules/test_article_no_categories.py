import re

from helpers import FIXTURES, SEED, fixture_articles, read, run_rule

from wikilint.document.article import Article
from wikilint.rules.article.no_categories import NoCategories

BODY = (
    "'''Pi Day''' is on 14 March. "
    + "It honours pi. " * 60
    + "\n\n== History ==\nText.\n\n== See also ==\nMore.\n"
)


def test_whole_article_without_categories_is_reported_at_its_end() -> None:
    findings = run_rule(NoCategories, BODY + "\n")
    assert [(f.code, f.location.line, f.location.column) for f in findings] == [("WL701", 7, 6)]


def test_categories_and_stub_templates_count() -> None:
    assert run_rule(NoCategories, BODY + "[[Category:Holidays]]\n") == []
    assert run_rule(NoCategories, BODY + "[[Kategorie:Feiertag]]\n") == []
    assert run_rule(NoCategories, BODY + "{{Holiday-stub}}\n") == []


def test_snippets_and_stubs_are_not_checked() -> None:
    assert run_rule(NoCategories, read(SEED)) == []  # one heading: a snippet
    assert run_rule(NoCategories, "Short.\n== A ==\nText.\n== B ==\nText.\n") == []
    assert run_rule(NoCategories, BODY, min_words=1000) == []


def test_real_articles_with_categories_removed_are_reported() -> None:
    for path in fixture_articles():
        source = read(path)
        assert run_rule(NoCategories, source) == [], path.name
    source = read(FIXTURES / "intl/de/Sara C. Bisel.wiki")
    stripped = re.sub(r"\[\[Kategorie:[^\]]*\]\]", "", source)
    assert len(run_rule(NoCategories, stripped)) == 1


def test_runs_only_where_the_category_namespace_is_known() -> None:
    rule = NoCategories()
    assert rule.applies_to(Article("x", language="uk"))
    assert not rule.applies_to(Article("x", language="ko"))
