"""Exports that keep their meaning: CSV times with their offset, a BOM on the terminal's CSV
when asked, and a terminal table that fits the terminal."""
from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from game.reports import render
from game.reports.table import width
from game.store import Store
from tests.store.helpers import WIN, full_attempt, spanish

ROOT = Path(__file__).resolve().parents[2]


def report(data_dir: Path, *args: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    full_env = {**os.environ, "QUALIFIED_DATA_DIR": str(data_dir), "PYTHONIOENCODING": "utf-8",
                **env}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "report", *args], cwd=ROOT,
                          env=full_env, capture_output=True, timeout=60)


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="needs time.tzset (POSIX)")
@pytest.mark.parametrize("zone, offset", [("UTC0", "+00:00"), ("CET-1", "+01:00"),
                                          ("EST5", "-05:00")])
def test_csv_started_is_iso_8601_with_its_offset(class_store: Store, zone: str, offset: str,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        table = list(csv.DictReader(io.StringIO(render("csv", class_store))))
    finally:
        monkeypatch.undo()
        time.tzset()
    first = table[0]["started"]
    assert first.endswith(offset) and "T" in first
    moments = {datetime.fromisoformat(row["started"]) for row in table}
    assert moments == {r.attempt.started.replace(microsecond=0) for r in class_store.attempts()}


def test_bom_on_the_terminal_only_when_asked(empty: Store, data_dir: Path) -> None:
    full_attempt(empty, "Núñez", spanish(), 3, WIN)
    empty.close()
    plain = report(data_dir, "--format", "csv")
    assert plain.returncode == 0 and plain.stdout.startswith(b"player,")
    marked = report(data_dir, "--format", "csv", "--bom")
    assert marked.returncode == 0, marked.stderr
    assert marked.stdout.startswith(b"\xef\xbb\xbfplayer,")
    assert "Núñez" in marked.stdout.decode("utf-8-sig")
    wrong = report(data_dir, "--format", "html", "--bom")
    assert wrong.returncode == 2 and b"--bom is for --format csv" in wrong.stderr


@pytest.mark.parametrize("columns", [200, 120, 80, 60, 40, 24])
def test_the_table_fits_the_terminal(class_store: Store, columns: int) -> None:
    text = render("table", class_store, width=columns)
    lines = text.splitlines()
    assert all(width(line) <= columns for line in lines), text
    header = lines[0]
    for always in ("Player", "Scenario", "Total"):
        assert always in header or columns < 40
    body = lines[2:2 + len(class_store.attempts())]
    assert all(line.startswith(("Núñez", "Ana", "Bea", "Ciro", "Łukasz")) for line in body)
    full = render("table", class_store)
    if width(full.splitlines()[0]) <= columns:
        assert text == full  # nothing hidden when it fits
    else:
        assert "Hidden to fit" in text and "--format csv" in text


def test_columns_are_hidden_least_needed_first(class_store: Store) -> None:
    wide = render("table", class_store, width=120)
    assert wide.splitlines()[0].split()[-4:] == ["Disc", "Qual", "Sabo", "Pitch"]
    assert "Hidden to fit 120 columns: Rel, Close —" in wide
    header = render("table", class_store, width=100).splitlines()[0].split()
    assert header == ["Player", "Scenario", "Seed", "Started", "Time", "Outcome", "Total",
                      "Verdict", "Disc"]
    assert render("table", class_store, width=50).splitlines()[0].split() == \
        ["Player", "Scenario", "Total", "Verdict"]
    spanish_note = render("table", class_store, width=60, language="es")
    assert "Ocultas para caber en 60 columnas" in spanish_note


def test_the_command_fits_columns_and_keeps_pipes_whole(class_store: Store,
                                                        data_dir: Path) -> None:
    class_store.close()
    narrow = report(data_dir, COLUMNS="72")
    assert narrow.returncode == 0, narrow.stderr
    lines = narrow.stdout.decode("utf-8").splitlines()
    assert max(width(line) for line in lines) <= 72 and "Hidden to fit 72" in lines[-2] + \
        lines[-1]
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    piped = subprocess.run([sys.executable, str(ROOT / "main.py"), "report"], cwd=ROOT,
                           env={**env, "QUALIFIED_DATA_DIR": str(data_dir),
                                "PYTHONIOENCODING": "utf-8"},
                           capture_output=True, timeout=60)
    assert b"Hidden" not in piped.stdout and b"Rel" in piped.stdout
