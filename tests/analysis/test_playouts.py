"""Seeded random play: exact figures, the same however the runs are split, coverage counts."""
from __future__ import annotations

import pytest

from game.analysis import playouts
from game.analysis.playouts import Playouts, RandomPlay, play_runs, random_play
from game.runtime import Runtime
from game.schema import Scenario

from .conftest import TINY, load


def test_figures_of_200_runs(tiny_rt: Runtime) -> None:
    result = play_runs(tiny_rt, 0, 0, 200)
    assert (result.runs, result.wins, result.choices_made, result.turns_used) == (200, 14, 1365, 577)
    assert result.to_dict() == {
        "runs": 200, "wins": 14, "win_rate": 0.07,
        "score_percentiles": {"p10": 2.0, "p50": 12.0, "p90": 58.0},
        "mean_score": 21.1, "best_score": 80.8,  # blind random tags earn nothing; no choice, no points
        "end_reasons": {"closed": 14, "closes-exhausted": 24, "out-of-turns": 162},
        "choices_made": 1365, "mean_turns": 2.88, "variants": {}}
    assert dict(result.node_runs) == {("ana", "hi"): 175, ("bo", "hi"): 167, ("bo", "worry"): 119}
    assert dict(result.choice_runs) == {"ana/hi/0": 86, "ana/hi/1": 78, "ana/hi/2": 112,
                                        "bo/hi/0": 119, "bo/worry/0": 53}


def test_another_seed_plays_differently(tiny_rt: Runtime) -> None:
    assert play_runs(tiny_rt, 1, 0, 200).totals != play_runs(tiny_rt, 0, 0, 200).totals


def test_chunks_merge_into_the_same_figures(tiny_rt: Runtime) -> None:
    whole = play_runs(tiny_rt, 5, 0, 300)
    parts = Playouts()
    for start, stop in ((0, 120), (120, 121), (121, 300)):
        parts.merge(play_runs(tiny_rt, 5, start, stop))
    assert parts == whole


def test_worker_processes_give_the_same_figures(tiny_rt: Runtime,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    serial = random_play(tiny_rt, 600, 7, jobs=1)
    monkeypatch.setattr(playouts, "PARALLEL_FROM", 1)
    monkeypatch.setattr(playouts, "CHUNK", 100)
    seen: list[tuple[int, int]] = []
    play = RandomPlay(tiny_rt, 600, 7, jobs=2, progress=lambda done, total: seen.append((done, total)))
    assert play._pool is not None            # really in workers
    assert play.result() == serial
    assert seen == [(100 * i, 600) for i in range(1, 7)]


def test_no_runs(tiny_rt: Runtime) -> None:
    result = random_play(tiny_rt, 0)
    assert result.runs == 0 and result.win_rate == 0.0
    assert result.percentiles() == {"p10": 0.0, "p50": 0.0, "p90": 0.0}


def test_an_unreachable_node_is_never_reached(tiny: Scenario) -> None:
    scenario = load(TINY.replace("        worry:\n", "        lost:\n          say: Lost.\n"
                                 "          end: true\n        worry:\n"))
    result = play_runs(Runtime(scenario), 0, 0, 100)
    assert result.node_runs[("bo", "lost")] == 0 and result.node_runs[("bo", "worry")] > 0


def test_end_nodes_count_as_reached() -> None:
    scenario = load(TINY.replace(
        "              effects: {counter: {objection: risk, using: pilot}}\n              next: end",
        "              effects: {counter: {objection: risk, using: pilot}}\n              next: bye")
        .replace("        worry:\n", "        bye: {say: Fine., end: true}\n        worry:\n"))
    result = play_runs(Runtime(scenario), 0, 0, 200)
    assert result.node_runs[("bo", "bye")] == result.choice_runs["bo/worry/0"] > 0


def test_variants_are_counted_per_run() -> None:
    scenario = load(TINY + "variants:\n  stances:\n    ana: [0.0, 0.1]\n")
    result = play_runs(Runtime(scenario), 0, 0, 60)
    assert sorted(result.variant_runs) == ["stance ana +0.00", "stance ana +0.05",
                                           "stance ana +0.10"]
    assert sum(result.variant_runs.values()) == 60
