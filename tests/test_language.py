"""Language detection: script first, then function words for Latin text."""

from __future__ import annotations

import pytest
from helpers import corpus_articles, fixture_articles, needs_corpus, read

from wikilint.document.article import Article
from wikilint.document.language import UNDETERMINED, detect_language
from wikilint.document.language_data import known_languages
from wikilint.linter.registry import discover


@pytest.mark.parametrize("path", fixture_articles("en/*.wiki"), ids=lambda p: p.stem)
def test_english_fixtures_are_english(path) -> None:
    assert Article(read(path)).detected_language == "en"


@pytest.mark.parametrize("path", fixture_articles("intl/**/*.wiki"), ids=lambda p: p.parent.name)
def test_other_fixtures_are_detected_in_their_language(path) -> None:
    assert Article(read(path)).detected_language == path.parent.name


@needs_corpus
def test_no_corpus_article_in_another_language_is_taken_for_english() -> None:
    wrong = [
        path.name
        for path in corpus_articles("intl/**/*.wiki")
        if Article(read(path)).detected_language in ("en", None)
    ]
    assert wrong == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Київ — столиця України, і місто має понад три мільйони жителів.", "uk"),
        ("Москва — столица России, крупнейший город страны.", "ru"),
        ("東京は日本の首都であり、世界最大の都市圏を形成している。", "ja"),
        ("北京是中华人民共和国的首都，也是全国的政治中心。", "zh"),
        ("Die Stadt liegt an der Elbe und ist die Hauptstadt des Landes.", "de"),
        ("Die stad is nie groot nie, maar hulle woon al lank in die hoofstad van die land.", "af"),
        ("Byen ligg ved elva, og ho er ikkje den største byen i fylket, men dei bur der.", "nn"),
        ("Hà Nội là thủ đô của Việt Nam và là thành phố lớn thứ hai.", "vi"),
        ("The city lies on the river and is the capital of the country.", "en"),
        ("Xqz vbn wrt plk mnb zxc vbq wer tyu.", UNDETERMINED),
        ("Too short.", None),
        ("{{Infobox}} 1234", None),
    ],
)
def test_detect_language_of_text(text: str, language: str | None) -> None:
    assert detect_language(text) == language


def test_a_given_language_wins_and_detection_is_lazy() -> None:
    article = Article(
        "Die Stadt liegt an der Elbe und ist die Hauptstadt des Landes.", language="en"
    )
    assert article.language == "en"
    assert "language" not in vars(Article("Die Stadt liegt an der Elbe."))


def test_known_languages_hold_every_detected_language_and_every_rules_languages() -> None:
    detected = {
        Article(read(path)).detected_language for path in fixture_articles("intl/**/*.wiki")
    }
    declared = {code for rule in discover(plugins=False).rules for code in rule.languages or ()}
    assert detected | declared <= known_languages()
    assert UNDETERMINED not in known_languages()
