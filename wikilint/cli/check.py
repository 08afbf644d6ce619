"""One ``check`` run: resolve the inputs, lint or fix each, report as results arrive.

The linting machinery (the parser, the rules, the worker pool) is imported only once a
file misses the result cache: a re-run over unchanged files loads none of it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import itertools
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click

from wikilint.batch.baseline import BaselineRun, open_baseline
from wikilint.batch.cache import Files, Misses, ResultCache, cached_outcomes
from wikilint.batch.options import BatchOptions, LiveOptions
from wikilint.batch.process import FileTask, Outcome, process_path
from wikilint.batch.walk import expand_paths, nothing_found
from wikilint.cli.progress import RunProgress
from wikilint.config.settings import Resolver, Settings
from wikilint.inputs.dumps import DumpError, check_dump, is_dump
from wikilint.inputs.files import STDIN, Source
from wikilint.inputs.writer import FileChanged, WriteError, encode, write_fix
from wikilint.linter.finding import Severity
from wikilint.linter.results import FileResult, Summary
from wikilint.output import make_formatter
from wikilint.output.base import Formatter

if TYPE_CHECKING:
    from wikilint.batch.guard import RuleSource

#: Without ``--jobs``, files go to worker processes from this many on: starting the
#: workers takes 1-2.5 s and an article about 0.1 s, so fewer files are done sooner here.
POOL_MIN_FILES = 64


@dataclass(frozen=True)
class RunOptions:
    """How ``check`` reports and whether it fixes."""

    output_format: str | None = None
    color: bool | None = None
    statistics: bool = False
    quiet: bool = False
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    batch: BatchOptions = field(default_factory=BatchOptions)
    output_file: Path | None = None
    live: LiveOptions = field(default_factory=LiveOptions)
    baseline: Path | None = None
    write_baseline: Path | None = None
    cache: bool = False
    """Whether results come from and go to the result cache (``check`` without ``--no-cache``)."""

    @property
    def fixing(self) -> bool:
        """Whether the run fixes, in files (``--fix``) or in a diff (``--diff``)."""
        return self.fix or self.diff


def _report_stream(stream: TextIO, options: RunOptions, paths: tuple[str, ...]) -> TextIO:
    """Fixed standard input and diffs own stdout; the report then goes to the
    ``--output-file`` (*stream*) when there is one, else to stderr."""
    owned = options.diff or (options.fix and STDIN in paths)
    return sys.stderr if owned and options.output_file is None else stream


def run_check(
    resolver: Resolver, paths: tuple[str, ...], stream: TextIO, options: RunOptions
) -> Summary:
    """Check *paths* (the titles of wiki pages with ``--site`` and the like), report each
    result to *stream* (see :func:`_report_stream`) as it arrives, and sum them up."""
    formatter = _formatter(_report_stream(stream, options, paths), options)
    screen = open_baseline(options.baseline, options.write_baseline, resolver)
    summary = Summary(unsafe_enabled=options.unsafe_fixes and options.fixing, preview=options.diff)
    check: Callable[[_Reporter], None]
    if options.live.requested:
        check = functools.partial(_check_site, resolver, paths)
    else:
        check = _prepare_paths(resolver, paths, formatter, options)
    with RunProgress.for_terminal(formatter.machine_readable) as progress:
        check(_Reporter(formatter, summary, progress, sys.stdout, options, screen))
    _finish(formatter, summary, screen)
    return summary


def _formatter(report: TextIO, options: RunOptions) -> Formatter:
    """The formatter of ``--format``, else of the place the report goes."""
    output_format = options.output_format
    if output_format is None:
        if os.environ.get("GITHUB_ACTIONS") == "true":
            output_format = "github"
        else:
            output_format = "full" if report.isatty() else "concise"
    formatter = make_formatter(output_format, report, options.color, options.statistics)
    formatter.quiet = options.quiet or options.write_baseline is not None
    return formatter


def _prepare_paths(
    resolver: Resolver, paths: tuple[str, ...], formatter: Formatter, options: RunOptions
) -> Callable[[_Reporter], None]:
    """Find the inputs *paths* name and load their rules, raising any error before a result
    is reported; return what checks them."""
    inputs, kinds = _find_inputs(resolver, paths, options)
    _describe_rules(formatter, [settings for _, settings in inputs])
    if not inputs:
        click.echo(f"wikilint: warning: {nothing_found(paths, resolver.for_path)}", err=True)
    cache = ResultCache(options.fixing, options.unsafe_fixes) if options.cache else None
    # An error in the rule settings stops the run before any result; files the cache may
    # hold are left to it (their entries were made with these settings, and no error).
    _load_rules(settings for path, settings in inputs if not (cache and kinds[path] == "file"))
    return functools.partial(_check_inputs, inputs, kinds, resolver, cache)


def _find_inputs(
    resolver: Resolver, paths: tuple[str, ...], options: RunOptions
) -> tuple[Files, dict[str, str]]:
    """The inputs *paths* name with their settings, and the kind of each; a run that would
    write the report over one, or fix a dump, is refused."""
    inputs = [(path, resolver.for_path(path)) for path in expand_paths(paths, resolver.for_path)]
    if options.output_file is not None:
        _refuse_to_report_over_an_input(options.output_file, [path for path, _ in inputs])
    named = set(paths)
    kinds = {path: _kind(path, path in named) for path, _ in inputs}
    if options.fixing:
        _refuse_fixing_dumps(kinds, "--diff" if options.diff else "--fix")
    return inputs, kinds


def _describe_rules(formatter: Formatter, settings: Iterable[Settings]) -> None:
    """Tell a formatter that documents the rules (SARIF) which rules there are."""
    if formatter.describes_rules:
        for each in _distinct(settings):
            formatter.known_rules.update((rule.code, rule) for rule in each.registry.rules)
            formatter.plugin_rules.update(each.registry.plugins)


def _check_inputs(
    inputs: Files,
    kinds: dict[str, str],
    resolver: Resolver,
    cache: ResultCache | None,
    reporter: _Reporter,
) -> None:
    """Check each run of dumps, and each run of files and standard input, in order."""
    for kind, group in itertools.groupby(inputs, key=lambda item: kinds[item[0]]):
        if kind == "dump":
            for path, settings in group:
                _check_dump(path, resolver, settings, reporter.options.batch, reporter)
        else:
            _check_files(list(group), resolver, cache, reporter)


def _check_files(
    files: Files, resolver: Resolver, cache: ResultCache | None, reporter: _Reporter
) -> None:
    """Lint or fix *files*, taking what the result *cache* holds."""
    options = reporter.options
    reporter.progress.begin(f"{len(files):,} file{'s' * (len(files) != 1)}", len(files))
    compute = functools.partial(_outcomes, resolver=resolver, options=options)
    outcomes = (
        cached_outcomes(files, cache, compute, options.batch.ordered)
        if cache
        else compute([(path, settings, None) for path, settings in files])
    )
    for path, settings, outcome in outcomes:
        reporter.report(outcome, path, settings)


def _finish(formatter: Formatter, summary: Summary, screen: BaselineRun | None) -> None:
    if screen is not None:
        screen.finish(summary)
    formatter.finish(summary)


@dataclass
class _Reporter:
    """Hands each result to the formatter, the summary and the progress bar."""

    formatter: Formatter
    summary: Summary
    progress: RunProgress
    stream: TextIO
    """Where fixed standard input and diffs go: standard output, whatever the report's."""
    options: RunOptions
    screen: BaselineRun | None = None
    """The baseline that leaves out known findings, or records them."""

    def report(self, outcome: Outcome, path: str, settings: Settings) -> None:
        result = outcome.result
        echoes = path == STDIN and self.options.fix and not self.options.diff
        prints = result.findings or result.error is not None or outcome.changed or echoes
        with self.progress.aside() if prints else contextlib.nullcontext():
            if outcome.changed:
                result = self._deliver_fix(outcome, path)
            elif echoes:
                self.stream.write(outcome.original)  # a filter's output is the text, always
            if self.screen is not None:  # dump and wiki pages are keyed on their titles
                page = path != result.path or self.options.live.requested
                result = self.screen.screen(result, page)
            result = _at_least(result, settings.min_severity)
            if result.error is not None:
                click.echo(f"wikilint: error: {result.error}", err=True)
            self.summary.add(result, settings.fail_on)
            self.formatter.file(result)
        self.progress.advance(result)

    def _deliver_fix(self, outcome: Outcome, path: str) -> FileResult:
        """Print the diff, print fixed standard input, or write the file; return the
        result to report, whose positions refer to the text the file now holds."""
        if self.options.diff:
            self.stream.writelines(
                unified_diff(outcome.original, outcome.result.source, outcome.result.path)
            )
            self.summary.fixed += outcome.fixed
            return outcome.as_read()
        if path == STDIN:
            self.stream.write(outcome.result.source)
        else:
            try:
                write_fix(
                    path,
                    encode(outcome.original, outcome.bom, outcome.encoding),
                    encode(outcome.result.source, outcome.bom, outcome.encoding),
                )
            except FileChanged as error:  # the findings are of a text no longer there
                return FileResult(outcome.result.path, error=str(error))
            except WriteError as error:
                return outcome.as_read(str(error))
        self.summary.fixed += outcome.fixed
        return outcome.result


def _at_least(result: FileResult, severity: Severity) -> FileResult:
    """*result* without the findings below *severity* (``min-severity``): hidden findings
    are neither shown, counted nor fail the run."""
    if severity is Severity.INFO:
        return result
    kept = tuple(finding for finding in result.findings if finding.severity.rank >= severity.rank)
    return dataclasses.replace(result, findings=kept)


def _refuse_to_report_over_an_input(output_file: Path, paths: list[str]) -> None:
    """The report must not replace a file being linted (or fixed)."""
    try:
        output = os.stat(output_file)
    except OSError:
        return  # a report file yet to be made is no input
    for path in paths:
        with contextlib.suppress(OSError, ValueError):  # ValueError: stdin has no descriptor
            status = os.fstat(sys.stdin.fileno()) if path == STDIN else os.stat(path)
            if os.path.samestat(status, output):
                raise WriteError(f"--output-file {output_file} would replace the input {path}")


def _kind(path: str, named: bool) -> str:
    """Dumps, standard input and files take different paths through the run. A file found
    in a folder matched the wikitext globs: it is a dump only by its name, never its bytes."""
    if path == STDIN:
        return "stdin"
    return "dump" if is_dump(path, sniff=named) else "file"


def _refuse_fixing_dumps(kinds: dict[str, str], flag: str) -> None:
    """Fixes are for wikitext files: stop before anything is written if a dump is among them."""
    dump = next((path for path, kind in kinds.items() if kind == "dump"), None)
    if dump is not None:
        raise DumpError(f"{dump}: {flag} does not apply to XML dumps (they can only be linted)")


def _distinct(settings: Iterable[Settings]) -> list[Settings]:
    return list({id(each): each for each in settings}.values())


def _load_rules(settings: Iterable[Settings]) -> None:
    """Resolve the rules of each configuration, raising any error in its rule settings
    before a result is reported."""
    for each in _distinct(settings):
        each.rules  # noqa: B018 (loaded and checked on first use)


def _outcomes(
    files: Misses, resolver: Resolver, options: RunOptions
) -> Iterator[tuple[str, Settings, Outcome]]:
    """Each file's outcome, in-process or, when it pays, in worker processes; the rules
    are loaded, and their settings checked, before this returns."""
    _load_rules(settings for _, settings, _ in files)
    return _computed_outcomes(files, resolver, options)


def _computed_outcomes(
    files: Misses, resolver: Resolver, options: RunOptions
) -> Iterator[tuple[str, Settings, Outcome]]:
    from wikilint.batch.pool import SettingsRules, run_files

    batch = options.batch
    jobs = _file_jobs(batch.jobs, [path for path, _, _ in files])
    recipes: dict[int, SettingsRules] = {}

    def task(path: str, settings: Settings, source: Source | None) -> FileTask:
        rules: RuleSource = settings.rules_for(path)
        if jobs > 1:  # workers rebuild rules from a recipe: one per distinct rule list
            recipe = SettingsRules(resolver.cli, resolver.config_file, resolver.isolated, path)
            rules = recipes.setdefault(id(rules), recipe)
        language, fixing, unsafe = settings.config.language, options.fixing, options.unsafe_fixes
        return FileTask(path, rules, language, fixing, unsafe, source)

    if jobs == 1:
        for path, settings, source in files:
            yield path, settings, process_path(task(path, settings, source), batch.timeout)
        return
    by_path = {path: settings for path, settings, _ in files}
    tasks = (task(*file) for file in files)
    for outcome in run_files(tasks, jobs=jobs, ordered=batch.ordered, timeout=batch.timeout):
        path = outcome.result.path
        yield path, by_path[path], outcome


def _file_jobs(jobs: int | None, files: list[str]) -> int:
    """Worker processes for *files*: 1 means in this process."""
    if len(files) < 2 or files[0] == STDIN:
        return 1
    if jobs is None:
        from wikilint.batch.pool import default_jobs

        return default_jobs() if len(files) >= POOL_MIN_FILES else 1
    return min(jobs, len(files))


def _check_dump(
    path: str, resolver: Resolver, settings: Settings, batch: BatchOptions, reporter: _Reporter
) -> None:
    """Lint every selected page of an XML dump; its pages are the results."""
    from wikilint.batch.pool import SettingsRules, lint_dump

    recipe = SettingsRules(resolver.cli, resolver.config_file, resolver.isolated, path)
    progress = reporter.progress
    with _reading_dump(path):
        check_dump(path)
        size = os.path.getsize(path)
    progress.begin(Path(path).name, size, by_bytes=True)
    for result in _read_from(path, lint_dump(path, recipe, batch, progress.reached)):
        reporter.report(Outcome(result), path, settings)  # its failures are not the dump's


def _read_from(path: str, results: Iterator[FileResult]) -> Iterator[FileResult]:
    """*results*, read from the dump at *path*: see :func:`_reading_dump`."""
    with _reading_dump(path):
        yield from results


@contextlib.contextmanager
def _reading_dump(path: str) -> Iterator[None]:
    """A failure reading the dump at *path* (or starting Dask for it) as one line naming
    it; anything else, a bug above all, is not labelled the dump's."""
    from wikilint.batch.dask_cluster import ClusterError

    try:
        yield
    except (DumpError, OSError, ClusterError) as error:
        raise DumpError(f"{path}: {error}") from None


def _check_site(resolver: Resolver, titles: tuple[str, ...], reporter: _Reporter) -> None:
    """Lint pages of a wiki (``--site`` or the configured ``site``); *titles* name them."""
    from wikilint.batch.live import PageLinter, check_pages
    from wikilint.inputs.wiki_api import Site, SiteError

    options = reporter.options
    if options.fixing:
        raise SiteError("--fix and --diff change files; pages of a site are only checked")
    settings = resolver.for_path(STDIN)  # the configuration of the current folder
    url = options.live.site or settings.config.site
    if url is None:
        raise SiteError("no site to read pages from: give --site URL or set 'site' in the config")
    site = Site(url)
    _describe_rules(reporter.formatter, [settings])
    batch = options.batch
    linter = PageLinter(settings.rules, resolver.cli.language or site.info.language, batch.timeout)
    reporter.progress.begin(site.url, None)
    for result in check_pages(site, titles, options.live, linter, batch.page_filter):
        reporter.report(Outcome(result), result.path, settings)


def unified_diff(before: str, after: str, path: str) -> list[str]:
    """A unified diff like ``git diff``'s, marking a last line without a line break."""
    import difflib

    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{path}",
        tofile=f"b/{path}",
    )
    return [
        line if line.endswith("\n") else f"{line}\n\\ No newline at end of file\n" for line in lines
    ]
