"""The ``wikilint`` command line."""

from __future__ import annotations

import contextlib
import functools
import math
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from wikilint import __version__
from wikilint.linter.timeouts import DEFAULT_TIMEOUT
from wikilint.output import FORMATTERS

F = TypeVar("F", bound=Callable[..., Any])

if TYPE_CHECKING:
    from wikilint.batch.options import BatchOptions, LiveOptions
    from wikilint.config.settings import Resolver
    from wikilint.linter.registry import Registry

# Each command imports the machinery it needs when it runs: `wikilint --version` and
# `--help` start in a few hundredths of a second, and no command loads what it does not use.

EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
#: Click's suggestion after a mistyped option or command.
_SUGGESTION = re.compile(r"\.? \(?Did you mean (?P<what>.+?)\?\)?$")


class WikilintError(click.ClickException):
    """A one-line error that ends the run with exit code 2."""

    exit_code = EXIT_USAGE

    def show(self, file: object = None) -> None:
        click.echo(f"wikilint: error: {self.format_message()}", err=True)


class Interrupted(click.ClickException):
    """Ctrl-C: one line and exit code 130."""

    exit_code = EXIT_INTERRUPTED

    def __init__(self) -> None:
        super().__init__("interrupted")

    def show(self, file: object = None) -> None:
        click.echo("wikilint: interrupted", err=True)


@contextlib.contextmanager
def _one_line_endings() -> Iterator[None]:
    """Click's usage errors (mistyped option, missing argument, bad value) and Ctrl-C,
    which click would end with usage lines or ``Aborted!``, as one line."""
    try:
        yield
    except click.exceptions.NoArgsIsHelpError:
        raise  # bare ``wikilint``: the help
    except click.UsageError as error:
        raise WikilintError(_usage_message(error.format_message())) from None
    except KeyboardInterrupt:
        raise Interrupted from None


def _usage_message(message: str) -> str:
    """``No such option '--fxi'. (Did you mean '--fix'?)`` as
    ``no such option '--fxi' (did you mean '--fix'?)``."""
    message = " ".join(message.split())
    message = _SUGGESTION.sub(r" (did you mean \g<what>?)", message).removesuffix(".")
    return message[:1].lower() + message[1:] if message[1:2].islower() else message


@contextlib.contextmanager
def _one_line_errors(*kinds: type[Exception]) -> Iterator[None]:
    """Errors of bad input or configuration (*kinds*) as ``wikilint: error:`` lines."""
    try:
        yield
    except kinds as error:
        raise WikilintError(str(error)) from None


class WikilintGroup(click.Group):
    """The ``wikilint`` command group: usage errors and Ctrl-C end in one line on stderr."""

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        with _one_line_endings():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        with _one_line_endings():
            return super().invoke(ctx)


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    """Flags may repeat and take comma-separated lists: ``--select WL1,WL201``."""
    return tuple(item.strip() for value in values for item in value.split(",") if item.strip())


def _per_file_ignores(values: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``GLOB:RULES`` pairs; a bad one is a :class:`~wikilint.config.files.ConfigError` that quotes
    it cut short, as the configuration's errors do."""
    from wikilint.config.files import ConfigError, shown

    pairs = []
    for value in values:
        glob, colon, rules = value.partition(":")
        if not colon or not glob:
            raise ConfigError(f"--per-file-ignores: expected GLOB:RULE[,RULE], got {shown(value)}")
        pairs.append((glob, _split((rules,))))
    return tuple(pairs)


_CONFIG_FILE = click.option(
    "--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
    help="Use this configuration file instead of searching for one.",
)  # fmt: skip
_ISOLATED = click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
_RULE_PACKS = click.option(
    "--rule-packs", multiple=True, type=click.Path(path_type=Path),
    help="Extra folders or files of declarative rule packs.",
)  # fmt: skip


def _with_options(command: F, options: list[Callable[[Any], Any]]) -> F:
    """*command* with *options*, shown in ``--help`` in their order."""
    for option in reversed(options):
        command = option(command)
    return command


def settings_options(command: F) -> F:
    """The configuration flags shared by ``check`` and ``config``."""
    options = [
        _CONFIG_FILE,
        _ISOLATED,
        click.option("--select", multiple=True,
                     help="Rules to run (codes, prefixes or names; ALL), replacing the config."),
        click.option("--extend-select", multiple=True, help="Rules to run in addition."),
        click.option("--ignore", multiple=True, help="Rules not to run."),
        click.option("--per-file-ignores", multiple=True, metavar="GLOB:RULES",
                     help="Rules not to run on files matching GLOB."),
        click.option("--exclude", multiple=True, metavar="GLOB",
                     help="Files and folders not to check (a bare name matches anywhere)."),
        click.option("--force-exclude/--no-force-exclude", default=None,
                     help="Skip named paths that a folder walk would skip (for pre-commit)."),
        click.option("--respect-gitignore/--no-respect-gitignore", default=None,
                     help="Skip what .gitignore files ignore in folder walks [default: on]."),
        click.option("--fail-on", type=click.Choice(["error", "warning", "info"]),
                     help="Lowest severity that makes the exit code 1 [default: warning]."),
        click.option("--min-severity", type=click.Choice(["error", "warning", "info"]),
                     help="Lowest severity reported; lower ones are hidden [default: info]."),
        _RULE_PACKS,
        click.option("--language", help="Language code of the articles (e.g. en, de)."),
    ]  # fmt: skip
    return _with_options(command, options)


class Seconds(click.FloatRange):
    """A time limit: a finite number of seconds from 0 (no limit) to a day."""

    name = "seconds"

    def __init__(self) -> None:
        super().__init__(min=0, max=86_400)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        seconds = super().convert(value, param, ctx)
        if not math.isfinite(seconds):
            self.fail(f"{value!r} is not a finite number of seconds.", param, ctx)
        return seconds


def _timeout_option(unit: str) -> Callable[[F], F]:
    """``--timeout``: the budget of one *unit* for parsing, every rule and every fix pass."""
    return click.option(
        "--timeout", type=Seconds(), default=DEFAULT_TIMEOUT, show_default=True,
        help=f"Time limit per {unit} for parsing, rules and fixes, seconds (0: none).",
    )  # fmt: skip


#: More worker processes than this would only queue for the cores.
MAX_JOBS = 1024


def registry_options(command: F) -> F:
    """The flags that decide which rules exist, for ``rules`` and ``explain``."""
    return _with_options(command, [_CONFIG_FILE, _ISOLATED, _RULE_PACKS])


def dump_options(function: Callable[..., None]) -> Callable[..., None]:
    """Flags for runs over XML dumps, gathered into one ``batch`` argument."""
    options = [
        click.option("--jobs", "-j", type=click.IntRange(min=1, max=MAX_JOBS),
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
        _timeout_option("article"),
    ]  # fmt: skip

    @functools.wraps(function)
    def gather(**kwargs: Any) -> None:
        from wikilint.batch.options import BatchOptions
        from wikilint.inputs.dumps import PageFilter

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

    return _with_options(gather, options)


def site_options(function: Callable[..., None]) -> Callable[..., None]:
    """Flags for checking pages of a wiki, gathered into one ``live`` argument."""
    options = [
        click.option("--site", metavar="URL",
                     help="Check pages of this MediaWiki (PATHS are then page titles)."),
        click.option("--revision", type=click.IntRange(min=1), metavar="ID",
                     help="Check this revision of a page."),
        click.option("--category", metavar="NAME", help="Check the pages in this category."),
        click.option("--titles-from", metavar="FILE",
                     help="Check the pages titled in FILE, one a line (-: standard input)."),
        click.option("--since", type=click.IntRange(min=1), metavar="REV",
                     help="Report only findings the edits after revision REV introduced."),
    ]  # fmt: skip

    @functools.wraps(function)
    def gather(**kwargs: Any) -> None:
        from wikilint.batch.options import LiveOptions

        names = ("site", "revision", "category", "titles_from", "since")
        kwargs["live"] = LiveOptions(**{name: kwargs.pop(name) for name in names})
        function(**kwargs)

    return _with_options(gather, options)


def make_resolver(
    config_file: Path | None,
    isolated: bool,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    per_file_ignores: tuple[str, ...],
    exclude: tuple[str, ...],
    force_exclude: bool | None,
    respect_gitignore: bool | None,
    fail_on: str | None,
    min_severity: str | None,
    rule_packs: tuple[Path, ...],
    language: str | None,
) -> Resolver:
    from wikilint.config.files import Config, ConfigError, language_of, severity_of
    from wikilint.config.settings import Resolver

    with _one_line_errors(ConfigError):
        cli_config = Config(
            select=_split(select) or None,
            extend_select=_split(extend_select),
            ignore=_split(ignore),
            per_file_ignores=_per_file_ignores(per_file_ignores),
            exclude=exclude,
            force_exclude=force_exclude,
            respect_gitignore=respect_gitignore,
            fail_on=severity_of(fail_on, "--fail-on") if fail_on else None,
            min_severity=severity_of(min_severity, "--min-severity") if min_severity else None,
            rule_packs=tuple(path.resolve() for path in rule_packs),
            language=language_of(language, "--language") if language is not None else None,
        )
    return Resolver(cli_config, config_file, isolated)


@click.group(cls=WikilintGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="wikilint")
def cli() -> None:
    """A text-quality linter for MediaWiki wikitext."""


@cli.command()
@click.argument("paths", nargs=-1)
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
@click.option(
    "--baseline", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
    help="Report only findings this baseline file does not hold.",
)  # fmt: skip
@click.option(
    "--write-baseline", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
    help="Record the findings of PATHS in this baseline file instead of reporting them.",
)  # fmt: skip
@click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache.")
@dump_options
@site_options
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
    baseline: Path | None,
    write_baseline: Path | None,
    no_cache: bool,
    batch: BatchOptions,
    live: LiveOptions,
    **settings_flags: object,
) -> None:
    """Lint wikitext PATHS: files, folders (recursively), ``-`` for standard input, or XML
    dumps (``.xml``, ``.xml.bz2``, ``.xml.gz``, multistream with an index); with ``--site``,
    pages of a wiki."""
    from wikilint.batch.baseline import BaselineError
    from wikilint.batch.walk import WalkError
    from wikilint.cli.check import RunOptions, run_check
    from wikilint.config.files import ConfigError
    from wikilint.inputs.dumps import DumpError
    from wikilint.inputs.wiki_api import SiteError
    from wikilint.inputs.writer import WriteError, report_file

    if not paths and not live.requested:
        raise click.UsageError("Missing argument 'PATHS...'.")
    if baseline and write_baseline:
        raise click.UsageError("--baseline and --write-baseline exclude each other")
    resolver = make_resolver(**settings_flags)  # type: ignore[arg-type]  # click: untyped flags
    if show_settings:
        _print_settings(resolver, paths[0] if paths else "-")
        return
    options = RunOptions(
        output_format,
        color,
        statistics,
        quiet,
        fix,
        unsafe_fixes,
        diff,
        batch,
        output_file=output_file,
        live=live,
        baseline=baseline,
        write_baseline=write_baseline,
        cache=not no_cache,
    )
    report = report_file(output_file) if output_file else contextlib.nullcontext(sys.stdout)
    errors = (BaselineError, ConfigError, DumpError, SiteError, WalkError, WriteError)
    with _one_line_errors(*errors), report as stream:
        summary = run_check(resolver, paths, stream, options)
    code = summary.diff_exit_code() if diff else summary.exit_code()
    sys.exit(0 if exit_zero and code == 1 else code)


def _print_settings(resolver: Resolver, path: str) -> None:
    import json

    from wikilint.config.files import ConfigError

    with _one_line_errors(ConfigError):  # the rules are resolved, and checked, by describe()
        described = resolver.for_path(path).describe()
    click.echo(json.dumps(described, indent=2, ensure_ascii=False))


@cli.command(name="config")
@click.argument("path", default=".")
@settings_options
def show_config(path: str, **settings_flags: object) -> None:
    """Print the settings in force for PATH (a file or folder) as JSON."""
    resolver = make_resolver(**settings_flags)  # type: ignore[arg-type]  # click: untyped flags
    target = str(Path(path) / "_") if Path(path).is_dir() else path
    _print_settings(resolver, target)


@cli.command()
@_CONFIG_FILE
@_ISOLATED
def clean(config_file: Path | None, isolated: bool) -> None:
    """Remove the result cache of the current folder's project."""
    from wikilint.batch.cache import CacheError, clean_cache
    from wikilint.config.files import Config, ConfigError
    from wikilint.config.settings import Resolver
    from wikilint.inputs.files import STDIN

    with _one_line_errors(CacheError, ConfigError):
        removed = clean_cache(Resolver(Config(), config_file, isolated).config_path_for(STDIN))
    if removed is not None:
        click.echo(f"Removed {removed}", err=True)


@cli.command()
@click.argument("rule")
@registry_options
def explain(rule: str, config_file: Path | None, isolated: bool, rule_packs: tuple[Path]) -> None:
    """Show the documentation of a RULE (code or name) with its examples."""
    from rich.console import Console

    from wikilint.output.explain import explanation

    registry = _registry(config_file, isolated, rule_packs)
    found = registry.documented(rule) or registry.documented(rule.upper())
    if found is None:
        raise WikilintError(f"unknown rule {rule!r}; `wikilint rules` lists them")
    Console(highlight=False, soft_wrap=True).print(explanation(found, registry.plugins.get(found)))


@cli.command(name="rules")
@click.option("--markdown", is_flag=True, help="Print the full rules reference in Markdown.")
@registry_options
def list_rules(
    markdown: bool, config_file: Path | None, isolated: bool, rule_packs: tuple[Path]
) -> None:
    """List every rule: code, name, default severity and summary (and a plugin's
    distribution: its rules are off until selected)."""
    from wikilint.output.explain import default_label
    from wikilint.output.linter_coverage import coverage_line
    from wikilint.output.rules_reference import rules_markdown

    registry = _registry(config_file, isolated, rule_packs)
    if markdown:
        click.echo(rules_markdown(registry.rules), nl=False)
        return
    width = max(len(rule.name) for rule in registry.listing())
    click.echo(f"{'code':<7} {'name':<{width}} {'severity':<8} {'default':<7} {'fix':<6} summary")
    for rule in registry.listing():
        plugin = registry.plugins.get(rule)
        default = default_label(rule, plugin)
        fix = rule.fix_safety.value if rule.fix_safety else "-"
        click.echo(
            f"{rule.code:<7} {rule.name:<{width}} {rule.severity.value:<8} {default:<7} {fix:<6} "
            f"{rule.summary}" + (f" (plugin: {plugin})" if plugin else "")
        )
    click.echo(f"\n{coverage_line(registry.rules)}")


@cli.command()
@settings_options
@_timeout_option("document")
def server(timeout: float, **settings_flags: object) -> None:
    """Run the language server on standard input and output, for editors (docs/editors.md)."""
    resolver = make_resolver(**settings_flags)  # type: ignore[arg-type]  # click: untyped flags
    try:
        from wikilint.lsp.server import serve
    except ModuleNotFoundError as error:
        if error.name is None or error.name.partition(".")[0] not in {"pygls", "lsprotocol"}:
            raise
        raise WikilintError(
            "the language server needs the lsp extra: pip install 'wikilint[lsp]'"
        ) from None
    serve(resolver, timeout or None)


def _registry(config_file: Path | None, isolated: bool, rule_packs: tuple[Path]) -> Registry:
    """Every rule known in the current folder: installed ones, and the packs that its
    configuration and ``--rule-packs`` name."""
    from wikilint.config.files import Config, ConfigError
    from wikilint.config.settings import Resolver
    from wikilint.inputs.files import STDIN

    packs = Config(rule_packs=tuple(path.resolve() for path in rule_packs))
    with _one_line_errors(ConfigError):
        return Resolver(packs, config_file, isolated).for_path(STDIN).registry


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
