"""`python main.py report …` as a trainer runs it: formats, --out, filters, errors."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from game.store import Store
from tests.store.helpers import WIN, full_attempt, spanish

ROOT = Path(__file__).resolve().parents[2]


def report(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QUALIFIED_DATA_DIR": str(data_dir), "PYTHONIOENCODING": "utf-8",
           "LANG": "C"}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "report", *args], cwd=ROOT,
                          env=env, capture_output=True, text=True, encoding="utf-8",
                          timeout=60)


def test_report_on_a_new_data_folder(data_dir: Path) -> None:
    done = report(data_dir)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "No attempts recorded yet.\n"


def test_every_format_to_a_file_with_accents(empty: Store, data_dir: Path,
                                             tmp_path: Path) -> None:
    full_attempt(empty, "Núñez", spanish(), 3, WIN)
    empty.close()
    table = report(data_dir)
    assert table.returncode == 0 and "Núñez" in table.stdout and "won" in table.stdout
    for fmt in ("csv", "html", "xapi"):
        out = tmp_path / f"report.{fmt}"
        done = report(data_dir, "--format", fmt, "--out", str(out), "--player", "núñez")
        assert done.returncode == 0, done.stderr
        assert f"{out}: report written" in done.stderr
        raw = out.read_bytes()
        if fmt == "csv":
            assert raw.startswith(b"\xef\xbb\xbf")  # spreadsheets then read UTF-8 right
            assert "Núñez" in raw.decode("utf-8-sig")
        else:
            assert "Núñez" in raw.decode("utf-8")
    lines = (tmp_path / "report.xapi").read_text(encoding="utf-8").splitlines()
    assert all(json.loads(line)["actor"]["name"] == "Núñez" for line in lines)
    assert not list(tmp_path.glob(".report-*"))  # no temporary file left behind


def test_bad_arguments_are_explained(data_dir: Path, tmp_path: Path) -> None:
    done = report(data_dir, "--since", "last week")
    assert done.returncode == 2 and "YYYY-MM-DD" in done.stderr
    done = report(data_dir, "--format", "pdf")
    assert done.returncode == 2 and "invalid choice" in done.stderr
    done = report(data_dir, "--format", "csv", "--out", str(tmp_path / "no" / "such.csv"))
    assert done.returncode == 1 and "cannot write the report" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_damaged_database_is_reported_and_the_report_still_runs(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "qualified.sqlite3").write_bytes(b"\x00garbage" * 500)
    done = report(data_dir)
    assert done.returncode == 0
    assert "was damaged" in done.stderr and "has been kept as" in done.stderr
    assert done.stdout == "No attempts recorded yet.\n"
