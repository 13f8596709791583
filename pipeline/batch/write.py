"""Where batch results go, written so that a killed batch resumes without duplicates.

Two layouts in an output folder:
- single: ``articles.jsonl`` and ``errors.jsonl``, appended chunk by chunk and
  flushed; a line cut by a kill is truncated away on restart.
- sharded: ``part-NNNNN.jsonl`` (+ ``errors-NNNNN.jsonl``), one per chunk,
  each written to a temporary name and renamed, so a shard is whole or absent.
Either way the (id, input hash) pairs already written are read back at start
and those items are skipped.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterable

ARTICLES = "articles.jsonl"
ERRORS = "errors.jsonl"


def _truncate_partial_line(path: Path) -> None:
    """Drop a last line with no newline: the write that a kill interrupted."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with open(path, "rb+") as fh:
        fh.seek(-1, os.SEEK_END)
        if fh.read(1) == b"\n":
            return
        size = fh.seek(0, os.SEEK_END)
        step = 1 << 16
        pos = size
        while pos > 0:
            start = max(0, pos - step)
            fh.seek(start)
            block = fh.read(pos - start)
            newline = block.rfind(b"\n")
            if newline >= 0:
                fh.truncate(start + newline + 1)
                return
            pos = start
        fh.truncate(0)


def _done_keys(paths: Iterable[Path]) -> set[tuple[str, str]]:
    done = set()
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as fh:
            for line in fh:
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError:
                    continue
                digest = rec.get("input_hash") or (rec.get("provenance") or {}).get("input_hash")
                if rec.get("id") is not None and digest:
                    done.add((str(rec["id"]), digest))
    return done


class ResultSink:
    def __init__(self, out_dir: str | Path, *, sharded: bool = False, retry_errors: bool = False):
        self.out_dir = Path(out_dir)
        self.sharded = sharded
        self.out_dir.mkdir(parents=True, exist_ok=True)
        article_files, error_files = self._existing_files()
        for path in article_files + error_files:
            _truncate_partial_line(path)
        self.done = _done_keys(article_files)
        if not retry_errors:
            self.done |= _done_keys(error_files)
        self.next_shard = 1 + max((int(p.stem.split("-")[1]) for p in self.out_dir.glob("part-*.jsonl")),
                                  default=-1)
        self._articles = self._errors = None
        if not sharded:
            self._articles = open(self.out_dir / ARTICLES, "a", encoding="utf-8")
            self._errors = open(self.out_dir / ERRORS, "a", encoding="utf-8")

    def _existing_files(self) -> tuple[list[Path], list[Path]]:
        articles = sorted(self.out_dir.glob("part-*.jsonl"))
        errors = sorted(self.out_dir.glob("errors-*.jsonl"))
        for name, bucket in ((ARTICLES, articles), (ERRORS, errors)):
            if (self.out_dir / name).exists():
                bucket.append(self.out_dir / name)
        return articles, errors

    def is_done(self, doc_id: str, input_hash: str) -> bool:
        return (doc_id, input_hash) in self.done

    def write_chunk(self, results: list[tuple[str, dict]], shard: int | None = None) -> None:
        articles = [rec for kind, rec in results if kind == "article"]
        errors = [rec for kind, rec in results if kind == "error"]
        for rec in articles:
            self.done.add((str(rec["id"]), rec["provenance"]["input_hash"]))
        for rec in errors:
            self.done.add((str(rec["id"]), rec["input_hash"]))
        if self.sharded:
            shard = self.next_shard if shard is None else shard
            self.next_shard = max(self.next_shard, shard + 1)
            _write_atomic(self.out_dir / f"errors-{shard:05d}.jsonl", errors)
            _write_atomic(self.out_dir / f"part-{shard:05d}.jsonl", articles)
            return
        for fh, records in ((self._articles, articles), (self._errors, errors)):
            if records:
                fh.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
                fh.flush()
                os.fsync(fh.fileno())

    def close(self) -> None:
        for fh in (self._articles, self._errors):
            if fh:
                fh.close()


def _write_atomic(path: Path, records: list[dict]) -> None:
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def read_results(out_dir: str | Path) -> list[dict]:
    """Every article written to an output folder, whatever its layout."""
    out = Path(out_dir)
    paths = sorted(out.glob("part-*.jsonl")) + ([out / ARTICLES] if (out / ARTICLES).exists() else [])
    records = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            records.extend(json.loads(line) for line in fh if line.strip())
    return records
