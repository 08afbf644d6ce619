"""Lint a dump on a Dask cluster (``pip install wikilint[dask]``).

The tasks are the local pool's: one multistream :class:`~wikilint.inputs.dumps.Stream` (the
worker reads and decompresses it itself, so the dump must be on a file system every worker
sees) or a batch of pages the client read. Every article goes through the same guard as
``wikilint check FILE``, so results equal the local run's. At most ``4 x workers`` tasks
are in flight; results come back in dump order unless ``ordered=False``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from wikilint.batch.guard import DEFAULT_TIMEOUT, RuleSource, build_rules, lint_guarded
from wikilint.inputs.dumps import ARTICLES, Page, PageFilter, Stream, read_stream
from wikilint.linter.results import PageResult

if TYPE_CHECKING:
    from distributed import Client, Future


class ClusterError(Exception):
    """The Dask backend cannot be used; the message is one line."""


#: Pages sent to a worker in one task when the client reads the dump itself.
BATCH = 50


def lint_task(
    item: Stream | list[Page], rules: RuleSource, page_filter: PageFilter, timeout: float | None
) -> list[PageResult]:
    """The task a Dask worker runs: every accepted page of a stream or a batch."""
    built = build_rules(rules)
    pages = read_stream(item, page_filter) if isinstance(item, Stream) else item
    return [
        PageResult(
            page.title,
            page.revision,
            tuple(lint_guarded(page.text, page.title, built, page.language, timeout)),
            page.text,
        )
        if page.error is None
        else PageResult(page.title, page.revision, (), error=page.error)
        for page in pages
    ]


@contextmanager
def connect(scheduler: str | None = None, workers: int | None = None) -> Iterator[Client]:
    """A client of the scheduler at *scheduler*, or of a local cluster of worker processes
    that is shut down on exit."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError("the Dask backend needs: pip install 'wikilint[dask]'") from None
    if scheduler is not None:
        with Client(scheduler) as client:
            yield client
        return
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True) as cluster,
        Client(cluster) as client,
    ):
        yield client


def run(
    items: Iterable[Stream | Page],
    rules: RuleSource,
    client: Client,
    *,
    ordered: bool = True,
    timeout: float | None = DEFAULT_TIMEOUT,
    page_filter: PageFilter = ARTICLES,
) -> Iterator[PageResult]:
    """Lint *items* on the cluster; yields one result per article.

    *rules* must pickle: pass rule instances (a pack rule pickles as its pack file and
    code, which the workers must see at the same path), or a recipe such as
    :class:`~wikilint.batch.pool.SettingsRules`.
    """
    from distributed import as_completed

    window = 4 * max(1, len(client.scheduler_info().get("workers", {})))
    # One object under a fresh key: a list would scatter rule by rule, and content-hashed
    # keys shared with an earlier run can be released under this one's feet.
    [rules_future] = client.scatter([rules], broadcast=True, hash=False)
    tasks = iter(_batches(items))
    in_flight: deque[Future[list[PageResult]]] = deque()
    done = as_completed()

    def submit() -> bool:
        item = next(tasks, None)
        if item is None:
            return False
        future = client.submit(lint_task, item, rules_future, page_filter, timeout, pure=False)
        in_flight.append(future)
        done.add(future)
        return True

    while len(in_flight) < window and submit():
        pass
    for finished in done:
        if ordered:
            while in_flight and in_flight[0].done():
                yield from in_flight.popleft().result()
                submit()
        else:
            in_flight.remove(finished)
            yield from finished.result()
            submit()


def _batches(items: Iterable[Stream | Page]) -> Iterator[Stream | list[Page]]:
    """Streams one by one; consecutive pages in batches of :data:`BATCH`."""
    batch: list[Page] = []
    for item in items:
        if isinstance(item, Page):
            batch.append(item)
            if len(batch) < BATCH:
                continue
        if batch:
            yield batch
            batch = []
        if isinstance(item, Stream):
            yield item
    if batch:
        yield batch
