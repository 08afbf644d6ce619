"""The language and wiki data files: every shipped file is valid, a bad file is named with
its key, and a language is added by adding a file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from wikilint.config.files import ConfigError, language_of
from wikilint.document import language, language_data
from wikilint.document.article import Article
from wikilint.document.language import detect_language
from wikilint.document.language_data import (
    LanguageDataError,
    all_languages,
    everywhere,
    known_languages,
    shared_data,
)
from wikilint.linter.registry import discover
from wikilint.rules.content.doubled_word import DoubledWord

ESPERANTO = """\
name = "Esperanto"
counts_words = true
stop_words = ["la", "kaj", "estas", "de", "ĝi", "kiu", "en", "al", "ne", "pri"]
grammatical_doubles = ["kiu kiu"]

[namespaces]
category = ["Kategorio"]
"""
ESPERANTO_TEXT = "La urbo estas la ĉefurbo de la lando, kaj ĝi kuŝas ĉe la rivero kiu fluas."


@pytest.fixture
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped data files, read instead of them."""
    folder = tmp_path / "languages"
    shutil.copytree(language_data.FOLDER, folder)
    monkeypatch.setattr(language_data, "FOLDER", folder)
    return folder


def test_every_shipped_file_is_valid() -> None:
    files = sorted(path.stem for path in language_data.FOLDER.glob("*.toml"))
    assert len(files) == 46
    assert set(all_languages()) == set(files) - {"shared"} == known_languages()
    assert all(data.name for data in all_languages().values())
    assert "sfn" in shared_data().citation_templates
    assert detect_language(ESPERANTO_TEXT) != "eo"  # until eo.toml is added, below
    with pytest.raises(ConfigError, match="unknown language code 'eo'"):
        language_of("eo", "language")


def test_every_language_the_code_names_has_a_file() -> None:
    by_script = set(language._SCRIPT_LANGUAGE.values())
    by_letters = {code for code, _ in language._CYRILLIC_MARKERS}
    detected = {"ru", "ja", "zh", "hi", "mr", "vi", "en"}  # returned by name in _detect
    declared = {code for rule in discover(plugins=False).rules for code in rule.languages or ()}
    assert by_script | by_letters | detected | declared <= known_languages()


def test_merged_copies_are_one_list() -> None:
    english = language_data.language_data("en").sections
    titles = everywhere().sections
    assert "footnotes" in english.references and "footnotes" in titles.references
    assert "plot synopsis" in english.plot
    assert "literature" not in titles.external_links  # English "Literature" is content
    assert "literatur" in titles.external_links  # German further reading


def test_a_language_is_added_by_adding_a_file(data_folder: Path) -> None:
    (data_folder / "eo.toml").write_text(ESPERANTO, encoding="utf-8")
    assert "eo" in known_languages()
    assert language_of("eo", "language") == "eo"
    assert detect_language(ESPERANTO_TEXT) == "eo"
    assert "kategorio" in everywhere().namespaces.category
    rule = DoubledWord()
    assert list(rule.check(Article("La viro kiu kiu venis.", language="eo"))) == []
    (finding,) = rule.check(Article("La viro venis venis hieraŭ.", language="eo"))
    assert finding.message == '"venis" is written twice in a row'


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ('name = "X"\nstopwords = ["a"]\n', "unknown key 'stopwords'"),
        ('name = "X"\nstop_words = ["a", 1]\n', "'stop_words' must be a list of strings"),
        ('name = "X"\nstop_words = "a b"\n', "'stop_words' must be a list of strings"),
        ('name = "X"\ncounts_words = "yes"\n', "'counts_words' must be true or false"),
        ('name = "X"\n[sections]\ntrivia = ["Trivia"]\n', "unknown key 'sections.trivia'"),
        ('name = "X"\nsections = ["Notes"]\n', "'sections' must be a table"),
        ("stop_words = []\n", "missing key 'name'"),
        ('name = "X"\nstop_words = [\n', "Invalid value (at end of document)"),
    ],
)
def test_a_bad_file_is_named_with_its_key(data_folder: Path, text: str, error: str) -> None:
    (data_folder / "xx.toml").write_text(text, encoding="utf-8")
    with pytest.raises(LanguageDataError) as raised:
        all_languages()
    message = str(raised.value)
    assert message.startswith(f"{data_folder / 'xx.toml'}: ")
    assert error in message
    assert "\n" not in message


def test_shared_file_must_have_every_key(data_folder: Path) -> None:
    (data_folder / "shared.toml").write_text('citation_templates = ["cite"]\n')
    with pytest.raises(LanguageDataError, match=r"shared\.toml: missing key"):
        shared_data()


def test_nothing_is_read_at_import(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys, wikilint.cli.main, wikilint.document.language_data as d;"
        "print(d._all_languages.cache_info().currsize, 'wikilint.document.language' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "False"]
