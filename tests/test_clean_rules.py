"""Every boilerplate rule fires on its example; no rule touches real article text."""
import pytest

from pipeline.errors import DanvanError
from pipeline.extract.boilerplate import load_rules, match_key, parse_rules

RULES = load_rules()


@pytest.mark.parametrize("rule", RULES.rules, ids=lambda r: f"{r.family}:{r.kind}:{r.example[:30]}")
def test_rule_fires_on_its_example(rule):
    key = match_key(rule.example)
    if rule.kind == "lead":
        stripped, fired = RULES.strip_lead(key)
        assert rule in fired
        if rule.result is not None:
            assert stripped == rule.result
    elif rule.kind == "strip":
        stripped = rule.strip(key)
        assert stripped != key
        if rule.result is not None:
            assert stripped == rule.result
    else:
        assert rule.fullmatch(key)


@pytest.mark.parametrize("text", RULES.counter_examples, ids=lambda t: t[:40])
def test_no_rule_drops_or_changes_article_text(text):
    key = match_key(text)
    assert RULES.classify(key) is None
    assert RULES.strip(key) == (key, [])
    assert RULES.strip_lead(key) == (key, [])


def test_every_seed_family_has_rules():
    families = set(RULES.families)
    for family in ("error_message", "view_counter", "rating_widget", "toolbar", "share_links",
                   "related_list", "session_notice", "image_marker", "lone_punctuation",
                   "visit_statistics", "footer", "navigation", "comments", "tags", "login_form",
                   "agency_tag"):
        assert family in families


def test_every_rule_has_an_example_and_counter_examples_exist():
    assert all(r.example for r in RULES.rules)
    assert len(RULES.counter_examples) >= 20


def test_a_user_rule_file_is_checked():
    with pytest.raises(DanvanError, match="bad regular expression"):
        parse_rules({"families": [{"name": "x", "rules": [{"pattern": "(", "example": "("}]}]})
    with pytest.raises(DanvanError, match="kind must be"):
        parse_rules({"families": [{"name": "x", "rules": [{"kind": "drop", "pattern": "a", "example": "a"}]}]})
    with pytest.raises(DanvanError, match="needs a pattern and an example"):
        parse_rules({"families": [{"name": "x", "rules": [{"pattern": "a"}]}]})


def test_a_user_rule_changes_what_is_removed():
    from pipeline.extract import clean_text
    raw = ("Hội nghị sơ kết công tác dân vận quý I năm 2024\n12/04/2024 08:00\n"
           "Sáng 12/4, Ban Dân vận Huyện ủy tổ chức hội nghị sơ kết công tác dân vận quý I năm 2024 với sự tham dự của các đồng chí lãnh đạo.\n"
           "Mời bạn đọc đặt báo in năm 2024\n"
           "Hội nghị đã đánh giá kết quả đạt được, chỉ ra hạn chế và đề ra nhiệm vụ trọng tâm của quý II năm 2024.\n")
    assert "Mời bạn đọc đặt báo in năm 2024" in clean_text(raw).paragraphs
    data = {"families": [{"name": "ads", "rules": [
        {"kind": "line", "pattern": "(?i)mời bạn đọc đặt báo.*", "example": "Mời bạn đọc đặt báo in"}]}]}
    rules = parse_rules(data)
    rules.rules.extend(RULES.rules)
    assert "Mời bạn đọc đặt báo in năm 2024" not in clean_text(raw, rules=rules).paragraphs
