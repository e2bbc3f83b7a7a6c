"""The spreadsheet report: CSV, one row per attempt, numbers as numbers.

`started` is ISO 8601 with its UTC offset. `outcome` is won / lost / abandoned / unfinished, or
`qualified-out` for an attempt that rightly walked away (format 1.2: lost by the result file's
three outcomes, yet the right call — as the table and the HTML page show it). Cells a
spreadsheet would run as a formula (text starting with = + - @) get a leading apostrophe, so a
player named "=HYPERLINK(…)" stays a name.
"""
from __future__ import annotations

import csv
import io
from datetime import datetime

from game.reports.rows import Row, clock_time
from game.schema import COMPETENCIES

HEADER = ["player", "scenario", "title", "seed", "started", "duration", "duration_seconds",
          "outcome", "total", "passed", "practice",
          *(f"{c}{suffix}" for c in COMPETENCIES for suffix in ("", "_max")),
          "attempt_id"]


def _text(value: str) -> str:
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _outcome(row: Row) -> str:
    """The outcome cell: `qualified-out` for a prospect rightly disqualified (its result says
    `lost`), else the result's outcome, `unfinished` without one."""
    if row.disqualified:
        return "qualified-out"
    return row.outcome or "unfinished"


def started_text(when: datetime) -> str:
    """ISO 8601 on this computer's clock with its offset (`2026-12-04T14:07:03+01:00`): the
    same moment reads the same in any time zone, and spreadsheets and pandas parse it."""
    return when.astimezone().isoformat(timespec="seconds")


def render_csv(rows: list[Row]) -> str:
    """The attempts as CSV text (a header line even when there are none)."""
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\r\n")
    out.writerow(HEADER)
    for row in rows:
        comps: list[object] = []
        for name in COMPETENCIES:
            score, top = row.competencies.get(name, (None, None))  # type: ignore[arg-type]
            comps.extend(["" if score is None else score, "" if top is None else top])
        out.writerow([_text(row.player), row.scenario_id, _text(row.title), row.seed,
                      started_text(row.started),
                      clock_time(row.seconds), round(row.seconds, 1),
                      _outcome(row),
                      "" if row.total is None else row.total,
                      "" if row.passed is None else str(row.passed).lower(),
                      str(row.practice).lower(), *comps, row.attempt_id])
    return buffer.getvalue()
