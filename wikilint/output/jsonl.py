"""JSON Lines: one finding per line, written as it arrives, for runs over whole wikis.

Each object has the keys of ``--format json`` plus ``revision`` (the revision id of a page
read from a dump or a wiki, else ``null``) and ``url`` (a link to a page of a wiki, else
``null``).
"""

from __future__ import annotations

import json

from wikilint.linter.results import FileResult
from wikilint.output.base import Formatter
from wikilint.output.json import finding_object


class JsonLinesFormatter(Formatter):
    machine_readable = True

    def file(self, result: FileResult) -> None:
        for finding in result.findings:
            record = {
                **finding_object(finding, result.path),
                "revision": result.revision,
                "url": result.url,
            }
            self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
