"""The bundled scenarios: each validates with no problem, can be won well by a recorded path,
is not won by always taking the first option or (mostly) by random play, and — for the Spanish
ones — keeps every accent from file to result JSON.

`WINNING_PATHS` (tests/winning_paths.py, one file per scenario in tests/paths/) records a good
player's path per scenario id; bench/playouts.py reads these paths to report each scenario's par.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest

from bench.playouts import play_steps, random_playout, variant_seeds
from game import rules
from game.engine import Game
from game.loader import load_scenario
from game.result import result_dict
from game.runtime import Runtime
from game.scoring import score, verdict
from tests.winning_paths import WINNING_PATHS

ROOT = Path(__file__).resolve().parent.parent
SCENARIO_FILES = sorted((ROOT / "scenarios").glob("*.yaml"))
SPANISH_MARKS = "áéíóúñ¿¡"

PAR_MIN = 85.0
RANDOM_RUNS = 300
RANDOM_WIN_MAX = 0.40
RANDOM_P90_SHARE = 0.80


def _load(path: Path) -> Runtime:
    loaded = load_scenario(path)
    assert loaded.scenario is not None, [p.format() for p in loaded.problems]
    return Runtime(loaded.scenario)


def _ids() -> list[str]:
    return [p.stem for p in SCENARIO_FILES]


def test_there_are_bundled_scenarios() -> None:
    assert len(SCENARIO_FILES) >= 2
    languages = {_load(p).scenario.language for p in SCENARIO_FILES}
    assert {"en", "es"} <= languages


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=_ids())
def test_validates_with_no_problem_at_all(path: Path) -> None:
    loaded = load_scenario(path)
    assert [p.format() for p in loaded.problems] == []
    assert loaded.scenario is not None
    assert loaded.scenario.id == path.stem
    assert path.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../docs/scenario.schema.json\n")


def _play_recorded(rt: Runtime, seed: int) -> Game:
    """The recorded path played with `seed`, choosing options by key (game.choose_key)."""
    steps = WINNING_PATHS.get(rt.scenario.id)
    assert steps is not None, f"record a winning path for {rt.scenario.id} in WINNING_PATHS"
    return play_steps(rt, steps, seed)


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=_ids())
def test_recorded_path_wins_with_a_high_score_in_every_variant(path: Path) -> None:
    rt = _load(path)
    for seed in variant_seeds(rt.scenario):
        game = _play_recorded(rt, seed)
        if rules.walking_away_right(game.rt, game.state):  # format 1.2: a deal not to chase
            assert rules.disqualified(game.rt, game.state), f"seed {seed}"
            assert verdict(game.rt, game.state).passed, f"seed {seed}"
        else:
            assert game.state.outcome == "won", f"seed {seed}"
            if rt.scenario.referral is not None:
                assert game.state.referral == "won", f"seed {seed}"
        # the seed's own variant scores the attempt (game.rt), as the result file does
        assert score(game.rt, game.state).total >= PAR_MIN, f"seed {seed}"


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=_ids())
def test_recorded_path_wins_whatever_the_starting_stances(path: Path) -> None:
    rt = _load(path)
    if rt.scenario.variants is None or not rt.scenario.variants.stances:
        pytest.skip("no stance ranges")
    for seed in range(0, 60, 3):
        game = _play_recorded(rt, seed)
        assert game.state.outcome == "won" or rules.disqualified(game.rt, game.state), \
            f"seed {seed}"
        assert score(game.rt, game.state).total >= PAR_MIN, f"seed {seed}"


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=_ids())
def test_first_option_every_time_does_not_win(path: Path) -> None:
    rt = _load(path)
    game = Game(rt, seed=1)
    for _ in range(1000):
        if game.over:
            break
        first = next(i for i, o in enumerate(game.options()) if o.available)
        game.choose(first)
    assert game.state.outcome != "won"


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=_ids())
def test_random_play_rarely_wins_and_scores_well_below_par(path: Path) -> None:
    rt = _load(path)
    par = min(score(g.rt, g.state).total
              for g in (_play_recorded(rt, seed) for seed in variant_seeds(rt.scenario)))
    rng = random.Random(20_240_601)
    results = [random_playout(rt, rng, 0.1) for _ in range(RANDOM_RUNS)]
    win_rate = sum(won for won, _ in results) / RANDOM_RUNS
    p90 = float(np.percentile([total for _, total in results], 90))
    assert win_rate <= RANDOM_WIN_MAX
    assert p90 < RANDOM_P90_SHARE * par


SPANISH_FILES = [p for p in SCENARIO_FILES if _load(p).scenario.language.startswith("es")]


@pytest.mark.parametrize("path", SPANISH_FILES, ids=[p.stem for p in SPANISH_FILES])
def test_spanish_text_survives_load_play_and_result_json(path: Path) -> None:
    raw = path.read_bytes().decode("utf-8")
    for mark in SPANISH_MARKS:
        assert mark in raw, f"{path.name} has no {mark!r}"
    rt = _load(path)
    loaded_text = rt.scenario.model_dump_json()
    assert json.loads(loaded_text)  # the frozen model round-trips through JSON
    for mark in SPANISH_MARKS:
        assert mark in json.dumps(rt.scenario.model_dump(mode="json"), ensure_ascii=False)
    game = play_steps(rt, WINNING_PATHS[rt.scenario.id])
    dumped = json.dumps(result_dict(game, "Íñigo Muñoz"), ensure_ascii=False)
    for mark in SPANISH_MARKS:
        assert mark in dumped, f"{mark!r} lost on the way to the result JSON"
    assert json.loads(dumped)["player"] == "Íñigo Muñoz"
    # every choice the path took appears in the result exactly as written in the file
    for entry in json.loads(dumped)["debrief"]["timeline"]:
        assert entry["text"] in raw or " ".join(entry["text"].split()) in " ".join(raw.split())
