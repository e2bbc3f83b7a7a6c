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
from game.messages import msg
from game.problems import Locator, Problem
from game.schema import Scenario


def check(scenario: Scenario, locator: Locator) -> Iterator[Problem]:
    """Yield a warning for every node with no choices that does not end the meeting, and for
    every node that ends the meeting yet lists choices (they are never offered)."""
    for sid, nid, node, path in nodes(scenario):
        if not node.choices and not node.end:
            name = scenario.stakeholders[sid].name
            yield locator.problem(path, "warning", "dead-end",
                                  msg("dead-end", node=nid, name=name), key=True)
        if node.choices and node.end:
            yield locator.problem(
                path + ("end",), "warning", "end-with-choices",
                msg("end-with-choices", node=nid, n=len(node.choices)), key=True)
