"""Streaming pages out of XML dumps: formats, filters, multistream, hostile XML."""

from __future__ import annotations

import bz2
import gzip
import json
import os
import shutil
import tracemalloc
from pathlib import Path

import pytest
from helpers import CORPUS, fixture_articles, needs_corpus, read

from wikilint.inputs.dumps import (
    DumpError,
    Page,
    PageFilter,
    find_index,
    index_names,
    is_dump,
    iter_pages,
    read_stream,
    stream_offsets,
    streams,
    write_dump,
)

PAGES = [
    Page(path.stem, 0, number, 1000 + number, read(path), "en")
    for number, path in enumerate(fixture_articles("en/*.wiki"), 1)
]


@pytest.mark.parametrize("name", ["dump.xml", "dump.xml.bz2", "dump.xml.gz"])
def test_every_page_comes_back_from_each_compression(tmp_path: Path, name: str) -> None:
    write_dump(PAGES, tmp_path / name)
    assert list(iter_pages(tmp_path / name)) == PAGES


def test_multistream_ranges_give_the_same_pages(tmp_path: Path) -> None:
    dump = tmp_path / "wiki-multistream.xml.bz2"
    index = write_dump(PAGES, dump, multistream=True, per_stream=3)
    assert index == find_index(dump) == tmp_path / "wiki-multistream-index.txt.bz2"
    ranges = streams(dump, index)
    assert len(ranges) == -(-len(PAGES) // 3)
    assert [page for stream in ranges for page in read_stream(stream)] == PAGES
    assert list(iter_pages(dump)) == PAGES  # a multistream dump is also a plain .bz2
    assert [page.title for page in read_stream(ranges[0], skip=2)] == [PAGES[2].title]


def test_index_with_a_bad_line_is_refused(tmp_path: Path) -> None:
    index = tmp_path / "index.txt"
    index.write_text("600:1:A\nnot an index line\n")
    with pytest.raises(DumpError, match=r"index\.txt:2"):
        stream_offsets(index)


def _dump(pages: str, prolog: str = "") -> bytes:
    return (
        f'{prolog}<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" xml:lang="fo">'
        f"{pages}</mediawiki>"
    ).encode()


def _page(title: str, ns: int, revisions: str, extra: str = "") -> str:
    return f"<page><title>{title}</title><ns>{ns}</ns><id>7</id>{extra}{revisions}</page>"


def _revision(rev_id: int, stamp: str, text: str) -> str:
    return (
        f"<revision><id>{rev_id}</id><timestamp>{stamp}</timestamp><text>{text}</text></revision>"
    )


def test_filters_namespaces_redirects_and_titles(tmp_path: Path) -> None:
    dump = tmp_path / "dump.xml"
    dump.write_bytes(
        _dump(
            _page("Alpha", 0, _revision(1, "2020", "a"))
            + _page("Talk:Alpha", 1, _revision(2, "2020", "b"))
            + _page("Beta", 0, _revision(3, "2020", "x"), '<redirect title="Alpha" />')
            + _page("Gamma", 0, _revision(4, "2020", "#REDIRECT [[Alpha]]"))
            + _page("Alpine", 0, _revision(5, "2020", "c"))
        )
    )
    assert [page.title for page in iter_pages(dump)] == ["Alpha", "Alpine"]
    everything = PageFilter(namespaces=None, redirects=True)
    assert len(list(iter_pages(dump, everything))) == 5
    assert [p.title for p in iter_pages(dump, PageFilter(frozenset({1})))] == ["Talk:Alpha"]
    assert [p.title for p in iter_pages(dump, PageFilter(title="Alp*"))] == ["Alpha", "Alpine"]
    assert {page.language for page in iter_pages(dump)} == {"fo"}


def test_latest_revision_wins_whatever_the_order(tmp_path: Path) -> None:
    dump = tmp_path / "history.xml"
    revisions = (
        _revision(10, "2019-01-01T00:00:00Z", "old")
        + _revision(30, "2021-01-01T00:00:00Z", "newest")
        + _revision(20, "2020-01-01T00:00:00Z", "middle")
    )
    dump.write_bytes(_dump(_page("History", 0, revisions)))
    [page] = iter_pages(dump)
    assert (page.revision, page.text) == (30, "newest")


def test_xml_bomb_is_refused_not_expanded(tmp_path: Path) -> None:
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )
    dump = tmp_path / "bomb.xml"
    dump.write_bytes(
        _dump(_page("Bomb", 0, _revision(1, "2020", "&j;")), f"<!DOCTYPE m [{entities}]>")
    )
    tracemalloc.start()
    with pytest.raises(DumpError, match="unsafe XML"):
        list(iter_pages(dump))
    assert tracemalloc.get_traced_memory()[1] < 5_000_000
    tracemalloc.stop()


def test_external_entity_is_refused_and_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    dump = tmp_path / "xxe.xml"
    doctype = f'<!DOCTYPE m [<!ENTITY x SYSTEM "file://{secret}">]>'
    dump.write_bytes(_dump(_page("XXE", 0, _revision(1, "2020", "&x;")), doctype))
    with pytest.raises(DumpError, match="unsafe XML"):
        list(iter_pages(dump))


def test_malformed_and_truncated_dumps_raise_dump_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_bytes(_dump(_page("A", 0, _revision(1, "2020", "a")))[:-20])
    with pytest.raises(DumpError, match="malformed XML"):
        list(iter_pages(broken))
    truncated = tmp_path / "truncated.xml.bz2"
    truncated.write_bytes(bz2.compress(_dump(""))[:-10])
    with pytest.raises(DumpError):
        list(iter_pages(truncated))


def test_memory_stays_flat_while_streaming(tmp_path: Path) -> None:
    page = PAGES[0]
    many = [Page(f"P{n}", 0, n, n, page.text, "en") for n in range(300)]
    dump = tmp_path / "big.xml"
    write_dump(many, dump)
    assert dump.stat().st_size > 30 * len(page.text)
    tracemalloc.start()
    count = sum(1 for _ in iter_pages(dump))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == 300
    assert peak < 20 * len(page.text.encode())  # a handful of pages, not 300


#: A part of Wikimedia's split dumps, its multistream twin and that one's index, named
#: exactly as on dumps.wikimedia.org.
SPLIT = "enwiki-20241201-pages-articles1.xml-p1p41242.bz2"
SPLIT_MULTISTREAM = "enwiki-20241201-pages-articles-multistream1.xml-p1p41242.bz2"
SPLIT_INDEX = "enwiki-20241201-pages-articles-multistream-index1.txt-p1p41242.bz2"


def test_dump_names() -> None:
    named = ["a.xml", "b.XML.bz2", "dir/c-multistream.xml.bz2", "d.xml.gz", SPLIT]
    assert all(map(is_dump, [*named, SPLIT_MULTISTREAM, "e.xml-p1p41242.gz"]))
    assert not any(map(is_dump, ["a.wiki", "b.txt", "xml.wiki", "index.txt.bz2", SPLIT_INDEX]))


def test_index_names_follow_wikimedia() -> None:
    assert index_names(SPLIT_MULTISTREAM) == (SPLIT_INDEX, SPLIT_INDEX.removesuffix(".bz2"))
    assert index_names("enwiki-20241201-pages-articles-multistream.xml.bz2") == (
        "enwiki-20241201-pages-articles-multistream-index.txt.bz2",
        "enwiki-20241201-pages-articles-multistream-index.txt",
    )


def test_a_dump_is_recognised_by_its_content(tmp_path: Path) -> None:
    for name in ("pages.bz2", "pages.gz", "pages.data"):
        write_dump(PAGES[:1], tmp_path / name)
    (tmp_path / "prolog.wiki").write_bytes(
        b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- a dump -->\n' + _dump("")
    )
    (tmp_path / "article.wiki").write_text("<mediawikis> is no dump\n")
    os.mkfifo(tmp_path / "pipe")  # never read ahead: that would block, and eat the input
    assert [path.name for path in sorted(tmp_path.iterdir()) if is_dump(path)] == [
        "pages.bz2",
        "pages.data",
        "pages.gz",
        "prolog.wiki",
    ]


@needs_corpus
def test_real_dumps() -> None:
    pages = list(iter_pages(CORPUS / "dumps/enwiki-sample-wikibrain.xml"))
    assert len(pages) == 33  # 44 pages, 11 of them redirects
    assert (pages[0].title, pages[0].revision, pages[0].language) == ("Pretoria", 557888959, "en")
    [pear] = iter_pages(CORPUS / "dumps/enwiki-pear.xml")
    assert (pear.title, pear.revision) == ("Pear", 638548877)
    faroese = list(iter_pages(CORPUS / "dumps/fowiki-sample.xml.bz2", PageFilter(None)))
    assert [(page.title, page.namespace) for page in faroese] == [
        ("MediaWiki:Logouttext", 8),
        ("Klaksvíkar kommuna", 0),
    ]


def _check(*args: str) -> tuple[int, str, str]:
    from click.testing import CliRunner

    from wikilint.cli.main import cli

    outcome = CliRunner().invoke(cli, ["check", "--isolated", *args])
    return outcome.exit_code, outcome.stdout, outcome.stderr


def test_check_a_multistream_dump_as_json_lines(tmp_path: Path) -> None:
    doubled = Page("Doubled", 0, 5, 555, "It was the the best of times.", "en")
    dump = tmp_path / "wiki-multistream.xml.bz2"
    index = write_dump([*PAGES[:2], doubled], dump, multistream=True, per_stream=2)
    code, out, _ = _check(str(dump), "--index", str(index), "--format", "jsonl", "-j", "1",
                          "--select", "WL103", "--title", "Doub*")  # fmt: skip
    [line] = out.splitlines()
    record = json.loads(line)
    assert code == 1
    assert {k: record[k] for k in ("path", "code", "line", "column", "revision")} == {
        "path": "Doubled", "code": "WL103", "line": 1, "column": 12, "revision": 555,
    }  # fmt: skip


def test_check_reports_an_unsafe_dump_in_one_line(tmp_path: Path) -> None:
    dump = tmp_path / "bomb.xml"
    dump.write_bytes(_dump("", '<!DOCTYPE m [<!ENTITY a "aa">]>'))
    code, out, err = _check(str(dump))
    assert (code, out) == (2, "")
    assert err.startswith("wikilint: error: ") and "unsafe XML" in err
    assert len(err.splitlines()) == 1


def test_check_file_reports_a_parse_timeout_and_goes_on(tmp_path: Path) -> None:
    from adversarial import adversarial

    (tmp_path / "evil.wiki").write_text(adversarial("unclosed-template"))
    (tmp_path / "fine.wiki").write_text("It was the the best.")
    code, out, _ = _check(str(tmp_path), "--timeout", "0.3", "--format=concise", "--select=WL103")
    assert code == 2  # an article that was not linted is an error, not a finding
    assert [line.split()[1] for line in out.splitlines()] == ["WL002", "WL103"]


def test_a_split_dump_named_as_wikimedia_names_it_is_linted(tmp_path: Path) -> None:
    doubled = Page("Doubled", 0, 5, 555, "It was the the best of times.", "en")
    write_dump([PAGES[0], doubled], tmp_path / SPLIT)
    code, out, err = _check(str(tmp_path / SPLIT), "--format", "concise", "--select", "WL103")
    assert (code, out, err) == (1, 'Doubled:1:12 WL103 doubled-word "the" is written twice '
                                   "in a row\n", "")  # fmt: skip


def test_a_split_multistream_dump_finds_its_index_by_wikimedia_naming(tmp_path: Path) -> None:
    dump = tmp_path / SPLIT_MULTISTREAM
    index = write_dump(PAGES, dump, multistream=True, per_stream=3)
    assert index == find_index(dump) == tmp_path / SPLIT_INDEX
    whole = _check(str(dump), "--format", "json", "-j", "1")
    assert whole[0] == 1 and len(json.loads(whole[1])) > 0
    index.write_bytes(bz2.compress(b"not an index line\n"))  # the run must read this index
    code, out, err = _check(str(dump), "-j", "1")
    assert (code, out) == (2, "")
    assert err == f"wikilint: error: {dump}: {index}:1: not an 'offset:page_id:title' line\n"


@needs_corpus
def test_a_real_dump_under_a_wikimedia_split_name_or_no_dump_name(tmp_path: Path) -> None:
    flags = ("--format", "json", "--fail-on", "info")  # its findings are info findings
    expected = _check(str(CORPUS / "dumps/fowiki-sample.xml.bz2"), *flags)
    for name in (SPLIT, "fowiki-sample.data"):
        shutil.copy(CORPUS / "dumps/fowiki-sample.xml.bz2", tmp_path / name)
        code, out, err = _check(str(tmp_path / name), *flags)
        assert (code, out, err) == expected
    assert expected[0] == 1 and "Klaksvíkar kommuna" in expected[1]


NOT_A_DUMP = "not a MediaWiki XML dump (it does not begin with <mediawiki>)"
WIKITEXT = b"Wikitext, compressed.\n"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("feed.xml", b'<?xml version="1.0"?>\n<rss><channel/></rss>\n'),
        ("notes.txt.bz2", bz2.compress(WIKITEXT)),
        ("notes.xml.gz", gzip.compress(WIKITEXT)),
    ],
)
def test_a_file_that_is_no_dump_is_one_line_error(tmp_path: Path, name: str, content) -> None:
    (tmp_path / name).write_bytes(content)
    expected = f"wikilint: error: {tmp_path / name}: {NOT_A_DUMP}\n"
    assert _check(str(tmp_path / name)) == (2, "", expected)


@pytest.mark.parametrize("flag", ["--fix", "--diff"])
def test_fix_and_diff_refuse_a_dump_before_writing_anything(tmp_path: Path, flag: str) -> None:
    article = tmp_path / "a.wiki"
    article.write_text("A -- B.\n")
    dump = tmp_path / "wiki.xml"
    write_dump(PAGES[:1], dump)
    before = dump.read_bytes()
    code, out, err = _check(flag, str(article), str(dump))
    assert (code, out) == (2, "")
    refused = f"{flag} does not apply to XML dumps (they can only be linted)"
    assert err == f"wikilint: error: {dump}: {refused}\n"
    assert (article.read_text(), dump.read_bytes()) == ("A -- B.\n", before)


@pytest.mark.parametrize(
    ("name", "jobs"),
    [("plain.xml", "1"), ("wiki-multistream.xml.bz2", "1"), ("wiki-multistream.xml.bz2", "2")],
)
def test_a_page_with_a_malformed_number_is_reported_and_the_rest_linted(
    tmp_path: Path, name: str, jobs: str
) -> None:
    # Issue 12 review: `<ns>x</ns>` escaped as "internal error: ValueError" (plain), or
    # killed the worker and lost the pages after it (multistream, page 150 of 250).
    pages = [Page(f"P{n}", 0, n + 1, 1000 + n, "It was was fine.\n") for n in range(250)]
    pages[150] = Page("P150", "x", 151, 1150, "It was was fine.\n")  # type: ignore[arg-type]
    dump = tmp_path / name
    write_dump(pages, dump, multistream=name.endswith(".bz2"))
    code, out, err = _check(str(dump), "-j", jobs, "--format", "concise", "--select", "WL103")
    assert code == 2
    assert out.splitlines() == [
        f'P{n}:1:8 WL103 doubled-word "was" is written twice in a row'
        for n in range(250)
        if n != 150
    ]
    assert err == f"wikilint: error: {dump}: page 'P150': <ns> is not a number ('x')\n"
    [bad] = [page for page in iter_pages(dump) if page.title == "P150"]
    assert bad.error == "page 'P150': <ns> is not a number ('x')"


def test_a_wikitext_file_beginning_like_a_dump_is_wikitext(tmp_path: Path, monkeypatch) -> None:
    # Issue 12 review: `printf 'BZh1 is a model of tractor.\n' > bz/t.wiki; check bz` stopped
    # with "unreadable dump", exit 2, and the other files were never reported.
    (tmp_path / "bz").mkdir()
    (tmp_path / "bz" / "t.wiki").write_text("BZh1 is a model of tractor. It was was red.\n")
    (tmp_path / "bz" / "u.wiki").write_bytes(_dump(""))  # found in a folder: wikitext
    (tmp_path / "bz" / "v.wiki").write_text("It was the the best.\n")
    doubled = [
        'bz/t.wiki:1:36 WL103 doubled-word "was" is written twice in a row',
        'bz/v.wiki:1:12 WL103 doubled-word "the" is written twice in a row',
    ]
    monkeypatch.chdir(tmp_path)
    code, out, err = _check("bz", "--format", "concise", "--select", "WL103")
    assert (code, out.splitlines(), err) == (1, doubled, "")
    assert _check("bz/t.wiki", "--format", "concise", "--select", "WL103")[:2] == (
        1,
        doubled[0] + "\n",
    )
    assert not is_dump(tmp_path / "bz" / "t.wiki")
    assert is_dump(tmp_path / "bz" / "u.wiki") and not is_dump(tmp_path / "bz" / "u.wiki", False)


def _failing(error: Exception):
    def fail(*args, **kwargs):
        raise error

    return fail


@pytest.mark.parametrize(
    ("target", "error"),
    [
        ("wikilint.batch.pool.lint_dump", NotImplementedError("a bug")),
        ("wikilint.batch.pool.lint_dump", RecursionError("maximum recursion depth exceeded")),
        ("wikilint.cli.check._Reporter.report", OSError(28, "No space left on device")),
    ],
)
def test_a_bug_or_a_report_failure_is_not_labelled_the_dumps(
    tmp_path: Path, monkeypatch, target: str, error: Exception
) -> None:
    # Issue 12 review: `except (DumpError, OSError, RuntimeError)` around the whole dump run
    # said "wikilint: error: <dump>: ..." (exit 2) for wikilint's own bugs and for a report
    # that could not be written.
    from click.testing import CliRunner

    from wikilint.cli.main import cli

    write_dump(PAGES[:2], tmp_path / "wiki.xml")
    monkeypatch.setattr(target, _failing(error))
    outcome = CliRunner().invoke(
        cli, ["check", "--isolated", "-j", "1", str(tmp_path / "wiki.xml")]
    )
    assert outcome.exception is error
    assert outcome.stderr == ""
