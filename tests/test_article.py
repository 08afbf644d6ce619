"""The Article model: sections, paragraphs and what counts as running prose."""

from __future__ import annotations

from helpers import FIXTURES, SEED, read

from wikilint.document.article import Article

PEAR = FIXTURES / "en" / "Pear.wiki"

MIXED = (
    "__NOTOC__\n"
    "{{Infobox person\n| name = Ada\n}}\n"
    "'''Ada''' is a [[writer]].<ref>Cite.</ref>\n"
    "She writes ''novels''.\n"
    "\n"
    "[[File:Ada.jpg|thumb|A caption with words]]\n"
    "<!-- a comment with words -->\n"
    " preformatted words here\n"
    "* a list item\n"
    "# a numbered item\n"
    ": an indented line\n"
    "; a term\n"
    '{| class="wikitable"\n| a cell\n|}\n'
    "----\n"
    "== Life ==\n"
    "=== Early years ===\n"
    "She was born in Ur. {{citation needed}}\n"
    "{{Infobox x\n| a = b\n}}Then {{lang|fr|elle}} moved.\n"
    "{{Reflist}}\n"
    "== Works ==\n"
    "[[Category:Writers]]\n"
    "[[de:Ada]]\n"
)


def lines_of(article: Article) -> list[tuple[int, int]]:
    return [article.position(p.start) for p in article.paragraphs]


def test_only_lines_of_running_prose_are_paragraphs() -> None:
    article = Article(MIXED)
    assert lines_of(article) == [(5, 1), (6, 1), (21, 1), (24, 3)]
    assert [p.prose.text for p in article.paragraphs] == [
        "Ada is a writer.",
        "She writes novels.",
        "She was born in Ur. ",
        "Then elle moved.",
    ]
    first = article.paragraphs[0]
    assert (first.start, first.end) == (MIXED.index("'''Ada'''"), MIXED.index("\nShe writes"))
    assert [p.index for p in article.paragraphs] == [0, 1, 2, 3]
    assert [p.section for p in article.paragraphs] == [0, 0, 2, 2]


def test_consecutive_prose_lines_share_a_block() -> None:
    blocks = [p.block for p in Article(MIXED).paragraphs]
    assert blocks[0] == blocks[1] != blocks[2] == blocks[3]


def test_sections_with_body_and_own_body() -> None:
    article = Article(MIXED)
    life, early, works = (MIXED.index(h) for h in ("== Life", "=== Early", "== Works"))
    assert [(s.index, s.level, s.title) for s in article.sections] == [
        (0, 0, ""),
        (1, 2, "Life"),
        (2, 3, "Early years"),
        (3, 2, "Works"),
    ]
    lead, section_life, section_early, section_works = article.sections
    assert lead.heading is None
    assert lead.body == lead.own_body == (0, life)
    assert section_life.heading == (life, life + 10)
    assert section_life.body == (life + 10, works)
    assert section_life.own_body == (life + 10, early)
    assert section_early.body == section_early.own_body == (early + 19, works)
    assert section_works.body == (works + 11, len(MIXED))
    assert article.section_at(early + 30).index == 2
    assert article.section_at(life).index == 1
    assert article.section_at(life - 1).index == 0


def test_sections_titled_include_their_sub_sections_only() -> None:
    article = Article(
        "Lead.\n==Plot==\nA.\n===Ending===\nB.\n====Twist====\nC.\n"
        "==Cast==\nD.\n== plot ==\nE.\n=Top=\nF."
    )
    assert article.sections_titled(["Plot", "Synopsis"]) == {1, 2, 3, 5}
    assert article.sections_titled(["Ending"]) == {2, 3}
    assert article.sections_titled([]) == set()


def test_seed_model() -> None:
    article = Article(read(SEED))
    assert [(s.level, s.title, s.heading, s.body) for s in article.sections] == [
        (0, "", None, (0, 3689)),
        (2, "Conclusion", (3689, 3703), (3703, 3703)),
    ]
    assert [(p.start, p.end, p.section) for p in article.paragraphs] == [
        (0, 775, 0),
        (888, 1670, 0),
        (1671, 3688, 0),
    ]
    blocks = [p.block for p in article.paragraphs]
    assert blocks[0] != blocks[1] == blocks[2]  # the file embed line separates the first
    third = article.paragraphs[2].prose
    assert third.text.startswith(article.paragraphs[1].prose.text)
    assert third.text.endswith("the largest army in the world. ")  # the <ref> is gone


def test_pear_sections_and_paragraph_positions() -> None:
    article = Article(read(PEAR))
    assert len(article.sections) == 16
    history, taxa, cultivation = article.sections[3:6]
    assert (history.title, history.level, article.position(history.heading[0])) == (
        "History",
        2,
        (43, 1),
    )
    assert history.body == (4660, 9965)  # through its sub-section "Major recognized taxa"
    assert history.own_body == (4660, 8112)
    assert (taxa.level, taxa.body) == (3, (8139, 9965))
    assert cultivation.heading == (9965, 9980)
    assert len(article.paragraphs) == 32
    assert lines_of(article)[:8] == [
        (25, 1),
        (28, 1),
        (33, 1),
        (35, 1),
        (37, 1),
        (39, 1),
        (41, 1),
        (45, 1),
    ]


def test_bold_over_a_line_break_does_not_swallow_the_list_below() -> None:
    source = "'''''Pop Corn'' Music Awards'''\n* Best Group (2001, won)\n* Best Song\n\nAfter.\n"
    article = Article(source)
    assert [p.prose.text for p in article.paragraphs] == ["Pop Corn Music Awards", "After."]
    assert (article.paragraphs[0].start, article.paragraphs[0].end) == (0, 31)


def test_crlf_breaks_are_not_part_of_paragraphs() -> None:
    source = "First line.\r\nSecond line.\r\n\r\n== H ==\r\nBody.\r\n"
    article = Article(source)
    assert [(p.start, p.end, p.prose.text) for p in article.paragraphs] == [
        (0, 11, "First line."),
        (13, 25, "Second line."),
        (38, 43, "Body."),
    ]
    assert article.sections[1].title == "H"


def test_nodes_and_spans_cover_nested_markup() -> None:
    from mwparserfromhell.nodes import Template, Wikilink

    article = Article(MIXED)
    names = [str(t.name).strip() for t in article.nodes(Template)]
    assert names == ["Infobox person", "citation needed", "Infobox x", "lang", "Reflist"]
    assert [str(t.name).strip() for t in article.nodes(Template, recursive=False)] == names
    links = [article.source[slice(*article.span(link))] for link in article.nodes(Wikilink)]
    assert links[:2] == ["[[writer]]", "[[File:Ada.jpg|thumb|A caption with words]]"]


def test_empty_and_markup_only_articles() -> None:
    for source in ("", "\n\n", "{{stub}}", "== Only ==", "<!-- x -->"):
        article = Article(source)
        assert article.paragraphs == []
        assert article.sections[0].body[0] == 0


def test_a_nul_character_does_not_cut_the_tree_short() -> None:
    from mwparserfromhell.nodes import Wikilink

    article = Article("a\x00b [[c]] d.")
    assert article.span(next(article.nodes(Wikilink))) == (4, 9)
    assert article.paragraphs[0].prose.text == "a\ufffdb c d."
