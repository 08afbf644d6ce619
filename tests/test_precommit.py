"""The pre-commit hook, exercised through pre-commit itself (``pre-commit try-repo``)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import ROOT

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None, reason="pre-commit needs git on the PATH"
)


def hooks() -> list[dict]:
    return yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def test_hook_declarations() -> None:
    declared = {hook["id"]: hook for hook in hooks()}
    assert declared["wikilint"]["entry"] == "wikilint check --force-exclude"
    assert declared["wikilint-fix"]["entry"] == "wikilint check --force-exclude --fix"
    for hook in declared.values():
        assert hook["language"] == "python"
        for name in ("a.wiki", "b.wikitext", "c.mediawiki", "d.txt"):  # .txt: if included
            assert re.search(hook["files"], name)
        assert not re.search(hook["files"], "notes.md")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def try_repo(repo: Path, home: Path, hook: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--all-files"],
        cwd=repo, env=env, capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip


def test_the_hook_fails_on_a_defect_and_passes_once_it_is_fixed(tmp_path: Path) -> None:
    repo = tmp_path / "wiki"
    repo.mkdir()
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "editor@example.org")
    git(repo, "config", "user.name", "Editor")
    article = repo / "Cat.wiki"
    article.write_text("The cat sat on the the mat.\n", encoding="utf-8")
    for name in ("LICENSE.txt", "vendor/node_modules/x/Dog.wiki", "archive/Old.wiki"):
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text("The dog sat on the the mat.\n", encoding="utf-8")
    (repo / ".wikilint.toml").write_text('exclude = ["archive"]\n', encoding="utf-8")
    git(repo, "add", ".")
    home = tmp_path / "pre-commit-home"

    failed = try_repo(repo, home, "wikilint")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "Cat.wiki:1:20 WL103 doubled-word" in failed.stdout
    assert "dog" not in failed.stdout  # not .txt, nor excluded, nor vendored: force-exclude

    (repo / ".wikilint.toml").write_text('extend-include = ["*.txt"]\n', encoding="utf-8")
    git(repo, "add", ".")
    included = try_repo(repo, home, "wikilint")
    assert "LICENSE.txt:1:20 WL103" in included.stdout
    assert "archive/Old.wiki:1:20 WL103" in included.stdout
    assert "Dog.wiki" not in included.stdout
    git(repo, "rm", "-q", "-r", "-f", "LICENSE.txt", "vendor", "archive")

    article.write_text("The cat sat on the mat.\n", encoding="utf-8")
    git(repo, "add", "Cat.wiki")
    passed = try_repo(repo, home, "wikilint")
    assert passed.returncode == 0, passed.stdout + passed.stderr

    article.write_text("A -- B.\n", encoding="utf-8")
    git(repo, "add", "Cat.wiki")
    fixed = try_repo(repo, home, "wikilint-fix")
    assert fixed.returncode == 1  # pre-commit fails a hook that changed files
    assert "files were modified by this hook" in fixed.stdout
    assert article.read_text(encoding="utf-8") == "A—B.\n"
