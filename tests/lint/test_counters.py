"""The counters rule: saboteur objections can be answered, and objections get raised."""
from __future__ import annotations

from typing import TYPE_CHECKING

from game.lint import counters

if TYPE_CHECKING:
    from .conftest import ScenarioBuilder


def test_base_scenario_objections_are_answerable(scenario: ScenarioBuilder) -> None:
    assert scenario.run(counters) == []


def test_saboteur_objection_without_any_counter(scenario: ScenarioBuilder) -> None:
    del scenario.choice("dana", "pains", 1)["effects"]["counter"]
    [problem] = scenario.run(counters)
    assert (problem.code, problem.level, problem.line, problem.col) == \
        scenario.expect("no-working-counter", "warning", "- pilot")
    assert "Sam Ortiz" in problem.message and "(pilot)" in problem.message


def test_counter_using_the_wrong_answer_does_not_work(scenario: ScenarioBuilder) -> None:
    scenario.choice("dana", "pains", 1)["effects"]["counter"]["using"] = "discount"
    assert scenario.found(counters) == [
        scenario.expect("no-working-counter", "warning", "- pilot")]


def test_objection_of_a_non_saboteur_needs_no_counter(scenario: ScenarioBuilder) -> None:
    del scenario.choice("dana", "pains", 1)["effects"]["counter"]
    scenario.person("sam")["role"] = "influencer"
    assert scenario.run(counters) == []


def test_objection_nothing_raises(scenario: ScenarioBuilder) -> None:
    del scenario.choice("sam", "hello", 0)["effects"]
    [problem] = scenario.run(counters)
    assert (problem.code, problem.level, problem.line, problem.col) == \
        scenario.expect("objection-never-raised", "warning", "risk:\n")
    assert "raise_objections" in problem.message


def test_an_event_can_raise_an_objection(scenario: ScenarioBuilder) -> None:
    del scenario.choice("sam", "hello", 0)["effects"]
    scenario.data["events"]["doubt"]["effects"]["raise_objections"] = ["risk"]
    assert scenario.run(counters) == []
