"""One attempt, one game at a time (issue #16): a second game is refused while the first plays,
takes over once the first is gone — kill -9 included — and a game that lost its attempt never
writes to it again."""
from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from game.engine import Game
from game.runtime import Runtime
from game.store import AttemptBusy, StoreError, open_store
from game.store import lease as lease_module
from game.store.clock import to_text
from tests.store.helpers import WIN, Clock, act, play_recorded, scenario
from tests.store.test_kill_and_resume import ANSWERS, Player, _command, _env


def test_a_second_store_cannot_resume_restart_or_abandon_an_attempt_being_played(
        clock: Clock) -> None:
    sc = scenario()
    rt = Runtime(sc)
    with open_store(clock=clock) as first, open_store(clock=clock) as second:
        attempt = first.start_attempt("Núñez", "mini.yaml", sc, 42)
        game = play_recorded(first, attempt, Game(rt, seed=42), WIN[:4])
        found = second.unfinished("núñez", "mini")
        assert found is not None and found.id == attempt.id
        with pytest.raises(AttemptBusy, match="being played in another game window or "
                                              r"terminal right now \(process \d+ on this "
                                              "computer"):
            second.resume(found, rt)
        with pytest.raises(AttemptBusy):
            second.start_attempt("Núñez", "mini.yaml", sc, 7)  # "start over" closes it
        with pytest.raises(AttemptBusy):
            second.abandon(found)
        play_recorded(first, attempt, game, WIN[4:])  # the first plays on, undisturbed
        first.finish(attempt, game)
        assert second.attempts()[0].result is not None
        assert [a.entry for a in second.actions(attempt.id)] == game.state.path


def test_the_attempt_is_free_once_its_game_closes_or_releases_it(clock: Clock) -> None:
    sc = scenario()
    rt = Runtime(sc)
    first = open_store(clock=clock)
    attempt = first.start_attempt("Núñez", "mini.yaml", sc, 42)
    play_recorded(first, attempt, Game(rt, seed=42), WIN[:3])
    with open_store(clock=clock) as second:
        with pytest.raises(AttemptBusy):
            second.resume(attempt, rt)
        first.release(attempt)
        game = second.resume(attempt, rt)  # at once: no waiting for a heartbeat
        play_recorded(second, attempt, game, WIN[3:5])
        second.close()
    first.close()
    with open_store(clock=clock) as third:
        assert len(third.resume(attempt, rt).state.path) == 5
    assert not list((third.path.parent / "attempt-locks").glob("*.lock"))  # tidied away


def test_a_game_that_lost_its_attempt_never_writes_to_it(clock: Clock) -> None:
    sc = scenario()
    rt = Runtime(sc)
    with open_store(clock=clock) as first, open_store(clock=clock) as second:
        attempt = first.start_attempt("Núñez", "mini.yaml", sc, 42)
        game = play_recorded(first, attempt, Game(rt, seed=42), WIN[:3])
        # a game on another computer sharing the folder took it over (as after STALE)
        second.conn.execute("UPDATE attempts SET lease_owner = 'elsewhere', lease_host = "
                            "'pc-2', lease_pid = 77 WHERE id = ?", (attempt.id,))
        act(game, WIN[3])
        with pytest.raises(AttemptBusy, match="taken over by another game .*process 77 on "
                                              "the computer 'pc-2'.*not saved here"):
            first.record(attempt, game)
        assert second.actions(attempt.id)[-1].seq == 3


def test_a_game_whose_attempt_was_played_on_elsewhere_does_not_append_to_it(
        clock: Clock) -> None:
    sc = scenario()
    rt = Runtime(sc)
    with open_store(clock=clock) as first, open_store(clock=clock) as second:
        attempt = first.start_attempt("Núñez", "mini.yaml", sc, 42)
        game = play_recorded(first, attempt, Game(rt, seed=42), WIN[:2])
        first.release(attempt)
        other = second.resume(attempt, rt)
        play_recorded(second, attempt, other, ["dana/hi/2"])  # not what the first would do
        second.release(attempt)
        act(game, WIN[2])
        act(game, WIN[3])
        with pytest.raises(StoreError, match="played on in another game since this one saved"):
            first.record(attempt, game)
        assert [a.entry.get("key") for a in first.actions(attempt.id)][-1] == "dana/hi/2"


def test_another_computers_lease_is_taken_only_once_its_heartbeat_is_stale(
        clock: Clock) -> None:
    sc = scenario()
    rt = Runtime(sc)
    with open_store(clock=clock) as store:
        attempt = store.start_attempt("Núñez", "mini.yaml", sc, 42)
        play_recorded(store, attempt, Game(rt, seed=42), WIN[:2])
        store.release(attempt)
        beat = clock.now - timedelta(minutes=9)
        store.conn.execute("UPDATE attempts SET lease_owner = 'pc2-token', lease_host = 'pc-2', "
                           "lease_pid = 4121, lease_beat = ? WHERE id = ?",
                           (to_text(beat), attempt.id))
        with pytest.raises(AttemptBusy, match="process 4121 on the computer 'pc-2', last "
                                              "action 9 minutes ago"):
            store.resume(attempt, rt)
        clock.advance(minutes=1, seconds=5)  # now past STALE (10 minutes)
        assert len(store.resume(attempt, rt).state.path) == 2


def test_without_file_locks_a_live_process_keeps_its_attempt(
        clock: Clock, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_locks(fd: int) -> bool:
        raise OSError(38, "Function not implemented")

    monkeypatch.setattr(lease_module, "_lock", no_locks)
    sc = scenario()
    rt = Runtime(sc)
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    dead_pid = int(gone.stdout)
    with open_store(clock=clock) as first, open_store(clock=clock) as second:
        attempt = first.start_attempt("Núñez", "mini.yaml", sc, 42)
        play_recorded(first, attempt, Game(rt, seed=42), WIN[:2])
        with pytest.raises(AttemptBusy):  # our own process is alive
            second.resume(attempt, rt)
        second.conn.execute("UPDATE attempts SET lease_pid = ? WHERE id = ?",
                            (dead_pid, attempt.id))
        assert len(second.resume(attempt, rt).state.path) == 2


def test_two_terminals_one_attempt_the_second_is_refused_and_the_first_finishes(
        data_dir: Path) -> None:
    first = Player(data_dir)
    first.wait_prompts(1)
    for n in range(4):
        first.type(ANSWERS[n])
        first.wait_prompts(n + 2)
    for answer in ("1", "2"):  # "Resume it", then "Start over"
        second = subprocess.run(_command(), cwd=Path(__file__).resolve().parents[2],
                                env=_env(data_dir), input=answer + "\n" + "\n".join(ANSWERS),
                                capture_output=True, text=True, encoding="utf-8", timeout=120)
        assert second.returncode == 1, second.stdout[-1500:]
        assert "is being played in another game window or terminal right now" in second.stderr
        assert "Traceback" not in second.stderr
    for n in range(4, len(ANSWERS)):
        first.type(ANSWERS[n])
    assert first.proc.stdin is not None
    first.proc.stdin.close()
    assert first.proc.wait(timeout=120) == 0
    with open_store() as store:
        (record,) = store.attempts()
        assert record.attempt.outcome == "won" and record.result is not None
        assert [a.entry for a in store.actions(record.attempt.id)] == record.result["path"]


def test_a_killed_game_does_not_lock_its_attempt(data_dir: Path) -> None:
    first = Player(data_dir)
    first.wait_prompts(1)
    for n in range(3):
        first.type(ANSWERS[n])
        first.wait_prompts(n + 2)
    first.kill()  # kill -9: the lease's lock goes with the process, its row stays
    with open_store() as store:
        (attempt,) = [r.attempt for r in store.attempts()]
        row = store.conn.execute("SELECT lease_owner, lease_pid FROM attempts").fetchone()
        assert row["lease_owner"] and row["lease_pid"] == first.proc.pid
        game = store.resume(attempt, Runtime(scenario()))  # at once, no waiting
        assert len(game.state.path) == 3
