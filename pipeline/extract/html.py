"""HTML -> Article: through the site's profile, or the generic path when no profile matches.

The page is decoded (``pipeline.normalize.decode_bytes``: declared charset checked
against the bytes), capped in size, parsed with lxml through BeautifulSoup, and the
profile's selectors give the title, date, author and body. The body is turned into
lines (block elements, ``<br>``, pictures as image markers, captions marked) and
cleaned by the same rules as scraped text, so a widget left inside the body by the
CMS is still removed.
"""
from __future__ import annotations

import re
from typing import Optional, Union

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from ..errors import InputError
from ..models import Article
from ..normalize.decode import decode_bytes
from ..normalize.repair import repair_text
from .boilerplate import RuleSet, load_rules, match_key
from .clean import clean_body, clean_text, finish, prepare_lines
from .dates import DateMatch, find_dates, parse_date, parse_date_line
from .metadata import Byline, is_cms_account, is_name, is_title_like, parse_byline
from .layout import article_time, date_near_headline, find_lead
from .profiles import Profile, load_profile, match_profile

GENERIC = "generic"  # profile name that forces the generic path
MAX_BYTES = 64_000_000  # bytes read and decoded at most
MAX_CHARS = 2_000_000  # markup parsed at most once scripts and styles are out; the rest is cut
_BULK_RE = re.compile(r"<(script|style|svg|noscript|template)\b[^>]*>.*?</\1\s*>|<!--.*?-->|"
                      r"data:[a-z]+/[a-z0-9.+-]+;base64,[A-Za-z0-9+/=]{200,}", re.S | re.I)
_JUNK_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "object", "embed",
              "canvas", "select", "option", "textarea", "button", "input", "map", "video", "audio")
_BLOCK_TAGS = {"p", "div", "section", "article", "main", "header", "footer", "aside", "nav",
               "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
               "blockquote", "pre", "figure", "figcaption", "table", "thead", "tbody", "tfoot",
               "tr", "td", "th", "caption", "center", "form", "fieldset", "address", "hr", "label"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_GENERIC_CAPTIONS = ("figcaption", ".wp-caption-text", ".image-caption", ".caption", ".PhotoCMS_Caption",
                     ".expNoEdit", "td.image_desc", ".img-caption", ".fig-caption")
_SPACE_RE = re.compile(r"[ \t\r\n\f\v]+")

HtmlInput = Union[bytes, bytearray, str]


def read_html(html: HtmlInput, declared_charset: Optional[str] = None
              ) -> tuple[str, list[str]]:
    """Decoded, size-capped page text and the warnings about it."""
    warnings: list[str] = []
    if isinstance(html, (bytes, bytearray, memoryview)):
        data = bytes(html)
        if len(data) > MAX_BYTES:
            cut = data.rfind(b"<", 0, MAX_BYTES)
            data = data[:cut if cut > MAX_BYTES // 2 else MAX_BYTES]
            warnings.append(f"page of {len(html):,} bytes cut to its first {len(data):,} bytes")
        decoded = decode_bytes(data, declared_charset, html=True)
        text = decoded.text
        warnings.extend(decoded.warnings)
    elif isinstance(html, str):
        text = html
    else:
        raise TypeError("extract_html wants bytes or str")
    if not text.strip():
        raise InputError("empty page: nothing to extract")
    text, repairs = repair_text(text)  # mojibake, TCVN3/VNI legacy fonts left in the markup
    warnings.extend(repairs)
    if len(text) > MAX_CHARS:
        size = len(text)
        text = _BULK_RE.sub(" ", text)  # scripts, styles, inline images: never article text
        if len(text) > MAX_CHARS:
            cut = text.rfind("<", 0, MAX_CHARS)
            text = text[:cut if cut > MAX_CHARS // 2 else MAX_CHARS]
            warnings.append(f"page of {size:,} characters cut to its first {len(text):,} "
                            "(scripts and styles removed first)")
    return text, [w for w in warnings if w != "empty input"]


def parse_html(html: HtmlInput) -> BeautifulSoup:
    if not isinstance(html, str):
        html, _ = read_html(html)
    return BeautifulSoup(html, "lxml")


def looks_like_html(text: str) -> bool:
    return bool(re.search(r"<(?:html|head|body|div|p|table|article|span|br|h[1-6]|a)\b", text[:200_000], re.I))


def remove_junk(soup: BeautifulSoup, drop: tuple[str, ...] = ()) -> None:
    for tag in soup.find_all(_JUNK_TAGS):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for selector in drop:
        for tag in soup.select(selector):
            tag.decompose()


def node_text(node: Tag) -> str:
    return _SPACE_RE.sub(" ", node.get_text(" ")).strip()


def html_to_lines(root: Tag, caption_selectors: tuple[str, ...] = _GENERIC_CAPTIONS
                  ) -> list[tuple[str, str]]:
    """Block elements and ``<br>`` become lines; pictures become image markers; captions are marked."""
    captions = set()
    for selector in caption_selectors:
        captions.update(id(tag) for tag in root.select(selector))
    lines: list[tuple[str, str]] = []
    buffer: list[str] = []

    def flush(hint: str = "") -> None:
        text = _SPACE_RE.sub(" ", "".join(buffer)).strip()
        buffer.clear()
        if text:
            lines.append((text, hint))

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if not isinstance(child, Comment):
                    buffer.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            if id(child) in captions:
                flush()
                text = node_text(child)
                if text:
                    lines.append((text, "caption"))
            elif name == "br":
                flush()
            elif name == "img":
                flush()
                lines.append(("", "image"))
            elif name in _BLOCK_TAGS:
                flush()
                walk(child)
                flush("heading" if name in _HEADINGS else "")
            else:
                walk(child)

    walk(root)
    flush()
    return lines


def first_tag(soup: Tag, selectors: tuple[str, ...]) -> Optional[Tag]:
    for selector in selectors:
        for tag in soup.select(selector):
            if node_text(tag):
                return tag
    return None


def first_text(soup: Tag, selectors: tuple[str, ...]) -> Optional[str]:
    for selector in selectors:
        for tag in soup.select(selector):
            text = node_text(tag)
            if text:
                return text
    return None


def meta_date(soup: BeautifulSoup) -> Optional[DateMatch]:
    """The publication date the page gives to machines (JSON-LD, meta, itemprop, <time datetime>)."""
    return article_time(soup)


def selected_date(soup: Tag, selectors: tuple[str, ...]) -> Optional[DateMatch]:
    for selector in selectors:
        for tag in soup.select(selector):
            for attr in ("datetime", "content"):
                if tag.get(attr):
                    found = parse_date(tag[attr])
                    if found:
                        return found
            text = node_text(tag)
            line = parse_date_line(text, max_rest_words=10)
            if line:
                return line.date
            dates = find_dates(text)
            if dates:
                return dates[0]
    return None


def selected_byline(soup: Tag, selectors: tuple[str, ...]) -> Optional[Byline]:
    for selector in selectors:
        for tag in soup.select(selector):
            text = node_text(tag)
            byline = parse_byline(text) if text else None
            if byline:
                return byline
            text = re.sub(r"(?i)^(?:viết bởi|đăng bởi|người đăng|posted by|written by)\s*:?\s*", "", text)
            if is_name(text) and not is_cms_account(text):
                return Byline(text)
    return None


def page_title(soup: BeautifulSoup) -> Optional[str]:
    """og:title, else <title> without the site name after a separator."""
    og = soup.find("meta", property="og:title")
    if og and og.get("content", "").strip():
        return _SPACE_RE.sub(" ", og["content"]).strip()
    if soup.title and soup.title.string:
        title = _SPACE_RE.sub(" ", soup.title.string).strip()
        return re.split(r"\s+[|–—-]\s+(?!.*\s[|–—-]\s)", title)[0] if title else None
    return None


def extract_html(html: HtmlInput, *, url: Optional[str] = None,
                 profile: Union[str, Profile, None] = None,
                 declared_charset: Optional[str] = None, id: Optional[str] = None,
                 rules: Optional[RuleSet] = None) -> Article:
    """An HTML page -> Article, through ``profile`` (a name, a path or a Profile), the
    profile that matches the page, or the generic path. Raises InputError for pages
    that hold no article (empty, binary, an error or login page)."""
    text, warnings = read_html(html, declared_charset)
    rules = rules or load_rules()
    if not looks_like_html(text):
        article = clean_text(text, id=id, url=url)
        article.warnings.insert(0, "input is not HTML: cleaned as scraped text")
        article.best_effort = True
        return article
    soup = BeautifulSoup(text, "lxml")
    if profile == GENERIC:
        chosen = None
    else:
        if isinstance(profile, str) or hasattr(profile, "__fspath__"):
            profile = load_profile(profile)
        chosen = profile or match_profile(url, soup)
    article = None
    if chosen is not None:
        article = _extract_with_profile(soup, chosen, url=url, id=id, rules=rules,
                                        page=text, warnings=warnings)
    if article is None:
        from .generic import extract_generic
        if chosen is not None:
            warnings.append(f"profile {chosen.name!r} found no article body; used the generic path")
        article = extract_generic(text, url=url, id=id, rules=rules, warnings=warnings)
    return article


def _extract_with_profile(soup: BeautifulSoup, profile: Profile, *, url, id, rules: RuleSet,
                          page: str, warnings: list[str]) -> Optional[Article]:
    date = selected_date(soup, profile.date) or meta_date(soup)
    title_tag = first_tag(soup, profile.title)
    title = node_text(title_tag) if title_tag is not None else page_title(soup)
    remove_junk(soup, profile.drop)
    body_node = None
    for selector in profile.body:
        body_node = soup.select_one(selector)
        if body_node is not None and node_text(body_node):
            break
        body_node = None
    if body_node is None:
        return None
    byline = selected_byline(soup, profile.author)
    date = date or date_near_headline(title_tag, body_node)
    raw_lines = []
    for selector in profile.lead:
        lead = soup.select_one(selector)
        if lead is not None and lead is not body_node and body_node not in lead.parents:
            raw_lines.extend(html_to_lines(lead, profile.captions or _GENERIC_CAPTIONS))
            break
    body_lines = html_to_lines(body_node, profile.captions or _GENERIC_CAPTIONS)
    if not raw_lines:  # a lead outside the body container that the profile does not name
        lead_text = find_lead(title_tag, body_node)
        if lead_text and all(match_key(t) != match_key(lead_text) for t, _ in body_lines):
            raw_lines.append((lead_text, ""))
    raw_lines.extend(body_lines)
    if byline and raw_lines and match_key(raw_lines[-1][0]) and parse_byline(raw_lines[-1][0]) == byline:
        raw_lines.pop()
    body = clean_body(prepare_lines(raw_lines, rules), stop_needs_prose=True, rules=rules)
    article = Article(id=id or _page_id(url, page), url=url, title=title)
    date = date or body.tail_date
    if date:
        article.published, article.published_precision = date.iso, date.precision
    byline = byline or body.byline
    if byline:
        article.author, article.author_affiliation = byline.author, byline.affiliation
    article.paragraphs, article.captions = body.paragraphs, body.captions
    article.provenance = {"extractor": "extract_html", "profile": profile.name}
    if warnings:
        article.best_effort = True
        article.warnings.extend(warnings)
    if not article.paragraphs:
        return None
    return finish(article, what="page")


def _page_id(url: Optional[str], page: str) -> str:
    import hashlib
    key = url or page
    return "page_" + hashlib.sha1(key.encode("utf-8", "replace")).hexdigest()[:16]
