"""The rule registry as a whole: the base scenario is clean, every rule is documented."""
from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from game.lint import RULE_MODULES, rules

if TYPE_CHECKING:
    from .conftest import ScenarioBuilder


def test_base_scenario_loads_without_any_problem(scenario: ScenarioBuilder) -> None:
    result = scenario.load()
    assert [p.format() for p in result.problems] == []
    assert result.scenario is not None


@pytest.mark.parametrize("name", RULE_MODULES)
def test_every_rule_module_documents_passing_and_failing_yaml(name: str) -> None:
    module = next(m for m in rules() if m.__name__ == f"game.lint.{name}")  # type: ignore[attr-defined]
    doc = module.__doc__ or ""
    assert "Passing" in doc and "Failing" in doc
    assert module.check.__doc__


def test_problems_from_rules_are_sorted_into_the_load_result(scenario: ScenarioBuilder) -> None:
    scenario.choice("dana", "hello", 0)["next"] = "pians"   # error (references) ...
    scenario.node("sam", "hello")["choices"] = []           # ... and a warning (dead_ends)
    result = scenario.load()
    assert result.scenario is None
    assert [(p.code, p.level) for p in result.problems] == [
        ("unknown-node", "error"), ("unreachable-node", "warning"), ("dead-end", "warning"),
        ("objection-never-raised", "warning")]
    assert result.problems == sorted(result.problems)
