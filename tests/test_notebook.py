"""notebooks/explore_corpus.ipynb runs headless (nbclient) on a sample DB and is committed clean."""
from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest

from pipeline.store import open_db, store_articles
from store_helpers import corpus

REPO = Path(__file__).resolve().parents[1]
NOTEBOOK = REPO / "notebooks" / "explore_corpus.ipynb"


def test_notebook_is_committed_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def test_notebook_runs_on_a_sample_db(tmp_path, monkeypatch):
    from nbclient import NotebookClient

    db_path = tmp_path / "sample.db"
    db = open_db(db_path)
    store_articles(db, corpus())
    db.close()
    monkeypatch.setenv("DANVAN_DB", str(db_path))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(nb, timeout=180, kernel_name="python3",
                            resources={"metadata": {"path": str(REPO)}})
    client.execute()  # raises CellExecutionError on any failing cell
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    texts = "".join(o.get("text", "") for o in outputs)
    assert "6 articles, 24 theme calls, 6 citations" in texts
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) == 4  # over time, by province, most cited, network
    assert "most connected:" in texts and "25-NQ/TW@XI" in texts
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "gl-1" in html  # the query API cell found the dân vận articles
