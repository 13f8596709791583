"""Scraped text -> Article: find the title and date, remove boilerplate, keep the paragraphs.

The text a scraper saved holds the article and the page around it: a site header
date above the title, counters after the date, toolbars, captions printed twice,
image index lines, and after the byline a tail of widgets and link lists. The
cleaner reads it line by line:

1. every line is matched against the boilerplate rules (boilerplate.toml);
2. the head (head.py): the title, the article's date (never the site's header date)
   and a byline next to them;
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
from .head import HEAD_WINDOW, Head, find_head
from .language import detect_language
from .metadata import (Byline, find_province, has_caption_mark, is_prose, is_title_like,
                       looks_like_caption, parse_byline, word_count)

MIN_WORDS = 12  # less text than this is no article (an error page, a stub)
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


@dataclass
class _Para:
    text: str
    key: str
    after_image: bool = False
    printed_twice: bool = False
    hint: str = ""


def clean_body(lines: list[Line], *, stop_needs_prose: bool = True,
               rules: Optional[RuleSet] = None) -> Body:
    """Paragraphs, captions and byline from the lines after the head; ``rules`` (the
    bundled ones by default) give the agency tags cut from the start of the lead."""
    body = Body()
    paras: list[_Para] = []
    after_image = started = False
    lead_byline = tail_byline = None
    for line in lines:
        if line.hint == "image":
            after_image = True
            continue
        if line.date and not (line.rule is None and is_prose(line.text)):
            if started and body.tail_date is None:
                body.tail_date = line.date.date
                if line.date.rest and tail_byline is None:  # "Hồng Thủy - 15/03/2024"
                    tail_byline = parse_byline(line.date.rest)
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

    _strip_lead(paras, rules or load_rules())
    paras, body.byline = _cut_at_byline(paras)
    body.byline = body.byline or lead_byline or tail_byline
    if body.byline is None:
        paras = _trim_trailing_links(paras)
    for i, para in enumerate(paras):
        body.paragraphs.append(para.text)
        if _is_caption(para, first=i == 0):
            body.captions.append(para.text)
    return body


def _strip_lead(paras: list[_Para], rules: RuleSet) -> None:
    """Cut an agency tag ("TTO - ", "(Dân trí) - ") from the first paragraph that is no caption."""
    for para in paras[:3]:
        if para.hint == "caption" or para.after_image or has_caption_mark(para.text):
            continue
        stripped, fired = rules.strip_lead(para.key)
        if fired:
            para.text = para.key = stripped
        return


def _strong_prose(text: str) -> bool:
    return word_count(text) >= 20 and is_prose(text)


def _cut_at_byline(paras: list[_Para]) -> tuple[list[_Para], Optional[Byline]]:
    """The byline is the last name-like line with no prose after it; the rest is page furniture."""
    last_prose = max((i for i, p in enumerate(paras) if _strong_prose(p.text)), default=-1)
    if last_prose < 0:
        return paras, None
    found = []
    for i in range(last_prose + 1, len(paras)):
        byline = parse_byline(paras[i].text)
        if byline is None or (not byline.explicit and (
                paras[i].hint == "caption" or has_caption_mark(paras[i].text))):
            continue
        found.append((i, byline))
    if not found:
        return paras, None
    # "Tác giả: Y Bình" then "Nguồn tin: Ban Dân vận Huyện ủy": the first line with a
    # person wins, and a source line after it gives the affiliation it lacks
    index = found[0][0]
    people = [b for _, b in found if b.author]
    if not people:
        return paras[:index], found[0][1]
    byline = people[0]
    if byline.affiliation is None:
        source = next((b.affiliation for _, b in found if b.author is None and b.affiliation), None)
        byline = Byline(byline.author, source, byline.explicit)
    return paras[:index], byline


def _sentence(text: str) -> bool:
    """A closing line of the article: a sentence of >= 4 words with its full stop."""
    return word_count(text) >= 4 and text.rstrip()[-1:] in ".!?…" and not text.rstrip().endswith("...")


def _trim_trailing_links(paras: list[_Para]) -> list[_Para]:
    """Without a byline, a run of two or more short lines after the last prose is a link list."""
    last_prose = max((i for i, p in enumerate(paras) if is_prose(p.text) or _sentence(p.text)), default=-1)
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
    body = clean_body(head.body_lines(lines), rules=rules)
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
