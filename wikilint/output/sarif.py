"""SARIF 2.1.0, the format code-scanning services (GitHub, Azure DevOps) read."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from wikilint import __version__
from wikilint.linter.finding import Finding, Location, Severity
from wikilint.linter.registry import discover
from wikilint.linter.results import FileResult, Summary
from wikilint.linter.rule import Rule
from wikilint.output.base import Formatter

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
HOME = "https://github.com/wikilint/wikilint"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def help_uri(rule: type[Rule]) -> str:
    return f"{HOME}/blob/main/docs/rules.md#{rule.code.lower()}-{rule.name}"


def rule_descriptor(rule: type[Rule], plugin: str | None = None) -> dict[str, Any]:
    docs = rule.docs
    markdown = (
        f"{docs.what}\n\n**Why:** {docs.why}\n\n**Bad:**\n\n```\n{docs.bad.rstrip()}\n```\n\n"
        f"**Good:**\n\n```\n{docs.good.rstrip()}\n```"
    )
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": docs.what},
        "help": {"text": f"{docs.what}\n\nWhy: {docs.why}", "markdown": markdown},
        "helpUri": help_uri(rule),
        "defaultConfiguration": {
            "level": LEVELS[rule.severity],
            "enabled": rule.enabled_by_default and plugin is None,
        },
    }


def region(location: Location) -> dict[str, int]:
    return {
        "startLine": location.line,
        "startColumn": location.column,
        "endLine": location.end_line,
        "endColumn": location.end_column,
        "charOffset": location.offset,
        "charLength": location.end_offset - location.offset,
    }


def artifact(path: str) -> dict[str, str]:
    return {"uri": quote(path.replace("\\", "/"))}


def physical_location(path: str, location: Location) -> dict[str, Any]:
    return {"artifactLocation": artifact(path), "region": region(location)}


class SarifFormatter(Formatter):
    machine_readable = True
    describes_rules = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._results: list[dict[str, Any]] = []

    def file(self, result: FileResult) -> None:
        self._results.extend(self._result(finding, result.path) for finding in result.findings)

    def _result(self, finding: Finding, path: str) -> dict[str, Any]:
        entry: dict[str, Any] = {
            "ruleId": finding.code,
            "level": LEVELS[finding.severity],
            "message": {"text": finding.message},
            "locations": [{"physicalLocation": physical_location(path, finding.location)}],
        }
        if finding.related:
            entry["relatedLocations"] = [
                {
                    "id": number,
                    "message": {"text": related.message},
                    "physicalLocation": physical_location(path, related.location),
                }
                for number, related in enumerate(finding.related)
            ]
        if finding.fix is not None:
            entry["fixes"] = [
                {
                    "description": {"text": finding.fix.description},
                    "artifactChanges": [
                        {
                            "artifactLocation": artifact(path),
                            "replacements": [
                                {
                                    "deletedRegion": {
                                        "charOffset": edit.start,
                                        "charLength": edit.end - edit.start,
                                    },
                                    "insertedContent": {"text": edit.replacement},
                                }
                                for edit in finding.fix.edits
                            ],
                        }
                    ],
                }
            ]
        return entry

    def finish(self, summary: Summary) -> None:
        rules = sorted(self.known_rules.values() or discover().rules, key=lambda rule: rule.code)
        index = {rule.code: number for number, rule in enumerate(rules)}
        for entry in self._results:
            if entry["ruleId"] in index:
                entry["ruleIndex"] = index[entry["ruleId"]]
        document = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "wikilint",
                            "version": __version__,
                            "informationUri": HOME,
                            "rules": [
                                rule_descriptor(rule, self.plugin_rules.get(rule)) for rule in rules
                            ],
                        }
                    },
                    "columnKind": "unicodeCodePoints",
                    "results": self._results,
                }
            ],
        }
        json.dump(document, self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")
