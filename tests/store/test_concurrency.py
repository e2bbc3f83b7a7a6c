"""Two game instances writing to one data folder lose nothing."""
from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from game.store import open_store
from tests.store.writer import play_attempts

ROOT = Path(__file__).resolve().parents[2]


def _check_everything_kept(expected: dict[str, set[str]]) -> None:
    with open_store() as store:
        records = store.attempts()
        assert {r.attempt.id for r in records} == set().union(*expected.values())
        for record in records:
            a = record.attempt
            assert a.id in expected[a.player]
            assert a.finished is not None and record.result is not None
            actions = store.actions(a.id)
            assert [x.seq for x in actions] == list(range(1, a.steps + 1))
            assert a.steps == len(record.result["path"]) > 0
            assert [x.entry for x in actions] == record.result["path"]


def test_two_processes_writing_at_once_lose_nothing(data_dir: Path) -> None:
    env = {**os.environ, "QUALIFIED_DATA_DIR": str(data_dir), "PYTHONIOENCODING": "utf-8"}
    players = {"Núñez": 1, "Ana": 2}
    procs = {name: subprocess.Popen([sys.executable, "-m", "tests.store.writer", name, "15",
                                     str(seed)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True, encoding="utf-8")
             for name, seed in players.items()}
    expected = {}
    for name, proc in procs.items():
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        expected[name] = set(out.split())
        assert len(expected[name]) == 15
    _check_everything_kept(expected)


def test_threads_with_their_own_store_lose_nothing(data_dir: Path) -> None:
    expected: dict[str, set[str]] = {}
    errors: list[BaseException] = []

    def writer(name: str, seed: int) -> None:
        try:
            with open_store(busy_timeout=30.0) as store:
                expected[name] = set(play_attempts(store, name, 8, seed))
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(name, seed))
               for seed, name in enumerate(("Ana", "Bea", "Ciro"), 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    _check_everything_kept(expected)
