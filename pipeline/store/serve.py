"""``danvan serve``: the corpus in Datasette, read-only.

The file is opened in immutable mode (SQLite cannot write to it, Datasette
offers no write route), bound to 127.0.0.1 unless told otherwise, with the
metadata, facets and canned queries of ``pipeline/data/store/metadata.json``.
"""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

from ..errors import DanvanError

METADATA = Path(__file__).resolve().parents[1] / "data" / "store" / "metadata.json"

SETTINGS = {
    "default_page_size": "50",
    "sql_time_limit_ms": "5000",
    "facet_time_limit_ms": "1000",
    "max_returned_rows": "5000",
    "allow_csv_stream": "on",
}


def database_name(db_path: str | Path) -> str:
    return Path(db_path).stem


def render_metadata(db_path: str | Path, template: Path = METADATA) -> dict:
    """The metadata template with the database's own name in place of ``{db}``."""
    name = database_name(db_path)
    text = template.read_text("utf-8").replace("{db}", name)
    return json.loads(text)


def prepare(db_path: str | Path) -> Path:
    """Check the file is a corpus at the current schema, and fold in any pending WAL.

    An immutable reader ignores the -wal file, so commits still in it would be invisible.
    """
    from .schema import open_db
    from .write import checkpoint

    path = Path(db_path)
    if not path.is_file():
        raise DanvanError(f"no corpus database at {path}")
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        db = open_db(path, create=False)
        checkpoint(db)
        db.close()
    open_db(path, readonly=True).close()  # raises a clear error for a foreign or old file
    return path


def datasette_args(db_path: Path, metadata_path: Path, *, host: str, port: int) -> list[str]:
    args = ["serve", "--immutable", str(db_path), "--metadata", str(metadata_path),
            "--host", host, "--port", str(port)]
    for name, value in SETTINGS.items():
        args += ["--setting", name, value]
    return args


def serve(db_path: str | Path, *, host: str = "127.0.0.1", port: int = 8001) -> int:
    """Run Datasette in this process until interrupted."""
    from datasette.cli import cli
    from datasette.plugins import pm

    from . import datasette_plugin

    path = prepare(db_path)
    if not pm.is_registered(datasette_plugin):
        pm.register(datasette_plugin, name="danvan")
    with tempfile.TemporaryDirectory(prefix="danvan-serve-") as tmp:
        metadata_path = Path(tmp) / "metadata.json"
        metadata_path.write_text(json.dumps(render_metadata(path), ensure_ascii=False), "utf-8")
        print(f"danvan serve: http://{host}:{port}/{database_name(path)} (read-only; Ctrl-C stops)",
              flush=True)
        try:
            cli.main(datasette_args(path.resolve(), metadata_path, host=host, port=port),
                     prog_name="datasette", standalone_mode=False)
        except SystemExit as exc:
            return int(exc.code or 0)
    return 0
