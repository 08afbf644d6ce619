"""The options of a `[[File:...]]` link, with their spans (no rule here)."""

from __future__ import annotations

from dataclasses import dataclass

from mwparserfromhell.nodes import Text, Wikilink

from wikilint.document.article import Article
from wikilint.document.memo import per_article
from wikilint.document.namespaces import is_file_link

#: Keywords that make an image a thumbnail (or frameless image) sized by the reader's
#: preference: English and the localized magic words of the Wikipedias in the corpus
#: (MediaWiki's languages/messages/Messages*.php, `img_thumbnail` and `img_frameless`).
THUMBNAIL_KEYWORDS = frozenset(
    word.casefold()
    for word in (
        "thumb", "thumbnail", "frameless", "mini", "miniatur", "rahmenlos", "duimnael",
        "থাম্ব", "μικρογραφία", "մինի", "サムネイル", "フレームなし", "इवलेसे", "міні",
        "мініатюра", "безрамки", "nhỏ", "hình nhỏ", "miniatyr",
    )
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Param:
    """One `|`-separated option of a file link: its stripped text and source span."""

    text: str
    start: int
    end: int


@per_article
def file_links(article: Article) -> list[Wikilink]:
    """Links that embed a file (not `[[:File:x]]`, which is a plain link), found once."""
    return [
        link
        for link in article.nodes(Wikilink)
        if is_file_link(title := article.text(link.title)) and not title.lstrip().startswith(":")
    ]


def params(article: Article, link: Wikilink) -> list[Param]:
    """The options after the file name, split at the `|` outside nested markup."""
    if link.text is None:
        return []
    found: list[Param] = []
    start = article.span(link.text)[0]
    pieces: list[str] = []
    for node in link.text.nodes:
        if not isinstance(node, Text):
            pieces.append(str(node))
            continue
        head, *rest = str(node.value).split("|")
        pieces.append(head)
        position = article.span(node)[0] + len(head)
        for piece in rest:
            found.append(_param("".join(pieces), start))
            start, pieces = position + 1, [piece]
            position += 1 + len(piece)
    found.append(_param("".join(pieces), start))
    return found


def _param(raw: str, start: int) -> Param:
    leading = len(raw) - len(raw.lstrip())
    text = raw.strip()
    return Param(text, start + leading, start + leading + len(text))
