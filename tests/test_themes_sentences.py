"""Quality pass of the labelled set (audits) and the sentence-level labels and models."""
import json

import numpy as np
import pytest


def _write(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def _label_dir(tmp_path, first_levels: dict) -> None:
    """A labels folder of three pool articles p0-p2 that annotator A gave ``first_levels``."""
    (tmp_path / "raw").mkdir()
    _write(tmp_path / "pool.jsonl", [{"id": f"p{i}", "text": f"văn bản {i}"} for i in range(3)])
    _write(tmp_path / "raw" / "annotator_a.jsonl",
           [{"id": f"p{i}", **first_levels} for i in range(3)])


def test_audit_lines_set_levels_after_third_readings(tmp_path):
    from pipeline.themes.labels import assemble
    _label_dir(tmp_path, {"religion": 0, "new_rural": 1})
    _write(tmp_path / "raw" / "adjudication.jsonl", [{"id": "p0", "new_rural": 2, "rule": "x"}])
    _write(tmp_path / "raw" / "audit_new_rural.jsonl",
           [{"id": "p0", "new_rural": 0, "rule": "'mới đây' = recently"}])
    _write(tmp_path / "raw" / "audit_religion.jsonl",
           [{"id": "p1", "religion": 1, "rule": "pagoda as a landmark"},
            {"id": "p2", "religion": 0, "rule": "kept"}])
    lines, stats = assemble(["religion", "new_rural"], tmp_path)
    levels = {l["id"]: l["levels"] for l in lines}
    assert levels["p0"]["new_rural"] == 0  # the audit comes after the third reading
    assert levels["p1"] == {"religion": 1, "new_rural": 1}
    assert levels["p2"] == {"religion": 0, "new_rural": 1}
    assert stats["audited"] == 3 and stats["audit_changed"] == 2


def test_the_same_text_under_two_ids_is_one_article_in_one_split(tmp_path):
    from pipeline.themes.labels import assemble
    (tmp_path / "raw").mkdir()
    text = "Lễ Phật đản được tổ chức tại chùa Vĩnh Nghiêm."
    _write(tmp_path / "pool.jsonl", [{"id": "p0", "text": text}, {"id": "p1", "text": text + " "},
                                     {"id": "p2", "text": "Một bài khác."}])
    _write(tmp_path / "raw" / "annotator_a.jsonl",
           [{"id": "p0", "religion": 2}, {"id": "p1", "religion": 1}, {"id": "p2", "religion": 0}])
    _write(tmp_path / "raw" / "annotator_c.jsonl",
           [{"id": "p0", "religion": 2}, {"id": "p1", "religion": 1}])
    lines, stats = assemble(["religion"], tmp_path)
    assert len(lines) == 2
    (kept,) = [l for l in lines if l.get("duplicates")]
    assert sorted([kept["id"]] + kept["duplicates"]) == ["p0", "p1"]
    assert stats["duplicates"] == 1 and len(stats["duplicate_conflicts"]) == 1
    assert len(stats["pairs"]["religion"]) == 1  # agreement counts the kept line only


def test_sentence_labels_are_placed_by_index_or_found_again_by_text(tmp_path):
    from pipeline.themes.sentence_labels import align_sentence_labels, read_sentence_labels
    _write(tmp_path / "sentences_religion.jsonl", [
        {"sid": "a#1", "id": "a", "index": 1, "text": "Lễ Phật đản  tại chùa.", "level": 2},
        {"sid": "a#0", "id": "a", "index": 0, "text": "Câu đã dời chỗ.", "level": 1},
        {"sid": "b#5", "id": "b", "index": 5, "text": "Câu không còn nữa.", "level": 2},
        {"sid": "b#0", "id": "b", "index": 0, "text": "x", "level": 7},  # not a level: skipped
    ])
    labels = read_sentence_labels(["religion", "ethnicity"], tmp_path)
    texts = [["Mở đầu.", "Lễ Phật đản tại chùa.", "Câu đã dời chỗ."], ["Một câu."]]
    levels, missing = align_sentence_labels(["a", "b"], texts, ["religion", "ethnicity"], labels)
    assert levels[0].tolist() == [-1, 2, 1, -1]
    assert levels[1].tolist() == [-1, -1, -1, -1]
    assert missing == 1


def _sentence_set(seed: int, n_articles: int, per: int, n_features: int):
    """Noise features for ``per`` sentences of each of ``n_articles`` one-theme articles, all
    at level 0 and unlabelled: each test writes its own signal into it."""
    X = np.random.default_rng(seed).random((n_articles * per, n_features)) * 0.1
    bounds = np.arange(0, n_articles * per + 1, per)
    return X, bounds, np.zeros((n_articles, 1), int), [np.full(n_articles * per, -1)]


def _fit_and_score(X, bounds, levels, sentence_levels, probe, **options) -> np.ndarray:
    """(n_probe, 2) scores of the probe rows by sentence models fitted on the set."""
    from scipy import sparse
    from pipeline.themes.sentences import LEVEL2, fit_labelled_sentence_models, score_sentences
    models = fit_labelled_sentence_models(sparse.csr_matrix(X), bounds, levels, sentence_levels,
                                          **options)
    probe = np.asarray(probe, dtype=float)
    conditional = options.get("level2", LEVEL2) == "conditional"
    return score_sentences(models, sparse.csr_matrix(probe), [np.zeros((len(probe), 2))],
                           conditional)[0]


def test_labelled_sentence_models_learn_the_sentence_rule():
    # Feature 0: the theme named; feature 1: something concrete about it; others noise.
    n_articles = 90  # 60 labelled sentences: above MIN_LABELLED
    X, bounds, levels, sentence_levels = _sentence_set(0, n_articles, 5, 6)
    for i in range(n_articles):
        level = i % 3
        levels[i, 0] = level
        if level:
            row = bounds[i]
            X[row, 0] = 1.0
            X[row, 1] = 1.0 if level == 2 else 0.0
            sentence_levels[0][row] = level
    scores = _fit_and_score(X, bounds, levels, sentence_levels,
                            [[1.0, 1.0, 0, 0, 0, 0], [1.0, 0, 0, 0, 0, 0],
                             [0, 0, 0.05, 0.05, 0.05, 0.05]])
    assert scores[0, 1] > 0.5 > scores[1, 1]  # concrete sentence: level 2; a mention: not
    assert scores[1, 0] > 0.5 > scores[2, 0]  # a mention: level >= 1; noise: not


def test_best_sentence_takes_each_articles_maximum():
    from pipeline.themes.model import best_sentence
    rows = np.array([[0.1, 0.0], [0.9, 0.2], [0.3, 0.8], [0.5, 0.4]])
    out = best_sentence(rows, np.array([0, 2, 2, 4]))
    assert out.tolist() == [[0.9, 0.2], [0.0, 0.0], [0.5, 0.8]]


def test_lexicon_matches_whole_segmented_words_only():
    from pipeline.themes.model import lexicon_flags, lexicon_matchers
    matchers = lexicon_matchers([[["người chăm", "dân tộc thiểu số"], []]])
    article = [[("Bà", "là", "người", "chăm sóc", "duy nhất", "."),
                ("Đồng bào", "người", "Chăm", "đón", "lễ", "."),
                ("Hỗ trợ", "hộ", "dân tộc", "thiểu số", "."),
                ("Hỗ trợ", "hộ", "dân tộc thiểu số", ".")]]
    (flags,) = lexicon_flags(matchers, article)
    assert flags[:, 0].tolist() == [0.0, 1.0, 1.0, 1.0]


def test_synthetic_reports_take_each_themes_highest_level():
    from pipeline.themes.augment import synthetic_reports
    tokens = [[("câu", str(i))] for i in range(10)]
    Y = np.array([[i % 3, 0] for i in range(10)])
    docs, levels = synthetic_reports(tokens, Y, np.arange(10), 20, np.random.default_rng(1))
    assert len(docs) == 20 and levels.shape == (20, 2)
    for doc, level in zip(docs, levels):
        parts = [int(sentence[1]) for sentence in doc]
        assert 3 <= len(parts) <= 8 and len(set(parts)) == len(parts)
        assert level.tolist() == [max(p % 3 for p in parts), 0]


def test_sentence_mode_is_checked_and_auto_needs_labels():
    import pytest
    from pipeline.errors import DanvanError
    from pipeline.themes.train import Dataset, _sentence_mode
    labelled = Dataset([], [], np.zeros((0, 1), int), ["t"], [],
                       [np.array([2] * 30 + [0] * 30)])
    bare = Dataset([], [], np.zeros((0, 1), int), ["t"], [], None)
    assert _sentence_mode("auto", labelled, True) == "labelled"
    assert _sentence_mode("auto", bare, True) == "off"
    assert _sentence_mode("mil", bare, True) == "mil"
    assert _sentence_mode("auto", labelled, False) == "off"  # no stage 2: nothing reads them
    with pytest.raises(DanvanError, match="labelled sentences"):
        _sentence_mode("labelled", bare, True)
    with pytest.raises(DanvanError, match="one of"):
        _sentence_mode(True, labelled, True)


def test_labelled_weight_makes_labelled_hard_negatives_count():
    # Level-2 sentences: features 0 and 1; labelled level-1 sentences (the hard cases): feature
    # 0 and a little of 1; level-0 articles: noise only.
    n_articles = 120
    X, bounds, levels, sentence_levels = _sentence_set(1, n_articles, 5, 4)
    for i in range(0, n_articles, 2):
        level = 2 if i % 4 == 0 else 1
        levels[i, 0] = level
        row = bounds[i]
        X[row, 0], X[row, 1] = 1.0, (1.0 if level == 2 else 0.5)
        sentence_levels[0][row] = level
    probe = [[1.0, 0.6, 0, 0]]  # between a mention and a fact
    p2 = [_fit_and_score(X, bounds, levels, sentence_levels, probe, labelled_weight=w)[0, 1]
          for w in (1.0, 10.0)]
    assert p2[1] < p2[0]


def test_mention_negatives_teach_level_2_that_a_passing_mention_is_not_substantive():
    # Articles at level 1 hold no substantive sentence: their sentences that name the theme
    # (feature 0 with feature 2, "in a list") are unlabelled negatives for level 2 only.
    n_articles = 150
    X, bounds, levels, sentence_levels = _sentence_set(2, n_articles, 4, 4)
    for i in range(n_articles):
        row = bounds[i]
        if i % 3 == 0:  # level 2: a labelled substantive sentence, named and concrete
            levels[i, 0] = 2
            X[row, 0], X[row, 1], X[row, 2] = 1.0, 1.0, 0.3
            sentence_levels[0][row] = 2
        elif i % 3 == 1:  # level 1: named in a list, the sentence left unlabelled
            levels[i, 0] = 1
            X[row, 0], X[row, 2] = 1.0, 1.0
    probe = [[1.0, 0.0, 1.0, 0.0], [1.0, 1.0, 0.3, 0.0]]
    # Joint level 2 (no labelled level-1 sentence here: the conditional case is below).
    scores = {flag: _fit_and_score(X, bounds, levels, sentence_levels, probe,
                                   mention_negatives=flag, level2="joint")
              for flag in (False, True)}
    assert scores[True][0, 1] < scores[False][0, 1] - 0.1  # the listed mention: lower P(2)
    assert scores[True][1, 1] > 0.5  # the substantive sentence stays level 2
    assert scores[True][:, 0].tolist() == scores[False][:, 0].tolist()  # level >= 1 untouched


def _figures_everywhere(seed: int):
    """Feature 0: the theme named; 1: a concrete figure or event, as common off the theme as
    on it; 2: the theme named in a list. Level-2 articles hold a labelled named-and-concrete
    sentence, level-1 articles a labelled listed mention."""
    n_articles = 150
    X, bounds, levels, sentence_levels = _sentence_set(seed, n_articles, 4, 4)
    X[::2, 1] = 1.0  # figures and events in half of all sentences
    for i in range(n_articles):
        row = bounds[i]
        if i % 3 == 0:
            levels[i, 0] = 2
            X[row, 0], X[row, 1], X[row, 2] = 1.0, 1.0, 0.0
            sentence_levels[0][row] = 2
        elif i % 3 == 1:
            levels[i, 0] = 1
            X[row, 0], X[row, 1], X[row, 2] = 1.0, 0.0, 1.0
            sentence_levels[0][row] = 1
    return X, bounds, levels, sentence_levels


def test_conditional_level_2_is_learnt_from_sentences_that_name_the_theme():
    from scipy import sparse
    from pipeline.themes.sentences import fit_labelled_sentence_models
    X, bounds, levels, sentence_levels = _figures_everywhere(3)
    probe = [[1.0, 1.0, 0, 0], [1.0, 0, 1.0, 0], [0, 1.0, 0, 0]]
    scores = _fit_and_score(X, bounds, levels, sentence_levels, probe, level2="conditional")
    assert scores[0, 1] > 0.5 > scores[1, 1]  # named and concrete: level 2; listed: not
    assert scores[2, 1] < 0.1  # a figure off the theme: P(2) = P(>=1) x P(2 | >=1), small
    assert (scores[:, 1] <= scores[:, 0]).all()

    # Off-theme sentences play no part in P(2 | >=1): changing every sentence of the level-0
    # articles leaves it as it was (the joint model learns from them).
    def level2_coefficients(mode, X):
        models = fit_labelled_sentence_models(sparse.csr_matrix(X), bounds, levels,
                                              sentence_levels, level2=mode,
                                              mention_negatives=False)
        return models[0][1].coef_.ravel()
    article_of = np.repeat(np.arange(len(levels)), np.diff(bounds))
    shuffled = X.copy()
    off_theme = levels[article_of, 0] == 0
    shuffled[off_theme] = np.random.default_rng(9).random((int(off_theme.sum()), 4))
    assert np.allclose(level2_coefficients("conditional", X),
                       level2_coefficients("conditional", shuffled))
    assert not np.allclose(level2_coefficients("joint", X), level2_coefficients("joint", shuffled))


def test_conditional_mentions_are_the_level_1_sentences_that_name_the_theme():
    # Unlabelled sentences of level-1 articles are negatives for P(2 | >=1) only where the
    # level >= 1 model says they name the theme: off-theme ones would teach it nothing.
    from scipy import sparse
    from pipeline.themes.sentences import fit_labelled_sentence_models
    X, bounds, levels, sentence_levels = _figures_everywhere(4)
    for i in range(1, len(levels), 3):  # level 1: a second, unlabelled listed mention
        X[bounds[i] + 1, 0], X[bounds[i] + 1, 2] = 1.0, 1.0
    models = {flag: fit_labelled_sentence_models(sparse.csr_matrix(X), bounds, levels,
                                                 sentence_levels, level2="conditional",
                                                 mention_negatives=flag)
              for flag in (False, True)}
    listed = sparse.csr_matrix([[1.0, 0, 1.0, 0]])
    assert (models[True][0][1].predict_proba(listed)[0, 1]
            < models[False][0][1].predict_proba(listed)[0, 1])


def test_level2_mode_is_checked():
    from scipy import sparse
    from pipeline.themes.sentences import fit_labelled_sentence_models
    X, bounds, levels, sentence_levels = _figures_everywhere(5)
    with pytest.raises(ValueError, match="level2"):
        fit_labelled_sentence_models(sparse.csr_matrix(X), bounds, levels, sentence_levels,
                                     level2="ordinal")


def test_sentences_of_articles_outside_the_set_are_standalone(tmp_path):
    from pipeline.themes.sentence_labels import read_sentence_labels, standalone_sentence_labels
    _write(tmp_path / "sentences_religion.jsonl", [
        {"sid": "a#1", "id": "a", "index": 1, "text": "Lễ Phật đản tại chùa.", "level": 2},
        {"sid": "z#s3", "id": "z", "text": "Tăng cường quản lý nhà nước về tôn giáo.", "level": 2},
        {"sid": "z#s4", "id": "z", "text": "Tín đồ bóng đá  đổ về sân.", "level": 0},
    ])
    _write(tmp_path / "sentences_ethnicity.jsonl", [
        {"sid": "z#s3", "id": "z", "text": "Tăng cường quản lý nhà nước về tôn giáo.", "level": 0},
        {"sid": "y#s0", "id": "y", "text": "Hỗ trợ hộ đồng bào dân tộc thiểu số.", "level": 2},
    ])
    labels = read_sentence_labels(["religion", "ethnicity"], tmp_path)
    texts, levels = standalone_sentence_labels(labels, ["a"], ["religion", "ethnicity"])
    # article "a" is in the set: its sentence is aligned there, not standalone; the same
    # sentence labelled in two themes' files is one row
    assert texts == ["Tăng cường quản lý nhà nước về tôn giáo.", "Tín đồ bóng đá đổ về sân.",
                     "Hỗ trợ hộ đồng bào dân tộc thiểu số."]
    assert levels[0].tolist() == [2, 0, -1]
    assert levels[1].tolist() == [0, -1, 2]


def test_standalone_sentences_teach_the_sentence_models():
    # The labelled articles never show feature 3 (a register they lack) with the theme;
    # standalone sentences labelled 2 do, and P(2 | >=1) of such a sentence rises.
    from scipy import sparse
    from pipeline.themes.sentences import fit_labelled_sentence_models
    X, bounds, levels, sentence_levels = _figures_everywhere(6)
    for i in range(1, len(levels), 3):  # the listed mentions are in that register too
        X[bounds[i], 3] = 1.0
    extra_X = np.zeros((40, 4))
    extra_X[:, 0], extra_X[:, 3] = 1.0, 1.0  # named, in the register, treated
    extra = (sparse.csr_matrix(extra_X), [np.full(40, 2)])
    probe = sparse.csr_matrix([[1.0, 0, 0, 1.0]])
    p2 = {}
    for name, more in (("without", None), ("with", extra)):
        models = fit_labelled_sentence_models(sparse.csr_matrix(X), bounds, levels,
                                              sentence_levels, level2="conditional",
                                              extra=more)
        p2[name] = models[0][1].predict_proba(probe)[0, 1]
    assert p2["with"] > p2["without"] + 0.2
    # standalone rows are never taken for sentences of an article (no mention or
    # level-0 negative comes from them): an all-level-0 standalone set changes P(>=1) only
    # through its own labels
    zero = (sparse.csr_matrix(extra_X), [np.full(40, -1)])
    unlabelled = fit_labelled_sentence_models(sparse.csr_matrix(X), bounds, levels,
                                              sentence_levels, level2="conditional", extra=zero)
    plain = fit_labelled_sentence_models(sparse.csr_matrix(X), bounds, levels, sentence_levels,
                                         level2="conditional")
    for got, want in zip(unlabelled[0], plain[0]):
        assert np.allclose(got.coef_, want.coef_)


def test_standalone_sampler_caps_each_article_and_repeats_no_text():
    import importlib.util
    import random
    from pathlib import Path
    path = Path(__file__).resolve().parents[1] / "corpus" / "labels" / "sample_standalone.py"
    spec = importlib.util.spec_from_file_location("sample_standalone", path)
    sampler = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sampler)
    rows = ([{"id": "a", "text": f"Câu {i} về chùa."} for i in range(5)]
            + [{"id": f"b{i}", "text": "Tin liên quan: lễ hội chùa."} for i in range(5)]
            + [{"id": "c", "text": "Tăng cường công tác tôn giáo."}])
    taken = sampler._take(rows, 10, random.Random(0))
    ids = [r["id"] for r in taken]
    assert ids.count("a") == 2  # at most two sentences of one article
    assert sum(r["text"].startswith("Tin liên quan") for r in taken) == 1  # one per text
    assert len(taken) == 4
    assert sampler._register({"text": "Tăng cường công tác dân tộc, tôn giáo"}) == 2


def test_relevel_lines_come_last_and_their_moves_are_counted(tmp_path):
    from pipeline.themes.labels import assemble, stats_markdown
    _label_dir(tmp_path, {"religion": 1, "new_rural": 2})
    _write(tmp_path / "raw" / "audit_religion.jsonl", [{"id": "p0", "religion": 0, "rule": "x"}])
    _write(tmp_path / "raw" / "relevel_1_2.jsonl",
           [{"id": "p0", "religion": 2, "rule": "a task on religious work"},
            {"id": "p1", "religion": 1, "new_rural": 1, "rule": "list items"}])
    lines, stats = assemble(["religion", "new_rural"], tmp_path)
    levels = {l["id"]: l["levels"] for l in lines}
    assert levels["p0"] == {"religion": 2, "new_rural": 2}  # after the audit's 0
    assert levels["p1"] == {"religion": 1, "new_rural": 1}
    assert levels["p2"] == {"religion": 1, "new_rural": 2}
    assert stats["relevel"] == {("religion", 0, 2): 1, ("religion", 1, 1): 1,
                                ("new_rural", 2, 1): 1}
    text = stats_markdown(lines, stats, ["religion", "new_rural"])
    assert "3 article x theme pairs read again blind, 2 changed" in text
    assert "| 0 -> 2 | 1 -> 0 |" in text  # a move from 0 gets its column
    assert "| new_rural | 0 | 0 | 0 | 0 | 0 | 1 | 0 |" in text


def _sample_relevel_module():
    import importlib.util
    from pathlib import Path
    path = Path(__file__).resolve().parents[1] / "corpus" / "labels" / "sample_relevel.py"
    spec = importlib.util.spec_from_file_location("sample_relevel", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_sample_relevel_takes_every_level_1_and_hides_the_levels(tmp_path):
    import random
    module = _sample_relevel_module()
    rows = [{"id": f"a{i}", "title": "t", "text": "x" * (10 + i),
             "levels": {"religion": i % 3, "ethnicity": (i + 1) % 3}} for i in range(30)]
    chosen = module.choose(rows, controls=4, rng=random.Random(0))
    ones = {(r["id"], t) for r in rows for t, v in r["levels"].items() if v == 1}
    picked = {(i, t) for i, themes in chosen.items() for t in themes}
    assert ones <= picked  # every level-1 pair, whatever its split
    controls = picked - ones
    assert len(controls) == 4
    assert all(rows[int(i[1:])]["levels"][t] == 2 for i, t in controls)
    batches = module.batches(rows, chosen, 3, random.Random(0))
    items = [item for batch in batches for item in batch]
    assert sorted(item["id"] for item in items) == sorted(chosen)
    assert all("levels" not in item for item in items)  # the readers never see a level
    assert max(sum(len(i["text"]) for i in b) for b in batches) - \
        min(sum(len(i["text"]) for i in b) for b in batches) <= 40
