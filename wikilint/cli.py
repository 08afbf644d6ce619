"""The ``wikilint`` command line."""

from __future__ import annotations

import sys

import click
from rich.console import Console
from rich.table import Table

from wikilint import __version__
from wikilint.output import FORMATTERS, make_formatter
from wikilint.registry import Registry, RegistryError, discover
from wikilint.results import Summary
from wikilint.rule import Rule
from wikilint.runner import lint_paths
from wikilint.sources import expand_paths

EXIT_USAGE = 2


class WikilintError(click.ClickException):
    """A one-line error that ends the run with exit code 2."""

    exit_code = EXIT_USAGE

    def show(self, file: object = None) -> None:
        click.echo(f"wikilint: error: {self.format_message()}", err=True)


def load_registry() -> Registry:
    try:
        return discover()
    except RegistryError as error:
        raise WikilintError(str(error)) from None


def default_rules(registry: Registry) -> list[Rule]:
    return [rule() for rule in registry.rules if rule.enabled_by_default]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="wikilint")
def cli() -> None:
    """A text-quality linter for MediaWiki wikitext."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(sorted(FORMATTERS)),
    help="Output format [default: full on a terminal, concise otherwise].",
)
@click.option("--color/--no-color", default=None, help="Force colour on or off.")
def check(paths: tuple[str, ...], output_format: str | None, color: bool | None) -> None:
    """Lint wikitext FILES and folders (``-`` reads standard input)."""
    registry = load_registry()
    rules = default_rules(registry)
    stdout = click.get_text_stream("stdout")
    if output_format is None:
        output_format = "full" if stdout.isatty() else "concise"
    formatter = make_formatter(output_format, stdout, color=color)
    summary = Summary()
    for result in lint_paths(expand_paths(list(paths)), rules):
        if result.error is not None:
            click.echo(f"wikilint: error: {result.error}", err=True)
        summary.add(result)
        formatter.file(result)
    formatter.finish(summary)
    sys.exit(summary.exit_code())


@cli.command(name="rules")
def list_rules() -> None:
    """List every rule: code, name, default severity and summary."""
    registry = load_registry()
    table = Table(show_edge=False, header_style="bold")
    for column in ("code", "name", "severity", "default", "summary"):
        table.add_column(column)
    for rule in registry.rules:
        default = "on" if rule.enabled_by_default else "off"
        table.add_row(rule.code, rule.name, rule.severity.value, default, rule.summary)
    Console(highlight=False, soft_wrap=True).print(table)


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
