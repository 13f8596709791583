"""The full second reading: every labelled article read again blind, and its settlement.

``raw/reread_*.jsonl`` holds one line per article (the annotator line shape: ``id``, a level
per theme, ``ev``, ``note``), written by readers who saw no earlier level and no model output
(corpus/labels/sample_reread.py chose every article, not a subset). It is compared with the
level that all earlier passes merged to. Where the two agree, that level stands. Where they
differ, ``raw/reread_adjudication*.jsonl`` (``{"id", <theme>: level, "rule"}``, a third
reading, blind to both) sets the level; a pair not yet adjudicated keeps the merged level
and is flagged ``unsettled``. A first-reading disagreement (two annotators of one article)
that the second reading sides with the merged level is settled by that majority.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

LEVELS = (0, 1, 2)


def read_rereads(raw_dir: Path, themes: list[str], texts: dict[str, str] | None = None,
                 dropped: list | None = None) -> dict[tuple[str, str], int]:
    """(id, theme) -> level of the second reading. Lines whose evidence is quoted from
    another article (a label under the wrong id) are left out with their neighbours."""
    from .labels import misaligned_lines, read_jsonl  # labels imports this module
    out: dict[tuple[str, str], int] = {}
    for path in sorted(raw_dir.glob("reread_[0-9]*.jsonl")):
        rows = read_jsonl(path)
        skip = misaligned_lines(rows, texts) if texts else set()
        for n, row in enumerate(rows):
            if n in skip:
                if dropped is not None:
                    dropped.append((path.stem, n + 1, row.get("id")))
                continue
            if any(row.get(t) not in LEVELS for t in themes):
                continue
            for theme in themes:
                out[(row["id"], theme)] = int(row[theme])
    return out


def read_settlements(raw_dir: Path, themes: list[str]) -> dict[tuple[str, str], int]:
    from .labels import read_jsonl
    return {(row["id"], theme): int(row[theme])
            for path in sorted(raw_dir.glob("reread_adjudication*.jsonl")) for row in read_jsonl(path)
            for theme in themes if row.get(theme) in LEVELS}


@dataclass
class RereadTally:
    """What the second reading did, for the datasheet."""

    pairs: dict = field(default_factory=dict)  # theme -> [(merged level, second reading)]
    to_settle: list = field(default_factory=list)  # (id, theme, merged, second) not adjudicated
    moves: Counter = field(default_factory=Counter)  # (theme, before, after) where settled
    majority: int = 0  # first-reading disagreements settled by the second reading


def apply_reread(article_id: str, levels: dict, unsettled: list, themes: list[str],
                 rereads: dict, settlements: dict, tally: RereadTally) -> None:
    """Update ``levels`` and ``unsettled`` in place with the second reading and its settlement."""
    for theme in themes:
        second = rereads.get((article_id, theme))
        if second is None:
            continue
        merged = levels[theme]
        tally.pairs.setdefault(theme, []).append((merged, second))
        if second == merged:
            if theme in unsettled:
                unsettled.remove(theme)
                tally.majority += 1
            continue
        settled = settlements.get((article_id, theme))
        if settled is None:
            tally.to_settle.append((article_id, theme, merged, second))
            if theme not in unsettled:
                unsettled.append(theme)
            continue
        tally.moves[(theme, merged, settled)] += 1
        levels[theme] = settled
        if theme in unsettled:
            unsettled.remove(theme)


def reread_markdown(tally: RereadTally, themes: list[str]) -> str:
    from .labels import kappa_table
    if not tally.pairs:
        return ""
    n = max(len(v) for v in tally.pairs.values())
    changed = sum(v for (_, a, b), v in tally.moves.items() if a != b)
    moves = sorted({(a, b) for _, a, b in tally.moves})
    table = ["| theme | " + " | ".join(f"{a} -> {b}" for a, b in moves) + " |",
             "|---|" + "---|" * len(moves)]
    for theme in themes:
        table.append(f"| {theme} | " + " | ".join(str(tally.moves.get((theme, a, b), 0))
                                                  for a, b in moves) + " |")
    return (f"The full second reading (raw/reread_*.jsonl): **{n}** articles read again blind. "
            f"Agreement of the merged level (all passes above) with it:\n\n"
            + kappa_table(tally.pairs, themes)
            + f"\n\nDisagreements settled by a blind third reading "
              f"(raw/reread_adjudication*.jsonl): {sum(tally.moves.values())}, of which "
              f"{changed} changed the level; not settled yet (merged level kept, flagged "
              f"`unsettled`): {len(tally.to_settle)}; first-reading disagreements settled by "
              f"the second reading's majority: {tally.majority}."
            + (" Settled pairs, level before -> after:\n\n" + "\n".join(table) if moves else ""))
