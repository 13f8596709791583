"""A content-addressed cache of segmentations, in one SQLite file.

Keys are hashes of a text block and the segmenter version, so a changed text or
a new segmenter never reads a stale entry. SQLite in WAL mode lets the worker
processes of a batch run read and write the same file at once.
"""
from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Iterable

_SCHEMA = "CREATE TABLE IF NOT EXISTS segments (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
_CHUNK = 500  # SQLite limits the number of host parameters in one query


def default_cache_dir() -> Path:
    """``$DANVAN_CACHE`` if set, else ``~/.cache/danvan``."""
    env = os.environ.get("DANVAN_CACHE")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "danvan"


class SegmentCache:
    """Maps a content hash to a JSON-serialisable segmentation."""

    def __init__(self, directory: str | os.PathLike | None = None):
        self.directory = Path(directory) if directory is not None else default_cache_dir()
        self.path = self.directory / "segments.sqlite"
        self._conn: sqlite3.Connection | None = None
        self._pid: int | None = None

    def _connection(self) -> sqlite3.Connection:
        # A connection must not cross a fork: reopen in each worker process.
        if self._conn is None or self._pid != os.getpid():
            self.directory.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=60, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute(_SCHEMA)
            self._conn, self._pid = conn, os.getpid()
        return self._conn

    def get_many(self, keys: Iterable[str]) -> dict[str, object]:
        keys = list(dict.fromkeys(keys))
        found: dict[str, object] = {}
        conn = self._connection()
        for i in range(0, len(keys), _CHUNK):
            chunk = keys[i:i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            for key, value in conn.execute(
                    f"SELECT key, value FROM segments WHERE key IN ({marks})", chunk):
                found[key] = json.loads(value)
        return found

    def put_many(self, items: dict[str, object]) -> None:
        if not items:
            return
        rows = [(k, json.dumps(v, ensure_ascii=False, separators=(",", ":")))
                for k, v in items.items()]
        conn = self._connection()
        conn.execute("BEGIN")
        try:
            conn.executemany("INSERT OR REPLACE INTO segments (key, value) VALUES (?, ?)", rows)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def __len__(self) -> int:
        return self._connection().execute("SELECT COUNT(*) FROM segments").fetchone()[0]

    def clear(self) -> None:
        self._connection().execute("DELETE FROM segments")

    def close(self) -> None:
        if self._conn is not None and self._pid == os.getpid():
            self._conn.close()
        self._conn = None

    def __getstate__(self):  # picklable for joblib workers: the connection stays behind
        return {"directory": self.directory, "path": self.path, "_conn": None, "_pid": None}
