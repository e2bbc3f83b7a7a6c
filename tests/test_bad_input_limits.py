"""Huge broken files are refused or reported without taking seconds (design.md §7: bad input
refused within 2 s and 300 MB; bench/bad_input_bench.py measures the real processes)."""
from __future__ import annotations

import pytest

from game import problems, yamlsafe
from game.loader import load_scenario_text
from game.problems import HintBudget, Problem, in_order
from game.schema import NO_EFFECTS, Choice
from tests.conftest import MINI


def test_a_file_with_too_many_values_is_refused_where_the_count_passes(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlsafe, "MAX_VALUES", 50)
    text = "".join(f"k{i}: v\n" for i in range(40))  # 80 keys and values
    found = yamlsafe.read_yaml_text(text, "big.yaml").problems
    # the file's own mapping is the first value, so the 51st is the key on line 25
    assert [(p.line, p.code) for p in found] == [(25, "too-many-values")]
    assert "more than 50 keys and values" in found[0].message
    fine = yamlsafe.read_yaml_text("".join(f"k{i}: v\n" for i in range(24)), "ok.yaml")
    assert fine.problems == [] and len(fine.data) == 24  # 49 values


def test_every_unknown_key_is_reported_but_hints_stop_at_the_budget(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(problems, "HINTS_MAX", 3)
    text = MINI.read_text(encoding="utf-8") + "".join(f"titel{i}: x\n" for i in range(6))
    found = [p for p in load_scenario_text(text, "s.yaml").problems if p.code == "unknown-key"]
    assert len(found) == 6
    assert sum("did you mean 'title'" in p.message for p in found) == 3


def test_the_hint_budget_counts_down() -> None:
    budget = HintBudget(2)
    assert [budget.take() for _ in range(4)] == [True, True, False, False]


def test_problems_in_order_is_the_dataclass_order() -> None:
    found = [Problem("b.yaml", 3, 1, "error", "x", "m"),
             Problem("a.yaml", 9, 2, "warning", "y", "n"),
             Problem("a.yaml", 9, 2, "error", "y", "n"),
             Problem("a.yaml", 2, 5, "error", "z", "o")]
    assert in_order(found) == sorted(found)


def test_choices_without_effects_share_the_one_default() -> None:
    # a plain `= Effects()` default is deep-copied by pydantic for every choice: 12,000 choices
    # took over a second to validate
    a = Choice.model_validate({"text": "x", "tactic": "discovery"})
    b = Choice.model_validate({"text": "y", "tactic": "discovery"})
    assert a.effects is b.effects is NO_EFFECTS
