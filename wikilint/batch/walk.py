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
from typing import TYPE_CHECKING

from wikilint.config.files import CONFIG_NAMES
from wikilint.config.settings import Settings
from wikilint.inputs.files import STDIN

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

#: Folders a walk never enters, besides hidden ones (a name starting with a dot).
SKIPPED_FOLDERS = frozenset(
    {".git", ".venv", "venv", "node_modules", "__pycache__", "build", "dist", "site-packages"}
)
GITIGNORE = ".gitignore"
#: Every path is matched against each ``.gitignore`` above it: this bounds that work.
MAX_NESTED_GITIGNORES = 64


class WalkError(Exception):
    """A folder that cannot be walked; the message is one line naming it."""


SettingsFor = Callable[[str], Settings]


def is_skipped_folder(name: str) -> bool:
    """Hidden and vendored folders: version control, environments, dependencies, builds."""
    return name.startswith(".") or name in SKIPPED_FOLDERS


@dataclass(frozen=True, slots=True)
class _Ignore:
    """The patterns of one ``.gitignore`` file, which match paths relative to its folder."""

    spec: GitIgnoreSpec
    #: Characters a path below the folder drops to be relative to it (the folder and a slash).
    prefix: int

    @classmethod
    def read(cls, folder: Path) -> _Ignore | None:
        try:
            lines = (folder / GITIGNORE).read_text(encoding="utf-8", errors="replace")
        except OSError:  # absent, a folder, or unreadable: nothing is ignored by it
            return None
        from pathspec import GitIgnoreSpec

        prefix = len(folder.as_posix().rstrip("/")) + 1
        return cls(GitIgnoreSpec.from_lines(lines.splitlines()), prefix)


#: Reads the ``.gitignore`` of a folder: ``None`` when it has none.
_IgnoreReader = Callable[[Path], _Ignore | None]


class _IgnoreFiles:
    """The ``.gitignore`` files of one run, each read once however many named paths and
    walks reach its folder (only the files found are kept: a walk passes many folders)."""

    def __init__(self) -> None:
        self._found: dict[Path, _Ignore] = {}

    def __call__(self, folder: Path) -> _Ignore | None:
        found = self._found.get(folder)
        if found is None and (found := _Ignore.read(folder)) is not None:
            self._found[folder] = found
        return found


def _ignored(ignores: tuple[_Ignore, ...], path: Path, is_folder: bool) -> bool:
    """Git's verdict: the deepest ``.gitignore`` with a matching pattern decides."""
    posix = path.as_posix() + "/" * is_folder
    for ignore in reversed(ignores):
        include = ignore.spec.check_file(posix[ignore.prefix :]).include
        if include is not None:
            return include
    return False


def _folders_above(path: Path) -> list[Path]:
    """The folders from the repository root (holding ``.git``) down to the parent of
    *path*; none when *path* is in no repository or is its root."""
    above = path.parents
    for depth, candidate in enumerate((path, *above)):
        if (candidate / ".git").exists():
            return list(reversed(above[:depth]))
    return []


def _ignores_above(folder: Path, read: _IgnoreReader) -> tuple[_Ignore, ...]:
    """The ``.gitignore`` files from the repository root down to the parent of *folder*."""
    chain = _folders_above(folder)
    return tuple(ignore for parent in chain if (ignore := read(parent)))


def _gitignored(path: Path, read: _IgnoreReader) -> bool:
    """Whether *path* (absolute) or a folder it is in is ignored by the ``.gitignore`` files
    from its repository's root down, or else from the working folder's (*read* reads one):
    what a walk would pass over."""
    ignores: tuple[_Ignore, ...] = ()
    folders, here = _folders_above(path), Path.cwd()
    if not folders and here in path.parents:
        folders = list(reversed(path.parents[: path.parents.index(here) + 1]))
    if not folders:
        return False
    for folder, inner in zip(folders, [*folders[1:], path], strict=True):
        if (ignore := read(folder)) is not None:
            ignores = (*ignores, ignore)
        if _ignored(ignores, inner, is_folder=inner != path or path.is_dir()):
            return True
    return False


@dataclass(frozen=True, slots=True)
class _Folder:
    """A folder to walk: as named (for the paths yielded), resolved (for .gitignore), and
    the settings in force in it (a file's are its folder's)."""

    path: str
    absolute: Path
    ignores: tuple[_Ignore, ...]
    settings: Settings


def _walk(root: _Folder, settings_for: SettingsFor, read: _IgnoreReader) -> Iterator[str]:
    """The wanted files below *root* in path order, depth first with a stack, not recursion
    (however deep the tree)."""
    stack = [_entries(root, settings_for, read)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif isinstance(child, _Folder):
            stack.append(_entries(child, settings_for, read))
        else:
            yield child


def _entries(
    folder: _Folder, settings_for: SettingsFor, read: _IgnoreReader
) -> Iterator[str | _Folder]:
    """The wanted files and the folders to enter in *folder*, sorted by name."""
    settings = folder.settings
    ignores = folder.ignores if settings.respect_gitignore else ()
    if settings.respect_gitignore and (ignore := read(folder.absolute)) is not None:
        ignores = (*ignores, ignore)
        if len(ignores) > MAX_NESTED_GITIGNORES:
            raise WalkError(
                f"{folder.path}: more than {MAX_NESTED_GITIGNORES} nested .gitignore files "
                "(--no-respect-gitignore walks without them)"
            )
    try:
        with os.scandir(folder.path) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError:
        return  # an unreadable folder has no files to check; named files report errors
    for entry in entries:
        if entry.is_symlink():
            continue  # never followed: a link may lead out of the tree or into a loop
        path, absolute = str(Path(folder.path, entry.name)), folder.absolute / entry.name
        if entry.is_dir():
            if _enters(path, absolute, settings, ignores):
                inner = _settings_in(path, absolute, settings, settings_for)
                yield _Folder(path, absolute, ignores, inner)
        elif entry.is_file() and _wants(path, absolute, settings, ignores):
            yield path


def _enters(path: str, absolute: Path, settings: Settings, ignores: tuple[_Ignore, ...]) -> bool:
    """Whether a walk goes into a folder: not hidden, vendored, excluded nor ignored."""
    return not (
        is_skipped_folder(absolute.name)
        or settings.is_excluded(path, absolute)
        or _ignored(ignores, absolute, is_folder=True)
    )


def _wants(path: str, absolute: Path, settings: Settings, ignores: tuple[_Ignore, ...]) -> bool:
    """Whether a walk yields a file: included, and neither excluded nor ignored."""
    return (
        settings.is_included(path, absolute)
        and not settings.is_excluded(path, absolute)
        and not _ignored(ignores, absolute, is_folder=False)
    )


def _settings_in(path: str, absolute: Path, outer: Settings, settings_for: SettingsFor) -> Settings:
    """A subfolder's settings: its parent's unless it may hold a configuration file (asking
    the resolver for every folder would search all the folders above each)."""
    if any((absolute / name).exists() for name in CONFIG_NAMES):
        return settings_for(str(Path(path, "_")))
    return outer


def _folders_of(path: str) -> list[PurePath]:
    """The folders a named path goes through, from the working folder when it is below it."""
    named = PurePath(path)
    with contextlib.suppress(ValueError):
        named = Path(path).relative_to(Path.cwd()) if named.is_absolute() else named
    return [folder for folder in named.parents if folder.name not in ("", "..")]


def _force_excluded(path: str, settings: Settings, read: _IgnoreReader) -> bool:
    """Whether a named path is one a walk would pass over (``force-exclude``); *read*
    reads a folder's ``.gitignore``."""
    folders = _folders_of(path)
    if any(is_skipped_folder(folder.name) for folder in folders):
        return True
    if any(settings.is_excluded(str(named)) for named in (PurePath(path), *folders)):
        return True
    if settings.respect_gitignore and _gitignored(Path(os.path.abspath(path)), read):
        return True
    return not Path(path).is_dir() and not settings.is_included(path)


def _settings_of(path: str, settings_for: SettingsFor) -> Settings:
    return settings_for(str(Path(path, "_")) if Path(path).is_dir() else path)


def expand_paths(paths: Sequence[str], settings_for: SettingsFor) -> Iterator[str]:
    """Files named directly, and the wanted files below each named folder in path order;
    each file once, by the first name given for it (like ruff's): a file fixed twice would
    be changed under its own second fix. Standard input is always read."""
    seen: set[str] = set()
    for path in _named_and_walked(paths, settings_for):
        if path != STDIN:
            real = os.path.realpath(path)
            if real in seen:
                continue
            seen.add(real)
        yield path


def _named_and_walked(paths: Sequence[str], settings_for: SettingsFor) -> Iterator[str]:
    read_ignore = _IgnoreFiles()  # named paths and walks share their folders' files
    for path in paths:
        if path == STDIN:
            yield path
            continue
        settings = _settings_of(path, settings_for)
        if settings.force_exclude and _force_excluded(path, settings, read_ignore):
            continue
        if Path(path).is_dir():
            absolute = Path(path).resolve()
            root = _Folder(path, absolute, _ignores_above(absolute, read_ignore), settings)
            yield from _walk(root, settings_for, read_ignore)
        else:
            yield path


def nothing_found(paths: Sequence[str], settings_for: SettingsFor) -> str:
    """The warning for a run with no file to check, saying what a walk looks for."""
    include = ", ".join(_settings_of(paths[0], settings_for).include)
    return (
        f"no wikitext files found under the given paths (folders yield {include} files; "
        'name .txt files directly or add "*.txt" to extend-include in the configuration)'
    )
