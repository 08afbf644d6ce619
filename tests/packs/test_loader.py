"""Loading packs: the kinds, the errors, and how pack rules join the registry."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import positions, run_rule

from wikilint.document.article import Article
from wikilint.linter.engine import lint
from wikilint.linter.finding import Applicability, Severity
from wikilint.linter.registry import discover
from wikilint.packs import BUILTIN_PACK_RULES, PackError, builtin_pack_dir, load_packs, wordlists

HEADER = """
[pack]
name = "test"
languages = ["en"]

[[rules]]
code = "XY101"
name = "test-rule"
severity = "info"
summary = "A test rule."
why = "Tests."
bad = "bad"
good = "good"
"""


#: An existence entry on the word "a", for the options that qualify its matches.
_WORD = 'kind = "existence"\nmessage = "m"\ntokens = ["a"]\n'


def pack(tmp_path: Path, body: str, header: str = HEADER) -> Path:
    path = tmp_path / "test.toml"
    path.write_text(header + body, encoding="utf-8")
    return path


def one_rule(tmp_path: Path, body: str):
    (rule,) = load_packs([pack(tmp_path, body)])
    return rule


def test_existence_tokens_and_patterns_whole_words(tmp_path: Path) -> None:
    rule = one_rule(
        tmp_path,
        'kind = "existence"\nmessage = "no {match}"\ntokens = ["utilize"]\n'
        "patterns = ['colou?r(?:ed)?']\n",
    )
    findings = run_rule(rule, "They utilize colored paint; reutilized, watercolor.")
    assert positions(findings) == [("XY101", 1, 6), ("XY101", 1, 14)]
    assert [f.message for f in findings] == ["no utilize", "no colored"]
    assert rule.severity is Severity.INFO and rule.languages == frozenset({"en"})


def test_matches_inside_quotations_and_italics_are_skipped_by_default(tmp_path: Path) -> None:
    rule = one_rule(tmp_path, 'kind = "existence"\nmessage = "{match}"\ntokens = ["utilize"]\n')
    source = "He said “we utilize it” and «utilize»; ''Utilize'' is a book. We utilize it."
    assert positions(run_rule(rule, source)) == [("XY101", 1, 66)]


def test_quotes_include_and_ignorecase(tmp_path: Path) -> None:
    body = (
        'kind = "existence"\nmessage = "{match}"\ntokens = ["Utilize"]\n'
        'quotes = "include"\nignorecase = false\n'
    )
    rule = one_rule(tmp_path, body)
    assert positions(run_rule(rule, 'a "Utilize" b utilize')) == [("XY101", 1, 4)]


def test_substitution_fix_keeps_case_and_respects_markup(tmp_path: Path) -> None:
    body = (
        'kind = "substitution"\nmessage = "{match} -> {replacement}"\nfix = "safe"\n'
        '[rules.swap]\n"in order to" = "to"\nutilise = "use"\n'
    )
    rule = one_rule(tmp_path, body)
    source = "Utilise it in order to win; in [[order]] to; in\norder to."
    findings = run_rule(rule, source)
    assert positions(findings) == [("XY101", 1, 1), ("XY101", 1, 12), ("XY101", 1, 29)]
    first, second, linked = findings
    assert first.message == "Utilise -> “Use”"
    assert first.fix.edits[0].replacement == "Use"
    assert first.fix.applicability is Applicability.SAFE
    assert (second.fix.edits[0].start, second.fix.edits[0].end) == (11, 22)
    assert linked.fix is None  # the match crosses link markup: no safe edit exists


def test_fix_why_and_precision_reach_the_rule_docs(tmp_path: Path) -> None:
    body = (
        'kind = "substitution"\nmessage = "m"\nfix = "safe"\nnotes = "Skips names."\n'
        'fix_why = "Safe: the words mean the same."\n'
        'precision = "3/3 findings read as correct, 2026-12-01"\n'
        '[rules.swap]\nutilise = "use"\n'
    )
    docs = one_rule(tmp_path, body).docs
    assert (docs.notes, docs.fix, docs.precision) == (
        "Skips names.",
        "Safe: the words mean the same.",
        "3/3 findings read as correct, 2026-12-01",
    )
    assert one_rule(tmp_path, _WORD).docs.fix == ""


def test_substitution_from_a_swap_file(tmp_path: Path) -> None:
    (tmp_path / "words.txt").write_text("teh->the\nadn->and, add,\n", encoding="utf-8")
    body = 'kind = "substitution"\nmessage = "{replacement}"\nswap_file = "words.txt"\n'
    findings = run_rule(one_rule(tmp_path, body), "teh cat adn dog")
    assert [(f.message, f.fix is not None) for f in findings] == [
        ("“the”", True),
        ("“and” or “add”", False),
    ]
    assert findings[0].fix.applicability is Applicability.UNSAFE


@pytest.mark.parametrize(
    ("scope", "limit", "source", "expected"),
    [
        ("sentence", "max = 2", "A, b, c, d. E, f.", [("XY101", 1, 8)]),
        ("paragraph", "max = 2", "A, b, c. D, e.\nF, g.", [("XY101", 1, 11)]),
        ("article", "min = 4", "A, b, c. D, e.", [("XY101", 1, 1)]),
        ("article", "max = 3", "A, b, c. D, e.", []),
    ],
)
def test_occurrence_scopes(tmp_path: Path, scope, limit, source, expected) -> None:
    body = (
        f'kind = "occurrence"\nmessage = "{{count}} commas (limit {{limit}})"\n'
        f'token = ","\nnonword = true\nscope = "{scope}"\n{limit}\n'
    )
    assert positions(run_rule(one_rule(tmp_path, body), source)) == expected


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ('kind = "grammar"\nmessage = "m"\n', "rule XY101: unknown kind 'grammar'"),
        ('kind = "existence"\n', "rule XY101: missing key 'message'"),
        ('kind = "existence"\nmessage = 3\n', "rule XY101: 'message' must be a str, not int"),
        ('kind = "existence"\nmessage = "m"\ntokens = ["a"]\ncolour = 1\n', "unknown key 'colour'"),
        ('kind = "existence"\nmessage = "{word}"\ntokens = ["a"]\n', "placeholder '{word}'"),
        ('kind = "existence"\nmessage = "m"\n', "needs 'tokens' or 'patterns'"),
        ('kind = "existence"\nmessage = "m"\npatterns = [\'(a)\\1\']\n', "is not valid RE2"),
        ('kind = "existence"\nmessage = "m"\npatterns = [\'(?=a)b\']\n', "is not valid RE2"),
        ('kind = "occurrence"\nmessage = "m"\ntoken = "a"\n', "exactly one of 'max' and 'min'"),
        (f"{_WORD}skip_sections = [1]\n", "'skip_sections' must be a list of non-empty strings"),
        (f"{_WORD}skip_cited_sentences = 1\n", "'skip_cited_sentences' must be a bool"),
        (f"{_WORD}unless = ['a']\n", "each 'unless' item must be a table"),
        (f"{_WORD}unless = [{{ next = ['b'] }}]\n", "each 'unless' item needs a 'match'"),
        (f"{_WORD}unless = [{{ match = 'a' }}]\n", "'unless' for 'a' needs 'previous'"),
        (f"{_WORD}unless = [{{ match = 'a', after = ['b'] }}]\n", "unknown key 'after'"),
        (f"{_WORD}unless = [{{ match = 'a', next = 'b' }}]\n", "'next' must be a list of words"),
        (f"{_WORD}unless = [{{ match = 'a', sentence = '(?=b)' }}]\n", "is not valid RE2"),
    ],
)
def test_invalid_entries_raise_one_line_errors_naming_file_and_entry(
    tmp_path: Path, body: str, error: str
) -> None:
    path = pack(tmp_path, body)
    with pytest.raises(PackError) as raised:
        load_packs([path])
    message = str(raised.value)
    assert message.startswith(f"{path}: ") and error in message and "\n" not in message


def test_context_options_qualify_matches_by_section_citation_and_neighbouring_words(
    tmp_path: Path,
) -> None:
    body = (
        'kind = "existence"\nmessage = "{match}"\ntokens = ["odd", "so to speak"]\n'
        'skip_sections = ["Story"]\nskip_cited_sentences = true\n'
        "unless = [{ match = 'odd', previous = ['an'], next = ['', 'number'] },"
        " { match = 'So  to speak', sentence = '[0-9]' }]\n"
    )
    rule = one_rule(tmp_path, body)
    source = (
        "An odd number. An odd, odd man.<ref>A</ref> So to speak, 3. So to speak, odd.\n"
        "==Story==\nAn odd man.\n===Later===\nAn odd man.\n==After==\nAn odd man."
    )
    assert positions(run_rule(rule, source)) == [
        ("XY101", 1, 61),
        ("XY101", 1, 74),
        ("XY101", 7, 4),
    ]


def test_invalid_code_and_toml(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="code 'x1' is not like"):
        load_packs([pack(tmp_path, 'kind = "existence"', header=HEADER.replace("XY101", "x1"))])
    with pytest.raises(PackError, match="cannot read pack"):
        load_packs([pack(tmp_path, "kind = ")])
    with pytest.raises(PackError, match="no such pack"):
        load_packs([tmp_path / "missing"])


def test_a_folder_loads_every_pack_in_it(tmp_path: Path) -> None:
    pack(tmp_path, 'kind = "existence"\nmessage = "m"\ntokens = ["a"]\n')
    (tmp_path / "notes.md").write_text("not a pack")
    (tmp_path / "drafts.toml").mkdir()  # only regular files are read (no FIFO, no device)
    assert [rule.code for rule in load_packs([tmp_path])] == ["XY101"]


def test_builtin_packs_are_registered_through_the_entry_point() -> None:
    registry = discover(plugins=False)
    assert builtin_pack_dir().joinpath("words-to-watch.toml").is_file()
    codes = {rule.code for rule in BUILTIN_PACK_RULES}
    assert {"WL801", "WL808", "WL810"} <= codes
    assert all(registry.get(code) is not None for code in codes)
    assert registry.get("said-synonym").enabled_by_default is False


def test_english_packs_run_only_on_english_articles() -> None:
    rules = [rule() for rule in BUILTIN_PACK_RULES]
    english = Article("The bridge is currently closed and the goverment is legendary.")
    german = Article("Die Brücke ist currently geschlossen, und die Regierung ist legendary.")
    assert {f.code for f in lint(english, rules)} == {"WL801", "WL808", "WL810"}
    assert german.language == "de" and lint(german, rules) == []


@pytest.mark.parametrize(
    ("message", "problem"),
    [
        ("{match:>200000000}", "message placeholder '{match:>200000000}' is not one of {match}"),
        ("{match.nope}", "message placeholder '{match.nope}' is not one of {match}"),
        (
            "{match.__class__.__mro__}",
            "message placeholder '{match.__class__.__mro__}' is not one of {match}",
        ),
        ("{match!r}", "message placeholder '{match!r}' is not one of {match}"),
        ("{match[0]}", "message placeholder '{match[0]}' is not one of {match}"),
        ("{0}", "message placeholder '{0}' is not one of {match}"),
        ("a {", "message is not a valid template (Single '{' encountered in format string)"),
    ],
)
def test_message_placeholders_are_checked_when_the_pack_loads(
    tmp_path: Path, message: str, problem: str
) -> None:
    path = pack(tmp_path, f'kind = "existence"\ntokens = ["a"]\nmessage = {message!r}\n')
    with pytest.raises(PackError) as raised:
        load_packs([path])
    assert str(raised.value) == f"{path}: rule XY101: {problem}"


def test_the_documented_placeholders_and_escaped_braces_are_accepted(tmp_path: Path) -> None:
    body = (
        'kind = "substitution"\nswap = { teh = "the" }\nmessage = "{{{match}}} -> {replacement}"\n'
    )
    [finding] = run_rule(one_rule(tmp_path, body), "teh cat")
    assert finding.message == "{teh} -> “the”"


def swap_file_pack(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / "packs"
    folder.mkdir(exist_ok=True)
    return pack(folder, f'kind = "substitution"\nmessage = "m"\nswap_file = {name!r}\n')


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("../../../etc/passwd", "outside {folder}"),
        ("/etc/passwd", "outside {folder}"),
        ("codespell:../../../../../../etc/passwd", "outside {codespell}"),
        ("/dev/zero", "outside {folder}"),
        ("missing.txt", "no such file"),
        ("sub", "not a regular file"),
        ("outside-link.txt", "outside {folder}"),
    ],
)
def test_a_swap_file_must_be_a_regular_file_inside_the_pack_folder(
    tmp_path: Path, name: str, problem: str
) -> None:
    path = swap_file_pack(tmp_path, name)
    folder = path.parent
    (folder / "sub").mkdir()
    (tmp_path / "secret.txt").write_text("teh->the\n", encoding="utf-8")
    (folder / "outside-link.txt").symlink_to(tmp_path / "secret.txt")
    codespell = Path(wordlists.locate("codespell:dictionary.txt", path)).parent
    with pytest.raises(PackError) as raised:
        load_packs([path])
    expected = problem.format(folder=folder.resolve(), codespell=codespell)
    assert str(raised.value) == f"{path}: rule XY101: swap_file {name!r}: {expected}"


def test_a_swap_file_larger_than_the_cap_is_refused(tmp_path: Path) -> None:
    path = swap_file_pack(tmp_path, "big.txt")
    (path.parent / "big.txt").write_bytes(b"teh->the\n" * (wordlists.MAX_WORD_LIST_BYTES // 9 + 1))
    with pytest.raises(PackError) as raised:
        load_packs([path])
    assert str(raised.value) == f"{path}: rule XY101: swap_file 'big.txt': larger than 8 MB"


def test_pack_languages_must_be_known_codes(tmp_path: Path) -> None:
    path = pack(
        tmp_path,
        'kind = "existence"\nmessage = "m"\ntokens = ["a"]\n',
        HEADER.replace('["en"]', '["eng"]'),
    )
    with pytest.raises(
        PackError, match=r"rule XY101: languages: unknown language code 'eng' \(known: af, "
    ):
        load_packs([path])


def test_a_deeply_nested_pack_is_a_one_line_error(tmp_path: Path) -> None:
    path = pack(tmp_path, "x = " + "[" * 5000 + "]" * 5000 + "\n")
    with pytest.raises(PackError) as raised:
        load_packs([path])
    assert str(raised.value) == f"{path}: cannot read pack: invalid TOML (nesting too deep)"


def test_pack_rules_pickle_by_pack_file_and_unpickle_in_a_fresh_process(tmp_path: Path) -> None:
    """Worker processes (forkserver, Dask) receive rule instances: pack rule classes are made
    at run time, so an instance travels as its pack file and code and is rebuilt there."""
    (tmp_path / "words.txt").write_text("blorf->word\n", encoding="utf-8")
    body = 'kind = "substitution"\nmessage = "{replacement}"\nswap_file = "words.txt"\n'
    rule = one_rule(tmp_path, body)(severity=Severity.ERROR)
    builtin = [rule() for rule in BUILTIN_PACK_RULES]
    script = (
        "import pickle, sys\n"
        "from wikilint.linter.engine import lint_source\n"
        "rules = pickle.load(sys.stdin.buffer)\n"
        "for f in lint_source('The goverment saw a blorf, legendary.', 'a', rules, 'en'):\n"
        "    print(f.code, f.severity.value, f.location.column, f.message)\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", script],
        input=pickle.dumps([rule, *builtin]),
        capture_output=True,
        check=True,
    ).stdout.decode()
    assert shown.splitlines() == [
        "WL810 warning 5 “goverment” is a common misspelling of “government”",
        "XY101 error 21 “word”",
        "WL801 warning 28 “legendary” is puffery: show importance with facts and sources instead",
    ]
