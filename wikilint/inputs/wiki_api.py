"""A small client of the MediaWiki Action API: site information and page revisions.

Plain ``requests`` rather than ``mwclient`` or ``mwapi``: this needs three queries, and it
must fail fast and clearly. ``mwclient`` retries a refused connection up to 25 times with
growing sleeps (minutes before saying "no network"), gives up at once on HTTP 429, and
makes two requests before the first query; ``mwapi`` (last release 2022) has no retries.
Here every request sends ``maxlag`` and a descriptive User-Agent, and 429, 5xx and
``maxlag`` answers are retried with backoff (honouring ``Retry-After``).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from wikilint import __version__

if TYPE_CHECKING:  # requests is imported when a site is read: it takes 0.1 s to import
    import requests

#: Titles per ``prop=revisions`` request: the API's limit for clients without ``apihighlimits``.
TITLES_PER_REQUEST = 50
#: The largest answer read: the API's own limit is 8 MiB ($wgAPIMaxResultSize).
MAX_ANSWER = 64 * 2**20
CHUNK = 2**16
#: Seconds a replica may lag before the API asks us to wait (Wikimedia recommends 5).
MAXLAG = 5


class SiteError(Exception):
    """A site that cannot be used: unreachable, not a MediaWiki, or refusing a request."""


@dataclass(frozen=True, slots=True)
class Revision:
    """One revision of a page, with its wikitext."""

    title: str
    page_id: int
    revision: int
    text: str


@dataclass(frozen=True, slots=True)
class PageAnswer:
    """What the site says about one requested title.

    ``revision`` is ``None`` when the page does not exist (``problem`` says why);
    ``redirected`` is set when *asked* is a redirect that was followed.
    """

    asked: str
    revision: Revision | None
    redirected: bool = False
    problem: str = ""


@dataclass(frozen=True, slots=True)
class SiteInfo:
    """The parts of ``meta=siteinfo`` a lint run needs."""

    name: str
    language: str
    server: str
    article_path: str
    script: str

    def page_url(self, title: str) -> str:
        return self.server + self.article_path.replace("$1", _encode(title))

    def revision_url(self, revision: int, since: int | None = None) -> str:
        """A link to one revision, or to the diff from revision *since* to it."""
        query = f"oldid={revision}" if since is None else f"diff={revision}&oldid={since}"
        return f"{self.server}{self.script}?{query}"


def _encode(title: str) -> str:
    """A title as MediaWiki writes it in a URL (``wfUrlencode``)."""
    return quote(title.replace(" ", "_"), safe=";@$!*(),/~:")


class Site:
    """One wiki's Action API, found from the wiki's address or given as ``.../api.php``."""

    def __init__(
        self,
        url: str,
        *,
        retries: int = 5,
        backoff: float = 1.0,
        max_wait: float = 60.0,
        timeout: float = 60.0,
        maxlag: int = MAXLAG,
    ) -> None:
        self.url = url if "://" in url else f"https://{url}"
        self.retries = retries
        self.backoff = backoff
        self.max_wait = max_wait
        self.timeout = timeout
        self.maxlag = maxlag
        import requests

        self.session = requests.Session()
        self.session.headers["User-Agent"] = user_agent()

    @cached_property
    def _found(self) -> tuple[str, dict[str, Any]]:
        """The ``api.php`` address (the URL itself, or ``/w/api.php`` or ``/api.php`` under
        it) and the site information it gave."""
        base = self.url.rstrip("/")
        candidates = [base] if base.endswith(".php") else [f"{base}/w/api.php", f"{base}/api.php"]
        for candidate in candidates:
            general = self._siteinfo(candidate)
            if general is not None:
                return candidate, general
        raise SiteError(f"{self.url} is not a MediaWiki site (no Action API at {candidates[-1]})")

    @property
    def endpoint(self) -> str:
        return self._found[0]

    @cached_property
    def info(self) -> SiteInfo:
        endpoint, general = self._found
        server = general.get("server", "")
        return SiteInfo(
            name=general.get("sitename", ""),
            language=general.get("lang", "en"),
            server=f"{urlsplit(endpoint).scheme}:{server}" if server.startswith("//") else server,
            article_path=general.get("articlepath", "/wiki/$1"),
            script=general.get("script", "/w/index.php"),
        )

    def _siteinfo(self, endpoint: str) -> dict[str, Any] | None:
        """The ``general`` site information at *endpoint*, or ``None`` when no API answers."""
        document = self._get(endpoint, {"action": "query", "meta": "siteinfo"})
        try:
            general = document["query"]["general"]
            generator = general.get("generator", "")
        except (KeyError, TypeError, AttributeError):
            return None
        return general if isinstance(generator, str) and generator.startswith("MediaWiki") else None

    def latest(self, titles: Sequence[str]) -> Iterator[PageAnswer]:
        """The current revision of each title, in order, following redirects."""
        for start in range(0, len(titles), TITLES_PER_REQUEST):
            yield from self._batch(titles[start : start + TITLES_PER_REQUEST])

    def _batch(self, titles: Sequence[str]) -> Iterator[PageAnswer]:
        params = {"titles": "|".join(titles), "redirects": "1", **_REVISION_PROPS}
        normalized: dict[str, str] = {}
        redirects: dict[str, str] = {}
        pages: dict[str, dict[str, Any]] = {}
        for query in self._query(params):
            normalized.update((item["from"], item["to"]) for item in query.get("normalized", []))
            redirects.update((item["from"], item["to"]) for item in query.get("redirects", []))
            for page in query.get("pages", []):
                pages.setdefault(page["title"], {}).update(page)
        for asked in titles:
            title = normalized.get(asked, asked)
            target = redirects.get(title, title)
            page = pages.get(target, {})
            revision = _revision(page)
            problem = "" if revision is not None else _problem(page)
            yield PageAnswer(asked, revision, target != title, problem)

    def revision(self, revision_id: int) -> Revision:
        """One revision by its id."""
        params = {"revids": str(revision_id), **_REVISION_PROPS}
        query = self._call({"action": "query", **params}).get("query", {})
        if query.get("badrevids"):
            raise SiteError(f"{self.url}: no revision {revision_id}")
        pages = query.get("pages", [])
        revision = _revision(pages[0]) if pages else None
        if revision is None:
            raise SiteError(f"{self.url}: the text of revision {revision_id} is not readable")
        return revision

    def category_members(self, category: str, namespaces: Iterable[int] | None) -> list[str]:
        """The titles in a category (``Category:`` may be left out), in the site's order."""
        title = category if category.lower().startswith("category:") else f"Category:{category}"
        params = {"list": "categorymembers", "cmtitle": title, "cmlimit": "max", "cmprop": "title"}
        if namespaces is not None:
            params["cmnamespace"] = "|".join(map(str, sorted(namespaces)))
        return [
            member["title"]
            for query in self._query(params)
            for member in query.get("categorymembers", [])
        ]

    def _query(self, params: Mapping[str, str]) -> Iterator[dict[str, Any]]:
        """Each ``query`` part of an ``action=query``, following continuations."""
        continuation: dict[str, str] = {}
        while True:
            answer = self._call({"action": "query", **params, **continuation})
            yield answer.get("query", {})
            if "continue" not in answer:
                return
            continuation = answer["continue"]

    def _call(self, params: Mapping[str, str]) -> dict[str, Any]:
        answer = self._get(self.endpoint, params)
        if not isinstance(answer, dict):
            raise SiteError(f"{self.endpoint}: the answer is not a JSON object")
        error = answer.get("error")
        if error is not None:
            raise SiteError(f"{self.endpoint}: {error.get('code')}: {error.get('info')}")
        return answer

    def _get(self, endpoint: str, params: Mapping[str, str]) -> Any:
        """The JSON document a GET answers (``None``: not JSON), retried on 429, 5xx and
        ``maxlag``; an unreachable site fails at once."""
        import requests

        query = {**params, "format": "json", "formatversion": "2", "maxlag": str(self.maxlag)}
        for attempt in range(self.retries + 1):
            try:
                with self.session.get(
                    endpoint, params=query, timeout=self.timeout, stream=True
                ) as response:
                    busy = _busy(response)
                    if busy is None:
                        return _json(self._body(response))
            except requests.RequestException as error:
                raise SiteError(f"cannot reach {endpoint}: {_reason(error)}") from None
            if attempt < self.retries:
                time.sleep(self._wait(response, attempt))
        tries = f"{self.retries + 1} tr{'ies' if self.retries else 'y'}"
        raise SiteError(f"{endpoint}: {busy} after {tries}")

    def _body(self, response: requests.Response) -> bytes:
        """The answer's bytes, at most :data:`MAX_ANSWER` of them within the timeout."""
        deadline = time.monotonic() + self.timeout
        chunks: list[bytes] = []
        size = 0
        # read1 returns what has arrived, so a server that trickles bytes meets the deadline.
        while chunk := response.raw.read1(CHUNK, decode_content=True):
            size += len(chunk)
            if size > MAX_ANSWER:
                raise SiteError(f"{response.url}: an answer over {MAX_ANSWER:,} bytes")
            if time.monotonic() > deadline:
                raise SiteError(f"{response.url}: an answer slower than {self.timeout:g} s")
            chunks.append(chunk)
        return b"".join(chunks)

    def _wait(self, response: requests.Response, attempt: int) -> float:
        """Seconds before the next try: ``Retry-After`` if given, else exponential backoff."""
        after = response.headers.get("Retry-After", "")
        seconds = float(after) if after.isdigit() else self.backoff * 2**attempt
        return min(seconds, self.max_wait)


def user_agent() -> str:
    """Who is asking, as Wikimedia's User-Agent policy asks."""
    from requests.__version__ import __version__ as requests_version

    return (
        f"wikilint/{__version__} (https://github.com/wikilint/wikilint; lints page wikitext) "
        f"requests/{requests_version}"
    )


_REVISION_PROPS = {"prop": "revisions", "rvprop": "ids|content", "rvslots": "main"}


def _revision(page: Mapping[str, Any]) -> Revision | None:
    revisions = page.get("revisions") or []
    if not revisions:
        return None
    main = revisions[0].get("slots", {}).get("main", {})
    if "content" not in main:
        return None
    return Revision(page["title"], page["pageid"], revisions[0]["revid"], main["content"])


def _problem(page: Mapping[str, Any]) -> str:
    if page.get("invalid"):
        return f"not a valid title ({page.get('invalidreason', 'invalid')})"
    if page.get("missing") or not page:
        return "no such page"
    return "its text is hidden"


def _json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        return None


def _busy(response: requests.Response) -> str | None:
    """Why the server asks us to come back later, or ``None`` when it answered."""
    if response.headers.get("MediaWiki-API-Error") == "maxlag":
        return "the database is lagged (maxlag)"
    if response.status_code == 429:
        return "too many requests (HTTP 429)"
    if response.status_code >= 500:
        return f"server error (HTTP {response.status_code})"
    return None


def _reason(error: requests.RequestException) -> str:
    """The root cause of a failed request in a few words, such as ``Connection refused``."""
    import requests

    text = str(error)
    errno = re.search(r"\[Errno -?\d+\] ([^'\")]+)", text)
    if errno:
        return errno.group(1).strip()
    if isinstance(error, requests.Timeout):
        return "timed out"
    return type(error).__name__
