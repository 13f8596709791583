"""Parts of the theme stage: ordinal estimator, taxonomy, labelled-set assembly, persistence."""
import json
import os
import warnings

import numpy as np
import pytest

from pipeline.errors import DanvanError, InputError, UntrustedModelError
from pipeline.themes.ordinal import EXPECTED_FAILED_CHECKS, OrdinalLevelClassifier
from pipeline.themes.taxonomy import load_taxonomy


def test_ordinal_classifier_follows_sklearn_conventions():
    from sklearn.utils.estimator_checks import check_estimator
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        results = check_estimator(OrdinalLevelClassifier(), on_fail=None,
                                  expected_failed_checks=EXPECTED_FAILED_CHECKS)
    failed = [r["check_name"] for r in results if r["status"] == "failed"]
    assert failed == []


def test_ordinal_thresholds_decide_levels_in_order():
    rng = np.random.RandomState(0)
    X = rng.randn(300, 3)
    y = np.digitize(X[:, 0] + 0.3 * rng.randn(300), [-0.5, 0.7])  # levels 0/1/2 along x0
    model = OrdinalLevelClassifier(calibration_cv=3).fit(X, y)
    cumulative = model.cumulative_proba(X)
    assert np.all(cumulative[:, 0] >= cumulative[:, 1])  # P(>=1) >= P(2)
    assert (model.predict(X) == y).mean() > 0.8
    strict = model.set_params(thresholds=[0.5, 0.99]).predict(X)
    loose = model.set_params(thresholds=[0.5, 0.01]).predict(X)
    assert (strict == 2).sum() < (loose == 2).sum()
    with pytest.raises(ValueError):
        model.set_params(thresholds=[0.5]).predict(X)


def test_shipped_taxonomy_has_the_four_themes():
    themes = load_taxonomy()
    assert [t.label for t in themes] == ["religion", "ethnicity", "land_clearance", "new_rural"]
    assert all(t.name_vi and t.description and t.lexicon for t in themes)


def test_lexicon_skips_stock_phrases_for_the_whole_nation():
    ethnicity = {t.label: t for t in load_taxonomy()}["ethnicity"]
    assert ethnicity.lexicon_hits("Phát huy sức mạnh khối đại đoàn kết toàn dân tộc.") == []
    assert ethnicity.lexicon_hits("Hỗ trợ đồng bào dân tộc thiểu số vùng cao.")


@pytest.mark.parametrize("text, message", [
    ("[[theme]]\nlabel = 'Bad Label'\n", "bad theme label"),
    ("[[theme]]\nlabel = 'a'\n[[theme]]\nlabel = 'a'\n", "defined twice"),
    ("title = 'x'\n", r"defines no \[\[theme"),
    ("[[theme]\n", "not valid TOML"),
    ("[[theme]]\nlabel = 'a'\nlexicon = ['chùa', 'đình', 'Chùa']\n", "'chùa' more than once"),
    ("[[theme]]\nlabel = 'a'\nstop = 'tôn giáo: không'\n", "stop must be a list of strings"),
])
def test_bad_taxonomy_files_are_refused_clearly(tmp_path, text, message):
    path = tmp_path / "t.toml"
    path.write_text(text)
    with pytest.raises(DanvanError, match=message):
        load_taxonomy(path)


def test_splits_are_fixed_by_id_and_near_70_15_15():
    from pipeline.themes.labels import split_of
    assert split_of("vietnews/train/004279") == split_of("vietnews/train/004279")
    splits = [split_of(f"id/{i}") for i in range(20000)]
    share = {s: splits.count(s) / len(splits) for s in ("train", "dev", "test")}
    assert abs(share["train"] - 0.70) < 0.02 and abs(share["test"] - 0.15) < 0.02


def _write(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))


def test_assembly_merges_annotators_settles_disagreements_and_reports_kappa(tmp_path):
    from pipeline.themes.labels import assemble, kappa_table, write
    taxonomy = tmp_path / "tax.toml"
    taxonomy.write_text("[[theme]]\nlabel = 'religion'\n[[theme]]\nlabel = 'new_rural'\n")
    (tmp_path / "raw").mkdir()
    _write(tmp_path / "pool.jsonl", [{"id": f"p{i}", "source": "s", "title": f"T{i}",
                                      "text": f"văn bản {i}"} for i in range(6)])
    _write(tmp_path / "raw" / "annotator_a.jsonl",
           [{"id": f"p{i}", "religion": i % 3, "new_rural": 0, "ev": ""} for i in range(4)])
    _write(tmp_path / "raw" / "annotator_c.jsonl",
           [{"id": "p0", "religion": 0, "new_rural": 0},  # agrees
            {"id": "p1", "religion": 2, "new_rural": 0},  # disagrees, adjudicated below
            {"id": "p2", "religion": 1, "new_rural": 0},  # disagrees, left unsettled
            {"id": "p5", "religion": 2, "new_rural": 1},  # single label from c
            {"id": "zz", "religion": 0, "new_rural": 0}])  # not in the pool: ignored
    _write(tmp_path / "adjudication.jsonl",
           [{"id": "p1", "theme": "religion", "level": 2, "reason": "a paragraph on a pagoda"}])
    lines, stats = assemble(["religion", "new_rural"], tmp_path)
    by_id = {l["id"]: l for l in lines}
    assert set(by_id) == {"p0", "p1", "p2", "p3", "p5"}
    assert by_id["p1"]["levels"]["religion"] == 2 and "unsettled" not in by_id["p1"]
    assert by_id["p2"]["levels"]["religion"] == 2 and by_id["p2"]["unsettled"] == ["religion"]
    assert by_id["p0"]["annotators"] == ["a", "c"]
    assert by_id["p5"]["levels"] == {"religion": 2, "new_rural": 1}
    assert stats["unknown_ids"] == ["zz"] and stats["adjudicated"] == 1
    assert len(stats["pairs"]["religion"]) == 3
    table = kappa_table(stats["pairs"], ["religion", "new_rural"])
    assert "| religion | 3 | 0.333 |" in table
    (tmp_path / "README.md").write_text("# x\n<!-- stats:start -->\nold\n<!-- stats:end -->\ntail\n")
    write(tmp_path, taxonomy)
    readme = (tmp_path / "README.md").read_text()
    assert "old" not in readme and "Articles: **5**" in readme and readme.endswith("tail\n")
    assert len((tmp_path / "themes.jsonl").read_text().splitlines()) == 5


def test_relabel_replaces_an_annotator_and_third_readings_set_levels(tmp_path):
    from pipeline.themes.labels import assemble
    (tmp_path / "raw").mkdir()
    _write(tmp_path / "pool.jsonl", [{"id": f"p{i}", "text": f"văn bản {i}"} for i in range(3)])
    _write(tmp_path / "raw" / "annotator_a.jsonl",
           [{"id": f"p{i}", "religion": 1, "new_rural": 1} for i in range(3)])
    _write(tmp_path / "raw" / "annotator_b.jsonl", [{"id": "p0", "religion": 0, "new_rural": 1}])
    _write(tmp_path / "raw" / "relabel_a.jsonl", [{"id": "p0", "religion": 0, "new_rural": 2},
                                                  {"id": "p1", "religion": 0, "new_rural": 0}])
    _write(tmp_path / "raw" / "adjudication.jsonl",
           [{"id": "p0", "new_rural": 1, "rule": "settles a vs b"},
            {"id": "p2", "new_rural": 2, "rule": "a raise: a concrete figure"}])
    lines, stats = assemble(["religion", "new_rural"], tmp_path)
    levels = {l["id"]: l["levels"] for l in lines}
    assert levels["p1"] == {"religion": 0, "new_rural": 0}  # relabel replaced a's line
    assert levels["p0"] == {"religion": 0, "new_rural": 1}  # relabel agrees with b on religion
    assert levels["p2"] == {"religion": 1, "new_rural": 2}  # third reading raised a's 1
    assert not any(l.get("unsettled") for l in lines)
    assert stats["third_changed"] == 2 and stats["adjudicated"] == 1


def test_full_second_reading_settles_by_third_reading_and_flags_the_rest(tmp_path):
    from pipeline.themes.labels import assemble, stats_markdown
    (tmp_path / "raw").mkdir()
    _write(tmp_path / "pool.jsonl", [{"id": f"p{i}", "text": f"văn bản số {i} về chùa Một Cột"}
                                     for i in range(5)])
    _write(tmp_path / "raw" / "annotator_a.jsonl",
           [{"id": f"p{i}", "religion": 1, "new_rural": 0} for i in range(4)])
    _write(tmp_path / "raw" / "annotator_b.jsonl", [{"id": "p3", "religion": 2, "new_rural": 0}])
    _write(tmp_path / "raw" / "reread_0.jsonl",
           [{"id": "p0", "religion": 1, "new_rural": 0},  # agrees: stands
            {"id": "p1", "religion": 2, "new_rural": 0},  # disputes: settled to 2 below
            {"id": "p2", "religion": 0, "new_rural": 0},  # disputes: not settled yet
            {"id": "p3", "religion": 1, "new_rural": 0},  # sides with a against b: majority
            {"id": "p4", "religion": 2, "new_rural": 0}])  # no first reading: not a line
    _write(tmp_path / "raw" / "reread_adjudication_0.jsonl",
           [{"id": "p1", "religion": 2, "rule": "a concrete event at the pagoda"}])
    lines, stats = assemble(["religion", "new_rural"], tmp_path)
    by_id = {l["id"]: l for l in lines}
    assert set(by_id) == {"p0", "p1", "p2", "p3"}
    assert by_id["p0"]["levels"]["religion"] == 1 and "unsettled" not in by_id["p0"]
    assert by_id["p1"]["levels"]["religion"] == 2 and "unsettled" not in by_id["p1"]
    assert by_id["p2"]["levels"]["religion"] == 1 and by_id["p2"]["unsettled"] == ["religion"]
    assert by_id["p3"]["levels"]["religion"] == 1 and "unsettled" not in by_id["p3"]
    tally = stats["reread"]
    assert tally.to_settle == [("p2", "religion", 1, 0)] and tally.majority == 1
    assert tally.moves == {("religion", 1, 2): 1} and len(tally.pairs["religion"]) == 4
    text = stats_markdown(lines, stats, ["religion", "new_rural"])
    assert "**4** articles read again blind" in text and "| religion | 4 | 0.500 |" in text


def test_second_reading_lines_quoting_another_article_are_left_out(tmp_path):
    from pipeline.themes.labels import assemble
    (tmp_path / "raw").mkdir()
    _write(tmp_path / "pool.jsonl", [
        {"id": "p0", "text": "Lễ hội chùa Hương khai mạc với hàng nghìn phật tử."},
        {"id": "p1", "text": "Xã đạt chuẩn nông thôn mới sau ba năm phấn đấu."},
        {"id": "p2", "text": "Giá vàng hôm nay tăng nhẹ."}])
    _write(tmp_path / "raw" / "annotator_a.jsonl",
           [{"id": "p0", "religion": 2, "new_rural": 0}, {"id": "p1", "religion": 0, "new_rural": 2},
            {"id": "p2", "religion": 0, "new_rural": 0}])
    _write(tmp_path / "raw" / "reread_0.jsonl", [  # p2's line quotes p1: a shifted label
        {"id": "p2", "religion": 0, "new_rural": 2, "ev": "Xã đạt chuẩn nông thôn mới"}])
    lines, stats = assemble(["religion", "new_rural"], tmp_path)
    assert {l["id"]: l["levels"]["new_rural"] for l in lines} == {"p0": 0, "p1": 2, "p2": 0}
    assert ("reread_0", 1, "p2") in stats["dropped"] and not stats["reread"].pairs


def test_load_labelled_refuses_missing_theme_and_bad_level(tmp_path):
    from pipeline.themes.labels import load_labelled
    path = tmp_path / "l.jsonl"
    _write(path, [{"id": "a", "text": "x", "levels": {"religion": 2}}])
    with pytest.raises(InputError, match="new_rural"):
        load_labelled(path, ["religion", "new_rural"])
    _write(path, [{"id": "a", "text": "x", "levels": {"religion": 3}}])
    with pytest.raises(InputError, match="not 0, 1 or 2"):
        load_labelled(path)


def test_untrusted_model_file_is_refused(tmp_path):
    import skops.io as sio
    from sklearn.preprocessing import FunctionTransformer
    from pipeline.themes.persist import load_model
    (tmp_path / "meta.json").write_text(json.dumps({"themes": [], "thresholds": [], "format": 3}))
    sio.dump({"stage1": FunctionTransformer(func=os.system), "stage2": []},
             tmp_path / "model.skops")
    with pytest.raises(UntrustedModelError, match="system"):
        load_model(tmp_path)


def test_missing_or_broken_model_gives_a_clear_error(tmp_path, capsys):
    from pipeline.cli import main
    from pipeline.themes.persist import load_model
    with pytest.raises(DanvanError, match="no theme model"):
        load_model(tmp_path)
    (tmp_path / "model.skops").write_bytes(b"not a zip")
    with pytest.raises(DanvanError, match="not a readable skops model"):
        load_model(tmp_path)
    text = tmp_path / "in.txt"
    text.write_text("Một câu.")
    assert main(["tag", str(text), "--model", str(tmp_path)]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


@pytest.mark.parametrize("content, message", [
    (b"", "empty"), (b"\x00\x01binary", "binary"), (b"\xff\xfe\xfa bad", "UTF-8"),
    (b'{"id": "a", "text": "x"}\n{broken\n', "not JSON"), (b'{"id": "a"}\n{"id": "b"}\n', "needs"),
])
def test_cli_tag_rejects_bad_input_in_one_line(tmp_path, capsys, content, message):
    from pipeline.cli import main
    path = tmp_path / "bad"
    path.write_bytes(content)
    assert main(["tag", str(path), "--model", str(tmp_path / "nomodel")]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_lexicon_flags_mark_theme_sentences_and_enumerations():
    from pipeline.themes.model import lexicon_flags, lexicon_matchers
    matchers = lexicon_matchers([[["giải phóng mặt bằng"], []],
                                 [["dân tộc"], ["đại đoàn kết toàn dân tộc"]]])
    article = [[("Huyện", "đã", "chi", "12", "tỷ", "đồng", "giải phóng mặt bằng", "."),
                ("Các", "mặt", "công tác", ":", "giải phóng mặt bằng", ",", "an ninh", ",",
                 "y tế", ",", "giáo dục", "."),
                ("Khối", "đại đoàn kết", "toàn", "dân tộc", ".")]]
    clearance, ethnicity = lexicon_flags(matchers, article)
    assert clearance.tolist() == [[1.0, 1.0], [1.0, 0.0], [0.0, 0.0]]
    assert ethnicity.tolist() == [[0.0, 0.0]] * 3  # the stock phrase is not the theme


def test_lexicon_phrases_with_punctuation_match_segmented_text():
    # The segmenter spaces punctuation off ("dân_tộc , tôn_giáo"); the taxonomy writes the
    # phrase as people do ("dân tộc, tôn giáo"). Both must meet, for phrases and stop phrases.
    from pipeline.themes.model import lexicon_flags, lexicon_matchers
    matchers = lexicon_matchers([[["dân tộc, tôn giáo"], []],
                                 [["tôn giáo"], ["tôn giáo: không"]]])
    article = [[("Quản lý", "nhà nước", "về", "dân tộc", ",", "tôn giáo", "."),
                ("Dân tộc", "tôn giáo", "học", "."),
                ("Tôn giáo", ":", "Không", ";", "quê quán", ":", "Huế", ".")]]
    pair, religion = lexicon_flags(matchers, article)
    assert pair[:, 0].tolist() == [1.0, 0.0, 0.0]
    assert religion[:, 0].tolist() == [1.0, 1.0, 0.0]  # the CV field is a stop phrase
    ethnicity = {t.label: t for t in load_taxonomy()}["ethnicity"]
    assert "dân tộc, tôn giáo" in ethnicity.lexicon_hits("công tác dân tộc, tôn giáo")


def test_list_items_are_told_apart_from_a_clauses_object():
    # "An item in a list is level 1": a mention in a short stretch between separators, with a
    # short stretch beside it, is an item; a mention inside a longer clause is not, however
    # many commas the sentence has.
    from pipeline.themes.model import lexicon_flags, lexicon_matchers, list_item
    matchers = lexicon_matchers([[["tôn giáo"], []]])
    task = [("Tăng cường", "công tác", "quản lý", "nhà nước", "đối với", "công tác",
             "tôn giáo", ";", "giải quyết", "các", "vấn đề", "liên quan", ",", "vận động",
             "quần chúng", ",", "tuyên truyền", ",", "phối hợp", ".")]
    enumeration = [("Thực hiện", "tốt", "chính sách", "dân tộc", ",", "tôn giáo", ",", "các",
                    "chương trình", "mục tiêu", "quốc gia", ".")]
    short_sentence = [("Hội nghị", "bàn", "về", "tôn giáo", ".")]
    (items,) = lexicon_flags(matchers, [task + enumeration + short_sentence], "items")
    assert items.tolist() == [[1, 1], [1, 0], [1, 1]]
    # the older rule counts separators: the task sentence has four, so it is "a list"
    (separators,) = lexicon_flags(matchers, [task + enumeration + short_sentence])
    assert separators.tolist() == [[1, 0], [1, 1], [1, 1]]
    # one mention outside a list is enough; a lone short stretch is not an item
    text = "công_tác dân_tộc , tôn_giáo ; quản_lý nhà_nước về tôn_giáo trên địa_bàn tỉnh"
    starts = [i for i in range(len(text)) if text.startswith("tôn_giáo", i)]
    assert list_item(text, starts) == [True, False]
    assert list_item("tôn_giáo", [0]) == [False]
    with pytest.raises(ValueError, match="enumeration"):
        lexicon_flags(matchers, [short_sentence], "commas")


def test_theme_names_are_flagged_apart_from_the_lexicon():
    # A theme's names ("tôn giáo") say that it is named, wherever they stand; the rest of
    # the lexicon ("chùa") may or may not concern it. Stock phrases count for neither.
    from pipeline.themes.model import lexicon_flags, lexicon_matchers, stage2_features, Scores
    religion = {t.label: t for t in load_taxonomy()}["religion"]
    assert "tôn giáo" in religion.names and "chùa" in religion.lexicon
    assert "chùa" not in religion.names
    matchers = lexicon_matchers([[list(religion.lexicon), list(religion.stop),
                                  list(religion.names)]])
    article = [[("Thực hiện", "tốt", "chính sách", "dân tộc", ",", "tôn giáo", ",", "các",
                 "chương trình", "mục tiêu", "quốc gia", ",", "nhất là", "nông thôn", "mới", "."),
                ("Đoàn", "dừng", "chân", "ở", "chùa", "Một Cột", "."),
                ("Dân tộc", ":", "Kinh", ";", "tôn giáo", "|", "không", "."),
                ("Trạm", "y tế", "có", "thêm", "máy", "siêu âm", ".")]]
    (flags,) = lexicon_flags(matchers, article)
    assert flags.tolist() == [[1, 0, 1], [1, 1, 0], [0, 0, 0], [0, 0, 0]]
    # an entry without names (a model trained before they existed) keeps two columns
    (old,) = lexicon_flags(lexicon_matchers([[list(religion.lexicon), []]]), article)
    assert old.shape == (4, 2) and old[:, :2].tolist() == flags[:2, :2].tolist() + [[1, 1], [0, 0]]
    scores = Scores([np.zeros((1, 2))], [np.zeros((4, 2))], np.array([0, 4]), None, [flags])
    with_names = stage2_features(scores, 0)
    assert with_names.shape[1] == stage2_features(
        Scores(scores.article, scores.sentence, scores.bounds, None, [old]), 0).shape[1] + 2
    assert with_names[0, -2:].tolist() == [1.0, pytest.approx(np.log(2))]


def test_model_card_says_where_thresholds_were_chosen():
    from pipeline.themes.card import _threshold_data
    assert "out-of-fold" not in _threshold_data({"thresholds_on": "dev", "synthetic": 0.5})
    assert "long reports" in _threshold_data({"thresholds_on": "dev", "synthetic": 0.5})
    both = _threshold_data({"thresholds_on": "dev+oof", "synthetic": 0})
    assert both.startswith("the dev split") and "out-of-fold" in both
    assert "dev kept out" in _threshold_data({"thresholds_on": "oof"})
    final = _threshold_data({"thresholds_on": "oof", "train_splits": ["train", "dev"]})
    assert "train and dev" in final and "dev kept out" not in final


def _noisy(truth, share, rng):
    out = truth.copy()
    flip = rng.random(truth.shape) < share
    out[flip] = rng.integers(0, 3, size=int(flip.sum()))
    return out


def test_bootstrap_intervals_hold_the_figure_and_narrow_with_more_articles():
    from pipeline.themes.evaluate import _macro_f1_resampled, bootstrap_intervals, score_levels
    rng = np.random.default_rng(3)
    widths = []
    for n in (100, 1600):
        truth = rng.integers(0, 3, size=(n, 4))
        predicted = _noisy(truth, 0.2, rng)
        interval = bootstrap_intervals(truth, {"model": predicted}, samples=400)["model"]
        scores = score_levels(truth, predicted, ["a", "b", "c", "d"])
        whole = np.arange(n)[None, :]  # the one "resample" that is the split itself
        for key, minimum in (("l2", 2), ("l1", 1)):
            assert _macro_f1_resampled(truth, predicted, whole, minimum)[0] == \
                pytest.approx(scores[f"macro_{key}"])
        for key in ("l2", "l1"):
            lo, hi = interval[key]
            assert lo < scores[f"macro_{key}"] < hi
        widths.append(interval["l2"][1] - interval["l2"][0])
    assert widths[1] < widths[0] / 2  # 16 times the articles: about a quarter of the width
    again = bootstrap_intervals(truth, {"model": predicted}, samples=400)["model"]
    assert again["l2"] == interval["l2"]  # seeded: the same figures on every run


def test_paired_bootstrap_margin_is_zero_for_one_system_and_signed_for_a_better_one():
    from pipeline.themes.evaluate import bootstrap_intervals
    rng = np.random.default_rng(4)
    truth = rng.integers(0, 3, size=(400, 4))
    good, poor = _noisy(truth, 0.05, rng), _noisy(truth, 0.4, rng)
    same = bootstrap_intervals(truth, {"a": poor, "b": poor.copy()}, reference="a", samples=200)
    assert same["b"]["diff vs a"]["l2"] == (0.0, 0.0)
    better = bootstrap_intervals(truth, {"poor": poor, "good": good}, reference="poor",
                                 samples=200)
    lo, hi = better["good"]["diff vs poor"]["l2"]
    assert 0 < lo < hi
    assert "diff vs poor" not in better["poor"]
