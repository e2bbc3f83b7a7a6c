"""Recorded actions: turning the engine's path entries back into actions (for resume), and
describing each as the interaction it answered (for reports and xAPI).

The engine logs exactly one path entry per action: `meet`, `choice`, `leave`, `referral`
(from `Game.choose`) and `tag` (from `Game.tag`). Replaying the entries in order on a fresh
`Game` with the same seed rebuilds the state, because play is deterministic.
"""
from __future__ import annotations

from typing import Any

from game.engine import Game
from game.i18n import Words
from game.runtime import Runtime
from game.schema import ROLES

_PROMPTS = {
    "en": {"meet": "Whom do you meet?", "role": "What is {name}'s role?",
           "none": "not tagged"},
    "es": {"meet": "¿Con quién te reúnes?", "role": "¿Qué papel tiene {name}?",
           "none": "sin etiqueta"},
}


def replay(game: Game, entry: dict[str, Any]) -> None:
    """Do again the action that logged `entry`. Raises KeyError/ValueError if it is not
    possible now (the scenario changed)."""
    kind = entry.get("kind")
    if kind == "tag":
        game.tag(str(entry["stakeholder"]), entry.get("role"))
        return
    game.choose_key(option_key(entry))


def option_key(entry: dict[str, Any]) -> str:
    """The option key that produced a `meet`/`choice`/`leave`/`referral` path entry."""
    kind = entry.get("kind")
    if kind == "meet":
        return f"meet:{entry['stakeholder']}"
    if kind == "leave":
        return "leave"
    if kind == "referral":
        return "referral:ask" if entry.get("asked") else "referral:skip"
    if kind == "choice":
        return str(entry["key"])
    raise ValueError(f"unknown action {kind!r} in the saved attempt")


def interaction(rt: Runtime, entry: dict[str, Any], node_before: str | None) -> dict[str, Any]:
    """What the trainee was asked and answered: `{id, prompt, choices: [{id, text, authored?,
    good?}], response, answer, kind, tactic, mark}`. `id` is stable for a scenario ("meet",
    "talk/dana/hello", "role/ines", "referral"); `node_before` is the conversation node a `leave`
    left from."""
    scenario = rt.scenario
    words = Words(scenario)
    prompts = _PROMPTS[words.language]
    kind = entry.get("kind")
    people = scenario.stakeholders
    who = entry.get("stakeholder")
    out: dict[str, Any] = {"kind": kind, "stakeholder": who, "tactic": entry.get("tactic"),
                           "mark": entry.get("mark")}
    if kind == "meet":
        choices = [{"id": sid, "text": f"{p.name}, {p.title}"} for sid, p in people.items()]
        out.update(id="meet", prompt=prompts["meet"], choices=choices, response=who)
    elif kind == "tag":
        name = words.name(who)
        choices = [{"id": r, "text": words.get(f"role-{r}")} for r in ROLES]
        choices.append({"id": "none", "text": prompts["none"]})
        out.update(id=f"role/{who}", prompt=prompts["role"].format(name=name), choices=choices,
                   response=entry.get("role") or "none")
    elif kind == "referral":
        choices = [{"id": "ask", "text": words.get("opt-referral-ask")},
                   {"id": "skip", "text": words.get("opt-referral-skip")}]
        out.update(id="referral", prompt=words.get("referral-moment", who=words.name(who)),
                   choices=choices, response="ask" if entry.get("asked") else "skip")
    else:
        if kind == "choice":
            who, node, index = str(entry["key"]).split("/")
            response = index
        else:  # leave
            node, response = node_before, "leave"
        out["stakeholder"] = who
        choices, prompt = [], words.name(who)
        if node is not None and who in people and node in people[who].conversation.nodes:
            spec_node = people[who].conversation.nodes[node]
            # the position is the key the response uses; the authored id and the trainer's
            # "good" mark are kept for xAPI (ids that survive reordering, correct responses)
            choices = [{"id": str(i), "text": c.text, **({"authored": c.id} if c.id else {}),
                        **({"good": True} if c.quality == "good" else {})}
                       for i, c in enumerate(spec_node.choices)]
            prompt = spec_node.say or prompt
        choices.append({"id": "leave", "text": words.get("opt-leave")})
        out.update(id=f"talk/{who}/{node}" if node else f"talk/{who}", prompt=prompt,
                   choices=choices, response=response)
    out["answer"] = next((c["text"] for c in out["choices"] if c["id"] == out["response"]), "")
    return out
