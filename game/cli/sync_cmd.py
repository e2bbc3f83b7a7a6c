"""`sync [--lrs URL] [--batch N] [--timeout S] [--tries N]`: send the xAPI statements not yet
sent to a Learning Record Store (the address may come from settings.toml instead).

Credentials come from the environment: QUALIFIED_LRS_USER and QUALIFIED_LRS_PASSWORD
(HTTP Basic, as LRSs issue them); credentials written in the address are used when those are
not set, and never printed.
"""
from __future__ import annotations

import argparse
import math
import os
import sys

from game.reports.lrs import (DEADLINE, ENV_PASSWORD, ENV_USER, SyncError, statements_address,
                              sync)
from game.reports.xapi import DEFAULT_BASE, ENV_BASE, base_iri
from game.safe_text import shown
from game.settings import SettingsError, load_settings, settings_path
from game.store import StoreError, open_store


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the command."""
    p = sub.add_parser("sync", help="send results to a Learning Record Store (xAPI)")
    p.add_argument("--lrs", metavar="URL", default=None,
                   help="the LRS's xAPI endpoint, e.g. https://lrs.example.org/xapi "
                        f"(credentials from {ENV_USER} / {ENV_PASSWORD}); default: the [lrs] "
                        "endpoint of settings.toml in the data folder")
    p.add_argument("--batch", type=int, default=50,
                   help="statements per request (50; halved when the LRS answers 413)")
    p.add_argument("--timeout", type=float, default=DEADLINE, metavar="SECONDS",
                   help=f"the most one request may take, all of it ({DEADLINE:g})")
    p.add_argument("--tries", type=int, default=5,
                   help="tries of a request that fails for the network or a busy LRS (5)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Sync and say what was sent."""
    if args.batch < 1:
        print("error: --batch must be at least 1", file=sys.stderr)
        return 2
    if not (math.isfinite(args.timeout) and 0 < args.timeout <= 3600):
        print("error: --timeout must be a number of seconds above 0, at most 3600",
              file=sys.stderr)
        return 2
    if not 1 <= args.tries <= 20:
        print("error: --tries must be from 1 to 20", file=sys.stderr)
        return 2
    try:
        settings = load_settings()
        args.lrs = args.lrs or settings.lrs_endpoint
        if not args.lrs:
            print(f"error: give --lrs URL, or set it once as `endpoint` under [lrs] in "
                  f"{shown(str(settings_path()))} (see README, 'Settings')", file=sys.stderr)
            return 2
        if base_iri() == DEFAULT_BASE:
            print(f"note: statements name your organisation as {DEFAULT_BASE}; set `home_page` "
                  f"under [organisation] in settings.toml (or {ENV_BASE}) before the first "
                  f"sync — ids must not change afterwards", file=sys.stderr)
        address = statements_address(args.lrs)
    except SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except SyncError as exc:
        print(f"error: --lrs: {exc}", file=sys.stderr)
        return 2
    user = os.environ.get(ENV_USER)
    password = os.environ.get(ENV_PASSWORD)
    if not user and not password:
        user = password = None  # those in the address, if any
        if address.user is None:
            print(f"note: {ENV_USER} is not set: sending without credentials", file=sys.stderr)
    if address.scheme == "http" and (user or address.user):
        print(f"note: {address.shown} is plain http: the credentials cross the network "
              f"unencrypted; use the LRS's https address if it has one", file=sys.stderr)
    try:
        with open_store() as store:
            for notice in store.notices:
                print(shown(notice), file=sys.stderr)
            report = sync(store, args.lrs, user=user, password=password, batch=args.batch,
                          timeout=args.timeout, tries=args.tries)
    except (SyncError, StoreError) as exc:
        print(f"error: {shown(str(exc))}", file=sys.stderr)
        return 1
    print(f"{report.sent} statements sent, {report.already} already in the LRS"
          + (f" (batches of {report.batch}: the LRS refused {args.batch} at once as too large)"
             if report.batch < args.batch and report.sent else "")
          + (f", {report.conflicts} in conflict with different statements stored there under "
             f"the same id (change nothing; ask the LRS administrator)"
             if report.conflicts else ""))
    return 1 if report.conflicts else 0
