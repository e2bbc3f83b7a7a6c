"""Lint rule: flags tested but never set."""
from __future__ import annotations

from game.lint import flags
from tests.lint.conftest import ScenarioBuilder


def test_clean_base_has_no_flag_problems(scenario: ScenarioBuilder) -> None:
    assert scenario.run(flags) == []


def test_flag_tested_but_never_set_with_did_you_mean(scenario: ScenarioBuilder) -> None:
    first = scenario.choice("dana", "hello", 0)
    first.setdefault("effects", {})["set_flags"] = ["pilot_agreed"]
    scenario.choice("dana", "hello", 1)["if"] = {"flags": ["pilot_agred"]}
    [problem] = scenario.run(flags)
    assert (problem.code, problem.level, problem.line, problem.col) == \
        scenario.expect("flag-never-set", "warning", "pilot_agred")
    assert "did you mean 'pilot_agreed'" in problem.message
