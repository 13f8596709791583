"""Scraped text -> Article: find the title and date, remove boilerplate, keep the paragraphs.

The text a scraper saved holds the article and the page around it: a site header
date above the title, counters after the date, toolbars, captions printed twice,
image index lines, and after the byline a tail of widgets and link lists. The
cleaner reads it line by line:

1. every line is matched against the boilerplate rules (boilerplate.toml);
2. the head: the title is the line above the first date line that follows a
   title-like line (a date line above the title is the site's header date, never
   the published date);
3. the body runs until a stop rule (related list, statistics, footer); the byline
   is the last name-like line with no prose after it, and everything after it goes;
4. captions are the lines after an image marker, lines printed twice, lines marked
   "(Ảnh ...)" / "Ảnh: ...", and photo descriptions without final punctuation.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from ..errors import InputError
from ..models import Article
from ..normalize.repair import repair_text
from .boilerplate import Rule, RuleSet, load_rules, match_key
from .dates import DateLine, DateMatch, parse_date_line
from .language import detect_language
from .metadata import (Byline, find_province, has_caption_mark, is_prose, is_title_like,
                       looks_like_caption, parse_byline, word_count)

MIN_WORDS = 12  # less text than this is no article (an error page, a stub)
HEAD_WINDOW = 30  # the title and date are looked for among the first lines
_LINE_SPLIT_RE = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c|\x85")


@dataclass
class Line:
    """One non-empty line of the input and what the rules made of it."""

    text: str  # the line as printed (stripped), or what a strip rule left of it
    key: str  # the matching form (see boilerplate.match_key)
    rule: Optional[Rule] = None  # the line or stop rule matching the whole line
    date: Optional[DateLine] = None  # set when the line is a date line
    hint: str = ""  # from the HTML: "caption", "image", "heading", "byline"


@dataclass
class Head:
    title: Optional[str] = None
    title_index: int = -1
    date: Optional[DateMatch] = None
    body_start: int = 0
    header_dates: list[str] = field(default_factory=list)
    byline: Optional[Byline] = None


@dataclass
class Body:
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    byline: Optional[Byline] = None
    tail_date: Optional[DateMatch] = None
    dropped: int = 0  # lines removed as boilerplate


def prepare_lines(raw_lines: Iterable[str | tuple[str, str]], rules: RuleSet) -> list[Line]:
    """Match every non-empty line against the rules; a line may come with an HTML hint."""
    lines = []
    for item in raw_lines:
        text, hint = (item, "") if isinstance(item, str) else item
        key = match_key(text)
        if not key:
            if hint == "image":
                lines.append(Line("", "", hint="image"))
            continue
        stripped, fired = rules.strip(key)
        if fired:
            if not stripped:
                continue
            text, key = stripped, stripped
        else:
            text = text.strip()
        date = parse_date_line(key)
        rule = None if date else rules.classify(key)
        lines.append(Line(text, key, rule, date, hint))
    return lines


def find_head(lines: list[Line]) -> Head:
    """Title, published date and where the body starts."""
    head = Head()
    window = lines[:HEAD_WINDOW]
    title_index = date_index = -1
    for i, line in enumerate(window):
        if not line.date:
            continue
        j = _previous_content(window, i)
        if j is not None and i - j <= 3 and is_title_like(window[j].text):
            title_index, date_index = j, i
            break
    if title_index < 0:
        title_index = _first_title(window)
        if title_index >= 0:
            for i in range(title_index + 1, min(len(window), title_index + 5)):
                if window[i].date:
                    date_index = i
                    break
                if window[i].rule is None and is_prose(window[i].text):
                    break
    if title_index < 0:
        head.body_start = 0
        return head
    head.title, head.title_index = lines[title_index].text, title_index
    pre_title = [line.date for line in window[:title_index] if line.date]
    head.header_dates = [d.date.iso for d in pre_title]
    if date_index >= 0:
        head.date = window[date_index].date.date
        head.byline = _byline_in_date_line(window[date_index].key)
    else:
        timed = [d for d in pre_title if d.date.has_time and not d.weekday]
        if timed:  # "Thời sự | 10:30 12/10/2023" above the title: not a header date
            head.date = timed[-1].date
    head.body_start = max(title_index, date_index) + 1
    return head


def _previous_content(lines: list[Line], i: int) -> Optional[int]:
    for j in range(i - 1, -1, -1):
        if lines[j].rule is None and not lines[j].date and lines[j].text:
            return j
    return None


def _first_title(lines: list[Line]) -> int:
    for min_words in (5, 2):
        for i, line in enumerate(lines):
            if line.rule is None and not line.date and line.hint != "image" \
                    and is_title_like(line.text, min_words):
                return i
    return -1


def _byline_in_date_line(key: str) -> Optional[Byline]:
    for part in re.split(r"\s*[|]\s*", key):
        if re.match(r"(?i)(?:tác giả|người viết|bài|tin|nguồn)\s*:", part):
            return parse_byline(part)
    return None


@dataclass
class _Para:
    text: str
    key: str
    after_image: bool = False
    printed_twice: bool = False
    hint: str = ""


def clean_body(lines: list[Line], *, stop_needs_prose: bool = True) -> Body:
    """Paragraphs, captions and byline from the lines after the head."""
    body = Body()
    paras: list[_Para] = []
    after_image = started = False
    lead_byline = None
    for line in lines:
        if line.hint == "image":
            after_image = True
            continue
        if line.date and not (line.rule is None and is_prose(line.text)):
            if started and body.tail_date is None:
                body.tail_date = line.date.date
            body.dropped += 1
            continue
        if line.rule is not None:
            body.dropped += 1
            if line.rule.kind == "stop" and (started or not stop_needs_prose):
                break
            if line.rule.marks == "image":
                after_image = True
            continue
        if paras and line.key == paras[-1].key:
            paras[-1].printed_twice = True
            continue
        if not started and lead_byline is None:
            byline = parse_byline(line.text)
            if byline and byline.explicit:  # "Tác giả: Lê Văn Hùng" under the date
                lead_byline = byline
                continue
        paras.append(_Para(line.text, line.key, after_image, hint=line.hint))
        after_image = False
        started = started or is_prose(line.text)

    paras, body.byline = _cut_at_byline(paras)
    body.byline = body.byline or lead_byline
    if body.byline is None:
        paras = _trim_trailing_links(paras)
    for i, para in enumerate(paras):
        body.paragraphs.append(para.text)
        if _is_caption(para, first=i == 0):
            body.captions.append(para.text)
    return body


def _strong_prose(text: str) -> bool:
    return word_count(text) >= 20 and is_prose(text)


def _cut_at_byline(paras: list[_Para]) -> tuple[list[_Para], Optional[Byline]]:
    """The byline is the last name-like line with no prose after it; the rest is page furniture."""
    last_prose = max((i for i, p in enumerate(paras) if _strong_prose(p.text)), default=-1)
    if last_prose < 0:
        return paras, None
    explicit = plain = None
    for i in range(last_prose + 1, len(paras)):
        byline = parse_byline(paras[i].text)
        if byline is None or (not byline.explicit and (
                paras[i].hint == "caption" or has_caption_mark(paras[i].text))):
            continue
        if byline.explicit and explicit is None:
            explicit = (i, byline)
        elif not byline.explicit and plain is None:
            plain = (i, byline)
    chosen = explicit if explicit and (plain is None or explicit[0] <= plain[0] + 2) else plain
    if chosen is None:
        chosen = explicit
    if chosen is None:
        return paras, None
    index, byline = chosen
    return paras[:index], byline


def _trim_trailing_links(paras: list[_Para]) -> list[_Para]:
    """Without a byline, a run of two or more short lines after the last prose is a link list."""
    last_prose = max((i for i, p in enumerate(paras) if is_prose(p.text)), default=-1)
    tail = paras[last_prose + 1:]
    if len(tail) >= 2 and not any(p.after_image or p.printed_twice or p.hint == "caption"
                                  or has_caption_mark(p.text) for p in tail):
        return paras[:last_prose + 1]
    return paras


def _is_caption(para: _Para, first: bool) -> bool:
    if para.hint == "caption" or para.printed_twice or has_caption_mark(para.text):
        return True
    if para.after_image and word_count(para.text) <= 80:
        return True
    return not first and para.hint != "heading" and looks_like_caption(para.text)


# --- the public entry point -------------------------------------------------------------------

def split_lines(raw: str) -> list[str]:
    return _LINE_SPLIT_RE.split(raw)


def clean_text(raw: str, *, id: Optional[str] = None, url: Optional[str] = None,
               source: Optional[str] = None, rules: Optional[RuleSet] = None) -> Article:
    """Scraped text (a page as a scraper saved it) -> a clean Article.

    Raises InputError when nothing in the text is an article (empty input, an
    error message, a login form, boilerplate only).
    """
    if not isinstance(raw, str):
        raise TypeError("clean_text wants str; decode bytes with pipeline.normalize.decode_bytes")
    if not raw.strip():
        raise InputError("empty input: no text to clean")
    rules = rules or load_rules()
    raw, repairs = repair_text(raw)  # mojibake, TCVN3/VNI legacy fonts
    lines = prepare_lines(split_lines(raw), rules)
    head = find_head(lines)
    body = clean_body(lines[head.body_start:])
    article = Article(id=id or _make_id(source, raw), url=url)
    article.title = head.title
    date = head.date or body.tail_date
    if date:
        article.published, article.published_precision = date.iso, date.precision
    byline = body.byline or head.byline
    if byline:
        article.author, article.author_affiliation = byline.author, byline.affiliation
    article.paragraphs, article.captions = body.paragraphs, body.captions
    article.provenance = {"extractor": "clean_text", "rules": Path(rules.source).name}
    if source:
        article.provenance["source"] = source
    if head.header_dates:
        article.provenance["header_dates"] = head.header_dates
    if repairs:
        article.best_effort = True
        article.warnings.extend(repairs)
    return finish(article, what="text")


def finish(article: Article, *, what: str) -> Article:
    """Checks and metadata common to every path: emptiness, language, site, province."""
    if article.title:  # the headline repeated as the first line is not a paragraph
        title_key = match_key(article.title)
        article.paragraphs = [p for p in article.paragraphs if match_key(p) != title_key]
    if not article.paragraphs:
        raise InputError(f"no article text found in the {what}: only boilerplate, an error "
                         "message or a form")
    language = detect_language("\n".join([article.title or ""] + article.paragraphs))
    words = sum(word_count(p) for p in article.paragraphs)
    if language in ("zh", "ja", "ko", "th"):  # scripts written without spaces between words
        words = max(words, sum(len(p) for p in article.paragraphs) // 2)
    if words < MIN_WORDS or (words < 25 and not article.title):
        raise InputError(f"no article text found in the {what}: {words} words of text")
    if article.title is None:
        article.best_effort = True
        article.warnings.append("no title found")
    if words < 40:
        article.best_effort = True
        article.warnings.append(f"very short article text ({words} words)")
    article.language = language
    if language != "vi":
        article.best_effort = True
        article.warnings.append(f"text does not look Vietnamese (detected: {language}); "
                                "cleaned on a best-effort basis")
    if article.url and not article.site:
        from urllib.parse import urlsplit
        article.site = urlsplit(article.url).hostname
    match = find_province(article.title, article.paragraphs, article.published)
    if match is not None:
        article.province = match.province
        article.province_2025 = getattr(match, "province_2025", None)
    return article


def _make_id(source: Optional[str], raw: str) -> str:
    if source and source != "-":
        return Path(source).stem
    return "text_" + hashlib.sha1(raw.encode("utf-8", "replace")).hexdigest()[:16]
