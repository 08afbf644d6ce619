"""JUnit XML: one test suite per file, one failing test case per finding."""

from __future__ import annotations

from typing import Any
from xml.etree import ElementTree

from wikilint.output.base import Formatter
from wikilint.results import FileResult, Summary


class JunitFormatter(Formatter):
    machine_readable = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._root = ElementTree.Element("testsuites", name="wikilint")

    def file(self, result: FileResult) -> None:
        suite = ElementTree.SubElement(
            self._root, "testsuite", name=result.path, tests=str(max(1, len(result.findings)))
        )
        suite.set("failures", str(len(result.findings)))
        if result.error is not None:
            case = ElementTree.SubElement(suite, "testcase", name="read", classname=result.path)
            ElementTree.SubElement(case, "error", message=result.error)
        if not result.findings and result.error is None:
            ElementTree.SubElement(suite, "testcase", name="wikilint", classname=result.path)
        for finding in result.findings:
            where = finding.location
            case = ElementTree.SubElement(
                suite,
                "testcase",
                name=f"{finding.code} {finding.rule} at {where.line}:{where.column}",
                classname=result.path,
            )
            failure = ElementTree.SubElement(
                case, "failure", message=finding.message, type=finding.severity.value
            )
            failure.text = f"{result.path}:{where.line}:{where.column} {finding.message}"

    def finish(self, summary: Summary) -> None:
        self._root.set("tests", str(sum(int(s.get("tests", "0")) for s in self._root)))
        self._root.set("failures", str(summary.findings))
        ElementTree.indent(self._root)
        self.stream.write(
            ElementTree.tostring(self._root, encoding="unicode", xml_declaration=True)
        )
        self.stream.write("\n")
