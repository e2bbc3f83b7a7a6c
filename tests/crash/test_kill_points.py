"""kill -9 at seeded random points of scripted text plays of the shipped scenarios (as
subprocesses, with --player and their own QUALIFIED_DATA_DIR): after every kill the database
passes `PRAGMA integrity_check`, nothing confirmed is lost, the attempt resumes with
--resume, and the resumed game ends with the same path and score as the script played in one
go. Ten kills in CI; bench/crash_soak.py does a hundred plays.

tests/store/test_kill_and_resume.py kills mini.yaml at three fixed points; these draw the
points (at a prompt, in flight, at the start) and kill the resumed games again.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from bench.playouts import winning_paths
from game.loader import load_scenario
from game.runtime import Runtime
from tests.crash.harness import (answers, expected_result, play_with_kills, random_script,
                                 recorded_script, run_to_end, same_play)

ROOT = Path(__file__).resolve().parents[2]
# (scenario, seed, script: the recorded winning path or a seeded random trainee, kills)
CASES = [
    ("tutorial-first-deal", 1, "recorded", 3),
    ("clinica-del-sol", 1, "recorded", 3),  # Spanish: prompts and names with accents
    ("calder-freight", 7, "random", 2),
    ("harlow-precision", 3, "random", 2),
]


@pytest.mark.parametrize("name,seed,kind,kills", CASES, ids=[c[0] for c in CASES])
def test_killed_and_resumed_plays_end_like_uninterrupted_ones(tmp_path: Path, name: str,
                                                              seed: int, kind: str,
                                                              kills: int) -> None:
    path = ROOT / "scenarios" / f"{name}.yaml"
    loaded = load_scenario(path)
    assert loaded.scenario is not None
    rt = Runtime(loaded.scenario)
    rng = random.Random(f"{name}:{seed}")
    script = (recorded_script(rt, seed, winning_paths()[name]) if kind == "recorded"
              else random_script(rt, seed, rng))
    expected = expected_result(rt, seed, script)
    assert expected["outcome"] in ("won", "lost")

    whole = run_to_end(path, seed, tmp_path / "whole", answers(rt, seed, script, 0)[0],
                       "--result-json", str(tmp_path / "whole.json"))
    assert whole.returncode == 0, whole.stderr
    assert same_play(json.loads((tmp_path / "whole.json").read_text(encoding="utf-8")),
                     expected) == []

    (tmp_path / "killed").mkdir()
    outcome = play_with_kills(path, rt, seed, script, tmp_path / "killed" / "data", kills, rng)
    assert outcome.problems == [], outcome.kills
    assert outcome.final is not None
    assert same_play(outcome.final, expected) == [], outcome.kills
    assert all(k.integrity in ("ok", "absent") for k in outcome.kills)
    if kind == "recorded":
        assert expected["outcome"] == "won"
