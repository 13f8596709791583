"""The frontier and the fetch log, in one SQLite file (WAL), so a crawl can be killed and resumed.

A URL moves pending -> fetched -> done | failed | skipped. "fetched" means the
response is safely in a WARC file but not yet processed: on resume it is
processed from the archive, not fetched again. Each step is one transaction,
so after a SIGKILL the database says exactly what was done.

Runs: a crawl that finishes closes its run; the next ``danvan crawl`` starts a
new run (incremental: start pages revalidated, known articles left alone). A
crawl that did not finish is resumed as the same run.
"""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY, started TEXT NOT NULL, finished TEXT,
    sites TEXT NOT NULL, refetch INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS urls (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    url TEXT NOT NULL UNIQUE,          -- canonical key
    fetch_url TEXT NOT NULL,           -- as found in the link
    site TEXT NOT NULL, host TEXT NOT NULL,
    kind TEXT NOT NULL,                -- listing | article
    depth INTEGER NOT NULL DEFAULT 0,  -- listing pages followed from a start URL
    found_on TEXT,
    status TEXT NOT NULL,              -- pending | fetched | done | failed | skipped
    outcome TEXT,                      -- listing, not_modified, new, duplicate, robots ...
    run INTEGER NOT NULL,              -- the run that last scheduled it
    http_status INTEGER, error_kind TEXT, error TEXT,
    etag TEXT, last_modified TEXT, final_url TEXT, fetched_at TEXT,
    warc_file TEXT, warc_offset INTEGER, warc_record_id TEXT, declared_charset TEXT
);
CREATE INDEX IF NOT EXISTS urls_todo ON urls(status, host, seq);
CREATE INDEX IF NOT EXISTS urls_run ON urls(run, site, kind);
CREATE TABLE IF NOT EXISTS fetch_log (
    id INTEGER PRIMARY KEY, run INTEGER NOT NULL, url TEXT NOT NULL, host TEXT,
    started TEXT, elapsed REAL, http_status INTEGER, bytes INTEGER,
    error_kind TEXT, warc_file TEXT, warc_offset INTEGER, warc_record_id TEXT
);
CREATE INDEX IF NOT EXISTS fetch_log_run ON fetch_log(run);
CREATE TABLE IF NOT EXISTS articles (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    hash TEXT NOT NULL UNIQUE, id TEXT NOT NULL, site TEXT, url TEXT NOT NULL,
    run INTEGER NOT NULL, json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS article_urls (
    url TEXT PRIMARY KEY, hash TEXT NOT NULL, run INTEGER NOT NULL
);
"""

# Failures worth another try in a later run (not: 404, 410, robots).
PERMANENT_ERRORS = ("http_400", "http_401", "http_403", "http_404", "http_405", "http_410",
                    "http_451", "redirect_loop", "too_many_redirects", "too_large")


@dataclass
class UrlRow:
    url: str
    fetch_url: str
    site: str
    host: str
    kind: str
    depth: int
    status: str
    etag: str | None
    last_modified: str | None
    warc_file: str | None
    warc_offset: int | None
    warc_record_id: str | None
    declared_charset: str | None
    final_url: str | None
    http_status: int | None


_ROW_COLUMNS = ("url, fetch_url, site, host, kind, depth, status, etag, last_modified, "
                "warc_file, warc_offset, warc_record_id, declared_charset, final_url, http_status")


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class Frontier:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None,
                                  timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL survives a killed process
        self.db.executescript(SCHEMA)
        self._lock = threading.RLock()
        self.run: int | None = None
        self.sites: list[str] = []

    def close(self) -> None:
        with self._lock:
            self.db.close()

    @contextmanager
    def transaction(self):
        with self._lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")

    def query(self, sql: str, params=()) -> list[tuple]:
        with self._lock:
            return self.db.execute(sql, params).fetchall()

    # -- runs --------------------------------------------------------------------
    def begin_run(self, site_names: list[str], start_urls: list[tuple[str, str, str, str]],
                  *, refetch: bool = False) -> tuple[int, bool]:
        """Resume the unfinished run, or start a new one. Returns (run id, resumed).

        ``start_urls``: (canonical, fetch_url, site, host) of every site's start pages.
        """
        with self.transaction() as db:
            last = db.execute("SELECT id, finished FROM runs ORDER BY id DESC LIMIT 1").fetchone()
            resumed = bool(last and last[1] is None)
            if resumed:
                run = last[0]
            else:
                run = db.execute("INSERT INTO runs (started, sites, refetch) VALUES (?, ?, ?)",
                                 (now(), json.dumps(site_names), int(refetch))).lastrowid
                names = ",".join("?" * len(site_names))
                placeholders = ",".join("?" * len(PERMANENT_ERRORS))
                db.execute(f"UPDATE urls SET status='pending', run=? WHERE status='failed' "
                           f"AND site IN ({names}) AND COALESCE(error_kind,'') "
                           f"NOT IN ({placeholders})", (run, *site_names, *PERMANENT_ERRORS))
                if refetch:
                    db.execute(f"UPDATE urls SET status='pending', run=? WHERE kind='article' "
                               f"AND status='done' AND site IN ({names})", (run, *site_names))
            for canonical, fetch_url, site, host in start_urls:
                self._schedule(db, canonical, fetch_url, site, host, "listing", 0, None, run,
                               reschedule=not resumed)
        self.run = run
        self.sites = list(site_names)
        return run, resumed

    def finish_run(self) -> None:
        with self.transaction() as db:
            db.execute("UPDATE runs SET finished=? WHERE id=?", (now(), self.run))

    # -- scheduling --------------------------------------------------------------
    def _schedule(self, db, canonical, fetch_url, site, host, kind, depth, found_on, run,
                  *, reschedule: bool) -> bool:
        row = db.execute("SELECT status, run FROM urls WHERE url=?", (canonical,)).fetchone()
        if row is None:
            db.execute("INSERT INTO urls (url, fetch_url, site, host, kind, depth, found_on, "
                       "status, run) VALUES (?,?,?,?,?,?,?, 'pending', ?)",
                       (canonical, fetch_url, site, host, kind, depth, found_on, run))
            return True
        status, last_run = row
        if reschedule and last_run != run and status in ("done", "skipped"):
            db.execute("UPDATE urls SET status='pending', run=?, depth=MIN(depth, ?) "
                       "WHERE url=?", (run, depth, canonical))
            return True
        return False

    def add_links(self, db, links: list[tuple[str, str, str, str, str, int]], found_on: str,
                  *, refetch: bool) -> int:
        """Schedule (canonical, fetch_url, site, host, kind, depth) links; returns how many
        were new to the frontier. Known listing pages are revalidated once per run; known
        articles only with ``refetch``."""
        added = 0
        for canonical, fetch_url, site, host, kind, depth in links:
            fresh = self._schedule(db, canonical, fetch_url, site, host, kind, depth, found_on,
                                   self.run, reschedule=(kind == "listing" or refetch))
            added += fresh
        return added

    def known(self, canonical: str) -> bool:
        return bool(self.query("SELECT 1 FROM urls WHERE url=?", (canonical,)))

    def count(self, site: str, kind: str, *, this_run: bool = True) -> int:
        sql = "SELECT COUNT(*) FROM urls WHERE site=? AND kind=?"
        params: tuple = (site, kind)
        if this_run:
            sql += " AND run=?"
            params += (self.run,)
        return self.query(sql, params)[0][0]

    # -- work ----------------------------------------------------------------------
    def _sites_clause(self) -> tuple[str, tuple]:
        """Only the sites of this invocation: a resumed run may hold others, left pending."""
        if not self.sites:
            return "", ()
        return f" AND site IN ({','.join('?' * len(self.sites))})", tuple(self.sites)

    def pending_hosts(self) -> list[str]:
        clause, params = self._sites_clause()
        return [r[0] for r in self.query(
            "SELECT DISTINCT host FROM urls WHERE status='pending' AND run=?" + clause,
            (self.run, *params))]

    def next_for_host(self, host: str) -> UrlRow | None:
        clause, params = self._sites_clause()
        rows = self.query(f"SELECT {_ROW_COLUMNS} FROM urls WHERE status='pending' AND host=? "
                          f"AND run=?{clause} ORDER BY seq LIMIT 1", (host, self.run, *params))
        return UrlRow(*rows[0]) if rows else None

    def unfinished(self) -> int:
        """URLs of this run, any site, still to fetch or to process."""
        return self.query("SELECT COUNT(*) FROM urls WHERE status IN ('pending', 'fetched') "
                          "AND run=?", (self.run,))[0][0]

    def fetched_unprocessed(self) -> list[UrlRow]:
        """Responses archived by a killed crawl but never processed."""
        clause, params = self._sites_clause()
        return [UrlRow(*r) for r in self.query(
            f"SELECT {_ROW_COLUMNS} FROM urls WHERE status='fetched'{clause} ORDER BY seq",
            params)]

    def log_fetch(self, db, url: str, host: str, *, started: str | None, elapsed: float | None,
                  http_status: int | None, size: int | None, error_kind: str | None,
                  warc=None) -> None:
        db.execute("INSERT INTO fetch_log (run, url, host, started, elapsed, http_status, bytes, "
                   "error_kind, warc_file, warc_offset, warc_record_id) "
                   "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                   (self.run, url, host, started, elapsed, http_status, size, error_kind,
                    warc.file if warc else None, warc.offset if warc else None,
                    warc.record_id if warc else None))

    def mark_fetched(self, db, url: str, *, http_status: int, final_url: str, warc,
                     etag: str | None, last_modified: str | None,
                     declared_charset: str | None) -> None:
        db.execute("UPDATE urls SET status='fetched', http_status=?, final_url=?, fetched_at=?, "
                   "warc_file=?, warc_offset=?, warc_record_id=?, etag=COALESCE(?, etag), "
                   "last_modified=COALESCE(?, last_modified), declared_charset=?, "
                   "error_kind=NULL, error=NULL WHERE url=?",
                   (http_status, final_url, now(), warc.file if warc else None,
                    warc.offset if warc else None, warc.record_id if warc else None,
                    etag, last_modified, declared_charset, url))

    def finish(self, db, url: str, status: str, outcome: str, *, error_kind: str | None = None,
               error: str | None = None, http_status: int | None = None) -> None:
        db.execute("UPDATE urls SET status=?, outcome=?, error_kind=?, error=?, "
                   "http_status=COALESCE(?, http_status), fetched_at=COALESCE(fetched_at, ?) "
                   "WHERE url=?", (status, outcome, error_kind, error, http_status, now(), url))

    # -- articles ----------------------------------------------------------------
    def store_article(self, db, url: str, content_hash: str, article_id: str, site: str,
                      article_json: str) -> str:
        """Store once per content hash; returns new | duplicate | unchanged | updated."""
        previous = db.execute("SELECT hash FROM article_urls WHERE url=?", (url,)).fetchone()
        previous_hash = previous[0] if previous else None
        if previous_hash == content_hash:
            return "unchanged"
        exists = db.execute("SELECT 1 FROM articles WHERE hash=?", (content_hash,)).fetchone()
        if not exists:
            db.execute("INSERT INTO articles (hash, id, site, url, run, json) VALUES (?,?,?,?,?,?)",
                       (content_hash, article_id, site, url, self.run, article_json))
        db.execute("INSERT OR REPLACE INTO article_urls (url, hash, run) VALUES (?,?,?)",
                   (url, content_hash, self.run))
        if previous_hash:  # the page changed since we stored it (refetch)
            orphan = not db.execute("SELECT 1 FROM article_urls WHERE hash=?",
                                    (previous_hash,)).fetchone()
            if orphan:
                db.execute("DELETE FROM articles WHERE hash=?", (previous_hash,))
            return "updated"
        return "duplicate" if exists else "new"

    def iter_articles(self):
        """(article json, [urls]) in the order they were first stored."""
        urls: dict[str, list[str]] = {}
        for url, h in self.query("SELECT url, hash FROM article_urls ORDER BY rowid"):
            urls.setdefault(h, []).append(url)
        for h, text in self.query("SELECT hash, json FROM articles ORDER BY seq"):
            yield text, urls.get(h, [])
