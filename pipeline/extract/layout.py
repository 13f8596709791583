"""Page layout helpers shared by the profile and generic paths of ``extract_html``.

- ``article_time``: the machine-readable publication date, in this order: JSON-LD
  ``datePublished``, ``meta[property=article:published_time]`` and its kin,
  ``[itemprop=datePublished]``, then ``<time datetime>`` inside the article (converted to
  Vietnam local time; minute precision when a time is given);
- ``find_lead``: the lead (sapo) that CMSs print between the headline and the body
  container, outside it (``h2.sapo``, ``p.description``, ``.article__sapo``, ``.summary``,
  ``.lead`` ... or the first prose block there);
- ``table_content``: for old ``<table>`` layouts, the cell with the most text and the fewest links.
"""
from __future__ import annotations

import json
import re
from typing import Optional

from bs4 import BeautifulSoup, Tag

from .dates import DateMatch, parse_date
from .metadata import is_prose, word_count

_META_DATE_KEYS = ("article:published_time", "og:published_time", "datepublished", "pubdate",
                   "publishdate", "publish-date", "date", "dc.date.issued", "dc.date", "dcterms.created",
                   "sailthru.date", "article.published", "published_time", "og:article:published_time")
_LEAD_RE = re.compile(r"(?i)sapo|lead|desc|summary|chapeau|intro|teaser|excerpt|abstract|tomtat|"
                      r"tom-tat|standfirst|subtitle|quote-top|init")
_BLOCKS = ("p", "div", "h2", "h3", "h4", "h5", "section", "span", "strong", "em", "b", "blockquote")
_SKIP_LEAD = re.compile(r"(?i)author|byline|date|time|meta|breadcrumb|share|social|tool|tag|menu|nav|"
                        r"related|caption|photo|image|img|figure")
MAX_LEAD_SCAN = 80  # elements looked at after the headline


def _json_ld_items(soup: BeautifulSoup):
    for script in soup.find_all("script", type=lambda t: t and "ld+json" in t.lower()):
        try:
            data = json.loads(script.string or script.get_text() or "")
        except (ValueError, TypeError):
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
            elif isinstance(item, list):
                stack.extend(item)


def article_time(soup: BeautifulSoup, headline: Optional[Tag] = None) -> Optional[DateMatch]:
    """The publication date the page gives to machines (call before scripts are removed)."""
    for item in _json_ld_items(soup):
        value = item.get("datePublished")
        if isinstance(value, str):
            found = parse_date(value)
            if found:
                return found
    for meta in soup.find_all("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _META_DATE_KEYS and meta.get("content"):
            found = parse_date(meta["content"])
            if found:
                return found
    for tag in soup.select("[itemprop=datePublished]"):
        found = parse_date(tag.get("datetime") or tag.get("content") or tag.get_text(" "))
        if found:
            return found
    for tag in _article_times(soup, headline):
        found = parse_date(tag["datetime"])
        if found:
            return found
    return None


def _article_times(soup: BeautifulSoup, headline: Optional[Tag]):
    """``<time datetime>`` of the article: inside <article> or the headline's container, else the
    first one after the headline (never one in a related list further down)."""
    headline = headline or soup.find("h1")
    scopes = []
    if headline is not None:
        scopes.extend(p for p in headline.parents if p.name in ("article", "main"))
        parent = headline.parent
        for _ in range(3):
            if parent is None or parent.name in ("body", "html", "[document]"):
                break
            scopes.append(parent)
            parent = parent.parent
    scopes.extend(soup.find_all("article")[:1])
    for scope in scopes:
        for tag in scope.find_all("time", datetime=True):
            if not tag.find_parent(["aside", "nav", "footer", "li"]):
                return [tag]
    if headline is not None:
        tag = headline.find_next("time", datetime=True)
        if tag is not None and not tag.find_parent(["aside", "nav", "footer", "li"]):
            return [tag]
    return []


def date_near_headline(headline: Optional[Tag], body: Optional[Tag] = None) -> Optional[DateMatch]:
    """A date line printed next to the headline (below it before the body, or with a time of
    day in the two blocks above it: a date-only line there may be the site's): a timed one first."""
    from .dates import parse_date_line
    if headline is None:
        return None
    found = []
    for tag in headline.find_all_previous(_BLOCKS, limit=6)[:2]:
        line = parse_date_line(_text(tag), max_rest_words=8)
        if line and line.date.has_time:
            found.append(line.date)
    for seen, tag in enumerate(headline.find_all_next(True)):
        if seen > MAX_LEAD_SCAN or (body is not None and (tag is body or body in tag.parents)):
            break
        if tag.find(["p", "div", "table"]) is not None:
            continue
        line = parse_date_line(_text(tag), max_rest_words=8)
        if line:
            found.append(line.date)
    timed = [d for d in found if d.has_time]
    return (timed or found or [None])[0]


def _text(tag: Tag) -> str:
    return " ".join(tag.get_text(" ").split())


def _classes(tag: Tag) -> str:
    return " ".join(tag.get("class") or []) + " " + (tag.get("id") or "")


def find_lead(headline: Optional[Tag], body: Optional[Tag] = None,
              body_first: Optional[str] = None) -> Optional[str]:
    """The lead printed between the headline and the body, outside the body container.

    Looks at the elements after ``headline`` until the body container (``body``) or the
    first body line (``body_first``) begins: an element whose class or id says sapo, lead,
    description, summary ... (>= 5 words), else the first prose block (>= 12 words).
    """
    if headline is None:
        return None
    first_key = " ".join((body_first or "").split())
    fallback = None
    for seen, tag in enumerate(headline.find_all_next(True)):
        if seen > MAX_LEAD_SCAN:
            break
        if body is not None and (tag is body or body in tag.parents):
            break
        if tag.name in ("h1",) or tag.find_parent(["nav", "aside", "footer", "figure", "header"]) is not None:
            continue
        if tag.name not in _BLOCKS:
            continue
        text = _text(tag)
        if not text:
            continue
        if first_key and (text == first_key or first_key in text):
            break  # the body has begun
        if body is not None and body in tag.descendants:
            break
        classes = _classes(tag)
        if _LEAD_RE.search(classes) and not _SKIP_LEAD.search(classes) and word_count(text) >= 5:
            return text
        leaf = not tag.find(["p", "div", "h2", "h3", "h4", "section", "table", "ul"])
        if (fallback is None and leaf and tag.name in ("p", "h2", "h3", "h4", "div")
                and word_count(text) >= 12 and is_prose(text) and not _SKIP_LEAD.search(classes)):
            fallback = text
    return fallback


# --- old table layouts --------------------------------------------------------------------------

def is_table_layout(soup: BeautifulSoup) -> bool:
    """A page laid out with nested tables (no <article>/<main>, >= 3 tables)."""
    if soup.find(["article", "main"]) is not None:
        return False
    tables = soup.find_all("table")
    return len(tables) >= 3 and any(t.find_parent("table") is not None for t in tables)


def _own_text(td: Tag) -> tuple[int, int]:
    """(characters of text, characters of link text) in ``td`` outside nested tables."""
    text = links = 0
    for node in td.find_all(string=True):
        if node.find_parent("td") is not td:
            continue  # text of a nested table (a picture box, a side box) counts for its own cell
        value = len(" ".join(str(node).split()))
        text += value
        if node.find_parent("a") is not None:
            links += value
    return text, links


def table_content(soup: BeautifulSoup, min_words: int = 60) -> Optional[Tag]:
    """The content cell of a table layout: the most text that is not links, outside nested tables."""
    best, best_score = None, 0
    for td in soup.find_all("td"):
        text, links = _own_text(td)
        if text == 0 or links / text > 0.3:
            continue
        score = text - links
        if score > best_score:
            best, best_score = td, score
    if best is None or word_count(_text(best)) < min_words:
        return None
    return best
