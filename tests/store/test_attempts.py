"""Attempts: each action saved as it is made, resume by replay, finish, start over, play time."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from game.engine import Game
from game.result import result_dict
from game.runtime import Runtime
from game.store import ResumeError, Store, StoreError, open_store
from tests.store.helpers import LOSE, WIN, Clock, act, full_attempt, play_recorded, scenario


def test_every_action_is_in_the_database_when_record_returns(store: Store,
                                                             data_dir: Path) -> None:
    sc = scenario()
    attempt = store.start_attempt("Núñez", "mini.yaml", sc, 42)
    game = Game(Runtime(sc), seed=42)
    other = sqlite3.connect(data_dir / "qualified.sqlite3")  # another reader, like a new process
    for n, action in enumerate(WIN, 1):
        act(game, action)
        store.record(attempt, game)
        steps, state = other.execute("SELECT steps, state FROM attempts").fetchone()
        saved = other.execute("SELECT COUNT(*) FROM actions").fetchone()[0]
        assert steps == saved == n
        assert json.loads(state) == game.state.to_dict()
    other.close()


@pytest.mark.parametrize("stop", range(len(WIN)))
def test_a_resumed_attempt_ends_like_an_uninterrupted_one(clock: Clock, stop: int) -> None:
    sc = scenario()
    rt = Runtime(sc)
    whole = Game(rt, seed=42)
    for action in WIN:
        act(whole, action)
    with open_store(clock=clock) as first:
        attempt = first.start_attempt("Núñez", "mini.yaml", sc, 42)
        play_recorded(first, attempt, Game(rt, seed=42), WIN[:stop])
        # the process dies here: no finish, no close beyond the connection
    with open_store(clock=clock) as second:
        found = second.unfinished("núñez", "mini")
        assert found is not None and found.id == attempt.id and found.steps == stop
        game = second.resume(found, rt)
        assert len(game.state.path) == stop
        play_recorded(second, found, game, WIN[stop:])
        assert second.finish(found, game) == set()
        stored = second.attempts()[0]
    expected = result_dict(whole, "Núñez")
    assert stored.result is not None
    assert stored.result["path"] == expected["path"]
    assert stored.result["score"] == expected["score"]
    assert stored.attempt.outcome == "won" and stored.attempt.total == expected["score"]["total"]


def test_resume_refuses_an_attempt_whose_scenario_changed(store: Store) -> None:
    sc = scenario()
    attempt = store.start_attempt("Ana", "mini.yaml", sc, 1)
    play_recorded(store, attempt, Game(Runtime(sc), seed=1), WIN[:4])
    moved = scenario(a="stance: 0.2|stance: 0.6")  # same choices, different numbers
    with pytest.raises(ResumeError, match="does not give the saved state.*Start the scenario"):
        store.resume(attempt, Runtime(moved))
    cut = scenario(a="            - text: RouteWise cuts overtime.\n"
                     "              tactic: pitch\n"
                     "              effects: {pitch: [overtime]}\n"
                     "              next: end\n|")
    with pytest.raises(ResumeError, match="step 4 .* cannot be replayed"):
        store.resume(attempt, Runtime(cut))
    with pytest.raises(ResumeError, match="scenario 'mini'"):
        store.resume(attempt, Runtime(scenario(a="id: mini|id: other")))
    assert store.resume(attempt, Runtime(sc)).state.path[-1]["key"] == "dana/hi/2"


def test_input_ending_keeps_the_attempt_resumable(store: Store) -> None:
    sc = scenario()
    rt = Runtime(sc)
    attempt = store.start_attempt("Ana", "mini.yaml", sc, 5)
    game = play_recorded(store, attempt, Game(rt, seed=5), WIN[:3])
    before = game.state.to_dict()
    game.abandon()  # what the text front end does at the end of input
    store.record(attempt, game)
    again = store.resume(store.unfinished("Ana", "mini"), rt)  # type: ignore[arg-type]
    assert again.state.to_dict() == before and not again.over


def test_starting_over_closes_the_unfinished_attempt_as_abandoned(store: Store) -> None:
    sc = scenario()
    old = store.start_attempt("Ana", "mini.yaml", sc, 5)
    play_recorded(store, old, Game(Runtime(sc), seed=5), WIN[:2])
    new = store.start_attempt("ana", "mini.yaml", sc, 6)
    assert store.unfinished("Ana", "mini") == new
    by_id = {r.attempt.id: r.attempt for r in store.attempts()}
    assert by_id[old.id].outcome == "abandoned" and by_id[old.id].finished is not None
    with pytest.raises(StoreError, match="already closed"):
        store.record(old, Game(Runtime(sc), seed=5))
    store.abandon(new)
    assert store.unfinished("Ana", "mini") is None


def test_finish_needs_a_game_that_is_over_and_records_an_abandoned_one(store: Store) -> None:
    sc = scenario()
    attempt = store.start_attempt("Ana", "mini.yaml", sc, 5)
    game = play_recorded(store, attempt, Game(Runtime(sc), seed=5), WIN[:2])
    with pytest.raises(ValueError, match="over"):
        store.finish(attempt, game)
    game.abandon()
    assert store.finish(attempt, game) == set()
    record = store.attempts()[0]
    assert record.attempt.outcome == "abandoned" and record.result is not None
    assert record.result["outcome"] == "abandoned" and len(store.actions(attempt.id)) == 2


def test_play_time_counts_sessions_not_the_pause_between(store: Store, clock: Clock) -> None:
    clock.step = clock.step * 0  # only explicit moves
    sc = scenario()
    rt = Runtime(sc)
    attempt = store.start_attempt("Ana", "mini.yaml", sc, 5)
    game = Game(rt, seed=5)
    for action in WIN[:3]:
        clock.advance(seconds=10)
        act(game, action)
        store.record(attempt, game)
    clock.advance(days=2)  # the laptop was closed
    game = store.resume(attempt, rt)
    for action in WIN[3:5]:
        clock.advance(seconds=5)
        act(game, action)
        store.record(attempt, game)
    assert store.attempts()[0].active_seconds == pytest.approx(40.0)
    assert [a.at for a in store.actions(attempt.id)][-1] > [a.at for a in
                                                           store.actions(attempt.id)][0]


def test_record_catches_up_when_calls_were_missed(store: Store) -> None:
    sc = scenario()
    attempt = store.start_attempt("Ana", "mini.yaml", sc, 5)
    game = Game(Runtime(sc), seed=5)
    for action in WIN[:5]:
        act(game, action)
    assert store.record(attempt, game) == 5
    assert store.record(attempt, game) == 0
    assert [a.seq for a in store.actions(attempt.id)] == [1, 2, 3, 4, 5]
    assert store.resume(attempt, Runtime(sc)).state.to_dict() == game.state.to_dict()


def test_record_refuses_a_game_of_another_attempt(store: Store) -> None:
    sc = scenario()
    attempt = store.start_attempt("Ana", "mini.yaml", sc, 5)
    with pytest.raises(StoreError, match="not attempt"):
        store.record(attempt, Game(Runtime(sc), seed=6))


def test_player_names_keep_accents_and_ignore_case(store: Store) -> None:
    sc = scenario()
    full_attempt(store, "  Núñez  ", sc, 1, LOSE)
    full_attempt(store, "NÚÑEZ", sc, 2, LOSE)
    full_attempt(store, "álvaro", sc, 3, LOSE)
    assert store.players() == ["álvaro", "Núñez"]
    assert {r.attempt.player for r in store.attempts(player="núñez")} == {"Núñez"}
    assert len(store.attempts(player="núñez")) == 2
    for bad in ("", "   ", "bell\x07", "x" * 81):
        with pytest.raises(ValueError):
            store.start_attempt(bad, "mini.yaml", sc, 1)


def test_accents_survive_the_round_trip(store: Store) -> None:
    from tests.store.helpers import spanish
    sc = spanish()
    attempt, game, _ = full_attempt(store, "Núñez", sc, 7, WIN)
    record = store.attempts()[0]
    assert record.info["title"] == "Venta de rutas — Logística Núñez"
    assert record.info["stakeholders"]["ines"] == "Inés Núñez"
    assert record.result is not None and record.result["player"] == "Núñez"
    asked = [a.interaction for a in store.actions(attempt.id) if a.entry["kind"] == "choice"]
    assert asked[0]["answer"] == "¿Cómo planificáis las rutas hoy?"
    assert asked[0]["prompt"] == "Hello there."
    meet = store.actions(attempt.id)[0].interaction
    assert meet["prompt"] == "¿Con quién te reúnes?"
