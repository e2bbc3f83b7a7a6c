"""A small scenario that passes every lint rule, and a builder to break it one way at a time.

Tests take the `scenario` fixture, change its data (plain dicts and lists, as YAML would give),
run one rule and compare `(code, level, line, col)` tuples; `at()` finds the line and column
of a snippet in the YAML text the builder dumped, so positions are exact yet robust to edits
of the base scenario.
"""
from __future__ import annotations

import copy
from types import ModuleType
from typing import Any

import pytest
import yaml

from game.loader import LoadResult, load_scenario_text
from game.problems import Problem

BASE_YAML = """\
id: demo
title: Demo deal
language: en
account:
  company: Acme Logistics
  product: RouteMate
briefing: Win the RouteMate deal at Acme.
turns: 6
close:
  interest: 2
  needs: 1
needs:
  overtime:
    text: Staff work late on month-end reports
    benefit: back_end_savings
stakeholders:
  dana:
    name: Dana Reyes
    title: Operations Director
    role: decision_maker
    influences:
      sam: 0.3
    cares_about: [overtime]
    conversation:
      start: hello
      nodes:
        hello:
          say: Good morning.
          choices:
            - id: ask_pains
              text: What slows your team down?
              tactic: discovery
              effects:
                reveal_needs: [overtime]
                interest: 1
              next: pains
            - id: ask_authority
              text: Who signs off on a purchase like this?
              tactic: authority
              effects:
                role_hints:
                  - about: dana
                    text: Dana signs the budget.
            - id: meet_sam
              text: Could you introduce me to Sam?
              tactic: introduction
              effects:
                introduce: [sam]
        pains:
          say: Overtime, mostly.
          choices:
            - id: pitch_overtime
              text: RouteMate ends the month-end overtime.
              tactic: pitch
              effects:
                pitch: [overtime]
            - id: counter_risk
              text: Let's start with a two-week pilot.
              tactic: counter
              effects:
                counter: {objection: risk, using: pilot}
            - id: close
              text: Shall we start on Monday?
              tactic: close
              next: end
  sam:
    name: Sam Ortiz
    title: IT Manager
    role: saboteur
    requires_introduction: true
    conversation:
      start: hello
      nodes:
        hello:
          say: What do you want?
          choices:
            - text: What worries you about a new system?
              tactic: discovery
              effects:
                raise_objections: [risk]
              next: end
objections:
  risk:
    text: Migrations always fail.
    raised_by: sam
    counters: [pilot]
events:
  doubt:
    text: Sam grumbles about the last migration.
    turn: 3
    if:
      objections_open: [risk]
    effects:
      stance_of:
        dana: -0.1
"""

Found = tuple[str, str, int, int]


class ScenarioBuilder:
    """The base scenario as data, to change, dump to YAML and check."""

    def __init__(self) -> None:
        self.data: dict[str, Any] = yaml.safe_load(BASE_YAML)
        self._text: str | None = None

    # --- reaching into the data ------------------------------------------------------------
    def person(self, sid: str) -> dict[str, Any]:
        """The stakeholder mapping `sid`."""
        return self.data["stakeholders"][sid]

    def node(self, sid: str, nid: str) -> dict[str, Any]:
        """Node `nid` of stakeholder `sid`'s conversation."""
        return self.person(sid)["conversation"]["nodes"][nid]

    def choice(self, sid: str, nid: str, index: int) -> dict[str, Any]:
        """Choice `index` of node `nid` of stakeholder `sid`."""
        return self.node(sid, nid)["choices"][index]

    def copy_choice(self, sid: str, nid: str, index: int, **changes: Any) -> dict[str, Any]:
        """Append a copy of a choice (with `changes`) to the same node and return it."""
        new = copy.deepcopy(self.choice(sid, nid, index))
        new.update(changes)
        self.node(sid, nid)["choices"].append(new)
        return new

    # --- text and results ------------------------------------------------------------------
    def text(self) -> str:
        """The data as YAML (block style, keys in the order written)."""
        if self._text is None:
            self._text = yaml.safe_dump(self.data, sort_keys=False, allow_unicode=True,
                                        width=10_000, default_flow_style=False)
        return self._text

    def load(self, *, lint: bool = True) -> LoadResult:
        """Load the dumped text as `test.yaml`."""
        self._text = None
        return load_scenario_text(self.text(), "test.yaml", lint=lint)

    def run(self, rule: ModuleType) -> list[Problem]:
        """Run one rule module on the (schema-valid) scenario; its problems in order."""
        result = self.load(lint=False)
        assert result.problems == [], [p.format() for p in result.problems]
        assert result.scenario is not None and result.locator is not None
        problems = list(rule.check(result.scenario, result.locator))
        for problem in problems:
            assert problem.file == "test.yaml"
            assert problem.message and "\n" not in problem.message
        return problems

    def found(self, rule: ModuleType) -> list[Found]:
        """`(code, level, line, col)` of each problem `rule` finds, sorted by position."""
        return sorted(((p.code, p.level, p.line, p.col) for p in self.run(rule)),
                      key=lambda f: (f[2], f[3], f[0]))

    def at(self, snippet: str, offset: int = 0, *, nth: int | None = None) -> tuple[int, int]:
        """1-based line and column of `snippet` (plus `offset` characters) in the text.

        Without `nth` the snippet must be unique; with it, the `nth` (0-based) occurrence.
        """
        text = self.text()
        starts = [i for i in range(len(text)) if text.startswith(snippet, i)]
        if nth is None:
            assert len(starts) == 1, f"{snippet!r} occurs {len(starts)} times in:\n{text}"
            nth = 0
        assert len(starts) > nth, f"{snippet!r} occurs {len(starts)} times in:\n{text}"
        index = starts[nth] + offset
        line = text.count("\n", 0, index) + 1
        col = index - (text.rfind("\n", 0, index) + 1) + 1
        return line, col

    def expect(self, code: str, level: str, snippet: str, offset: int = 0, *,
               nth: int | None = None) -> Found:
        """The `(code, level, line, col)` expected for a problem at `snippet`."""
        return (code, level, *self.at(snippet, offset, nth=nth))


@pytest.fixture
def scenario() -> ScenarioBuilder:
    """A fresh copy of the base scenario, which passes every rule."""
    return ScenarioBuilder()

