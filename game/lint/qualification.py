"""Qualification items and walking away (format 1.2) fit together (errors, warnings).

Passing — `budget` is declared and learnt; the competitor's champion is a stakeholder; walking
away is offered to everyone, and `disqualify` says when it is right and what must come first:

    qualification:
      budget: {text: "£40,000 in this year's capital plan"}
      competitor: {text: "Shortlisted after a demo", name: RouteMax, champion: raj}
    disqualify:
      when: {flags: [no_budget]}
      after: [budget, authority]
    ...
        - text: "Is there money set aside for this?"
          tactic: discovery
          effects: {learn: [budget]}
        - text: "Thank you for your time — let's talk again next year."
          tactic: small_talk
          effects: {walk_away: true}

Failing — `learn: [timing]` names an item not declared under `qualification:`; the champion
`rajj` is nobody; `after: [budget]` with no budget declared; a walk-away choice without any
`disqualify:` (walking away is then only not winning); a walk-away choice offered only in the
cast where it is right (`if: {flags: [no_budget]}`: the option itself gives the answer away):

    qualification:
      competitor: {text: "Shortlisted after a demo", champion: rajj}
    disqualify:
      after: [budget]
    ...
        - text: "When would it need to be live?"
          tactic: discovery
          effects: {learn: [timing]}
        - text: "Thank you for your time."
          tactic: small_talk
          if: {flags: [no_budget]}
          effects: {walk_away: true}

Reasons — passing: each reason a walk-away choice gives is declared under
`disqualify.reasons`, and each declared reason is offered; failing: `walk_away: no_budgte`
(an undeclared reason, with a "did you mean"):

    disqualify:
      after: [budget, need]
      reasons:
        no_budget: {when: {flags: [no_budget]}}
        no_fit: {when: {flags: [no_fit]}}
    ...
        - text: "No budget this year, then — shall I call again in January?"
          tactic: small_talk
          effects: {walk_away: no_budget}
        - text: "What you need is customs control, which we don't do."
          tactic: small_talk
          effects: {walk_away: no_fit}

A cast's own `champion` (`variants.casts[].champion`) is checked with the cast's other people,
by game/lint/variants.py (before any variant is checked, so the error is told once).

Also warned: a declared item nothing ever learns (no close can then win), `disqualify` with no
choice that walks away, `disqualify` without `when` (right in every attempt, unless every reason
has its own `when`), `walk_away` in an event (nobody is there to walk away), a flag in
`disqualify.when` (or a reason's `when`) that nothing sets, `walk_away: true` where
`disqualify` lists reasons (never right), and a declared reason no choice gives.
"""
from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator

from game.lint._sources import conditions, effects
from game.lint._walk import ChoiceAt, choices
from game.problems import HintBudget, Locator, Path, Problem
from game.schema import QUALIFICATION_ITEMS, Condition, Scenario


def check(scenario: Scenario, locator: Locator) -> Iterator[Problem]:
    """Yield the problems of qualification items, `disqualify` and walking away."""
    qualification = scenario.qualification
    declared = qualification.declared() if qualification is not None else ()
    hints = HintBudget()
    learnt: set[str] = set()
    for at in effects(scenario):
        learnt.update(at.effects.learn)
        yield from _undeclared(locator, hints, declared, at.path + ("learn",), at.effects.learn,
                               "`learn`")
        if at.choice is None and at.effects.walk_away:
            yield locator.problem(
                at.path + ("walk_away",), "warning", "walk-away-in-event",
                "`walk_away` in an event does nothing: nobody is being met between meetings, "
                "so nobody walks away — put it on a choice the trainee makes", key=True)
    for condition, path in conditions(scenario):
        yield from _undeclared(locator, hints, declared, path + ("learned",), condition.learned,
                               "`learned`")
        yield from _undeclared(locator, hints, declared, path + ("not_learned",),
                               condition.not_learned, "`not_learned`")
    if scenario.disqualify is not None:
        yield from _undeclared(locator, hints, declared, ("disqualify", "after"),
                               scenario.disqualify.after, "`disqualify.after`")
        for condition, path in _disqualify_conditions(scenario):
            yield from _undeclared(locator, hints, declared, path + ("learned",),
                                   condition.learned, "`learned`")
            yield from _undeclared(locator, hints, declared, path + ("not_learned",),
                                   condition.not_learned, "`not_learned`")
    for item in declared:
        if item not in learnt:
            yield locator.problem(
                ("qualification", item), "warning", "item-never-learned",
                f"'{item}' is declared under `qualification:`, so a close needs it learnt, but "
                f"no choice or event has `learn: [{item}]` — the deal can never be won; add it "
                "to the question that finds it out", key=True)
    competitor = qualification.competitor if qualification is not None else None
    if competitor is not None and competitor.champion is not None:
        yield from _a_stakeholder(scenario, locator, competitor.champion,
                                  ("qualification", "competitor", "champion"))
    yield from _walking_away(scenario, locator)


def _a_stakeholder(scenario: Scenario, locator: Locator, who: str,
                   path: Path) -> Iterator[Problem]:
    """An error when `who` (a champion) is not a stakeholder, worded as references.py words an
    unknown person."""
    people = scenario.stakeholders
    if who in people:
        return
    hint = did_you_mean(who, people)
    if not hint:
        listed = ", ".join(f"'{k}'" for k in sorted(people)[:8])
        hint = f" (the ones that exist: {listed})"
    yield locator.problem(
        path, "error", "unknown-stakeholder",
        f"'{who}' is not a stakeholder (under `stakeholders:`): fix the spelling or add it{hint}")


def _disqualify_conditions(scenario: Scenario) -> Iterator[tuple[Condition, Path]]:
    """`disqualify.when` and each reason's `when`, with their paths."""
    disqualify = scenario.disqualify
    if disqualify is None:
        return
    if disqualify.when is not None:
        yield disqualify.when, ("disqualify", "when")
    for rid, reason in disqualify.reasons.items():
        if reason.when is not None:
            yield reason.when, ("disqualify", "reasons", rid, "when")


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """A " — did you mean 'x'?" suffix when one of `options` is close to `word`, else ""."""
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f" — did you mean '{close[0]}'?" if close else ""


def _undeclared(locator: Locator, hints: HintBudget, declared: tuple[str, ...], path: Path,
                ids: Iterable[str], where: str) -> Iterator[Problem]:
    """An error for each qualification item in `ids` not declared under `qualification:`."""
    for index, item in enumerate(ids):
        if item not in QUALIFICATION_ITEMS or item in declared:
            continue
        hint = did_you_mean(item, declared) if hints.take() else ""
        known = ", ".join(declared) or "none yet"
        yield locator.problem(
            path + (index,), "error", "undeclared-item",
            f"{where} names '{item}', which is not declared under `qualification:` (declared: "
            f"{known}) — add `{item}: {{text: …}}` there, or fix the spelling{hint}")


def _walking_away(scenario: Scenario, locator: Locator) -> Iterator[Problem]:
    """`disqualify` and the choices that walk away."""
    walks = [at for at in choices(scenario) if at.choice.effects.walk_away]
    disqualify = scenario.disqualify
    if disqualify is None:
        for at in walks:
            yield locator.problem(
                at.path + ("effects", "walk_away"), "warning", "walk-away-without-disqualify",
                "this choice walks away, but the scenario has no `disqualify:`, so walking away "
                "is never the right call here — it only ends the attempt as not won; add "
                "`disqualify: {when: …, after: […]}` if some deals are not worth chasing",
                key=True)
        return
    if not walks:
        yield locator.problem(
            ("disqualify",), "warning", "disqualify-without-walk-away",
            "`disqualify:` says when walking away is right, but no choice has "
            "`effects: {walk_away: true}`, so nobody can walk away and every such attempt fails "
            "— offer a polite exit from the first meeting on, with the same words in every cast",
            key=True)
    reasons = disqualify.reasons
    if disqualify.when is None and (not reasons or any(r.when is None
                                                       for r in reasons.values())):
        yield locator.problem(
            ("disqualify",), "warning", "disqualify-always-right",
            "`disqualify:` has no `when`, so walking away is right in every attempt and no "
            "close can ever win — a player who always walks away once the questions are asked "
            "passes; set `when` to the flags of the casts or need sets with no deal to chase",
            key=True)
    yield from _reasons(scenario, locator, walks)
    drawn = _drawn_flags(scenario)
    for at in walks:
        when = at.choice.when
        if when is None:
            continue
        for field in ("flags", "not_flags"):
            for index, flag in enumerate(getattr(when, field)):
                if flag in drawn:
                    yield locator.problem(
                        at.path + ("if", field, index), "warning", "walk-away-oracle",
                        f"walking away is offered only in some casts (its `if` tests the flag "
                        f"'{flag}', which a cast or need set sets): the option itself tells the "
                        "trainee whether to walk away — offer the same choice in every cast")
    yield from _when_flags(scenario, locator, drawn)


def _reasons(scenario: Scenario, locator: Locator, walks: list[ChoiceAt]) -> Iterator[Problem]:
    """The reasons walk-away choices give fit `disqualify.reasons`: each one given is declared,
    none is left out where reasons are declared, and each declared one is offered."""
    assert scenario.disqualify is not None
    declared = scenario.disqualify.reasons
    hints = HintBudget()
    given: set[str] = set()
    for at in walks:
        reason = at.choice.effects.walk_away
        where = at.path + ("effects", "walk_away")
        if not isinstance(reason, str):
            if declared:
                yield locator.problem(
                    where, "warning", "walk-away-without-reason",
                    "this choice walks away without a reason (`walk_away: true`), but "
                    "`disqualify:` lists reasons, so walking away with it is never the right "
                    f"call — give one of them: {', '.join(declared)}")
            continue
        given.add(reason)
        if reason in declared:
            continue
        hint = did_you_mean(reason, declared) if hints.take() else ""
        if declared:
            yield locator.problem(
                where, "error", "undeclared-reason",
                f"this choice walks away giving the reason '{reason}', which "
                f"`disqualify.reasons` does not declare (declared: {', '.join(declared)}) — add "
                f"`{reason}: {{when: …}}` there, or fix the spelling{hint}")
        else:
            yield locator.problem(
                where, "error", "undeclared-reason",
                f"this choice walks away giving the reason '{reason}', which "
                f"`disqualify.reasons` does not declare (declared: none yet) — add "
                f"`{reason}: {{when: …}}` there, or fix the spelling{hint}")
    for rid in declared:
        if rid not in given:
            yield locator.problem(
                ("disqualify", "reasons", rid), "warning", "reason-never-offered",
                f"the reason '{rid}' is declared, but no choice walks away giving it "
                f"(`walk_away: {rid}`), so where it is the right call nobody can walk away "
                "rightly — offer it as a polite exit from the first meeting on, with the same "
                "words in every cast", key=True)


def _drawn_flags(scenario: Scenario) -> set[str]:
    """The flags casts and need sets set at the start."""
    v = scenario.variants
    if v is None:
        return set()
    return {flag for alternative in (*v.casts, *v.needs) for flag in alternative.flags}


def _when_flags(scenario: Scenario, locator: Locator, drawn: set[str]) -> Iterator[Problem]:
    """A flag `disqualify.when` tests that nothing sets: walking away would never be right.
    Skipped for one cast and one need set at most — as `validate` checks each variant, where
    the other casts' flags are not there to see (game/lint/variants.py)."""
    v = scenario.variants
    if v is not None and len(v.casts) <= 1 and len(v.needs) <= 1:
        return
    known = drawn | {f for at in effects(scenario) for f in at.effects.set_flags}
    for condition, path in _disqualify_conditions(scenario):
        for index, flag in enumerate(condition.flags):
            if flag not in known:  # worded as game/lint/flags.py words it for a choice's `if`
                hint = did_you_mean(flag, sorted(known)) or \
                    " — set it with `set_flags` in some choice's effects"
                yield locator.problem(
                    path + ("flags", index), "warning", "flag-never-set",
                    f"flag '{flag}' is tested here but nothing ever sets it, so this never "
                    f"holds{hint}")
