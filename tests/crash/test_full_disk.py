"""A full disk during `play --text --player --result-json`: a clear message naming the file and
what to do, the game going on where it can, and no damaged file.

The results database is filled for real: `PRAGMA max_page_count` caps it at its current size,
so SQLite itself answers SQLITE_FULL ("database or disk is full") exactly as on a full disk.
A connection whose COMMIT fails covers the worst moment (the write is rolled back), and a
file writer that raises ENOSPC part-way covers the result JSON. bench/crash_soak.py also plays
on a real 64 kB tmpfs.
"""
from __future__ import annotations

import errno
import io
import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from bench.playouts import winning_paths
from game.cli import build_parser
from game.cli import play_cmd
from game.loader import load_scenario
from game.result import write_json_atomically
from game.runtime import Runtime
from game.store import Store, database_path, open_store
from tests.crash.harness import PLAYER, Action, answers, expected_result, recorded_script

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = ROOT / "scenarios" / "tutorial-first-deal.yaml"
SEED = 1
FULL = "database or disk is full"


@pytest.fixture(scope="module")
def rt() -> Runtime:
    """The tutorial's runtime."""
    loaded = load_scenario(SCENARIO)
    assert loaded.scenario is not None
    return Runtime(loaded.scenario)


@pytest.fixture(scope="module")
def script(rt: Runtime) -> list[Action]:
    """The tutorial's recorded winning path."""
    return recorded_script(rt, SEED, winning_paths()["tutorial-first-deal"])


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The test's own results folder."""
    folder = tmp_path / "data"
    monkeypatch.setenv("QUALIFIED_DATA_DIR", str(folder))
    return folder


def play(monkeypatch: pytest.MonkeyPatch, typed: list[str], *extra: str) -> int:
    """Run `play --text --player` in this process on the typed lines; the exit code."""
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(f"{t}\n" for t in typed)))
    args = build_parser().parse_args(["play", str(SCENARIO), "--text", "--seed", str(SEED),
                                      "--player", PLAYER, *extra])
    return int(args.run(args))


def integrity(data_dir: Path) -> str:
    """`PRAGMA integrity_check` of the results database."""
    conn = sqlite3.connect(str(database_path(data_dir)))
    try:
        return "; ".join(r[0] for r in conn.execute("PRAGMA integrity_check"))
    finally:
        conn.close()


def saved_steps(data_dir: Path) -> tuple[int, str | None]:
    """(actions saved, outcome) of the player's only attempt; the store opens cleanly."""
    with open_store(data_dir) as store:
        assert store.notices == []
        (record,) = store.attempts(PLAYER)
        return record.attempt.steps, record.attempt.outcome


def fill_after_start(monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills up just after the attempt starts: the database may not grow."""
    def opener(*args: Any, **kwargs: Any) -> Store:
        store = open_store(*args, **kwargs)
        start = store.start_attempt

        def start_then_fill(*a: Any, **k: Any) -> Any:
            attempt = start(*a, **k)
            pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
            store.conn.execute(f"PRAGMA max_page_count = {pages}")
            return attempt

        store.start_attempt = start_then_fill  # type: ignore[method-assign]
        return store

    monkeypatch.setattr(play_cmd, "open_store", opener)


class FullAtCommit:
    """A connection whose COMMITs number `first`..`last` fail as on a full disk."""

    def __init__(self, conn: sqlite3.Connection, first: int, last: int) -> None:
        self._conn, self._first, self._last = conn, first, last
        self.commits = 0

    def execute(self, sql: str, *args: Any) -> Any:
        """Run the statement, failing the chosen COMMITs."""
        if sql == "COMMIT":
            self.commits += 1
            if self._first <= self.commits <= self._last:
                raise sqlite3.OperationalError(FULL)
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def full_at_commits(monkeypatch: pytest.MonkeyPatch, first: int, last: int) -> None:
    """Open stores whose COMMITs `first`..`last` fail."""
    def opener(*args: Any, **kwargs: Any) -> Store:
        store = open_store(*args, **kwargs)
        store.conn = FullAtCommit(store.conn, first, last)  # type: ignore[assignment]
        return store

    monkeypatch.setattr(play_cmd, "open_store", opener)


def test_database_full_mid_game_warns_once_plays_on_and_keeps_what_was_saved(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data_dir: Path,
        tmp_path: Path, rt: Runtime, script: list[Action]) -> None:
    out = tmp_path / "result.json"
    fill_after_start(monkeypatch)
    code = play(monkeypatch, answers(rt, SEED, script, 0)[0], "--result-json", str(out))
    err = capsys.readouterr().err
    assert code == 1
    db = str(database_path(data_dir))
    assert err.count("warning: this action could not be saved") == 1  # once, then plays on
    assert f"error: {db}: the results database cannot be used: {FULL}" in err
    assert "the disk is not full" in err and "QUALIFIED_DATA_DIR" in err
    assert "Your attempt is kept up to its last saved action." in err
    assert f"--player '{PLAYER}' --resume" in err  # shell-quoted
    assert "Traceback" not in err
    expected = expected_result(rt, SEED, script)
    result = json.loads(out.read_text(encoding="utf-8"))  # the result is not lost
    assert result["path"] == expected["path"] and result["outcome"] == "won"
    assert integrity(data_dir) == "ok"
    steps, outcome = saved_steps(data_dir)
    assert 0 < steps < len(script) and outcome is None  # unfinished, so resumable

    # Space is freed: the attempt resumes where the database stopped and ends the same.
    monkeypatch.undo()
    monkeypatch.setenv("QUALIFIED_DATA_DIR", str(data_dir))
    again = tmp_path / "again.json"
    code = play(monkeypatch, answers(rt, SEED, script, steps)[0], "--resume",
                "--result-json", str(again))
    assert code == 0, capsys.readouterr().err
    resumed = json.loads(again.read_text(encoding="utf-8"))
    assert resumed["path"] == expected["path"] and resumed["score"] == expected["score"]
    assert saved_steps(data_dir) == (len(script), "won")
    assert integrity(data_dir) == "ok"


def test_a_commit_refused_while_full_is_rolled_back_and_caught_up_once_space_returns(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data_dir: Path,
        rt: Runtime, script: list[Action]) -> None:
    full_at_commits(monkeypatch, 4, 6)  # commit 1 starts the attempt; 4-6 are actions 3-5
    code = play(monkeypatch, answers(rt, SEED, script, 0)[0])
    err = capsys.readouterr().err
    assert code == 0, err
    assert err.count("warning: this action could not be saved") == 1
    assert FULL in err
    assert integrity(data_dir) == "ok"
    assert saved_steps(data_dir) == (len(script), "won")  # actions 3-5 saved with action 6
    with open_store(data_dir) as store:
        (record,) = store.attempts(PLAYER)
        assert record.result is not None
        assert record.result["path"] == expected_result(rt, SEED, script)["path"]


def test_database_full_before_the_first_action_refuses_to_start_with_advice(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data_dir: Path,
        tmp_path: Path, rt: Runtime, script: list[Action]) -> None:
    with open_store(data_dir) as store:  # an earlier attempt, which must survive untouched
        store.start_attempt("Ana", str(SCENARIO), rt.scenario, 5)
    before = integrity(data_dir)
    full_at_commits(monkeypatch, 1, 10 ** 6)
    code = play(monkeypatch, answers(rt, SEED, script, 0)[0])
    err = capsys.readouterr().err
    assert code == 1
    assert f"error: {database_path(data_dir)}: the results database cannot be used: {FULL}" \
        in err and "QUALIFIED_DATA_DIR" in err and "Traceback" not in err
    assert before == integrity(data_dir) == "ok"
    with open_store(data_dir) as store:
        assert [r.attempt.player for r in store.attempts()] == ["Ana"]


class _FillingFile:
    """A text file on a disk that fills up after `room` characters (ENOSPC)."""

    def __init__(self, inner: io.TextIOWrapper, room: int) -> None:
        self.inner, self.room = inner, room

    def write(self, text: str) -> int:
        """Write until the disk is full."""
        if len(text) > self.room:
            self.inner.write(text[:self.room])
            self.room = 0
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.room -= len(text)
        return self.inner.write(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def __enter__(self) -> _FillingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.inner.close()


def disk_full_for_files(monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    """Files written through os.fdopen fill the disk part-way (`write`) or at fsync."""
    if where == "write":
        real = os.fdopen

        def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
            return _FillingFile(real(fd, *args, **kwargs), room=200)

        monkeypatch.setattr(os, "fdopen", fdopen)
    else:
        def fsync(fd: int) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(os, "fsync", fsync)


@pytest.mark.parametrize("where", ["write", "fsync"])
def test_result_json_on_a_full_disk_keeps_the_previous_file(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, where: str) -> None:
    target = tmp_path / "result.json"
    target.write_text('{"earlier": "résultat"}\n', encoding="utf-8")
    disk_full_for_files(monkeypatch, where)
    with pytest.raises(OSError) as caught:
        write_json_atomically(str(target), {"new": "x" * 5000})
    assert caught.value.errno == errno.ENOSPC
    assert target.read_text(encoding="utf-8") == '{"earlier": "résultat"}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["result.json"]  # no temp file left


def test_play_with_a_full_disk_for_the_result_says_so_and_keeps_the_attempt(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data_dir: Path,
        tmp_path: Path, rt: Runtime, script: list[Action]) -> None:
    out = tmp_path / "result.json"
    out.write_text('{"earlier": true}\n', encoding="utf-8")
    disk_full_for_files(monkeypatch, "write")
    code = play(monkeypatch, answers(rt, SEED, script, 0)[0], "--result-json", str(out))
    err = capsys.readouterr().err
    assert code == 1
    assert f"{out}: cannot write the result (No space left on device) — free some disk space " \
           f"or give another file with --result-json; any earlier file there is unchanged" in err
    assert out.read_text(encoding="utf-8") == '{"earlier": true}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "result.json"]
    monkeypatch.undo()
    assert integrity(data_dir) == "ok"
    assert saved_steps(data_dir) == (len(script), "won")  # the database has the attempt


def test_input_ending_while_the_database_is_full_does_not_claim_the_attempt_is_saved(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data_dir: Path,
        rt: Runtime, script: list[Action]) -> None:
    full_at_commits(monkeypatch, 4, 10 ** 6)  # full from action 3 to the end of input
    typed, acts = answers(rt, SEED, script, 0)
    code = play(monkeypatch, typed[:acts.index(8)])
    captured = capsys.readouterr()
    assert code == 1
    assert "Your attempt is saved" not in captured.out
    assert "Your attempt is kept up to its last saved action." in captured.err
    assert saved_steps(data_dir) == (2, None) and integrity(data_dir) == "ok"
