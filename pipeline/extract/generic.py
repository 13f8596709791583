"""The no-profile path: trafilatura finds the main text, then our cleaner and metadata rules.

trafilatura (a well-kept, widely benchmarked main-text extractor) decides which block of
an unknown page is the article. Its output still carries what Vietnamese CMSs leave in
the body (bylines, "Xem thêm", counters, image placeholders), and its dates have no time,
so the body goes through ``clean_body`` and the metadata through our rules: meta tags,
then the date line under the title, then trafilatura's own guess.
"""
from __future__ import annotations

import re
from urllib.parse import urljoin
import warnings as _warnings
from typing import Optional

from bs4 import BeautifulSoup

from ..models import Article
from .boilerplate import RuleSet, match_key
from .clean import HEAD_WINDOW, clean_body, find_head, finish, prepare_lines
from .dates import parse_date
from .layout import date_near_headline, find_lead, is_table_layout, table_content
from .html import (_GENERIC_CAPTIONS, _page_id, html_to_lines, meta_date, node_text, page_title,
                   remove_junk, selected_byline)
from .metadata import Byline, is_cms_account, is_name, is_title_like, parse_byline

_IMAGE_LINE_RE = re.compile(r"^!\[[^\]]*\]\(([^)\s]*)[^)]*\)$")
_AUTHOR_SELECTORS = ("[itemprop=author] [itemprop=name]", "[rel=author]", ".author-name", ".author",
                     ".byline", ".post-author", ".tac-gia", ".tacgia", "[class*=author]")


def extract_generic(page: str, *, url: Optional[str] = None, id: Optional[str] = None,
                    rules: RuleSet, warnings: Optional[list[str]] = None) -> Article:
    import trafilatura

    soup = BeautifulSoup(page, "lxml")
    date = meta_date(soup)
    caption_keys = {match_key(node_text(tag)) for sel in _GENERIC_CAPTIONS for tag in soup.select(sel)}
    captions_by_src = image_captions(soup, url)
    remove_junk(soup)
    title = _h1_title(soup)
    page_lines = prepare_lines(html_to_lines(soup.body or soup), rules)
    from_title = _lines_from_title(page_lines, title, window=None)
    head = find_head(from_title[:HEAD_WINDOW])
    if title is None:
        title = head.title or page_title(soup)
    head_date = head.date or date_near_headline(_headline_tag(soup, title), None)
    if date is None or (head_date and head_date.has_time and not date.has_time
                        and head_date.iso.startswith(date.iso)):
        date = head_date or date  # the date line by the title also gives the time

    with _warnings.catch_warnings():
        _warnings.simplefilter("ignore")
        doc = trafilatura.bare_extraction(page, url=url, with_metadata=True, include_comments=False,
                                          include_tables=True, include_images=True, favor_recall=True)
    text = (doc.text if doc is not None else "") or ""
    content_cell = table_content(soup) if is_table_layout(soup) else None
    if content_cell is not None:  # an old table layout: its content cell, split at <p> and <br>
        raw_lines = html_to_lines(content_cell)
        provenance_main = "table cell"
    else:
        raw_lines = _trafilatura_lines(text, captions_by_src, caption_keys)
        raw_lines = _restore_captions(raw_lines, page_lines)
        provenance_main = "trafilatura"
    raw_lines = _restore_lead(raw_lines, soup, title)
    lines = prepare_lines(raw_lines, rules)
    if title and lines and match_key(lines[0].text) == match_key(title):
        lines = lines[1:]
    body = clean_body(lines, rules=rules)
    if not body.paragraphs:  # trafilatura found nothing: read the page itself from the headline on
        body = clean_body(head.body_lines(from_title), rules=rules)
        if body.paragraphs:
            (warnings := warnings if warnings is not None else []).append(
                "main-text extraction found nothing; page read from the headline down")

    article = Article(id=id or _page_id(url, page), url=url, title=title or (doc.title if doc else None))
    if date is None and doc is not None and doc.date:
        date = parse_date(doc.date)  # trafilatura gives a day, no time
    date = date or body.tail_date
    if date:
        article.published, article.published_precision = date.iso, date.precision
    byline = body.byline or head.byline or selected_byline(soup, _AUTHOR_SELECTORS)
    if byline is None and doc is not None and doc.author and is_name(doc.author) and not is_cms_account(doc.author):
        byline = Byline(doc.author)
    if byline:
        article.author, article.author_affiliation = byline.author, byline.affiliation
    article.paragraphs, article.captions = body.paragraphs, body.captions
    article.provenance = {"extractor": "extract_html", "profile": None, "main_text": provenance_main}
    if warnings:
        article.best_effort = True
        article.warnings.extend(warnings)
    return finish(article, what="page")


def _trafilatura_lines(text: str, captions_by_src: dict, caption_keys: set) -> list[tuple[str, str]]:
    """trafilatura's text as (line, hint): images as markers, table rows split into cells."""
    out: list[tuple[str, str]] = []
    for line in text.split("\n"):
        cells = [line]
        stripped = line.strip()
        if stripped.startswith("|") and stripped.endswith("|"):
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            if all(re.fullmatch(r":?-{3,}:?", c) for c in cells if c):
                continue  # the markdown rule under a table header
        for cell in cells:
            image = _IMAGE_LINE_RE.match(cell.strip())
            if image:
                out.append(("", "image"))
                caption = captions_by_src.get(image.group(1))
                if caption:
                    out.append((caption, "caption"))  # dropped below if trafilatura kept it too
            elif match_key(cell) in caption_keys:
                out.append((cell, "caption"))
            else:
                out.append((cell, ""))
    deduped: list[tuple[str, str]] = []
    for item in out:
        if deduped and item[0] and match_key(item[0]) == match_key(deduped[-1][0]):
            deduped[-1] = (deduped[-1][0], deduped[-1][1] or item[1])
            continue
        deduped.append(item)
    return deduped


def _restore_lead(raw_lines: list[tuple[str, str]], soup: BeautifulSoup, title: Optional[str]
                  ) -> list[tuple[str, str]]:
    """Put back the lead (sapo) printed between the headline and the body, outside the body."""
    first = next((t for t, _ in raw_lines if t and match_key(t) != match_key(title or "")), None)
    if first is None:
        return raw_lines  # no body: the page is read from the headline down instead
    lead = find_lead(_headline_tag(soup, title), body_first=first)
    if not lead:
        return raw_lines
    key = match_key(lead)
    if any(match_key(t) == key for t, _ in raw_lines if t):
        return raw_lines
    start = 1 if raw_lines and title and match_key(raw_lines[0][0]) == match_key(title) else 0
    return raw_lines[:start] + [(lead, "")] + raw_lines[start:]


def _headline_tag(soup: BeautifulSoup, title: Optional[str]):
    if title:
        key = match_key(title)
        for tag in soup.find_all(["h1", "h2", "h3", "div", "td", "p", "span"]):
            if match_key(node_text(tag)) == key:
                return tag
    return soup.find("h1")


def _restore_captions(raw_lines: list[tuple[str, str]], page_lines) -> list[tuple[str, str]]:
    """Put back captions trafilatura dropped, after the paragraph they follow in the page."""
    kept = {match_key(t) for t, _ in raw_lines if t}
    inserts: dict[str, list[str]] = {}
    previous = None
    for line in page_lines:
        if line.hint == "caption":
            if line.key not in kept and previous is not None:
                inserts.setdefault(previous, []).append(line.text)
                kept.add(line.key)
        elif line.key in kept and line.rule is None:
            previous = line.key
    if not inserts:
        return raw_lines
    out = []
    for text, hint in raw_lines:
        out.append((text, hint))
        for caption in inserts.pop(match_key(text), []) if text else []:
            out.append((caption, "caption"))
    return out


def image_captions(soup: BeautifulSoup, url: Optional[str] = None) -> dict[str, str]:
    """Picture address -> its caption in the page (figure/figcaption, a caption cell of an image table)."""
    found = {}
    for img in soup.find_all("img", src=True):
        container = img.find_parent(["figure", "table"])
        if container is None:
            continue
        for selector in _GENERIC_CAPTIONS:
            caption = container.select_one(selector)
            if caption is not None and node_text(caption):
                found[img["src"]] = node_text(caption)
                if url:  # trafilatura prints addresses made absolute
                    found[urljoin(url, img["src"])] = node_text(caption)
                break
    return found


def _h1_title(soup: BeautifulSoup) -> Optional[str]:
    """The page's one headline: a single title-like <h1>, or the heading that repeats og:title."""
    og = page_title(soup)
    headings = [node_text(h) for h in soup.find_all(["h1", "h2", "h3"])]
    if og:
        for text in headings:
            if match_key(text) == match_key(og):
                return text
    h1s = [node_text(h) for h in soup.find_all("h1")]
    h1s = [t for t in h1s if is_title_like(t)]
    if len(h1s) == 1:
        return h1s[0]
    return None


def _lines_from_title(lines, title: Optional[str], window: Optional[int] = HEAD_WINDOW):
    """The page lines from the headline on (menus above it are not the head)."""
    if title:
        key = match_key(title)
        for i, line in enumerate(lines):
            if line.key == key:
                return lines[i:i + window if window else None]
    return lines
