"""Variants name what exists, and every variant is a sound scenario of its own (errors, warnings).

Passing — two casts, each with one decision-maker, and a need set naming declared needs:

    variants:
      casts:
        - roles: {dana: decision_maker, sam: saboteur}
        - roles: {sam: decision_maker, dana: influencer}
      needs:
        - active: [overtime, errors]
        - active: [overtime]
      stances:
        dana: [0.0, 0.4]

Failing — `marta` is no stakeholder, `overtme` no need, the range runs backwards, and the second
cast makes Sam a decision-maker while Dana stays one (the other rules, run on that variant,
report it here, at the cast):

    variants:
      casts:
        - roles: {marta: saboteur}
        - roles: {sam: decision_maker}
      needs:
        - active: [overtme]
      stances:
        dana: [0.4, 0.0]

Every cast × need-set combination is checked with all the other rules (up to `MAX_CHECKED`
of them; beyond that an evenly spaced sample, and a warning says so). A problem a variant has
that the scenario as written does not is reported at the variant's entry, as `in-variant`
with the level and the message of the rule that found it (its code in brackets at the end). The warnings that an
inactive need is never revealed and has no holder, and that a flag only another variant sets
is never set, are expected and left out.
"""
from __future__ import annotations

from collections.abc import Iterator

from game import variants
from game.lint._sources import conditions
from game.messages import NOTHING, Joined, Msg, Trimmed, did_you_mean, msg
from game.problems import Locator, Path, Problem
from game.schema import Scenario

MAX_CHECKED = 256
_EXPECTED_WHEN_INACTIVE = ("need-never-revealed", "need-without-holder")


def check(scenario: Scenario, locator: Locator) -> Iterator[Problem]:
    """Yield unknown ids and bad ranges in `variants:`, then each variant's own problems."""
    v = scenario.variants
    if v is None:
        return
    broken = list(_references(scenario, locator))
    yield from broken
    if broken:
        return  # a variant built from unknown ids would only repeat these problems
    combos = variants.combinations(scenario)
    if len(combos) <= 1 and not v.casts and not v.needs:
        return
    checked = combos
    if len(combos) > MAX_CHECKED:
        step = len(combos) / MAX_CHECKED
        checked = [combos[int(i * step)] for i in range(MAX_CHECKED)]
        yield locator.problem(
            ("variants",), "warning", "variants-sampled",
            msg("variants-sampled", total=len(combos), checked=MAX_CHECKED), key=True)
    base = {_key(p) for p in _other_rules(scenario, locator)}
    found: dict[tuple[str, str, int, int, str], list[variants.Draw]] = {}
    words: dict[tuple[str, str, int, int, str], Msg | str] = {}
    drawn_flags = {f for alt in (*v.casts, *v.needs) for f in alt.flags}
    flag_tests = {locator.where(path + ("flags", i))
                  for condition, path in conditions(scenario)
                  for i, flag in enumerate(condition.flags) if flag in drawn_flags}
    for combo in checked:
        concrete = variants.apply(scenario, combo)
        off = variants.inactive_needs(scenario, combo)
        expected = {locator.where(("needs", n), key=True) for n in off}
        for problem in _other_rules(concrete, locator):
            where = (problem.line, problem.col)
            if (problem.code in _EXPECTED_WHEN_INACTIVE and where in expected
                    or problem.code == "flag-never-set" and where in flag_tests):
                continue  # a need switched off, or a flag another variant sets: intended
            key = _key(problem)
            if key not in base:
                found.setdefault(key, []).append(combo)
                words.setdefault(key, problem.words or problem.message)
    for key, where in found.items():
        level, code, line, _col, _message = key
        which, path = _which(scenario, where, checked)
        yield locator.problem(
            path, level, "in-variant",  # type: ignore[arg-type]
            msg("in-variant", which=which, message=Trimmed(words[key]), line=line, code=code),
            key=True)


def describe(scenario: Scenario, draw: variants.Draw) -> Msg | Joined:
    """A variant in words: `cast 2/3 · needs 1/2 · stance dana +0.15` (as `Draw.describe`
    says it in English; in Spanish too)."""
    v = scenario.variants
    parts: list[Msg] = []
    if draw.cast is not None and v is not None:
        parts.append(msg("variant.cast", i=draw.cast + 1, n=len(v.casts)))
    if draw.needs is not None and v is not None:
        parts.append(msg("variant.needs", i=draw.needs + 1, n=len(v.needs)))
    for sid, value in draw.stances:
        parts.append(msg("variant.stance", who=sid, value=f"{value:+.2f}"))
    return Joined(tuple(parts), " · ") if parts else msg("variant.as-written")


def _which(scenario: Scenario, where: list[variants.Draw],
           checked: list[variants.Draw]) -> tuple[Msg | Joined, Path]:
    """Name the variants briefly, and where to report: "cast 2/3" (at that cast) when every
    checked variant with that cast has the problem (likewise for a need set), else each
    variant, at most four (at the first one's cast)."""
    v = scenario.variants
    assert v is not None
    for attr, label, group, total in (("cast", "which.cast", "casts", len(v.casts)),
                                      ("needs", "which.needs", "needs", len(v.needs))):
        values = sorted({getattr(c, attr) for c in where if getattr(c, attr) is not None})
        if values and set(where) == {c for c in checked if getattr(c, attr) in values}:
            return (Joined(tuple(msg(label, i=i + 1, n=total) for i in values)),
                    ("variants", group, values[0]))
    names = Joined(tuple(describe(scenario, c) for c in where[:4]))
    more = msg("which.more", n=len(where) - 4) if len(where) > 4 else msg("nothing")
    first = where[0]
    path: Path = (("variants", "casts", first.cast) if first.cast is not None
                  else ("variants", "needs", first.needs or 0))
    return msg("which.variants", names=names, more=more), path


def _key(problem: Problem) -> tuple[str, str, int, int, str]:
    return (problem.level, problem.code, problem.line, problem.col, problem.message)


def _other_rules(scenario: Scenario, locator: Locator) -> list[Problem]:
    from game.lint import rules  # the rule list imports the rule modules, this one among them
    found: list[Problem] = []
    for rule in rules():
        if rule.__name__ != __name__:  # type: ignore[attr-defined]
            found.extend(rule.check(scenario, locator))
    return found


def _references(scenario: Scenario, locator: Locator) -> Iterator[Problem]:
    v = scenario.variants
    assert v is not None
    people = scenario.stakeholders
    for i, cast in enumerate(v.casts):
        for sid in cast.roles:
            if sid not in people:
                yield locator.problem(
                    ("variants", "casts", i, "roles", sid), "error", "unknown-stakeholder",
                    msg("unknown-stakeholder.cast", word=sid, people=", ".join(sorted(people))),
                    key=True)
        for k, sid in enumerate(cast.needs_introduction or []):
            if sid not in people:
                yield locator.problem(
                    ("variants", "casts", i, "needs_introduction", k), "error",
                    "unknown-stakeholder",
                    msg("unknown-stakeholder.cast-introduction", word=sid,
                        people=", ".join(sorted(people))))
        if cast.champion is not None and cast.champion not in people:  # format 1.2
            yield locator.problem(
                ("variants", "casts", i, "champion"), "error", "unknown-stakeholder",
                msg("unknown-stakeholder", word=cast.champion,
                    hint=did_you_mean(cast.champion, people) or NOTHING))
    names = [cast.name for cast in v.casts if cast.name is not None]
    for i, cast in enumerate(v.casts):
        if cast.name is not None and names.count(cast.name) > 1:
            yield locator.problem(("variants", "casts", i, "name"), "error",
                                  "duplicate-cast-name", msg("duplicate-cast-name", name=cast.name))
    for j, need_set in enumerate(v.needs):
        for k, nid in enumerate(need_set.active):
            if nid not in scenario.needs:
                known = ", ".join(sorted(scenario.needs)) or msg("none-declared")
                yield locator.problem(
                    ("variants", "needs", j, "active", k), "error", "unknown-need",
                    msg("unknown-need.need-set", word=nid, known=known))
    for sid, bounds in v.stances.items():
        if sid not in people:
            yield locator.problem(
                ("variants", "stances", sid), "error", "unknown-stakeholder",
                msg("unknown-stakeholder.stances", word=sid), key=True)
        elif bounds[0] > bounds[1]:
            yield locator.problem(
                ("variants", "stances", sid), "error", "bad-range",
                msg("bad-range", who=sid, low=f"{bounds[0]:g}", high=f"{bounds[1]:g}"))
