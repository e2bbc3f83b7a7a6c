"""The choice_ids rule: choices of one node have distinct ids and distinct text."""
from __future__ import annotations

from typing import TYPE_CHECKING

from game.lint import choice_ids

if TYPE_CHECKING:
    from .conftest import ScenarioBuilder


def test_base_scenario_has_distinct_choices(scenario: ScenarioBuilder) -> None:
    assert scenario.run(choice_ids) == []


def test_duplicate_id_in_one_node_is_an_error(scenario: ScenarioBuilder) -> None:
    scenario.choice("dana", "hello", 1)["id"] = "ask_pains"
    [problem] = scenario.run(choice_ids)
    assert (problem.code, problem.level, problem.line, problem.col) == \
        scenario.expect("duplicate-id", "error", "- id: ask_pains", len("- id: "), nth=1)
    assert "like choice 1" in problem.message and "'hello'" in problem.message


def test_same_id_in_different_nodes_is_fine(scenario: ScenarioBuilder) -> None:
    scenario.choice("dana", "pains", 0)["id"] = "ask_pains"
    scenario.choice("sam", "hello", 0)["id"] = "ask_pains"
    assert scenario.run(choice_ids) == []


def test_identical_text_in_one_node_is_a_warning(scenario: ScenarioBuilder) -> None:
    scenario.choice("dana", "hello", 2)["text"] = "What  slows your team DOWN?"
    assert scenario.found(choice_ids) == [
        scenario.expect("duplicate-text", "warning", "What  slows", )]


def test_copied_choice_gives_both_problems(scenario: ScenarioBuilder) -> None:
    scenario.copy_choice("dana", "pains", 2)
    assert scenario.found(choice_ids) == [
        scenario.expect("duplicate-id", "error", "- id: close", len("- id: "), nth=1),
        scenario.expect("duplicate-text", "warning", "Shall we start", nth=1),
    ]


def test_choices_without_ids_are_not_duplicates(scenario: ScenarioBuilder) -> None:
    for choice in scenario.node("dana", "hello")["choices"]:
        del choice["id"]
    assert scenario.run(choice_ids) == []
