"""``make eval``: run every ``benchmarks/eval_*.py`` against its gold file and print its table.

Each eval module has ``run() -> tuple[str, bool]``: a Markdown section and
whether the quality target was met. The exit code says if any target was missed.
"""
from __future__ import annotations

import importlib
import sys
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    only = set(argv)
    missed = []
    for path in sorted(HERE.glob("eval_*.py")):
        name = path.stem
        if name == "eval_all" or (only and name not in only):
            continue
        print(f"== {name}", flush=True)
        try:
            section, met = importlib.import_module(f"benchmarks.{name}").run()
        except Exception:
            section, met = f"FAILED:\n{traceback.format_exc()}", False
        print(section, flush=True)
        if not met:
            missed.append(name)
    if missed:
        print(f"targets missed: {', '.join(missed)}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
