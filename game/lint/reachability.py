"""Every node can be reached, and everyone who needs an introduction can get one (warnings).

Passing — `pains` is reached from `start` through a `next:`, and Carlos, who can only be met
after an introduction, is introduced by one of Dana's choices:

    dana:
      conversation:
        start: hello
        nodes:
          hello:
            choices:
              - text: "What slows your team down?"
                tactic: discovery
                next: pains
              - text: "Could you introduce me to Carlos?"
                tactic: introduction
                effects: {introduce: [carlos]}
          pains: {end: true}
    carlos:
      requires_introduction: true

Failing — no choice leads to `pains` (a choice without `next:` stays on its node), and nothing
introduces Carlos, so he can never be met:

          hello:
            choices:
              - text: "Nice weather."
                tactic: small_talk
          pains: {end: true}
    carlos:
      requires_introduction: true
"""
from __future__ import annotations

from collections.abc import Iterator

from game.lint._sources import effects
from game.messages import msg
from game.problems import Locator, Problem
from game.schema import END, Conversation, Scenario


def reachable(conversation: Conversation) -> set[str]:
    """The node ids a meeting can visit, following `next:` links from `start`."""
    seen: set[str] = set()
    todo = [conversation.start]
    while todo:
        nid = todo.pop()
        if nid in seen or nid not in conversation.nodes:
            continue
        seen.add(nid)
        todo.extend(c.next for c in conversation.nodes[nid].choices
                    if c.next is not None and c.next != END)
    return seen


def check(scenario: Scenario, locator: Locator) -> Iterator[Problem]:
    """Yield a warning for each unreachable node and each never-introduced stakeholder."""
    for sid, person in scenario.stakeholders.items():
        conversation = person.conversation
        if conversation.start not in conversation.nodes:
            continue  # the references rule reports the missing start; all else would follow
        seen = reachable(conversation)
        for nid in conversation.nodes:
            if nid not in seen:
                yield locator.problem(
                    ("stakeholders", sid, "conversation", "nodes", nid), "warning",
                    "unreachable-node",
                    msg("unreachable-node", node=nid, name=person.name,
                        start=conversation.start), key=True)
    introduced = {who for at in effects(scenario) for who in at.effects.introduce}
    for sid, person in scenario.stakeholders.items():
        if person.requires_introduction and sid not in introduced:
            yield locator.problem(
                ("stakeholders", sid, "requires_introduction"), "warning", "never-introduced",
                msg("never-introduced", name=person.name, sid=sid))
