"""Lint rules: checks of meaning that the schema alone cannot express.

One rule per module. Each module has a docstring showing passing and failing YAML and a
`check(scenario, locator)` that yields `Problem`s and prints nothing.
"""
from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import Protocol

from game.problems import Locator, Problem
from game.schema import Scenario

RULE_MODULES: tuple[str, ...] = (
    "references",
    "choice_ids",
    "tactics",
    "reachability",
    "dead_ends",
    "needs_revealable",
    "counters",
    "winnable",
    "flags",
    "qualification",
    "variants",  # runs the others on every variant
)


class Rule(Protocol):
    """What a rule module provides."""

    def check(self, scenario: Scenario, locator: Locator) -> Iterator[Problem]: ...


def rules() -> list[Rule]:
    """The rule modules, in a fixed order."""
    return [importlib.import_module(f"game.lint.{name}") for name in RULE_MODULES]  # type: ignore[misc]


def run_rules(scenario: Scenario, locator: Locator) -> list[Problem]:
    """Every problem every rule finds."""
    found: list[Problem] = []
    for rule in rules():
        found.extend(rule.check(scenario, locator))
    return found
