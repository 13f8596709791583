"""Assemble the labelled set for the theme model from the annotators' raw files.

    python -m pipeline.themes.labels            # writes corpus/labels/themes.jsonl + datasheet tables

Inputs (never edited here): ``corpus/labels/pool.jsonl`` (the texts) and
``corpus/labels/raw/annotator_*.jsonl`` (one line per article and annotator,
levels 0/1/2 per theme). An article labelled by two annotators gets the level
they agree on; where they disagree, the level settled by a third reading in
``corpus/labels/adjudication.jsonl`` (id, theme, level, reason), else the level
of the first annotator (file order a, b, c ...), flagged ``unsettled``.
Splits are fixed by a hash of the article id, so they never move when articles
are added. The same text under two ids (the shared corpus holds some articles twice)
is one line, under the first id in assembly order, its other ids listed in
``duplicates``: two copies in two splits would put a test article in training.
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DanvanError, InputError
from .reread import RereadTally, apply_reread, read_rereads, read_settlements, reread_markdown

REPO = Path(__file__).resolve().parents[2]
LABELS_DIR = REPO / "corpus" / "labels"
DEFAULT_LABELS = LABELS_DIR / "themes.jsonl"
LEVELS = (0, 1, 2)
SPLITS = (("train", 70), ("dev", 85), ("test", 100))  # cumulative percent


def split_of(article_id: str) -> str:
    """train / dev / test (70/15/15) from a hash of the id: fixed forever."""
    bucket = int(hashlib.sha256(article_id.encode("utf-8")).hexdigest()[:8], 16) % 100
    return next(name for name, upper in SPLITS if bucket < upper)


@dataclass
class LabelledArticle:
    id: str
    title: str
    text: str
    levels: dict[str, int]
    source: str = ""
    split: str = ""
    annotators: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)  # other ids of the same text

    def __post_init__(self):
        if not self.split:
            self.split = split_of(self.id)


def read_jsonl(path: Path) -> list[dict]:
    rows = []
    try:
        with open(path, encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}:{number}: not JSON ({exc.msg})") from None
    except FileNotFoundError:
        raise InputError(f"file not found: {path}") from None
    return rows


def load_labelled(path: str | Path | None = None, themes: list[str] | None = None
                  ) -> list[LabelledArticle]:
    """The labelled set (themes.jsonl). ``themes``: the labels every line must carry."""
    path = Path(path) if path is not None else DEFAULT_LABELS
    out = []
    for number, row in enumerate(read_jsonl(path), 1):
        levels = row.get("levels") or {}
        if themes is not None:
            missing = [t for t in themes if t not in levels]
            if missing:
                raise InputError(f"{path}:{number}: no level for theme(s) {', '.join(missing)}")
        for theme, level in levels.items():
            if level not in LEVELS:
                raise InputError(f"{path}:{number}: level {level!r} of {theme} is not 0, 1 or 2")
        if "id" not in row or "text" not in row:
            raise InputError(f"{path}:{number}: a labelled line needs 'id' and 'text'")
        out.append(LabelledArticle(id=row["id"], title=row.get("title") or "", text=row["text"],
                                   levels=dict(levels), source=row.get("source", ""),
                                   split=row.get("split") or split_of(row["id"]),
                                   annotators=row.get("annotators", []),
                                   duplicates=row.get("duplicates", [])))
    return out


# ----------------------------------------------------------------------------- assembly

def _annotator_name(path: Path) -> str:
    return path.stem.replace("annotator_", "")


def _fold(text: str) -> str:
    from ..normalize import normalize
    return re.sub(r"\s+", " ", normalize(text).lower())


def _evidence_parts(row: dict) -> list[str]:
    evidence = row.get("ev", row.get("evidence"))
    if isinstance(evidence, dict):
        evidence = " | ".join(str(v) for v in evidence.values() if v)
    if not isinstance(evidence, str):
        return []
    parts = re.split(r"\.\.\.|…|;|\|", evidence)
    return [_fold(p.strip(' "“”.'))[:25] for p in parts if len(p.strip()) >= 12]


def misaligned_lines(rows: list[dict], texts: dict[str, str]) -> set[int]:
    """Lines whose evidence is quoted from ANOTHER pool article, not from their own: the
    annotator wrote a label under the wrong id. Their neighbours are dropped too, since
    such slips come as a shift of a few consecutive lines."""
    bad = set()
    for n, row in enumerate(rows):
        parts = _evidence_parts(row)
        own = texts.get(row["id"], "")
        if not parts or any(p in own for p in parts):
            continue
        if any(any(p in text for p in parts) for other, text in texts.items() if other != row["id"]):
            bad.update({n - 1, n, n + 1})
    return {n for n in bad if 0 <= n < len(rows)}


def _raw_labels(raw_dir: Path, themes: list[str], texts: dict[str, str] | None = None,
                dropped: list | None = None) -> dict[str, list[tuple[str, dict]]]:
    """id -> [(annotator, {theme: level})] in annotator order; a later line of one
    annotator for the same id replaces the earlier one (a correction). With ``texts``
    (id -> folded text), misaligned lines are left out and listed in ``dropped``."""
    by_id: dict[str, dict[str, dict]] = defaultdict(dict)
    for path in sorted(raw_dir.glob("annotator_*.jsonl")):
        name = _annotator_name(path)
        rows = read_jsonl(path)
        skip = misaligned_lines(rows, texts) if texts else set()
        for n, row in enumerate(rows):
            if n in skip:
                if dropped is not None:
                    dropped.append((name, n + 1, row["id"]))
                continue
            if any(row.get(t) not in LEVELS for t in themes):
                continue  # an incomplete line: not a label
            by_id[row["id"]][name] = {t: int(row[t]) for t in themes}
    # relabel_<annotator>.jsonl: articles that annotator's misaligned stretch touched, read
    # again from scratch; they replace that annotator's lines (kept or dropped) for their ids.
    for path in sorted(raw_dir.glob("relabel_*.jsonl")):
        name = path.stem.replace("relabel_", "")
        for row in read_jsonl(path):
            if any(row.get(t) not in LEVELS for t in themes):
                continue
            by_id[row["id"]][name] = {t: int(row[t]) for t in themes}
            if dropped is not None:
                dropped[:] = [d for d in dropped if not (d[0] == name and d[2] == row["id"])]
    # annotator order (a, b, c ...) whatever order the files filled the dict in
    return {i: sorted(v.items()) for i, v in by_id.items()}


def _third_readings(path: Path, themes: list[str]) -> dict[tuple[str, str], int]:
    """raw/adjudication.jsonl: {"id", <theme>: level, ..., "rule"} per line, third-reading
    decisions that set the level of the themes they name, agreed or not."""
    if not path.exists():
        return {}
    out = {}
    for row in read_jsonl(path):
        for theme in themes:
            if row.get(theme) in LEVELS:
                out[(row["id"], theme)] = int(row[theme])
    return out


def _audits(raw_dir: Path, themes: list[str]) -> dict[tuple[str, str], int]:
    """raw/audit_<theme>.jsonl: the quality pass. Articles whose level disagreed with a plain
    keyword check (a theme word present at level 0, or none at level >= 1) were read again
    from scratch, without seeing the first level; the keyword check only chose what to
    re-read. Same line shape as raw/adjudication.jsonl; applied after it."""
    out: dict[tuple[str, str], int] = {}
    for path in sorted(raw_dir.glob("audit_*.jsonl")):
        out.update(_third_readings(path, themes))
    return out


def _relevels(raw_dir: Path, themes: list[str]) -> dict[tuple[str, str], int]:
    """raw/relevel_*.jsonl: the 1/2 re-reading. Every pair labelled 1 in any split, and a
    random sample of pairs labelled 2, read again blind (corpus/labels/sample_relevel.py
    chose them from the labels alone). Same line shape as raw/adjudication.jsonl; applied
    last, so that the 1/2 line is drawn by one reading in every split."""
    out: dict[tuple[str, str], int] = {}
    for path in sorted(raw_dir.glob("relevel_*.jsonl")):
        out.update(_third_readings(path, themes))
    return out


def _adjudications(path: Path) -> dict[tuple[str, str], int]:
    if not path.exists():
        return {}
    return {(r["id"], r["theme"]): int(r["level"]) for r in read_jsonl(path)}


def assemble(themes: list[str], labels_dir: Path = LABELS_DIR) -> tuple[list[dict], dict]:
    """The merged lines of themes.jsonl and the statistics for the datasheet."""
    pool = {r["id"]: r for r in read_jsonl(labels_dir / "pool.jsonl")}
    texts = {i: _fold((r.get("title") or "") + " " + r.get("text", "")) for i, r in pool.items()}
    dropped: list = []
    raw = _raw_labels(labels_dir / "raw", themes, texts, dropped)
    settled = _adjudications(labels_dir / "adjudication.jsonl")
    third = _third_readings(labels_dir / "raw" / "adjudication.jsonl", themes)
    audits = _audits(labels_dir / "raw", themes)
    relevels = _relevels(labels_dir / "raw", themes)
    rereads = read_rereads(labels_dir / "raw", themes, texts, dropped)
    reread_settled = read_settlements(labels_dir / "raw", themes)
    reread_tally = RereadTally()
    transitions: Counter = Counter()  # (theme, level before, level after) of the re-reading
    overridden = audit_changed = 0
    lines, pairs, disagreements = [], defaultdict(list), []
    line_of_text: dict[str, dict] = {}
    duplicate_conflicts: list = []
    unknown = [i for i in raw if i not in pool]
    for article_id in sorted(raw, key=lambda i: hashlib.sha1(i.encode()).hexdigest()):
        if article_id not in pool:
            continue
        labels = raw[article_id]
        levels, unsettled = {}, []
        article_pairs = {}
        for theme in themes:
            calls = [lv[theme] for _, lv in labels]
            if len(labels) >= 2:
                article_pairs[theme] = (calls[0], calls[1])
            if len(set(calls)) == 1:
                levels[theme] = calls[0]
                continue
            disagreements.append((article_id, theme, calls))
            levels[theme] = settled.get((article_id, theme), calls[0])
            if (article_id, theme) not in settled and (article_id, theme) not in third:
                unsettled.append(theme)
        for theme in themes:  # a third reading in raw/ has the last word
            if (article_id, theme) in third:
                overridden += levels[theme] != third[(article_id, theme)]
                levels[theme] = third[(article_id, theme)]
        for theme in themes:  # then the quality pass
            if (article_id, theme) in audits:
                audit_changed += levels[theme] != audits[(article_id, theme)]
                levels[theme] = audits[(article_id, theme)]
        for theme in themes:  # then the 1/2 re-reading
            if (article_id, theme) in relevels:
                transitions[(theme, levels[theme], relevels[(article_id, theme)])] += 1
                levels[theme] = relevels[(article_id, theme)]
        # then the full second reading and its blind settlement (pipeline.themes.reread)
        apply_reread(article_id, levels, unsettled, themes, rereads, reread_settled, reread_tally)
        doc = pool[article_id]
        text_key = texts[article_id].strip()
        first = line_of_text.get(text_key)
        if first is not None:  # the same text under another id: one article, one split
            first.setdefault("duplicates", []).append(article_id)
            if first["levels"] != levels:
                duplicate_conflicts.append((first["id"], article_id))
            continue
        line = {"id": article_id, "source": doc.get("source", ""), "title": doc.get("title") or "",
                "text": doc["text"], "levels": levels, "annotators": [a for a, _ in labels],
                "split": split_of(article_id)}
        if unsettled:
            line["unsettled"] = unsettled
        line_of_text[text_key] = line
        lines.append(line)
        for theme, pair in article_pairs.items():  # agreement over the lines kept
            pairs[theme].append(pair)
    stats = {"pairs": dict(pairs), "disagreements": disagreements, "unknown_ids": unknown,
             "dropped": dropped, "third_readings": len(third), "third_changed": overridden,
             "audited": len(audits), "audit_changed": audit_changed,
             "relevel": transitions, "reread": reread_tally,
             "duplicates": sum(len(l.get("duplicates", ())) for l in lines),
             "duplicate_conflicts": duplicate_conflicts,
             "adjudicated": sum(1 for d in disagreements
                                if (d[0], d[1]) in settled or (d[0], d[1]) in third)}
    return lines, stats


def kappa_table(pairs: dict[str, list[tuple[int, int]]], themes: list[str]) -> str:
    from sklearn.metrics import cohen_kappa_score

    rows = ["| theme | double-labelled | raw agreement | kappa (3 levels) | kappa linear-weighted "
            "| kappa level 2 | kappa level >= 1 |", "|---|---|---|---|---|---|---|"]
    for theme in themes:
        pr = pairs.get(theme, [])
        if not pr:
            rows.append(f"| {theme} | 0 | - | - | - | - | - |")
            continue
        a, b = [p[0] for p in pr], [p[1] for p in pr]

        def k(x, y, **kw):
            if len(set(x) | set(y)) < 2:
                return "n/a"
            return f"{cohen_kappa_score(x, y, **kw):.3f}"
        agree = sum(x == y for x, y in pr) / len(pr)
        rows.append(f"| {theme} | {len(pr)} | {agree:.3f} | {k(a, b)} | "
                    f"{k(a, b, weights='linear')} | {k([x == 2 for x in a], [y == 2 for y in b])} | "
                    f"{k([x >= 1 for x in a], [y >= 1 for y in b])} |")
    return "\n".join(rows)


def counts_table(lines: list[dict], themes: list[str]) -> str:
    rows = ["| theme | split | level 0 | level 1 | level 2 |", "|---|---|---|---|---|"]
    for theme in themes:
        for split in ("all", "train", "dev", "test"):
            c = Counter(l["levels"][theme] for l in lines if split in ("all", l["split"]))
            rows.append(f"| {theme} | {split} | {c[0]} | {c[1]} | {c[2]} |")
    return "\n".join(rows)


def sources_table(lines: list[dict]) -> str:
    c = Counter(l["id"].split("/")[0] for l in lines)
    rows = ["| id prefix | articles |", "|---|---|"]
    rows += [f"| {k} | {v} |" for k, v in sorted(c.items())]
    return "\n".join(rows)


def relevel_table(transitions: Counter, themes: list[str]) -> str:
    """Per theme, how the 1/2 re-reading moved the pairs it read: level before -> after."""
    moves = sorted({(1, b) for b in LEVELS} | {(2, b) for b in LEVELS}
                   | {(a, b) for _, a, b in transitions})
    rows = ["| theme | " + " | ".join(f"{a} -> {b}" for a, b in moves) + " |",
            "|---|" + "---|" * len(moves)]
    for theme in themes:
        rows.append(f"| {theme} | " + " | ".join(str(transitions.get((theme, a, b), 0))
                                                 for a, b in moves) + " |")
    return "\n".join(rows)


def stats_markdown(lines: list[dict], stats: dict, themes: list[str]) -> str:
    splits = Counter(l["split"] for l in lines)
    double = sum(1 for l in lines if len(l["annotators"]) >= 2)
    unsettled = sum(1 for l in lines if l.get("unsettled"))
    return "\n\n".join([
        f"Articles: **{len(lines)}** (train {splits['train']}, dev {splits['dev']}, "
        f"test {splits['test']}); double-labelled: **{double}**; disagreements (article x theme): "
        f"{len(stats['disagreements'])}, settled by adjudication: {stats['adjudicated']}, "
        f"articles left at the first annotator's call: {unsettled}. Raw lines left out as "
        f"misaligned (evidence quoted from another article, and their neighbours): "
        f"{len(stats.get('dropped', []))} ("
        + ", ".join(f"{a}: {c}" for a, c in sorted(Counter(d[0] for d in stats.get('dropped', [])).items()))
        + f"). Third readings (raw/adjudication.jsonl): {stats.get('third_readings', 0)} "
        f"article x theme levels, {stats.get('third_changed', 0)} of which changed the merged level. "
        f"Quality pass (raw/audit_*.jsonl, re-read blind where a keyword check disagreed): "
        f"{stats.get('audited', 0)} article x theme levels, {stats.get('audit_changed', 0)} changed. "
        f"Duplicates (the same text under another id, merged into the first): "
        f"{stats.get('duplicates', 0)}, of which labelled differently: "
        f"{len(stats.get('duplicate_conflicts', []))} (the first's levels are kept).",
        "Sources:\n\n" + sources_table(lines),
        "Levels per theme and split:\n\n" + counts_table(lines, themes),
        "Agreement on the double-labelled articles (first two annotators):\n\n"
        + kappa_table(stats["pairs"], themes),
    ] + ([f"The 1/2 re-reading (raw/relevel_*.jsonl, applied last): "
          f"{sum(stats['relevel'].values())} article x theme pairs read again blind, "
          f"{sum(v for (_, a, b), v in stats['relevel'].items() if a != b)} changed; "
          f"level before -> after:\n\n" + relevel_table(stats["relevel"], themes)]
         if stats.get("relevel") else [])
        + ([reread_markdown(stats["reread"], themes)] if stats.get("reread")
           and stats["reread"].pairs else []))


_START, _END = "<!-- stats:start -->", "<!-- stats:end -->"


def write(labels_dir: Path = LABELS_DIR, taxonomy=None) -> str:
    from .taxonomy import load_taxonomy

    themes = [t.label for t in load_taxonomy(taxonomy)]
    lines, stats = assemble(themes, labels_dir)
    if not lines:
        raise DanvanError(f"no labelled article found under {labels_dir / 'raw'}")
    with open(labels_dir / "themes.jsonl", "w", encoding="utf-8") as fh:
        for line in lines:
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    markdown = stats_markdown(lines, stats, themes)
    readme = labels_dir / "README.md"
    if readme.exists():
        text = readme.read_text(encoding="utf-8")
        if _START in text and _END in text:
            head, rest = text.split(_START, 1)
            _, tail = rest.split(_END, 1)
            readme.write_text(f"{head}{_START}\n{markdown}\n{_END}{tail}", encoding="utf-8")
    return markdown


def disagreement_report(labels_dir: Path = LABELS_DIR, taxonomy=None) -> list[dict]:
    """The disagreements still to settle, for an adjudicator to read."""
    from .taxonomy import load_taxonomy

    themes = [t.label for t in load_taxonomy(taxonomy)]
    _, stats = assemble(themes, labels_dir)
    settled = _adjudications(labels_dir / "adjudication.jsonl")
    return [{"id": i, "theme": t, "calls": c} for i, t, c in stats["disagreements"]
            if (i, t) not in settled]


if __name__ == "__main__":
    if sys.argv[1:2] == ["disagreements"]:
        for row in disagreement_report():
            print(json.dumps(row, ensure_ascii=False))
    else:
        print(write())
