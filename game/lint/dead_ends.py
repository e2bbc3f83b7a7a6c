"""A node either offers choices or ends the meeting (warning).

Passing:

    pains:
      say: "Overtime, mostly."
      end: true

Failing — the stakeholder speaks and the trainee has nothing to answer; a node that ends the
meeting but lists choices nobody will see:

    pains:
      say: "Overtime, mostly."
    bye:
      say: "Must go."
      end: true
      choices:
        - {text: "Wait!", tactic: small_talk}
"""
from __future__ import annotations

from collections.abc import Iterator

from game.lint._walk import nodes
from game.problems import Locator, Problem
from game.schema import Scenario


def check(scenario: Scenario, locator: Locator) -> Iterator[Problem]:
    """Yield a warning for every node with no choices that does not end the meeting, and for
    every node that ends the meeting yet lists choices (they are never offered)."""
    for sid, nid, node, path in nodes(scenario):
        if not node.choices and not node.end:
            name = scenario.stakeholders[sid].name
            yield locator.problem(
                path, "warning", "dead-end",
                f"node '{nid}' of {name}'s conversation has no choices and does not end the "
                "meeting, so the meeting stops here with nothing to say — add choices or "
                "`end: true`", key=True)
        if node.choices and node.end:
            yield locator.problem(
                path + ("end",), "warning", "end-with-choices",
                f"node '{nid}' ends the meeting, so its {len(node.choices)} choice(s) are never "
                "offered — remove `end: true` or move the choices to another node", key=True)
