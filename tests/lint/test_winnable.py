"""The winnable rule: a decision-maker, a close, authority, enough interest and needs."""
from __future__ import annotations

from typing import TYPE_CHECKING

from game.lint import winnable

if TYPE_CHECKING:
    from .conftest import ScenarioBuilder


def test_base_scenario_can_be_won(scenario: ScenarioBuilder) -> None:
    assert scenario.run(winnable) == []


def test_no_decision_maker(scenario: ScenarioBuilder) -> None:
    scenario.person("dana")["role"] = "influencer"
    [problem] = scenario.run(winnable)
    assert (problem.code, problem.level, problem.line, problem.col) == \
        scenario.expect("cannot-win", "warning", "stakeholders:")
    assert "decision_maker" in problem.message


def test_several_decision_makers_is_an_error(scenario: ScenarioBuilder) -> None:
    scenario.person("sam")["role"] = "decision_maker"
    [problem] = scenario.run(winnable)
    assert (problem.code, problem.level, problem.line, problem.col) == \
        scenario.expect("several-decision-makers", "error", "role: decision_maker",
                        len("role: "), nth=1)
    assert "Sam Ortiz" in problem.message and "Dana Reyes" in problem.message


def test_decision_maker_without_a_close_choice(scenario: ScenarioBuilder) -> None:
    scenario.choice("dana", "pains", 2)["tactic"] = "small_talk"
    [problem] = scenario.run(winnable)
    assert (problem.code, problem.level, problem.line, problem.col) == \
        scenario.expect("cannot-win", "warning", "  dana:\n", 2)
    assert "tactic: close" in problem.message


def test_a_close_in_someone_elses_conversation_does_not_count(
        scenario: ScenarioBuilder) -> None:
    scenario.choice("dana", "pains", 2)["tactic"] = "small_talk"
    scenario.choice("sam", "hello", 0)["tactic"] = "close"
    scenario.copy_choice("sam", "hello", 0, text="Something else", tactic="discovery")
    assert scenario.found(winnable) == [scenario.expect("cannot-win", "warning", "  dana:\n", 2)]


def test_no_role_hint_about_the_decision_maker(scenario: ScenarioBuilder) -> None:
    scenario.choice("dana", "hello", 1)["effects"]["role_hints"][0]["about"] = "sam"
    [problem] = scenario.run(winnable)
    assert (problem.code, problem.level, problem.line, problem.col) == \
        scenario.expect("cannot-win", "warning", "  dana:\n", 2)
    assert "authority" in problem.message


def test_interest_out_of_reach(scenario: ScenarioBuilder) -> None:
    scenario.data["close"]["interest"] = 3
    [problem] = scenario.run(winnable)
    assert (problem.code, problem.level, problem.line, problem.col) == \
        scenario.expect("cannot-win", "warning", "interest: 3", len("interest: "))
    assert "only build 2" in problem.message


def test_interest_counts_events_and_pitches(scenario: ScenarioBuilder) -> None:
    scenario.data["close"]["interest"] = 4
    scenario.data["events"]["doubt"]["effects"]["interest"] = 1
    scenario.choice("dana", "hello", 1)["effects"]["interest"] = -1  # negatives are ignored
    assert scenario.found(winnable) == [
        scenario.expect("cannot-win", "warning", "interest: 4", len("interest: "))]
    scenario.data["needs"]["errors"] = {"text": "Order errors", "benefit": "efficiency"}
    scenario.choice("dana", "pains", 0)["effects"]["pitch"].append("errors")
    # pitched to Dana, who does not care about it: no interest from that pitch
    assert scenario.found(winnable) == [
        scenario.expect("cannot-win", "warning", "interest: 4", len("interest: "))]
    scenario.person("dana")["cares_about"].append("errors")
    assert scenario.run(winnable) == []


def test_repeatable_interest_is_unbounded(scenario: ScenarioBuilder) -> None:
    scenario.data["close"]["interest"] = 4
    scenario.choice("dana", "hello", 0)["once"] = False
    assert scenario.run(winnable) == []


def test_close_attempts_repeat_by_default(scenario: ScenarioBuilder) -> None:
    scenario.data["close"]["interest"] = 4
    scenario.choice("dana", "pains", 2)["effects"] = {"interest": 1}
    assert scenario.run(winnable) == []
    scenario.choice("dana", "pains", 2)["once"] = True
    assert len(scenario.run(winnable)) == 1


def test_too_few_revealable_needs(scenario: ScenarioBuilder) -> None:
    scenario.data["close"]["needs"] = 2
    [problem] = scenario.run(winnable)
    assert (problem.code, problem.level, problem.line, problem.col) == \
        scenario.expect("cannot-win", "warning", "needs: 2", len("needs: "))
    assert "only 1 can ever be revealed" in problem.message


def test_close_rule_left_to_defaults_is_located_at_the_top(scenario: ScenarioBuilder) -> None:
    del scenario.data["close"]  # defaults: interest 3, needs 1
    assert scenario.found(winnable) == [("cannot-win", "warning", 1, 1)]


def test_decision_maker_nobody_introduces(scenario: ScenarioBuilder) -> None:
    scenario.person("dana")["requires_introduction"] = True
    scenario.person("sam")["requires_introduction"] = False
    [problem] = scenario.run(winnable)
    assert (problem.code, problem.level, problem.line, problem.col) == \
        scenario.expect("cannot-win", "warning", "requires_introduction: true",
                        len("requires_introduction: "), nth=0)
    assert "introduce: [dana]" in problem.message
    scenario.choice("sam", "hello", 0)["effects"]["introduce"] = ["dana"]
    assert scenario.run(winnable) == []


def test_nobody_can_be_met_first(scenario: ScenarioBuilder) -> None:
    scenario.person("dana")["requires_introduction"] = True
    problems = scenario.run(winnable)
    first = [p for p in problems if p.code == "nobody-to-meet"]
    assert [(p.code, p.level, p.line, p.col) for p in first] == \
        [scenario.expect("nobody-to-meet", "error", "stakeholders:")]
    assert "at least one person" in first[0].message
