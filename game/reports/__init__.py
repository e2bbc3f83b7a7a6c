"""Reports on training sessions, from the results database (game.store).

`render(fmt, store, ...)` gives the whole report as text in one of FORMATS:
- `table`: aligned text for a terminal, one row per attempt;
- `csv`: the same rows for a spreadsheet;
- `html`: one self-contained page for the trainer (inline SVG charts);
- `xapi`: xAPI 1.0.3 statements as JSON Lines (see game.reports.xapi; `sync` sends them,
  `import` reads them back on another machine — game.reports.xapi_in).
"""
from __future__ import annotations

import functools
from datetime import date, datetime

from game.reports.csv_out import render_csv
from game.reports.html_page import render_html
from game.reports.rows import rows
from game.reports.table import render_table
from game.reports.words import ReportWords
from game.reports.xapi import statements, to_jsonl
from game.settings import load_settings
from game.store import Store
from game.store.clock import utc_now
from game.store.importing import original_statements

FORMATS = ("table", "csv", "html", "xapi")


def describe_filters(player: str | None, scenario_id: str | None,
                     since: date | datetime | str | None, words: ReportWords) -> str:
    """The filters in words ("" for none), for report headings."""
    parts = []
    if player:
        parts.append(f"{words('player')}: {player}")
    if scenario_id:
        parts.append(f"{words('scenario')}: {scenario_id}")
    if since:
        parts.append(f"{words('since')} {since}")
    return " · ".join(parts)


def render(fmt: str, store: Store, *, player: str | None = None,
           scenario_id: str | None = None, since: date | datetime | str | None = None,
           language: str | None = None, generated: datetime | None = None,
           width: int | None = None) -> str:
    """The report in format `fmt` for the attempts matching the filters (oldest first); a
    table fits `width` terminal columns when given. Raises ValueError for an unknown format, a
    bad date or an unusable settings file."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}: use one of {', '.join(FORMATS)}")
    records = store.attempts(player, scenario_id, since)
    # no --lang: the class's language from settings.toml, if any (SettingsError otherwise)
    words = ReportWords(language or load_settings().language)
    filters = describe_filters(player, scenario_id, since, words)
    if fmt == "table":
        return render_table(rows(records), words, filtered=bool(filters), width_limit=width)
    if fmt == "csv":
        return render_csv(rows(records))
    if fmt == "html":
        return render_html(records, words, filters=filters, generated=generated or utc_now())
    return to_jsonl(statements(records, store.actions,
                               functools.partial(original_statements, store)))
