"""Mark citations up in text, as eyecite's ``annotate``.

``annotate(text, citations)`` wraps each citation's span in markup (HTML
``<cite>`` by default). Overlapping spans (one named reference for two terms)
are wrapped once. The text between citations is left as it is unless
``escape=True``, so that the result still parses as the same citations.
"""
from __future__ import annotations

import html
from typing import Callable
from urllib.parse import quote

from ..models import Citation


def _default_open(cite: Citation) -> str:
    # the key is URL-quoted ("25-NQ%2FTW%7CXI") so that the markup itself holds no number to find
    attrs = {"class": f"directive {cite.form}", "data-key": quote(cite.key or "", safe="")}
    inner = " ".join(f'{k}="{html.escape(v, quote=True)}"' for k, v in attrs.items())
    return f"<cite {inner}>"


def annotate(text: str, citations: list[Citation], *,
             opening: Callable[[Citation], str] = _default_open,
             closing: Callable[[Citation], str] = lambda cite: "</cite>",
             escape: bool = False) -> str:
    """``text`` with each citation wrapped in ``opening(cite)`` ... ``closing(cite)``."""
    out: list[str] = []
    last = 0
    for cite in sorted(citations, key=lambda c: (c.start, -c.end)):
        if cite.start < last or not 0 <= cite.start <= cite.end <= len(text):
            continue  # overlapping or out of range: keep the first
        between = text[last:cite.start]
        out.append(html.escape(between, quote=False) if escape else between)
        body = text[cite.start:cite.end]
        out.append(opening(cite) + (html.escape(body, quote=False) if escape else body) + closing(cite))
        last = cite.end
    tail = text[last:]
    out.append(html.escape(tail, quote=False) if escape else tail)
    return "".join(out)
