"""A node either offers choices or ends the meeting (warning).

Passing:

    pains:
      say: "Overtime, mostly."
      end: true

Failing — the stakeholder speaks and the trainee has nothing to answer:

    pains:
      say: "Overtime, mostly."
"""
from __future__ import annotations

from collections.abc import Iterator

from game.lint._walk import nodes
from game.problems import Locator, Problem
from game.schema import Scenario


def check(scenario: Scenario, locator: Locator) -> Iterator[Problem]:
    """Yield a warning for every node with no choices that does not end the meeting."""
    for sid, nid, node, path in nodes(scenario):
        if not node.choices and not node.end:
            name = scenario.stakeholders[sid].name
            yield locator.problem(
                path, "warning", "dead-end",
                f"node '{nid}' of {name}'s conversation has no choices and does not end the "
                "meeting, so the meeting stops here with nothing to say — add choices or "
                "`end: true`", key=True)
