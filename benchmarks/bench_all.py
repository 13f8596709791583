"""``make bench``: run every ``benchmarks/bench_*.py`` and write benchmarks/RESULTS.md.

Each bench module has ``run() -> str``: a Markdown section with its table.
A module that fails is reported in the file rather than hiding the others.
"""
from __future__ import annotations

import datetime as dt
import importlib
import platform
import sys
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    only = set(argv)
    sections = []
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
        print(section, flush=True)
        sections.append(section)
    header = (f"# Benchmark results\n\nWritten by `make bench` on {dt.date.today()}, "
              f"Python {platform.python_version()}, {platform.machine()}, "
              f"{_cores()} cores.\n\n")
    (HERE / "RESULTS.md").write_text(header + "\n".join(sections), encoding="utf-8")
    return 1 if failed else 0


def _cores() -> int:
    import os
    return len(os.sched_getaffinity(0))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
