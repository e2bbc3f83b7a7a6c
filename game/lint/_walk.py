"""Walking a scenario's conversations with the YAML path of each part, for lint rules."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from game.problems import Path
from game.schema import Choice, Node, Scenario


@dataclass(frozen=True)
class ChoiceAt:
    """A choice with where it stands: stakeholder, node, index and YAML path."""

    stakeholder: str
    node: str
    index: int
    choice: Choice
    path: Path


def nodes(scenario: Scenario) -> Iterator[tuple[str, str, Node, Path]]:
    """Every (stakeholder id, node id, node, path) of every conversation."""
    for sid, person in scenario.stakeholders.items():
        for nid, node in person.conversation.nodes.items():
            yield sid, nid, node, ("stakeholders", sid, "conversation", "nodes", nid)


def choices(scenario: Scenario) -> Iterator[ChoiceAt]:
    """Every choice of every conversation."""
    for sid, nid, node, path in nodes(scenario):
        for index, choice in enumerate(node.choices):
            yield ChoiceAt(sid, nid, index, choice, path + ("choices", index))
