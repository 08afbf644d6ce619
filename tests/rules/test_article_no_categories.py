import re

from helpers import FIXTURES, SEED, fixture_articles, read, run_rule

from wikilint.document.article import Article
from wikilint.rules.article.no_categories import NoCategories

BODY = (
    "'''Pi Day''' is on 14 March. "
    + "It honours pi. " * 60
    + "\n\n== History ==\nText.\n\n== See also ==\nMore.\n"
)


def test_the_seed_snippet_is_not_checked() -> None:
    assert run_rule(NoCategories, read(SEED)) == []  # one heading: a snippet


def test_real_articles_with_categories_removed_are_reported() -> None:
    paths = fixture_articles()
    assert paths
    for path in paths:
        source = read(path)
        assert run_rule(NoCategories, source) == [], path.name
    source = read(FIXTURES / "intl/de/Sara C. Bisel.wiki")
    stripped = re.sub(r"\[\[Kategorie:[^\]]*\]\]", "", source)
    [finding] = run_rule(NoCategories, stripped)
    assert finding.message == "article has no categories"


def test_runs_only_where_the_category_namespace_is_known() -> None:
    rule = NoCategories()
    assert rule.applies_to(Article("x", language="uk"))
    assert not rule.applies_to(Article("x", language="ko"))
