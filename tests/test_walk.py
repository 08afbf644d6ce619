"""Folder walks: which files ``check`` reads, like ruff's (hidden, vendored, ignored)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from wikilint.batch.walk import expand_paths
from wikilint.config.files import Config, find_config_file, load_config
from wikilint.config.settings import Resolver

Walk = Callable[..., list[str]]


def make(root: Path, *names: str) -> None:
    """Create files (``name``) and their folders; a ``.gitignore``'s text follows ``=``."""
    for name in names:
        path, _, text = name.partition("=")
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text.replace(";", "\n") or "x", encoding="utf-8")


@pytest.fixture
def walk(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Walk:
    """The paths ``expand_paths`` yields, run from *tmp_path* with these command-line values."""
    monkeypatch.chdir(tmp_path)

    def expand(*paths: str, **cli: object) -> list[str]:
        find_config_file.cache_clear()  # tests write configuration files between walks
        load_config.cache_clear()
        resolver = Resolver(Config(**cli))  # type: ignore[arg-type]
        return list(expand_paths(paths or (".",), resolver.for_path))

    return expand


def test_folders_yield_wikitext_files_only(walk: Walk, tmp_path: Path) -> None:
    make(tmp_path, "b.wiki", "a.wikitext", "sub dir/c.mediawiki", "sub dir/d.txt", "e.py")
    assert walk() == ["a.wikitext", "b.wiki", "sub dir/c.mediawiki"]
    assert walk("sub dir/") == ["sub dir/c.mediawiki"]


def test_txt_files_are_checked_when_named_or_included(walk: Walk, tmp_path: Path) -> None:
    make(tmp_path, "a.wiki", "sub/d.txt", "LICENSE.txt")
    assert walk("sub/d.txt", "sub") == ["sub/d.txt"]
    make(tmp_path, '.wikilint.toml=extend-include = ["*.txt"]')
    assert walk() == ["LICENSE.txt", "a.wiki", "sub/d.txt"]
    make(tmp_path, '.wikilint.toml=include = ["sub/*.txt"]')  # replaces the defaults
    assert walk() == ["sub/d.txt"]


def test_hidden_and_vendored_folders_are_never_entered(walk: Walk, tmp_path: Path) -> None:
    skipped = [".git", ".venv", "venv", "node_modules", "__pycache__", "build", "dist"]
    skipped += ["lib/site-packages", ".hidden", "deep/.cache", "deep/node_modules/x"]
    make(tmp_path, "a.wiki", "deep/b.wiki", "build.wiki", *(f"{name}/a.wiki" for name in skipped))
    assert walk() == ["a.wiki", "build.wiki", "deep/b.wiki"]


def test_a_named_folder_is_walked_even_when_hidden(walk: Walk, tmp_path: Path) -> None:
    make(tmp_path, ".drafts/a.wiki", ".drafts/.git/b.wiki", "node_modules/x/c.wiki")
    assert walk(".drafts") == [".drafts/a.wiki"]
    assert walk("node_modules/x/c.wiki") == ["node_modules/x/c.wiki"]


def test_gitignore_files_apply_to_their_folder_with_negations(walk: Walk, tmp_path: Path) -> None:
    make(
        tmp_path,
        ".gitignore=generated/;*.draft.wiki;!keep.draft.wiki",
        "a.wiki",
        "a.draft.wiki",
        "keep.draft.wiki",
        "generated/g.wiki",
        "sub/.gitignore=/local.wiki;!b.draft.wiki",
        "sub/local.wiki",
        "sub/b.draft.wiki",
        "sub/c.draft.wiki",
        "sub/deeper/local.wiki",
    )
    expected = ["a.wiki", "keep.draft.wiki", "sub/b.draft.wiki", "sub/deeper/local.wiki"]
    assert walk() == expected
    everything = ["a.draft.wiki", "a.wiki", "generated/g.wiki", "keep.draft.wiki"]
    everything += [
        "sub/b.draft.wiki",
        "sub/c.draft.wiki",
        "sub/deeper/local.wiki",
        "sub/local.wiki",
    ]
    assert walk(respect_gitignore=False) == everything


def test_gitignore_files_above_the_named_folder_apply_up_to_the_repository_root(
    walk: Walk, tmp_path: Path
) -> None:
    make(
        tmp_path,
        ".gitignore=*.old.wiki",  # above the repository: not git's business
        "repo/.git/HEAD",
        "repo/.gitignore=out/",
        "repo/wiki/.gitignore=!important.old.wiki",
        "repo/wiki/pages/a.wiki",
        "repo/wiki/pages/b.old.wiki",
        "repo/wiki/pages/important.old.wiki",
        "repo/wiki/pages/out/c.wiki",
    )
    pages = ["repo/wiki/pages/a.wiki", "repo/wiki/pages/b.old.wiki"]
    assert walk("repo/wiki/pages") == [*pages, "repo/wiki/pages/important.old.wiki"]
    make(tmp_path, "repo/.gitignore=out/;*.old.wiki")
    assert walk("repo/wiki/pages") == [pages[0], "repo/wiki/pages/important.old.wiki"]


def test_exclude_names_a_folder_anywhere(walk: Walk, tmp_path: Path) -> None:
    make(tmp_path, "a.wiki", "archive/b.wiki", "topics/archive/c.wiki", "topics/d.wiki")
    assert walk(exclude=("archive",)) == ["a.wiki", "topics/d.wiki"]
    assert walk(exclude=("topics/archive",)) == ["a.wiki", "archive/b.wiki", "topics/d.wiki"]
    assert walk(exclude=("d.wiki",)) == ["a.wiki", "archive/b.wiki", "topics/archive/c.wiki"]


def test_named_paths_are_read_as_given_unless_force_exclude(walk: Walk, tmp_path: Path) -> None:
    make(tmp_path, "a.wiki", "notes.txt", "archive/b.wiki", "node_modules/x/c.wiki", ".git/d.wiki")
    named = ("a.wiki", "notes.txt", "archive/b.wiki", "node_modules/x/c.wiki", ".git/d.wiki")
    assert walk(*named, exclude=("archive",)) == list(named)
    assert walk(*named, exclude=("archive",), force_exclude=True) == ["a.wiki"]
    assert walk(str(tmp_path / "archive/b.wiki"), exclude=("archive",), force_exclude=True) == []
    assert walk("archive", exclude=("archive",), force_exclude=True) == []
    make(tmp_path, '.wikilint.toml=extend-include = ["*.txt"]\nforce-exclude = true')
    assert walk(*named) == ["a.wiki", "notes.txt", "archive/b.wiki"]


def test_each_file_is_yielded_once_by_the_first_name_given(walk: Walk, tmp_path: Path) -> None:
    # Issue 12 review: `check --fix b.wiki b.wiki ./b.wiki` fixed b.wiki three times.
    make(tmp_path, "b.wiki", "dir/a.wiki", "dir/c.wiki")
    (tmp_path / "link.wiki").symlink_to(tmp_path / "b.wiki")
    names = ("b.wiki", "b.wiki", "./b.wiki", str(tmp_path / "b.wiki"), "link.wiki")
    assert walk(*names) == ["b.wiki"]
    assert walk("dir", "dir/a.wiki", "./dir") == ["dir/a.wiki", "dir/c.wiki"]
    assert walk("dir/c.wiki", "dir") == ["dir/c.wiki", "dir/a.wiki"]
    assert walk("-", "b.wiki", "-") == ["-", "b.wiki", "-"]


def test_force_exclude_applies_gitignore_files_to_named_paths(walk: Walk, tmp_path: Path) -> None:
    # Issue 12 review: the README says --force-exclude applies "all of this" to named paths,
    # but `check --force-exclude ignored.wiki sub/x.wiki` linted the ignored file.
    make(
        tmp_path,
        ".git/HEAD",
        ".gitignore=ignored.wiki;out/",
        "ignored.wiki",
        "out/o.wiki",
        "sub/.gitignore=/x.wiki;!keep.wiki",
        "sub/x.wiki",
        "sub/y.wiki",
        "sub/keep.wiki",
        "sub/out/keep.wiki",
    )
    named = ("ignored.wiki", "out/o.wiki", "out", "sub/x.wiki", "sub/y.wiki", "sub/keep.wiki")
    named += ("sub/out/keep.wiki",)
    as_given = [name for name in named if name != "out"]  # out/o.wiki is named already
    assert walk(*named) == as_given
    assert walk(*named, force_exclude=True) == ["sub/y.wiki", "sub/keep.wiki"]
    assert walk(*named, force_exclude=True, respect_gitignore=False) == as_given
    assert walk(str(tmp_path / "sub/x.wiki"), force_exclude=True) == []
    (tmp_path / ".git/HEAD").unlink()
    (tmp_path / ".git").rmdir()  # in no repository: from the working folder down, as a walk
    assert walk(*named, force_exclude=True) == ["sub/y.wiki", "sub/keep.wiki"]
    assert walk("../" + tmp_path.name + "/ignored.wiki", force_exclude=True) == []


def test_symbolic_links_are_not_followed(walk: Walk, tmp_path: Path) -> None:
    make(tmp_path, "a.wiki", "outside/b.wiki")
    (tmp_path / "wiki").mkdir()
    (tmp_path / "wiki" / "linked").symlink_to(tmp_path / "outside")
    (tmp_path / "wiki" / "b.wiki").symlink_to(tmp_path / "outside" / "b.wiki")
    (tmp_path / "wiki" / "loop").symlink_to(tmp_path / "wiki")
    assert walk("wiki") == []
    assert walk("wiki/b.wiki") == ["wiki/b.wiki"]


def test_a_tree_deeper_than_the_recursion_limit_is_walked(walk: Walk, tmp_path: Path) -> None:
    depth = 0
    while sys._getframe(depth).f_back is not None:
        depth += 1
    folder = tmp_path.joinpath(*["d"] * 300)  # not deeper: shutil.rmtree recurses too
    folder.mkdir(parents=True)
    (folder / "a.wiki").write_text("x", encoding="utf-8")
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(depth + 150)  # a walk that recursed per folder would fail
    try:
        [found] = walk()
    finally:
        sys.setrecursionlimit(limit)
    assert found == str(folder.relative_to(tmp_path) / "a.wiki")


def test_each_gitignore_file_is_read_once_a_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Review item: with --force-exclude, each named file and each named folder read the
    # .gitignore files above it again, and a walk read its folders' once more.
    from click.testing import CliRunner

    from wikilint.cli.main import cli

    make(
        tmp_path,
        ".git/HEAD",
        ".gitignore=skip.wiki",
        "a/.gitignore=ignored.wiki",
        "a/b/.gitignore=/x.wiki",
        "a/b/1.wiki",
        "a/b/2.wiki",
        "a/b/x.wiki",
        "a/3.wiki",
        "a/ignored.wiki",
        "skip.wiki",
    )
    reads: list[str] = []
    read_text = Path.read_text

    def counted(self: Path, *args: object, **kwargs: object) -> str:
        text = read_text(self, *args, **kwargs)  # type: ignore[arg-type]
        if self.name == ".gitignore":
            reads.append(self.relative_to(tmp_path).as_posix())
        return text

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(Path, "read_text", counted)
    named = ["a/b/1.wiki", "a/b/2.wiki", "a/3.wiki", "a/b", "a", "skip.wiki", "a/ignored.wiki"]
    command = ["check", "--no-cache", "--force-exclude", "--format", "json", *named]
    result = CliRunner().invoke(cli, command, catch_exceptions=False)
    assert result.exit_code == 0
    assert sorted(reads) == [".gitignore", "a/.gitignore", "a/b/.gitignore"]
