"""What the analyser finds wrong or missing in a scenario that loads: places play never gets
to, things that can never happen, and competencies whose full marks are out of reach for a
reason the author can change.

Static findings come from the scenario alone, following what can actually be reached: a node
is reachable from its conversation's `start` through `next:` links, and only in the
conversation of someone who can be met (no introduction needed, or someone reachable
introduces them). Dynamic findings come from random play (what it never reached) and from par
(a competency even the best path does not fill, for a reason worth changing:
game/analysis/ceilings.py), and from the content-free strategies (one that passes too many
seeds, or a memorised path that does).

Findings name people and quote the first words of choices; the YAML path (`where`, in the
JSON) keeps the ids. Their words are a `Msg`, in English or Spanish (game/messages.py).
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from game.analysis.ceilings import Ceiling, first_words
from game.analysis.playouts import Playouts
from game.analysis.strategies import MEMORISED, MEMORISED_LIMIT, StrategyFigures, pass_limit
from game.messages import NOTHING, Ids, Msg, Num, msg
from game.problems import Locator, Path
from game.runtime import Runtime
from game.schema import END, Effects, Scenario


@dataclass(frozen=True)
class Finding:
    """One finding: a code, a sentence for the trainer (`words`; `message` is their English),
    and where (YAML path, line if known)."""

    code: str
    message: str = ""
    path: Path = ()
    line: int | None = None
    words: Msg | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.words is not None and not self.message:
            object.__setattr__(self, "message", self.words.render("en"))

    def text(self, language: str = "en") -> str:
        """The sentence in `language`."""
        return self.words.render(language) if self.words is not None else self.message

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (English)."""
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

    def add(code: str, words: Msg, path: Path) -> None:
        line = locator.where(path, key=True)[0] if locator is not None else None
        found.append(Finding(code, path=path, line=line, words=words))

    reached = reachable_nodes(scenario)
    people = scenario.stakeholders
    for sid, person in people.items():
        if not any(s == sid for s, _ in reached):
            add("never-met", msg("finding.never-met", name=person.name), ("stakeholders", sid))
            continue
        for nid, node in person.conversation.nodes.items():
            path: Path = ("stakeholders", sid, "conversation", "nodes", nid)
            if (sid, nid) not in reached:
                add("unreachable-node",
                    msg("finding.unreachable-node", node=nid, name=person.name), path)
            elif not node.choices and not node.end:
                add("dead-end", msg("finding.dead-end", node=nid, name=person.name), path)
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
                add("need-never-revealed",
                    msg("finding.need-never-revealed", need=nid, text=first_words(need.text)),
                    ("needs", nid))
        elif rt.holders.get(nid) and nid not in pitched_to_holder:
            add("need-never-pitched", msg("finding.need-never-pitched", need=nid),
                ("needs", nid))
    for oid, objection in scenario.objections.items():
        raiser = people.get(objection.raised_by)
        if oid not in raised:
            add("objection-never-raised", msg("finding.objection-never-raised", objection=oid),
                ("objections", oid))
        elif oid not in answered:
            key = "finding.objection-never-answered" + (
                ".saboteur" if raiser is not None and raiser.role == "saboteur" else "")
            add("objection-never-answered",
                msg(key, objection=oid, name=raiser.name if raiser is not None else ""),
                ("objections", oid))
    undiscoverable = sorted(n for n in rt.discoverable if n not in revealed)
    if undiscoverable:
        add("competency-cap", msg("finding.cap-discovery", needs=Ids(tuple(undiscoverable))),
            ("needs",))
    dm = rt.decision_maker
    if dm is None:
        add("competency-cap", msg("finding.cap-no-decision-maker"), ("stakeholders",))
    elif not any(s.stakeholder == dm and s.reachable for s in _close_sources(scenario, reached)):
        add("competency-cap", msg("finding.cap-no-close", name=people[dm].name),
            ("stakeholders", dm))
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
    runs = f"{playouts.runs:,}"
    for sid, person in scenario.stakeholders.items():
        for nid, node in person.conversation.nodes.items():
            path: Path = ("stakeholders", sid, "conversation", "nodes", nid)
            if (sid, nid) in reached and playouts.node_runs[(sid, nid)] == 0:
                found.append(Finding("never-visited", path=path, words=msg(
                    "finding.never-visited", node=nid, name=person.name, runs=runs)))
            for i, choice in enumerate(node.choices):
                key = f"{sid}/{nid}/{i}"
                if (sid, nid) in reached and playouts.choice_runs[key] == 0:
                    found.append(Finding("never-chosen", path=path + ("choices", i), words=msg(
                        "finding.never-chosen", name=person.name, node=nid,
                        text=first_words(choice.text), runs=runs)))
    return found


def par_findings(ceilings: Sequence[Ceiling], exact: bool, static: Sequence[Finding] = (),
                 variant: Any = None) -> list[Finding]:
    """A `competency-cap` finding for each reason par falls short that the author can do
    something about (game/analysis/ceilings.py) — not for a close after the first meeting or
    trust short of 1, which the scoring gives every scenario — and that no static finding
    already names (a need never pitched, an objection never raised, discovery or closing
    capped)."""
    covered = {f.path for f in static}
    capped = {("discovery" if f.path == ("needs",) else "closing")
              for f in static if f.code == "competency-cap"}
    where = msg("finding.in-variant", variant=variant) if variant is not None else NOTHING
    found = []
    for ceiling in ceilings:
        if ceiling.competency in capped:
            continue
        for reason in ceiling.reasons:
            if not reason.actionable or (reason.path and reason.path in covered):
                continue
            found.append(Finding("competency-cap", path=reason.path, words=msg(
                "finding.cap" if exact else "finding.cap-found",
                competency=msg(f"competency.{ceiling.competency}"),
                score=Num(ceiling.score, 1), top=Num(ceiling.top, 1), variant=where,
                why=reason.words)))
    return found


def strategy_findings(scenario: Scenario, played: dict[str, StrategyFigures]) -> list[Finding]:
    """A finding for each strategy that passes more than its `pass_limit` of seeds (`PASS_LIMIT`
    for a content-free one, its own for the memoriser who always walks away), and for a path
    learnt by heart that passes more than `MEMORISED_LIMIT` of other seeds —
    except in a tutorial (an id starting with `tutorial`), which labels every option with its
    tactic and has one cast on purpose."""
    if scenario.id.startswith("tutorial"):
        return []
    found = []
    for name, figures in played.items():
        if name == MEMORISED and figures.pass_rate > MEMORISED_LIMIT:
            found.append(Finding("memorised-path-passes", path=("variants",), words=msg(
                "finding.memorised-path-passes", rate=f"{100 * figures.pass_rate:.0f}",
                limit=f"{100 * MEMORISED_LIMIT:.0f}")))
        elif name != MEMORISED and figures.pass_rate > pass_limit(name):
            found.append(Finding("strategy-passes", words=msg(
                "finding.strategy-passes", strategy=name, rate=f"{100 * figures.pass_rate:.0f}",
                wins=f"{100 * figures.win_rate:.0f}", limit=f"{100 * pass_limit(name):.0f}")))
    return found


def locate(findings: list[Finding], locator: Locator | None) -> list[Finding]:
    """The findings with their line filled in from `locator`."""
    if locator is None:
        return findings
    return [f if f.line is not None or not f.path
            else Finding(f.code, f.message, f.path, locator.where(f.path, key=True)[0], f.words)
            for f in findings]
