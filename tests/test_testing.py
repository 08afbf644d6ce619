"""wikilint.testing and the public names: what a rule author's tests are built on, tried on
the example rule package of tests/plugin/."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from wikilint_example import NoShouting

import wikilint
from wikilint import Article, Finding, RuleDocs
from wikilint.testing import assert_docs_examples, check, fix


def test_the_public_names_are_the_internal_ones() -> None:
    from wikilint.linter.rule import Rule as InternalRule

    assert wikilint.Rule is InternalRule
    assert set(wikilint.__all__) <= set(dir(wikilint))
    with pytest.raises(AttributeError, match="has no attribute 'Nothing'"):
        _ = wikilint.Nothing


def test_check_gives_findings_with_lines_and_columns() -> None:
    [finding] = check(NoShouting, "Calm.\nIt is LOUD.\n")
    assert (finding.code, finding.message) == ("XPL101", "'LOUD' is shouted")
    location = finding.location
    assert (location.line, location.column, location.end_line, location.end_column) == (
        2,
        7,
        2,
        11,
    )


def test_options_go_by_their_python_or_toml_names() -> None:
    source = "It is LOUD and OK.\n"
    assert [f.message for f in check(NoShouting, source, min_length=2)] == [
        "'LOUD' is shouted",
        "'OK' is shouted",
    ]
    assert check(NoShouting, source, **{"min-length": 5}) == []
    assert check(NoShouting, source, allowed=("LOUD",)) == []
    assert check(NoShouting, source, allowed=["LOUD"]) == []
    [finding] = check(NoShouting, source, severity="error")
    assert finding.severity.value == "error"


def test_options_are_checked_like_a_configuration_file() -> None:
    with pytest.raises(TypeError, match=r"^no-shouting\.min_lenght: unknown option"):
        check(NoShouting, "x", min_lenght=2)
    with pytest.raises(TypeError, match=r"^no-shouting\.min_length: expected int from 2 to 50"):
        check(NoShouting, "x", min_length=1)
    with pytest.raises(TypeError, match="configure a rule class, not an instance"):
        check(NoShouting(), "x", min_length=2)


def test_an_instance_is_checked_as_it_is_and_directives_apply() -> None:
    source = "It is LOUD. <!-- wikilint-disable-line no-shouting -->\nIt is HUGE.\n"
    assert [f.location.line for f in check(NoShouting(), source)] == [2]


def test_quotations_italics_and_literal_text_are_skipped() -> None:
    source = "They said \"LOUD\", ''LOUD'' and <code>LOUD</code>, then LOUD.\n"
    assert [f.location.column for f in check(NoShouting, source)] == [56]
    assert len(check(NoShouting, source.replace('"', ""))) == 2


def test_fix_applies_unsafe_fixes_unless_told_not_to() -> None:
    assert fix(NoShouting, "It is LOUD and CLEAR.\n") == "It is loud and clear.\n"
    assert fix(NoShouting, "It is LOUD.\n", unsafe=False) == "It is LOUD.\n"


def test_assert_docs_examples_passes_for_true_examples() -> None:
    assert_docs_examples(NoShouting)


def test_assert_docs_examples_says_which_example_is_wrong() -> None:
    class NoBad(NoShouting):
        docs = RuleDocs(what="w", why="y", bad="It is quiet.", good="calm")

    class FlaggedGood(NoShouting):
        docs = RuleDocs(what="w", why="y", bad="It is LOUD.", good="Calm.\nSo LOUD.")

    with pytest.raises(AssertionError, match=r"^XPL101 no-shouting: the bad example yields no"):
        assert_docs_examples(NoBad)
    with pytest.raises(AssertionError) as raised:
        assert_docs_examples(FlaggedGood)
    assert str(raised.value) == (
        "XPL101 no-shouting: the good example yields 1 finding(s):\n"
        "  2:4: 'LOUD' is shouted\nCalm.\nSo LOUD."
    )


def test_a_crashing_rule_fails_the_test_with_its_error() -> None:
    class Crashing(NoShouting):
        def check(self, article: Article) -> Iterator[Finding]:
            raise RuntimeError("boom")

    with pytest.raises(AssertionError, match=r"^rule no-shouting \(XPL101\) failed: .*boom$"):
        check(Crashing, "text")
