"""The tactics rule: a choice's tactic and its effects agree."""
from __future__ import annotations

from typing import TYPE_CHECKING

from game.lint import tactics

if TYPE_CHECKING:
    from .conftest import ScenarioBuilder


def test_base_scenario_tactics_agree(scenario: ScenarioBuilder) -> None:
    assert scenario.run(tactics) == []


def test_pitch_without_pitch_effect(scenario: ScenarioBuilder) -> None:
    del scenario.choice("dana", "pains", 0)["effects"]
    assert scenario.found(tactics) == [
        scenario.expect("pitch-without-needs", "warning", "tactic: pitch", len("tactic: "))]


def test_pitch_effect_on_another_tactic(scenario: ScenarioBuilder) -> None:
    scenario.choice("dana", "pains", 0)["tactic"] = "small_talk"
    [problem] = scenario.run(tactics)
    assert (problem.code, problem.level, problem.line, problem.col) == \
        scenario.expect("pitch-on-other-tactic", "warning", "pitch:\n", nth=0)
    assert "'small_talk'" in problem.message


def test_counter_without_counter_effect(scenario: ScenarioBuilder) -> None:
    del scenario.choice("dana", "pains", 1)["effects"]
    assert scenario.found(tactics) == [
        scenario.expect("counter-without-objection", "warning", "tactic: counter",
                        len("tactic: "))]


def test_counter_effect_on_another_tactic(scenario: ScenarioBuilder) -> None:
    scenario.choice("dana", "pains", 1)["tactic"] = "discovery"
    assert scenario.found(tactics) == [
        scenario.expect("counter-on-other-tactic", "warning", "counter:\n")]


def test_introduction_without_anyone(scenario: ScenarioBuilder) -> None:
    scenario.choice("dana", "hello", 2)["effects"] = {"interest": 1}
    assert scenario.found(tactics) == [
        scenario.expect("introduction-without-anyone", "warning", "tactic: introduction",
                        len("tactic: "))]


def test_referral_inside_a_conversation(scenario: ScenarioBuilder) -> None:
    scenario.copy_choice("dana", "pains", 2, id="ask_referral", text="Who else needs this?",
                         tactic="referral")
    [problem] = scenario.run(tactics)
    assert (problem.code, problem.level, problem.line, problem.col) == \
        scenario.expect("referral-in-conversation", "warning", "tactic: referral",
                        len("tactic: "))
    assert "top-level `referral:`" in problem.message


def test_event_using_stance_or_trust(scenario: ScenarioBuilder) -> None:
    scenario.data["events"]["doubt"]["effects"] = {"stance": -0.2, "trust": -0.1}
    found = scenario.found(tactics)
    assert found == [
        scenario.expect("event-without-person", "warning", "stance: -0.2"),
        scenario.expect("event-without-person", "warning", "trust: -0.1"),
    ]
    assert "stance_of" in scenario.run(tactics)[0].message


def test_choice_using_stance_is_fine(scenario: ScenarioBuilder) -> None:
    scenario.choice("dana", "hello", 0)["effects"]["stance"] = 0.1
    assert scenario.run(tactics) == []


def test_event_pitch_counter_and_person_tests(scenario: ScenarioBuilder) -> None:
    event = scenario.data["events"]["doubt"]
    event["effects"]["pitch"] = ["overtime"]
    event["effects"]["counter"] = {"objection": "risk", "using": "pilot"}
    event["if"]["trust_min"] = 0.5
    assert scenario.found(tactics) == [
        scenario.expect("event-without-person", "warning", "trust_min: 0.5"),
        scenario.expect("event-trainee-action", "warning", "pitch:", nth=1),
        scenario.expect("event-trainee-action", "warning", "counter:", nth=1),
    ]
