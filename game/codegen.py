"""The scenario compiled to small Python functions for the engine's busiest steps.

Like ink's runtime, which steps a compiled story, the engine does not interpret a condition or
a node's choices at every arrival: `Runtime` writes each out once as one Python function —
ids are validated slugs and every literal goes through `repr` — so a check costs one call
however many tests it holds. Each generator here is the only statement of its rule's
mechanics; the engine calls what it returns (tests/test_conditions.py, tests/test_engine.py).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from game.schema import Condition
from game.state import PlayState
from game.values import Option, Reason

if TYPE_CHECKING:
    from game.runtime import ChoiceSpec

Check = Callable[[PlayState, "str | None"], "Reason | None"]
# a node's options at an arrival: (options, how many are open), given the state and note_seen
NodeOptions = Callable[[PlayState, bool], "tuple[list[Option], int]"]
# one step of the buying centre's influence, in place on the state's stances
InfluenceStep = Callable[[PlayState], None]


def _tests(condition: Condition, who: str | None) -> list[tuple[str, Reason]]:
    """The condition's tests as (Python expression that is true when the test fails, reason),
    in the order their reasons are reported. `who` is the person being met when it is known
    when compiling (a node's stakeholder); otherwise the expressions read the argument `w`,
    and tests of the person's trust and stance hold when `w` is None (between meetings)."""
    c = condition
    tests: list[tuple[str, Reason]] = []

    def test(failing: str, code: str, params: dict[str, Any]) -> None:
        tests.append((failing, (code, params)))

    for n in c.needs_known:
        test(f"{n!r} not in s.needs_known", "need-known", {"need": n})
    for n in c.needs_unknown:
        test(f"{n!r} in s.needs_known", "need-unknown", {"need": n})
    for f in c.flags:
        test(f"{f!r} not in s.flags", "flag", {"flag": f})
    for f in c.not_flags:
        test(f"{f!r} in s.flags", "not-flag", {"flag": f})
    for p in c.met:
        test(f"{p!r} not in s.met", "met", {"who": p})
    for p in c.not_met:
        test(f"{p!r} in s.met", "not-met", {"who": p})
    for o in c.objections_open:
        test(f"s.objections.get({o!r}, _NONE).get('state') != 'open'", "objection-open",
             {"objection": o})
    for o in c.objections_resolved:
        test(f"s.objections.get({o!r}, _NONE).get('state') != 'resolved'",
             "objection-resolved", {"objection": o})
    for n in c.pitched:
        test(f"{n!r} not in s.pitched", "pitched", {"need": n})
    # trust and stance are the person being met's; between meetings (w is None) they hold
    person = "w is not None and s.{0}[w]" if who is None else f"s.{{0}}[{who!r}]"
    if c.trust_min is not None:
        test(f"{person.format('trust')} < {float(c.trust_min)!r}", "trust",
             {"min": c.trust_min})
    if c.stance_min is not None:
        test(f"{person.format('stance')} < {float(c.stance_min)!r}", "stance",
             {"min": c.stance_min})
    if c.interest_min is not None:
        test(f"s.interest < {int(c.interest_min)!r}", "interest", {"min": c.interest_min})
    if c.turn_min is not None:
        test(f"s.turn < {int(c.turn_min)!r}", "turn-min", {"turn": c.turn_min})
    if c.turn_max is not None:
        test(f"s.turn > {int(c.turn_max)!r}", "turn-max", {"turn": c.turn_max})
    if c.meeting is not None:
        # the first meeting with someone is the one on the turn they were first met; like trust,
        # the test holds between meetings (w is None), where nobody is being met
        met = "s.met.get(w, s.turn)" if who is None else f"s.met.get({who!r}, s.turn)"
        guard = "w is not None and " if who is None else ""
        failing = f"{met} != s.turn" if c.meeting == "first" else f"{met} == s.turn"
        test(f"{guard}{failing}", f"meeting-{c.meeting}", {})
    for i in c.learned:  # format 1.2: qualification items
        test(f"{i!r} not in s.learned", "learned", {"item": i})
    for i in c.not_learned:
        test(f"{i!r} in s.learned", "not-learned", {"item": i})
    return tests


def _compiled(source: str, namespace: dict[str, Any], name: str) -> Any:
    namespace["_NONE"] = {}
    exec(compile(source, f"<{name}>", "exec"), namespace)  # noqa: S102 - literals via repr
    return namespace[name]


def compile_condition(condition: Condition | None) -> Check | None:
    """A fast checker for `condition`: returns None when it holds, else the first reason.

    The tests are written out as one small Python function (ids are validated slugs and every
    literal goes through `repr`), so a check costs one call however many tests it holds.
    """
    if condition is None:
        return None
    tests = _tests(condition, None)
    if not tests:
        return None
    namespace: dict[str, Any] = {}
    lines = ["def check(s, w):"]
    for i, (failing, reason) in enumerate(tests):
        namespace[f"R{i}"] = reason
        lines.append(f"    if {failing}: return R{i}")
    lines.append("    return None")
    return _compiled("\n".join(lines) + "\n", namespace, "check")  # type: ignore[no-any-return]


def compile_node(specs: Sequence[ChoiceSpec], who: str) -> NodeOptions:
    """One function giving a node's options at an arrival, as `_node_options` in the engine
    describes: each choice open (its `option`), said already (its `said`), or closed with the
    first reason its condition fails; and how many are open. With `note_seen`, the valuable
    open ones not yet noted are remembered in `state.seen` with the turn (for the debrief).

    Written out as one Python function per node — the conditions inline, the closed options
    made once here — since this runs at every arrival at a node, the engine's busiest step.
    """
    namespace: dict[str, Any] = {}
    lines = ["def options(s, note_seen):", "    out = []", "    append = out.append",
             "    n = 0"]
    for i, spec in enumerate(specs):
        branches: list[tuple[str, str]] = []
        if spec.once:
            namespace[f"SAID{i}"] = spec.said
            branches.append((f"{spec.key!r} in s.taken", f"SAID{i}"))
        counter = spec.choice.effects.counter
        if counter is not None:  # a counter is offered once its objection has been heard
            namespace[f"UNHEARD{i}"] = spec.option._replace(
                available=False, reason=("objection-not-heard", {"objection": counter.objection}))
            branches.append((f"{counter.objection!r} not in s.objections", f"UNHEARD{i}"))
        when = spec.choice.when
        for j, (failing, reason) in enumerate(_tests(when, who) if when is not None else []):
            namespace[f"SHUT{i}_{j}"] = spec.option._replace(available=False, reason=reason)
            branches.append((failing, f"SHUT{i}_{j}"))
        namespace[f"OPEN{i}"] = spec.option
        body = ["n += 1"]
        if spec.valuable:
            body.append(f"if note_seen and {spec.key!r} not in s.seen: "
                        f"s.seen[{spec.key!r}] = s.turn")
        if spec.draws:  # format 1.3: an objection the trainee could draw out now counts
            body.append(f"if note_seen: s.offered.update({spec.draws!r})")
        body.append(f"append(OPEN{i})")
        if not branches:
            lines.extend("    " + b for b in body)
            continue
        for k, (failing, name) in enumerate(branches):
            lines.append(f"    {'elif' if k else 'if'} {failing}: append({name})")
        lines.append("    else:")
        lines.extend("        " + b for b in body)
    lines.append("    return out, n")
    return _compiled("\n".join(lines) + "\n", namespace, "options")  # type: ignore[no-any-return]


def compile_influence(rows: Sequence[tuple[str, float, Sequence[tuple[str, float]]]]
                      ) -> InfluenceStep:
    """One Friedkin–Johnsen step over the influence matrix's non-zero entries `rows` (each
    person, their openness, and who sways them how much, themselves included): every stance
    becomes openness × (the influence-weighted mix of stances) + (1 − openness) × their own
    view (`anchor`), kept within −1…1. All new stances are worked out from the old ones.
    """
    lines = ["def step(s):", "    stance = s.stance", "    anchor = s.anchor"]
    names = {sid: f"x{i}" for i, (sid, _, _) in enumerate(rows)}
    lines.extend(f"    {names[sid]} = stance[{sid!r}]" for sid, _, _ in rows)
    for sid, openness, row in rows:
        mixed = "".join(f" + {weight!r} * {names[other]}" for other, weight in row)
        lines.append(f"    v = {openness!r} * (0.0{mixed}) + {1.0 - openness!r} * anchor[{sid!r}]")
        lines.append(f"    stance[{sid!r}] = -1.0 if v < -1.0 else 1.0 if v > 1.0 else v")
    return _compiled("\n".join(lines) + "\n", {}, "step")  # type: ignore[no-any-return]
