"""How ``check`` runs: the options of the pool, Dask and live pages, as plain values that
the command line builds without importing the machinery they drive."""

from __future__ import annotations

from dataclasses import dataclass

from wikilint.inputs.dumps import ARTICLES, PageFilter
from wikilint.linter.timeouts import DEFAULT_TIMEOUT


@dataclass(frozen=True)
class BatchOptions:
    """How ``check`` runs over many inputs: where, how wide, which pages, how long per page."""

    jobs: int | None = None
    ordered: bool = True
    timeout: float | None = DEFAULT_TIMEOUT
    page_filter: PageFilter = ARTICLES
    index: str | None = None
    scheduler: str | None = None
    dask: bool = False


@dataclass(frozen=True)
class LiveOptions:
    """Where ``check`` reads live pages from: ``--site`` and the options that select pages."""

    site: str | None = None
    revision: int | None = None
    category: str | None = None
    titles_from: str | None = None
    since: int | None = None

    @property
    def requested(self) -> bool:
        """Whether the run reads live pages rather than files."""
        return any(value is not None for value in vars(self).values())
