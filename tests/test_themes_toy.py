"""Adding a theme is data only: a toy taxonomy and labels, `danvan train`, then tag."""
import json
import subprocess
import sys

import numpy as np
import pytest

from pipeline.cli import main
from pipeline.models import Article
from pipeline.themes import load_tagger

from themes_toy import write_toy_sentence_labels, write_toy_set


@pytest.fixture(scope="module")
def toy_model(tmp_path_factory):
    root = tmp_path_factory.mktemp("toy")
    taxonomy, labels = write_toy_set(root)
    out = root / "model"
    mp = pytest.MonkeyPatch()
    mp.setenv("DANVAN_CACHE", str(root / "cache"))
    code = main(["train", "--labels", str(labels), "--taxonomy", str(taxonomy), "--out", str(out)])
    yield {"root": root, "taxonomy": taxonomy, "labels": labels, "model": out, "code": code}
    mp.undo()


def test_train_writes_model_meta_and_card(toy_model):
    assert toy_model["code"] == 0
    out = toy_model["model"]
    assert (out / "model.skops").stat().st_size > 0
    meta = json.loads((out / "meta.json").read_text())
    assert meta["themes"] == ["fishing", "football"]
    assert len(meta["thresholds"]) == 2
    card = (out / "MODEL_CARD.md").read_text()
    assert "fishing" in card and "### test" in card
    assert "scikit-learn" in card


def test_toy_themes_are_tagged_with_levels_and_evidence(toy_model):
    tagger = load_tagger(toy_model["model"], cache=False)
    assert tagger.themes == ["fishing", "football"]
    about_fishing = Article(id="x", title="Tin biển", paragraphs=[
        "Trạm y tế tiếp nhận thêm trang thiết bị khám bệnh.",
        "Ngư dân xã Cát Hải ra khơi đánh bắt hải sản trong chuyến biển đầu năm.",
        "Mỗi tàu cá của ngư dân thu được 7 tấn cá ngừ sau chuyến đi."])
    tags = {t.theme: t for t in tagger.tag(about_fishing)}
    assert tags["fishing"].level == 2
    assert 0.5 <= tags["fishing"].score <= 1.0
    assert tags["fishing"].score_mentioned >= tags["fishing"].score
    assert any("tàu cá" in e or "đánh bắt" in e for e in tags["fishing"].evidence)
    assert tags["football"].level == 0 and tags["football"].evidence == []

    nothing = Article(id="y", paragraphs=["Hợp tác xã mở rộng diện tích trồng rau an toàn.",
                                          "Mưa lớn khiến một số tuyến đường bị ngập cục bộ."])
    assert [t.level for t in tagger.tag(nothing)] == [0, 0]


def test_tag_many_accepts_pre_segmented_input(toy_model):
    from pipeline.segment import segment_many
    tagger = load_tagger(toy_model["model"], cache=False)
    articles = [Article(id=str(i), paragraphs=[p]) for i, p in enumerate([
        "Đội bóng đá của huyện thắng 3-0 trong trận đấu chiều qua. Các cầu thủ trẻ tập luyện bóng đá.",
        "Trường học được sửa chữa trước năm học mới."])]
    segments = segment_many(articles, cache=False)
    assert tagger.tag_many(articles, segments) == tagger.tag_many(articles)
    assert tagger.tag_many(articles)[0][1].level == 2


def test_cli_tag_reads_jsonl_and_plain_text(toy_model, tmp_path):
    env = {"DANVAN_CACHE": str(toy_model["root"] / "cache")}
    import os
    env = {**os.environ, **env}
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps({"id": f"d{i}", "title": "t", "text": t}, ensure_ascii=False)
                             for i, t in enumerate(["Ngư dân ra khơi đánh bắt hải sản. Tàu cá về bến.",
                                                    "Trạm y tế tiếp nhận thêm trang thiết bị."])),
                   encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "pipeline.cli", "tag", str(src),
                          "--model", str(toy_model["model"])], capture_output=True, text=True,
                         env=env)
    assert run.returncode == 0, run.stderr
    lines = [json.loads(l) for l in run.stdout.splitlines()]
    assert [l["id"] for l in lines] == ["d0", "d1"]
    assert {t["theme"]: t["level"] for t in lines[0]["themes"]}["fishing"] == 2
    run = subprocess.run([sys.executable, "-m", "pipeline.cli", "tag", "-",
                          "--model", str(toy_model["model"])], capture_output=True, text=True,
                         input="Giải bóng đá thiếu niên thu hút 8 đội.\nCác cầu thủ trẻ tập luyện bóng đá.",
                         env=env)
    assert run.returncode == 0, run.stderr
    (line,) = [json.loads(l) for l in run.stdout.splitlines()]
    assert {t["theme"]: t["level"] for t in line["themes"]}["football"] == 2


def test_cli_evaluate_prints_the_table(toy_model, capsys, monkeypatch):
    monkeypatch.setenv("DANVAN_CACHE", str(toy_model["root"] / "cache"))
    code = main(["evaluate", "--labels", str(toy_model["labels"]), "--model",
                 str(toy_model["model"]), "--taxonomy", str(toy_model["taxonomy"]),
                 "--no-ablation", "--no-seeds"])
    out = capsys.readouterr().out
    assert code == 0
    assert "| model | fishing |" in out and "| keywords | football |" in out
    assert "macro" in out


def test_evaluate_refuses_a_split_the_model_learnt_from(toy_model, capsys, monkeypatch):
    monkeypatch.setenv("DANVAN_CACHE", str(toy_model["root"] / "cache"))
    code = main(["evaluate", "--labels", str(toy_model["labels"]), "--model",
                 str(toy_model["model"]), "--taxonomy", str(toy_model["taxonomy"]),
                 "--split", "dev", "--no-ablation", "--no-seeds"])
    assert code == 2
    assert "learnt from the 'dev' split" in capsys.readouterr().err


def test_evaluate_refuses_a_model_of_other_themes(toy_model, capsys):
    # The shipped taxonomy has four themes; the toy model has two.
    code = main(["evaluate", "--labels", str(toy_model["labels"]), "--model",
                 str(toy_model["model"]), "--no-seeds"])
    assert code == 2
    assert "error" in capsys.readouterr().err


def test_sentence_level_models_option_trains_and_tags(toy_model, monkeypatch):
    # The multiple-instance sentence models (off by default: slower, no better on the test
    # split) must still train and tag when asked for.
    from pipeline.themes.tag import ThemeTagger
    from pipeline.themes.train import fit_model, load_dataset
    monkeypatch.setenv("DANVAN_CACHE", str(toy_model["root"] / "cache"))
    data = load_dataset(toy_model["labels"], toy_model["taxonomy"])
    model = fit_model(data, sentence="mil", folds=3)
    assert len(model.sentence) == 2 and all(len(pair) == 2 for pair in model.sentence)
    tags = ThemeTagger(model, cache=False).tag(Article(id="z", paragraphs=[
        "Ngư dân ra khơi đánh bắt hải sản trong chuyến biển đầu năm.",
        "Mỗi tàu cá của ngư dân thu được 7 tấn cá ngừ sau chuyến đi."]))
    assert tags[0].level == 2 and tags[1].level == 0


def test_thresholds_on_oof_never_read_dev_labels(toy_model, monkeypatch):
    # thresholds_on="oof" is for comparing training options on dev: dev must play no part,
    # so changing every dev label must leave the thresholds and their sources as they were.
    from pipeline.errors import DanvanError
    from pipeline.themes.train import fit_model, load_dataset
    monkeypatch.setenv("DANVAN_CACHE", str(toy_model["root"] / "cache"))
    data = load_dataset(toy_model["labels"], toy_model["taxonomy"])
    with pytest.raises(DanvanError):
        fit_model(data, thresholds_on="test")
    first = fit_model(data, folds=3, thresholds_on="oof")
    dev = data.subset("dev")
    assert len(dev)
    data.levels[dev] = 2 - data.levels[dev]
    second = fit_model(data, folds=3, thresholds_on="oof")
    assert first.thresholds == second.thresholds and first.sources == second.sources


def test_train_learns_from_train_and_dev_and_never_reads_test(toy_model, tmp_path, monkeypatch):
    # `danvan train` (the shipped model) learns from train and dev, its thresholds chosen on
    # their out-of-fold scores: the card says so and gives no dev figure, and flipping every
    # test label changes nothing but the test figures; --fit-on train keeps dev apart.
    monkeypatch.setenv("DANVAN_CACHE", str(toy_model["root"] / "cache"))
    meta = json.loads((toy_model["model"] / "meta.json").read_text())
    assert meta["train_splits"] == ["train", "dev"] and meta["thresholds_on"] == "oof"
    card = (toy_model["model"] / "MODEL_CARD.md").read_text()
    assert "fitted on train and dev" in card and "### dev" not in card and "### test" in card
    lines = [json.loads(l) for l in toy_model["labels"].read_text().splitlines()]
    assert any(l["split"] == "test" for l in lines)
    for line in lines:
        if line["split"] == "test":
            line["levels"] = {t: 2 - v for t, v in line["levels"].items()}
    flipped = tmp_path / "themes.jsonl"
    flipped.write_text("".join(json.dumps(l, ensure_ascii=False) + "\n" for l in lines))
    out = tmp_path / "model"
    assert main(["train", "--labels", str(flipped), "--taxonomy", str(toy_model["taxonomy"]),
                 "--out", str(out)]) == 0
    again = json.loads((out / "meta.json").read_text())
    assert again["thresholds"] == meta["thresholds"] and again["sources"] == meta["sources"]
    assert main(["train", "--labels", str(toy_model["labels"]), "--taxonomy",
                 str(toy_model["taxonomy"]), "--out", str(out), "--fit-on", "train"]) == 0
    apart = json.loads((out / "meta.json").read_text())
    assert apart["train_splits"] == ["train"] and apart["thresholds_on"] == "dev+oof"
    assert "### dev" in (out / "MODEL_CARD.md").read_text()


def test_long_sentences_are_scored_by_their_clauses_too(toy_model):
    # A report names a theme in one field of a long ";"-separated sentence: TF-IDF of the
    # whole sentence dilutes it; the best clause's P(>=1) must count, P(2) must not rise.
    from pipeline.segment import segment_article
    from pipeline.themes.model import sentence_clauses, stage1_scores
    from pipeline.themes.persist import load_model
    model = load_model(toy_model["model"])
    assert model.meta["clauses"]["min_tokens"] > 0
    long_sentence = ("Năm qua xã tập trung sửa chữa trường học, trạm y tế và nhà văn hóa; "
                     "Hội Phụ nữ mở lớp tập huấn kỹ năng cho hội viên ở các thôn; "
                     "ngư dân đánh bắt hải sản; "
                     "cán bộ xã đến từng nhà tuyên truyền về phòng cháy chữa cháy.")
    short_sentence = "Ngư dân đánh bắt hải sản."
    article = Article(id="r", paragraphs=[long_sentence, short_sentence])
    tokens = [[s.tokens for s in segment_article(article)]]
    assert len(tokens[0][0]) >= model.meta["clauses"]["min_tokens"]
    assert len(sentence_clauses(tokens[0][0], {";"})) == 4
    plain = stage1_scores(model.stage1, tokens, model.sentence, model.lexicons)
    clauses = stage1_scores(model.stage1, tokens, model.sentence, model.lexicons,
                            model.meta["clauses"])
    fishing = model.themes.index("fishing")
    before, after = plain.sentence[fishing], clauses.sentence[fishing]
    assert after[0, 0] > before[0, 0] + 0.1  # the long sentence names fishing in one clause
    assert after[0, 1] <= before[0, 1] + 1e-12  # its P(2) is the whole sentence's (capped)
    assert after[1].tolist() == before[1].tolist()  # a short sentence is left as it was
    assert model.scores(tokens).sentence[fishing].tolist() == after.tolist()


def test_sentence_clauses_split_at_separators_and_drop_short_runs():
    from pipeline.themes.model import sentence_clauses
    tokens = ["a", "b", "c", ";", "d", ";", "e", "f", "g", "h", ":", "i", "j", "k"]
    assert sentence_clauses(tokens, {";", ":"}) == [["a", "b", "c"], ["e", "f", "g", "h"],
                                                      ["i", "j", "k"]]
    assert sentence_clauses(tokens, set()) == [tokens]


def test_conditional_sentence_models_are_saved_and_tag_alike(toy_model, tmp_path, monkeypatch):
    # With labelled sentences, level 2 of a sentence is P(>=1) x P(2 | >=1); the saved model
    # says so in its meta, and the loaded one scores and tags as the trained one did.
    from pipeline.segment import segment_article
    from pipeline.themes.persist import load_model, save_model
    from pipeline.themes.tag import ThemeTagger
    from pipeline.themes.train import fit_model, load_dataset
    monkeypatch.setenv("DANVAN_CACHE", str(toy_model["root"] / "cache"))  # same articles
    taxonomy, labels = write_toy_set(tmp_path)
    write_toy_sentence_labels(labels)
    data = load_dataset(labels, taxonomy)
    model = fit_model(data, folds=3)
    assert model.meta["sentence"] == "labelled" and model.conditional
    article = Article(id="z", paragraphs=[
        "Ngư dân ra khơi đánh bắt hải sản trong chuyến biển đầu năm.",
        "Tỉnh phát triển nông nghiệp, lâm nghiệp, bóng đá, du lịch và dịch vụ.",
        "Hợp tác xã mở rộng diện tích trồng rau an toàn."])
    tokens = [[s.tokens for s in segment_article(article)]]
    scores = model.scores(tokens)
    fishing = model.themes.index("fishing")
    rows = scores.sentence[fishing]
    level2 = model.sentence[fishing][1].predict_proba(scores.X_sent)[:, 1]
    assert np.allclose(rows[:, 1], rows[:, 0] * level2)
    loaded = load_model(save_model(model, tmp_path / "model"))
    assert loaded.conditional
    # stage 2's list rule is saved with the model and read back by the tagger
    assert model.lexicons and model.enumeration == loaded.enumeration == "items"
    again = loaded.scores(tokens)
    assert all(np.allclose(a, b) for a, b in zip(scores.sentence, again.sentence))
    assert all(np.array_equal(a, b) for a, b in zip(scores.lexicon, again.lexicon))
    tags = ThemeTagger(loaded, cache=False).tag(article)
    assert [t.level for t in tags] == [2, 1]


def test_standalone_sentence_labels_are_segmented_and_train_the_sentence_models(
        toy_model, tmp_path, monkeypatch):
    # Sentence labels of articles outside the labelled set (in no split) are read from their
    # text, segmented, and join the sentence models' training rows; stage 1 never sees them.
    from pipeline.themes.train import fit_model, load_dataset
    monkeypatch.setenv("DANVAN_CACHE", str(toy_model["root"] / "cache"))
    taxonomy, labels = write_toy_set(tmp_path)
    raw = write_toy_sentence_labels(labels)
    plain = fit_model(load_dataset(labels, taxonomy), folds=3, stage2=True)
    extra = [{"sid": f"outside/{i}#s0", "id": f"outside/{i}",
              "text": f"Hội nghề cá tổ chức tập huấn kỹ thuật bảo quản cá cho {i + 20} ngư dân.",
              "level": 2} for i in range(12)]
    with open(raw / "sentences_fishing.jsonl", "a", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in extra)
    data = load_dataset(labels, taxonomy)
    assert len(data.standalone_tokens) == 12
    assert "tập huấn" in data.standalone_tokens[0]  # segmented words, not syllables
    fishing = data.themes.index("fishing")
    assert data.standalone_levels[fishing].tolist() == [2] * 12
    assert all((levels == -1).all() for k, levels in enumerate(data.standalone_levels)
               if k != fishing)
    assert not any(a.id.startswith("outside/") for a in data.articles)
    model = fit_model(data, folds=3, stage2=True)
    before, after = plain.sentence[fishing][0].coef_, model.sentence[fishing][0].coef_
    assert before.shape == after.shape and not np.allclose(before, after)
    # stage 1 (the article model) is fitted on the labelled articles only: unchanged
    tokens = data.tokens[:5]
    assert all(np.allclose(a, b) for a, b in zip(plain.scores(tokens).article,
                                                   model.scores(tokens).article))


def test_cv_disagreements_read_only_train_labels(toy_model, monkeypatch):
    # The re-reading list comes from folds of train alone: dev and test labels play no part,
    # every row is a train article whose label the fold's model did not reproduce, and the
    # dataset's splits are given back as they were.
    import importlib.util
    from pathlib import Path
    from pipeline.themes.train import load_dataset
    path = Path(__file__).resolve().parents[1] / "corpus" / "labels" / "cv_disagreements.py"
    spec = importlib.util.spec_from_file_location("cv_disagreements", path)
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    monkeypatch.setenv("DANVAN_CACHE", str(toy_model["root"] / "cache"))
    data = load_dataset(toy_model["labels"], toy_model["taxonomy"])
    splits = [a.split for a in data.articles]
    train = {data.articles[i].id: i for i in data.subset("train")}
    # one train label made wrong on purpose: a fold's model must not reproduce it
    wrong = next(iter(train.values()))
    data.levels[wrong, 0] = 2 - data.levels[wrong, 0] if data.levels[wrong, 0] != 1 else 0
    first = tool.disagreements(data, 3, 0)
    assert [a.split for a in data.articles] == splits
    for row in first:
        i = train[row["id"]]
        k = data.themes.index(row["theme"])
        assert row["label"] == data.levels[i, k] != row["model"]
    assert (data.articles[wrong].id, data.themes[0]) in {(r["id"], r["theme"]) for r in first}
    outside = np.array([i for i, s in enumerate(splits) if s != "train"])
    data.levels[outside] = 2 - data.levels[outside]
    assert tool.disagreements(data, 3, 0) == first
