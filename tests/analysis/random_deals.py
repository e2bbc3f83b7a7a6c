"""Small random scenarios for checking the par search against brute force.

Each has two or three people, two or three meetings and one or two nodes per person with two or
three choices, drawn from every kind of effect the engine has (needs revealed and pitched, one
need held by two people, hints, objections and counters, stance, trust, interest, introductions,
flags, conditions, events, a referral; format 1.2's qualification items and walking away;
format 1.3's interest that builds and objections that count once raised) —
small enough that every sequence of options can be
played out.
"""
from __future__ import annotations

import random
from typing import Any

import yaml

from game.loader import load_scenario_text
from game.schema import Scenario

PEOPLE = ("ana", "bo", "cy")
NEEDS = {"cost": "front_end_savings", "errors": "back_end_savings", "speed": "efficiency"}


def _effects(rng: random.Random, who: str, people: list[str]) -> dict[str, Any]:
    fx: dict[str, Any] = {}
    roll = rng.random
    if roll() < 0.35:
        fx["reveal_needs"] = [rng.choice(list(NEEDS))]
    if roll() < 0.3:
        fx["pitch"] = [rng.choice(list(NEEDS))]
    if roll() < 0.25:
        fx["role_hints"] = [{"about": rng.choice(people), "text": f"clue {rng.randrange(3)}",
                             "vague": roll() < 0.3}]
    if roll() < 0.3:
        fx["trust"] = rng.choice([-0.1, 0.1, 0.2])
    if roll() < 0.3:
        fx["stance"] = rng.choice([-0.2, 0.1, 0.3])
    if roll() < 0.3:
        fx["interest"] = rng.choice([1, 1, 2, -1])
    if roll() < 0.15:
        fx["stance_of"] = {rng.choice(people): rng.choice([-0.1, 0.2])}
    if roll() < 0.15:
        fx["trust_of"] = {rng.choice(people): rng.choice([-0.1, 0.2])}
    if roll() < 0.2:
        fx["raise_objections"] = ["risk"]
    if roll() < 0.2:
        fx["counter"] = {"objection": "risk", "using": rng.choice(["pilot", "guess"])}
    if roll() < 0.15:
        fx["introduce"] = [rng.choice(people)]
    if roll() < 0.15:
        fx["set_flags"] = ["warm"]
    return fx


def _condition(rng: random.Random, people: list[str]) -> dict[str, Any] | None:
    roll = rng.random()
    if roll < 0.1:
        return {"needs_known": [rng.choice(list(NEEDS))]}
    if roll < 0.16:
        return {"flags": ["warm"]}
    if roll < 0.22:
        return {"trust_min": 0.4}
    if roll < 0.26:
        return {"objections_open": ["risk"]}
    if roll < 0.3:
        return {"met": [rng.choice(people)]}
    return None


def random_deal(seed: int) -> Scenario:
    """A random small scenario (the same for the same seed)."""
    rng = random.Random(seed)
    people = list(PEOPLE[: rng.choice([2, 3])])
    roles = ["decision_maker", "saboteur", "influencer"]
    rng.shuffle(roles)
    if "decision_maker" not in roles[: len(people)]:
        roles[0] = "decision_maker"
    needs = list(NEEDS)
    shared = rng.choice(needs)  # held by two people
    stakeholders: dict[str, Any] = {}
    for i, sid in enumerate(people):
        nodes: dict[str, Any] = {}
        names = ["hi", "more"][: rng.choice([1, 2])]
        for nid in names:
            choices = []
            for _ in range(rng.choice([2, 3])):
                choice: dict[str, Any] = {"text": f"{sid} {nid} {len(choices)}",
                                          "tactic": rng.choice(["discovery", "pitch", "counter",
                                                                "small_talk", "authority"]),
                                          "effects": _effects(rng, sid, people)}
                when = _condition(rng, people)
                if when:
                    choice["if"] = when
                if len(names) > 1 and rng.random() < 0.3:
                    choice["next"] = names[1 - names.index(nid)]
                elif rng.random() < 0.15:
                    choice["next"] = "end"
                if rng.random() < 0.1:
                    choice["quality"] = "mistake"
                    choice["severity"] = rng.choice(["minor", "major"])
                choices.append(choice)
            if roles[i] == "decision_maker" and nid == "hi":
                choices.append({"text": "Shall we sign?", "tactic": "close", "next": "end"})
            nodes[nid] = {"say": f"{sid} says {nid}", "choices": choices}
        cares = [n for n in needs if rng.random() < 0.4]
        if i < 2 and shared not in cares:
            cares.append(shared)
        stakeholders[sid] = {
            "name": sid.title(), "title": "Staff", "role": roles[i],
            "stance": rng.choice([-0.2, 0.0, 0.2]), "trust": rng.choice([0.2, 0.3, 0.5]),
            "openness": rng.choice([0.3, 0.5, 0.8]),
            "influences": {o: rng.choice([0.2, 0.4]) for o in people
                           if o != sid and rng.random() < 0.5},
            "cares_about": cares, "requires_introduction": i == 2 and rng.random() < 0.4,
            "conversation": {"start": "hi", "nodes": nodes}}
    raiser = next(sid for sid, r in zip(people, roles) if r == "saboteur") \
        if "saboteur" in roles[: len(people)] else people[-1]
    document: dict[str, Any] = {
        "id": f"random-{seed}", "title": "Random deal", "language": "en",
        "account": {"company": "Acme", "product": "Tool", "deal_value": 1000},
        "briefing": "Sell the tool.", "turns": rng.choice([2, 3]),
        "close": {"stance": rng.choice([0.0, 0.1, 0.3]), "interest": rng.choice([1, 2]),
                  "needs": 1, "max_attempts": rng.choice([1, 2])},
        "stakeholders": stakeholders,
        "needs": {n: {"text": n, "benefit": b, "importance": rng.choice([1, 2, 3])}
                  for n, b in NEEDS.items()},
        "objections": {"risk": {"text": "Risky.", "raised_by": raiser, "counters": ["pilot"],
                                "pressure": 0.2}},
    }
    if rng.random() < 0.5:
        document["events"] = {"memo": {"text": "A memo.", "turn": 1, "effects": _effects(
            rng, people[0], people)}}
        document["events"]["memo"]["effects"].pop("pitch", None)
        document["events"]["memo"]["effects"].pop("counter", None)
    if rng.random() < 0.5:
        document["referral"] = {"trust": 0.4, "won": "Yes.", "lost": "No."}
    if rng.random() < 0.4:  # format 1.2: a budget to find out, and perhaps walking away
        document["format"] = 1.2
        document["qualification"] = {"budget": {"text": "Budget"}}
        asker = rng.choice(people)
        stakeholders[asker]["conversation"]["nodes"]["hi"]["choices"].append(
            {"text": "Budget?", "tactic": "discovery", "effects": {"learn": ["budget"]}})
        if rng.random() < 0.6:
            document["disqualify"] = {"after": rng.choice([["budget"], ["need"],
                                                           ["budget", "authority"]])}
            if rng.random() < 0.5:
                document["disqualify"]["when"] = {"flags": ["warm"]}
            walker = rng.choice(people)
            stakeholders[walker]["conversation"]["nodes"]["hi"]["choices"].append(
                {"text": "Walk away", "tactic": "small_talk", "effects": {"walk_away": True}})
    if rng.random() < 0.4:  # format 1.3: interest builds a level a meeting, an objection
        document["format"] = 1.3  # never raised by someone met does not count
    extra = random.Random(seed + 10_007)  # later additions draw apart: the deals above stay
    if extra.random() < 0.35:  # a close offered only once a flag is set (by a choice or an event)
        for person in stakeholders.values():
            for choice in person["conversation"]["nodes"]["hi"]["choices"]:
                if choice["tactic"] == "close":
                    choice["if"] = {"flags": ["warm"]}
        if extra.random() < 0.5:  # only an event of a fixed turn sets it
            document.setdefault("events", {})["bell"] = {
                "text": "The bell.", "turn": extra.choice([1, 2]),
                "effects": {"set_flags": ["warm"]}}
            for person in stakeholders.values():
                for node in person["conversation"]["nodes"].values():
                    for choice in node["choices"]:
                        choice.get("effects", {}).pop("set_flags", None)
            document["events"].get("memo", {}).get("effects", {}).pop("set_flags", None)
    result = load_scenario_text(yaml.safe_dump(document, allow_unicode=True), f"random-{seed}")
    assert result.scenario is not None, [p.format() for p in result.problems]
    return result.scenario
