"""The trainer's report: one self-contained HTML file (inline CSS and SVG, no scripts, no
external files) with the class overview, each player's progress, per-competency averages, a
heat map of who struggles with what, the most-missed opportunities and every attempt."""
from __future__ import annotations

import json
import statistics
from collections import Counter, defaultdict
from datetime import datetime
from html import escape

from game.reports import svg
from game.reports.rows import Row, clock_time, local_time, rows as make_rows
from game.reports.words import ReportWords, lost_kind, missed_text
from game.schema import COMPETENCIES
from game.store import AttemptRecord

TOP_MISSED = 8

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#263238;
margin:0;background:#f5f7f8;line-height:1.4}
main{max-width:1180px;margin:0 auto;padding:24px}
h1{margin:0 0 4px;font-size:26px}h2{margin:32px 0 4px;font-size:20px}
h3{margin:0 0 6px;font-size:15px}.note{color:#546e7a;margin:0 0 12px;font-size:13px}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
.card{background:#fff;border-radius:8px;padding:12px 16px;box-shadow:0 1px 2px #0002;
min-width:120px}.card b{display:block;font-size:24px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:12px}
.panel{background:#fff;border-radius:8px;padding:12px 16px;box-shadow:0 1px 2px #0002;
overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:13px;background:#fff}
th,td{padding:5px 8px;border-bottom:1px solid #eceff1;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.won{color:#2e7d32}.lost{color:#c62828}.abandoned,.unfinished{color:#757575}
.stack{display:flex;flex-direction:column;gap:12px}
.legend span{margin-right:12px;font-size:12px}.dot{display:inline-block;width:10px;
height:10px;border-radius:50%;margin-right:4px;vertical-align:middle}
.swatch{display:inline-block;width:14px;height:10px;border-radius:2px;margin-right:4px;
vertical-align:middle;border:1px solid #0003}
"""


def render_html(records: list[AttemptRecord], words: ReportWords, *, filters: str,
                generated: datetime) -> str:
    """The whole report page for `records` (oldest first)."""
    rows = make_rows(records)
    body = [f"<h1>{escape(words('title'))}</h1>",
            f'<p class="note">{escape(words("generated"))}: {escape(local_time(generated))}'
            f" · {escape(words('filters'))}: {escape(filters or words('none'))}</p>"]
    if not rows:
        body.append(f"<p>{escape(words('empty-filtered' if filters else 'empty'))}</p>")
    else:
        body += [_overview(rows, words), _progress(rows, words), _competencies(rows, words),
                 _heat_map(rows, words), _lost(records, words), _missed(records, words),
                 _attempts(rows, words)]
    return (f'<!DOCTYPE html>\n<html lang="{words.language}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(words('title'))}</title>\n<style>{_CSS}</style>\n</head>\n"
            f"<body><main>\n" + "\n".join(body) + "\n</main></body>\n</html>\n")


def _finished(rows: list[Row]) -> list[Row]:
    """Finished attempts that count for the class: practice (played after seeing the same
    cast's roles) is shown apart, in the attempts table and each player's progress."""
    return [r for r in rows if r.outcome in ("won", "lost") and r.total is not None
            and not r.practice]


def _overview(rows: list[Row], words: ReportWords) -> str:
    done = _finished(rows)
    totals = [r.total for r in done if r.total is not None]
    wins = sum(r.outcome == "won" for r in done)
    cards = [(words("players"), str(len({r.player for r in rows}))),
             (words("attempts"), str(len(rows))),
             (words("finished"), str(len(done))),
             (words("win-rate"), f"{100 * wins / len(done):.0f}%" if done else "—"),
             (words("pass-rate"), f"{100 * sum(bool(r.passed) for r in done) / len(done):.0f}%"
              if done else "—"),
             (words("average"), f"{statistics.fmean(totals):.1f}" if totals else "—"),
             (words("median-time"),
              clock_time(statistics.median(r.seconds for r in done)) if done else "—")]
    marks = {r.pass_mark for r in rows}
    chart = svg.histogram(totals, marks.pop() if len(marks) == 1 else None,
                          words("distribution"))
    return (f"<h2>{escape(words('overview'))}</h2>"
            '<div class="cards">' + "".join(f'<div class="card">{escape(k)}<b>{escape(v)}</b>'
                                            f"</div>" for k, v in cards) + "</div>"
            f'<div class="panel"><h3>{escape(words("distribution"))}</h3>{chart}</div>')


def _progress(rows: list[Row], words: ReportWords) -> str:
    by_player: dict[str, list[Row]] = defaultdict(list)
    for row in rows:  # practice too: it is the player's own progress
        if row.outcome in ("won", "lost") and row.total is not None:
            by_player[row.player].append(row)
    panels = []
    for player in sorted(by_player, key=str.casefold):
        mine = by_player[player]
        points = [(r.total or 0.0, r.outcome or "", f"{local_time(r.started)} · {r.title} · "
                   f"{words.outcome(r.outcome, r.disqualified)} · {r.total:.1f}") for r in mine]
        marks = {r.pass_mark for r in mine}
        chart = svg.trend(points, marks.pop() if len(marks) == 1 else None,
                          f"{player}: {words('progress')}")
        best = max(r.total or 0.0 for r in mine)
        panels.append(f'<div class="panel"><h3>{escape(player)}</h3>'
                      f'<p class="note">{len(mine)} {escape(words("times"))} · '
                      f'{escape(words("best"))} {best:.1f} · {escape(words("last"))} '
                      f"{mine[-1].total:.1f}</p>{chart}</div>")
    legend = "".join(f'<span><i class="dot" style="background:{c}"></i>'
                     f"{escape(words.outcome(o))}</span>"
                     for o, c in svg.OUTCOME_COLOURS.items() if o != "abandoned")
    return (f"<h2>{escape(words('progress'))}</h2>"
            f'<p class="note">{escape(words("progress-note"))}</p>'
            f'<p class="legend">{legend}</p><div class="grid">{"".join(panels)}</div>')


def _average(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.fmean(present) if present else None


def _competencies(rows: list[Row], words: ReportWords) -> str:
    done = _finished(rows)
    items = [(words(f"comp-{c}"), _average([r.share(c) for r in done])) for c in COMPETENCIES]
    return (f"<h2>{escape(words('competencies'))}</h2>"
            f'<p class="note">{escape(words("competencies-note"))}</p>'
            f'<div class="panel">{svg.bars(items, words("competencies"))}'
            f"{heat_legend(words)}</div>")


def _heat_map(rows: list[Row], words: ReportWords) -> str:
    by_player: dict[str, list[Row]] = defaultdict(list)
    for row in rows:  # practice too: it is the player's own progress
        if row.outcome in ("won", "lost") and row.total is not None:
            by_player[row.player].append(row)
    grid = [(player, [_average([r.share(c) for r in by_player[player]]) for c in COMPETENCIES])
            for player in sorted(by_player, key=str.casefold)]
    chart = svg.heat_map(grid, [words(f"comp-{c}") for c in COMPETENCIES], words("heatmap"))
    return (f"<h2>{escape(words('heatmap'))}</h2>"
            f'<p class="note">{escape(words("heatmap-note"))}</p>'
            f'<div class="panel">{chart}{heat_legend(words, no_data=True)}</div>')


def heat_legend(words: ReportWords, *, no_data: bool = False) -> str:
    """The legend of the red-to-green scale: each band's colour and range, in words too."""
    spans = [(colour, words(f"band-{i}")) for i, colour in enumerate(svg.HEAT_BANDS)]
    if no_data:
        spans.append((svg.NO_DATA, words("band-none")))
    items = "".join(f'<span><i class="swatch" style="background:{colour}"></i>'
                    f"{escape(label)}</span>" for colour, label in spans)
    return f'<p class="legend">{escape(words("scale"))}: {items}</p>'


def _bar(share: float, label: str) -> str:
    """A small red bar filled to `share` (0–1) of its width, read aloud as `label`."""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="120" height="12" role="img" '
            f'aria-label="{label}"><rect width="120" height="12" fill="#eceff1"/>'
            f'<rect width="{120 * share:.1f}" height="12" fill="#c62828"/></svg>')


def _lost(records: list[AttemptRecord], words: ReportWords) -> str:
    """Per scenario, the average points a finished attempt lost for each kind of reason."""
    per_scenario: dict[str, Counter[str]] = defaultdict(Counter)
    finished: Counter[str] = Counter()
    titles: dict[str, str] = {}
    for record in records:
        result = record.result
        if result is None or record.attempt.outcome not in ("won", "lost") \
                or result.get("practice"):
            continue
        sid = record.attempt.scenario_id
        finished[sid] += 1
        titles[sid] = str(record.info.get("title", sid))
        for entry in result["score"]["competencies"].values():
            for item in entry.get("lost", []):  # results saved before this have none
                per_scenario[sid][str(item["why"])] += float(item["points"])
    if not any(per_scenario.values()):
        return ""
    panels = []
    for sid in sorted(finished):
        n = finished[sid]
        ranked = per_scenario[sid].most_common(TOP_MISSED)
        top = ranked[0][1] / n if ranked else 1.0
        lines = []
        for code, points in ranked:
            mean = points / n
            bar = _bar(mean / top, f"{mean:.1f}")
            lines.append(f"<tr><td>{escape(lost_kind(code, words.language))}</td>"
                         f"<td class=\"n\">−{mean:.1f}</td><td>{bar}</td></tr>")
        panels.append(f'<div class="panel"><h3>{escape(titles[sid])} <small>({escape(sid)})'
                      f"</small></h3><table>{''.join(lines)}</table></div>")
    return (f"<h2>{escape(words('lost-points'))}</h2>"
            f'<p class="note">{escape(words("lost-points-note"))}</p>'
            f'<div class="stack">{"".join(panels)}</div>')


def _missed(records: list[AttemptRecord], words: ReportWords) -> str:
    per_scenario: dict[str, Counter[str]] = defaultdict(Counter)
    finished: Counter[str] = Counter()
    titles: dict[str, str] = {}
    for record in records:
        if record.result is None or record.attempt.outcome not in ("won", "lost"):
            continue
        sid = record.attempt.scenario_id
        finished[sid] += 1
        titles[sid] = str(record.info.get("title", sid))
        seen = set()
        for miss in record.result["debrief"]["missed"]:
            params = {k: v for k, v in miss["params"].items() if k != "turn"}
            key = json.dumps([miss["code"], params], sort_keys=True, ensure_ascii=False)
            if key not in seen:
                seen.add(key)
                per_scenario[sid][missed_text(miss["code"], params, record.info)] += 1
    panels = []
    for sid in sorted(finished):
        n = finished[sid]
        lines = []
        for text, count in per_scenario[sid].most_common(TOP_MISSED):
            share = count / n
            bar = _bar(share, f"{share * 100:.0f}%")
            lines.append(f"<tr><td>{escape(text)}</td><td class=\"n\">{count} "
                         f"{escape(words('of'))} {n}</td><td>{bar}</td></tr>")
        # nothing missed: a sentence, not a one-cell row in a three-column table
        listed = f"<table>{''.join(lines)}</table>" if lines else \
            f"<p>{escape(words('nothing-missed'))}</p>"
        panels.append(f'<div class="panel"><h3>{escape(titles[sid])} <small>({escape(sid)})'
                      f"</small></h3>{listed}</div>")
    return (f"<h2>{escape(words('missed'))}</h2>"
            f'<p class="note">{escape(words("missed-note"))}</p>'
            f'<div class="stack">{"".join(panels)}</div>')


def _attempts(rows: list[Row], words: ReportWords) -> str:
    head = [words("player"), words("scenario"), words("seed"), words("started"),
            words("duration"), words("outcome"), words("total"), words("verdict"),
            *(words(f"comp-{c}") for c in COMPETENCIES)]
    numeric = {2, 4, 6, *range(8, 8 + len(COMPETENCIES))}
    out = ["<tr>" + "".join(f'<th{" class=n" if i in numeric else ""}>{escape(h)}</th>'
                            for i, h in enumerate(head)) + "</tr>"]
    for row in reversed(rows):
        comps = []
        for name in COMPETENCIES:
            score, top = row.competencies.get(name, (0.0, 0.0))
            comps.append(f"{score:g}/{top:g}" if top else "—")
        outcome = row.outcome or "unfinished"
        cells = [escape(row.player), f"{escape(row.title)}<br><small>{escape(row.scenario_id)}"
                 f"</small>", str(row.seed), escape(local_time(row.started)),
                 clock_time(row.seconds),
                 f'<span class="{outcome}">{escape(words.outcome(row.outcome, row.disqualified))}</span>',
                 f"{row.total:.1f}" if row.total is not None else "—",
                 escape(words(row.verdict)) if row.verdict else "—", *comps]
        out.append("<tr>" + "".join(f'<td{" class=n" if i in numeric else ""}>{c}</td>'
                                    for i, c in enumerate(cells)) + "</tr>")
    return (f"<h2>{escape(words('all-attempts'))}</h2>"
            f'<div class="panel"><table>{"".join(out)}</table></div>')
