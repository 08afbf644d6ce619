"""Findings of two versions of a text are matched by content, not by position."""

from __future__ import annotations

from helpers import positions

from wikilint.config.files import Config
from wikilint.config.settings import Resolver
from wikilint.linter.engine import lint_source
from wikilint.linter.finding import Finding
from wikilint.linter.matching import CONTEXT, finding_keys, new_findings

RULES = Resolver(Config(select=("WL103",)), isolated=True).for_path("-").rules
FILLER = "Some words stand here so that the context of a finding is all plain prose."
assert len(FILLER) > CONTEXT


def lint(source: str) -> list[Finding]:
    return lint_source(source, "page", RULES, "en")


def introduced(before: str, after: str) -> list[tuple[str, int, int]]:
    return positions(new_findings(lint(before), before, lint(after), after))


def test_a_moved_finding_is_not_new() -> None:
    before = f"{FILLER}\n\nThe the end of it. {FILLER}\n"
    after = f"A new first paragraph.\n\n{FILLER}\n\nThe the end of it. {FILLER}\n"
    assert positions(lint(after)) == [("WL103", 5, 5)]
    assert introduced(before, after) == []


def test_a_finding_the_edit_brings_is_new() -> None:
    before = f"{FILLER}\n\nThe the end of it. {FILLER}\n"
    after = f"{FILLER}\n\nThe the end of it. {FILLER}\n\nIt is is new. {FILLER}\n"
    assert introduced(before, after) == [("WL103", 5, 7)]


def test_a_second_copy_of_an_old_finding_is_new() -> None:
    # Same code, text and context: only the occurrence index tells the copies apart.
    paragraph = f"{FILLER}\n\nThe the end of it.\n\n"
    before = paragraph + FILLER
    after = paragraph + paragraph + FILLER
    assert introduced(before, after) == [("WL103", 7, 5)]


def test_whitespace_changes_keep_the_key() -> None:
    before = f"{FILLER}\n\nThe the  end of it. {FILLER}\n"
    after = f"{FILLER}\n\nThe the end  of it. {FILLER}\n"
    assert finding_keys(lint(before), before) == finding_keys(lint(after), after)


def test_an_edit_next_to_a_finding_makes_it_new() -> None:
    # The surrounding text is part of the key: rewording it re-reports the finding.
    before = f"{FILLER}\n\nThe the end of it. {FILLER}\n"
    after = f"{FILLER}\n\nThe the start of it. {FILLER}\n"
    assert introduced(before, after) == [("WL103", 3, 5)]
