"""``wikilint check --site URL TITLE...``: pages of a real MediaWiki, linted like files."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import Result
from helpers import FIXTURES
from mediawiki_server import HISTORY_TITLE, Wiki, free_port

Run = Callable[..., Result]

DRAFT_NEW = 'Drafting:5:65 WL103 doubled-word "a" is written twice in a row'
DRAFT_OLD = ['Drafting:3:5 WL103 doubled-word "the" is written twice in a row']


def concise(run: Run, *args: str) -> tuple[int, list[str], list[str]]:
    result = run("check", "--format", "concise", "--no-color", *args)
    return result.exit_code, result.stdout.splitlines(), result.stderr.splitlines()


def doubled(run: Run, *args: str) -> tuple[int, list[str], list[str]]:
    """:func:`concise` of the doubled-word findings alone: the pages' planted mistakes."""
    return concise(run, "--select", "WL103", *args)


def test_pages_are_linted_like_the_same_text_in_files(run: Run, wiki: Wiki) -> None:
    code, lines, errors = concise(run, "--site", wiki.url, "Pear", "Phonation")
    files = [str(FIXTURES / "en" / f"{title}.wiki") for title in ("Pear", "Phonation")]
    expected = run("check", "--format", "concise", *files).stdout
    for title, file in zip(("Pear", "Phonation"), files, strict=True):
        expected = expected.replace(f"{file}:", f"{title}:")
    assert (code, errors) == (1, [])
    assert len(lines) > 10
    assert lines == expected.splitlines()


def test_findings_carry_title_revision_and_link(run: Run, wiki: Wiki) -> None:
    result = run("check", "--site", wiki.url, "--format", "jsonl", "Pear")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records
    assert {(r["path"], r["revision"], r["url"]) for r in records} == {
        ("Pear", wiki.revisions["Pear"][-1], f"{wiki.url}/index.php/Pear")
    }
    full = run("check", "--site", wiki.url, "--format", "full", "--no-color", "Pear")
    assert full.stdout.splitlines()[0] == (
        f"Pear (revision {wiki.revisions['Pear'][-1]}) {wiki.url}/index.php/Pear"
    )


def test_since_reports_only_what_the_later_edits_brought(run: Run, wiki: Wiki) -> None:
    first, latest = wiki.revisions[HISTORY_TITLE]
    assert doubled(run, "--site", wiki.url, HISTORY_TITLE) == (1, [*DRAFT_OLD, DRAFT_NEW], [])
    assert doubled(run, "--site", wiki.url, "--since", str(first), HISTORY_TITLE) == (
        1,
        [DRAFT_NEW],
        [],
    )
    # The revision names the page; the link is to the diff.
    result = run("check", "--site", wiki.url, "--since", str(first), "--format", "jsonl")
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert (record["revision"], record["url"]) == (
        latest,
        f"{wiki.url}/index.php?diff={latest}&oldid={first}",
    )


def test_since_up_to_a_revision_with_no_new_findings(run: Run, wiki: Wiki) -> None:
    first, _ = wiki.revisions[HISTORY_TITLE]
    args = ("--site", wiki.url, "--since", str(first), "--revision", str(first))
    assert concise(run, *args) == (0, [], [])


def test_an_old_revision(run: Run, wiki: Wiki) -> None:
    first, _ = wiki.revisions[HISTORY_TITLE]
    assert doubled(run, "--site", wiki.url, "--revision", str(first)) == (1, DRAFT_OLD, [])


def test_pages_of_a_category_and_of_a_list_file(run: Run, wiki: Wiki, tmp_path: Path) -> None:
    apple = 'Apple:1:13 WL103 doubled-word "is" is written twice in a row'
    draft = [*DRAFT_OLD, DRAFT_NEW]
    assert doubled(run, "--site", wiki.url, "--category", "Fruit") == (1, [apple, *draft], [])
    (tmp_path / "titles.txt").write_text("# fruit\nApple\n\n  Drafting \n", encoding="utf-8")
    assert doubled(run, "--site", wiki.url, "--titles-from", "titles.txt") == (
        1,
        [apple, *draft],
        [],
    )


def test_the_site_may_come_from_the_configuration(run: Run, wiki: Wiki, tmp_path: Path) -> None:
    (tmp_path / ".wikilint.toml").write_text(f'site = "{wiki.url}"\n', encoding="utf-8")
    assert concise(run, "--category", "Fruit")[1][0].startswith("Apple:1:13 WL103")


def test_the_site_key_is_a_string(run: Run, tmp_path: Path) -> None:
    (tmp_path / "good").mkdir()
    (tmp_path / "good" / ".wikilint.toml").write_text('site = "http://127.0.0.1:9"\n')
    assert json.loads(run("config", "good").stdout)["site"] == "http://127.0.0.1:9"
    (tmp_path / ".wikilint.toml").write_text("site = 3\n")
    result = run("check", "--category", "Fruit")
    assert (result.exit_code, result.stderr) == (
        2,
        f"wikilint: error: {tmp_path / '.wikilint.toml'}: site: expected a string, got 3\n",
    )


def test_a_missing_page_is_one_line_and_exit_2(run: Run, wiki: Wiki) -> None:
    code, lines, errors = concise(run, "--site", wiki.url, "No such page", "Apple")
    assert code == 2
    assert errors == [f"wikilint: error: No such page: no such page on {wiki.url}"]
    assert lines == ['Apple:1:13 WL103 doubled-word "is" is written twice in a row']


def test_a_redirect_is_followed_and_said(run: Run, wiki: Wiki) -> None:
    code, lines, errors = concise(run, "--site", wiki.url, "Pear tree")
    assert code == 2
    assert errors == ["wikilint: error: Pear tree: a redirect to Pear; checked Pear"]
    assert lines == concise(run, "--site", wiki.url, "Pear")[1]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--revision", "99999"), "{url}: no revision 99999"),
        (("--since", "{first}", "Apple"), "revision {latest} is of 'Drafting', not 'Apple'"),
        (("--category", "Vegetables"), "{url}: no pages in category 'Vegetables'"),
        (("--titles-from", "absent.txt"), "absent.txt: cannot read (No such file or directory)"),
        (("--fix", "Apple"), "--fix and --diff change files; pages of a site are only checked"),
        ((), "no pages to check: give titles, --titles-from, --category or --revision"),
    ],
)
def test_bad_requests_are_one_line_and_exit_2(
    run: Run, wiki: Wiki, args: tuple[str, ...], message: str
) -> None:
    first, latest = wiki.revisions[HISTORY_TITLE]
    filled = [arg.format(first=first) for arg in args]
    result = run("check", "--site", wiki.url, *filled)
    expected = message.format(url=wiki.url, latest=latest)
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"wikilint: error: {expected}\n",
    )


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def plain_site(tmp_path: Path) -> Iterator[str]:
    """What ``python -m http.server`` serves: a folder with an HTML page, no wiki."""
    (tmp_path / "index.html").write_text("<p>Not a wiki.</p>\n", encoding="utf-8")
    handler = partial(_QuietHandler, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_site_that_is_not_a_mediawiki(run: Run, plain_site: str) -> None:
    result = run("check", "--site", plain_site, "Pear")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"wikilint: error: {plain_site} is not a MediaWiki site "
        f"(no Action API at {plain_site}/api.php)\n",
    )


def test_no_network(run: Run) -> None:
    closed = f"http://127.0.0.1:{free_port()}"
    result = run("check", "--site", closed, "Pear")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"wikilint: error: cannot reach {closed}/w/api.php: Connection refused\n",
    )


def test_live_options_need_a_site(run: Run) -> None:
    result = run("check", "--category", "Fruit")
    assert (result.exit_code, result.stderr) == (
        2,
        "wikilint: error: no site to read pages from: give --site URL or set 'site' in the "
        "config\n",
    )


@pytest.mark.parametrize("option", ["--revision", "--since"])
@pytest.mark.parametrize("value", ["0", "-5"])
def test_revision_ids_are_positive(run: Run, option: str, value: str) -> None:
    result = run("check", "--site", f"http://127.0.0.1:{free_port()}", option, value, "Pear")
    assert (result.exit_code, result.stderr) == (
        2,
        f"wikilint: error: invalid value for '{option}': {value} is not in the range x>=1\n",
    )
