"""The batch engine's sink for ``danvan process``: results go straight into the corpus.

One transaction per chunk (``upsert_batch``), so a kill loses at most the chunk
in flight. What is already stored, by article id and hash of the input, is read
back at start so that a rerun skips it.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..models import Article
from .schema import open_db
from .write import upsert_batch


class StoreSink:
    sharded = False

    def __init__(self, db_path: str | Path, *, retry_errors: bool = False):
        self.db = open_db(db_path)
        self.next_shard = 0
        self.stored = 0
        self.done = {(row[0], row[1]) for row in self.db.execute(
            "SELECT article_id, json_extract(raw, '$.input_hash') FROM provenance "
            "WHERE json_extract(raw, '$.input_hash') IS NOT NULL")}
        self.failed = set() if retry_errors else {
            (row[0], row[1]) for row in self.db.execute("SELECT id, input_hash FROM process_errors")}
        self.done |= self.failed

    def is_done(self, doc_id: str, input_hash: str) -> bool:
        return (doc_id, input_hash) in self.done

    def failed_before(self, doc_id: str, input_hash: str) -> bool:
        return (doc_id, input_hash) in self.failed

    def write_chunk(self, results: list[tuple[str, dict]], shard: int | None = None) -> None:
        articles = [Article.from_dict(rec) for kind, rec in results if kind == "article"]
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        errors = [{**rec, "at": now} for kind, rec in results if kind == "error"]
        self.stored += upsert_batch(self.db, articles)
        with self.db.atomic():
            if errors:
                self.db["process_errors"].upsert_all(errors, pk=("id", "input_hash"))
            for article in articles:  # an input that now went through is no longer an error
                self.db.execute("DELETE FROM process_errors WHERE id = ?", [article.id])
        for article in articles:
            self.done.add((article.id, article.provenance.get("input_hash")))
        for rec in errors:
            self.done.add((rec["id"], rec["input_hash"]))

    def close(self) -> None:
        self.db.close()
