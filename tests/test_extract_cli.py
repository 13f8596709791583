"""The ``danvan extract`` and ``danvan clean`` commands, in a subprocess as a user runs them."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli import main

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "corpus" / "sample" / "seeds" / "003_d75d204a71cd5d84.txt"
PAGE = REPO / "tests" / "fixtures" / "sites" / "newspaper_phuyen.html"


def _run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], input=stdin, capture_output=True,
                          cwd=REPO, timeout=120)


def test_clean_prints_article_json():
    out = _run("clean", str(SEED))
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["id"] == "003_d75d204a71cd5d84"
    assert data["title"].startswith("An Khê:") and data["published"] == "2020-08-06"
    assert data["author"] == "Nguyễn Văn" and len(data["paragraphs"]) == 11


def test_clean_reads_stdin_and_prints_text():
    out = _run("clean", "-", "--format", "text", stdin=SEED.read_bytes())
    assert out.returncode == 0, out.stderr
    text = out.stdout.decode("utf-8")
    assert text.splitlines()[0].startswith("An Khê:")
    assert "[caption] Bí thư Thị ủy" in text and "Tin liên quan" not in text


def test_extract_jsonl_with_url_and_profile():
    out = _run("extract", str(PAGE), "--url", "http://www.baophuyen.com.vn/a.html", "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.decode("utf-8").splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert data["provenance"]["profile"] == "newspaper"
    assert data["published"] == "2014-09-10T09:12" and data["site"] == "www.baophuyen.com.vn"
    out = _run("extract", str(PAGE), "--profile", "generic", "--format", "jsonl")
    assert json.loads(out.stdout)["provenance"]["profile"] is None


@pytest.mark.parametrize("args, message", [
    (["clean", "/no/such/file.txt"], "no such file"),
    (["extract", "PAGE_BINARY"], "binary input"),
    (["clean", "EMPTY"], "empty input"),
    (["extract", str(PAGE), "--profile", "nope"], "unknown profile"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, args, message):
    binary = tmp_path / "x.html"
    binary.write_bytes(b"\x00\x01\x02PK\x03\x04" * 500)
    empty = tmp_path / "e.txt"
    empty.write_bytes(b"")
    args = [str(binary) if a == "PAGE_BINARY" else str(empty) if a == "EMPTY" else a for a in args]
    out = _run(*args)
    err = out.stderr.decode("utf-8")
    assert out.returncode == 2
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_several_files_one_bad_loses_none_of_the_good(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_text("Đăng nhập\nMật khẩu\n", encoding="utf-8")
    code = main(["clean", str(SEED), str(bad), str(SEED), "--format", "jsonl"])
    captured = capsys.readouterr()
    assert code == 2
    assert len(captured.out.splitlines()) == 2
    assert "bad.txt" in captured.err
