"""The trainee's deal board as plain values: what a front end shows between and during meetings.

It holds only what the trainee has learnt (needs found, clues, objections heard, qualification
items found out, their own role tags) plus what any seller can read (the prospect's interest, a
rough mood of the people met) — never the hidden roles.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from game import rules
from game.i18n import mood
from game.runtime import Runtime
from game.state import PlayState


@dataclass(frozen=True)
class PersonCard:
    """One member of the buying centre as the trainee knows them."""

    id: str
    name: str
    title: str
    met: bool
    available: bool
    mood: str        # hostile … keen, or "unknown" before the first meeting
    tag: str | None  # the trainee's role guess


@dataclass(frozen=True)
class NeedCard:
    """A discovered need: what, its benefit kind, amount, who mentioned it, and if pitched."""

    id: str
    text: str
    benefit: str
    amount: float | None
    found_turn: int
    found_by: str | None
    pitched_to: str | None


@dataclass(frozen=True)
class ItemCard:
    """A qualification item the scenario requires (format 1.2): "Budget?" until learnt, then
    what was learnt (`text`; for the competitor, also its `name`), from whom and when."""

    id: str
    learnt: bool
    text: str | None = None
    name: str | None = None
    turn: int | None = None
    by: str | None = None


@dataclass(frozen=True)
class DealBoard:
    """Everything on the deal board at one moment. `turn` is the meeting under way, or the
    next one when between meetings."""

    turn: int
    turns: int
    stage: str
    interest: int
    checklist: dict[str, bool]
    people: list[PersonCard]
    needs: list[NeedCard]
    hints: list[dict[str, object]]
    objections: list[dict[str, object]]
    savings_pitched: dict[str, float]
    items: list[ItemCard] = field(default_factory=list)  # format 1.2, in the checklist's order


def deal_board(rt: Runtime, state: PlayState) -> DealBoard:
    """The deal board for `state`."""
    scenario = rt.scenario
    people = [PersonCard(sid, p.name, p.title, sid in state.met, sid in state.introduced,
                         mood(state.stance[sid]) if sid in state.met else "unknown",
                         state.tags.get(sid))
              for sid, p in scenario.stakeholders.items()]
    needs = []
    savings: dict[str, float] = {"front_end_savings": 0.0, "back_end_savings": 0.0}
    for nid, found in state.needs_known.items():
        need = scenario.needs[nid]
        pitched = state.pitched.get(nid)
        needs.append(NeedCard(nid, need.text, need.benefit, need.amount, found["turn"],
                              found["by"], pitched["to"] if pitched else None))
        if pitched and need.benefit in savings and need.amount:
            savings[need.benefit] += need.amount
    objections = [{"id": oid, "text": scenario.objections[oid].text,
                   "who": scenario.objections[oid].raised_by, "state": record["state"]}
                  for oid, record in state.objections.items()]
    turn = state.turn + 1 if state.phase == "between" else state.turn
    # the checklist and stage as the trainee can know them: they never read the hidden roles
    return DealBoard(min(turn, scenario.turns), scenario.turns,
                     rules.stage(rt, state, board=True), state.interest,
                     rules.board_checklist(rt, state), people, needs, list(state.hints),
                     objections, savings, _items(rt, state))


def _items(rt: Runtime, state: PlayState) -> list[ItemCard]:
    """The declared qualification items, each with what was learnt once it was."""
    qualification = rt.scenario.qualification
    cards = []
    for item in rt.items:
        found = state.learned.get(item)
        if found is None:
            cards.append(ItemCard(item, False))
            continue
        declared = getattr(qualification, item)
        cards.append(ItemCard(item, True, declared.text, getattr(declared, "name", None),
                              found.get("turn"), found.get("by")))
    return cards
