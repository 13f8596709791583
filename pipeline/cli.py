"""The ``danvan`` command line.

Each stage keeps its subcommands in its own ``commands`` module with a
``register(subparsers)`` function; this file only assembles them, so adding a
stage is one line in COMMAND_MODULES. Heavy imports (underthesea, sklearn)
happen inside the command functions so that ``danvan --help`` stays fast.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from . import __version__
from .errors import DanvanError

COMMAND_MODULES = [
    "pipeline.extract.commands",
    "pipeline.crawl.commands",
    "pipeline.themes.commands",
    "pipeline.citations.commands",
    "pipeline.store.commands",
    "pipeline.batch.commands",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="danvan", description="Collect, clean, tag and query Vietnamese dân vận news.")
    parser.add_argument("--version", action="version", version=f"danvan {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name and (name + ".").startswith(exc.name + "."):  # stage absent here
                continue
            raise
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except DanvanError as exc:
        print(f"danvan {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"danvan {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into head and the like
        return 0


if __name__ == "__main__":
    sys.exit(main())
