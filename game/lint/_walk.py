"""Walking a scenario's conversations with the YAML path of each part, for lint rules."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from game.problems import Path
from game.schema import Choice, Node, Scenario

T = TypeVar("T")


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


def choices(scenario: Scenario) -> tuple[ChoiceAt, ...]:
    """Every choice of every conversation (worked out once per scenario: most rules walk them,
    and a large file holds tens of thousands)."""
    return remembered(scenario, "choices", lambda: tuple(
        ChoiceAt(sid, nid, index, choice, path + ("choices", index))
        for sid, nid, node, path in nodes(scenario)
        for index, choice in enumerate(node.choices)))


_WALKS: dict[tuple[int, str], tuple[Scenario, Any]] = {}


def remembered(scenario: Scenario, name: str, make: Callable[[], T]) -> T:
    """`make()`, kept for the last scenario walked (scenarios are frozen once loaded)."""
    hit = _WALKS.get((id(scenario), name))
    if hit is not None and hit[0] is scenario:
        return hit[1]  # type: ignore[no-any-return]
    if len(_WALKS) >= 8:
        _WALKS.clear()
    value = make()
    _WALKS[(id(scenario), name)] = (scenario, value)
    return value
