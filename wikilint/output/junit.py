"""JUnit XML, valid by the schema of Jenkins' xUnit plugin (``junit-10.xsd``).

One test suite per input, one test case per finding: a ``<failure>``, or an ``<error>``
for an unreadable input, a crash inside wikilint (WL000) or an article not linted
(WL002). An input without findings is one passing case. Each case's ``classname`` is the
input's path as a dotted name, so Jenkins shows folders as packages and articles as classes.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any
from xml.etree import ElementTree

from wikilint.inputs.files import STDIN
from wikilint.linter.engine import is_engine_error
from wikilint.linter.results import FileResult, Summary
from wikilint.output.base import Formatter

#: The package every class name starts with: articles in the current folder are not
#: left in Jenkins' "(root)" package.
PACKAGE = "wikilint"
_COUNTS = ("tests", "failures", "errors")

#: Endings of wikitext files, dropped from class names (``.txt`` is read when named).
_WIKITEXT_SUFFIXES = frozenset({".wiki", ".wikitext", ".mediawiki", ".txt"})


def classname(path: str) -> str:
    """``articles/Moon.wiki`` becomes ``wikilint.articles.Moon``.

    Folders are packages; a wikitext suffix is dropped and the dots left in a name
    become underscores, as a dot would start another package.
    """
    if path == STDIN:
        return f"{PACKAGE}.stdin"
    pure = PurePath(path)
    if pure.suffix in _WIKITEXT_SUFFIXES:
        pure = pure.with_suffix("")
    parts = [part.replace(".", "_") for part in pure.parts if part not in {pure.anchor, ".", ".."}]
    return ".".join([PACKAGE, *parts])


class JunitFormatter(Formatter):
    machine_readable = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._root = ElementTree.Element("testsuites", name=PACKAGE)

    def file(self, result: FileResult) -> None:
        suite = ElementTree.SubElement(self._root, "testsuite", name=result.path, file=result.path)
        owner = classname(result.path)
        if result.error is not None:
            case = ElementTree.SubElement(suite, "testcase", name="read", classname=owner)
            ElementTree.SubElement(case, "error", message=result.error, type="input-error")
        elif not result.findings:
            ElementTree.SubElement(suite, "testcase", name=PACKAGE, classname=owner)
        for finding in result.findings:
            where = finding.location
            case = ElementTree.SubElement(
                suite,
                "testcase",
                name=f"{finding.code} {finding.rule} at {where.line}:{where.column}",
                classname=owner,
            )
            kind = "error" if is_engine_error(finding) else "failure"
            problem = ElementTree.SubElement(
                case, kind, message=finding.message, type=finding.severity.value
            )
            problem.text = f"{result.path}:{where.line}:{where.column} {finding.message}"
        suite.set("tests", str(len(suite)))
        suite.set("failures", str(len(suite.findall("testcase/failure"))))
        suite.set("errors", str(len(suite.findall("testcase/error"))))

    def finish(self, summary: Summary) -> None:
        for count in _COUNTS:
            self._root.set(count, str(sum(int(suite.get(count, "0")) for suite in self._root)))
        ElementTree.indent(self._root)
        self.stream.write(
            ElementTree.tostring(self._root, encoding="unicode", xml_declaration=True)
        )
        self.stream.write("\n")
