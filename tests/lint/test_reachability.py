"""The reachability rule: nodes reachable from `start`, introductions available."""
from __future__ import annotations

from typing import TYPE_CHECKING

from game.lint import reachability

if TYPE_CHECKING:
    from .conftest import ScenarioBuilder


def test_base_scenario_is_all_reachable(scenario: ScenarioBuilder) -> None:
    assert scenario.run(reachability) == []


def test_node_no_choice_leads_to(scenario: ScenarioBuilder) -> None:
    del scenario.choice("dana", "hello", 0)["next"]
    [problem] = scenario.run(reachability)
    assert (problem.code, problem.level, problem.line, problem.col) == \
        scenario.expect("unreachable-node", "warning", "pains:\n", nth=0)
    assert "start: hello" in problem.message


def test_link_from_an_unreachable_node_does_not_count(scenario: ScenarioBuilder) -> None:
    nodes = scenario.person("dana")["conversation"]["nodes"]
    nodes["island"] = {"say": "Lost.", "choices": [
        {"text": "Back", "tactic": "small_talk", "next": "island_two"}]}
    nodes["island_two"] = {"say": "Also lost.", "end": True}
    assert scenario.found(reachability) == [
        scenario.expect("unreachable-node", "warning", "island:"),
        scenario.expect("unreachable-node", "warning", "island_two:"),
    ]


def test_cycle_and_end_links_are_followed(scenario: ScenarioBuilder) -> None:
    scenario.choice("dana", "pains", 0)["next"] = "hello"
    scenario.choice("dana", "pains", 1)["next"] = "end"
    assert scenario.run(reachability) == []


def test_missing_start_is_left_to_references(scenario: ScenarioBuilder) -> None:
    scenario.person("dana")["conversation"]["start"] = "nowhere"
    assert scenario.run(reachability) == []


def test_stakeholder_nobody_introduces(scenario: ScenarioBuilder) -> None:
    del scenario.choice("dana", "hello", 2)["effects"]["introduce"]
    [problem] = scenario.run(reachability)
    assert (problem.code, problem.level, problem.line, problem.col) == \
        scenario.expect("never-introduced", "warning", "requires_introduction: true",
                        len("requires_introduction: "))
    assert "Sam Ortiz" in problem.message


def test_an_event_can_introduce(scenario: ScenarioBuilder) -> None:
    del scenario.choice("dana", "hello", 2)["effects"]["introduce"]
    scenario.data["events"]["doubt"]["effects"]["introduce"] = ["sam"]
    assert scenario.run(reachability) == []
