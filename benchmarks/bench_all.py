"""``make bench``: run every ``benchmarks/bench_*.py`` and write benchmarks/RESULTS.md.

Each bench module has ``run() -> str``: a Markdown section with its table.
A module that fails is reported in the file rather than hiding the others.
"""
from __future__ import annotations

import datetime as dt
import importlib
import platform
import re
import sys
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    only = set(argv)
    sections: dict[str, str] = {}
    failed = 0
    for path in sorted(HERE.glob("bench_*.py")):
        name = path.stem
        if name == "bench_all" or (only and name not in only):
            continue
        print(f"== {name}", flush=True)
        try:
            section = importlib.import_module(f"benchmarks.{name}").run()
        except Exception:  # one broken benchmark must not hide the others
            failed += 1
            section = f"## {name}\n\nFAILED:\n\n```\n{traceback.format_exc()}\n```\n"
        section = f"{section.rstrip()}\n\n_Measured {dt.date.today()}._\n"
        print(section, flush=True)
        sections[name] = section
    header = (f"# Benchmark results\n\nWritten by `make bench`, "
              f"Python {platform.python_version()}, {platform.machine()}, "
              f"{_cores()} cores. Each section gives the date it was measured.\n\n")
    kept = _previous_sections() if only else {}
    kept.update(sections)
    body = "\n".join(f"<!-- bench:{name} -->\n{text}" for name, text in sorted(kept.items()))
    (HERE / "RESULTS.md").write_text(header + body, encoding="utf-8")
    return 1 if failed else 0


def _previous_sections() -> dict[str, str]:
    """Sections of RESULTS.md by benchmark, so that running one benchmark keeps the others."""
    path = HERE / "RESULTS.md"
    if not path.exists():
        return {}
    parts = re.split(r"^<!-- bench:(\w+) -->\n", path.read_text(encoding="utf-8"), flags=re.M)
    # Stripped to one trailing newline, as fresh sections are: rewriting keeps them as they were.
    return {parts[i]: parts[i + 1].rstrip() + "\n" for i in range(1, len(parts) - 1, 2)}


def _cores() -> int:
    import os
    return len(os.sched_getaffinity(0))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
