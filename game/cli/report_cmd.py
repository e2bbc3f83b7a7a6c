"""`report [--player NAME] [--scenario ID] [--since DATE] [--format table|csv|html|xapi]
[--out FILE]`: results of training sessions from the results database.

A report only reads: when the data folder or the database cannot be written (a read-only
share, say), the database is opened read-only instead. `--out` writes a regular file or a new
path only — never over a device, a FIFO, a symbolic link or the results database — and a
replaced file keeps its permissions. Names and titles printed to the terminal have their
control characters escaped.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys

from game.atomic import write_text_atomically
from game.reports import FORMATS, render
from game.safe_text import shown
from game.store import NewerDatabase, Store, StoreError, StoreLocked, open_store


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the command."""
    p = sub.add_parser("report", help="results of training sessions (table, csv, html, xapi)")
    p.add_argument("--player", default=None, help="only this player's attempts")
    p.add_argument("--scenario", metavar="ID", default=None, help="only this scenario's")
    p.add_argument("--since", metavar="DATE", default=None,
                   help="only attempts started on or after DATE (YYYY-MM-DD, local time)")
    p.add_argument("--format", choices=FORMATS, default="table",
                   help="table (default, for a terminal), csv, html (one self-contained "
                        "page) or xapi (xAPI 1.0.3 statements, one per line)")
    p.add_argument("--out", metavar="FILE", default=None,
                   help="write to FILE instead of the terminal")
    p.add_argument("--bom", action="store_true",
                   help="csv on the terminal: start with a UTF-8 byte order mark, as files "
                        "written with --out do (spreadsheets then read accents right)")
    p.add_argument("--lang", choices=("en", "es"), default=None,
                   help="language of the report's headings (default: English)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Build the report and print or write it."""
    if args.bom and args.format != "csv":
        print("error: --bom is for --format csv", file=sys.stderr)
        return 2
    try:
        with open_for_reading() as store:
            text = render(args.format, store, player=args.player, scenario_id=args.scenario,
                          since=args.since, language=args.lang, width=_terminal_width(args))
            for notice in store.notices:  # on opening, and rows left out as damaged
                print(shown(notice), file=sys.stderr)
    except ValueError as exc:
        print(f"error: --since: {exc}" if args.since and "date" in str(exc) else
              f"error: {shown(str(exc))}", file=sys.stderr)
        return 2
    except StoreError as exc:
        print(f"error: {shown(str(exc))}", file=sys.stderr)
        return 1
    if args.out is None:
        terminal = args.format == "table" or sys.stdout.isatty()
        text = shown(text, lines=True) if terminal else text
        sys.stdout.write("\ufeff" + text if args.bom else text)
        return 0
    try:
        _write_atomically(args.out, text, bom=args.format == "csv")
    except OSError as exc:
        print(f"{shown(args.out)}: cannot write the report: {exc.strerror or exc}. Nothing was "
              f"written; any file there is unchanged.", file=sys.stderr)
        return 1
    print(f"{shown(args.out)}: report written", file=sys.stderr)
    return 0


def open_for_reading() -> Store:
    """The results database, opened read-only when it cannot be opened for writing."""
    try:
        return open_store()
    except (StoreLocked, NewerDatabase):
        raise
    except StoreError as first:
        try:
            store = open_store(read_only=True)
        except StoreError:
            raise first from None
        store.notices.insert(0, f"{store.path}: opened read-only (it cannot be written here): "
                                f"the report shows what it holds.")
        return store


def _terminal_width(args: argparse.Namespace) -> int | None:
    """The width a table on the terminal must fit (COLUMNS, else the terminal's); None for a
    file or a pipe, which get every column."""
    if args.out is not None or args.format != "table":
        return None
    if os.environ.get("COLUMNS", "").strip() or sys.stdout.isatty():
        return shutil.get_terminal_size().columns
    return None


def _write_atomically(path: str, text: str, *, bom: bool) -> None:
    """Write whole or not at all. CSV files start with a UTF-8 byte order mark so spreadsheet
    programs read the accents right."""
    write_text_atomically(path, text, encoding="utf-8-sig" if bom else "utf-8",
                          prefix=".report-")
