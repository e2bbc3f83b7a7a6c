"""table, csv and html: one row per attempt, empty databases, filters, accents, escaping."""
from __future__ import annotations

import csv
import io
import re
from html import escape
from html.parser import HTMLParser

import pytest

from game.reports import render
from game.reports.table import width
from game.schema import COMPETENCIES
from game.store import Store
from tests.store.helpers import LOSE, WIN, full_attempt, scenario, spanish


@pytest.mark.parametrize("fmt", ["table", "csv", "html", "xapi"])
def test_reports_on_an_empty_database(empty: Store, fmt: str) -> None:
    text = render(fmt, empty)
    if fmt == "table":
        assert text == "No attempts recorded yet.\n"
        assert render(fmt, empty, player="Ana") == "No attempts match these filters.\n"
        assert render(fmt, empty, language="es") == "Todavía no hay intentos registrados.\n"
    elif fmt == "csv":
        assert text.count("\n") == 1 and text.startswith("player,scenario,")
    elif fmt == "html":
        assert "No attempts recorded yet." in text and "<svg" not in text
    else:
        assert text == ""


def test_table_has_one_aligned_row_per_attempt(class_store: Store) -> None:
    text = render("table", class_store)
    lines = text.splitlines()
    records = class_store.attempts()
    assert len(lines) == 2 + len(records)
    header = lines[0]
    for label in ("Player", "Scenario", "Seed", "Started", "Time", "Outcome", "Total",
                  "Disc", "Qual", "Sabo", "Pitch", "Close", "Rel"):
        assert label in header
    assert {width(line) for line in lines[2:]} <= {width(lines[1])}  # aligned, accents too
    assert any(line.startswith("Łukasz") for line in lines)
    assert "unfinished" in text and "abandoned" in text and "won" in text
    assert re.search(r"Núñez\s+mini\s+0\s+2025-03-10 \d\d:\d\d\s+0:0\d:\d\d\s+lost", text)


def test_table_filters_by_player_scenario_and_date(class_store: Store) -> None:
    mine = render("table", class_store, player="NÚÑEZ").splitlines()[2:]
    assert len(mine) == 4 and all(line.startswith("Núñez") for line in mine)
    spanish_rows = render("table", class_store, scenario_id="ruta-nunez").splitlines()[2:]
    assert len(spanish_rows) == 5 and all("ruta-nunez" in line for line in spanish_rows)
    later = render("table", class_store, since="2025-03-12").splitlines()[2:]
    assert len(later) == 6
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        render("table", class_store, since="12/03/2025")


def test_csv_columns_numbers_and_accents(class_store: Store) -> None:
    text = render("csv", class_store)
    table = list(csv.DictReader(io.StringIO(text)))
    assert len(table) == len(class_store.attempts())
    first = table[0]
    assert first["player"] == "Núñez" and first["scenario"] == "mini"
    assert first["seed"] == "0" and re.match(r"^\d+:\d\d:\d\d$", first["duration"])
    assert first["outcome"] == "lost" and float(first["total"]) >= 0
    for name in COMPETENCIES:
        assert float(first[name]) <= float(first[f"{name}_max"])
    unfinished = [row for row in table if row["outcome"] == "unfinished"]
    assert len(unfinished) == 1 and unfinished[0]["total"] == ""
    assert {row["title"] for row in table} == {"Mini deal", "Venta de rutas — Logística Núñez"}


def test_csv_keeps_a_formula_like_name_as_text(empty: Store) -> None:
    full_attempt(empty, "=HYPERLINK(\"http://x\")", scenario(), 1, LOSE)
    row = next(csv.DictReader(io.StringIO(render("csv", empty))))
    assert row["player"] == "'=HYPERLINK(\"http://x\")"


class _Page(HTMLParser):
    """Collects tags, external references and text of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.external: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for key, value in attrs:
            if key in ("src", "href") and value and not value.startswith("#"):
                self.external.append(value)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_is_one_self_contained_page_with_every_section(class_store: Store) -> None:
    text = render("html", class_store)
    page = _Page()
    page.feed(text)
    assert page.external == [] and "script" not in page.tags
    assert "link" not in page.tags and "img" not in page.tags
    assert text.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in text
    for heading in ("Class overview", "Each player's progress", "Average per competency",
                    "Who struggles with what", "Most-missed opportunities", "All attempts"):
        assert f"<h2>{escape(heading)}</h2>" in text
    assert text.count("<svg") >= 1 + 5 + 1 + 1  # histogram, a trend per player, bars, heat map
    body = " ".join(page.text)
    assert "Did not spot Inés Núñez as a saboteur" in body          # English scenario
    assert "No identificó a Inés Núñez como saboteador" in body      # Spanish scenario
    assert "Venta de rutas — Logística Núñez" in body and "Łukasz" in body


def test_html_heat_map_has_a_row_per_player_and_a_cell_per_competency(
        class_store: Store) -> None:
    text = render("html", class_store)
    heat = text.split("<h2>Who struggles with what</h2>")[1].split("<h2>")[0]
    players = {r.attempt.player for r in class_store.attempts()
               if r.attempt.outcome in ("won", "lost")}
    assert heat.count("<rect") == len(players) * len(COMPETENCIES)
    for player in players:
        assert f">{player}</text>" in heat


def test_html_escapes_what_players_type(empty: Store) -> None:
    full_attempt(empty, "<script>alert('x')</script>", scenario(), 1, WIN)
    text = render("html", empty)
    assert "<script>" not in text and "&lt;script&gt;" in text


def test_html_in_spanish(class_store: Store) -> None:
    text = render("html", class_store, language="es")
    assert '<html lang="es">' in text and "Resumen de la clase" in text
    assert "Quién tiene dificultades con qué" in text and "Descubrimiento" in text


def test_accents_through_table_csv_and_html(empty: Store) -> None:
    full_attempt(empty, "Núñez", spanish(), 3, WIN)
    for fmt in ("table", "csv", "html"):
        text = render(fmt, empty)
        assert "Núñez" in text, fmt
        assert "ruta-nunez" in text, fmt
    assert "Venta de rutas — Logística Núñez" in render("csv", empty)
    assert "Venta de rutas — Logística Núñez" in render("html", empty)


def test_the_html_report_shows_where_the_class_lost_points(empty: Store) -> None:
    """Per scenario, the average points a finished attempt lost for each kind of reason, biggest
    first (from each result's `lost` lists); practice attempts are left out."""
    from tests.store.helpers import LOSE, WIN, full_attempt, scenario

    full_attempt(empty, "Ana", scenario(), 1, LOSE)
    full_attempt(empty, "Bea", scenario(), 1, WIN)
    page = render("html", empty)
    assert "Where the class lost points" in page
    section = page.split("Where the class lost points")[1].split("</div></div>")[0]
    assert "Deals not won" in section           # Ana's lost deal: 15 points, over 2 attempts
    assert "−7.5" in section
    rows = section.split("<tr>")[1:]
    means = [float(r.split('class="n">−')[1].split("<")[0]) for r in rows]
    assert means == sorted(means, reverse=True)
