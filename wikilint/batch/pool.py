"""Lint many articles on every core, each under a time budget.

A small supervisor rather than :mod:`concurrent.futures`: it must kill one worker whose
article overruns the budget without losing the others' work. Each worker process builds
the rules once, then takes one task at a time over its own pipe: a :class:`Page`, a
multistream :class:`Stream` it decompresses and parses itself, or a :class:`FileTask` it
reads (and fixes in memory: the parent writes the files). Before each article it says
which one it starts, so the supervisor knows what to report when the budget runs out; it
then kills the worker, starts a fresh one and resumes the stream after that article.

Results come back in input order (``ordered=True``) with at most ``4 x jobs`` tasks in
flight, or as soon as they are ready.
"""

from __future__ import annotations

import math
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TypeVar

from wikilint.batch.guard import (
    DEFAULT_TIMEOUT,
    RuleSource,
    build_rules,
    process_context,
    timeout_finding,
)
from wikilint.batch.options import BatchOptions
from wikilint.batch.process import FileTask, Outcome, process_path
from wikilint.config.files import Config
from wikilint.inputs.dumps import (
    ARTICLES,
    DumpError,
    Page,
    PageFilter,
    Stream,
    find_index,
    iter_pages,
    read_stream,
    streams,
)
from wikilint.linter.engine import lint_source
from wikilint.linter.engine_codes import INTERNAL_ERROR_CODE, INTERNAL_ERROR_NAME
from wikilint.linter.finding import START_OF_INPUT, Finding, Severity
from wikilint.linter.results import FileResult, PageResult
from wikilint.linter.rule import Rule

#: How long a worker may spend between articles (decompressing a stream, starting up).
IDLE_BUDGET = 60.0
_WINDOW_PER_JOB = 4
_T = TypeVar("_T")


Item = Page | Stream | FileTask


@dataclass(frozen=True)
class SettingsRules:
    """A picklable recipe: the rules the configuration gives for *path*, which a worker
    builds once (see :data:`~wikilint.batch.guard.RuleSource`)."""

    cli: Config
    config_file: Path | None
    isolated: bool
    path: str

    def __call__(self) -> list[Rule]:
        from wikilint.config.settings import Resolver

        return (
            Resolver(self.cli, self.config_file, self.isolated)
            .for_path(self.path)
            .rules_for(self.path)
        )


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def lint_page(page: Page, rules: Sequence[Rule]) -> PageResult:
    """The per-article function every backend runs."""
    if page.error is not None:
        return PageResult(page.title, page.revision, (), error=page.error)
    findings = lint_source(page.text, page.title, rules, page.language)
    return PageResult(page.title, page.revision, tuple(findings), page.text)


def crash_result(title: str, revision: int | None, reason: str) -> PageResult:
    finding = Finding(
        code=INTERNAL_ERROR_CODE,
        rule=INTERNAL_ERROR_NAME,
        severity=Severity.ERROR,
        message=f"linting failed: {reason}",
        location=START_OF_INPUT,
        path=title,
    )
    return PageResult(title, revision, (finding,))


@dataclass
class _Task:
    index: int
    item: Item
    skip: int = 0


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    task: _Task | None = None
    current: tuple[int, str, int | None] | None = None
    """(sequence number, title, revision) of the article being linted."""
    deadline: float = math.inf


class _Order:
    """Releases results in task order, or at once when unordered."""

    def __init__(self, ordered: bool) -> None:
        self.ordered = ordered
        self.next_index = 0
        self.buffered: dict[int, list[PageResult | Outcome]] = {}
        self.finished: set[int] = set()

    def add(self, index: int, result: PageResult | Outcome) -> None:
        self.buffered.setdefault(index, []).append(result)

    def finish(self, index: int) -> None:
        self.finished.add(index)

    def ready(self) -> Iterator[PageResult | Outcome]:
        if not self.ordered:
            for results in self.buffered.values():
                yield from results
            self.buffered.clear()
            return
        while True:
            yield from self.buffered.pop(self.next_index, [])
            if self.next_index not in self.finished:
                return
            self.finished.discard(self.next_index)
            self.next_index += 1


class _Supervisor:
    def __init__(
        self,
        items: Iterable[Item],
        rules: RuleSource,
        jobs: int | None,
        ordered: bool,
        timeout: float | None,
        page_filter: PageFilter,
    ) -> None:
        jobs = max(1, jobs or default_jobs())
        self.items = enumerate(items)
        self.rules = rules
        self.page_filter = page_filter
        self.timeout = timeout or math.inf
        self.window = jobs * _WINDOW_PER_JOB
        self.order = _Order(ordered)
        self.retries: deque[_Task] = deque()
        self.lookahead: _Task | None = None
        self.exhausted = False
        self.context = process_context()
        self.workers = [self._start() for _ in range(jobs)]

    def results(self) -> Iterator[PageResult | Outcome]:
        try:
            while True:
                for worker in self.workers:
                    if worker.task is None and not self._dispatch(worker):
                        break
                yield from self.order.ready()
                busy = [worker for worker in self.workers if worker.task is not None]
                if not busy:
                    if self.exhausted and self.lookahead is None and not self.retries:
                        return
                    continue
                soonest = min(worker.deadline for worker in busy)
                patience = None if soonest == math.inf else max(0.0, soonest - time.monotonic())
                for conn in wait([w.conn for w in busy], patience):
                    self._receive(next(w for w in busy if w.conn is conn))
                now = time.monotonic()
                for worker in busy:
                    if worker.task is not None and now >= worker.deadline:
                        self._give_up(worker)
        finally:
            for worker in self.workers:
                self._stop(worker)

    def _start(self) -> _Worker:
        receiver, sender = self.context.Pipe()
        process = self.context.Process(
            target=_serve, args=(sender, self.rules, self.page_filter), daemon=True
        )
        process.start()
        sender.close()
        return _Worker(process, receiver)

    def _stop(self, worker: _Worker) -> None:
        worker.process.kill()
        worker.process.join()
        worker.conn.close()

    def _take(self) -> _Task | None:
        if self.retries:
            return self.retries.popleft()
        if self.lookahead is None and not self.exhausted:
            position = next(self.items, None)
            if position is None:
                self.exhausted = True
            else:
                self.lookahead = _Task(*position)
        task = self.lookahead
        if task is None or (
            self.order.ordered and task.index >= self.order.next_index + self.window
        ):
            return None
        self.lookahead = None
        return task

    def _dispatch(self, worker: _Worker) -> bool:
        task = self._take()
        if task is None:
            return False
        worker.task, worker.current = task, None
        worker.deadline = time.monotonic() + IDLE_BUDGET
        worker.conn.send(task)
        return True

    def _receive(self, worker: _Worker) -> None:
        task = worker.task
        assert task is not None
        try:
            message = worker.conn.recv()
        except (EOFError, OSError):
            worker.process.join(5.0)
            code = worker.process.exitcode
            self._replace(worker, f"the worker process died (exit code {code})")
            return
        kind = message[0]
        if kind == "begin":
            worker.current = message[1:]
            worker.deadline = time.monotonic() + self.timeout
        elif kind == "page":
            self.order.add(task.index, message[1])
            worker.current = None
            worker.deadline = time.monotonic() + IDLE_BUDGET
        elif kind == "done":
            self.order.finish(task.index)
            worker.task = None
        else:
            raise DumpError(message[1])

    def _give_up(self, worker: _Worker) -> None:
        crash = f"no progress in {IDLE_BUDGET:g} s" if worker.current is None else None
        self._replace(worker, crash)

    def _replace(self, worker: _Worker, crash: str | None) -> None:
        """Kill a stuck or dead worker, report its article, resume its task after it."""
        task = worker.task
        assert task is not None
        self._stop(worker)
        self.workers[self.workers.index(worker)] = self._start()
        if worker.current is None:
            # Died outside an article: report the task as a whole and move on.
            result = crash_result(_describe(task.item), None, str(crash))
            self.order.add(task.index, _as_item_result(task.item, result))
            self.order.finish(task.index)
            return
        sequence, title, revision = worker.current
        if crash is None:
            finding = timeout_finding(title, self.timeout)
            result = PageResult(title, revision, (finding,))
        else:
            result = crash_result(title, revision, crash)
        self.order.add(task.index, _as_item_result(task.item, result))
        if isinstance(task.item, Stream):
            self.retries.appendleft(_Task(task.index, task.item, sequence + 1))
        else:
            self.order.finish(task.index)


def run(
    items: Iterable[Page | Stream],
    rules: RuleSource,
    *,
    jobs: int | None = None,
    ordered: bool = True,
    timeout: float | None = DEFAULT_TIMEOUT,
    page_filter: PageFilter = ARTICLES,
) -> Iterator[PageResult]:
    """Lint *items* in ``jobs`` worker processes; yields one result per article.

    A multistream :class:`Stream` yields its pages accepted by *page_filter*. An article
    that takes longer than *timeout* seconds yields a ``parse-timeout`` finding; a worker
    that dies yields an internal error; a malformed stream raises
    :class:`~wikilint.inputs.dumps.DumpError`.
    """
    supervisor = _Supervisor(items, rules, jobs, ordered, timeout, page_filter)
    return supervisor.results()  # type: ignore[return-value]  # pages give PageResults


def run_files(
    tasks: Iterable[FileTask],
    *,
    jobs: int | None = None,
    ordered: bool = True,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Iterator[Outcome]:
    """:func:`~wikilint.batch.process.process_path` for each task in ``jobs`` worker processes.

    Equal to a serial run, in input order unless ``ordered=False``. A file that overruns
    its budget yields a ``parse-timeout`` finding (and is not fixed), a worker that dies
    an internal error.
    """
    supervisor = _Supervisor(tasks, (), jobs, ordered, timeout, ARTICLES)
    return supervisor.results()  # type: ignore[return-value]  # file tasks give Outcomes


def _describe(item: Item) -> str:
    if isinstance(item, Page):
        return item.title
    if isinstance(item, FileTask):
        return item.path
    return f"{item.path}@{item.start}"


def _as_item_result(item: Item, result: PageResult) -> PageResult | Outcome:
    """A failed article's result in the form its task's results take."""
    if isinstance(item, FileTask):
        return Outcome(FileResult(result.title, findings=result.findings))
    return result


def _serve(conn: Connection, rules: RuleSource, page_filter: PageFilter) -> None:
    """A worker: build the rules once, then lint task after task."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's: it kills us
    built = build_rules(rules)
    while True:
        try:
            task: _Task | None = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        if isinstance(task.item, FileTask):
            _serve_file(conn, task.item)
            continue
        pages = (
            [task.item]
            if isinstance(task.item, Page)
            else read_stream(task.item, page_filter, task.skip)
        )
        try:
            for sequence, page in enumerate(pages, task.skip):
                conn.send(("begin", sequence, page.title, page.revision))
                conn.send(("page", lint_page(page, built)))
        except DumpError as error:
            conn.send(("error", str(error)))
            continue
        conn.send(("done",))


def _serve_file(conn: Connection, task: FileTask) -> None:
    def begin() -> None:
        conn.send(("begin", 0, task.path, None))

    conn.send(("page", process_path(task, begin=begin)))
    conn.send(("done",))


def lint_dump(
    path: str,
    rules: RuleSource,
    options: BatchOptions,
    reached: Callable[[int], object] = lambda offset: None,
) -> Iterator[FileResult]:
    """One result per page of the dump at *path*, on the pool or on Dask.

    A multistream dump (its index given or found beside it) is cut into streams that the
    workers decompress themselves; any other dump is read here and sent page by page.
    *reached* is told the byte offset in the file of each page or stream sent, for a
    progress bar.
    """
    index = options.index or find_index(path)
    with open(path, "rb") as raw:
        items: Iterator[Stream] | Iterator[Page]
        if index is not None:
            items = _reporting(streams(path, index), lambda stream: stream.start, reached)
        else:
            pages = iter_pages(raw, options.page_filter)
            items = _reporting(pages, lambda page: raw.tell(), reached)
        ordered, timeout, page_filter = options.ordered, options.timeout, options.page_filter
        if options.scheduler is not None or options.dask:
            from wikilint.batch import dask_cluster

            with dask_cluster.connect(options.scheduler, options.jobs) as client:
                results = dask_cluster.run(
                    items, rules, client, page_filter=page_filter, ordered=ordered, timeout=timeout
                )
                yield from (_file_result(result, path) for result in results)
            return
        results = run(
            items,
            rules,
            jobs=options.jobs,
            page_filter=page_filter,
            ordered=ordered,
            timeout=timeout,
        )
        yield from (_file_result(result, path) for result in results)


def _reporting(
    items: Iterable[_T], offset: Callable[[_T], int], reached: Callable[[int], object]
) -> Iterator[_T]:
    for item in items:
        reached(offset(item))
        yield item


def _file_result(result: PageResult, dump: str) -> FileResult:
    error = None if result.error is None else f"{dump}: {result.error}"
    return FileResult(result.title, result.source, result.findings, error, result.revision)
