import json

import pytest

from pipeline.models import Article, Citation, ThemeTag


def make_article() -> Article:
    return Article(
        id="a1", title="Tiêu đề", paragraphs=["Đoạn một.", "Đoạn hai."], captions=["Đoạn hai."],
        province="Gia Lai", published="2020-08-06", published_precision="day",
        themes=[ThemeTag("religion", 0.9, 2, 0.95, ["Câu về tôn giáo."])],
        citations=[Citation(0, 8, "25-NQ/TW", number="25-NQ/TW", family="party")],
    )


def test_round_trip_through_json_keeps_every_field():
    article = make_article()
    again = Article.from_json(article.to_json())
    assert again == article
    assert isinstance(again.themes[0], ThemeTag)
    assert isinstance(again.citations[0], Citation)


def test_text_joins_paragraphs_with_newlines():
    assert make_article().text == "Đoạn một.\nĐoạn hai."


def test_unknown_keys_are_ignored_and_text_fills_paragraphs():
    article = Article.from_dict({"id": "x", "text": "A\n\nB", "future_field": 1})
    assert article.paragraphs == ["A", "B"]


def test_missing_id_is_an_error():
    with pytest.raises(ValueError):
        Article.from_dict({"title": "no id"})


def test_content_hash_ignores_metadata_but_not_text():
    a, b = make_article(), make_article()
    b.url = "http://other.example/x"
    assert a.content_hash() == b.content_hash()
    b.paragraphs = ["Khác."]
    assert a.content_hash() != b.content_hash()


def test_to_dict_is_plain_json():
    data = make_article().to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["schema_version"] == 1
