"""`import FILE.jsonl...`: bring attempts played on other machines into this results database,
so that `report`, the leaderboard and progress cover the whole class.

The files are xAPI statements as `report --format xapi` writes them (JSON Lines), or a JSON
array, or an LRS's answer. Importing is idempotent: an attempt already here — imported before,
or played here — is left as it is. Only finished attempts are imported; one still being played
is counted and waits for a later import.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field

from game.reports.xapi_in import Found, Gathered, gather, read_statements
from game.safe_text import shown
from game.store import StoreError, open_store
from game.store.importing import Added, add_imported

MAX_SHOWN = 20   # problems printed one by one; the rest are counted


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the command."""
    p = sub.add_parser("import", help="bring other machines' results (xAPI statements) into "
                                      "this one's reports")
    p.add_argument("files", nargs="*", metavar="FILE.jsonl",
                   help="statements written by `report --format xapi` on another machine")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Import file after file (memory stays bounded); an attempt whose statements are spread
    over files waits for the next one."""
    if not args.files:
        print("error: give the .jsonl files to import (written by `report --format xapi` on "
              "each machine)", file=sys.stderr)
        return 2
    tally = Tally()
    carried: Found = []
    try:
        with open_store() as store:
            for notice in store.notices:
                print(shown(notice), file=sys.stderr)
            for number, path in enumerate(args.files, 1):
                found, trouble = read_statements(path)
                tally.problems.extend(trouble)
                tally.unreadable += not found and bool(trouble)
                gathered = gather(carried + found, final=number == len(args.files))
                carried = gathered.waiting
                tally.add(gathered, add_imported(store, gathered.attempts, path))
    except StoreError as exc:
        print(f"error: {shown(str(exc))}", file=sys.stderr)
        return 1
    print_problems(tally.problems)
    print(tally.summary(f"{len(args.files)} file{'s' if len(args.files) != 1 else ''}"))
    return 1 if tally.problems or tally.unreadable else 0


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
            parts.append(f"{self.foreign} statements of other tools left out")
        text = f"{self.statements} statements read from {where}: " + ", ".join(parts)
        for player, scenario_id in self.unlocked:
            text += f"\n{shown(player)} unlocked {scenario_id} (a referral won)"
        return text
