"""Every place a scenario holds effects or conditions (choices and events), with YAML paths.

Lint rules that ask "does anything ever reveal / introduce / raise / counter X?" walk these
instead of repeating the loop over conversations and events.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from game.lint._walk import choices, remembered
from game.problems import Path
from game.schema import Choice, Condition, Effects, Scenario


@dataclass(frozen=True)
class EffectsAt:
    """Effects of one choice or event, and the YAML path of its `effects` mapping.

    `choice` is None for an event; `stakeholder` is whose conversation holds the choice;
    `repeatable` says whether the effects can apply more than once in a playthrough.
    """

    effects: Effects
    path: Path
    choice: Choice | None = None
    stakeholder: str | None = None
    repeatable: bool = False


def effects(scenario: Scenario) -> tuple[EffectsAt, ...]:
    """The effects of every choice, then of every event (worked out once per scenario)."""
    return remembered(scenario, "effects", lambda: tuple(_effects(scenario)))


def _effects(scenario: Scenario) -> Iterator[EffectsAt]:
    for at in choices(scenario):
        yield EffectsAt(at.choice.effects, at.path + ("effects",), at.choice, at.stakeholder,
                        repeatable=not at.choice.said_once())
    for eid, event in scenario.events.items():
        # an event bound to a turn fires on that turn only, whatever `once` says
        yield EffectsAt(event.effects, ("events", eid, "effects"),
                        repeatable=not event.once and event.turn is None)


def conditions(scenario: Scenario) -> Iterator[tuple[Condition, Path]]:
    """Every `if:` condition of a choice or an event, with the path of that `if` mapping."""
    for at in choices(scenario):
        if at.choice.when is not None:
            yield at.choice.when, at.path + ("if",)
    for eid, event in scenario.events.items():
        if event.when is not None:
            yield event.when, ("events", eid, "if")
