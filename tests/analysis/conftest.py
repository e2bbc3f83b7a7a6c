"""Small inline scenarios for the analyser's tests, loaded once each."""
from __future__ import annotations

import pytest

from game.loader import load_scenario_text
from game.runtime import Runtime
from game.schema import Scenario

# Two people, three meetings. Ana signs; Bo raises a risk only a pilot answers. The best path:
# ask Ana (need, interest, hint), pitch, meet Bo to raise and answer the risk, close with Ana.
TINY = """\
id: tiny
title: Tiny deal
language: en
account: {company: Acme, product: Tool, deal_value: 1000}
briefing: Sell the tool to Acme.
turns: 3
close: {stance: 0.0, interest: 2, needs: 1}
stakeholders:
  ana:
    name: Ana
    title: Director
    role: decision_maker
    cares_about: [cost]
    conversation:
      start: hi
      nodes:
        hi:
          say: Hello there.
          choices:
            - text: What costs you most?
              tactic: discovery
              effects:
                reveal_needs: [cost]
                interest: 1
                role_hints: [{about: ana, text: Ana signs.}]
            - text: The tool cuts that cost.
              tactic: pitch
              effects: {pitch: [cost]}
            - text: Shall we sign?
              tactic: close
              next: end
  bo:
    name: Bo
    title: IT
    role: saboteur
    influences: {ana: 0.3}
    conversation:
      start: hi
      nodes:
        hi:
          say: What now?
          choices:
            - text: What worries you?
              tactic: discovery
              effects: {raise_objections: [risk]}
              next: worry
        worry:
          say: It breaks things.
          choices:
            - text: A pilot first.
              tactic: counter
              effects: {counter: {objection: risk, using: pilot}}
              next: end
needs:
  cost: {text: Running cost, benefit: front_end_savings}
objections:
  risk: {text: It breaks things., raised_by: bo, counters: [pilot]}
"""


def load(text: str, name: str = "test.yaml") -> Scenario:
    """The scenario in `text`, which must load without errors."""
    result = load_scenario_text(text, name)
    assert result.scenario is not None, [p.format() for p in result.problems]
    return result.scenario


@pytest.fixture(scope="session")
def tiny() -> Scenario:
    """The TINY scenario."""
    return load(TINY)


@pytest.fixture(scope="session")
def tiny_rt(tiny: Scenario) -> Runtime:
    """Its runtime."""
    return Runtime(tiny)
