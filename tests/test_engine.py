"""Engine tests: play choice sequences on the fixture scenario and assert state and score."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from game import effects, rules
from game.engine import Game, GameOver
from game.loader import find_scenario_files, load_scenario
from game.runtime import Runtime
from game.schema import Effects
from game.scoring import debrief, score
from game.state import PlayState, StateVersionError
from tests.conftest import MINI_TAGS, MINI_WIN, play

ROOT = Path(__file__).resolve().parent.parent
PITCH_OVERTIME = Effects(pitch=["overtime"])


def won_game(rt: Runtime, ask_referral: bool = True) -> Game:
    game = Game(rt, seed=7)
    play(game, MINI_WIN, MINI_TAGS)
    game.choose_key("referral:ask" if ask_referral else "referral:skip")
    return game


def test_good_path_wins_with_expected_score(mini_rt: Runtime) -> None:
    game = won_game(mini_rt)
    s = game.state
    assert (s.outcome, s.end_reason, s.phase) == ("won", "closed", "over")
    assert s.turn == 3
    assert set(s.needs_known) == {"overtime", "price"}
    assert s.objections["risk"]["state"] == "resolved"
    assert s.deal_value == 10000  # a back-end saving was shown: no discount
    result = score(mini_rt, s)
    comps = result.competencies
    assert comps["discovery"] == (20.0, 20.0)
    assert comps["qualification"] == (20.0, 20.0)
    assert comps["saboteurs"] == (15.0, 15.0)
    assert comps["value_pitch"] == (20.0, 20.0)
    # won on turn 3 of 4: 0.6 + 0.25 * 2/4 + 0.15 * 1 = 0.875 of 15
    assert comps["closing"] == (13.1, 15.0)
    assert s.referral == "lost"  # Marta's trust 0.3 is below the referral bar 0.4
    assert result.total == pytest.approx(100 * sum(v for v, _ in comps.values()) / 100, abs=0.05)


def test_same_choices_same_state_and_path(mini_rt: Runtime) -> None:
    a, b = won_game(mini_rt), won_game(mini_rt)
    assert a.state.to_dict() == b.state.to_dict()
    assert json.dumps(a.state.path) == json.dumps(b.state.path)


def test_marta_needs_an_introduction(mini_rt: Runtime) -> None:
    game = Game(mini_rt)
    marta = next(o for o in game.options() if o.key == "meet:marta")
    assert not marta.available
    assert marta.reason == ("needs-introduction", {"who": "marta"})
    with pytest.raises(ValueError):
        game.choose_key("meet:marta")
    play(game, ["meet:dana", "dana/hi/1"])
    assert "marta" in game.state.introduced


def test_once_choices_stay_listed_but_unavailable(mini_rt: Runtime) -> None:
    game = Game(mini_rt)
    play(game, ["meet:dana", "dana/hi/0"])
    asked = next(o for o in game.options() if o.key == "dana/hi/0")
    assert not asked.available and asked.reason == ("already-said", {})
    assert [o.key for o in game.available()] == ["dana/hi/1", "dana/hi/2", "leave"]


def test_premature_pitch_is_a_mistake_and_costs_stance(mini_rt: Runtime) -> None:
    game = Game(mini_rt)
    lines = play(game, ["meet:dana", "dana/hi/2"])
    assert any(line.code == "pitch-premature" for line in lines)
    entry = game.state.path[-1]
    assert entry["mark"] == "mistake" and "mistake:premature-pitch" in entry["notes"]
    assert game.state.bad_pitches == 1
    assert game.state.anchor["dana"] == pytest.approx(0.2 + rules.PREMATURE_PITCH)
    assert "overtime" not in game.state.pitched


def test_irrelevant_pitch_is_a_mistake(mini_rt: Runtime) -> None:
    game = Game(mini_rt)
    play(game, ["meet:dana", "dana/hi/0", "dana/hi/1", "leave", "meet:marta"])
    marks: list[str] = []
    effects.pitch(game.state, game.rt, PITCH_OVERTIME, "marta", [], marks)  # Dana's pain
    assert marks == ["mistake:irrelevant-pitch"]
    assert game.state.bad_pitches == 1
    assert "overtime" not in game.state.pitched


def test_wrong_counter_keeps_objection_open() -> None:
    from game.loader import load_scenario_text
    from tests.conftest import MINI
    text = MINI.read_text(encoding="utf-8").replace("using: pilot", "using: discount")
    result = load_scenario_text(text, "wrong.yaml", lint=False)
    assert result.scenario is not None
    game = Game(result.scenario)
    lines = play(game, ["meet:ines", "ines/hi/0", "ines/hi/1"])
    assert any(line.code == "counter-failed" for line in lines)
    assert game.state.objections["risk"]["state"] == "open"
    assert game.state.wrong_counters == 1
    assert game.state.path[-1]["mark"] == "mistake"


def test_unchecked_saboteur_event_fires_and_lowers_the_decision_maker(mini_rt: Runtime) -> None:
    game = Game(mini_rt)
    play(game, ["meet:ines", "ines/hi/0", "leave"])
    assert "memo" not in game.state.fired  # the memo is for turn 2
    lines = play(game, ["meet:dana", "leave"])
    events = [line for line in lines if line.kind == "event"]
    assert [e.params["event"] for e in events] == ["memo"]
    assert "memo" in game.state.fired
    assert game.state.anchor["marta"] < -0.2  # −0.2 from the memo, and doubt from the objection


def test_influence_update_follows_friedkin_johnsen(mini_rt: Runtime) -> None:
    state = Game(mini_rt).state
    state.stance.update({"dana": 0.6, "marta": 0.0, "ines": -0.4})
    state.anchor.update({"dana": 0.6, "marta": 0.1, "ines": -0.4})
    rules.spread_influence(mini_rt, state)
    # Marta: openness 0.5 × (0.5·0.6 + 0.3·(−0.4) + 0.2·0.0) + 0.5 × 0.1 = 0.14
    assert state.stance["marta"] == pytest.approx(0.14)
    assert state.stance["dana"] == pytest.approx(0.6)


def test_the_written_out_influence_step_is_the_matrix_update() -> None:
    # game/codegen.py writes the step out per buying centre; it must be x' = o·(W x) + (1−o)·a
    rng = np.random.default_rng(5)
    for path in find_scenario_files(str(ROOT / "scenarios")):
        rt = Runtime(load_scenario(path).scenario)  # type: ignore[arg-type]
        state = Game(rt).state
        for _ in range(3):
            x = rng.uniform(-1, 1, len(rt.order))
            a = rng.uniform(-1, 1, len(rt.order))
            state.stance.update(zip(rt.order, x.tolist()))
            state.anchor.update(zip(rt.order, a.tolist()))
            expected = np.clip(rt.openness * (rt.influence @ x) + (1 - rt.openness) * a, -1, 1)
            rt.influence_step(state)
            assert [state.stance[sid] for sid in rt.order] == pytest.approx(expected.tolist())
            assert [state.anchor[sid] for sid in rt.order] == a.tolist()


def test_close_with_the_friendly_contact_fails_with_reasons(mini_rt: Runtime) -> None:
    game = Game(mini_rt)
    play(game, ["meet:dana", "dana/hi/0"])
    decision = rules.decide_close(mini_rt, game.state, "dana")
    codes = [code for code, _ in decision.reasons]
    assert not decision.won
    assert codes == ["not-decision-maker", "interest", "authority", "stance"]


def test_premature_close_costs_stance_and_ends_the_meeting(mini_rt: Runtime) -> None:
    game = Game(mini_rt)
    play(game, ["meet:dana", "dana/hi/1", "leave", "meet:marta"])
    before = game.state.anchor["marta"]
    lines = play(game, ["marta/hi/2"])
    failed = next(line for line in lines if line.code == "close-failed")
    assert ["need", {"known": 0, "needed": 1}] in failed.params["reasons"]
    assert game.state.phase == "between"
    assert game.state.premature_closes == 1 and game.state.close_attempts == 1
    assert game.state.anchor["marta"] == pytest.approx(before + rules.FAILED_CLOSE_STANCE)
    assert game.state.qualified_at_close == {"need": False, "interest": False, "authority": True}


def test_second_failed_close_loses(mini_rt: Runtime) -> None:
    game = Game(mini_rt)
    play(game, ["meet:dana", "dana/hi/1", "leave", "meet:marta", "marta/hi/2", "meet:marta",
                "marta/hi/2"])
    assert (game.state.outcome, game.state.end_reason) == ("lost", "closes-exhausted")
    with pytest.raises(GameOver):
        game.choose(0)


def test_running_out_of_turns_loses(mini_rt: Runtime) -> None:
    game = Game(mini_rt)
    for _ in range(4):
        play(game, ["meet:dana", "leave"])
    assert (game.state.outcome, game.state.end_reason, game.state.turn) == ("lost", "out-of-turns", 4)
    assert game.options() == []
    assert score(mini_rt, game.state).competencies["closing"] == (0.0, 15.0)


def test_no_discount_only_when_back_end_saving_shown(mini_rt: Runtime) -> None:
    game = Game(mini_rt)
    play(game, ["meet:dana", "dana/hi/0", "dana/hi/1", "leave", "meet:marta", "marta/hi/0",
                "marta/hi/1", "leave", "meet:dana"])
    state = game.state
    assert rules.final_deal_value(mini_rt, state) == pytest.approx(9000)  # 10 % off
    state.pitched["overtime"] = {"turn": 3, "to": "dana"}
    assert rules.final_deal_value(mini_rt, state) == pytest.approx(10000)


def test_debrief_lists_missed_opportunities_with_turns(mini_rt: Runtime) -> None:
    game = Game(mini_rt)
    play(game, ["meet:dana", "dana/hi/0", "leave", "meet:ines", "ines/hi/0", "leave"])
    game.abandon()
    report = debrief(mini_rt, game.state)
    missed = {(m.code, m.turn) for m in report.missed}
    assert ("need-not-pitched", 1) in missed
    assert ("objection-open", 2) in missed
    # an attempt given up names nobody's role: abandoning to read the roles teaches nothing
    assert not {code for code, _ in missed} & {"saboteur-not-tagged",
                                               "decision-maker-not-tagged",
                                               "influencer-not-met"}
    assert report.outcome == "abandoned"
    assert report.timeline[0]["feedback"] == "Open questions uncover pains."
    assert report.timeline[0]["mark"] == "good"


def test_question_not_asked_is_missed(mini_rt: Runtime) -> None:
    game = Game(mini_rt)
    play(game, ["meet:dana", "leave"])
    game.abandon()
    missed = [m for m in debrief(mini_rt, game.state).missed if m.code == "question-not-asked"]
    assert [(m.turn, m.params["needs"]) for m in missed] == [(1, ["overtime"])]


def test_exchange_cap_ends_a_looping_meeting() -> None:
    from game.loader import load_scenario_text
    text = """
id: loop
title: Loop
language: en
account: {company: A, product: B}
briefing: x
turns: 2
stakeholders:
  a:
    name: A
    title: T
    role: decision_maker
    conversation:
      start: n
      nodes:
        n:
          say: again?
          choices:
            - {text: again, tactic: small_talk, once: false}
"""
    result = load_scenario_text(text, "loop.yaml", lint=False)
    assert result.scenario is not None, result.problems
    game = Game(result.scenario)
    game.choose_key("meet:a")
    for _ in range(rules.MAX_EXCHANGES):
        game.choose_key("a/n/0")
    assert game.state.phase == "between" and game.state.turn == 1


def test_state_round_trips_through_json(mini_rt: Runtime) -> None:
    game = Game(mini_rt, seed=11)
    play(game, ["meet:dana", "dana/hi/0"])
    game.tag("ines", "saboteur")
    data = json.loads(json.dumps(game.state.to_dict()))
    restored = Game(mini_rt, state=PlayState.from_dict(data))
    assert restored.state.to_dict() == game.state.to_dict()
    play(restored, ["dana/hi/1"])
    play(game, ["dana/hi/1"])
    assert restored.state.to_dict() == game.state.to_dict()


@pytest.mark.parametrize("data", [[], {"version": 99}, {"version": 1, "scenario_id": "mini",
                                                          "seed": 0, "phase": "dancing"}])
def test_bad_saved_states_are_refused(data: object) -> None:
    with pytest.raises(StateVersionError):
        PlayState.from_dict(data)


def test_state_for_another_scenario_is_refused(mini_rt: Runtime) -> None:
    with pytest.raises(StateVersionError, match="scenario"):
        Game(mini_rt, state=PlayState(scenario_id="other", seed=0))


def test_damaged_state_for_this_scenario_is_refused(mini_rt: Runtime) -> None:
    game = Game(mini_rt)
    play(game, ["meet:dana", "dana/hi/0"])
    data = game.state.to_dict()
    data["objections"] = {"risk": {"state": "maybe", "raised": 1}}
    with pytest.raises(StateVersionError, match="objections"):
        Game(mini_rt, state=PlayState.from_dict(data))
    data = game.state.to_dict()
    data["node"] = "nowhere"
    with pytest.raises(StateVersionError, match="current meeting"):
        Game(mini_rt, state=PlayState.from_dict(data))


def test_tags_are_recorded_in_the_path(mini_rt: Runtime) -> None:
    game = Game(mini_rt)
    game.tag("dana", "decision_maker")
    game.tag("dana", None)
    assert "dana" not in game.state.tags
    assert [e["kind"] for e in game.state.path] == ["tag", "tag"]
    with pytest.raises(ValueError):
        game.tag("dana", "boss")


def _mini_variant(old: str, new: str) -> Game:
    from game.loader import load_scenario_text
    from tests.conftest import MINI
    result = load_scenario_text(MINI.read_text(encoding="utf-8").replace(old, new), "v.yaml",
                                lint=False)
    assert result.scenario is not None, result.problems
    return Game(result.scenario)


def test_a_shared_need_lands_with_each_holder_once() -> None:
    game = _mini_variant("cares_about: [price]", "cares_about: [price, overtime]")
    play(game, ["meet:dana", "dana/hi/0", "dana/hi/1", "dana/hi/2", "meet:marta"])
    before = game.state.anchor["marta"]
    interest = game.state.interest
    lines: list = []
    marks: list[str] = []
    effects.pitch(game.state, game.rt, PITCH_OVERTIME, "marta", lines, marks)
    assert marks == ["pitch-landed"]
    assert game.state.anchor["marta"] == pytest.approx(before + rules.PITCH_GAIN)
    assert game.state.interest == interest  # one benefit raises the account's interest once
    assert game.state.pitched["overtime"]["also"] == ["marta"]
    effects.pitch(game.state, game.rt, PITCH_OVERTIME, "marta", lines, marks := [])
    assert marks == [] and lines[-1].code == "pitch-repeated"


def test_a_vague_clue_does_not_establish_authority() -> None:
    game = _mini_variant("role_hints: [{about: marta, text: Marta signs anything over 5k.}]",
                         "role_hints: [{about: marta, text: Ask Marta maybe?, vague: true}]")
    play(game, ["meet:dana", "dana/hi/1", "leave", "meet:marta"])
    assert game.state.hints[0]["vague"] is True
    assert rules.checklist(game.rt, game.state)["authority"] is False


def test_scores_round_halves_up() -> None:
    # 0.6 × 0.575 + 0.4 is 0.745, which floats sum to a hair below: plain round gave 7.4
    from game.scoring import tenths

    relationship = 10 * (0.6 * ((0.65 + 0.5) / 2) + 0.2 + 0.2)
    assert round(relationship, 1) == 7.4 and tenths(relationship) == 7.5
    assert tenths(8.25) == 8.3 and tenths(8.24) == 8.2 and tenths(0.0) == 0.0
