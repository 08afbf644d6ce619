"""The ``wikilint`` command line."""

from __future__ import annotations

import contextlib
import difflib
import functools
import itertools
import json
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import click
from rich.console import Console

from wikilint import __version__
from wikilint.budget import DEFAULT_TIMEOUT
from wikilint.config import Config, ConfigError, severity_of
from wikilint.dumps import DumpError, PageFilter, is_dump
from wikilint.explain import explanation
from wikilint.output import FORMATTERS, make_formatter
from wikilint.output.base import Formatter
from wikilint.parallel import (
    BatchOptions,
    FileTask,
    SettingsRules,
    default_jobs,
    lint_dump,
    run_files,
)
from wikilint.progress import RunProgress
from wikilint.reference import rules_markdown
from wikilint.registry import Registry, RegistryError, discover
from wikilint.results import Summary
from wikilint.runner import Outcome, process_path
from wikilint.settings import Resolver, Settings
from wikilint.sources import STDIN, expand_paths
from wikilint.writer import write_atomic

EXIT_USAGE = 2
#: Without ``--jobs``, files go to worker processes from this many on: starting the
#: workers takes 1-2.5 s and an article about 0.1 s, so fewer files are done sooner here.
POOL_MIN_FILES = 64


class WikilintError(click.ClickException):
    """A one-line error that ends the run with exit code 2."""

    exit_code = EXIT_USAGE

    def show(self, file: object = None) -> None:
        click.echo(f"wikilint: error: {self.format_message()}", err=True)


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    """Flags may repeat and take comma-separated lists: ``--select WL1,WL201``."""
    return tuple(item.strip() for value in values for item in value.split(",") if item.strip())


def _per_file_ignores(values: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    pairs = []
    for value in values:
        glob, colon, rules = value.partition(":")
        if not colon or not glob:
            raise WikilintError(f"--per-file-ignores: expected GLOB:RULE[,RULE], got {value!r}")
        pairs.append((glob, _split((rules,))))
    return tuple(pairs)


def settings_options(command: click.Command) -> click.Command:
    """The configuration flags shared by ``check`` and ``config``."""
    options = [
        click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
                     help="Use this configuration file instead of searching for one."),
        click.option("--isolated", is_flag=True, help="Ignore every configuration file."),
        click.option("--select", multiple=True,
                     help="Rules to run (codes, prefixes or names; ALL), replacing the config."),
        click.option("--extend-select", multiple=True, help="Rules to run in addition."),
        click.option("--ignore", multiple=True, help="Rules not to run."),
        click.option("--per-file-ignores", multiple=True, metavar="GLOB:RULES",
                     help="Rules not to run on files matching GLOB."),
        click.option("--exclude", multiple=True, metavar="GLOB", help="Files not to check."),
        click.option("--fail-on", type=click.Choice(["error", "warning", "info"]),
                     help="Lowest severity that makes the exit code 1 [default: info]."),
        click.option("--rule-packs", multiple=True, type=click.Path(path_type=Path),
                     help="Extra folders or files of declarative rule packs."),
        click.option("--language", help="Language code of the articles (e.g. en, de)."),
    ]  # fmt: skip
    for option in reversed(options):
        command = option(command)
    return command


def dump_options(function: Callable[..., None]) -> Callable[..., None]:
    """Flags for runs over XML dumps, gathered into one ``batch`` argument."""
    options = [
        click.option("--jobs", "-j", type=click.IntRange(min=1),
                     help="Worker processes [default: every core; in-process for few files]."),
        click.option("--unordered", is_flag=True,
                     help="Report articles as they finish rather than in input order."),
        click.option("--namespace", "namespaces", multiple=True, type=int,
                     help="Dump namespaces to lint (repeatable) [default: 0, articles]."),
        click.option("--title", "title_glob", metavar="GLOB",
                     help="Lint only dump pages whose title matches GLOB."),
        click.option("--index", type=click.Path(exists=True, dir_okay=False),
                     help="Multistream index [default: the -index.txt.bz2 beside the dump]."),
        click.option("--scheduler", metavar="ADDRESS", help="Run on this Dask scheduler."),
        click.option("--dask", "use_dask", is_flag=True, help="Run on a local Dask cluster."),
        click.option("--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT,
                     show_default=True, help="Parse time limit per article, seconds (0: none)."),
    ]  # fmt: skip

    @functools.wraps(function)
    def gather(**kwargs: Any) -> None:
        namespaces = kwargs.pop("namespaces")
        kwargs["batch"] = BatchOptions(
            jobs=kwargs.pop("jobs"),
            ordered=not kwargs.pop("unordered"),
            timeout=kwargs.pop("timeout") or None,
            page_filter=PageFilter(frozenset(namespaces or (0,)), kwargs.pop("title_glob")),
            index=kwargs.pop("index"),
            scheduler=kwargs.pop("scheduler"),
            dask=kwargs.pop("use_dask"),
        )
        function(**kwargs)

    for option in reversed(options):
        gather = option(gather)
    return gather


def make_resolver(
    config_file: Path | None,
    isolated: bool,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    per_file_ignores: tuple[str, ...],
    exclude: tuple[str, ...],
    fail_on: str | None,
    rule_packs: tuple[Path, ...],
    language: str | None,
) -> Resolver:
    cli_config = Config(
        select=_split(select) or None,
        extend_select=_split(extend_select),
        ignore=_split(ignore),
        per_file_ignores=_per_file_ignores(per_file_ignores),
        exclude=exclude,
        fail_on=severity_of(fail_on, "--fail-on") if fail_on else None,
        rule_packs=tuple(path.resolve() for path in rule_packs),
        language=language,
    )
    return Resolver(cli_config, config_file, isolated)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="wikilint")
def cli() -> None:
    """A text-quality linter for MediaWiki wikitext."""


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


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@settings_options
@click.option(
    "--format",
    "output_format",
    type=click.Choice(sorted(FORMATTERS)),
    help="Output format [default: full on a terminal, concise otherwise].",
)
@click.option(
    "--output-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to this file instead of standard output.",
)
@click.option("--color/--no-color", default=None, help="Force colour on or off.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule only.")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--show-settings", is_flag=True, help="Print the settings for the first path.")
@click.option("--fix", is_flag=True, help="Apply safe fixes, writing the files in place.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply unsafe fixes too.")
@click.option(
    "--diff", is_flag=True, help="Print the fixes as a unified diff instead of writing them."
)
@dump_options
def check(
    paths: tuple[str, ...],
    output_file: Path | None,
    exit_zero: bool,
    show_settings: bool,
    output_format: str | None,
    color: bool | None,
    statistics: bool,
    quiet: bool,
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    batch: BatchOptions,
    **settings_flags: object,
) -> None:
    """Lint wikitext PATHS: files, folders (recursively), ``-`` for standard input, or XML
    dumps (``.xml``, ``.xml.bz2``, ``.xml.gz``, multistream with an index)."""
    resolver = make_resolver(**settings_flags)  # type: ignore[arg-type]
    if show_settings:
        _print_settings(resolver, paths[0])
        return
    options = RunOptions(output_format, color, statistics, quiet, fix, unsafe_fixes, diff, batch)
    stream = (
        output_file.open("w", encoding="utf-8", newline="")
        if output_file is not None
        else sys.stdout
    )
    try:
        summary = _run(resolver, paths, stream, options)
    finally:
        if output_file is not None:
            stream.close()
    code = 1 if diff and summary.fixed else summary.exit_code()
    sys.exit(0 if exit_zero and code == 1 else code)


def _report_stream(stream: TextIO, options: RunOptions, paths: tuple[str, ...]) -> TextIO:
    """Fixed standard input and diffs own stdout; the report then goes to stderr."""
    if options.diff or (options.fix and STDIN in paths and stream is sys.stdout):
        return sys.stderr
    return stream


def _run(
    resolver: Resolver, paths: tuple[str, ...], stream: TextIO, options: RunOptions
) -> Summary:
    report = _report_stream(stream, options, paths)
    output_format = options.output_format
    if output_format is None:
        if os.environ.get("GITHUB_ACTIONS") == "true":
            output_format = "github"
        else:
            output_format = "full" if report.isatty() else "concise"
    name = "statistics" if options.statistics else output_format
    formatter = make_formatter(name, report, options.color)
    formatter.quiet = options.quiet
    fixing = options.fix or options.diff
    summary = Summary(unsafe_enabled=options.unsafe_fixes and fixing)
    inputs = []
    for path in expand_paths(list(paths)):
        settings = _settings(resolver, path)
        if not settings.is_excluded(path):
            formatter.known_rules.update((rule.code, rule) for rule in settings.registry.rules)
            inputs.append((path, settings))
    with RunProgress.for_terminal(formatter.machine_readable) as progress:
        reporter = _Reporter(formatter, summary, progress, stream, options)
        for kind, group in itertools.groupby(inputs, key=lambda item: _kind(item[0])):
            if kind == "dump":
                for path, settings in group:
                    _check_dump(path, resolver, settings, options.batch, reporter)
                continue
            files = list(group)
            progress.begin(f"{len(files):,} file{'s' * (len(files) != 1)}", len(files))
            for path, settings, outcome in _outcomes(files, resolver, options):
                reporter.report(outcome, path, settings)
    formatter.finish(summary)
    return summary


@dataclass
class _Reporter:
    """Hands each result to the formatter, the summary and the progress bar."""

    formatter: Formatter
    summary: Summary
    progress: RunProgress
    stream: TextIO
    options: RunOptions

    def report(self, outcome: Outcome, path: str, settings: Settings) -> None:
        result = outcome.result
        prints = result.findings or result.error is not None or outcome.changed
        with self.progress.aside() if prints else contextlib.nullcontext():
            if result.error is not None:
                click.echo(f"wikilint: error: {result.error}", err=True)
            elif outcome.changed:
                _deliver_fix(outcome, path, self.stream, self.options)
            self.summary.add(result, settings.fail_on)
            self.summary.fixed += outcome.fixed
            self.formatter.file(result)
        self.progress.advance(result)


def _kind(path: str) -> str:
    """Dumps, standard input and files take different paths through the run."""
    if path == STDIN:
        return "stdin"
    return "dump" if is_dump(path) else "file"


def _outcomes(
    files: list[tuple[str, Settings]], resolver: Resolver, options: RunOptions
) -> Iterator[tuple[str, Settings, Outcome]]:
    """Each file's outcome, in-process or, when it pays, in worker processes."""
    batch = options.batch
    fixing = options.fix or options.diff
    jobs = _file_jobs(batch.jobs, files)
    if jobs == 1:
        for path, settings in files:
            rules, language = settings.rules_for(path), settings.config.language
            outcome = process_path(
                path, rules, language, fixing, options.unsafe_fixes, batch.timeout
            )
            yield path, settings, outcome
        return
    recipes: dict[int, SettingsRules] = {}

    def task(path: str, settings: Settings) -> FileTask:
        # Workers rebuild rules from a recipe: one per distinct rule list, not per file.
        recipe = recipes.setdefault(
            id(settings.rules_for(path)),
            SettingsRules(resolver.cli, resolver.config_file, resolver.isolated, path),
        )
        return FileTask(path, recipe, settings.config.language, fixing, options.unsafe_fixes)

    by_path = dict(files)
    tasks = (task(path, settings) for path, settings in files)
    for outcome in run_files(tasks, jobs=jobs, ordered=batch.ordered, timeout=batch.timeout):
        path = outcome.result.path
        yield path, by_path[path], outcome


def _file_jobs(jobs: int | None, files: list[tuple[str, Settings]]) -> int:
    """Worker processes for *files*: 1 means in this process."""
    if len(files) < 2 or files[0][0] == STDIN:
        return 1
    if jobs is None:
        return default_jobs() if len(files) >= POOL_MIN_FILES else 1
    return min(jobs, len(files))


def _check_dump(
    path: str, resolver: Resolver, settings: Settings, batch: BatchOptions, reporter: _Reporter
) -> None:
    """Lint every selected page of an XML dump; its pages are the results."""
    recipe = SettingsRules(resolver.cli, resolver.config_file, resolver.isolated, path)
    progress = reporter.progress
    try:
        progress.begin(Path(path).name, os.path.getsize(path), by_bytes=True)
        for result in lint_dump(path, recipe, batch, progress.reached):
            reporter.report(Outcome(result), path, settings)
    except (DumpError, OSError, RuntimeError) as error:
        raise WikilintError(f"{path}: {error}") from None


def unified_diff(before: str, after: str, path: str) -> list[str]:
    """A unified diff like ``git diff``'s, marking a last line without a line break."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{path}",
        tofile=f"b/{path}",
    )
    return [
        line if line.endswith("\n") else f"{line}\n\\ No newline at end of file\n" for line in lines
    ]


def _deliver_fix(outcome: Outcome, path: str, stream: TextIO, options: RunOptions) -> None:
    """Print the diff, print fixed standard input, or write the file atomically."""
    if options.diff:
        stream.writelines(
            unified_diff(outcome.original, outcome.result.source, outcome.result.path)
        )
    elif path == STDIN:
        stream.write(outcome.result.source)
    else:
        write_atomic(path, outcome.result.source, outcome.bom)


def _settings(resolver: Resolver, path: str):
    try:
        return resolver.for_path(path)
    except ConfigError as error:
        raise WikilintError(str(error)) from None


def _print_settings(resolver: Resolver, path: str) -> None:
    click.echo(json.dumps(_settings(resolver, path).describe(), indent=2, ensure_ascii=False))


@cli.command(name="config")
@click.argument("path", default=".")
@settings_options
def show_config(path: str, **settings_flags: object) -> None:
    """Print the settings in force for PATH (a file or folder) as JSON."""
    resolver = make_resolver(**settings_flags)  # type: ignore[arg-type]
    target = str(Path(path) / "_") if Path(path).is_dir() else path
    _print_settings(resolver, target)


@cli.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """Show the documentation of a RULE (code or name) with its examples."""
    registry = _registry()
    found = registry.get(rule) or registry.get(rule.upper())
    if found is None:
        raise WikilintError(f"unknown rule {rule!r}; `wikilint rules` lists them")
    Console(highlight=False, soft_wrap=True).print(explanation(found))


@cli.command(name="rules")
@click.option("--markdown", is_flag=True, help="Print the full rules reference in Markdown.")
def list_rules(markdown: bool) -> None:
    """List every rule: code, name, default severity and summary."""
    registry = _registry()
    if markdown:
        click.echo(rules_markdown(registry.rules), nl=False)
        return
    width = max(len(rule.name) for rule in registry.rules)
    click.echo(f"{'code':<7} {'name':<{width}} {'severity':<8} {'default':<7} summary")
    for rule in registry.rules:
        default = "on" if rule.enabled_by_default else "off"
        click.echo(
            f"{rule.code:<7} {rule.name:<{width}} {rule.severity.value:<8} {default:<7} "
            f"{rule.summary}"
        )


def _registry() -> Registry:
    try:
        return discover()
    except RegistryError as error:
        raise WikilintError(str(error)) from None


def main() -> None:
    """Entry point: run the CLI; never show a traceback for an unexpected failure."""
    try:
        cli.main(prog_name="wikilint")
    except BrokenPipeError:  # output piped into a pager or `head` that stopped reading
        sys.stderr.close()
        sys.exit(1)
    except Exception as error:  # a bug in wikilint; still one line and exit 2
        click.echo(f"wikilint: internal error: {type(error).__name__}: {error}", err=True)
        sys.exit(EXIT_USAGE)
