"""One time budget per article: parse, rules and every fix pass, whatever the input.

mwparserfromhell's C tokenizer backtracks on runs of unclosed constructs (``{{a|``
repeated, an unclosed table, unclosed tags) and can take minutes on 30 KB of them, even
when closers the parser then ignores (inside a comment or ``<nowiki>``) make the text look
balanced. No scan of the text can tell every slow input in advance and signals cannot
interrupt C code, so the only sure bound is a process that can be killed. The worker pool
(:mod:`wikilint.batch.pool`) kills and replaces a worker whose article overruns the budget;
an article linted on its own (``wikilint check FILE``, a Dask task) is linted, or fixed,
in a forked child (a few milliseconds) that sends back only its result and is killed at
the deadline.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from multiprocessing.context import ForkServerContext, SpawnContext
from typing import TypeVar

from wikilint.document.article import Article
from wikilint.linter.engine import internal_error, lint_source
from wikilint.linter.engine_codes import TIMEOUT_CODE, TIMEOUT_NAME
from wikilint.linter.finding import START_OF_INPUT, Finding, Severity
from wikilint.linter.fixes import FixOutcome, fix_source
from wikilint.linter.rule import Rule
from wikilint.linter.timeouts import DEFAULT_TIMEOUT

__all__ = ["DEFAULT_TIMEOUT", "TIMEOUT_CODE", "TIMEOUT_NAME"]

#: Rules, or a picklable recipe that builds them. Rules pickle too (a pack rule as its pack
#: file and code), but a recipe is a few hundred bytes where a rule list is several KB, and
#: each process builds the rules of a recipe once, however many files name it.
RuleSource = Sequence[Rule] | Callable[[], Sequence[Rule]]
T = TypeVar("T")


def timeout_finding(path: str, seconds: float) -> Finding:
    """The finding that replaces an article's findings when it overran its budget."""
    return Finding(
        code=TIMEOUT_CODE,
        rule=TIMEOUT_NAME,
        severity=Severity.ERROR,
        message=(
            f"not linted: parsing and checking took longer than {seconds:.3g} s "
            "(look for long runs of unclosed templates, links, tables or tags)"
        ),
        location=START_OF_INPUT,
        path=path,
    )


_built: dict[bytes, Sequence[Rule]] = {}


def build_rules(rules: RuleSource) -> Sequence[Rule]:
    """The rules themselves; a recipe is built once per process."""
    if not callable(rules):
        return rules
    key = pickle.dumps(rules)
    if key not in _built:
        _built[key] = rules()
    return _built[key]


def process_context() -> SpawnContext | ForkServerContext:
    """Start worker processes without forking a possibly threaded parent."""
    if not sys.platform.startswith("linux"):
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # The server imports the rules once; each worker forked from it starts warm.
    context.set_forkserver_preload(
        ["wikilint.batch.pool", "wikilint.rules", "wikilint.packs.builtin"]
    )
    return context


def lint_guarded(
    source: str,
    path: str,
    rules: RuleSource,
    language: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> list[Finding]:
    """Lint one article within *timeout* seconds, or report that it was not linted."""
    work = partial(lint_source, source, path, build_rules(rules), language)
    result = bounded(work, path, timeout)
    return [result] if isinstance(result, Finding) else result


def fix_guarded(
    source: str,
    path: str,
    rules: RuleSource,
    language: str | None = None,
    unsafe: bool = False,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> FixOutcome:
    """Fix one article within *timeout* seconds for all its passes, or leave it as it was."""
    work = partial(fix_source, source, path, build_rules(rules), language, unsafe)
    result = bounded(work, path, timeout)
    return FixOutcome(source, 0, [result], [result]) if isinstance(result, Finding) else result


def bounded(work: Callable[[], T], path: str, timeout: float | None) -> T | Finding:
    """``work()`` in a forked child killed after *timeout* seconds, or the finding that
    says why it gave no result. Without a timeout, or without ``fork``, in this process."""
    if not timeout or not hasattr(os, "fork"):
        return work()
    receiver, sender = multiprocessing.Pipe(duplex=False)
    # Ctrl-C is held back over the fork: arriving in the child before it ignores SIGINT, it
    # raised KeyboardInterrupt in the child's after-fork hooks and printed a traceback. The
    # parent takes a held-back one once it is ready to kill the child (below).
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        pid = os.fork()
    except BaseException:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        raise
    if pid == 0:  # the child: send the result or the error, and never return
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's: it kills us
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        receiver.close()
        try:
            sender.send(_outcome(work))
        finally:
            os._exit(0)
    sender.close()
    outcome: T | _Failure
    try:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        if not receiver.poll(timeout):
            return timeout_finding(path, timeout)
        outcome = receiver.recv()
    except EOFError:
        outcome = _Failure("the child process died")
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        receiver.close()
    if isinstance(outcome, _Failure):
        return internal_error(Article("", path), "linting", ChildProcessError(outcome.error))
    return outcome


@dataclass(frozen=True, slots=True)
class _Failure:
    """What the child sends instead of a result: the error that stopped it."""

    error: str


def _outcome(work: Callable[[], T]) -> T | _Failure:
    try:
        return work()
    except BaseException as error:  # reported by the parent as an internal error
        return _Failure(f"{type(error).__name__}: {error}")
