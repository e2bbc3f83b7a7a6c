"""The terminal report: one aligned row per attempt, accents and wide letters measured right.

Given a width (the terminal's), the table fits it: the player and scenario columns are cut
first (with "…"), then columns are hidden in a fixed order — the competencies from the last,
then seed, time, start and outcome — and a note under the table names what was hidden.
Player, scenario, total and verdict always stay; in a terminal too narrow even for those, each
line is cut at the edge.
"""
from __future__ import annotations

import textwrap
import unicodedata
from dataclasses import dataclass

from game.reports.rows import Row, clock_time, local_time
from game.reports.words import ReportWords
from game.schema import COMPETENCIES

_SHORT = {"discovery": "Disc", "qualification": "Qual", "saboteurs": "Sabo",
          "value_pitch": "Pitch", "closing": "Close", "relationship": "Rel"}
_MAX_NAME = 20           # the player and scenario columns, at most
_CUT_NAME = (12, 6)      # ... cut to this before hiding columns, then to this after
_GAP = 2
# hidden first → last when the table is too wide; the others always stay
_HIDE_ORDER = (*(f"comp-{c}" for c in reversed(COMPETENCIES)), "seed", "duration", "started",
               "outcome")


def width(text: str) -> int:
    """Columns `text` takes in a terminal (combining marks 0, wide letters 2)."""
    total = 0
    for ch in unicodedata.normalize("NFC", text):
        if unicodedata.combining(ch):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def _cut(text: str, limit: int) -> str:
    if width(text) <= limit:
        return text
    out = ""
    for ch in text:
        if width(out + ch) > limit - 1:
            break
        out += ch
    return out + "…"


def _pad(text: str, size: int, right: bool = False) -> str:
    gap = " " * max(0, size - width(text))
    return gap + text if right else text + gap


@dataclass
class _Column:
    key: str
    title: str
    cells: list[str]
    right: bool = False
    limit: int | None = None     # cut cells to this many terminal columns

    def shown(self) -> list[str]:
        if self.limit is None:
            return [self.title, *self.cells]
        return [_cut(c, self.limit) for c in (self.title, *self.cells)]

    @property
    def size(self) -> int:
        return max(width(c) for c in self.shown())


def _columns(rows: list[Row], words: ReportWords) -> list[_Column]:
    columns = [
        _Column("player", words("player"), [r.player for r in rows], limit=_MAX_NAME),
        _Column("scenario", words("scenario"), [r.scenario_id for r in rows], limit=_MAX_NAME),
        _Column("seed", words("seed"), [str(r.seed) for r in rows], right=True),
        _Column("started", words("started"), [local_time(r.started) for r in rows]),
        _Column("duration", words("duration"), [clock_time(r.seconds) for r in rows],
                right=True),
        _Column("outcome", words("outcome"), [words.outcome(r.outcome, r.disqualified) for r in rows]),
        _Column("total", words("total"),
                [f"{r.total:.1f}" if r.total is not None else "—" for r in rows], right=True),
        _Column("verdict", words("verdict"),
                [words(r.verdict) if r.verdict else "—" for r in rows])]
    for name in COMPETENCIES:
        cells = []
        for row in rows:
            score, top = row.competencies.get(name, (0.0, 0.0))
            cells.append(f"{score:g}/{top:g}" if top else "—")
        columns.append(_Column(f"comp-{name}", _SHORT[name], cells, right=True))
    return columns


def _total(columns: list[_Column]) -> int:
    return sum(c.size for c in columns) + _GAP * (len(columns) - 1)


def _fit(columns: list[_Column], limit: int) -> tuple[list[_Column], list[str]]:
    """The columns that fit `limit` terminal columns, and the titles of those hidden."""
    hidden: list[str] = []
    _cut_names(columns, limit, _CUT_NAME[0])
    for key in _HIDE_ORDER:
        if _total(columns) <= limit:
            break
        column = next(c for c in columns if c.key == key)
        columns.remove(column)
        hidden.append(column.title)
    for column in columns:  # the hidden columns may have left room for the names again
        if column.key in ("player", "scenario"):
            column.limit = _MAX_NAME
    for floor in _CUT_NAME:
        _cut_names(columns, limit, floor)
    return columns, hidden


def _cut_names(columns: list[_Column], limit: int, floor: int) -> None:
    """Cut the player and scenario columns (not below `floor`) until the table fits."""
    for column in columns:
        excess = _total(columns) - limit
        if column.key in ("player", "scenario") and excess > 0:
            column.limit = max(floor, column.size - excess)


def render_table(rows: list[Row], words: ReportWords, *, filtered: bool = False,
                 width_limit: int | None = None) -> str:
    """The attempts as a text table (a sentence when there are none), fitted to `width_limit`
    terminal columns when given."""
    if not rows:
        return words("empty-filtered" if filtered else "empty") + "\n"
    columns = _columns(rows, words)
    hidden: list[str] = []
    if width_limit is not None:
        columns, hidden = _fit(columns, max(1, width_limit))
    shown = [c.shown() for c in columns]
    sizes = [c.size for c in columns]
    lines = ["  ".join(_pad(cells[i], sizes[j], columns[j].right)
                       for j, cells in enumerate(shown)).rstrip()
             for i in range(len(rows) + 1)]
    lines.insert(1, "  ".join("─" * s for s in sizes))
    if width_limit is not None:
        lines = [_cut(line, width_limit) for line in lines]
    if hidden:  # wrapped, not cut: it says what to do
        note = words("hidden").format(columns=", ".join(hidden), width=width_limit)
        lines += textwrap.wrap(note, max(20, width_limit or 0))
    return "\n".join(lines) + "\n"
