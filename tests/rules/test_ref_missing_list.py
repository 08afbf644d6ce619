from helpers import SEED, fixture_articles, positions, read, run_rule

from wikilint.document.article import Article
from wikilint.linter.finding import Applicability
from wikilint.linter.fixes import apply_fixes
from wikilint.rules.references.missing_references_list import MissingReferencesList

REF = "Paris is the capital of France.<ref>Atlas, p. 4.</ref>\n"


def fixed(source: str) -> str:
    text, applied = apply_fixes(source, run_rule(MissingReferencesList, source))
    assert applied
    return text


def test_the_sample_is_flagged_at_its_first_ref() -> None:
    findings = run_rule(MissingReferencesList, read(SEED))
    assert positions(findings) == [("WL301", 4, 1924)]
    assert read(SEED)[findings[0].location.offset :].startswith("<ref>Roberts, Geoffrey")
    assert findings[0].fix is not None
    assert findings[0].fix.applicability is Applicability.UNSAFE
    assert findings[0].message == (
        "footnotes are used but there is no references list: add <references /> or {{reflist}}"
    )


def test_any_kind_of_list_satisfies_the_rule() -> None:
    for tail in (
        "<references />", "<references>\n<ref name=a>A</ref>\n</references>", "{{Reflist}}",
        "{{reflist|30em}}", "{{refs}}", "{{References}}", "{{Reflist|refs=}}",
        "{{tham khảo}}", "{{সূত্র তালিকা}}", "{{ծանցանկ}}", "{{#tag:references}}",
    ):  # fmt: skip
        assert run_rule(MissingReferencesList, REF + "\n== Notes ==\n" + tail + "\n") == [], tail


def test_articles_without_refs_or_with_a_list_are_quiet() -> None:
    assert run_rule(MissingReferencesList, "Plain text, ''no'' refs.\n{{Navbox}}\n") == []
    paths = fixture_articles()
    assert paths, "tests/fixtures holds no articles"
    for path in paths:
        assert run_rule(MissingReferencesList, read(path)) == [], path.name


def test_no_fix_in_another_language_and_unknown_languages_are_skipped() -> None:
    rule = MissingReferencesList()
    findings = list(rule.check(Article("Die Stadt ist groß.<ref>X</ref>\n", language="de")))
    assert findings and findings[0].fix is None
    assert list(rule.check(Article(REF, language="ko"))) == []


def test_fix_takes_the_articles_crlf_line_breaks() -> None:
    crlf = REF.replace("\n", "\r\n")
    assert fixed(crlf) == crlf + "\r\n== References ==\r\n{{reflist}}\r\n"
    assert fixed(crlf + "\r\n") == crlf + "\r\n== References ==\r\n{{reflist}}\r\n"
    source = crlf + "\r\n== External links ==\r\n* [http://x.org X]\r\n"
    assert fixed(source) == crlf + (
        "\r\n== References ==\r\n{{reflist}}\r\n\r\n== External links ==\r\n* [http://x.org X]\r\n"
    )
