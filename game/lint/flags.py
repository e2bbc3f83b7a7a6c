"""Every flag a condition tests is set somewhere (warning).

Passing — `pilot_agreed` is set by one choice and tested by another:

    - text: "Shall we run a pilot?"
      tactic: counter
      effects: {set_flags: [pilot_agreed]}
    - text: "How did the pilot go?"
      tactic: discovery
      if: {flags: [pilot_agreed]}

Failing — nothing sets `pilot_agred` (a typo), so the choice is never offered:

    - text: "How did the pilot go?"
      tactic: discovery
      if: {flags: [pilot_agred]}
"""
from __future__ import annotations

from collections.abc import Iterator

from game.lint._sources import conditions, effects
from game.messages import did_you_mean, msg
from game.problems import Locator, Problem
from game.schema import Scenario


def check(scenario: Scenario, locator: Locator) -> Iterator[Problem]:
    """Yield a warning for every flag tested in `if: {flags: [...]}` that nothing sets."""
    flag_sets = set()
    for at in effects(scenario):
        flag_sets.update(at.effects.set_flags)
    variants = getattr(scenario, "variants", None)
    for group in ("casts", "needs"):
        for option in getattr(variants, group, None) or []:
            flag_sets.update(getattr(option, "flags", []))
    for condition, path in conditions(scenario):
        for i, flag in enumerate(condition.flags):
            if flag in flag_sets:
                continue
            hint = did_you_mean(flag, sorted(flag_sets)) or msg("hint.set-flags")
            yield locator.problem(path + ("flags", i), "warning", "flag-never-set",
                                  msg("flag-never-set", flag=flag, hint=hint))
