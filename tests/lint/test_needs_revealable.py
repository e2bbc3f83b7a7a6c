"""The needs_revealable rule: every need can be discovered and has a holder."""
from __future__ import annotations

from typing import TYPE_CHECKING

from game.lint import needs_revealable

if TYPE_CHECKING:
    from .conftest import ScenarioBuilder


def test_base_scenario_needs_are_revealable(scenario: ScenarioBuilder) -> None:
    assert scenario.run(needs_revealable) == []


def test_need_nothing_reveals(scenario: ScenarioBuilder) -> None:
    del scenario.choice("dana", "hello", 0)["effects"]["reveal_needs"]
    [problem] = scenario.run(needs_revealable)
    assert (problem.code, problem.level, problem.line, problem.col) == \
        scenario.expect("need-never-revealed", "warning", "  overtime:\n", 2)
    assert "reveal_needs: [overtime]" in problem.message


def test_an_event_can_reveal_a_need(scenario: ScenarioBuilder) -> None:
    del scenario.choice("dana", "hello", 0)["effects"]["reveal_needs"]
    scenario.data["events"]["doubt"]["effects"]["reveal_needs"] = ["overtime"]
    assert scenario.run(needs_revealable) == []


def test_need_nobody_cares_about(scenario: ScenarioBuilder) -> None:
    scenario.person("dana")["cares_about"] = []
    assert scenario.found(needs_revealable) == [
        scenario.expect("need-without-holder", "warning", "  overtime:\n", 2)]


def test_new_need_gets_both_warnings(scenario: ScenarioBuilder) -> None:
    scenario.data["needs"]["errors"] = {"text": "Typing errors in orders", "benefit": "efficiency"}
    assert scenario.found(needs_revealable) == [
        scenario.expect("need-never-revealed", "warning", "errors:"),
        scenario.expect("need-without-holder", "warning", "errors:"),
    ]


def test_revealing_an_undeclared_need_does_not_count(scenario: ScenarioBuilder) -> None:
    scenario.choice("dana", "hello", 0)["effects"]["reveal_needs"] = ["ghost"]
    result = scenario.load(lint=False)
    assert result.scenario is not None
    assert needs_revealable.revealable_needs(result.scenario) == set()
    assert scenario.load().scenario is None  # the references rule calls 'ghost' an error
