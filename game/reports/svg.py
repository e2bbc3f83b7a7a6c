"""Small inline SVG charts for the HTML report: no scripts, no external files, readable
without colour (every mark carries its number or a title)."""
from __future__ import annotations

from html import escape

OUTCOME_COLOURS = {"won": "#2e7d32", "lost": "#c62828", "abandoned": "#9e9e9e"}
INK, GRID, BAR = "#263238", "#cfd8dc", "#1565c0"


# The colour scale of shares (0–1) in five equal bands, red (struggling) to green; every chart
# that uses it has a legend naming the bands (html_page.heat_legend).
HEAT_BANDS = ("#e57373", "#ffb74d", "#fff176", "#aed581", "#66bb6a")
NO_DATA = "#eceff1"


def heat_band(share: float) -> int:
    """The band (0–4) of a share: below 20 %, 20–39 %, 40–59 %, 60–79 %, 80 % and over."""
    return min(len(HEAT_BANDS) - 1, int(max(0.0, share) * len(HEAT_BANDS)))


def heat_colour(share: float | None) -> str:
    """Red (struggling) through amber to green for a share 0–1; light grey for no data."""
    return NO_DATA if share is None else HEAT_BANDS[heat_band(share)]


def _svg(width: int, height: int, label: str, body: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}" role="img" aria-label="{escape(label)}" '
            f'font-family="system-ui, sans-serif" font-size="12">'
            f'<title>{escape(label)}</title>{body}</svg>')


def bars(items: list[tuple[str, float | None]], label: str, width: int = 560) -> str:
    """Horizontal bars of shares (0–1), labelled with their percentage."""
    left, row = 150, 26
    inner = width - left - 50
    parts = []
    for i, (name, share) in enumerate(items):
        y = i * row + 4
        parts.append(f'<text x="{left - 8}" y="{y + 14}" text-anchor="end" fill="{INK}">'
                     f'{escape(name)}</text>')
        parts.append(f'<rect x="{left}" y="{y}" width="{inner}" height="18" fill="{GRID}" '
                     f'opacity="0.4"/>')
        if share is None:
            parts.append(f'<text x="{left + 6}" y="{y + 14}" fill="{INK}">—</text>')
            continue
        w = max(0.0, min(1.0, share)) * inner
        parts.append(f'<rect x="{left}" y="{y}" width="{w:.1f}" height="18" '
                     f'fill="{heat_colour(share)}" stroke="{INK}" stroke-width="0.5"/>')
        parts.append(f'<text x="{left + w + 6:.1f}" y="{y + 14}" fill="{INK}">'
                     f'{share * 100:.0f}%</text>')
    return _svg(width, max(row, len(items) * row + 8), label, "".join(parts))


def histogram(values: list[float], pass_mark: int | None, label: str,
              width: int = 560, height: int = 180) -> str:
    """Counts of scores in ten bands 0–10 … 90–100, with the pass mark as a dashed line."""
    counts = [0] * 10
    for v in values:
        counts[min(9, max(0, int(v // 10)))] += 1
    top = max(counts) or 1
    left, bottom, plot_h = 30, height - 24, height - 44
    band = (width - left - 10) / 10
    parts = [f'<line x1="{left}" y1="{bottom}" x2="{width - 10}" y2="{bottom}" '
             f'stroke="{INK}"/>']
    for i, n in enumerate(counts):
        x = left + i * band
        h = plot_h * n / top
        parts.append(f'<rect x="{x + 2:.1f}" y="{bottom - h:.1f}" width="{band - 4:.1f}" '
                     f'height="{h:.1f}" fill="{BAR}"><title>{i * 10}–{i * 10 + 10}: {n}'
                     f'</title></rect>')
        if n:
            parts.append(f'<text x="{x + band / 2:.1f}" y="{bottom - h - 4:.1f}" '
                         f'text-anchor="middle" fill="{INK}">{n}</text>')
        parts.append(f'<text x="{x:.1f}" y="{bottom + 15}" text-anchor="middle" '
                     f'fill="{INK}" font-size="10">{i * 10}</text>')
    parts.append(f'<text x="{left + 10 * band:.1f}" y="{bottom + 15}" text-anchor="middle" '
                 f'fill="{INK}" font-size="10">100</text>')
    if pass_mark is not None:
        x = left + band * pass_mark / 10
        parts.append(f'<line x1="{x:.1f}" y1="{bottom - plot_h - 6}" x2="{x:.1f}" '
                     f'y2="{bottom}" stroke="{INK}" stroke-dasharray="4 3"/>')
    return _svg(width, height, label, "".join(parts))


def trend(points: list[tuple[float, str, str]], pass_mark: int | None, label: str,
          width: int = 280, height: int = 120) -> str:
    """Totals (0–100) of successive attempts as a line; each point coloured by outcome and
    titled with its details. `points` = (total, outcome, title)."""
    left, right, top_pad, bottom_pad = 28, 10, 8, 18
    plot_w, plot_h = width - left - right, height - top_pad - bottom_pad

    def y(v: float) -> float:
        return top_pad + plot_h * (1 - max(0.0, min(100.0, v)) / 100)

    parts = []
    for v in (0, 50, 100):
        parts.append(f'<line x1="{left}" y1="{y(v):.1f}" x2="{width - right}" y2="{y(v):.1f}" '
                     f'stroke="{GRID}"/><text x="{left - 4}" y="{y(v) + 4:.1f}" '
                     f'text-anchor="end" fill="{INK}" font-size="10">{v}</text>')
    if pass_mark is not None:
        parts.append(f'<line x1="{left}" y1="{y(pass_mark):.1f}" x2="{width - right}" '
                     f'y2="{y(pass_mark):.1f}" stroke="{INK}" stroke-dasharray="4 3"/>')
    step = plot_w / max(1, len(points) - 1)
    xs = [left + (i * step if len(points) > 1 else plot_w / 2) for i in range(len(points))]
    if len(points) > 1:
        line = " ".join(f"{x:.1f},{y(p[0]):.1f}" for x, p in zip(xs, points))
        parts.append(f'<polyline points="{line}" fill="none" stroke="{BAR}" '
                     f'stroke-width="2"/>')
    for x, (total, outcome, title) in zip(xs, points):
        parts.append(f'<circle cx="{x:.1f}" cy="{y(total):.1f}" r="4" '
                     f'fill="{OUTCOME_COLOURS.get(outcome, INK)}" stroke="white">'
                     f'<title>{escape(title)}</title></circle>')
    parts.append(f'<text x="{left}" y="{height - 4}" fill="{INK}" font-size="10">1</text>')
    if len(points) > 1:
        parts.append(f'<text x="{width - right}" y="{height - 4}" text-anchor="end" '
                     f'fill="{INK}" font-size="10">{len(points)}</text>')
    return _svg(width, height, label, "".join(parts))


def heat_map(rows: list[tuple[str, list[float | None]]], columns: list[str],
             label: str) -> str:
    """A grid: one row per player, one column per competency, each cell coloured by the
    average share and showing it as a percentage."""
    name_w = min(220, 30 + 7 * max((len(name) for name, _ in rows), default=4))
    cell_w, cell_h, head = 96, 28, 34
    width = name_w + cell_w * len(columns) + 4
    height = head + cell_h * len(rows) + 4
    parts = []
    for j, column in enumerate(columns):
        parts.append(f'<text x="{name_w + j * cell_w + cell_w / 2:.0f}" y="{head - 10}" '
                     f'text-anchor="middle" fill="{INK}" font-weight="600">'
                     f'{escape(column)}</text>')
    for i, (name, shares) in enumerate(rows):
        y = head + i * cell_h
        parts.append(f'<text x="{name_w - 8}" y="{y + 18}" text-anchor="end" fill="{INK}">'
                     f'{escape(name)}</text>')
        for j, share in enumerate(shares):
            x = name_w + j * cell_w
            text = "—" if share is None else f"{share * 100:.0f}%"
            parts.append(f'<rect x="{x + 1}" y="{y + 1}" width="{cell_w - 2}" '
                         f'height="{cell_h - 2}" fill="{heat_colour(share)}" rx="3">'
                         f'<title>{escape(name)} · {escape(columns[j])}: {text}</title></rect>'
                         f'<text x="{x + cell_w / 2:.0f}" y="{y + 18}" text-anchor="middle" '
                         f'fill="{INK}">{text}</text>')
    return _svg(width, height, label, "".join(parts))
