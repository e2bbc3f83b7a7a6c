"""The dead_ends rule: a node offers choices or ends the meeting."""
from __future__ import annotations

from typing import TYPE_CHECKING

from game.lint import dead_ends

if TYPE_CHECKING:
    from .conftest import ScenarioBuilder


def test_base_scenario_has_no_dead_end(scenario: ScenarioBuilder) -> None:
    assert scenario.run(dead_ends) == []


def test_node_without_choices_or_end(scenario: ScenarioBuilder) -> None:
    scenario.node("sam", "hello")["choices"] = []
    [problem] = scenario.run(dead_ends)
    assert (problem.code, problem.level, problem.line, problem.col) == \
        scenario.expect("dead-end", "warning", "hello:", nth=1)
    assert "Sam Ortiz" in problem.message and "`end: true`" in problem.message


def test_node_that_ends_the_meeting_is_fine(scenario: ScenarioBuilder) -> None:
    scenario.person("sam")["conversation"]["nodes"]["hello"] = {"say": "Go away.", "end": True}
    assert scenario.run(dead_ends) == []


def test_end_node_with_choices(scenario: ScenarioBuilder) -> None:
    node = scenario.node("dana", "hello")
    node["end"] = True
    found = scenario.found(dead_ends)
    assert found == [scenario.expect("end-with-choices", "warning", "end: true")]
