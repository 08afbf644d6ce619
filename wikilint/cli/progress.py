"""A progress bar for long runs: articles, articles per second, findings and an ETA.

The bar is one transient line on standard error, drawn only when both standard streams
are terminals and the report is for people. It steps aside while the report prints a
result, and is redrawn at most :data:`REFRESH` times a second by the run itself: no
thread, so lone articles can still be guarded in a forked child.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import TYPE_CHECKING, TypedDict

from wikilint.linter.results import FileResult

if TYPE_CHECKING:  # rich is imported only when a bar is drawn
    from rich.console import Console
    from rich.progress import Progress, TaskID

#: Redraws per second, at most.
REFRESH = 10


class _Fields(TypedDict):
    """What the bar shows beside the count: the run's figures so far."""

    articles: int
    findings: int
    rate: float


class RunProgress:
    """Counts a run's articles and findings and shows them on *console*, if given."""

    def __init__(self, console: Console | None = None) -> None:
        self.articles = 0
        self.findings = 0
        self._started = time.monotonic()
        self._drawn = 0.0
        self._visible = False
        self._by_bytes = False
        self._task: TaskID | None = None
        self._bar = None if console is None else _progress_bar(console)

    @classmethod
    def for_terminal(cls, machine_readable: bool) -> RunProgress:
        """A bar on standard error when both standard streams are terminals and the
        format is for people; else counting only."""
        if machine_readable or not (sys.stdout.isatty() and sys.stderr.isatty()):
            return cls()
        from rich.console import Console

        return cls(Console(file=sys.stderr))

    @property
    def shown(self) -> bool:
        return self._bar is not None

    def begin(self, description: str, total: float | None, by_bytes: bool = False) -> None:
        """A new stretch of the run: *total* files, or bytes of a dump (``None``: unknown)."""
        if self._bar is None:
            return
        if self._task is not None:
            self._bar.remove_task(self._task)
        self._by_bytes = by_bytes
        self._task = self._bar.add_task(description, total=total, **self._fields())
        self._draw(force=True)

    def reached(self, offset: int) -> None:
        """A dump's reader is at byte *offset* of its file."""
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, completed=offset)

    def advance(self, result: FileResult) -> None:
        """One more article done."""
        self.articles += 1
        self.findings += len(result.findings)
        if self._bar is None or self._task is None:
            return
        self._bar.update(self._task, advance=0 if self._by_bytes else 1, **self._fields())
        self._draw()

    @contextmanager
    def aside(self) -> Iterator[None]:
        """Clear the bar while the caller prints; it comes back at the next redraw."""
        if self._bar is not None and self._visible:
            self._bar.stop()
            self._visible = False
        try:
            yield
        finally:
            sys.stdout.flush()

    def close(self) -> None:
        """Clear the bar for good."""
        if self._bar is not None and self._visible:
            self._bar.stop()
            self._visible = False

    def __enter__(self) -> RunProgress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _fields(self) -> _Fields:
        elapsed = max(time.monotonic() - self._started, 1e-9)
        return {
            "articles": self.articles,
            "findings": self.findings,
            "rate": self.articles / elapsed,
        }

    def _draw(self, force: bool = False) -> None:
        assert self._bar is not None
        now = time.monotonic()
        if not force and now - self._drawn < 1 / REFRESH:
            return
        self._drawn = now
        if self._visible:
            self._bar.refresh()
        else:
            self._bar.start()
            self._visible = True


def _progress_bar(console: Console) -> Progress:
    """The bar: what, how far, ``1,234 articles  56.7/s  89 findings``, time left."""
    from rich.progress import (
        BarColumn,
        Progress,
        ProgressColumn,
        Task,
        TaskProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Counts(ProgressColumn):
        def render(self, task: Task) -> Text:
            articles, findings = task.fields["articles"], task.fields["findings"]
            return Text(
                f"{articles:,} article{'s' * (articles != 1)}  {task.fields['rate']:.1f}/s  "
                f"{findings:,} finding{'s' * (findings != 1)}"
            )

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(bar_width=30),
        TaskProgressColumn(),
        Counts(),
        TimeRemainingColumn(),
        console=console,
        auto_refresh=False,
        transient=True,
        redirect_stdout=False,
        redirect_stderr=False,
    )
