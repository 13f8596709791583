"""Find the head of a scraped article: its title, its published date and a byline above the body.

Pages put these in many orders: title / date / body (provincial portals), date / title /
byline / body (national dailies), title / byline / date, category / date / title ... and
above them a site header (site name, its own date of the day, menus, breadcrumbs). The
rules, in order:

1. the body begins at the first prose line that is not itself followed by a date or a
   byline (a headline ending in "?" is no body line);
2. the article's date is a date line above the body: one with a time of day first (a
   time is never the site's header date), else a date-only line that is not a header
   date (the first line of the page, marked "Hôm nay", or far above the body);
3. the title is the headline-like line nearest the date: above it (skipping bylines,
   labels and counters), else the line after it (date-first layouts); a skip link, the
   site name, a category label or an item of a menu (a run of short lines) never is;
4. without a date, the title is the headline-like line nearest above the body;
5. a byline standing next to the title or the date is the author, and leaves the text.

What counts as a site name, a category label or a header-date marker is data
(``pipeline/data/extract/head.toml``).
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

from .dates import DateMatch
from .metadata import Byline, is_prose, is_title_like, parse_byline, word_count

HEAD_RULES = Path(__file__).resolve().parents[1] / "data" / "extract" / "head.toml"
HEAD_WINDOW = 40  # the title and date are looked for among the first lines ...
MAX_HEAD = 400  # ... or down to the first prose line under a long menu, at most this far
MENU_RUN = 3  # this many short lines in a row are a menu
MENU_WORDS = 4  # a menu item has at most this many words
NEAR = 4  # how many content lines the title may stand from its date
FAR_HEADER = 4  # a date-only line this many content lines above the body is the site's


@dataclass
class Head:
    title: Optional[str] = None
    title_index: int = -1
    date: Optional[DateMatch] = None
    body_start: int = 0
    header_dates: list[str] = field(default_factory=list)
    byline: Optional[Byline] = None
    skip: set[int] = field(default_factory=set)  # head lines inside the body range (a byline, the date)

    def body_lines(self, lines):
        """The lines of the body: from ``body_start`` on, without the head lines among them."""
        return [line for i, line in enumerate(lines[self.body_start:], self.body_start) if i not in self.skip]


@dataclass(frozen=True)
class HeadRules:
    site_name: re.Pattern
    category: re.Pattern
    header_marker: re.Pattern
    max_name_words: int
    name_words: frozenset
    max_name_words_in_capitals: int = 3


@lru_cache(maxsize=4)
def load_head_rules(path: Optional[str] = None) -> HeadRules:
    data = tomllib.loads(Path(path or HEAD_RULES).read_text(encoding="utf-8"))
    site, cat, header = data["site_name"], data["category"], data["header_date"]
    prefixes = "|".join(f"(?:{p})" for p in site["prefixes"])
    places = "|".join(f"(?:{p})" for p in site["place_words"])
    site_re = re.compile(rf"(?i)^(?:{prefixes})(?P<rest>(?:\s+(?:{places}|\S+))*)\s*$")
    return HeadRules(
        site_name=site_re,
        category=re.compile("(?i)^(?:" + "|".join(f"(?:{p})" for p in cat["labels"]) + r")\s*[:>»]?$"),
        header_marker=re.compile("(?i)(?<!\\w)(?:" + "|".join(header["markers"]) + ")(?!\\w)"),
        max_name_words=int(site.get("max_name_words", 7)),
        name_words=frozenset(site.get("name_words", ())),
        max_name_words_in_capitals=int(site.get("max_name_words_in_capitals", 3)),
    )


_PLACE_WORD_RE = re.compile(r"(?i)^(?:tỉnh|huyện|thành|phố|tp\.?|thị|xã|trấn|quận|phường|việt|nam|"
                            r"trung|ương|điện|tử|online|và|của|[-–|])$")


def is_site_name(text: str, rules: Optional[HeadRules] = None) -> bool:
    """The name of a site or of its agency: an organisation prefix, then only place words
    and capitalised names ("Ủy ban nhân dân huyện Ninh Phước")."""
    rules = rules or load_head_rules()
    if re.search(r"[:!?.,;]\s|[!?]$", text):
        return False
    m = rules.site_name.match(text)
    if not m:
        return False
    rest = m.group("rest").split()
    names = [w for w in rest if not _PLACE_WORD_RE.match(w) and w.lower() not in rules.name_words]
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters):  # capitals: case tells nothing, count instead
        return len(names) <= rules.max_name_words_in_capitals
    return len(names) <= rules.max_name_words and all(w[:1].isupper() or w[:1].isdigit() for w in names)


def is_category_label(text: str, rules: Optional[HeadRules] = None) -> bool:
    rules = rules or load_head_rules()
    return bool(rules.category.match(text.strip()))


def is_header_marked(text: str, rules: Optional[HeadRules] = None) -> bool:
    return bool((rules or load_head_rules()).header_marker.search(text))


# --- line shapes ------------------------------------------------------------------------------

def _content(line) -> bool:
    """A line the rules left as possible text (no boilerplate rule, no date)."""
    return line.rule is None and not line.date and bool(line.text) and line.hint != "image"


def _short(line) -> bool:
    text = line.text.rstrip()
    return (_content(line) and word_count(text) <= MENU_WORDS and text[-1:] not in ".!?…;,"
            and not re.search(r"\d{2,}", text))


def menu_lines(lines) -> set[int]:
    """Indices of lines standing in a run of >= MENU_RUN short lines (rule lines break no run)."""
    found: set[int] = set()
    run: list[int] = []
    for i, line in enumerate(lines + [None]):
        if line is not None and line.rule is not None and not line.date and line.rule.kind == "line":
            continue  # "Trang chủ", "Tìm kiếm" between menu items
        if line is not None and _short(line):
            run.append(i)
            continue
        if len(run) >= MENU_RUN:
            found.update(run)
        run = []
    return found


def head_byline(line) -> Optional[Byline]:
    """A byline standing in the head: a name, a reporter tag or a labelled credit."""
    if not _content(line) or word_count(line.text) > 8 or is_prose(line.text):
        return None
    byline = parse_byline(line.text)
    if byline is None or (byline.author is None and not byline.explicit):
        return None
    return byline


_CMS_BYLINE_RE = re.compile(r"(?i)^(?:viết bởi|đăng bởi|gửi bởi|người đăng|posted by|written by|by)\b")
_CREDIT_RE = re.compile(r"(?i)(?:^|[\s.,;–—(-])(?:ảnh|hình|nguồn ảnh|ảnh minh họa|ảnh minh hoạ|photo)\s*:\s*\S")
_SHORT_LABEL_RE = re.compile(r"^[^:]{1,24}:\s*\S+(?:\s+\S+){0,3}$")  # "Chuyên mục: Tin địa phương"
_LABEL_RE = re.compile(r"^[^:]{2,30}:\s*\S.{0,60}$")  # "Chuyên mục: Tin địa phương"


def _furniture(line) -> bool:
    """Head lines between a title and its date: bylines, labels, CMS credits, short words."""
    if not _content(line):
        return True
    text = line.text
    return (head_byline(line) is not None or bool(_CMS_BYLINE_RE.match(text))
            or (bool(_LABEL_RE.match(text)) and word_count(text) <= 8)
            or (word_count(text) <= 2 and text[-1:] not in ".!?"))


_SENTENCE_END = ".!?…:;"
_INITIAL_END_RE = re.compile(r"\s[A-ZĐ]\.$")


def _full_stop(text: str) -> bool:
    """Ends with a full stop (not "...", not an initial as in "bà Nguyễn Thị H.")."""
    text = text.rstrip()
    return text.endswith(".") and not text.endswith("...") and not _INITIAL_END_RE.search(text)


class _Finder:
    def __init__(self, lines, rules: HeadRules):
        self.lines = lines
        self.rules = rules
        self.menu = menu_lines(lines)

    # -- candidates --
    def title_ok(self, i: int, min_words: int) -> bool:
        line = self.lines[i]
        if not _content(line) or i in self.menu:
            return False
        text = line.text
        if not is_title_like(text, min_words) or head_byline(line) or _CMS_BYLINE_RE.match(text):
            return False
        if is_site_name(text, self.rules) or is_category_label(text, self.rules):
            return False
        return not _CREDIT_RE.search(text)  # "... - Ảnh: X" is a caption ("[VIDEO]", "(ảnh)" are not)

    def strong(self, i: int) -> bool:
        return self.title_ok(i, 5) and not _SHORT_LABEL_RE.match(self.lines[i].text)

    def weak(self, i: int) -> bool:
        return self.title_ok(i, 3)

    def followed_by_head(self, i: int) -> bool:
        """The next content line (rules skipped) is a date line or a byline."""
        for j in range(i + 1, min(len(self.lines), i + 3)):
            line = self.lines[j]
            if line.date:
                return True
            if line.rule is not None:
                continue
            return head_byline(line) is not None
        return False

    def first_body(self) -> int:
        """The first prose line; a headline ending with "?" above its date, or one sapo line
        above the byline or date, is still head."""
        skipped_sapo = False
        for i, line in enumerate(self.lines):
            if not _content(line) or i in self.menu:
                continue
            words = word_count(line.text)
            if words < 40 and (words < 8 or line.text.rstrip()[-1:] not in _SENTENCE_END):
                continue
            if self.followed_by_head(i):
                if words <= 30 and is_title_like(line.text):
                    continue
                if not skipped_sapo and words <= 80:
                    skipped_sapo = True
                    continue
            return i
        return len(self.lines)

    # -- the date --
    def content_between(self, a: int, b: int) -> int:
        return sum(1 for line in self.lines[a + 1:b] if _content(line))

    def header_date(self, i: int, body: int) -> bool:
        line = self.lines[i]
        if is_header_marked(line.text, self.rules):
            return True
        if line.date.date.has_time:
            return False
        first = next((j for j, ln in enumerate(self.lines) if _content(ln) or ln.date), i)
        if first == i and self.content_between(i, body) >= 1:
            return True  # the very first line of the page: the site's date of the day
        menu_after = any(i < j < body for j in self.menu)
        return menu_after or self.content_between(i, body) >= FAR_HEADER

    def article_date(self, body: int) -> tuple[int, list[int]]:
        """The index of the article's date line above the body (-1), and the header dates."""
        dated = [i for i in range(body) if self.lines[i].date]
        header = [i for i in dated if self.header_date(i, body)]
        usable = [i for i in dated if i not in header]
        timed = [i for i in usable if self.lines[i].date.date.has_time]
        if timed:
            posted = [i for i in timed if not re.search(r"(?i)cập nhật|updated", self.lines[i].text)]
            return (posted or timed)[0], header
        if usable:
            return usable[-1], header
        return -1, header

    # -- the title --
    def title_near(self, date: int, body: int) -> int:
        before = self._scan(range(date - 1, -1, -1), stop_at_nav=True)
        after = self._scan(range(date + 1, min(body + 1, len(self.lines))), stop_at_nav=False, body=body)
        for pick in (before[0], after[0], before[1], after[1]):
            if pick >= 0:
                return pick
        return -1

    def _scan(self, indices, *, stop_at_nav: bool, body: int = -1) -> tuple[int, int]:
        """(strong, weak) title candidates nearest the date along ``indices``."""
        weak = -1
        seen = 0
        for i in indices:
            line = self.lines[i]
            if line.rule is not None and not line.date:
                if stop_at_nav and line.rule.family == "navigation":
                    break
                continue
            if line.date or not line.text:
                continue
            if i == body and not (is_title_like(line.text) and word_count(line.text) <= 30
                                  and not _full_stop(line.text)):
                break
            if self.strong(i):
                return i, weak
            if weak < 0 and self.weak(i):
                weak = i
            if i in self.menu:
                break
            seen += 1
            if seen >= NEAR:
                break
        return -1, weak

    def title_above(self, body: int) -> int:
        for test in (self.strong, self.weak):
            candidates = [i for i in range(body) if test(i)]
            if candidates:
                return candidates[-1]
        if body < len(self.lines) and self.strong(body) and word_count(self.lines[body].text) <= 30:
            return body  # nothing above: the first line is the headline, whatever it ends with
        return -1


def find_head(lines, rules: Optional[HeadRules] = None) -> Head:
    """Title, published date, a byline above the body, and where the body starts."""
    rules = rules or load_head_rules()
    window = lines[:_window_end(lines)]
    finder = _Finder(window, rules)
    head = Head()
    body = finder.first_body()
    date_index, header = finder.article_date(body)
    title_index = finder.title_near(date_index, body) if date_index >= 0 else -1
    if title_index < 0:
        title_index = finder.title_above(body)
        if title_index >= 0 and date_index < 0:
            date_index = _date_below(window, title_index)
    if title_index < 0:
        head.body_start = 0
        head.header_dates = [window[i].date.date.iso for i in header]
        if date_index >= 0:
            head.date = window[date_index].date.date
        return head
    head.title, head.title_index = window[title_index].text, title_index
    head.header_dates = [window[i].date.date.iso for i in header]
    if date_index >= 0:
        head.date = window[date_index].date.date
        head.byline = _byline_in_date_line(window[date_index].key)
    head.body_start = _body_start(window, title_index, date_index)
    for i in _head_block(window, title_index, date_index, head.body_start):
        byline = head_byline(window[i])
        if byline is not None and head.byline is None:
            head.byline = byline
            head.skip.add(i)
    if date_index >= head.body_start:
        head.skip.add(date_index)
    return head


def _window_end(lines) -> int:
    """HEAD_WINDOW lines, or further when a long menu pushes the first prose line down."""
    for i, line in enumerate(lines[:MAX_HEAD]):
        if _content(line) and is_prose(line.text):
            return max(HEAD_WINDOW, i + 8)
    return HEAD_WINDOW


def _date_below(window, title_index: int) -> int:
    """A date line just under the title (before the first prose line), or -1."""
    for i in range(title_index + 1, min(len(window), title_index + 6)):
        if window[i].date:
            return i
        if window[i].rule is None and is_prose(window[i].text):
            break
    return -1


def _body_start(window, title_index: int, date_index: int) -> int:
    """After the title, the date and the head furniture between and after them."""
    first, last = sorted((title_index, date_index if date_index >= 0 else title_index))
    between = window[first + 1:last]
    if all(_furniture(line) for line in between):
        start = last + 1
    else:  # a sapo between the title and the date: the body starts under the title
        start = title_index + 1
    while start < len(window) and (window[start].date or head_byline(window[start]) is not None):
        start += 1
    return start


def _head_block(window, title_index: int, date_index: int, body_start: int) -> list[int]:
    """Lines next to the title and date that may hold the byline (above, between, below)."""
    first = min(title_index, date_index) if date_index >= 0 else title_index
    last = max(title_index, date_index, body_start - 1)
    block = [i for i in range(first + 1, last + 1) if i not in (title_index, date_index)]
    for i in range(first - 1, max(-1, first - 3), -1):  # "Tự Trung" above the date
        if window[i].rule is not None or window[i].date:
            break
        if head_byline(window[i]) is None:
            break
        block.insert(0, i)
    return block


def _byline_in_date_line(key: str) -> Optional[Byline]:
    for part in re.split(r"\s*[|]\s*", key):
        if re.match(r"(?i)(?:tác giả|người viết|bài|tin|nguồn)\s*:", part):
            return parse_byline(part)
    return None
