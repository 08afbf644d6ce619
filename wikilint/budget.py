"""A time budget per article: pathological markup must not stall a run.

mwparserfromhell's C tokenizer backtracks on runs of unclosed constructs (``{{a|`` repeated,
an unclosed table, unclosed tags) and can take minutes on 30 KB of them. Signals cannot
interrupt C code, so the only sure guard is a process that can be killed: the worker pool
(:mod:`wikilint.parallel`) kills and replaces a worker whose article overruns its budget.

Single inputs linted in-process (``wikilint check FILE``, Dask tasks) first take a cheap
look at the text: an article that is very large or has many unbalanced openers is linted
in a child process under the budget; every other article, the common case, pays nothing.
"""

from __future__ import annotations

import multiprocessing
import pickle
import re
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext

from wikilint.article import Article
from wikilint.engine import internal_error, lint_source
from wikilint.finding import Finding, Location, Severity
from wikilint.rule import Rule
from wikilint.timeouts import DEFAULT_TIMEOUT

TIMEOUT_CODE = "WL002"
TIMEOUT_NAME = "parse-timeout"
#: Seconds the rules may take after the parse, at least, and per MB of article: a
#: generous cap for a rule that misbehaves, never reached by ordinary articles.
RULES_BUDGET = 30.0
RULES_BUDGET_PER_MB = 60.0
#: Articles larger than this (in code points) are always linted under the guard.
LARGE = 256 * 1024
#: Guard when (unbalanced openers) x (length) exceeds this: 20 unclosed ``{{`` in 100 KB
#: already add about 0.3 s of backtracking, 100 of them in 100 KB add 1.5 s.
RISK_LIMIT = 2_000_000
#: Rules, or a picklable recipe that builds them: pack rules are classes made at run time
#: that cannot be pickled, so worker processes rebuild them from the recipe instead.
RuleSource = Sequence[Rule] | Callable[[], Sequence[Rule]]
_TAG_OPEN = re.compile(r"<[A-Za-z]")
_PAIRS = (("{", "}"), ("[", "]"), ("<", ">"), ("{|", "|}"))


def rules_budget(size: int) -> float:
    """Seconds the rules may take on an article of *size* code points."""
    return RULES_BUDGET + RULES_BUDGET_PER_MB * size / 1_000_000


def timeout_finding(path: str, seconds: float, parsed: bool = False) -> Finding:
    """The finding that replaces an article's findings when it overran its budget."""
    if parsed:
        why = f"the rules took longer than {seconds:.3g} s on it"
    else:
        why = (
            f"parsing took longer than {seconds:.3g} s "
            "(look for long runs of unclosed templates, links, tables or tags)"
        )
    return Finding(
        code=TIMEOUT_CODE,
        rule=TIMEOUT_NAME,
        severity=Severity.ERROR,
        message=f"not linted: {why}",
        location=Location(0, 0, 1, 1, 1, 1),
        path=path,
    )


def unbalanced(text: str) -> int:
    """How many markup openers have no closer, summed over brackets, tables and tags."""
    count = sum(max(0, text.count(left) - text.count(right)) for left, right in _PAIRS)
    closers = text.count("</") + text.count("/>")
    return count + max(0, len(_TAG_OPEN.findall(text)) - closers)


def is_risky(text: str) -> bool:
    """Whether *text* may take the parser long enough to need the guard."""
    return len(text) > LARGE or unbalanced(text) * len(text) > RISK_LIMIT


_built: dict[bytes, Sequence[Rule]] = {}


def build_rules(rules: RuleSource) -> Sequence[Rule]:
    """The rules themselves; a recipe is built once per process."""
    if not callable(rules):
        return rules
    key = pickle.dumps(rules)
    if key not in _built:
        _built[key] = rules()
    return _built[key]


def process_context() -> BaseContext:
    """Start worker processes without forking a possibly threaded parent."""
    if not sys.platform.startswith("linux"):
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # The server imports the rules once; each worker forked from it starts warm.
    context.set_forkserver_preload(
        ["wikilint.parallel", "wikilint.rules", "wikilint.packs.builtin"]
    )
    return context


def _child_context() -> BaseContext:
    """Fork (fast, nothing pickled) when this process has no other thread."""
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return process_context()


def lint_guarded(
    source: str,
    path: str,
    rules: RuleSource,
    language: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> list[Finding]:
    """Lint one article; a risky one in a child process that is killed when over budget."""
    if not timeout or not is_risky(source):
        return lint_source(source, path, build_rules(rules), language)
    context = _child_context()
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_lint_in_child, args=(sender, source, path, rules, language), daemon=True
    )
    child.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            return [timeout_finding(path, timeout)]
        receiver.recv()  # parsed
        allowance = rules_budget(len(source))
        if not receiver.poll(allowance):
            return [timeout_finding(path, allowance, parsed=True)]
        return receiver.recv()
    except EOFError:
        return [internal_error(Article("", path), "linting", ChildProcessError(child.exitcode))]
    finally:
        child.kill()
        child.join()
        receiver.close()


def _lint_in_child(
    sender: Connection, source: str, path: str, rules: RuleSource, language: str | None
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's: it kills us
    built = build_rules(rules)
    sender.send(lint_source(source, path, built, language, lambda: sender.send("parsed")))
