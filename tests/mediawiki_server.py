"""Start a real MediaWiki on a loopback port, with test pages, for the ``--site`` tests.

Needs PHP and Debian's MediaWiki (``apt-get install --no-install-recommends mediawiki
php-sqlite3 php-intl php-mbstring php-xml php-cli``). The installed code is used in place:
``MW_INSTALL_PATH`` and ``MW_CONFIG_FILE`` point it at a fresh SQLite wiki in a temporary
folder, and ``php -S`` serves it (``api.php`` answers at the root). Run it by hand to poke
at the wiki::

    python tests/mediawiki_server.py        # prints the URL and the revision ids; Ctrl-C stops
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

MEDIAWIKI = Path(os.environ.get("WIKILINT_MEDIAWIKI", "/usr/share/mediawiki"))
FIXTURES = Path(__file__).resolve().parent / "fixtures"
#: Fixture articles imported as pages of the test wiki.
ARTICLES = ("Pear", "Phonation")
#: A page whose history the ``--since`` tests read: each text is one more revision.
HISTORY_TITLE = "Drafting"
HISTORY = (
    "This page is a draft about fruit.\n\n"
    "The the first version of this page has one long sentence.\n\n"
    "[[Pear]] is a fruit that grows on trees in many places.\n\n[[Category:Fruit]]\n",
    # An edit that moves every old finding and brings one new one: "a a".
    "An opening line is new. This page is a draft about fruit.\n\n"
    "The the first version of this page has one long sentence.\n\n"
    "[[Pear]] is a fruit that grows on trees in many places. It is a a pome.\n\n"
    "[[Category:Fruit]]\n",
)
#: Redirect title -> target.
REDIRECTS = {"Pear tree": "Pear"}
CATEGORY_PAGES = {"Apple": "An apple is is a fruit.\n\n[[Category:Fruit]]\n"}


def missing() -> str | None:
    """Why no test wiki can start here, or ``None`` when it can."""
    if shutil.which("php") is None:
        return "php is not installed"
    if not (MEDIAWIKI / "maintenance" / "install.php").is_file():
        return f"MediaWiki is not installed at {MEDIAWIKI}"
    return None


@dataclass(frozen=True)
class Wiki:
    """A running test wiki."""

    url: str
    revisions: Mapping[str, tuple[int, ...]]
    """Each page's revision ids, oldest first."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _dump(pages: Mapping[str, str]) -> str:
    """An import XML of *pages*, title -> wikitext, one revision each."""
    body = "".join(
        f"<page><title>{escape(title)}</title><ns>0</ns><revision>"
        "<timestamp>2020-01-01T00:00:00Z</timestamp>"
        "<contributor><username>Admin</username></contributor>"
        "<model>wikitext</model><format>text/x-wiki</format>"
        f'<text xml:space="preserve">{escape(text)}</text></revision></page>\n'
        for title, text in pages.items()
    )
    header = '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10">'
    return f"{header}\n{body}</mediawiki>\n"


def _pages() -> dict[str, str]:
    pages = {
        title: (FIXTURES / "en" / f"{title}.wiki").read_text(encoding="utf-8-sig")
        for title in ARTICLES
    }
    pages.update((title, f"#REDIRECT [[{target}]]\n") for title, target in REDIRECTS.items())
    pages.update(CATEGORY_PAGES)
    pages[HISTORY_TITLE] = HISTORY[0]
    return pages


def _environment(folder: Path) -> dict[str, str]:
    """The installed MediaWiki code, configured by the wiki in *folder*."""
    return {
        **os.environ,
        "MW_INSTALL_PATH": str(MEDIAWIKI),
        "MW_CONFIG_FILE": str(folder / "LocalSettings.php"),
    }


def _php(folder: Path, *args: str, stdin: str | None = None) -> str:
    done = subprocess.run(
        ["php", *args],
        cwd=MEDIAWIKI,
        env=_environment(folder),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"php {args[0]} failed: {done.stdout[-2000:]}{done.stderr[-2000:]}")
    return done.stdout


def _revision_ids(url: str, title: str) -> tuple[int, ...]:
    query = f"{url}/api.php?action=query&prop=revisions&rvprop=ids&rvlimit=max&rvdir=newer"
    query += f"&format=json&formatversion=2&titles={urllib.request.quote(title)}"
    with urllib.request.urlopen(query, timeout=30) as answer:
        page = json.load(answer)["query"]["pages"][0]
    return tuple(revision["revid"] for revision in page["revisions"])


def _wait_until_up(url: str, server: subprocess.Popen[bytes], seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"php -S exited with code {server.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/api.php?action=query&format=json", timeout=5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"the test wiki did not answer at {url} within {seconds:g} s")


def install(folder: Path, url: str, language: str = "en") -> None:
    """Install an empty SQLite wiki served at *url*, configured by ``folder/LocalSettings.php``."""
    (folder / "db").mkdir()
    _php(
        folder,
        "maintenance/install.php",
        "--dbtype=sqlite",
        f"--dbpath={folder / 'db'}",
        "--dbname=wiki",
        f"--server={url}",
        "--scriptpath=",
        f"--lang={language}",
        "--pass=wikilint-test-password",
        f"--confpath={folder}",
        "TestWiki",
        "Admin",
    )


def edit(folder: Path, title: str, text: str) -> None:
    """Save *text* as a new revision of page *title* of the wiki in *folder*."""
    _php(folder, "maintenance/edit.php", "--summary=test edit", title, stdin=text)


@contextmanager
def serving(folder: Path, port: int) -> Iterator[str]:
    """Serve the wiki installed in *folder* with ``php -S`` on *port*; yield its URL."""
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        ["php", "-S", f"127.0.0.1:{port}", "-t", str(MEDIAWIKI)],
        cwd=folder,
        env=_environment(folder),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_until_up(url, server)
        yield url
    finally:
        server.terminate()
        server.wait(10)


@contextmanager
def running_wiki() -> Iterator[Wiki]:
    """Install a wiki in a temporary folder, import the test pages, serve it, then stop it."""
    with tempfile.TemporaryDirectory(prefix="wikilint-mediawiki-") as name:
        folder = Path(name)
        port = free_port()
        install(folder, f"http://127.0.0.1:{port}")
        dump = folder / "pages.xml"
        dump.write_text(_dump(_pages()), encoding="utf-8")
        _php(folder, "maintenance/importDump.php", str(dump))
        for text in HISTORY[1:]:
            edit(folder, HISTORY_TITLE, text)
        with serving(folder, port) as url:
            titles = (*ARTICLES, HISTORY_TITLE, *CATEGORY_PAGES)
            yield Wiki(url, {title: _revision_ids(url, title) for title in titles})


def require_mediawiki(tests: str, reason: str | None) -> None:
    """Skip *tests* for *reason* (why no wiki can start), or fail in CI (``CI=true``)."""
    if reason is None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI runs {tests} against a real MediaWiki, but {reason}")
    pytest.skip(f"{reason}: {tests} need a real MediaWiki (.ci/run installs one)")


@pytest.fixture(scope="session")
def wiki() -> Iterator[Wiki]:
    """One test wiki for the whole session; skipped without PHP, except in CI (``CI=true``)."""
    require_mediawiki("the --site tests", missing())
    with running_wiki() as running:
        yield running


def serve_until_interrupted() -> None:
    """Keep a server of the command line running until Ctrl-C or ``kill``, then clean up."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # runs the finally blocks
    print("Ctrl-C stops it.", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass


def main() -> None:
    reason = missing()
    if reason is not None:
        sys.exit(f"cannot start a test wiki: {reason}")
    with running_wiki() as wiki:
        print(f"MediaWiki at {wiki.url}/api.php")
        for title, revisions in wiki.revisions.items():
            print(f"  {title}: revisions {', '.join(map(str, revisions))}")
        serve_until_interrupted()


if __name__ == "__main__":
    main()
