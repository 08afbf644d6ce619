"""``check --write-baseline`` and ``--baseline``: adopting wikilint on a wiki with old findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wikilint.batch import baseline
from wikilint.inputs.dumps import Page, write_dump
from wikilint.linter.results import Summary

ARTICLE = """'''Lyon''' is a city in [[France]].

== History ==
It was the the capital of Gaul under the Romans.

== Food ==
Lyon is known for its cuisine and its markets.
"""
DOUBLED = "It was the the capital"
NOTE_ONE_BASELINED = "1 baselined finding not shown; 0 baseline entries no longer occur (fixed)."


def entries(file: Path) -> list[dict]:
    return json.loads(file.read_text(encoding="utf-8"))["findings"]


@pytest.fixture
def adopted(run, tmp_path: Path) -> Path:
    """``wiki/lyon.wiki`` with one doubled word, recorded in ``base.json``."""
    (tmp_path / "wiki").mkdir()
    article = tmp_path / "wiki" / "lyon.wiki"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run("check", "--select", "WL103", "--write-baseline", "base.json", "wiki")
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "",
        "wrote 1 finding to base.json\n",
    )
    return article


def test_lines_inserted_above_a_baselined_finding_still_pass(run, adopted: Path) -> None:
    adopted.write_text("{{Short description|City in France}}\n\n" + ARTICLE, encoding="utf-8")
    result = run("check", "--select", "WL103", "--baseline", "base.json", "wiki")
    assert (result.exit_code, result.stdout) == (0, NOTE_ONE_BASELINED + "\n")


def test_a_new_doubled_word_fails_with_only_that_finding(run, adopted: Path) -> None:
    adopted.write_text(
        "{{Short description|City in France}}\n\n"
        + ARTICLE
        + "\n== Sport ==\nThe city has a a football club.\n",
        encoding="utf-8",
    )
    result = run("check", "--select", "WL103", "--baseline", "base.json", "wiki")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f'{Path("wiki/lyon.wiki")}:12:16 WL103 doubled-word "a" is written twice in a row',
        NOTE_ONE_BASELINED,
    ]


def test_a_fixed_finding_is_counted_fixed_and_dropped_by_write_baseline(
    run, adopted: Path, tmp_path: Path
) -> None:
    adopted.write_text(ARTICLE.replace(DOUBLED, "It was the capital"), encoding="utf-8")
    result = run(
        "check", "--select", "WL103", "--baseline", "base.json", "--format", "full", "wiki"
    )
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == (
        "0 baselined findings not shown; 1 baseline entry no longer occurs (fixed)."
    )
    rewrite = run("check", "--select", "WL103", "--write-baseline", "base.json", "wiki")
    assert (rewrite.exit_code, rewrite.stderr) == (0, "wrote 0 findings to base.json\n")
    assert (tmp_path / "base.json").read_bytes() == b'{\n  "version": 1,\n  "findings": []\n}\n'


def test_pre_commit_runs_on_named_files_leave_other_entries_alone(run, tmp_path: Path) -> None:
    wiki = tmp_path / "wiki"
    wiki.mkdir()
    (wiki / "lyon.wiki").write_text(ARTICLE, encoding="utf-8")
    (wiki / "nice.wiki").write_text("Nice is is on the coast.\n", encoding="utf-8")
    assert run("check", "--select", "WL103", "--write-baseline", "base.json", "wiki").exit_code == 0
    # pre-commit passes the staged files by name; nice.wiki is not among them
    (wiki / "lyon.wiki").write_text(ARTICLE.replace(DOUBLED, "It was the capital"), "utf-8")
    staged = run("check", "--select", "WL103", "--baseline", "base.json", "wiki/lyon.wiki")
    assert (staged.exit_code, staged.stdout) == (
        0,
        "0 baselined findings not shown; 1 baseline entry no longer occurs (fixed).\n",
    )
    assert (
        run(
            "check", "--select", "WL103", "--write-baseline", "base.json", "wiki/lyon.wiki"
        ).exit_code
        == 0
    )
    assert [(entry["path"], entry["text"]) for entry in entries(tmp_path / "base.json")] == [
        ("wiki/nice.wiki", "is"),
    ]
    whole = run("check", "--select", "WL103", "--baseline", "base.json", "wiki")
    assert (whole.exit_code, whole.stdout) == (0, NOTE_ONE_BASELINED + "\n")


def test_a_dump_run_is_keyed_on_page_titles(run, tmp_path: Path) -> None:
    page = Page("Lyon", 0, 1, 101, ARTICLE, "en")
    write_dump([page], tmp_path / "old.xml")
    result = run("check", "--select", "WL103", "--write-baseline", "base.json", "old.xml")
    assert result.exit_code == 0
    [entry] = entries(tmp_path / "base.json")
    assert (entry["path"], entry["code"], entry["text"]) == ("Lyon", "WL103", "the")
    edited = Page("Lyon", 0, 1, 102, "{{Short description|City}}\n" + ARTICLE, "en")
    new = Page("Nice", 0, 2, 103, "Nice is is on the coast.\n", "en")
    write_dump([edited, new], tmp_path / "new.xml")
    result = run("check", "--select", "WL103", "--baseline", "base.json", "new.xml")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        'Nice:1:9 WL103 doubled-word "is" is written twice in a row',
        NOTE_ONE_BASELINED,
    ]


def test_the_file_is_sorted_and_writing_twice_gives_the_same_bytes(run, tmp_path: Path) -> None:
    text = "We went to to the zoo.\n\nCafé café au lait, then café café.\n"
    (tmp_path / "b.wiki").write_text(text, encoding="utf-8")
    (tmp_path / "a.wiki").write_text("The the end.\n", encoding="utf-8")
    run("check", "--select", "WL103", "--write-baseline", "base.json", ".")
    first = (tmp_path / "base.json").read_bytes()
    run("check", "--select", "WL103", "--write-baseline", "base.json", "b.wiki", "a.wiki")
    assert (tmp_path / "base.json").read_bytes() == first
    assert first.endswith(b"}\n") and "café".encode() in first
    found = [
        (e["path"], e["code"], e["text"], e["occurrence"]) for e in entries(tmp_path / "base.json")
    ]
    assert found == sorted(found)
    assert [(path, text) for path, _, text, _ in found] == [
        ("a.wiki", "the"), ("b.wiki", "café"), ("b.wiki", "café"), ("b.wiki", "to"),
    ]  # fmt: skip
    assert list(entries(tmp_path / "base.json")[0]) == [
        "path", "code", "rule", "text", "context", "occurrence",
    ]  # fmt: skip


def test_a_baseline_works_from_another_folder(
    run, adopted: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path / "wiki")
    result = run("check", "--select", "WL103", "--baseline", "../base.json", "lyon.wiki")
    assert (result.exit_code, result.stdout) == (0, NOTE_ONE_BASELINED + "\n")


def test_the_configured_baseline_is_relative_to_the_config_file(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".wikilint.toml").write_text('baseline = "base.json"\nselect = ["WL103"]\n')
    (tmp_path / "wiki").mkdir()
    (tmp_path / "wiki" / "lyon.wiki").write_text(ARTICLE, encoding="utf-8")
    assert run("check", "--write-baseline", "base.json", "wiki").exit_code == 0
    monkeypatch.chdir(tmp_path / "wiki")
    result = run("check", "lyon.wiki")
    assert (result.exit_code, result.stdout) == (0, NOTE_ONE_BASELINED + "\n")
    assert run("config").exit_code == 0
    assert json.loads(run("config").stdout)["baseline"] == str(tmp_path / "base.json")


def test_timeouts_are_never_recorded_nor_their_article_entries_dropped(run, tmp_path: Path) -> None:
    from adversarial import adversarial

    (tmp_path / "evil.wiki").write_text(adversarial("unclosed-template"))
    (tmp_path / "fine.wiki").write_text("It was the the best.\n")
    kept = {"path": "evil.wiki", "code": "WL103", "rule": "doubled-word", "text": "a",
            "context": "0123456789abcdef", "occurrence": 0}  # fmt: skip
    (tmp_path / "base.json").write_text(json.dumps({"version": 1, "findings": [kept]}))
    result = run("check", "--select", "WL103", "--timeout", "0.3", "--write-baseline",
                 "base.json", ".")  # fmt: skip
    assert result.exit_code == 2  # the article was not checked: reported, never baselined
    assert [line.split()[1] for line in result.stdout.splitlines()] == ["WL002"]
    assert [(e["path"], e["code"]) for e in entries(tmp_path / "base.json")] == [
        ("evil.wiki", "WL103"),
        ("fine.wiki", "WL103"),
    ]


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (None, "cannot read the baseline (No such file or directory)"),
        ("{", "not a baseline: invalid JSON (Expecting property name enclosed in double quotes:"
              " line 1 column 2 (char 1))"),
        ("[]", 'not a baseline: expected {"version": 1, ...}'),
        ('{"version": 1, "findings": {}}', "not a baseline: 'findings' is not a list"),
        ('{"version": 1, "findings": [{"path": "a"}]}',
         "findings[0]: expected an object with keys path, code, rule, text, context, occurrence"),
        ('{"version": 1, "findings": [{"path": "a", "code": "WL103", "rule": "r", "text": "t",'
         ' "context": "c", "occurrence": -1}]}',
         "findings[0].occurrence: expected a number from 0"),
        ('{"version": 1, "findings": [{"path": "a", "code": "WL103", "rule": "r", "text": "t",'
         ' "context": "c", "occurrence": true}]}', "findings[0].occurrence: expected an integer"),
        ("[" * 100_000, "not a baseline: invalid JSON (maximum recursion depth exceeded"),
    ],
)  # fmt: skip
def test_a_bad_baseline_is_one_line_and_exit_2(
    run, tmp_path: Path, content: str | None, error: str
) -> None:
    (tmp_path / "a.wiki").write_text("The the end.\n")
    if content is not None:
        (tmp_path / "base.json").write_text(content)
    result = run("check", "--baseline", "base.json", "a.wiki")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"wikilint: error: base.json: {error}")
    assert result.stderr.count("\n") == 1


def test_a_huge_baseline_is_refused_unread(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(baseline, "MAX_BYTES", 100)
    (tmp_path / "a.wiki").write_text("The the end.\n")
    (tmp_path / "base.json").write_text(json.dumps({"version": 1, "findings": []}) + " " * 100)
    for flag in ("--baseline", "--write-baseline"):
        result = run("check", flag, "base.json", "a.wiki")
        assert (result.exit_code, result.stderr) == (
            2,
            "wikilint: error: base.json: baseline larger than 100 bytes\n",
        )


def test_baseline_and_write_baseline_exclude_each_other(run, tmp_path: Path) -> None:
    result = run("check", "--baseline", "a.json", "--write-baseline", "b.json", "a.wiki")
    assert (result.exit_code, result.stderr) == (
        2,
        "wikilint: error: --baseline and --write-baseline exclude each other\n",
    )


def test_a_baseline_changed_during_the_run_is_not_overwritten(tmp_path: Path) -> None:
    file = tmp_path / "base.json"
    file.write_text('{"version": 1, "findings": []}\n')
    writer = baseline.BaselineWriter(file)
    file.write_text('{"version": 1, "findings": [] }\n')  # another run or an editor
    with pytest.raises(baseline.BaselineError, match=r"base.json: changed while wikilint ran"):
        writer.finish(Summary())
    assert file.read_text() == '{"version": 1, "findings": [] }\n'


def test_long_flagged_text_is_stored_cut_short_and_still_matches(run, tmp_path: Path) -> None:
    paragraph = (
        "The river flows through the old town and past the cathedral, where markets have "
        "been held every Saturday since the twelfth century."
    )
    (tmp_path / "long.wiki").write_text(f"{paragraph}\n\n{paragraph}\n", encoding="utf-8")
    assert (
        run("check", "--select", "WL101", "--write-baseline", "b.json", "long.wiki").exit_code == 0
    )
    [entry] = entries(tmp_path / "b.json")
    assert entry["text"] == paragraph[: baseline.TEXT_LIMIT] + "… 252cd425bbb71880"
    result = run("check", "--select", "WL101", "--baseline", "b.json", "long.wiki")
    assert (result.exit_code, result.stdout) == (0, NOTE_ONE_BASELINED + "\n")
