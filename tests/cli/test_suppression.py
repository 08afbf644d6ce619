"""Inline suppression comments."""

from __future__ import annotations

from pathlib import Path

import pytest


def lines_flagged(run, tmp_path: Path, text: str, *flags: str) -> list[tuple[str, int]]:
    (tmp_path / "a.wiki").write_text(text, encoding="utf-8")
    result = run("check", "--format", "concise", "--select", "WL103", *flags, "a.wiki")
    return [(line.split()[1], int(line.split(":")[1])) for line in result.stdout.splitlines()]


@pytest.mark.parametrize("name", ["doubled-word", "WL103", ""])
def test_disable_until_enable(run, tmp_path: Path, name: str) -> None:
    text = (
        "It is is one.\n"
        f"<!-- wikilint-disable {name} -->\n"
        "It is is two.\nIt is is three.\n"
        f"<!-- wikilint-enable {name} -->\n"
        "It is is four.\n"
    )
    assert lines_flagged(run, tmp_path, text) == [("WL103", 1), ("WL103", 6)]


def test_disable_to_the_end_of_the_file(run, tmp_path: Path) -> None:
    text = "It is is one.\n<!-- wikilint-disable -->\nIt is is two.\n"
    assert lines_flagged(run, tmp_path, text) == [("WL103", 1)]


def test_next_line_and_same_line(run, tmp_path: Path) -> None:
    text = (
        "<!-- wikilint-disable-next-line doubled-word -->\n"
        "It is is one.\n"
        "It is is two. <!-- wikilint-disable-line WL103 -->\n"
        "It is is three.\n"
    )
    assert lines_flagged(run, tmp_path, text) == [("WL103", 4)]


def test_a_directive_for_another_rule_does_not_suppress(run, tmp_path: Path) -> None:
    text = "<!-- wikilint-disable-next-line empty-section -->\nIt is is one.\n"
    assert lines_flagged(run, tmp_path, text) == [("WL103", 2)]


def test_unused_directives_are_reported_when_selected(run, tmp_path: Path) -> None:
    text = (
        "<!-- wikilint-disable-next-line doubled-word -->\nIt is one.\n"
        "<!-- wikilint-disable-next-line doubled-word -->\nIt is is two.\n"
    )
    assert lines_flagged(run, tmp_path, text) == []
    assert lines_flagged(run, tmp_path, text, "--extend-select", "unused-suppression") == [
        ("WL003", 1)
    ]


def test_wikipedia_lint_disable_comments_are_not_honoured(run, tmp_path: Path) -> None:
    text = "<!-- lint-disable -->\nIt is is one.\n"
    assert lines_flagged(run, tmp_path, text) == [("WL103", 2)]
