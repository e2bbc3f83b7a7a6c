"""The terminal report: one aligned row per attempt, accents and wide letters measured right."""
from __future__ import annotations

import unicodedata

from game.reports.rows import Row, clock_time, local_time
from game.reports.words import ReportWords
from game.schema import COMPETENCIES

_SHORT = {"discovery": "Disc", "qualification": "Qual", "saboteurs": "Sabo",
          "value_pitch": "Pitch", "closing": "Close", "relationship": "Rel"}
_MAX_NAME = 20


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


def render_table(rows: list[Row], words: ReportWords, *, filtered: bool = False) -> str:
    """The attempts as a text table (a sentence when there are none)."""
    if not rows:
        return words("empty-filtered" if filtered else "empty") + "\n"
    header = [words("player"), words("scenario"), words("seed"), words("started"),
              words("duration"), words("outcome"), words("total"), words("verdict"),
              *(_SHORT[c] for c in COMPETENCIES)]
    right = [False, False, True, False, True, False, True, False,
             *(True for _ in COMPETENCIES)]
    body = []
    for row in rows:
        comps = []
        for name in COMPETENCIES:
            score, top = row.competencies.get(name, (0.0, 0.0))
            comps.append(f"{score:g}/{top:g}" if top else "—")
        body.append([_cut(row.player, _MAX_NAME), _cut(row.scenario_id, _MAX_NAME),
                     str(row.seed), local_time(row.started), clock_time(row.seconds),
                     words.outcome(row.outcome),
                     f"{row.total:.1f}" if row.total is not None else "—",
                     words(row.verdict) if row.verdict else "—", *comps])
    sizes = [max(width(r[i]) for r in [header, *body]) for i in range(len(header))]
    lines = ["  ".join(_pad(cell, sizes[i], right[i]) for i, cell in enumerate(r)).rstrip()
             for r in [header, *body]]
    lines.insert(1, "  ".join("─" * s for s in sizes))
    return "\n".join(lines) + "\n"
