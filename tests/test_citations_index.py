"""The citation index (most cited, cited-by, co-citation, CSV) and its CLI."""
import csv
import io
import json
import subprocess
import sys

import pytest

from pipeline.citations import cite_article, find_citations
from pipeline.citations.annotate import annotate
from pipeline.citations.index import cited_by, cocited, most_cited, write_csv
from pipeline.cli import main
from pipeline.models import Article


def article(id_, text, province=None, published=None):
    return cite_article(Article(id=id_, paragraphs=text.split("\n"), province=province, published=published))


@pytest.fixture
def articles():
    return [
        article("a", "Thực hiện Chỉ thị số 15-CT/TU của Tỉnh ủy và Nghị quyết số 25-NQ/TW khóa XI.", "Bắc Kạn",
                "2023-01-02"),
        article("b", "Chỉ thị số 15-CT/TU của Tỉnh ủy; Nghị quyết số 25-NQ/TW khóa XI; Chỉ thị 33/CT-TTg.",
                "Gia Lai", "2023-05-02"),
        article("c", "Nghị quyết số 25-NQ/TW khóa IX về công tác tôn giáo. Nghị quyết 25 được quán triệt.",
                "Gia Lai", "2022-03-01"),
    ]


def test_most_cited_never_merges_documents_that_only_share_a_number(articles):
    rows = most_cited(articles)
    by_key = {r["key"]: r for r in rows}
    assert by_key["25-NQ/TW|XI"]["articles"] == 2
    assert by_key["25-NQ/TW|IX"]["articles"] == 1 and by_key["25-NQ/TW|IX"]["mentions"] == 2  # + short form
    assert "15-CT/TU@Bắc Kạn" in by_key and "15-CT/TU@Gia Lai" in by_key
    assert rows[0]["key"] == "25-NQ/TW|XI"


def test_most_cited_by_province_and_year(articles):
    by_province = most_cited(articles, by="province")
    assert {r["group"] for r in by_province} == {"Bắc Kạn", "Gia Lai"}
    gia_lai = [r for r in by_province if r["group"] == "Gia Lai"]
    assert {r["key"] for r in gia_lai} >= {"25-NQ/TW|XI", "25-NQ/TW|IX", "33/CT-TTg|2021"}
    by_year = most_cited(articles, by="year", top=1)
    assert [r["group"] for r in by_year] == ["2022", "2023"]
    with pytest.raises(ValueError):
        most_cited(articles, by="colour")


def test_cited_by_number_or_key_with_context(articles):
    every = cited_by(articles, "25-NQ/TW")
    assert {r["article_id"] for r in every} == {"a", "b", "c"}
    only_xi = cited_by(articles, "25-NQ/TW|XI")
    assert {r["article_id"] for r in only_xi} == {"a", "b"}
    assert all("[Nghị quyết số 25-NQ/TW]" in r["context"] for r in only_xi)


def test_cocited_pairs_count_articles(articles):
    rows = cocited(articles)
    pair = next(r for r in rows if {r["key_a"], r["key_b"]} == {"25-NQ/TW|XI", "33/CT-TTg|2021"})
    assert pair["articles"] == 1
    assert not any({r["key_a"], r["key_b"]} == {"15-CT/TU@Bắc Kạn", "15-CT/TU@Gia Lai"} for r in rows)


def test_csv_round_trips(articles):
    text = write_csv(most_cited(articles))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["key"] == "25-NQ/TW|XI" and rows[0]["articles"] == "2"


def test_cite_article_fills_original_offsets():
    original = "Nghị quyết\u00a0số 25-NQ/TW của Tỉnh uỷ"  # nbsp and old tone placement
    from pipeline.normalize import normalize_text
    cleaned = normalize_text(original).text
    art = cite_article(Article(id="x", paragraphs=[cleaned]), original=original)
    cite = art.citations[0]
    assert original[cite.orig_start:cite.orig_end].endswith("25-NQ/TW")


def test_offsets_point_into_unnormalised_text():
    text = "Chi\u0309 thi\u0323 số 05-CT/TW"  # decomposed tone marks
    cite = find_citations(text)[0]
    assert text[cite.start:cite.end] == cite.surface and cite.surface.endswith("05-CT/TW")
    assert cite.kind == "Chỉ thị"


def test_unknown_province_keys_stay_per_article():
    a = article("a", "Chỉ thị số 15-CT/TU")
    b = article("b", "Chỉ thị số 15-CT/TU")
    assert a.citations[0].key != b.citations[0].key


def test_annotate_wraps_each_citation():
    text = "Theo Chỉ thị số 33/CT-TTg và 25-NQ/TW."
    marked = annotate(text, find_citations(text))
    assert marked.count("<cite") == 2 and "Chỉ thị số 33/CT-TTg</cite>" in marked


def _run(args, stdin=None):
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], input=stdin, capture_output=True,
                          text=True, timeout=120)


def test_cli_cite_text_from_stdin():
    done = _run(["cite", "-", "--province", "Bắc Kạn"], "Chỉ thị số 15-CT/TU ngày 08/02/2022 của Tỉnh ủy")
    assert done.returncode == 0
    row = json.loads(done.stdout.splitlines()[0])
    assert row["number"] == "15-CT/TU" and row["scope"] == "Bắc Kạn" and row["issued"] == "2022-02-08"


def test_cli_pipeline_from_articles_to_index(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in [
        {"id": "a", "paragraphs": ["Nghị quyết số 25-NQ/TW khóa XI; Chỉ thị 33/CT-TTg."], "province": "Huế"},
        {"id": "b", "paragraphs": ["Nghị quyết số 25-NQ/TW khóa XI và Chỉ thị 33/CT-TTg."], "province": "Huế"},
    ]), encoding="utf-8")
    assert main(["cite", str(source)]) == 0
    rows = tmp_path / "rows.jsonl"
    rows.write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["directives", str(rows), "--csv"]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {r["key"]: r["articles"] for r in table} == {"25-NQ/TW|XI": "2", "33/CT-TTg|2021": "2"}
    assert main(["cited-by", "33/CT-TTg", str(rows)]) == 0
    assert capsys.readouterr().out.count("[Chỉ thị 33/CT-TTg]") == 2
    assert main(["cocited", str(source)]) == 0
    assert "25-NQ/TW|XI" in capsys.readouterr().out


@pytest.mark.parametrize("content,message", [(b"", "empty"), (b"\x00\x01binary", "binary"),
                                             (b"\xff\xfe\xfa bad", "UTF-8"), (b'{"id": 1}\n{oops', "line 2")])
def test_cli_bad_input_is_one_clear_line(tmp_path, content, message):
    bad = tmp_path / "bad"
    bad.write_bytes(content)
    done = _run(["cite", str(bad)])
    assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr
