"""Stream work items out of batch inputs without loading an input whole.

Inputs: JSONL, JSONL.gz, a single Article JSON, WARC (.warc, .warc.gz), a
folder of .txt/.html (and any of the above), Parquet, or ``-`` for stdin
(JSONL or plain text). Each yields ``WorkItem`` objects that a worker turns
into an Article: already-built Article dicts pass through, raw text goes to
the cleaner and HTML to the extractor.
"""
from __future__ import annotations

import gzip
import hashlib
import io
import itertools
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

from ..errors import InputError

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass
class WorkItem:
    """One unit of work: an Article dict, raw text, raw HTML, or an input that failed to read."""

    id: str
    kind: str  # article | text | html | error
    payload: object  # dict for article, str for text, bytes for html, message for error
    source: str  # where it came from: path, path:line, WARC record id
    url: Optional[str] = None
    meta: dict = field(default_factory=dict)

    @property
    def input_hash(self) -> str:
        """Hash of the raw input: with the id, what says 'this article is already done'."""
        data = self.payload
        if isinstance(data, dict):
            data = json.dumps(data, sort_keys=True, ensure_ascii=False)
        if isinstance(data, str):
            data = data.encode("utf-8", "surrogatepass")
        return hashlib.sha256(data if isinstance(data, bytes) else repr(data).encode()).hexdigest()[:16]


def iter_items(inputs: Iterable[str]) -> Iterator[WorkItem]:
    """All work items of all inputs, in order."""
    for spec in inputs:
        if spec == "-":
            yield from _read_stdin()
            continue
        path = Path(spec)
        if not path.exists():
            raise InputError(f"{spec}: no such file or folder")
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if _reader_for(child) is not None:
                    yield from _reader_for(child)(child)
        else:
            reader = _reader_for(path)
            if reader is None:
                raise InputError(f"{spec}: unknown input type (expected .jsonl, .jsonl.gz, .json, "
                                 ".warc, .warc.gz, .parquet, .txt, .html or a folder)")
            yield from reader(path)


def _reader_for(path: Path):
    name = path.name.lower()
    if name.endswith((".jsonl.gz", ".ndjson.gz")):
        return _read_jsonl
    if name.endswith((".warc", ".warc.gz")):
        return _read_warc
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return _read_jsonl
    if suffix == ".json":
        return _read_json
    if suffix == ".parquet":
        return _read_parquet
    if suffix in HTML_SUFFIXES:
        return _read_html_file
    if suffix in TEXT_SUFFIXES:
        return _read_text_file
    return None


def _record_item(record: object, source: str, fallback_id: str) -> WorkItem:
    if not isinstance(record, dict):
        return WorkItem(fallback_id, "error", "a JSON line that is not an object", source)
    doc_id = str(record.get("id") or fallback_id)
    if record.get("paragraphs") is not None or record.get("text") is not None:
        return WorkItem(doc_id, "article", record, source, record.get("url"))
    if record.get("html") is not None:
        return WorkItem(doc_id, "html", str(record["html"]).encode("utf-8"), source, record.get("url"))
    return WorkItem(doc_id, "error", "a record with neither 'paragraphs', 'text' nor 'html'", source)


def _open_text(path: Path):
    if path.name.lower().endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", errors="replace")
    return open(path, encoding="utf-8", errors="replace")


def _read_jsonl(path: Path) -> Iterator[WorkItem]:
    with _open_text(path) as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            source = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield WorkItem(f"{path.name}:{number}", "error", f"invalid JSON: {exc.msg}", source)
                continue
            yield _record_item(record, source, f"{path.stem}:{number}")


def _read_json(path: Path) -> Iterator[WorkItem]:
    try:
        record = json.loads(path.read_text(encoding="utf-8", errors="replace"))
    except json.JSONDecodeError as exc:
        yield WorkItem(path.stem, "error", f"invalid JSON: {exc.msg}", str(path))
        return
    records = record if isinstance(record, list) else [record]
    for number, rec in enumerate(records, start=1):
        yield _record_item(rec, f"{path}#{number}", f"{path.stem}-{number}")


def _read_text_file(path: Path) -> Iterator[WorkItem]:
    yield WorkItem(path.stem, "text", path.read_bytes(), str(path))


def _read_html_file(path: Path) -> Iterator[WorkItem]:
    yield WorkItem(path.stem, "html", path.read_bytes(), str(path))


def _read_parquet(path: Path) -> Iterator[WorkItem]:
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(path)
    row = 0
    for batch in parquet.iter_batches(batch_size=256):
        for record in batch.to_pylist():
            row += 1
            yield _record_item(record, f"{path}#{row}", f"{path.stem}-{row}")


def _read_warc(path: Path) -> Iterator[WorkItem]:
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as fh:
        for record in ArchiveIterator(fh):
            if record.rec_type != "response":
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            record_id = record.rec_headers.get_header("WARC-Record-ID") or url
            content_type = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
            body = record.content_stream().read()
            doc_id = hashlib.sha1((url or record_id).encode()).hexdigest()[:16]
            if "html" not in content_type.lower() and not body.lstrip()[:1] == b"<":
                continue  # robots.txt, images ...: not articles
            yield WorkItem(doc_id, "html", body, f"{path}#{record_id}", url,
                           meta={"warc_record_id": record_id, "warc_file": str(path),
                                 "content_type": content_type})


def _read_stdin() -> Iterator[WorkItem]:
    """JSONL streams line by line; anything else is one document (text or HTML)."""
    stream = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    first = next((line for line in stream if line.strip()), "")
    if first.lstrip().startswith("{"):
        for number, line in enumerate(itertools.chain([first], stream), start=1):
            if not line.strip():
                continue
            try:
                yield _record_item(json.loads(line), f"stdin:{number}", f"stdin-{number}")
            except json.JSONDecodeError as exc:
                yield WorkItem(f"stdin-{number}", "error", f"invalid JSON: {exc.msg}", f"stdin:{number}")
    elif first:
        text = first + stream.read()
        kind = "html" if text.lstrip()[:1] == "<" else "text"
        yield WorkItem("stdin", kind, text.encode("utf-8"), "stdin")
