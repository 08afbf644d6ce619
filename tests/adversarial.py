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
