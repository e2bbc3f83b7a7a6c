"""`sync --lrs URL`: send the xAPI statements not yet sent to a Learning Record Store.

Credentials come from the environment: QUALIFIED_LRS_USER and QUALIFIED_LRS_PASSWORD
(HTTP Basic, as LRSs issue them).
"""
from __future__ import annotations

import argparse
import os
import sys

from game.reports.lrs import ENV_PASSWORD, ENV_USER, SyncError, sync
from game.store import StoreError, open_store


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the command."""
    p = sub.add_parser("sync", help="send results to a Learning Record Store (xAPI)")
    p.add_argument("--lrs", metavar="URL", required=True,
                   help="the LRS's xAPI endpoint, e.g. https://lrs.example.org/xapi "
                        f"(credentials from {ENV_USER} / {ENV_PASSWORD})")
    p.add_argument("--batch", type=int, default=50, help="statements per request (50)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Sync and say what was sent."""
    if args.batch < 1:
        print("error: --batch must be at least 1", file=sys.stderr)
        return 2
    user = os.environ.get(ENV_USER)
    password = os.environ.get(ENV_PASSWORD)
    if not user:
        print(f"note: {ENV_USER} is not set: sending without credentials", file=sys.stderr)
    try:
        with open_store() as store:
            for notice in store.notices:
                print(notice, file=sys.stderr)
            report = sync(store, args.lrs, user=user, password=password, batch=args.batch)
    except (SyncError, StoreError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"{report.sent} statements sent, {report.already} already in the LRS"
          + (f", {report.conflicts} in conflict with different statements stored there under "
             f"the same id (change nothing; ask the LRS administrator)"
             if report.conflicts else ""))
    return 1 if report.conflicts else 0
