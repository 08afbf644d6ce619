"""Measure unsourced-claim (WL104) against the human {{citation needed}} tags of a corpus.

For each article: remove the {{citation needed}} tags (and their redirects), run the
rule, and check whether the sentence each tag followed is flagged (recall on human
labels). A finding names the strongest uncited sentence of a stretch and the others as
related locations, each of which reached the threshold on its own: a tag counts as found
when its sentence is named either way (as when each had its own finding), and also, more
strictly, when it is the finding's own location. Also prints findings per article and
per 10 KB, why tags were missed, and optionally a random sample of findings to judge
precision by reading.

    python bench/unsourced_eval.py ../shared/corpus/en [--sample 25] [--check-lead] ...
"""

from __future__ import annotations

import argparse
import random
import statistics
import zlib
from collections import Counter
from pathlib import Path

from mwparserfromhell.nodes import Template

from wikilint.analysis.citations import Citations, template_name
from wikilint.document.article import Article, Paragraph
from wikilint.linter.finding import Finding
from wikilint.rules.content.unsourced_claim import CUE_KINDS, CUES, UnsourcedClaim

#: How far after a sentence a tag may stand and still be about it (refs in between).
_NEAR = 400
_PHRASES = {cue.kind: cue.phrase for cue in CUES}
#: {{citation needed}} and its redirects (from the template's "What links here").
TAGS = frozenset(
    {
        "citation needed", "cn", "fact", "citeneeded", "cite needed", "citation required",
        "citationneeded", "citation-needed", "facts", "fcitation needed", "proveit",
        "source needed", "sourceneeded", "refneeded", "ref needed", "reference needed",
        "reference necessary", "needs citation", "cite missing", "citation missing",
        "uncited", "nocitation", "source?", "ref?", "cite-needed", "cb",
    }
)  # fmt: skip


#: One article in four, by a hash of its title, is a test article of the citation-need
#: score (bench/citation_train.py); the others train it.
TEST_SHARE = 4


def is_test(title: str) -> bool:
    """Whether the article of this title (a file name without ``.wiki``) is held out."""
    return zlib.crc32(title.encode()) % TEST_SHARE == 0


def strip_tags(source: str) -> tuple[str, list[int]]:
    """*source* without citation-needed tags, and where each tag was in the result."""
    article = Article(source)
    spans = sorted(
        article.span(node) for node in article.nodes(Template) if template_name(node) in TAGS
    )
    pieces, positions, previous, removed = [], [], 0, 0
    for start, end in spans:
        if start < previous:
            continue  # nested in a tag already removed
        pieces.append(source[previous:start])
        removed += end - start
        positions.append(end - removed)
        previous = end
    pieces.append(source[previous:])
    return "".join(pieces), positions


def tagged_sentence(article: Article, position: int) -> tuple[Paragraph, int, int] | None:
    """The paragraph and source span of the sentence a tag at *position* followed, or
    ``None`` when the tag is not in prose (a list, a table, a misparsed stretch)."""
    for paragraph in article.paragraphs:
        if paragraph.start <= position <= paragraph.end:
            spans = [paragraph.prose.span(s, e) for s, e in paragraph.sentences]
            before = [span for span in spans if span[0] < position]
            if before and position - before[-1][1] <= _NEAR:
                return paragraph, *before[-1]
    return None


def miss_reason(rule: UnsourcedClaim, article: Article, paragraph: Paragraph, start: int) -> str:
    if paragraph.section in rule._skipped_sections(article):
        return "lead or skipped section"
    citations = Citations(article)
    if citations.in_range(start, paragraph.end) or citations.trailing(paragraph.end):
        return "covered by a later citation"
    return "below threshold, or a formula or an opening sentence"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--check-lead", action="store_true")
    parser.add_argument("--join-lines", action="store_true")
    parser.add_argument("--threshold", type=float, default=UnsourcedClaim.Options.threshold)
    parser.add_argument("--min-cues", type=int, default=0)
    parser.add_argument("--cues", default=",".join(CUE_KINDS))
    parser.add_argument("--test-split", action="store_true", help="only held-out articles")
    parser.add_argument("--sample", type=int, default=0, help="print this many findings")
    parser.add_argument("--seed", type=int, default=104)
    parser.add_argument("--misses", action="store_true", help="print the missed sentences")
    arguments = parser.parse_args()

    rule = UnsourcedClaim(
        UnsourcedClaim.Options(
            check_lead=arguments.check_lead,
            join_lines=arguments.join_lines,
            threshold=arguments.threshold,
            min_cues=arguments.min_cues,
            cues=tuple(arguments.cues.split(",")),
        )
    )
    files = sorted(arguments.corpus.glob("**/*.wiki"))
    if arguments.test_split:
        files = [path for path in files if is_test(path.stem)]
    findings: list[tuple[Article, Finding]] = []
    per_article: list[int] = []
    size = tags = outside = hits = strict = 0
    misses: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    for path in files:
        source, positions = strip_tags(path.read_text(encoding="utf-8-sig"))
        size += len(source.encode())
        article = Article(source, str(path), "en")
        found = list(rule.check(article))
        findings += [(article, finding) for finding in found]
        per_article.append(len(found))
        for finding in found:
            kinds.update(kind for kind in CUE_KINDS if _PHRASES[kind] in finding.message)
            kinds.update(
                ["no cue named"] * (not any(p in finding.message for p in _PHRASES.values()))
            )
        starts = {finding.location.offset for finding in found}
        named = starts | {r.location.offset for finding in found for r in finding.related}
        for position in positions:
            tags += 1
            located = tagged_sentence(article, position)
            if located is None:
                outside += 1
                continue
            paragraph, start, end = located
            strict += start in starts
            if start in named:
                hits += 1
                continue
            reason = miss_reason(rule, article, paragraph, start)
            misses[reason] += 1
            if arguments.misses:
                print(f"MISS [{reason}] {path.name}: {source[start:end][:160]!r}")

    in_prose = tags - outside
    print(f"articles: {len(files)}, {size / 1024:.0f} KB, citation-needed tags: {tags}")
    print(f"tags in prose: {in_prose} (outside prose: lists, tables, misparsed text: {outside})")
    print(f"tagged sentences flagged: {hits}/{in_prose} = {hits / max(in_prose, 1):.0%}")
    print(f"  as a finding's own location: {strict}/{in_prose} = {strict / max(in_prose, 1):.0%}")
    print(f"misses: {dict(misses)}")
    print(
        f"findings: {len(findings)}, {len(findings) / len(files):.1f} per article "
        f"(median {statistics.median(per_article):g}, none in {per_article.count(0)}), "
        f"{len(findings) / (size / 10240):.2f} per 10 KB"
    )
    print(f"findings by cue kind: {dict(kinds)}")
    for article, finding in random.Random(arguments.seed).sample(
        findings, min(arguments.sample, len(findings))
    ):
        text = article.source[finding.location.offset : finding.location.end_offset]
        print(f"\n{Path(article.path).name}:{finding.location.line}: {finding.message}\n  {text}")


if __name__ == "__main__":
    main()
