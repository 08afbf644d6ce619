"""Stream pages out of MediaWiki XML dumps: ``.xml``, ``.xml.bz2``, ``.xml.gz`` and multistream.

Pages are parsed one at a time with a defused expat parser: a dump that declares entities
(an XML bomb) or refers to external ones is rejected, never expanded. Memory stays flat: each
page element is dropped once read. A page yields its latest revision only.

A multistream dump is a series of independent bzip2 streams of about 100 pages each, with an
index (``offset:page_id:title`` per line, itself usually bzip2-compressed) of the streams'
byte offsets; :func:`streams` cuts the dump into :class:`Stream` ranges that any process can
decompress and parse on its own with :func:`read_stream`.
"""

from __future__ import annotations

import bz2
import gzip
import io
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from fnmatch import fnmatchcase
from itertools import islice
from pathlib import Path
from typing import BinaryIO
from xml.etree.ElementTree import Element, ParseError

#: A dump's name ends ``.xml``, ``.xml.bz2`` or ``.xml.gz``; a part of a split dump has
#: its page range after ``.xml``: ``enwiki-20241201-pages-articles1.xml-p1p41242.bz2``.
DUMP_NAME = re.compile(r"\.xml(?:-p\d+p\d+)?(?:\.bz2|\.gz)?$", re.IGNORECASE)
_SPLIT_NAME = re.compile(
    r"(?P<base>.*?)(?P<part>\d*)\.xml(?P<pages>-p\d+p\d+)(?:\.bz2|\.gz)?", re.IGNORECASE
)
#: How much of a file (decompressed, for a dump) is read to tell what it is.
_HEAD_BYTES = 4096
_COMPRESSED = re.compile(rb"BZh[1-9]|\x1f\x8b")
_PROLOG = re.compile(
    rb"(?:\xef\xbb\xbf)?(?:\s|<\?xml\b[^>]*>|<!--.*?-->|<!DOCTYPE\b[^\[>]*(?:\[[^\]]*\][^>]*)?>)*",
    re.DOTALL,
)
_ROOT = re.compile(rb"<mediawiki[\s>]")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class DumpError(Exception):
    """A dump that cannot be read: malformed, unsafe, or with a broken index."""


@dataclass(frozen=True, slots=True)
class Page:
    """The latest revision of one page."""

    title: str
    namespace: int
    page_id: int | None
    revision: int | None
    text: str
    language: str | None = None
    error: str | None = None
    """Why the page cannot be linted (a number field that is none): reported, not linted."""


@dataclass(frozen=True, slots=True)
class PageFilter:
    """Which pages to lint: namespaces (``None`` = all), a title glob, redirects or not."""

    namespaces: frozenset[int] | None = frozenset({0})
    title: str | None = None
    redirects: bool = False

    def accepts(self, title: str, namespace: int, redirect: bool) -> bool:
        return (
            (self.namespaces is None or namespace in self.namespaces)
            and (self.redirects or not redirect)
            and (self.title is None or fnmatchcase(title, self.title))
        )


#: The default filter: articles (namespace 0), no redirects.
ARTICLES = PageFilter()


@dataclass(frozen=True, slots=True)
class Stream:
    """Bytes ``[start, end)`` of a multistream dump (``end=None``: to the end of the file)."""

    path: str
    start: int
    end: int | None
    language: str | None = None


def is_dump(path: str | Path, sniff: bool = True) -> bool:
    """Whether *path* is an XML dump rather than a wikitext file: by its name, or, when
    *sniff* is set, by its first bytes: a ``<mediawiki>`` root element, or a bzip2 or gzip
    stream that decompresses (a text that merely begins ``BZh1`` is wikitext)."""
    if DUMP_NAME.search(str(path)) is not None:
        return True
    if not sniff or not Path(path).is_file():  # never read ahead in a pipe
        return False
    try:
        with open(path, "rb") as raw:
            head = raw.read(_HEAD_BYTES)
    except OSError:
        return False  # reading it as wikitext will say why
    if _COMPRESSED.match(head) is None:
        return _has_root(head)
    try:
        with open_dump(path) as source:
            source.read(_HEAD_BYTES)
    except (OSError, EOFError, zlib.error):
        return False
    return True


def check_dump(path: str | Path) -> None:
    """Raise :class:`DumpError` unless *path*, decompressed, begins with ``<mediawiki>``."""
    try:
        with open_dump(path) as source:
            head = source.read(_HEAD_BYTES)
    except (OSError, EOFError) as error:
        raise DumpError(f"unreadable dump: {error}") from None
    if not _has_root(head):
        raise DumpError("not a MediaWiki XML dump (it does not begin with <mediawiki>)")


def _has_root(head: bytes) -> bool:
    """Whether *head* is a ``<mediawiki>`` element after an optional BOM, white space,
    XML declaration, comments and document type.

    Two matches, not one pattern: the prolog always matches, at its first try, so a head
    full of comments cannot make the engine backtrack through their every grouping.
    """
    prolog = _PROLOG.match(head)
    return _ROOT.match(head, prolog.end() if prolog else 0) is not None


def open_dump(path: str | Path | BinaryIO) -> BinaryIO:
    """Open a dump (a path or a binary file) for reading, decompressing bzip2 or gzip
    (told by the magic bytes)."""
    raw = open(path, "rb") if isinstance(path, str | Path) else path  # noqa: SIM115
    magic = raw.read(3)
    raw.seek(0)
    if magic == b"BZh":
        return bz2.open(raw)  # type: ignore[return-value]  # a BZ2File reads bytes
    if magic[:2] == b"\x1f\x8b":
        return gzip.open(raw)  # type: ignore[return-value]  # a GzipFile reads bytes
    return raw


def iter_pages(path: str | Path | BinaryIO, page_filter: PageFilter = ARTICLES) -> Iterator[Page]:
    """Every accepted page of a whole dump, in dump order."""
    with open_dump(path) as source:
        yield from _parse(source, page_filter)


def read_stream(
    stream: Stream, page_filter: PageFilter = ARTICLES, skip: int = 0
) -> Iterator[Page]:
    """The accepted pages of one multistream range, after the first *skip* of them."""
    with open(stream.path, "rb") as raw:
        raw.seek(stream.start)
        data = raw.read() if stream.end is None else raw.read(stream.end - stream.start)
    xml = _decompress_all(data)
    # A range holds bare <page> elements; the first or last may also carry the dump's
    # header or its closing tag, which the wrapper below absorbs.
    xml = re.sub(rb"<mediawiki\b[^>]*>|</mediawiki>", b"", xml)
    fragment = b"<mediawiki>" + xml + b"</mediawiki>"
    yield from islice(_parse(io.BytesIO(fragment), page_filter, stream.language), skip, None)


def find_index(path: str | Path) -> Path | None:
    """The index beside a multistream dump, if there is one (see :func:`index_names`)."""
    path = Path(path)
    for name in index_names(path.name):
        candidate = path.with_name(name)
        if candidate.is_file():
            return candidate
    return None


def index_names(dump_name: str) -> tuple[str, str]:
    """The names of a multistream dump's index, compressed and not, as Wikimedia gives
    them: ``X-multistream-index.txt.bz2`` for ``X-multistream.xml.bz2``, and
    ``X-multistream-index1.txt-p1p41242.bz2`` for ``X-multistream1.xml-p1p41242.bz2``."""
    split = _SPLIT_NAME.fullmatch(dump_name)
    if split is not None:
        stem = f"{split['base']}-index{split['part']}.txt{split['pages']}"
    else:
        stem = DUMP_NAME.sub("", dump_name) + "-index.txt"
    return f"{stem}.bz2", stem


def stream_offsets(index: str | Path) -> list[int]:
    """The sorted distinct stream offsets a multistream index lists."""
    offsets: set[int] = set()
    with open_dump(index) as lines:
        for number, line in enumerate(io.TextIOWrapper(lines, encoding="utf-8"), 1):
            head, colon, _ = line.partition(":")
            if not line.strip():
                continue
            if not colon or not head.isdigit():
                raise DumpError(f"{index}:{number}: not an 'offset:page_id:title' line")
            offsets.add(int(head))
    return sorted(offsets)


def streams(path: str | Path, index: str | Path) -> list[Stream]:
    """The page ranges of a multistream dump, in dump order."""
    offsets = stream_offsets(index)
    if not offsets:
        raise DumpError(f"{index}: the index lists no streams")
    language = _header_language(path, offsets[0])
    ends: list[int | None] = [*offsets[1:], None]
    return [
        Stream(str(path), start, end, language) for start, end in zip(offsets, ends, strict=True)
    ]


def _header_language(path: str | Path, first_offset: int) -> str | None:
    with open(path, "rb") as raw:
        header = _decompress_all(raw.read(first_offset)) if first_offset else b""
    found = re.search(rb'xml:lang="([^"]+)"', header)
    return found.group(1).decode() if found else None


def _decompress_all(data: bytes) -> bytes:
    """Decompress one or more concatenated bzip2 streams."""
    chunks = []
    while data:
        decompressor = bz2.BZ2Decompressor()
        try:
            chunks.append(decompressor.decompress(data))
        except OSError as error:
            raise DumpError(f"bad bzip2 stream: {error}") from error
        if not decompressor.eof:
            raise DumpError("truncated bzip2 stream: is the index for this dump?")
        data = decompressor.unused_data
    return b"".join(chunks)


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _parse(
    source: BinaryIO, page_filter: PageFilter, language: str | None = None
) -> Iterator[Page]:
    import defusedxml.ElementTree as defused
    from defusedxml import DefusedXmlException

    root: Element | None = None
    try:
        for event, element in defused.iterparse(source, events=("start", "end")):
            if root is None:
                root = element
                language = element.get(_XML_LANG, language)
                continue
            if event == "end" and _local(element.tag) == "page":
                page = _page(element, page_filter, language)
                root.clear()  # drop the page (and anything before it): memory stays flat
                if page is not None:
                    yield page
    except DefusedXmlException as error:
        raise DumpError(f"unsafe XML refused: {error}") from error
    except ParseError as error:
        raise DumpError(f"malformed XML: {error}") from error
    except (OSError, EOFError) as error:
        raise DumpError(f"unreadable dump: {error}") from error


class _NotANumber(ValueError):
    """A page's ``<ns>`` or ``<id>`` that is not a number."""


def _number(text: str | None, field: str) -> int:
    try:
        return int(text or 0)
    except ValueError:
        raise _NotANumber(f"{field} is not a number ({(text or '')[:40]!r})") from None


def _page(element: Element, page_filter: PageFilter, language: str | None) -> Page | None:
    """The page's latest revision if *page_filter* accepts it; a page with a malformed
    number is always returned, with its error: its namespace may be the one wanted."""
    title, namespace, page_id, redirect = "", 0, None, False
    latest: tuple[str, int, Element] | None = None
    try:
        for child in element:
            tag = _local(child.tag)
            if tag == "title":
                title = child.text or ""
            elif tag == "ns":
                namespace = _number(child.text, "<ns>")
            elif tag == "id":
                page_id = _number(child.text, "<id>")
            elif tag == "redirect":
                redirect = True
            elif tag == "revision":
                stamp = _child_text(child, "timestamp")
                revision_id = _number(_child_text(child, "id"), "revision <id>")
                if latest is None or (stamp, revision_id) >= latest[:2]:
                    latest = (stamp, revision_id, child)
    except _NotANumber as error:
        return Page(title, namespace, None, None, "", language, f"page {title!r}: {error}")
    if latest is None or not page_filter.accepts(title, namespace, redirect):
        return None
    _, revision_id, revision = latest
    text = _child_text(revision, "text")
    if not page_filter.redirects and text.lstrip()[:9].upper() == "#REDIRECT":
        return None
    return Page(title, namespace, page_id, revision_id or None, text, language)


def _child_text(element: Element, name: str) -> str:
    for child in element:
        if _local(child.tag) == name:
            return child.text or ""
    return ""


def write_dump(
    pages: Iterable[Page], path: str | Path, *, multistream: bool = False, per_stream: int = 100
) -> Path | None:
    """Write *pages* as a dump (for tests and benchmarks); returns the index if multistream.

    The suffix picks the compression (``.bz2``, ``.gz`` or none); a multistream dump is
    bzip2 streams of *per_stream* pages with its index (:func:`index_names`) beside it.
    """
    path = Path(path)
    pages = list(pages)
    language = next((page.language for page in pages if page.language), "en")
    header = (
        f'<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10" '
        f'xml:lang="{language}">\n  <siteinfo><sitename>wikilint</sitename></siteinfo>\n'
    ).encode()
    footer = b"</mediawiki>\n"
    if not multistream:
        body = header + b"".join(_page_xml(page) for page in pages) + footer
        compressors: dict[str, Callable[[bytes], bytes]] = {
            ".bz2": bz2.compress,
            ".gz": gzip.compress,
        }
        compress = compressors.get(path.suffix)
        path.write_bytes(compress(body) if compress is not None else body)
        return None
    index_lines: list[str] = []
    with open(path, "wb") as out:
        out.write(bz2.compress(header))
        for first in range(0, len(pages), per_stream):
            chunk = pages[first : first + per_stream]
            offset = out.tell()
            index_lines += [f"{offset}:{page.page_id or 0}:{page.title}\n" for page in chunk]
            out.write(bz2.compress(b"".join(_page_xml(page) for page in chunk)))
        out.write(bz2.compress(footer))
    index = path.with_name(index_names(path.name)[0])
    index.write_bytes(bz2.compress("".join(index_lines).encode()))
    return index


def _page_xml(page: Page) -> bytes:
    from xml.sax.saxutils import escape, quoteattr  # imports urllib.request: 10 ms

    revision = f"<id>{page.revision}</id>" if page.revision is not None else ""
    return (
        f"  <page>\n    <title>{escape(page.title)}</title>\n    <ns>{page.namespace}</ns>\n"
        f"    <id>{page.page_id or 0}</id>\n    <revision>{revision}"
        f"<timestamp>2024-01-01T00:00:00Z</timestamp>"
        f"<text xml:space={quoteattr('preserve')}>{escape(page.text)}</text>"
        f"</revision>\n  </page>\n"
    ).encode()
