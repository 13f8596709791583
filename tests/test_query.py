"""danvan query and the Python query API: filters combine; outputs are real files."""
from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from pipeline import cli
from pipeline.store import open_db, query, store_articles
from store_helpers import corpus


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("q") / "corpus.db"
    db = open_db(path)
    store_articles(db, corpus())
    db.close()
    return path


def ids(frame) -> set[str]:
    return set(frame["id"])


@pytest.mark.parametrize("filters, expected", [
    ({}, {"gl-1", "gl-2", "bp-1", "ha-1", "dn-1", "vn-1"}),
    ({"theme": "religion"}, {"gl-1", "dn-1"}),
    ({"theme": "ethnicity:1"}, {"gl-1", "gl-2"}),
    ({"theme": "ethnicity:2"}, {"gl-2"}),
    ({"theme": ["religion", "ethnicity:1"]}, {"gl-1"}),
    ({"theme": "new_rural:0"}, {"gl-1", "bp-1", "vn-1"}),
    ({"province": "Gia Lai"}, {"gl-1", "gl-2"}),
    ({"province": "gia lai"}, {"gl-1", "gl-2"}),
    ({"province": "Dong Nai"}, {"dn-1", "bp-1"}),  # bp-1: Bình Phước merged into Đồng Nai in 2025
    ({"since": "2021"}, {"gl-1", "gl-2", "bp-1", "ha-1"}),
    ({"until": "2021-03"}, {"ha-1", "dn-1", "vn-1"}),
    ({"since": "2021-03-15", "until": "2023-04-12"}, {"ha-1", "gl-2", "gl-1"}),
    ({"cites": "25-NQ/TW"}, {"gl-1", "bp-1"}),
    ({"cites": "25-nq/tw"}, {"gl-1", "bp-1"}),
    ({"cites": "81/QD-UBND"}, {"bp-1"}),
    ({"cites": "22-CT/TU@Gia Lai"}, {"gl-2"}),
    ({"cites": ["25-NQ/TW", "22-CT/TU"]}, {"bp-1"}),
    ({"search": "dân vận khéo"}, {"gl-1"}),
    ({"site": "gialai.dcs.vn"}, {"gl-1", "gl-2"}),
    ({"theme": "religion", "province": "Gia Lai", "since": "2022", "cites": "25-NQ/TW",
      "search": "dan van kheo", "site": "gialai.dcs.vn"}, {"gl-1"}),
    ({"theme": "religion", "province": "Bình Phước"}, set()),
])
def test_filters_combine(db_path, filters, expected):
    assert ids(query(db_path, **filters)) == expected


def test_results_are_newest_first_and_limited(db_path):
    frame = query(db_path, limit=3)
    assert frame["id"].tolist() == ["bp-1", "gl-1", "gl-2"]
    assert set(frame.columns) >= {"id", "title", "published", "province", "themes", "directives"}
    row = query(db_path, cites="1600/QĐ-TTg").iloc[0]
    assert row["themes"] == "land_clearance:1;new_rural:2" and row["directives"] == "1600/QĐ-TTg"


def test_search_ranks_the_syllables_side_by_side_first(db_path):
    frame = query(db_path, search="dan van")
    # "dân vận" in gl-1 and bp-1; dn-1 and ha-1 hold "dân" and "vận"/"văn" apart
    assert set(frame["id"][:2]) == {"gl-1", "bp-1"} and set(frame["id"][2:]) == {"dn-1", "ha-1"}


def test_search_results_carry_a_snippet_of_the_original_text(db_path):
    row = query(db_path, search="ban giao mat bang").iloc[0]
    assert row["id"] == "bp-1" and "[bàn giao mặt bằng]" in row["snippet"]


@pytest.mark.parametrize("filters, message", [
    ({"theme": "religion:5"}, "level"), ({"since": "last year"}, "YYYY"),
    ({"colour": "red"}, "unknown"), ({"search": "  "}, "nothing to search"),
])
def test_bad_filters_raise_a_clear_error(db_path, filters, message):
    from pipeline.errors import DanvanError
    with pytest.raises(DanvanError, match=message):
        query(db_path, **filters)


def test_cli_formats(db_path, tmp_path, capsys):
    assert cli.main(["query", str(db_path), "--theme", "religion", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("id,title,published")
    csv_path = tmp_path / "r.csv"
    assert cli.main(["query", str(db_path), "--theme", "religion", "--format", "csv",
                     "--out", str(csv_path)]) == 0
    assert set(pd.read_csv(csv_path)["id"]) == {"gl-1", "dn-1"}
    assert cli.main(["query", str(db_path), "--cites", "25-NQ/TW", "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["id"] for r in records} == {"gl-1", "bp-1"}
    assert all("25-NQ/TW" in r["directives"] for r in records)
    parquet = tmp_path / "r.parquet"
    assert cli.main(["query", str(db_path), "--province", "Gia Lai", "--format", "parquet",
                     "--out", str(parquet)]) == 0
    assert set(pd.read_parquet(parquet)["id"]) == {"gl-1", "gl-2"}
    assert cli.main(["query", str(db_path), "--search", "ton giao"]) == 0
    table = capsys.readouterr().out
    assert "gl-1" in table and "article(s)" in table


def test_cli_errors_are_one_line_and_exit_2(db_path, tmp_path):
    for args in (["query", str(tmp_path / "none.db")],
                 ["query", str(db_path), "--since", "yesterday"],
                 ["query", str(db_path), "--format", "parquet"]):
        proc = subprocess.run([sys.executable, "-m", "pipeline.cli", *args],
                              capture_output=True, text=True)
        assert proc.returncode == 2
        assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


def test_process_stores_article_jsonl_and_reports_bad_lines(tmp_path):
    inputs = tmp_path / "articles.jsonl"
    lines = [a.to_json() for a in corpus()[:3]]
    lines.insert(1, "{this is not json")
    lines.append(json.dumps({"id": "shared/1", "title": "Bài báo", "text": "Dòng một.\nDòng hai.",
                             "source": "vietnews", "date": "20200102"}, ensure_ascii=False))
    inputs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db_path = tmp_path / "p.db"
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "process", str(inputs),
                           "--db", str(db_path), "--no-themes", "--no-citations"],
                          capture_output=True, text=True)
    assert proc.returncode == 1, proc.stderr
    assert "articles.jsonl:2" in proc.stderr and "stored 4" in proc.stdout
    db = open_db(db_path)
    assert db["articles"].count == 4
    shared = db["articles"].get("shared/1")
    assert shared["published"] == "2020-01-02" and shared["text"] == "Dòng một.\nDòng hai."
    assert db["provenance"].get("shared/1")["source"] == "vietnews"
    # the tags the input already carried are kept when a stage is switched off
    assert {r["theme"] for r in db.query("SELECT theme FROM themes WHERE article_id='gl-1'")}
    db.close()
    # nothing stored but an error: exit 2 with a one-line message
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "process",
                           str(tmp_path / "missing.txt"), "--db", str(db_path),
                           "--no-themes", "--no-citations"], capture_output=True, text=True)
    assert proc.returncode == 2 and "no such file" in proc.stderr
