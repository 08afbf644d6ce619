"""The lint worker: a process of one thread that lints and fixes as ``wikilint check`` does.

The server has threads (pygls reads its input in one), and the time budget forks a child
for each lint and each fix, which is safe only in a process without threads. So the
server hands each document to this worker, where :func:`~wikilint.batch.guard.lint_guarded`
and :func:`~wikilint.batch.guard.fix_guarded` run just as for ``wikilint check FILE``.
"""

from __future__ import annotations

import functools
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from wikilint.batch.guard import fix_guarded, lint_guarded
from wikilint.config.files import Config, ConfigError
from wikilint.config.settings import Resolver, Settings
from wikilint.document.article import Article
from wikilint.linter.engine import internal_error
from wikilint.linter.finding import Finding
from wikilint.lsp.configs import ConfigTracker
from wikilint.lsp.ruledocs import CodeDocs, code_docs


@dataclass(frozen=True)
class LintReport:
    """The findings on one text and the documentation of their codes, or why there are none."""

    findings: tuple[Finding, ...] = ()
    docs: dict[str, CodeDocs] = field(default_factory=dict)
    #: Why the text was not linted (a configuration error), if it was not.
    problem: str | None = None


@dataclass
class _Worker:
    configs: ConfigTracker
    timeout: float | None


_worker: _Worker | None = None


def start(cli: Config, config_file: Path | None, isolated: bool, timeout: float | None) -> None:
    """Set the worker up (the process pool's initializer), with the server's flags.

    The worker inherits the server's standard output, which is the editor's protocol
    stream: anything a rule printed there would corrupt it, so it goes to stderr.
    """
    global _worker
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    new_resolver = functools.partial(Resolver, cli, config_file, isolated)
    _worker = _Worker(ConfigTracker(new_resolver), timeout)


def _current() -> _Worker:
    if _worker is None:
        raise RuntimeError("the lint worker was not started")
    return _worker


def _settings(path: str) -> Settings | None:
    """The settings for *path*; ``None`` when it is excluded from linting."""
    settings = _current().configs.settings_for(path)
    return None if settings.is_excluded(path) else settings


def lint(text: str, path: str) -> LintReport:
    """Lint *text* as the file at *path*, under the time budget."""
    try:
        settings = _settings(path)
        if settings is None:
            return LintReport()
        rules, language = settings.rules_for(path), settings.config.language
    except ConfigError as error:
        return LintReport(problem=str(error))
    try:
        findings = lint_guarded(text, path, rules, language, _current().timeout)
    except Exception as error:  # a bug in wikilint becomes a finding, not a dead worker
        findings = [internal_error(Article("", path), "linting", error)]
    return LintReport(tuple(findings), code_docs(findings, settings.registry))


def fix_all(text: str, path: str) -> str:
    """*text* with every safe fix applied, as ``wikilint check --fix`` would write it; as it
    is when the fixes overrun the time budget, or the configuration is broken (which
    :func:`lint` reports)."""
    try:
        settings = _settings(path)
        if settings is None:
            return text
        rules, language = settings.rules_for(path), settings.config.language
    except ConfigError:
        return text
    return fix_guarded(text, path, rules, language, timeout=_current().timeout).text
