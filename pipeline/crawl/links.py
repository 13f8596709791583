"""Find the links of a listing page, each with the date printed next to it (if any).

The date of a link is looked for in its listing item: the nearest ancestor that
holds no other article link. That keeps the site header's "today" date and the
sidebar's dates away from the items, so a ``since`` bound can stop paging back.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable

import lxml.etree
import lxml.html

_DMY = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d{2})(?!\d)")
_YMD = re.compile(r"(?<!\d)((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?!\d)")
_MAX_CLIMB = 6


@dataclass
class Link:
    href: str  # as written, resolved against the page URL
    text: str
    date: dt.date | None = None


def dates_in(text: str) -> list[dt.date]:
    out = []
    for d, m, y in _DMY.findall(text):
        out.append((int(y), int(m), int(d)))
    for y, m, d in _YMD.findall(text):
        out.append((int(y), int(m), int(d)))
    dates = []
    for y, m, d in out:
        try:
            dates.append(dt.date(y, m, d))
        except ValueError:
            continue
    return dates


def page_links(body: bytes | str, base_url: str,
               is_article: Callable[[str], bool] | None = None) -> list[Link]:
    """Every <a href> and <link rel=next> of the page, resolved, in page order."""
    from urllib.parse import urljoin
    if not body or not body.strip():
        return []
    try:
        doc = lxml.html.document_fromstring(body)
    except (lxml.etree.ParserError, ValueError):
        return []
    base_el = doc.find(".//base[@href]")
    base = urljoin(base_url, base_el.get("href").strip()) if base_el is not None else base_url
    anchors = []
    for el in doc.iter("a", "link", "area"):
        href = (el.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
            continue
        if el.tag == "link" and "next" not in (el.get("rel") or "").lower().split():
            continue
        anchors.append((el, urljoin(base, href)))
    links = []
    article_count: dict[lxml.html.HtmlElement, set[str]] = {}
    if is_article:
        for el, url in anchors:
            if not is_article(url):
                continue
            parent = el.getparent()
            for _ in range(_MAX_CLIMB):
                if parent is None:
                    break
                article_count.setdefault(parent, set()).add(url)
                parent = parent.getparent()
    for el, url in anchors:
        text = " ".join((el.text_content() if el.tag == "a" else "").split())
        date = None
        if is_article and is_article(url):
            date = _item_date(el, url, article_count)
        links.append(Link(url, text, date))
    return links


def _item_date(el, url: str, article_count) -> dt.date | None:
    node = el
    for _ in range(_MAX_CLIMB):
        found = dates_in(" ".join(node.itertext()))  # text_content() glues "2024" to "15/05"
        if found:
            return max(found)
        parent = node.getparent()
        if parent is None or article_count.get(parent, {url}) != {url}:
            return None  # the next level up is shared with other items
        node = parent
    return None
