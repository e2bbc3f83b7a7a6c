"""What the analyser finds wrong or missing in a scenario that loads: places play never gets
to, things that can never happen, and competencies whose full marks are out of reach.

Static findings come from the scenario alone, following what can actually be reached: a node
is reachable from its conversation's `start` through `next:` links, and only in the
conversation of someone who can be met (no introduction needed, or someone reachable
introduces them). Dynamic findings come from random play (what it never reached) and from par
(a competency even the best path does not fill), and from the content-free strategies (one that
passes too many seeds, or a memorised path that does).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from game.analysis.par import Par
from game.analysis.playouts import Playouts
from game.analysis.strategies import MEMORISED, MEMORISED_LIMIT, PASS_LIMIT, StrategyFigures
from game.problems import Locator, Path
from game.runtime import Runtime
from game.schema import END, COMPETENCIES, Effects, Scenario


@dataclass(frozen=True)
class Finding:
    """One finding: a code, a sentence for the trainer, and where (YAML path, line if known)."""

    code: str
    message: str
    path: Path = ()
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"code": self.code, "message": self.message,
                "where": "/".join(str(p) for p in self.path), "line": self.line}


@dataclass(frozen=True)
class _Source:
    effects: Effects
    stakeholder: str | None  # whose conversation (None: an event)
    reachable: bool
    counters_ok: bool = False


def reachable_nodes(scenario: Scenario) -> set[tuple[str, str]]:
    """(stakeholder, node) pairs play can reach: conversations followed from `start`, of people
    who can be met (introductions followed to a fixed point, events included)."""
    people = scenario.stakeholders
    can_meet = {sid for sid, p in people.items() if not p.requires_introduction}
    for event in scenario.events.values():
        can_meet.update(s for s in event.effects.introduce if s in people)
    reached: set[tuple[str, str]] = set()
    changed = True
    while changed:
        changed = False
        for sid in sorted(can_meet):
            conversation = people[sid].conversation
            todo = [conversation.start]
            while todo:
                nid = todo.pop()
                if (sid, nid) in reached or nid not in conversation.nodes:
                    continue
                reached.add((sid, nid))
                for choice in conversation.nodes[nid].choices:
                    if choice.next is not None and choice.next != END:
                        todo.append(choice.next)
                    for other in choice.effects.introduce:
                        if other in people and other not in can_meet:
                            can_meet.add(other)
                            changed = True
    return reached


def _sources(scenario: Scenario, reached: set[tuple[str, str]]) -> Iterator[_Source]:
    for sid, person in scenario.stakeholders.items():
        for nid, node in person.conversation.nodes.items():
            for choice in node.choices:
                yield _Source(choice.effects, sid, (sid, nid) in reached)
    for event in scenario.events.values():
        yield _Source(event.effects, None, True)


def static_findings(scenario: Scenario, locator: Locator | None = None) -> list[Finding]:
    """Dead ends, unreachable nodes and people, needs never revealed, objections never raised
    or never answered, and competencies whose full marks no path can reach."""
    rt = Runtime(scenario)
    found: list[Finding] = []

    def add(code: str, message: str, path: Path) -> None:
        line = locator.where(path, key=True)[0] if locator is not None else None
        found.append(Finding(code, message, path, line))

    reached = reachable_nodes(scenario)
    people = scenario.stakeholders
    for sid, person in people.items():
        if not any(s == sid for s, _ in reached):
            add("never-met", f"{person.name} can never be met: they need an introduction and "
                "nothing reachable introduces them", ("stakeholders", sid))
            continue
        for nid, node in person.conversation.nodes.items():
            path: Path = ("stakeholders", sid, "conversation", "nodes", nid)
            if (sid, nid) not in reached:
                add("unreachable-node", f"{sid}/{nid} is never reached: no `next:` on the way "
                    f"from {person.name}'s `start` leads to it", path)
            elif not node.choices and not node.end:
                add("dead-end", f"{sid}/{nid} is a dead end: no choices and no `end: true`",
                    path)
    live = [s for s in _sources(scenario, reached) if s.reachable]
    revealed = {n for s in live for n in s.effects.reveal_needs}
    raised = {o for s in live for o in s.effects.raise_objections}
    answered = {s.effects.counter.objection for s in live if s.effects.counter is not None
                and s.effects.counter.objection in scenario.objections
                and s.effects.counter.using in scenario.objections[s.effects.counter.objection].counters}
    pitched_to_holder = {n for s in live if s.stakeholder is not None for n in s.effects.pitch
                         if s.stakeholder in rt.holders.get(n, ())}
    for nid, need in scenario.needs.items():
        if nid not in revealed:
            if nid not in rt.discoverable:  # else the discovery cap below names it
                add("need-never-revealed", f"need '{nid}' ({need.text}) is never revealed: "
                    "nothing lists it in `reveal_needs`", ("needs", nid))
        elif rt.holders.get(nid) and nid not in pitched_to_holder:
            add("need-never-pitched", f"need '{nid}' can be found but no reachable choice "
                "pitches it to someone who has it: value pitch cannot reach full marks",
                ("needs", nid))
    for oid, objection in scenario.objections.items():
        raiser = people.get(objection.raised_by)
        if oid not in raised:
            add("objection-never-raised", f"objection '{oid}' is never raised by anything "
                "reachable", ("objections", oid))
        elif oid not in answered:
            whose = f" — {raiser.name} is a saboteur, so the saboteurs competency cannot reach " \
                "full marks" if raiser is not None and raiser.role == "saboteur" else ""
            add("objection-never-answered", f"objection '{oid}' can be raised but no reachable "
                f"choice answers it with one of its counters{whose}", ("objections", oid))
    undiscoverable = sorted(n for n in rt.discoverable if n not in revealed)
    if undiscoverable:
        add("competency-cap", "discovery cannot reach full marks: "
            f"{', '.join(undiscoverable)} can only be revealed in unreachable places", ("needs",))
    dm = rt.decision_maker
    if dm is None:
        add("competency-cap", "closing cannot score: nobody has `role: decision_maker`",
            ("stakeholders",))
    elif not any(s.stakeholder == dm and s.reachable for s in _close_sources(scenario, reached)):
        add("competency-cap", f"closing cannot score: no reachable choice of "
            f"{people[dm].name} (the decision-maker) is a close attempt", ("stakeholders", dm))
    return found


def _close_sources(scenario: Scenario, reached: set[tuple[str, str]]) -> Iterator[_Source]:
    for sid, person in scenario.stakeholders.items():
        for nid, node in person.conversation.nodes.items():
            for choice in node.choices:
                if choice.tactic == "close":
                    yield _Source(choice.effects, sid, (sid, nid) in reached)


def coverage_findings(scenario: Scenario, playouts: Playouts) -> list[Finding]:
    """Nodes and choices random play never reached (in all its runs)."""
    if playouts.runs == 0:
        return []
    found = []
    reached = reachable_nodes(scenario)
    for sid, person in scenario.stakeholders.items():
        for nid, node in person.conversation.nodes.items():
            path: Path = ("stakeholders", sid, "conversation", "nodes", nid)
            if (sid, nid) in reached and playouts.node_runs[(sid, nid)] == 0:
                found.append(Finding("never-visited", f"{sid}/{nid}: random play never got "
                                     f"here in {playouts.runs:,} runs", path))
            for i, choice in enumerate(node.choices):
                key = f"{sid}/{nid}/{i}"
                if (sid, nid) in reached and playouts.choice_runs[key] == 0:
                    label = f" ({choice.id})" if choice.id else ""
                    found.append(Finding("never-chosen", f"{key}{label} “{_short(choice.text)}”:"
                                         f" never chosen in {playouts.runs:,} random runs",
                                         path + ("choices", i)))
    return found


def par_findings(par: Par) -> list[Finding]:
    """Competencies whose full marks the par path does not reach."""
    found = []
    for name in COMPETENCIES:
        got, top = par.competencies.get(name, (0.0, 0.0))
        if top and got < top:
            how = "no path can reach more" if par.exact else "the best path found reaches no more"
            found.append(Finding("competency-cap", f"{name}: par reaches {got:g} of {top:g} "
                                 f"({how})"))
    return found


def strategy_findings(scenario: Scenario, played: dict[str, StrategyFigures]) -> list[Finding]:
    """A finding for each content-free strategy that passes more than `PASS_LIMIT` of seeds,
    and for a path learnt by heart that passes more than `MEMORISED_LIMIT` of other seeds."""
    found = []
    for name, figures in played.items():
        if name == MEMORISED and figures.pass_rate > MEMORISED_LIMIT:
            found.append(Finding(
                "memorised-path-passes",
                f"the best path of one seed, replayed word for word, passes "
                f"{100 * figures.pass_rate:.0f} % of other seeds (at most "
                f"{100 * MEMORISED_LIMIT:.0f} % wanted) — add casts (`variants: casts:`) in "
                "which someone else decides and sabotages", ("variants",)))
        elif name != MEMORISED and figures.pass_rate > PASS_LIMIT:
            found.append(Finding(
                "strategy-passes",
                f"the content-free strategy '{name}' passes {100 * figures.pass_rate:.0f} % of "
                f"seeds (wins {100 * figures.win_rate:.0f} %; at most {100 * PASS_LIMIT:.0f} % "
                "wanted) — add mistakes a blind player falls into (docs/authoring.md, "
                "\"Scores that measure skill\")"))
    return found


def locate(findings: list[Finding], locator: Locator | None) -> list[Finding]:
    """The findings with their line filled in from `locator`."""
    if locator is None:
        return findings
    return [f if f.line is not None or not f.path
            else Finding(f.code, f.message, f.path, locator.where(f.path, key=True)[0])
            for f in findings]


def _short(text: str, limit: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
