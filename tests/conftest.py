"""Fixtures shared by every test folder."""

from pathlib import Path

import pytest
from mediawiki_server import wiki  # noqa: F401 - one test MediaWiki per session
from parsoid_server import parsoid  # noqa: F401 - one Parsoid per session


@pytest.fixture(autouse=True)
def result_cache_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Each test starts with an empty result cache of its own, outside the folders it checks."""
    folder = tmp_path_factory.mktemp("wikilint-cache")
    monkeypatch.setenv("WIKILINT_CACHE_DIR", str(folder))
    return folder
