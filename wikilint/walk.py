"""Which files ``check`` reads: the paths named, and safe walks of the folders named.

Like ruff's, a walk never enters hidden or vendored folders, honours ``.gitignore`` files
and the configuration's ``exclude``, and yields only the files ``include`` names. Paths
named on the command line are read as given unless ``force-exclude`` is on.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from pathspec import GitIgnoreSpec

from wikilint.settings import Settings
from wikilint.sources import STDIN

#: Folders a walk never enters, besides hidden ones (a name starting with a dot).
SKIPPED_FOLDERS = frozenset(
    {".git", ".venv", "venv", "node_modules", "__pycache__", "build", "dist", "site-packages"}
)
GITIGNORE = ".gitignore"

SettingsFor = Callable[[str], Settings]


def is_skipped_folder(name: str) -> bool:
    """Hidden and vendored folders: version control, environments, dependencies, builds."""
    return name.startswith(".") or name in SKIPPED_FOLDERS


@dataclass(frozen=True, slots=True)
class _Ignore:
    """The patterns of one ``.gitignore`` file, relative to the folder holding it."""

    base: Path
    spec: GitIgnoreSpec

    @classmethod
    def read(cls, folder: Path) -> _Ignore | None:
        try:
            lines = (folder / GITIGNORE).read_text(encoding="utf-8", errors="replace")
        except OSError:  # absent, a folder, or unreadable: nothing is ignored by it
            return None
        return cls(folder, GitIgnoreSpec.from_lines(lines.splitlines()))


def _ignored(ignores: tuple[_Ignore, ...], path: Path, is_folder: bool) -> bool:
    """Git's verdict: the deepest ``.gitignore`` with a matching pattern decides."""
    for ignore in reversed(ignores):
        relative = path.relative_to(ignore.base).as_posix() + "/" * is_folder
        include = ignore.spec.check_file(relative).include
        if include is not None:
            return include
    return False


def _ignores_above(folder: Path) -> tuple[_Ignore, ...]:
    """The ``.gitignore`` files from the repository root (holding ``.git``) down to the
    parent of *folder*; none when *folder* is in no repository or is its root."""
    above = folder.parents
    for depth, candidate in enumerate((folder, *above)):
        if (candidate / ".git").exists():
            chain = reversed(above[:depth])
            return tuple(ignore for parent in chain if (ignore := _Ignore.read(parent)))
    return ()


def _walk(
    folder: str, absolute: Path, ignores: tuple[_Ignore, ...], settings_for: SettingsFor
) -> Iterator[str]:
    """The wanted files below *folder* in path order; *absolute* is its resolved path."""
    settings = settings_for(str(Path(folder, "_")))
    if settings.respect_gitignore and (ignore := _Ignore.read(absolute)) is not None:
        ignores = (*ignores, ignore)
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError:
        return  # an unreadable folder has no files to check; named files report errors
    for entry in entries:
        if entry.is_symlink():
            continue  # never followed: a link may lead out of the tree or into a loop
        path, is_folder = str(Path(folder, entry.name)), entry.is_dir()
        if is_folder and is_skipped_folder(entry.name):
            continue
        if settings.respect_gitignore and _ignored(ignores, absolute / entry.name, is_folder):
            continue
        if is_folder:
            if not settings.is_excluded(path):
                yield from _walk(path, absolute / entry.name, ignores, settings_for)
        elif entry.is_file():
            file_settings = settings_for(path)
            if file_settings.is_included(path) and not file_settings.is_excluded(path):
                yield path


def _folders_of(path: str) -> list[PurePath]:
    """The folders a named path goes through, from the working folder when it is below it."""
    named = PurePath(path)
    with contextlib.suppress(ValueError):
        named = Path(path).relative_to(Path.cwd()) if named.is_absolute() else named
    return [folder for folder in named.parents if folder.name not in ("", "..")]


def _force_excluded(path: str, settings: Settings) -> bool:
    """Whether a named path is one a walk would pass over (``force-exclude``)."""
    folders = _folders_of(path)
    if any(is_skipped_folder(folder.name) for folder in folders):
        return True
    if any(settings.is_excluded(str(named)) for named in (PurePath(path), *folders)):
        return True
    return not Path(path).is_dir() and not settings.is_included(path)


def _settings_of(path: str, settings_for: SettingsFor) -> Settings:
    return settings_for(str(Path(path, "_")) if Path(path).is_dir() else path)


def expand_paths(paths: Sequence[str], settings_for: SettingsFor) -> Iterator[str]:
    """Files named directly, and the wanted files below each named folder in path order."""
    for path in paths:
        if path == STDIN:
            yield path
            continue
        settings = _settings_of(path, settings_for)
        if settings.force_exclude and _force_excluded(path, settings):
            continue
        if Path(path).is_dir():
            absolute = Path(path).resolve()
            yield from _walk(path, absolute, _ignores_above(absolute), settings_for)
        else:
            yield path


def nothing_found(paths: Sequence[str], settings_for: SettingsFor) -> str:
    """The warning for a run with no file to check, saying what a walk looks for."""
    include = ", ".join(_settings_of(paths[0], settings_for).include)
    return (
        f"no wikitext files found under the given paths (folders yield {include} files; "
        'name .txt files directly or add "*.txt" to extend-include in the configuration)'
    )
