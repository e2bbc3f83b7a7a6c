"""Statistics of a scenario: its size per stakeholder, its words, and how long it takes to play.

Words are what the trainee reads in play: the stakeholders' lines, the choices' texts and the
replies (the debrief's feedback is counted apart). The play time is estimated along a path (par's,
say): for each decision the trainee reads what is said and every option offered, at
`READING_WPM` words a minute, and thinks `SECONDS_PER_DECISION` seconds, plus the briefing.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.engine import Game
from game.runtime import Runtime
from game.schema import Scenario

READING_WPM = 200
SECONDS_PER_DECISION = 6.0


def words(text: str | None) -> int:
    """How many words `text` has (0 for none)."""
    return len(text.split()) if text else 0


@dataclass(frozen=True)
class PersonStats:
    """One stakeholder's conversation: nodes, choices, words in play, words of feedback."""

    stakeholder: str
    name: str
    role: str
    nodes: int
    choices: int
    words: int
    feedback_words: int


@dataclass(frozen=True)
class Stats:
    """The scenario's size, and its estimated minutes of play (None without a path to time)."""

    people: list[PersonStats]
    needs: int
    objections: int
    events: int
    briefing_words: int
    estimated_minutes: float | None = None
    declared_minutes: int = 0

    @property
    def nodes(self) -> int:
        """Nodes in all conversations."""
        return sum(p.nodes for p in self.people)

    @property
    def choices(self) -> int:
        """Choices in all conversations."""
        return sum(p.choices for p in self.people)

    @property
    def words(self) -> int:
        """Words read in play: the briefing and every conversation."""
        return self.briefing_words + sum(p.words for p in self.people)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready figures."""
        return {
            "stakeholders": {p.stakeholder: {"name": p.name, "role": p.role, "nodes": p.nodes,
                                             "choices": p.choices, "words": p.words,
                                             "feedback_words": p.feedback_words}
                             for p in self.people},
            "nodes": self.nodes, "choices": self.choices, "words": self.words,
            "needs": self.needs, "objections": self.objections, "events": self.events,
            "estimated_minutes": self.estimated_minutes, "declared_minutes": self.declared_minutes,
        }


def statistics(scenario: Scenario, minutes: float | None = None) -> Stats:
    """Count the scenario; `minutes` is an estimate made elsewhere (see `estimate_minutes`)."""
    people = []
    for sid, person in scenario.stakeholders.items():
        nodes = person.conversation.nodes.values()
        said = sum(words(n.say) for n in nodes)
        chosen = sum(words(c.text) + words(c.reply) for n in nodes for c in n.choices)
        feedback = sum(words(c.feedback) for n in nodes for c in n.choices)
        people.append(PersonStats(sid, person.name, person.role, len(person.conversation.nodes),
                                  sum(len(n.choices) for n in nodes), said + chosen, feedback))
    return Stats(people, len(scenario.needs), len(scenario.objections), len(scenario.events),
                 words(scenario.briefing) + words(scenario.account.situation),
                 None if minutes is None else round(minutes, 1), scenario.minutes)


def estimate_minutes(rt: Runtime, seed: int, path: tuple[str, ...] | list[str]) -> float:
    """Minutes to play `path` (steps as `Par.path`): reading at `READING_WPM` plus
    `SECONDS_PER_DECISION` per decision, and the briefing first."""
    game = Game(rt, seed)
    scenario = game.scenario
    read = words(scenario.briefing) + words(scenario.account.situation)
    decisions = 0
    for step in path:
        if step.startswith("tag:"):
            sid, _, role = step[4:].partition("=")
            game.tag(sid, role or None)
            continue
        read += sum(words(o.text) for o in game.options() if o.available)
        decisions += 1
        for line in game.choose_key(step):
            if line.kind in ("say", "event"):
                read += words(line.text)
    return read / READING_WPM + decisions * SECONDS_PER_DECISION / 60.0
