"""Start a real Parsoid with linting on: the reference wikilint's Linter rules are measured by.

The same local MediaWiki as ``mediawiki_server.py`` (Debian's 1.39, SQLite, ``php -S`` on a
loopback port), with the Parsoid extension that ships in ``vendor/wikimedia/parsoid`` loaded
and ``$wgParsoidSettings['linting']`` on, Cite and ParserFunctions loaded, and the other
extension tags of Wikipedia (``<math>``, ``<syntaxhighlight>``, ...) opaque, as there.
Wikitext posted to
``/rest.php/127.0.0.1/v3/transform/wikitext/to/lint/{title}?offsetType=char`` comes back as
Parsoid's lints; ``char`` offsets count code points, as Python string indices do. The wiki's
content language follows the ``X-Wiki-Language`` request header (namespace names and image
options are localised), so one server lints every language of the corpus. The wiki has one
template (:data:`TEMPLATES`); any other transclusion is a red link whose arguments Parsoid
never parses, so lints that need template output do not appear.

Run it by hand to poke at it::

    python tests/parsoid_server.py [--port 8142]    # prints the URL; Ctrl-C or kill stops it
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from mediawiki_server import (
    MEDIAWIKI,
    edit,
    free_port,
    install,
    require_mediawiki,
    serve_until_interrupted,
    serving,
)
from mediawiki_server import missing as mediawiki_missing

PARSOID = MEDIAWIKI / "vendor" / "wikimedia" / "parsoid"
#: The ``{domain}`` of a REST path: Parsoid accepts only the wiki's own server name.
DOMAIN = "127.0.0.1"
LANGUAGE_HEADER = "X-Wiki-Language"
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]+)*")
SETTINGS = """
wfLoadExtension( 'Parsoid', "$IP/vendor/wikimedia/parsoid/extension.json" );
// The extension tags of Wikipedia's articles, opaque as there (Parsoid has its own Cite,
// Poem, Gallery, ImageMap and LST): their content is not wikitext. A stand-in that prints the
// content keeps each tag fast and offline (the real Math costs 0.15 s a formula). It prints it
// on one line in the element the real extension makes (a <span> for a formula, a <div> for a
// block), since Parsoid reads a legacy tag's output as block-level text: a formula printed bare
// that starts with "*" or " " became a list or a <pre>, which a formula never is.
wfLoadExtensions( [ 'Cite', 'ParserFunctions' ] );
$wgHooks['ParserFirstCallInit'][] = static function ( Parser $parser ) {
	$inline = [ 'ce', 'charinsert', 'chem', 'langconvert', 'maplink', 'math' ];
	foreach ( [ 'categorytree', 'ce', 'charinsert', 'chem', 'graph', 'hiero', 'inputbox',
		'langconvert', 'mapframe', 'maplink', 'math', 'score', 'source', 'syntaxhighlight',
		'templatedata', 'templatestyles', 'timeline' ] as $tag
	) {
		$element = in_array( $tag, $inline, true ) ? 'span' : 'div';
		$parser->setHook( $tag, static function ( $text ) use ( $element ) {
			$content = str_replace( "\\n", '&#10;', htmlspecialchars( (string)$text ) );
			return "<$element>$content</$element>";
		} );
	}
};
$wgParsoidSettings = [ 'linting' => true ];
// One server for every language of the corpus: the request names the content language.
$wikilintLanguage = $_SERVER['HTTP_X_WIKI_LANGUAGE'] ?? '';
if ( preg_match( '/^[a-z]{2,3}(-[a-z0-9]+)*$/D', $wikilintLanguage ) ) {
\t$wgLanguageCode = $wikilintLanguage;
}
"""

#: The wiki's only templates, for the tests of lints in template output.
TEMPLATES = {"Template:Unclosed bold": "<b>bold"}


@dataclass(frozen=True)
class Lint:
    """One lint of Parsoid; offsets are code points into the posted wikitext."""

    type: str
    start: int
    end: int
    open_width: int
    close_width: int
    params: Mapping[str, Any] = field(default_factory=dict)
    template_info: Mapping[str, Any] | None = None
    """Set when the lint is in a template's output; the span is then the transclusion's."""

    @property
    def dsr(self) -> tuple[int, int, int, int]:
        return (self.start, self.end, self.open_width, self.close_width)

    @classmethod
    def from_json(cls, lint: Mapping[str, Any]) -> Lint:
        start, end, open_width, close_width = (int(part or 0) for part in lint["dsr"])
        return cls(
            lint["type"].removeprefix("lint/"),  # 1.39 types one category lint/multi-colon-escape
            start,
            end,
            open_width,
            close_width,
            lint.get("params") or {},
            lint.get("templateInfo"),
        )


def missing() -> str | None:
    """Why no Parsoid can start here, or ``None`` when it can."""
    reason = mediawiki_missing()
    if reason is None and not (PARSOID / "extension.json").is_file():
        reason = f"Parsoid is not installed at {PARSOID}"
    return reason


def parsoid_lints(
    url: str, wikitext: str, language: str = "en", title: str = "Lint", timeout: float = 120
) -> list[Lint]:
    """Parsoid's lints of *wikitext*, parsed as page *title* of a wiki in *language*."""
    if not LANGUAGE_CODE.fullmatch(language):
        raise ValueError(f"not a wiki language code: {language!r}")
    request = urllib.request.Request(
        f"{url}/rest.php/{DOMAIN}/v3/transform/wikitext/to/lint/{quote(title, safe='')}"
        "?offsetType=char",
        data=json.dumps({"wikitext": wikitext}).encode(),
        headers={"Content-Type": "application/json", LANGUAGE_HEADER: language},
    )
    with urllib.request.urlopen(request, timeout=timeout) as answer:
        return [Lint.from_json(lint) for lint in json.load(answer)]


@contextmanager
def running_parsoid(port: int | None = None) -> Iterator[str]:
    """Install a wiki with Parsoid linting on in a temporary folder, serve it, yield its URL."""
    with tempfile.TemporaryDirectory(prefix="wikilint-parsoid-") as name:
        folder = Path(name)
        port = port or free_port()
        install(folder, f"http://{DOMAIN}:{port}")
        with (folder / "LocalSettings.php").open("a", encoding="utf-8") as settings:
            settings.write(SETTINGS)
        for title, text in TEMPLATES.items():
            edit(folder, title, text)
        with serving(folder, port) as url:
            yield url


@pytest.fixture(scope="session")
def parsoid() -> Iterator[str]:
    """The URL of one Parsoid for the whole session; skipped without it, except in CI."""
    require_mediawiki("the Parsoid differential tests", missing())
    with running_parsoid() as url:
        yield url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, help="loopback port (default: a free one)")
    port = parser.parse_args().port
    reason = missing()
    if reason is not None:
        raise SystemExit(f"cannot start Parsoid: {reason}")
    with running_parsoid(port) as url:
        print(f"Parsoid at {url}/rest.php/{DOMAIN}/v3/transform/wikitext/to/lint/TITLE")
        print(f"  e.g. curl -H '{LANGUAGE_HEADER}: de' --data-urlencode 'wikitext=<b>x' URL")
        serve_until_interrupted()


if __name__ == "__main__":
    main()
