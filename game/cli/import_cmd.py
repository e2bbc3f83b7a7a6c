"""`import FILE.jsonl... | --lrs URL [--since DATE]`: bring attempts played on other machines
into this results database, so that `report`, the leaderboard and progress cover the whole
class.

The files are xAPI statements as `report --format xapi` writes them (JSON Lines), or a JSON
array, or an LRS's answer; `--lrs` reads them from a Learning Record Store page by page
(credentials from QUALIFIED_LRS_USER / QUALIFIED_LRS_PASSWORD; the address and `since` may come
from settings.toml in the data folder). Importing is idempotent: an attempt already here —
imported before, or played here — is left as it is. Only finished attempts are imported; one
still being played is counted and waits for a later import. Statements read from an LRS are
remembered as already there, so `sync` does not send them back.
"""
from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from game.reports.lrs import ENV_PASSWORD, ENV_USER, SyncError, statements_address
from game.reports.lrs_fetch import DEADLINE, FetchError, Page, pages
from game.reports.xapi_in import (Found, Gathered, game_statement_ids, gather,
                                  read_statements)
from game.safe_text import shown
from game.settings import SettingsError, load_settings
from game.store import Store, StoreError, open_store
from game.store.importing import Added, add_imported

MAX_SHOWN = 20   # problems printed one by one; the rest are counted


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the command."""
    p = sub.add_parser("import", help="bring other machines' results (xAPI statements, from "
                                      "files or an LRS) into this one's reports")
    p.add_argument("files", nargs="*", metavar="FILE.jsonl",
                   help="statements written by `report --format xapi` on another machine")
    p.add_argument("--lrs", metavar="URL", nargs="?", const="", default=None,
                   help="read the statements from this LRS's xAPI endpoint instead (alone: "
                        "the [lrs] endpoint of settings.toml); credentials from "
                        f"{ENV_USER} / {ENV_PASSWORD}")
    p.add_argument("--since", metavar="DATE", default=None,
                   help="--lrs: only statements the LRS stored from DATE on (YYYY-MM-DD; "
                        "default: [class] since in settings.toml, else all)")
    p.add_argument("--timeout", type=float, default=DEADLINE, metavar="SECONDS",
                   help=f"--lrs: the most one request may take, all of it ({DEADLINE:g})")
    p.add_argument("--tries", type=int, default=5,
                   help="--lrs: tries of a request that fails for the network or a busy LRS")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Import from the files, or from the LRS."""
    if args.lrs is None:
        if not args.files:
            print("error: give the .jsonl files to import (written by `report --format xapi` "
                  "on each machine), or --lrs URL", file=sys.stderr)
            return 2
        return _from_files(args.files)
    if args.files:
        print("error: give files or --lrs, not both", file=sys.stderr)
        return 2
    return _from_lrs(args)


def _from_files(files: list[str]) -> int:
    """Import file after file (memory stays bounded); an attempt whose statements are spread
    over files waits for the next one."""
    tally = Tally()
    carried: Found = []
    try:
        with _open() as store:
            for number, path in enumerate(files, 1):
                found, trouble = read_statements(path)
                tally.problems.extend(trouble)
                tally.unreadable += not found and bool(trouble)
                gathered = gather(carried + found, final=number == len(files))
                carried = gathered.waiting
                tally.add(gathered, add_imported(store, gathered.attempts, path))
    except StoreError as exc:
        print(f"error: {shown(str(exc))}", file=sys.stderr)
        return 1
    print_problems(tally.problems)
    print(tally.summary(f"{len(files)} file{'s' if len(files) != 1 else ''}"))
    return 1 if tally.problems or tally.unreadable else 0


def _from_lrs(args: argparse.Namespace) -> int:
    """Page through the LRS's statements, importing each page as it comes."""
    try:
        settings = load_settings()
        endpoint = args.lrs or settings.lrs_endpoint
        since = date.fromisoformat(args.since) if args.since else settings.since
    except SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except ValueError:
        print(f"error: --since: {args.since!r} is not a date: write it as YYYY-MM-DD",
              file=sys.stderr)
        return 2
    if not endpoint:
        print(f"error: give --lrs URL, or set it once as `endpoint` under [lrs] in "
              f"{shown(str(settings.path or 'settings.toml'))} (see README, 'Settings')",
              file=sys.stderr)
        return 2
    if not (math.isfinite(args.timeout) and 0 < args.timeout <= 3600) or \
            not 1 <= args.tries <= 20:
        print("error: --timeout must be seconds above 0 (at most 3600), --tries from 1 to 20",
              file=sys.stderr)
        return 2
    user, password = os.environ.get(ENV_USER), os.environ.get(ENV_PASSWORD)
    if not user and not password:
        user = password = None  # those written in the address, if any
    try:
        key = statements_address(endpoint)
    except SyncError as exc:
        print(f"error: --lrs: {exc}", file=sys.stderr)
        return 2
    tally = Tally()
    code = 0
    try:
        with _open() as store:
            source = pages(endpoint, user=user, password=password, since=since,
                           timeout=args.timeout, tries=args.tries)
            code = _import_pages(store, source, key.url, tally)
    except StoreError as exc:
        print(f"error: {shown(str(exc))}", file=sys.stderr)
        return 1
    print_problems(tally.problems)
    print(tally.summary(f"{key.shown} ({tally.pages} page{'s' if tally.pages != 1 else ''})"))
    return code or (1 if tally.problems else 0)


def _import_pages(store: Store, source: Iterable[Page], key: str, tally: Tally) -> int:
    """Import page after page; an LRS failure midway keeps what was imported (exit 1)."""
    carried: Found = []
    try:
        for page in source:
            tally.pages += 1
            found = [(f"{page.where}, statement {n}", st)
                     for n, st in enumerate(page.statements, 1)]
            gathered = gather(carried + found, final=False)
            carried = gathered.waiting
            tally.add(gathered, add_imported(store, gathered.attempts, key))
            store.mark_sent(key, game_statement_ids(page.statements))  # sync: already there
        code = 0
    except FetchError as exc:
        print(f"error: {shown(str(exc))}", file=sys.stderr)
        code = 1
    last = gather(carried, final=True)
    tally.add(last, add_imported(store, last.attempts, key))
    return code


def _open() -> Store:
    store = open_store()
    for notice in store.notices:
        print(shown(notice), file=sys.stderr)
    return store


def print_problems(problems: list[str]) -> None:
    """Each problem on standard error (the first MAX_SHOWN, then a count)."""
    for problem in problems[:MAX_SHOWN]:
        print(problem, file=sys.stderr)
    if len(problems) > MAX_SHOWN:
        print(f"… and {len(problems) - MAX_SHOWN} more problems like these", file=sys.stderr)


@dataclass
class Tally:
    """What an import did, over every file or page."""

    statements: int = 0
    foreign: int = 0
    in_progress: int = 0
    added: int = 0
    already: int = 0
    unreadable: int = 0
    pages: int = 0
    unlocked: list[tuple[str, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def add(self, gathered: Gathered, added: Added) -> None:
        """Count one file's or page's statements and what storing them did."""
        self.statements += gathered.statements - len(gathered.waiting)
        self.foreign += gathered.foreign
        self.in_progress += gathered.in_progress
        self.problems.extend(gathered.problems)
        self.added += added.attempts
        self.already += added.already
        self.unlocked.extend(added.unlocked)

    def summary(self, where: str) -> str:
        """One sentence: what was read and what it changed."""
        parts = [f"{self.added} attempt{'s' if self.added != 1 else ''} imported",
                 f"{self.already} already here"]
        if self.in_progress:
            parts.append(f"{self.in_progress} still being played (import again once "
                         f"finished)")
        if self.foreign:
            parts.append(f"{self.foreign} statement{'s' if self.foreign != 1 else ''} of "
                         f"other tools left out")
        text = f"{self.statements} statements read from {where}: " + ", ".join(parts)
        for player, scenario_id in self.unlocked:
            text += f"\n{shown(player)} unlocked {scenario_id} (a referral won)"
        return text
