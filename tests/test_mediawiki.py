"""The Action API client, against a real MediaWiki (and a loopback stub for HTTP errors)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar
from urllib.parse import parse_qs, urlsplit

import pytest
from mediawiki_server import HISTORY, HISTORY_TITLE, Wiki

from wikilint.inputs import wiki_api as mediawiki
from wikilint.inputs.wiki_api import Site, SiteError, user_agent


def test_site_information(wiki: Wiki) -> None:
    site = Site(wiki.url)
    assert site.endpoint == f"{wiki.url}/api.php"
    assert site.info.language == "en"
    assert site.info.page_url("Pear tree") == f"{wiki.url}/index.php/Pear_tree"
    assert site.info.revision_url(7, since=6) == f"{wiki.url}/index.php?diff=7&oldid=6"


def test_titles_go_50_a_request_and_come_back_in_order(wiki: Wiki) -> None:
    # The API refuses more than 50 titles a request: 120 pass only in batches.
    titles = ["Pear", *(f"Absent {number}" for number in range(118)), "Phonation"]
    site = Site(wiki.url)
    site.endpoint  # noqa: B018 - found first, so that only the queries are counted
    calls = []
    get = site.session.get
    site.session.get = lambda *args, **kwargs: calls.append(kwargs) or get(*args, **kwargs)  # type: ignore[method-assign]
    answers = list(site.latest(titles))
    assert len(calls) == 3
    assert [answer.asked for answer in answers] == titles
    assert answers[0].revision is not None and answers[0].revision.title == "Pear"
    assert answers[-1].revision is not None
    assert answers[-1].revision.revision == wiki.revisions["Phonation"][-1]
    assert {answer.problem for answer in answers[1:-1]} == {"no such page"}


def test_a_redirect_is_followed_and_marked(wiki: Wiki) -> None:
    [answer] = Site(wiki.url).latest(["Pear tree"])
    assert answer.redirected
    assert answer.revision is not None and answer.revision.title == "Pear"


def test_a_revision_by_id(wiki: Wiki) -> None:
    first = wiki.revisions[HISTORY_TITLE][0]
    revision = Site(wiki.url).revision(first)
    assert (revision.title, revision.revision, revision.text) == (HISTORY_TITLE, first, HISTORY[0])
    with pytest.raises(SiteError, match=r"^http://127\.0\.0\.1:\d+: no revision 99999$"):
        Site(wiki.url).revision(99999)


def test_category_members(wiki: Wiki) -> None:
    assert Site(wiki.url).category_members("Fruit", {0}) == ["Apple", HISTORY_TITLE]
    assert Site(wiki.url).category_members("Category:Fruit", None) == ["Apple", HISTORY_TITLE]


def test_maxlag_answers_are_retried_then_given_up(wiki: Wiki) -> None:
    # A wiki without replicas reports a lag of -1 s: more than -2, so it says "maxlag".
    site = Site(wiki.url, maxlag=-2, retries=2, max_wait=0)
    with pytest.raises(SiteError) as raised:
        site.endpoint  # noqa: B018
    assert str(raised.value) == (
        f"{wiki.url}/api.php: the database is lagged (maxlag) after 3 tries"
    )


class _Stub(BaseHTTPRequestHandler):
    """Answers with the queued statuses, then with a MediaWiki's site information."""

    statuses: ClassVar[list[int]] = []
    requests: ClassVar[list[tuple[dict[str, list[str]], str]]] = []
    trickle: ClassVar[bool] = False
    """Send the body a byte every 0.1 s, for ever."""

    def do_GET(self) -> None:
        _Stub.requests.append((parse_qs(urlsplit(self.path).query), self.headers["User-Agent"]))
        status = _Stub.statuses.pop(0) if _Stub.statuses else 200
        body = json.dumps(
            {"query": {"general": {"generator": "MediaWiki 1.39.0", "lang": "fr", "server": "//x"}}}
        )
        self.send_response(status)
        if status == 429:
            self.send_header("Retry-After", "0")
        self.end_headers()
        while _Stub.trickle:
            self.wfile.write(b" ")
            self.wfile.flush()
            time.sleep(0.1)
        self.wfile.write(body.encode())

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def stub() -> Iterator[str]:
    _Stub.statuses, _Stub.requests, _Stub.trickle = [], [], False
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Stub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/api.php"
    _Stub.trickle = False
    server.shutdown()
    server.server_close()


def test_429_and_5xx_are_retried_with_our_user_agent_and_maxlag(stub: str) -> None:
    _Stub.statuses = [429, 503, 502]
    site = Site(stub, retries=3, backoff=0)
    assert site.info.language == "fr"
    assert site.info.server == "http://x"  # a protocol-relative server takes our scheme
    assert len(_Stub.requests) == 4
    query, agent = _Stub.requests[-1]
    assert agent == user_agent() and agent.startswith("wikilint/")
    assert query["maxlag"] == ["5"]
    assert query["formatversion"] == ["2"]


def test_errors_that_persist_end_in_one_line(stub: str) -> None:
    _Stub.statuses = [500] * 3
    with pytest.raises(SiteError) as raised:
        Site(stub, retries=2, backoff=0).endpoint  # noqa: B018
    assert str(raised.value) == f"{stub}: server error (HTTP 500) after 3 tries"


def test_an_answer_that_trickles_meets_the_deadline(stub: str) -> None:
    _Stub.trickle = True
    started = time.monotonic()
    with pytest.raises(SiteError) as raised:
        Site(stub, timeout=1).endpoint  # noqa: B018
    assert time.monotonic() - started < 3
    assert str(raised.value).startswith(f"{stub}?action=query")
    assert str(raised.value).endswith(": an answer slower than 1 s")


def test_an_answer_too_large_is_refused(stub: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mediawiki, "MAX_ANSWER", 50)
    with pytest.raises(SiteError) as raised:
        Site(stub).endpoint  # noqa: B018
    assert str(raised.value).endswith(": an answer over 50 bytes")
