"""Sentence splitting and the word pattern."""

from __future__ import annotations

import pytest
from helpers import FIXTURES, SEED, read

from wikilint.document.article import Article
from wikilint.document.sentences import WORD, split_sentences


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
        (
            "J. R. R. Tolkien wrote it. He was British.",
            ["J. R. R. Tolkien wrote it.", "He was British."],
        ),
        (
            "territory lost in World War I. Stalin paid a heavy price",
            ["territory lost in World War I.", "Stalin paid a heavy price"],
        ),
        ("The U.S. Army arrived. It stayed.", ["The U.S. Army arrived.", "It stayed."]),
        ("See e.g. the report. Done.", ["See e.g. the report.", "Done."]),
        ("It grew 3.5 percent. Then 4.25 more.", ["It grew 3.5 percent.", "Then 4.25 more."]),
        ("Born c. 1900 in Ur. Died 1950.", ["Born c. 1900 in Ur.", "Died 1950."]),
        ("See No. 5 and p. 12. Then stop.", ["See No. 5 and p. 12.", "Then stop."]),
        ("He said no. The end.", ["He said no.", "The end."]),
        ("He studied art. Then law.", ["He studied art.", "Then law."]),
        ("It averages 18.7 °C. This is high.", ["It averages 18.7 °C.", "This is high."]),
        ("Born in 1950. 1960 was dry.", ["Born in 1950.", "1960 was dry."]),
        ('He said "Stop." Then he left.', ['He said "Stop."', "Then he left."]),
        ("Is it? Yes! Really... no. ok", ["Is it?", "Yes!", "Really... no. ok"]),
        ("The pear (Pyrus sp.) is tasty.", ["The pear (Pyrus sp.) is tasty."]),
        ("東京は日本の首都である。人口は多い。", ["東京は日本の首都である。", "人口は多い。"]),
        ("ऋग्वेद पुराना है। यह संस्कृत में है।", ["ऋग्वेद पुराना है।", "यह संस्कृत में है।"]),
        # A capital letter then a word the text writes in lower case ends a sentence.
        (
            "It was written in Linear B. The tablets were found in the palace.",
            ["It was written in Linear B.", "The tablets were found in the palace."],
        ),
        ("John F. Kennedy was shot. He died.", ["John F. Kennedy was shot.", "He died."]),
        ("Dit is klaar. ’n Nuwe boek volg.", ["Dit is klaar.", "’n Nuwe boek volg."]),
        ("Das war gut. „Nein“, sagte er.", ["Das war gut.", "„Nein“, sagte er."]),
        ("C'est fini. « Non », dit-il.", ["C'est fini.", "« Non », dit-il."]),
        (
            "Նա ասաց. «Այո»։ Հետո գնաց։",
            ["Նա ասաց. «Այո»։", "Հետո գնաց։"],
        ),  # Armenian "." is a colon
        ("  padded.   ", ["padded."]),
        ("", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_seed_sentences_are_exact_spans_of_the_prose() -> None:
    article = Article(read(SEED))
    paragraph = article.paragraphs[1]
    found = [paragraph.prose.text[start:end] for start, end in paragraph.sentences]
    assert len(found) == 5
    assert found[1] == (
        "In late 1939 and 1940 Stalin invaded or seized part or all of all of Russia's European "
        "neighbors, Poland, Finland, Estonia, Latvia, and Lithuania, seeking to regain territory "
        "lost in World War I."
    )
    assert found[3].startswith("Germany's invasion of June 22, 1941 proved")
    assert [len(p.sentences) for p in article.paragraphs] == [6, 5, 13]


def test_japanese_fixture_splits_on_the_ideographic_full_stop() -> None:
    article = Article(read(FIXTURES / "intl" / "ja" / "形式言語.wiki"))
    paragraph = next(p for p in article.paragraphs if "。" in p.prose.text)
    for start, end in paragraph.sentences:
        assert "。" not in paragraph.prose.text[start : end - 1]


def test_word_pattern_keeps_apostrophes_inside_words() -> None:
    assert WORD.findall("Russia's rock’n’roll l'eau 'quoted' 3.5") == [
        "Russia's",
        "rock’n’roll",
        "l'eau",
        "quoted",
        "3",
        "5",
    ]
    assert WORD.findall("ऋग्वेद 形式言語") == ["ऋग्वेद", "形式言語"]
