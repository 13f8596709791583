"""Every raw response archived as WARC (warcio), so extraction can be re-run later.

Each process writes its own gzip WARC file (a new one on resume, rotated past
``max_size``); every record is flushed before the frontier commits anything that
points to it, so a crawl killed with SIGKILL never refers to a half-written
record. A reference is (file, record id, offset), enough to re-read one record.
"""
from __future__ import annotations

import datetime as dt
import io
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .. import __version__
from .fetch import Exchange

# Headers describing the transfer, not the payload we store (urllib3 removed the chunking).
_TRANSFER_HEADERS = {"transfer-encoding"}


@dataclass(frozen=True)
class WarcRef:
    file: str  # relative to the crawl output directory
    record_id: str
    offset: int
    length: int


class WarcArchive:
    def __init__(self, out_dir: str | Path, *, prefix: str = "danvan",
                 max_size: int = 1024 ** 3, run: int | None = None):
        self.root = Path(out_dir)
        self.dir = self.root / "warc"
        self.dir.mkdir(parents=True, exist_ok=True)
        self.prefix = prefix
        self.max_size = max_size
        self.run = run
        self._lock = threading.Lock()
        self._fh = None
        self._writer: WARCWriter | None = None
        self._path: Path | None = None
        self.records = 0

    def _open(self) -> None:
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%d%H%M%S%f")
        run = f"-run{self.run}" if self.run is not None else ""
        self._path = self.dir / f"{self.prefix}{run}-{stamp}-{os.getpid()}.warc.gz"
        self._fh = open(self._path, "ab")
        self._writer = WARCWriter(self._fh, gzip=True)
        info = self._writer.create_warcinfo_record(self._path.name, {
            "software": f"danvan/{__version__} (warcio)",
            "format": "WARC File Format 1.1",
            "description": "raw responses of a danvan crawl",
        })
        self._writer.write_record(info)
        self._fh.flush()

    def write(self, exchange: Exchange) -> WarcRef:
        """Archive one response (and its request); return where the response record is."""
        with self._lock:
            if self._fh is None or self._fh.tell() > self.max_size:
                self.close()
                self._open()
            assert self._writer is not None and self._fh is not None and self._path is not None
            status = f"{exchange.status} {exchange.reason}".strip()
            http_headers = StatusAndHeaders(
                status, [(k, v) for k, v in exchange.headers if k.lower() not in _TRANSFER_HEADERS],
                protocol=exchange.http_version)
            date = exchange.started.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
            response = self._writer.create_warc_record(
                exchange.url, "response", payload=io.BytesIO(exchange.raw_body),
                length=len(exchange.raw_body), http_headers=http_headers,
                warc_headers_dict={"WARC-Date": date})
            path = _request_target(exchange.url)
            request = self._writer.create_warc_record(
                exchange.url, "request", payload=io.BytesIO(b""), length=0,
                http_headers=StatusAndHeaders(f"{exchange.method} {path} HTTP/1.1",
                                              list(exchange.request_headers.items()),
                                              is_http_request=True),
                warc_headers_dict={"WARC-Date": date})
            offset = self._fh.tell()
            self._writer.write_request_response_pair(request, response)
            self._fh.flush()
            self.records += 1
            record_id = response.rec_headers.get_header("WARC-Record-ID")
            return WarcRef(str(self._path.relative_to(self.root)), record_id, offset,
                           self._fh.tell() - offset)

    def close(self) -> None:
        if self._fh is not None:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()
            self._fh = None
            self._writer = None


def _request_target(url: str) -> str:
    from urllib.parse import urlsplit
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


@dataclass
class ArchivedResponse:
    url: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes  # content encoding removed
    record_id: str


def read_response(root: str | Path, ref_file: str, offset: int) -> ArchivedResponse:
    """Re-read the response record at ``offset`` of a WARC file of a crawl."""
    with open(Path(root) / ref_file, "rb") as fh:
        fh.seek(offset)
        for record in ArchiveIterator(fh):
            if record.rec_type != "response":
                continue
            return _archived(record)
    raise LookupError(f"no response record at {ref_file}:{offset}")


def iter_responses(path: str | Path):
    """Every response record of a WARC file, decoded (for re-running extraction)."""
    with open(path, "rb") as fh:
        for record in ArchiveIterator(fh):
            if record.rec_type == "response":
                yield _archived(record)


def _archived(record) -> ArchivedResponse:
    status = int(record.http_headers.get_statuscode() or 0)
    body = record.content_stream().read()  # undoes Content-Encoding
    return ArchivedResponse(record.rec_headers.get_header("WARC-Target-URI"), status,
                            list(record.http_headers.headers), body,
                            record.rec_headers.get_header("WARC-Record-ID"))
