"""A results database that cannot be written (a read-only share, a read-only folder) still gives
reports: `report` opens it read-only and says so (issue #16); nothing is changed on disk.

(As root, file modes do not stop writes; a read-only bind mount was used by hand to check the
real thing: `mount --bind -o ro DATA MNT; QUALIFIED_DATA_DIR=MNT python main.py report`.)
"""
from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from game.cli import main, report_cmd
from game.store import StoreError, database, migrations, open_store
from tests.store.helpers import LOSE, WIN, Clock, full_attempt, scenario


@pytest.fixture
def filled(data_dir: Path, clock: Clock) -> Path:
    """A data folder with two finished attempts; returns the database file."""
    with open_store(clock=clock) as store:
        full_attempt(store, "Núñez", scenario(), 1, WIN)
        full_attempt(store, "Ana", scenario(), 2, LOSE)
        return store.path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_read_only_store_reads_everything_and_changes_nothing(filled: Path) -> None:
    before = (_digest(filled), filled.stat().st_mtime_ns)
    with open_store(read_only=True) as store:
        assert [r.attempt.player for r in store.attempts()] == ["Núñez", "Ana"]
        assert store.leaderboard()[0].player == "Núñez"
        with pytest.raises(StoreError, match="readonly|read-only"):
            store.mark_sent("http://lrs.example/xapi/statements", ["x"])
    assert (_digest(filled), filled.stat().st_mtime_ns) == before


def test_a_read_only_open_that_cannot_share_memory_reads_the_file_as_it_stands(
        filled: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = database._connect_uri

    def folder_read_only(uri: str, busy_timeout: float) -> sqlite3.Connection:
        if uri.endswith("?mode=ro"):  # what SQLite says when it cannot make the -shm file
            error = sqlite3.OperationalError("unable to open database file")
            error.sqlite_errorcode = 14  # type: ignore[attr-defined]
            raise error
        return real(uri, busy_timeout)

    monkeypatch.setattr(database, "_connect_uri", folder_read_only)
    with open_store(read_only=True) as store:
        assert len(store.attempts()) == 2


def test_read_only_refuses_what_it_cannot_do_without_writing(data_dir: Path,
                                                             filled: Path) -> None:
    with pytest.raises(StoreError, match="no results database here yet.*read-only"):
        open_store(data_dir / "elsewhere", read_only=True)
    conn = sqlite3.connect(filled)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST - 1}")
    conn.close()
    with pytest.raises(StoreError, match="needs an update .* read-only here"):
        open_store(read_only=True)


def test_report_falls_back_to_read_only_and_says_so(
        filled: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    real = report_cmd.open_store

    def read_only_folder(*args: Any, read_only: bool = False, **kwargs: Any) -> Any:
        if not read_only:  # as a read-only folder answers a read-write open
            raise StoreError(f"{filled}: the results database cannot be used: unable to open "
                             f"database file.")
        return real(*args, read_only=True, **kwargs)

    monkeypatch.setattr(report_cmd, "open_store", read_only_folder)
    assert main(["report"]) == 0
    captured = capsys.readouterr()
    assert "Núñez" in captured.out and "Ana" in captured.out
    assert "opened read-only (it cannot be written here)" in captured.err
    out = tmp_path / "class.csv"
    assert main(["report", "--format", "csv", "--out", str(out)]) == 0
    assert "Núñez" in out.read_text(encoding="utf-8-sig")
