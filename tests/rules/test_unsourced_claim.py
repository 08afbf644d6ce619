import pytest
from helpers import FIXTURES, SEED, fixture_articles, positions, read, run_rule

from wikilint.document.article import Article
from wikilint.linter.engine import lint
from wikilint.linter.finding import Finding
from wikilint.linter.rule import Range, option_ranges
from wikilint.rules.content.unsourced_claim import UnsourcedClaim, find_cues

BODY = "==History==\n"
FIGURES = (
    "In 2010 the company earned $45 million, the largest profit in its history, "
    "and employed 20,000 people."
)
PLAIN = "The church has a wooden roof and two doors."


def flagged(source: str, **options: object) -> list[tuple[str, int, int]]:
    """The sentences named by findings (at their own or a related location), at threshold
    0 unless told: every sentence no citation covers, whatever its score, so that coverage
    and skips are tested apart from the learned score and the grouping."""
    options.setdefault("threshold", 0.0)
    return sorted(named(run_rule(UnsourcedClaim, source, **options)))


def named(findings: list[Finding]) -> list[tuple[str, int, int]]:
    """``(code, line, column)`` of each sentence a finding names, related ones included."""
    related = [(f.code, r.location.line, r.location.column) for f in findings for r in f.related]
    return positions(findings) + related


def messages(source: str, **options: object) -> list[str]:
    options.setdefault("threshold", 0.0)
    return [finding.message for finding in run_rule(UnsourcedClaim, source, **options)]


def test_sample_uncited_sentences_are_one_finding_when_most_paragraphs_cite_nothing() -> None:
    findings = run_rule(UnsourcedClaim, read(SEED))
    # The sample is all lead, but its only section is empty: the lead is checked.
    # Line 4 ends with a <ref> that covers its sentences; lines 1 and 3 have none, so
    # two of its three paragraphs cite nothing: one finding, at the strongest sentence.
    assert positions(findings) == [("WL104", 1, 691)]
    finding = findings[0]
    assert (finding.location.end_line, finding.location.end_column) == (1, 776)
    assert finding.message == (
        'unsourced claim (citation need 0.76): dates an event ("August 1939"), '
        'ends its paragraph and mentions "instead"; 10 more uncited sentences in the '
        "article; 2 of 3 paragraphs cite nothing"
    )
    assert [(r.location.line, r.location.column, r.message) for r in finding.related] == [
        (1, 1, "also uncited (citation need 0.33)"),
        (1, 69, "also uncited (citation need 0.58)"),
        (1, 332, "also uncited (citation need 0.18)"),
        (1, 474, "also uncited (citation need 0.27)"),
        (1, 564, "also uncited (citation need 0.51)"),
        (3, 1, "also uncited (citation need 0.41)"),
        (3, 124, "also uncited (citation need 0.40)"),
        (3, 320, "also uncited (citation need 0.58)"),
        (3, 478, "also uncited (citation need 0.61)"),
        (3, 642, "also uncited (citation need 0.69)"),
    ]


def test_an_uncited_stretch_is_one_finding_at_its_strongest_sentence() -> None:
    source = BODY + (
        "It opened in 1901. It had 300 rooms.<ref>Smith.</ref> "
        "It closed in 1950. It was the largest hotel in town.\n"
    )
    [finding] = run_rule(UnsourcedClaim, source, threshold=0.0)
    assert positions([finding]) == [("WL104", 2, 74)]
    assert finding.message == (
        "unsourced claim (citation need 0.20): ends its paragraph and makes a superlative "
        'claim ("the largest hotel"); 1 more uncited sentence in the same uncited stretch'
    )
    assert [(r.location.line, r.location.column) for r in finding.related] == [(2, 55)]


def test_a_citation_or_a_heading_ends_an_uncited_stretch() -> None:
    source = BODY + (
        "It opened in 1901 with 300 rooms.\n"
        "It was the largest hotel in 1910.\n"
        "It was sold in 1920.<ref>Smith.</ref> It closed in 1950.\n"
        "==Later==\nIt was demolished in 1990.<ref>Jones.</ref> It burned in 1991.\n"
        "It was rebuilt in 1995.\n"
    )
    findings = run_rule(UnsourcedClaim, source, threshold=0.0, min_cited_share=0.0)
    assert [named([finding]) for finding in findings] == [
        [("WL104", 2, 1), ("WL104", 3, 1)],  # the citation on line 4 ends the stretch
        [("WL104", 4, 39)],
        [("WL104", 6, 45), ("WL104", 7, 1)],  # a heading starts a new one
    ]


def test_an_article_citing_less_than_min_cited_share_of_its_paragraphs_is_one_finding() -> None:
    source = BODY + (
        "It opened in 1901. It was sold in 1920.<ref>Smith.</ref>\n"
        "It closed in 1950. It burned in 1991.\n"
        "It was rebuilt in 1995.\n"
    )
    assert option_ranges(UnsourcedClaim.Options)["min_cited_share"] == Range(0.0, 1.0)
    assert UnsourcedClaim.Options().min_cited_share == 0.5
    [finding] = run_rule(UnsourcedClaim, source, threshold=0.0)  # 1 of 3 paragraphs cites
    assert finding.message.endswith(
        "; 2 more uncited sentences in the article; 2 of 3 paragraphs cite nothing"
    )
    [finding] = run_rule(UnsourcedClaim, source, threshold=0.0, min_cited_share=0.3)
    assert named([finding]) == [("WL104", 3, 20), ("WL104", 3, 1), ("WL104", 4, 1)]
    assert finding.message.endswith("; 2 more uncited sentences in the same uncited stretch")


@pytest.mark.parametrize(
    "source",
    [
        "The cat sat on the the mat -- quietly.\n",  # the reproducer of the tests of the CLI
        "Hello world.\n",
        "Clean prose.\n",
        "The cat sat on the mat.\nThe dog lay by the door.\n",
        BODY + "The church has a wooden roof and two doors. It is painted white.\n",
    ],
)
def test_text_that_states_nothing_checkable_is_not_flagged(source: str) -> None:
    """A sentence whose score comes only from where it stands and how long it is (0.2 to
    0.3 for any uncited sentence that ends a paragraph) is not an unsourced claim."""
    assert run_rule(UnsourcedClaim, source) == []
    assert flagged(source) == []


def test_an_uncited_stretch_is_reported_only_for_a_sentence_that_states_something() -> None:
    source = BODY + "It is painted white. It opened in 1901 with 300 rooms. It has a roof.\n"
    [finding] = run_rule(UnsourcedClaim, source, threshold=0.0)
    assert positions([finding]) == [("WL104", 2, 22)]  # the one that states something
    assert [(r.location.line, r.location.column) for r in finding.related] == [(2, 1), (2, 56)]


def test_a_short_text_is_not_a_poorly_cited_article() -> None:
    source = BODY + "It opened in 1901 with 300 rooms.\nIt was the largest hotel in 1910.\n"
    assert option_ranges(UnsourcedClaim.Options)["min_paragraphs"] == Range(1, 1_000_000)
    assert UnsourcedClaim.Options().min_paragraphs == 3
    [finding] = run_rule(UnsourcedClaim, source, threshold=0.0)  # 0 of 2 paragraphs cite
    assert finding.message.endswith("; 1 more uncited sentence in the same uncited stretch")
    [finding] = run_rule(UnsourcedClaim, source, threshold=0.0, min_paragraphs=2)
    assert finding.message.endswith(
        "; 1 more uncited sentence in the article; 2 of 2 paragraphs cite nothing"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The energy of 300 atoms in 1905 is <math>E = mc^2</math> joules.",
        "In 1905 the speed of 300 atoms was {{math|''c''}}.",
        "In 1905 the mass of 300 atoms was {{mvar|m}}.",
        "The mass of the largest 300 atoms in 1905 is defined as follows:",
        "The largest 300 atoms in 1905 weighed,",
    ],
)
def test_formulas_and_sentences_that_open_one_are_not_flagged(sentence: str) -> None:
    assert flagged(BODY + sentence + "\n") == []
    assert flagged(BODY + "The largest mass ever was 300 tonnes in 1905.\n") == [("WL104", 2, 1)]


def test_a_claim_full_of_figures_scores_above_the_threshold_a_plain_one_below() -> None:
    assert flagged(BODY + FIGURES + "\n", threshold=0.35) == [("WL104", 2, 1)]
    assert flagged(BODY + PLAIN + "\n", threshold=0.35) == []
    # Nothing it states raises its score (no cue, no telling word or name): at any
    # threshold it is not a claim, only a sentence in a position editors often cite.
    assert flagged(BODY + PLAIN + "\n") == []


def test_the_message_names_the_features_that_weigh_most() -> None:
    assert messages(BODY + FIGURES + "\n", min_cited_share=0.0) == [
        'unsourced claim (citation need 0.59): states a figure ("$45 million"), '
        'dates an event ("2010") and mentions "million"'
    ]


def test_the_threshold_option() -> None:
    assert option_ranges(UnsourcedClaim.Options)["threshold"] == Range(0.0, 1.0)
    assert UnsourcedClaim.Options().threshold == 0.15
    assert flagged(BODY + FIGURES + "\n", threshold=0.59) == [("WL104", 2, 1)]
    assert flagged(BODY + FIGURES + "\n", threshold=0.6) == []


@pytest.mark.parametrize(
    ("sentence", "message"),
    [
        (
            "About 20 million people died in the war.",
            'unsourced claim (citation need 0.43): states a figure ("20 million"), '
            'mentions "died" and mentions "million"',
        ),
        (
            "He commanded the largest army in the world.",
            "unsourced claim (citation need 0.21): makes a superlative claim "
            '("the largest army"), mentions "world" and ends its paragraph',
        ),
        (
            'The minister said: "we will never surrender to anyone at all".',
            "unsourced claim (citation need 0.29): quotes someone "
            '("we will never surrender to anyone at all") and ends its paragraph',
        ),
        (
            "Some historians argue that the war was inevitable.",
            "unsourced claim (citation need 0.34): attributes an opinion to unnamed people "
            '("Some historians argue"), mentions "argue" and mentions "some"',
        ),
        (
            "The film was widely acclaimed.",
            'unsourced claim (citation need 0.14): mentions "film" and ends its paragraph',
        ),
    ],
)
def test_messages_say_why(sentence: str, message: str) -> None:
    assert messages(BODY + sentence + "\n", min_cited_share=0.0) == [message]


def test_report_is_the_exact_sentence_span() -> None:
    source = BODY + "It rained.<ref>A.</ref> In [[1990|the year 1990]] it snowed.\n"
    findings = run_rule(UnsourcedClaim, source, threshold=0.0)
    assert positions(findings) == [("WL104", 2, 25)]
    span = source[findings[0].location.offset : findings[0].location.end_offset]
    assert span == "In [[1990|the year 1990]] it snowed."


def test_a_citation_covers_its_sentence_and_the_uncited_ones_before_it() -> None:
    source = BODY + (
        "It opened in 1901. It had 300 rooms.<ref>Smith.</ref> "
        "It closed in 1950. It was the largest hotel in town.\n"
    )
    assert flagged(source) == [("WL104", 2, 55), ("WL104", 2, 74)]


@pytest.mark.parametrize(
    "citation",
    [
        "<ref>Smith 2001.</ref>",
        '<ref name="smith" />',
        "<REF name=smith/>",
        "{{sfn|Smith|2001|p=4}}",
        "{{Sfnp|Smith|2001}}",
        "{{harvnb|Smith|2001}}",
        "{{Harv|Smith|2001}}",
        "{{r|smith}}",
        "<ref name=a/>{{rp|12}}",
        "{{cite web |url=http://example.org |title=T}}",
        "{{Cite_book|title=T}}",
        "{{citation|title=T}}",
        "{{efn|A note.<ref>Smith.</ref>}}",
        "[http://example.org/source]",
        " (Smith, 2001)",
        " (Smith and Jones 2001, p. 4)",
    ],
)
def test_every_kind_of_citation_covers_the_paragraph(citation: str) -> None:
    source = BODY + f"It opened in 1901 with 300 rooms.{citation}\n"
    assert flagged(source) == []


def test_an_explanatory_note_is_not_a_citation() -> None:
    source = BODY + "It opened in 1901 with 300 rooms.{{efn|Also called the Grand.}}\n"
    assert flagged(source) == [("WL104", 2, 1)]


@pytest.mark.parametrize("tag", ["{{citation needed|date=May 2020}}", "{{cn}}", "{{Fact}}"])
def test_a_sentence_tagged_citation_needed_is_known_and_not_reported_again(tag: str) -> None:
    assert flagged(BODY + f"It opened in 1901 with 300 rooms.{tag}\n") == []


@pytest.mark.parametrize("tag", ["{{citation needed|date=May 2020}}", "{{cn}}"])
def test_a_maintenance_tag_is_no_citation_for_the_sentence_before_it(tag: str) -> None:
    source = BODY + f"It opened in 1901 with 300 rooms. It closed in 1950.{tag}\n"
    assert flagged(source) == [("WL104", 2, 1)]


def test_a_citation_on_the_next_line_belongs_to_the_paragraph() -> None:
    assert flagged(BODY + "It opened in 1901.\n<ref>Smith.</ref>\n") == []
    assert flagged(BODY + "It opened in 1901.\n\n<ref>Smith.</ref>\n") == [("WL104", 2, 1)]


def test_each_source_line_is_its_own_paragraph_unless_it_wraps_a_sentence() -> None:
    separate = BODY + "It opened in 1901.\nIt closed in 1950.<ref>Smith.</ref>\n"
    assert flagged(separate) == [("WL104", 2, 1)]
    assert flagged(separate, join_lines=True) == []
    wrapped = BODY + "It opened in 1901 and\nclosed in 1950.<ref>Smith.</ref>\n"
    assert flagged(wrapped) == []


def test_the_lead_is_a_summary_when_the_body_has_content() -> None:
    source = "It opened in 1901.\n==History==\nIt opened in 1901.<ref>Smith.</ref>\n"
    assert flagged(source) == []
    assert flagged(source, check_lead=True) == [("WL104", 1, 1)]
    assert flagged("It opened in 1901.\n==History==\n<!-- to do -->\n") == [("WL104", 1, 1)]
    assert flagged("It opened in 1901.\n") == [("WL104", 1, 1)]


def test_apparatus_and_plot_sections_are_skipped() -> None:
    source = (
        "==Plot==\nIn 1901 the hero kills 300 men.\n"
        "===Ending===\nHe becomes the richest man alive.\n"
        "==Notes==\nThe 1901 edition differs.\n"
        "==Reception==\nThe film grossed $20 million.\n"
    )
    assert flagged(source) == [("WL104", 8, 1)]
    assert flagged(source, skip_sections=()) == [
        ("WL104", 2, 1),
        ("WL104", 4, 1),
        ("WL104", 6, 1),
        ("WL104", 8, 1),
    ]


def test_lists_tables_templates_quotes_and_references_are_not_prose() -> None:
    source = BODY + (
        "{{Infobox hotel|rooms=300|opened=1901|largest=yes}}\n"
        "* It opened in 1901 with 300 rooms.\n"
        "# The largest hotel in 1950.\n"
        '{| class="wikitable"\n|-\n| 1901 || 300 rooms || the largest\n|}\n'
        "<blockquote>We had 300 rooms in 1901, the largest in town.</blockquote>\n"
        "{{quote|We had 300 rooms in 1901.}}\n"
        "[[File:Hotel.jpg|thumb|The hotel in 1901, with 300 rooms.]]\n"
        "==References==\n{{reflist}}\nSmith, John (2001). The largest hotels. p. 300.\n"
    )
    assert flagged(source) == []


def test_quotations_inside_citations_are_not_prose() -> None:
    source = BODY + (
        'The hotel was sold.<ref>Smith: "the largest sale of the year, with 300 rooms".</ref>\n'
    )
    assert flagged(source) == []


def test_quotations_and_figures_in_cited_paragraphs_are_fine() -> None:
    source = BODY + (
        'Churchill said that "we shall fight on the beaches" in June 1940, when 338,000 '
        "soldiers had been evacuated, the largest evacuation in history.<ref>Smith.</ref>\n"
    )
    assert flagged(source) == []


@pytest.mark.parametrize(
    "sentence",
    [
        'The band played "Marching to the Old Pretoria Road" twice.',
        "See page 5 and chapter 12 of the report.",
        "The P-38 and the Boeing 747 were built there.",
        "The Apollo 11 crew landed on the Moon.",
        "It is the oldest in the First World War collection of this museum.",
    ],
)
def test_what_is_not_a_claim_cue(sentence: str) -> None:
    cues = find_cues(sentence, ("quotation", "figure"))
    assert cues == []


def test_living_person_claims_only_in_biographies_of_living_people() -> None:
    sentence = BODY + "He was arrested after a party.\n"
    assert flagged(sentence, min_cues=1) == []
    assert flagged(sentence + "[[Category:Living people]]\n", min_cues=1) == [("WL104", 2, 1)]


def test_options_select_cue_kinds_and_how_many_must_agree() -> None:
    source = BODY + "It opened in 1901. It was the first hotel to have 300 rooms in 1901.\n"
    assert flagged(source) == [("WL104", 2, 1), ("WL104", 2, 20)]
    assert flagged(source, cues=("superlative",), min_cues=1) == [("WL104", 2, 20)]
    assert flagged(source, min_cues=2) == [("WL104", 2, 20)]


def test_real_article_trailing_uncited_sentences() -> None:
    findings = run_rule(UnsourcedClaim, read(FIXTURES / "en/Pear.wiki"))
    found = {(f.location.line, f.location.column): f.message for f in findings}
    # "cultivated in China for ... 3000 years"
    assert found[49, 442] == (
        'unsourced claim (citation need 0.68): states a figure ("3000 years"), '
        'ends its paragraph and mentions "china"; 28 more uncited sentences in the article; '
        "16 of 31 paragraphs cite nothing"
    )


def test_list_article_lead_is_a_summary_of_its_tables() -> None:
    assert flagged(read(FIXTURES / "en/List of British films of 2014.wiki")) == []


@pytest.mark.parametrize(
    "path", fixture_articles("intl/**/*.wiki"), ids=lambda path: path.parent.name
)
def test_other_languages_are_out_of_scope(path) -> None:
    article = Article(read(path), str(path))
    assert not UnsourcedClaim().applies_to(article)
    assert lint(article, [UnsourcedClaim()]) == []


@pytest.mark.parametrize(
    ("sentence", "cues"),
    [
        ("It carried two 2000 lb bombs.", [("states a figure", "2000 lb")]),
        ("It stands at about 1350 metres.", [("states a figure", "1350 metres")]),
        ("It was rebuilt in 1350 in stone.", [("dates an event", "1350")]),
        ("In 1923 W. B. Yeats won the prize.", [("dates an event", "1923")]),  # an initial
    ],
)
def test_a_year_like_number_before_a_unit_is_a_figure_not_a_date(sentence, cues) -> None:
    assert find_cues(sentence, ("figure", "date")) == cues


def test_convert_templates_count_as_the_figures_they_show() -> None:
    source = BODY + "Pretoria lies {{convert|55|km|mi|abbr=on}} north of Johannesburg.\n"
    assert messages(source, min_cited_share=0.0) == [
        'unsourced claim (citation need 0.35): states a figure ("55 km"), mentions "km" '
        "and ends its paragraph"
    ]


@pytest.mark.parametrize(
    ("sentence", "cues"),
    [
        ("Most pears are deciduous.", [("generalizes", "Most pears")]),
        ("Few ordinary workers had the vote.", [("generalizes", "Few ordinary")]),
        ("Many of the efforts were led by Clinton.", [("generalizes", "Many of")]),
        ("Many early settlers died of cold.", [("generalizes", "Many early")]),
        ("Many of these were sold.", []),  # refers back to what the text just listed
        ("Most notably, it was sold.", []),  # a sentence adverb
        ("Most Rev. John Smith led the service.", []),  # a style
        ("It had many uses and most of them were old.", []),  # not at the sentence start
    ],
)
def test_sentences_opening_with_many_most_or_few_generalize(sentence, cues) -> None:
    assert find_cues(sentence, ("generalization",)) == cues
