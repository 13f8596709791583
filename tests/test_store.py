"""The corpus store: a real SQLite file, idempotent upserts, migrations, crash safety, FTS."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from pipeline.errors import DanvanError
from pipeline.models import ThemeTag
from pipeline.store import (LATEST_VERSION, load_article, migrate, open_db, query, schema_version,
                            store_articles, store_catalogue)
from store_helpers import article, corpus

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "corpus.db")
    store_articles(database, corpus())
    yield database
    database.close()


def counts(db):
    return {t: db[t].count for t in ("articles", "themes", "citations", "provenance", "directives")}


def test_articles_round_trip_through_the_file(db):
    for original in corpus():
        assert load_article(db, original.id) == original


def test_storing_again_is_idempotent_and_replaces_tags(db):
    before = counts(db)
    store_articles(db, corpus())
    assert counts(db) == before
    changed = corpus()[0]
    changed.themes = [ThemeTag(theme="ethnicity", score=0.8, level=2)]
    changed.citations = []
    changed.title = "Tiêu đề mới"
    store_articles(db, [changed])
    stored = load_article(db, "gl-1")
    assert [t.theme for t in stored.themes] == ["ethnicity"]
    assert stored.citations == []
    assert db["articles"].count == before["articles"]
    # the full-text index follows the update: the old title is gone, the new one found
    assert query(db, search="tieu de moi")["id"].tolist() == ["gl-1"]
    assert "gl-1" not in query(db, search="Ia Pếch làm tốt")["id"].tolist()


def test_a_later_copy_of_an_id_in_one_batch_wins(tmp_path):
    db = open_db(tmp_path / "c.db")
    first, second = corpus()[0], corpus()[0]
    second.title = "Bản sau"
    store_articles(db, [first, second])
    assert db["articles"].count == 1 and load_article(db, "gl-1").title == "Bản sau"


def test_file_is_in_wal_mode_at_the_latest_schema(db):
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert schema_version(db) == LATEST_VERSION
    assert {"article_overview", "theme_tags", "citation_list", "directive_counts"} <= set(db.view_names())


def test_an_old_file_is_migrated_and_keeps_its_data(tmp_path):
    path = tmp_path / "old.db"
    old = open_db(path, create=True)
    old.close()
    raw = sqlite3.connect(path)  # rebuild a version-1 file by hand
    raw.executescript("PRAGMA user_version = 0;")
    for name in [r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='view'")]:
        raw.execute(f"DROP VIEW {name}")
    raw.execute("DROP TABLE corpus_info")
    raw.close()
    path.unlink()
    Path(str(path) + "-wal").unlink(missing_ok=True)
    Path(str(path) + "-shm").unlink(missing_ok=True)
    import sqlite_utils
    v1 = sqlite_utils.Database(path)
    migrate(v1, target=1)
    assert schema_version(v1) == 1 and "article_overview" not in v1.view_names()
    # rows as version-1 code wrote them
    v1["articles"].insert({"id": "old-1", "title": "Đảng ủy xã", "text": "Công tác tôn giáo.",
                           "title_folded": "dang uy xa", "text_folded": "cong tac ton giao.",
                           "captions": "[]", "warnings": "[]", "published": "2015-02-03",
                           "year": 2015, "best_effort": 0})
    v1["themes"].insert({"article_id": "old-1", "theme": "religion", "score": 0.9,
                         "score_mentioned": 1.0, "level": 2, "evidence": "[]"})
    v1.close()
    db = open_db(path)
    assert schema_version(db) == LATEST_VERSION
    assert "extra" in db["articles"].columns_dict and "catalogue_id" in db["directives"].columns_dict
    old = load_article(db, "old-1")
    assert old.paragraphs == ["Công tác tôn giáo."] and old.themes[0].theme == "religion"
    assert [r["themes"] for r in db.query("SELECT themes FROM article_overview")] == ['["religion"]']
    assert query(db, search="dang uy")["id"].tolist() == ["old-1"]
    store_articles(db, corpus()[:1])  # and new code writes into it
    assert db["articles"].count == 2


def test_a_newer_or_foreign_file_is_refused_with_a_clear_error(tmp_path):
    newer = tmp_path / "newer.db"
    open_db(newer).close()
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    conn.close()
    with pytest.raises(DanvanError, match="newer"):
        open_db(newer)
    foreign = tmp_path / "foreign.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE x (a)")
    conn.close()
    with pytest.raises(DanvanError, match="not a danvan corpus"):
        open_db(foreign)
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(DanvanError, match="cannot be opened"):
        open_db(garbage)
    with pytest.raises(DanvanError, match="no corpus"):
        open_db(tmp_path / "missing.db", readonly=True)


def test_citations_keep_context_and_directives_merge_catalogue_and_seen(db):
    rows = list(db.query("SELECT * FROM citations WHERE article_id = 'bp-1' ORDER BY idx"))
    assert [r["number"] for r in rows] == ["81/QĐ-UBND", "22-CT/TU", "25-NQ/TW"]
    assert "bồi thường" in rows[0]["context"] and "81/QĐ-UBND" in rows[0]["context"]
    # local documents sharing a number stay apart; the central one is one identity
    keys = {r["key"] for r in db.query("SELECT key FROM directives")}
    assert {"22-CT/TU@Gia Lai", "22-CT/TU@Bình Phước", "25-NQ/TW@XI"} <= keys
    store_catalogue(db, [{"key": "25-NQ/TW@XI", "number": "25-NQ/TW", "title":
                          "Về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận",
                          "issued": "2013-06-03", "term": "XI"},
                         {"key": "43/2014/NĐ-CP", "number": "43/2014/NĐ-CP", "kind": "Nghị định"}])
    store_articles(db, corpus())  # seeing the number again must not erase the catalogue title
    row = db["directives"].get("25-NQ/TW@XI")
    assert row["in_catalogue"] == 1 and row["title"].startswith("Về tăng cường")
    counted = {r["key"]: r for r in db.query("SELECT * FROM directive_counts")}
    assert counted["25-NQ/TW@XI"]["n_articles"] == 2
    assert counted["43/2014/NĐ-CP"]["n_articles"] == 0  # catalogued, never cited here


def test_provenance_keeps_the_warc_record(db):
    row = db["provenance"].get("gl-1")
    assert row["warc_record_id"] == "<urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427>"
    assert row["warc_file"] == "crawl-0001.warc.gz" and row["fetched_at"].startswith("2024")


@pytest.mark.parametrize("typed, expected", [
    ("dang uy", "gl-1"), ("Đảng ủy", "gl-1"), ("ton giao", "gl-1"), ("tôn giáo", "gl-1"),
    ("DONG BAO DAN TOC THIEU SO", "gl-2"), ("giai phong mat bang", "bp-1"),
    ("nong thon moi nang cao", "ha-1"), ("81/QĐ-UBND", "bp-1")])
def test_search_without_diacritics_finds_the_article(db, typed, expected):
    found = query(db, search=typed)["id"].tolist()
    assert found and found[0] == expected


def test_search_ranks_by_relevance(tmp_path):
    db = open_db(tmp_path / "rank.db")
    store_articles(db, [
        article("passing", "Hội nghị tổng kết công tác năm",
                ["Báo cáo nêu nhiều lĩnh vực, trong đó có tôn giáo.", "Kinh tế tăng trưởng khá."] * 3),
        article("focused", "Công tác tôn giáo trên địa bàn tỉnh",
                ["Chức sắc tôn giáo và tín đồ các tôn giáo tham gia hội nghị về tôn giáo."])])
    assert query(db, search="ton giao")["id"].tolist() == ["focused", "passing"]
    assert query(db, search='"ton giao tren dia ban"')["id"].tolist() == ["focused"]


def test_a_killed_writer_loses_nothing_it_committed(tmp_path):
    path = tmp_path / "crash.db"
    writer = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(REPO)!r}); sys.path.insert(0, {str(REPO / 'tests')!r})
        from pipeline.store import open_db, upsert_batch
        from store_helpers import article
        db = open_db({str(path)!r})
        body = ["Đảng ủy xã vận động đồng bào tôn giáo " * 40] * 20
        n = 0
        while True:
            batch = [article(f"a{{n + i:06d}}", f"Bài {{n + i}}", body,
                             themes={{"religion": 2, "ethnicity": 0}}) for i in range(40)]
            upsert_batch(db, batch)
            n += len(batch)
            print("committed", n, flush=True)
    """)
    proc = subprocess.Popen([sys.executable, "-c", writer], stdout=subprocess.PIPE, text=True)
    committed = 0
    deadline = time.monotonic() + 60
    try:
        while committed < 200 and time.monotonic() < deadline:
            line = proc.stdout.readline()
            assert line, "the writer died before committing"
            committed = int(line.split()[1])
        time.sleep(0.05)  # let it get into the next transaction
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        for line in proc.stdout:  # commits reported between our last read and the kill
            committed = int(line.split()[1])
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    db = open_db(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    stored = db["articles"].count
    assert stored >= committed >= 200
    assert stored % 40 == 0  # whole batches only
    assert db["themes"].count == 2 * stored
    assert len(query(db, search="dang uy ton giao", limit=5)) == 5
