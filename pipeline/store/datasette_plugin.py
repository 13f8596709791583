"""Datasette plugin loaded by ``danvan serve``: SQL functions for canned queries.

- ``danvan_fold(text)``: lower case, no tones, đ -> d (pipeline.normalize.fold);
- ``danvan_fts(query)``: a typed query -> a safe FTS5 query over the folded columns,
  so the canned search finds "Đảng ủy" from "dang uy";
- ``danvan_snippet(text, query)``: the original passage around the first query word.
"""
from __future__ import annotations

from datasette import hookimpl

from ..errors import DanvanError
from ..normalize import fold
from .query import fold_number
from .search import fts_query, query_phrase, snippet


def _fold(value):
    return fold(value) if isinstance(value, str) else value


def _fts(value):
    try:
        return fts_query(value or "")
    except DanvanError:
        return '""'  # an empty query matches nothing rather than raising an FTS syntax error


@hookimpl
def prepare_connection(conn):
    conn.create_function("danvan_fold", 1, _fold, deterministic=True)
    conn.create_function("danvan_number", 1, fold_number, deterministic=True)
    conn.create_function("danvan_fts", 1, _fts, deterministic=True)
    conn.create_function("danvan_snippet", 2, snippet, deterministic=True)
    conn.create_function("danvan_phrase", 1, lambda q: query_phrase(q or ""), deterministic=True)
