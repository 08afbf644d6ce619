"""Language and wiki data: the TOML files of ``wikilint/data/languages``, read on first use.

``<code>.toml``, named by Wikipedia language code, holds one language's words and its
wiki's names; ``shared.toml`` the names every wiki knows. A language is added by adding a
file: :func:`known_languages` lists the files present. Each file is checked when read: an
unknown key or a value of the wrong type raises :class:`LanguageDataError`, naming the file
and the key. Names and section titles are casefolded on reading.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

#: Where the data files are.
FOLDER = Path(__file__).resolve().parents[1] / "data" / "languages"
#: The stem of the file of names every wiki knows.
SHARED = "shared"

#: The keys of a language file and their types; a table is a nested dict.
_LANGUAGE_KEYS: dict[str, Any] = {
    "name": str,
    "counts_words": bool,
    "spaced_reduplication": bool,
    "stop_words": list,
    "grammatical_doubles": list,
    "idiom_conjunctions": list,
    "idiom_links": list,
    "abbreviations": list,
    "number_abbreviations": list,
    "reference_list_templates": list,
    "sections": dict.fromkeys(("references", "external_links", "see_also", "plot", "lists"), list),
    "namespaces": {"file": list, "category": list},
}
_SHARED_KEYS: dict[str, Any] = {
    "citation_templates": list,
    "citation_template_prefixes": list,
    "note_templates": list,
    "footnote_templates": list,
    "citation_needed_templates": list,
    "patronymic_particles": list,
    "namespaces": _LANGUAGE_KEYS["namespaces"],
}
_TYPE_NAMES = {str: "a string", bool: "true or false", list: "a list of strings"}


class LanguageDataError(Exception):
    """A data file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True, slots=True)
class SectionTitles:
    """Section titles of a wiki, casefolded, in file order."""

    references: tuple[str, ...] = ()
    """Footnotes and cited sources ("References", "Notes", "Einzelnachweise")."""
    external_links: tuple[str, ...] = ()
    """Links and reading out of the article ("External links", "Further reading")."""
    see_also: tuple[str, ...] = ()
    plot: tuple[str, ...] = ()
    """Plot summaries, whose source is the work itself."""
    lists: tuple[str, ...] = ()
    """Lists of works or images ("Discography", "Gallery")."""


@dataclass(frozen=True, slots=True)
class Namespaces:
    """Namespace names of a wiki, casefolded; empty where the file does not say."""

    file: frozenset[str] = frozenset()
    category: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class LanguageData:
    """What one language file says (see ``wikilint/data/languages/en.toml``)."""

    code: str
    name: str
    counts_words: bool = False
    """Words are written apart, so counting them measures length (long-paragraph)."""
    spaced_reduplication: bool = False
    """Reduplication is written as two words ("dần dần"): a doubled word may be meant."""
    stop_words: frozenset[str] = frozenset()
    """Common function words, which tell the language of running text."""
    grammatical_doubles: frozenset[str] = frozenset()
    """Doubles that are grammatical, written doubled ("had had")."""
    idiom_conjunctions: frozenset[str] = frozenset()
    """Conjunctions of "X and X" idioms ("more and more")."""
    idiom_links: frozenset[str] = frozenset()
    """Words that join a reduplicated noun ("step by step")."""
    abbreviations: frozenset[str] = frozenset()
    """Abbreviations after which a full stop does not end a sentence ("dr")."""
    number_abbreviations: frozenset[str] = frozenset()
    """Abbreviations before a number ("p. 12") that are also words ("no")."""
    reference_list_templates: frozenset[str] | None = None
    """Templates that render the references list; ``None``: not known for this wiki."""
    sections: SectionTitles = SectionTitles()
    namespaces: Namespaces = Namespaces()


@dataclass(frozen=True, slots=True)
class SharedData:
    """What ``shared.toml`` says: names every wiki knows."""

    citation_templates: frozenset[str]
    citation_template_prefixes: tuple[str, ...]
    note_templates: frozenset[str]
    footnote_templates: frozenset[str]
    citation_needed_templates: frozenset[str]
    patronymic_particles: frozenset[str]
    namespaces: Namespaces


def known_languages() -> frozenset[str]:
    """The language codes that have a file."""
    return _known_languages(FOLDER)


def language_data(code: str) -> LanguageData:
    """The data of the language *code* (one of :func:`known_languages`)."""
    languages = all_languages()
    if code not in languages:
        raise LanguageDataError(f"no language file {code}.toml in {FOLDER}")
    return languages[code]


def data_for(code: str | None) -> LanguageData:
    """The data of the language *code*, or :func:`everywhere`'s when it has no file."""
    return all_languages().get(code or "", None) or everywhere()


def all_languages() -> dict[str, LanguageData]:
    """Every language's data by code, in code order."""
    return _all_languages(FOLDER)


def shared_data() -> SharedData:
    """The names every wiki knows."""
    return _shared_data(FOLDER)


def everywhere() -> LanguageData:
    """The data of every language merged, for text whose language is not known: each set is
    the union of all languages' (namespaces with the shared ones), section titles in order."""
    return _everywhere(FOLDER)


@cache
def _known_languages(folder: Path) -> frozenset[str]:
    return frozenset(path.stem for path in folder.glob("*.toml")) - {SHARED}


@cache
def _all_languages(folder: Path) -> dict[str, LanguageData]:
    return {code: _language(folder, code) for code in sorted(_known_languages(folder))}


@cache
def _shared_data(folder: Path) -> SharedData:
    document = _read(folder / f"{SHARED}.toml", _SHARED_KEYS)
    missing = [key for key in _SHARED_KEYS if key not in document]
    if missing:
        raise LanguageDataError(f"{folder / SHARED}.toml: missing key {missing[0]!r}")
    return SharedData(
        citation_templates=frozenset(document["citation_templates"]),
        citation_template_prefixes=tuple(document["citation_template_prefixes"]),
        note_templates=frozenset(document["note_templates"]),
        footnote_templates=frozenset(document["footnote_templates"]),
        citation_needed_templates=frozenset(document["citation_needed_templates"]),
        patronymic_particles=frozenset(document["patronymic_particles"]),
        namespaces=_namespaces(document.get("namespaces", {})),
    )


@cache
def _everywhere(folder: Path) -> LanguageData:
    languages = _all_languages(folder).values()
    shared = _shared_data(folder).namespaces

    def union(name: str) -> frozenset[str]:
        merged: frozenset[str] = frozenset()
        return merged.union(*(getattr(language, name) or () for language in languages))

    def titles(name: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t for lang in languages for t in getattr(lang.sections, name)))

    def names(name: str) -> frozenset[str]:
        own: frozenset[str] = getattr(shared, name)
        return own.union(*(getattr(lang.namespaces, name) for lang in languages))

    lists: dict[str, Any] = {
        key: union(key) for key, kind in _LANGUAGE_KEYS.items() if kind is list
    }
    return LanguageData(
        code="*",
        name="every language",
        sections=SectionTitles(**{key: titles(key) for key in _LANGUAGE_KEYS["sections"]}),
        namespaces=Namespaces(**{key: names(key) for key in _LANGUAGE_KEYS["namespaces"]}),
        **lists,
    )


def _language(folder: Path, code: str) -> LanguageData:
    path = folder / f"{code}.toml"
    document = _read(path, _LANGUAGE_KEYS)
    if "name" not in document:
        raise LanguageDataError(f"{path}: missing key 'name'")
    plain: dict[str, Any] = {
        key: frozenset(value) if isinstance(value, list) else value
        for key, value in document.items()
        if key not in ("sections", "namespaces")
    }
    sections = {
        key: tuple(title.casefold() for title in titles)
        for key, titles in document.get("sections", {}).items()
    }
    return LanguageData(
        code=code,
        sections=SectionTitles(**sections),
        namespaces=_namespaces(document.get("namespaces", {})),
        **plain,
    )


def _namespaces(table: dict[str, list[str]]) -> Namespaces:
    return Namespaces(
        **{key: frozenset(name.casefold() for name in names) for key, names in table.items()}
    )


def _read(path: Path, keys: dict[str, Any]) -> dict[str, Any]:
    """The checked document in the data file at *path*."""
    try:
        with path.open("rb") as file:
            document = tomllib.load(file)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise LanguageDataError(f"{path}: {error}") from None
    _check(path, document, keys, "")
    return document


def _check(path: Path, table: dict[str, Any], keys: dict[str, Any], prefix: str) -> None:
    for key, value in table.items():
        where = prefix + key
        if key not in keys:
            raise LanguageDataError(f"{path}: unknown key {where!r}")
        expected = keys[key]
        if isinstance(expected, dict):
            if not isinstance(value, dict):
                raise LanguageDataError(f"{path}: {where!r} must be a table")
            _check(path, value, expected, where + ".")
        elif not isinstance(value, expected) or (
            expected is list and not all(isinstance(item, str) for item in value)
        ):
            raise LanguageDataError(f"{path}: {where!r} must be {_TYPE_NAMES[expected]}")
