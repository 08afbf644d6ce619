"""Generated wikitext on which mwparserfromhell's tokenizer backtracks for seconds.

Each case repeats an opener that is never closed; the time grows faster than linearly with
the repeat count (``{{a|`` x 8192, 32 KB, took 37 s). Measured on the tests' machine:
4 KB of ``{{a|`` 0.8 s, 16 KB of ``{{a|[[b|`` 14 s, 18 KB of unclosed table rows 5 s.
"""

from __future__ import annotations

#: name -> (repeated unit, repeats that take the parser well over 2 s).
CASES: dict[str, tuple[str, int]] = {
    "unclosed-template": ("{{a|", 8192),
    "unclosed-table": ("{|\n|a||b\n", 2000),
    "template-and-link": ("{{a|[[b|", 2000),
    "unclosed-argument": ("{{{a|", 2000),
    "template-brace": ("{{a|}", 2000),
    "unclosed-tag-attribute": ("<span ", 2000),
    "unclosed-ref": ('<ref name="x">', 2000),
    "heading-and-template": ("=={{a|", 2000),
    "style-and-template": ("''{{a|'''", 2000),
}


def adversarial(name: str, scale: float = 1.0) -> str:
    """The text of one case; *scale* shrinks or grows the repeat count."""
    unit, repeats = CASES[name]
    return unit * max(1, int(repeats * scale))


def _named_refs(size: int) -> str:
    """Well-formed named refs, each defined once and reused once, up to *size* characters."""
    pieces = []
    length = number = 0
    while length < size:
        piece = f'<ref name="n{number}">x</ref><ref name="n{number}"/>'
        pieces.append(piece)
        length += len(piece)
        number += 1
    return "".join(pieces)


#: Inputs of issue 12, name -> text: closers that the parser ignores (inside a comment or
#: ``<nowiki>``), so that a scan of the text finds them balanced, and 1 MB of markup on
#: which rules were quadratic (1 MB of ``[[`` ran 92 s).
SHAPES: dict[str, str] = {
    "closers-in-comment": "{{a|" * 4000 + "<!--" + "}}" * 4000 + "-->",
    "closers-in-nowiki": "{{a|" * 4000 + "<nowiki>" + "}}" * 4000 + "</nowiki>",
    "template-link-pairs": "{{[[" * 4000 + "}}]]" * 4000,
    "link-openers-1mb": "[[" * 500_000,
    "headings-70k": "== Section ==\n" * 70_000,
    "named-refs-1mb": _named_refs(1_000_000),
}
