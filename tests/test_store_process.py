"""danvan process with the real stages: text, HTML and Article JSONL in, a corpus out."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.extract import clean_text, extract_html
from pipeline.store import load_article, open_db
from pipeline.batch.work import BatchOptions, apply_stages

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "corpus" / "sample" / "seeds"
SITES = REPO / "tests" / "fixtures" / "sites"
SAMPLE = REPO / "corpus" / "sample" / "articles.jsonl"


def danvan(*args):
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *map(str, args)],
                          capture_output=True, text=True, cwd=REPO)


@pytest.fixture(scope="module")
def stages():
    return BatchOptions(stages=("citations",))


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, folder)
    page = next(iter(sorted(SITES.glob("*.html"))), None)
    if page is not None:
        shutil.copy(page, folder / page.name)
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02garbage" * 50)
    sample = tmp_path / "sample.jsonl"
    sample.write_text("".join(SAMPLE.read_text("utf-8").splitlines(keepends=True)[:20]), "utf-8")
    return folder, sample, page


def test_process_stores_what_the_stages_produce(tmp_path, inputs, stages):
    folder, sample, page = inputs
    db_path = tmp_path / "corpus.db"
    proc = danvan("process", folder, sample, "--db", db_path, "--no-themes")
    assert proc.returncode == 1, proc.stderr  # two bad inputs skipped, the rest stored
    assert "empty.txt" in proc.stderr and "binary.txt" in proc.stderr
    db = open_db(db_path)
    expected_count = 5 + 20 + (1 if page else 0)
    assert db["articles"].count == expected_count
    for seed in sorted(SEEDS.glob("*.txt")):
        expected = apply_stages(clean_text(seed.read_text("utf-8"), id=seed.stem), stages)
        stored = load_article(db, seed.stem)
        assert stored.paragraphs == expected.paragraphs and stored.province == expected.province
        assert [c.key for c in stored.citations] == [c.key for c in expected.citations]
    if page:
        html_article = extract_html(page.read_bytes())
        assert load_article(db, page.stem).title == html_article.title  # file inputs: id = file name
    # the shared corpus' shape gains a province from the gazetteer and keeps its provenance
    import json
    first = json.loads(sample.read_text("utf-8").splitlines()[0])
    prov = db["provenance"].get(first["id"])
    assert prov["source"] == first["provenance"]["source"] and "shared/corpus" in prov["raw"]
    assert any(r["province"] for r in db.query("SELECT province FROM articles WHERE id NOT LIKE '0%'"))
    # catalogued documents the seeds cite carry the catalogue's title
    row = db.execute("SELECT title, in_catalogue FROM directives WHERE key IN "
                     "(SELECT directive_key FROM citations WHERE number = '25-NQ/TW')").fetchone()
    assert row[1] == 1 and "dân vận" in row[0]
    before = {t: db[t].count for t in ("articles", "citations", "directives", "provenance")}
    db.close()
    assert danvan("process", folder, sample, "--db", db_path, "--no-themes").returncode == 1
    db = open_db(db_path)
    assert {t: db[t].count for t in before} == before  # re-processing replaces, never duplicates


def test_process_with_a_model_that_cannot_load_says_how_to_go_on(tmp_path):
    page = tmp_path / "a.txt"
    page.write_text("Tiêu đề\n\nMột đoạn văn bản đủ dài để làm một bài viết thử nghiệm về công tác dân vận.",
                    "utf-8")
    proc = danvan("process", page, "--db", tmp_path / "c.db", "--model", tmp_path / "no-such-model")
    assert proc.returncode == 2
    assert "--no-themes" in proc.stderr and "Traceback" not in proc.stderr


def test_main_job_builds_the_sample_corpus(tmp_path, capsys, stages):
    from pipeline.main_job import build_corpus

    db_path = tmp_path / "corpus.db"
    stored = build_corpus(db_path)
    out = capsys.readouterr().out
    n_sample = len(SAMPLE.read_text("utf-8").splitlines())
    assert stored == n_sample + 5
    db = open_db(db_path)
    assert db["articles"].count == stored and db["citations"].count > 100
    top = db.execute("SELECT key FROM directive_counts ORDER BY n_articles DESC, n_citations DESC, "
                     "key LIMIT 1").fetchone()[0]
    assert "most cited directives" in out and top in out
    assert f"danvan serve {db_path}" in out
    assert not Path(str(db_path) + ".building").exists()


def test_process_reads_a_crawl_output_dir_and_keeps_warc_provenance(tmp_path):
    from store_helpers import corpus

    crawl = tmp_path / "crawl-out"
    crawl.mkdir()
    (crawl / "articles.jsonl").write_text("".join(a.to_json() + "\n" for a in corpus()), "utf-8")
    (crawl / "ignored.txt").write_text("not read: the crawl's articles.jsonl is the input", "utf-8")
    db_path = tmp_path / "c.db"
    proc = danvan("process", crawl, "--db", db_path, "--no-themes", "--no-citations")
    assert proc.returncode == 0, proc.stderr
    db = open_db(db_path)
    assert db["articles"].count == len(corpus())
    row = db["provenance"].get("gl-1")
    assert row["warc_record_id"] == "<urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427>"
    assert row["warc_file"] == "crawl-0001.warc.gz"
