"""Batch engine: streaming inputs, error records, resume after kill -9, Dask parity."""
import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.batch import BatchOptions, iter_items, read_results, run_batch

NO_STAGES = BatchOptions(stages=())


def write_jsonl(path: Path, records) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def sample_records(n: int) -> list[dict]:
    return [{"id": f"doc{i:05d}", "title": f"Tin số {i}",
             "text": f"Ban Dân vận Tỉnh uỷ họp lần {i}.\nĐoạn hai của bài {i}, hoà bình."}
            for i in range(n)]


def test_jsonl_articles_are_cleaned_and_written_in_order(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", sample_records(50))
    report = run_batch([str(src)], str(tmp_path / "out"), NO_STAGES, workers=2, chunk_size=7)
    assert (report.read, report.written, report.failed) == (50, 50, 0)
    records = read_results(tmp_path / "out")
    assert [r["id"] for r in records] == [f"doc{i:05d}" for i in range(50)]
    first = records[0]
    # kept as written (NFC only): the matching stages normalise tone marks themselves
    assert first["paragraphs"] == ["Ban Dân vận Tỉnh uỷ họp lần 0.", "Đoạn hai của bài 0, hoà bình."]
    assert first["provenance"]["input"].endswith("in.jsonl:1")


def test_bad_articles_become_error_records_and_the_batch_goes_on(tmp_path):
    src = tmp_path / "in.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in sample_records(3)]
    lines.insert(1, "{not json")
    lines.insert(2, json.dumps({"id": "empty", "text": "   \n  "}))
    lines.insert(3, json.dumps({"id": "huge", "text": "chữ " * 400_000}))
    lines.insert(4, json.dumps({"id": "nothing", "title": "no body"}))
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = run_batch([str(src)], str(tmp_path / "out"), NO_STAGES, workers=1)
    assert report.written == 3
    assert report.failed == 4
    errors = [json.loads(l) for l in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()]
    messages = {e["id"]: e["message"] for e in errors}
    assert "invalid JSON" in messages["in.jsonl:2"]
    assert "empty article" in messages["empty"]
    assert "huge article" in messages["huge"]
    assert "neither" in messages["nothing"]


def test_cli_exit_code_and_report_say_how_many_failed(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(sample_records(1)[0]) + "\n{broken\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "batch", str(src), "--out", str(out),
                           "--stages", "none", "--workers", "1"], capture_output=True, text=True)
    assert proc.returncode == 3, proc.stderr
    assert "1 articles written, 1 failed" in proc.stderr
    report = json.loads((out / "report.json").read_text())
    assert report["failed"] == 1 and report["written"] == 1


def test_unknown_stage_is_a_one_line_error(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", sample_records(1))
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "batch", str(src), "--out",
                           str(tmp_path / "o"), "--stages", "sentiment"], capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "unknown stage" in proc.stderr


def test_rerun_skips_done_articles_and_processes_only_new_ones(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", sample_records(20))
    run_batch([str(src)], str(tmp_path / "out"), NO_STAGES, workers=1)
    write_jsonl(src, sample_records(25))
    report = run_batch([str(src)], str(tmp_path / "out"), NO_STAGES, workers=1)
    assert (report.skipped_done, report.written) == (20, 5)
    ids = [r["id"] for r in read_results(tmp_path / "out")]
    assert len(ids) == len(set(ids)) == 25


def test_changed_content_under_the_same_id_is_processed_again(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", sample_records(2))
    run_batch([str(src)], str(tmp_path / "out"), NO_STAGES, workers=1)
    changed = sample_records(2)
    changed[1]["text"] += "\nMột đoạn mới."
    write_jsonl(src, changed)
    report = run_batch([str(src)], str(tmp_path / "out"), NO_STAGES, workers=1)
    assert (report.skipped_done, report.written) == (1, 1)


def test_killed_batch_resumes_with_every_article_exactly_once(tmp_path):
    n = 6000
    src = write_jsonl(tmp_path / "in.jsonl", sample_records(n))
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "pipeline.cli", "batch", str(src), "--out", str(out),
           "--stages", "none", "--workers", "1", "--chunk-size", "4"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    articles = out / "articles.jsonl"
    deadline = time.time() + 60
    while time.time() < deadline and (not articles.exists() or articles.stat().st_size < 200_000):
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    written_before = articles.read_text(encoding="utf-8").count("\n")
    assert 0 < written_before < n, "the kill must land mid-way"
    subprocess.run(cmd, check=True, capture_output=True)
    ids = [r["id"] for r in read_results(out)]
    assert len(ids) == n
    assert len(set(ids)) == n


def test_gzip_and_parquet_inputs_stream(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    records = sample_records(30)
    gz = tmp_path / "in.jsonl.gz"
    with gzip.open(gz, "wt", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    pq.write_table(pa.Table.from_pylist(records), tmp_path / "in.parquet", row_group_size=8)
    for name in ("in.jsonl.gz", "in.parquet"):
        items = iter_items([str(tmp_path / name)])
        assert next(items).id == "doc00000"  # a generator: nothing read beyond what is asked
        report = run_batch([str(tmp_path / name)], str(tmp_path / f"out-{name}"), NO_STAGES, workers=1)
        assert report.written == 30


def test_missing_input_is_a_clear_error(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "batch", str(tmp_path / "nope.jsonl"),
                           "--out", str(tmp_path / "o")], capture_output=True, text=True)
    assert proc.returncode == 2
    assert "no such file" in proc.stderr and "Traceback" not in proc.stderr


def test_dask_local_cluster_gives_the_same_results_as_local(tmp_path):
    pytest.importorskip("distributed")
    src = write_jsonl(tmp_path / "in.jsonl", sample_records(60))
    run_batch([str(src)], str(tmp_path / "local"), NO_STAGES, workers=2, chunk_size=8)
    report = run_batch([str(src)], str(tmp_path / "dask"), NO_STAGES, dask_local=2, chunk_size=8)
    assert report.written == 60
    assert sorted((tmp_path / "dask").glob("part-*.jsonl"))
    strip = lambda recs: sorted(json.dumps({k: v for k, v in r.items() if k != "provenance"},
                                           sort_keys=True) for r in recs)
    assert strip(read_results(tmp_path / "dask")) == strip(read_results(tmp_path / "local"))


def test_local_cluster_serves_no_dashboard_on_8787():
    """dashboard_address=None still binds :8787 on every interface (dask/distributed#8136)."""
    from pipeline.batch.run import local_cluster

    cluster = local_cluster(1)
    try:
        addresses = [sock.getsockname()[:2] for sock in cluster.scheduler.http_server._sockets.values()]
    finally:
        cluster.close()
    assert addresses
    assert all(host == "127.0.0.1" and port != 8787 for host, port in addresses)


def test_dask_run_keeps_no_long_message_logs(tmp_path):
    """distributed logs the last 1,000 messages of each stream, each compute-task message with
    its whole chunk: memory grew with every chunk. The run keeps only a few."""
    import dask

    src = write_jsonl(tmp_path / "in.jsonl", sample_records(6))
    seen = []
    report = run_batch([str(src)], str(tmp_path / "out"), NO_STAGES, dask_local=1, chunk_size=2,
                       on_progress=lambda n: seen.append(
                           dask.config.get("distributed.admin.low-level-log-length")))
    assert report.written == 6
    assert seen and max(seen) <= 50
