"""Find publication dates in the forms Vietnamese sites print them, with their precision.

"Chủ nhật - 02/06/2024 23:40", "Thứ Bảy 04/02/2023 13:10", "06/08/2020",
"Thứ Tư, 10/09/2014, 09:12 [GMT+7]", "ngày 12 tháng 10 năm 2023", "tháng 10/2023",
"2023-02-04T13:10:00+07:00" ... -> ISO 8601 local (Vietnam) time cut to its precision.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

VIETNAM = dt.timezone(dt.timedelta(hours=7))
MIN_YEAR, MAX_YEAR = 1990, 2100

_WEEKDAY = (r"(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s*nhật|chủ\s*nhựt|cn|t[2-7]|"
            r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
            # short English forms only with their comma or dot: "Thu, 12/10/2023", never "THU HÀ"
            r"(?:mon|tue|wed|thu|fri|sat|sun)(?=\s*[,.]))")
_TIME = (r"(?P<H>[01]?\d|2[0-3])\s*(?::|h|g|giờ)\s*(?P<M>[0-5]\d)(?:\s*(?::|phút)\s*[0-5]\d(?:\s*giây)?)?"
         r"(?:\s*(?P<ampm>am|pm|sa|ch|sáng|chiều|tối)\b)?")
# Month names in letters: "Tháng Tám", "tháng Mười Hai", "tháng Giêng" (longest first).
_VI_MONTHS = {"mười một": 11, "mười hai": 12, "mười": 10, "một": 1, "giêng": 1, "hai": 2, "ba": 3,
              "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9, "chạp": 12}
_MONTH_WORDS = "|".join(k.replace(" ", r"\s+") for k in _VI_MONTHS)
_EN_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                   "september", "october", "november", "december")
_EN_MONTHS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
              r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_DATE_FORMS = [
    # ISO, as in HTML meta: 2023-02-04T13:10:00+07:00
    ("iso", r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<iH>\d{2}):(?P<iM>\d{2})"
            r"(?::\d{2}(?:\.\d+)?)?\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"),
    # ngày 12 tháng 10 năm 2023; Joomla in Vietnamese: 20 Tháng 8 2017, 20 Tháng Tám, 2017; 12 thg 10, 2023
    ("words", r"(?:ngày\s+)?(?P<d>\d{1,2})\s+(?:tháng|thg)\s+(?:(?P<m>\d{1,2})|(?P<mw>" + _MONTH_WORDS
              + r"))\s*(?:năm|,)?\s*(?P<y>\d{4})(?!\d)"),
    # English: October 12, 2023 / 12 October 2023
    ("english", r"(?:(?P<mw>" + _EN_MONTHS + r")\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})"
                r"|(?P<d2>\d{1,2})\s+(?P<mw2>" + _EN_MONTHS + r")\.?,?\s+(?P<y2>\d{4}))(?!\d)"),
    # 02/06/2024, 2-6-2024, 02.06.2024
    ("dmy", r"(?<![\d/.-])(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4})(?![\d/])"),
    # 2024/06/02
    ("ymd", r"(?<![\d/])(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![\d/])"),
    # tháng 10 năm 2023, tháng 10/2023
    ("month", r"tháng\s+(?P<m>\d{1,2})\s*(?:năm|/|,|-)\s*(?P<y>\d{4})"),
]
_DATE_RES = [(name, re.compile(rx, re.I)) for name, rx in _DATE_FORMS]
_TIME_RE = re.compile(_TIME, re.I)
_GMT_RE = re.compile(r"[\[(]?\s*(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?00)?\s*[\])]?", re.I)
# What may stand between a date and its time: "20/8/2017 08:15", "12.10.2023 at 08:15", "05-06-2023 | 12:30"
_CONNECTOR_RE = re.compile(r"(?i)(?:[\s,;|/\-–—·•()\[\]]|\b(?:lúc|vào|at|giờ)\b)*")
_WEEKDAY_RE = re.compile(r"(?<!\w)" + _WEEKDAY + r"(?!\w)", re.I)
# Words that may stand around a date on a date line.
_DATE_WORDS_RE = re.compile(
    r"(?i)(?<!\w)(?:ngày\s+(?:đăng|xuất bản|cập nhật|phát hành|tạo|viết)|ngày|đăng\s+(?:ngày|lúc|tải)|"
    r"đăng|cập\s+nhật(?:\s+lúc|\s+ngày)?|lúc|vào\s+lúc|thời\s+gian(?:\s+đăng)?|xuất\s+bản|"
    r"published(?:\s+on)?|posted(?:\s+on)?|updated|date|on|at|năm|giờ|sáng|chiều|tối|được|vào|"
    r"gửi\s+lúc|tháng|thg)(?!\w)")
_SEPARATORS_RE = re.compile(r"[\s,;:|/\\\-–—·•()\[\]]+")


@dataclass(frozen=True)
class DateMatch:
    iso: str  # ISO 8601 local time, cut to the precision
    precision: str  # minute | day | month | year
    start: int
    end: int

    @property
    def has_time(self) -> bool:
        return self.precision == "minute"


def _ymd(m: re.Match) -> tuple[int, int, int]:
    """Year, month and day of a date match, month names read."""
    groups = {k: v for k, v in m.groupdict().items() if v is not None}
    y = int(groups.get("y") or groups["y2"])
    d = int(groups.get("d") or groups.get("d2") or 1)
    if "m" in groups:
        return y, int(groups["m"]), d
    word = " ".join((groups.get("mw") or groups.get("mw2") or "").lower().split())
    if word in _VI_MONTHS:
        return y, _VI_MONTHS[word], d
    return y, next(i for i, name in enumerate(_EN_MONTH_NAMES, 1) if name.startswith(word[:3])), d


def _valid(y: int, m: int, d: int) -> bool:
    if not (MIN_YEAR <= y <= MAX_YEAR):
        return False
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True


def _time_near(text: str, start: int, end: int) -> Optional[re.Match]:
    """A time printed just after or just before the date (within a few characters)."""
    after = _TIME_RE.search(text, end, min(len(text), end + 20))
    if after and _CONNECTOR_RE.fullmatch(text[end:after.start()]):
        return after
    window_start = max(0, start - 20)
    before = None
    for m in _TIME_RE.finditer(text, window_start, start):
        before = m
    if before and not _SEPARATORS_RE.sub("", text[before.end():start]).replace("ngày", ""):
        return before
    return None


def _hour(m: re.Match) -> int:
    hour = int(m.group("H"))
    ampm = (m.group("ampm") or "").lower()
    if ampm in ("pm", "ch", "chiều", "tối") and hour < 12:
        hour += 12
    if ampm in ("am", "sa") and hour == 12:
        hour = 0
    return hour


def find_dates(text: str) -> list[DateMatch]:
    """Every date in ``text``, with the time printed next to it where there is one."""
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for name, rx in _DATE_RES:
        for m in rx.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            y, mo, d = _ymd(m)
            if not _valid(y, mo, d):
                continue
            start, end = m.span()
            if name == "month":
                found.append(DateMatch(f"{y:04d}-{mo:02d}", "month", start, end))
                taken.append((start, end))
                continue
            if name == "iso" and m.group("iH"):
                stamp = dt.datetime(y, mo, d, int(m.group("iH")), int(m.group("iM")))
                tz = m.group("tz")
                if tz:
                    stamp = _to_vietnam(stamp, tz)
                found.append(DateMatch(stamp.strftime("%Y-%m-%dT%H:%M"), "minute", start, end))
                taken.append((start, end))
                continue
            time = _time_near(text, start, end)
            if time:
                iso = f"{y:04d}-{mo:02d}-{d:02d}T{_hour(time):02d}:{int(time.group('M')):02d}"
                start, end = min(start, time.start()), max(end, time.end())
                found.append(DateMatch(iso, "minute", start, end))
            else:
                found.append(DateMatch(f"{y:04d}-{mo:02d}-{d:02d}", "day", start, end))
            taken.append((start, end))
    return sorted(found, key=lambda x: x.start)


def _to_vietnam(stamp: dt.datetime, tz: str) -> dt.datetime:
    if tz.upper() == "Z":
        offset = dt.timedelta(0)
    else:
        sign = -1 if tz[0] == "-" else 1
        digits = tz[1:].replace(":", "")
        offset = sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
    return stamp.replace(tzinfo=dt.timezone(offset)).astimezone(VIETNAM).replace(tzinfo=None)


def parse_date(text: str) -> Optional[DateMatch]:
    """The first date in ``text`` (for a string known to be a date, e.g. a meta tag)."""
    dates = find_dates(text)
    return dates[0] if dates else None


@dataclass(frozen=True)
class DateLine:
    date: DateMatch
    rest: str  # what the line says besides the date (an author, a category ...)
    weekday: bool  # printed with a weekday ("Thứ tư, ngày 29/5/2024")
    has_ngay: bool  # "ngày" written before the date


def parse_date_line(line: str, max_rest_words: int = 6) -> Optional[DateLine]:
    """``line`` read as a date line (a date, a weekday, a time, a counter, little else), or None.

    A sentence that mentions a date ("Ngày 02/02/2023, Ban Dân vận ... tổ chức ...") is
    not a date line: what remains beside the date must be short and carry no sentence.
    """
    dates = find_dates(line)
    if not dates:
        return None
    date = dates[0]
    rest = line[:date.start] + " " + line[date.end:]
    weekday = bool(_WEEKDAY_RE.search(line[:date.start + 1]))
    has_ngay = bool(re.search(r"(?i)ngày\s*$", line[:date.start]))
    rest = _GMT_RE.sub(" ", rest)
    rest = _WEEKDAY_RE.sub(" ", rest)
    rest = _DATE_WORDS_RE.sub(" ", rest)
    rest = re.sub(r"(?<!\w)\d+(?!\w)", " ", rest)  # counters left beside the date
    rest = " ".join(_SEPARATORS_RE.sub(" ", rest).split())
    if len(rest.split()) > max_rest_words or re.search(r"[.!?…]\s*$", rest):
        return None
    return DateLine(date, rest, weekday, has_ngay)
