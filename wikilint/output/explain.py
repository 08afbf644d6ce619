"""``wikilint explain``: a rule's documentation, laid out for the terminal."""

from __future__ import annotations

import dataclasses
import typing

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from wikilint.linter.engine_findings import EngineFinding
from wikilint.linter.finding import Severity
from wikilint.linter.rule import Rule, option_docs, option_ranges

_ENABLED = {"on": "yes", "off": "no", "always": "always"}


def _example(title: str, source: str, style: str) -> list[RenderableType]:
    indented = "\n".join(f"    {line}" for line in source.rstrip("\n").splitlines())
    return [Text(title, style=style), Text(indented)]


def option_table(rule: type[Rule]) -> Table | None:
    fields = dataclasses.fields(rule.Options)
    if not fields:
        return None
    hints = typing.get_type_hints(rule.Options)
    ranges = option_ranges(rule.Options)
    docs = option_docs(rule.Options)
    table = Table(show_edge=False, header_style="bold")
    for column in ("option", "type", "default", "range", "description"):
        table.add_column(column)
    for field in fields:
        hint = hints[field.name]
        type_name = hint.__name__ if isinstance(hint, type) else str(hint)
        bound = str(ranges[field.name]) if field.name in ranges else ""
        doc = str(docs.get(field.name, ""))
        table.add_row(field.name.replace("_", "-"), type_name, repr(field.default), bound, doc)
    return table


def fix_label(rule: type[Rule]) -> str:
    """``safe`` (applied by --fix), ``unsafe`` (needs --unsafe-fixes) or ``none``."""
    return rule.fix_safety.value if rule.fix_safety is not None else "none"


def default_label(rule: type[Rule], plugin: str | None = None) -> str:
    """``on`` or ``off`` by default, or ``always`` for a finding of the engine; a rule of a
    *plugin* is off until selected."""
    if issubclass(rule, EngineFinding):
        return "always"
    return "on" if rule.enabled_by_default and plugin is None else "off"


def languages_label(rule: type[Rule]) -> str:
    """``all``, or the rule's language codes in order."""
    return "all" if rule.languages is None else ", ".join(sorted(rule.languages))


def gate_note(severity: Severity) -> str:
    """Whether findings of *severity* fail a run with the default ``fail-on``."""
    if severity is Severity.INFO:
        return "An info finding is reported but fails the run only with `--fail-on info`."
    article = "An" if severity is Severity.ERROR else "A"
    return f"{article} {severity.value} finding fails the run (exit code 1) by default."


def explanation(rule: type[Rule], plugin: str | None = None) -> Group:
    """Title, summary, what it finds, why, bad and good examples, options, fix safety,
    notes and the precision read on real articles; the distribution of a *plugin* rule."""
    docs = rule.docs
    parts: list[RenderableType] = [
        Text(f"{rule.code} {rule.name}", style="bold"),
        Text(rule.summary),
        Text(
            f"severity: {rule.severity.value} · enabled by default: "
            f"{_ENABLED[default_label(rule, plugin)]} · fix: {fix_label(rule)} · "
            f"languages: {languages_label(rule)}" + (f" · plugin: {plugin}" if plugin else ""),
            style="dim",
        ),
        Text(gate_note(rule.severity), style="dim"),
        Text(""),
        Text("What it finds", style="bold underline"),
        Text(docs.what),
        Text(""),
        Text("Why it matters", style="bold underline"),
        Text(docs.why),
    ]
    if docs.bad:
        parts += [
            Text(""),
            *_example("Bad (flagged)", docs.bad, "bold red"),
            *_example("Good (not flagged)", docs.good, "bold green"),
        ]
    table = option_table(rule)
    if table is not None:
        parts += [Text(""), Text("Options", style="bold underline"), table]
    if docs.fix:
        parts += [Text(""), Text("Fix safety", style="bold underline"), Text(docs.fix)]
    if docs.notes:
        parts += [Text(""), Text("Notes", style="bold underline"), Text(docs.notes)]
    if docs.precision:
        parts += [Text(""), Text(f"Precision: {docs.precision}", style="dim")]
    return Group(*parts)
