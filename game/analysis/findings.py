"""What the analyser finds wrong or missing in a scenario that loads: places play never gets
to, things that can never happen, and competencies whose full marks are out of reach for a
reason the author can change.

Static findings come from the scenario alone, following what can actually be reached: a node
is reachable from its conversation's `start` through `next:` links, and only in the
conversation of someone who can be met (no introduction needed, or someone reachable
introduces them). Dynamic findings come from random play (what it never reached) and from par
(a competency even the best path does not fill, for a reason worth changing:
game/analysis/ceilings.py), and from the content-free strategies (one that passes too many
seeds — said with what it does, how it passed on one seed and what would defeat it — or a
memorised path that does, said where the casts go and what they lack).

Findings name people and quote the first words of choices; the YAML path (`where`, in the
JSON) keeps the ids. Their words are a `Msg`, in English or Spanish (game/messages.py).
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from game.analysis.ceilings import Ceiling, first_words
from game.analysis.playouts import Playouts
from game import variants
from game.analysis.strategies import (BY_NAME, MEMORISED, MEMORISED_LIMIT, StrategyFigures,
                                      outcome, pass_limit, play)
from game.engine import Game
from game.lint.variants import describe
from game.messages import NOTHING, Ids, Msg, Num, msg, plural
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


def strategy_findings(scenario: Scenario, played: dict[str, StrategyFigures],
                      rt: Runtime | None = None) -> list[Finding]:
    """A finding for each strategy that passes more than its `pass_limit` of seeds (`PASS_LIMIT`
    for a content-free one, its own for the memoriser who always walks away), and for a path
    learnt by heart that passes more than `MEMORISED_LIMIT` of other seeds —
    except in a tutorial (an id starting with `tutorial`), which labels every option with its
    tactic and has one cast on purpose.

    A strategy's finding says what the player does, how it passed on one seed it passed (played
    again here: the close and the rule it met, or the walk away), and what to change; the path
    learnt by heart's is located at `variants:` (else at `stakeholders:`, whose roles casts
    would redistribute) and says what the casts lack."""
    if scenario.id.startswith("tutorial"):
        return []
    found = []
    for name, figures in played.items():
        if name == MEMORISED and figures.pass_rate > MEMORISED_LIMIT:
            found.append(memorised_finding(scenario, figures))
        elif name != MEMORISED and figures.pass_rate > pass_limit(name):
            rt = rt if rt is not None else Runtime(scenario)
            example = passing_example(rt, name, figures.runs)
            found.append(Finding("strategy-passes", words=msg(
                "finding.strategy-passes", strategy=name, rate=f"{100 * figures.pass_rate:.0f}",
                wins=f"{100 * figures.win_rate:.0f}", limit=f"{100 * pass_limit(name):.0f}",
                does=msg(f"strategy.{name}"),
                example=example if example is not None else NOTHING,
                fix=msg(f"strategy.{name}.fix"))))
    return found


def memorised_finding(scenario: Scenario, figures: StrategyFigures) -> Finding:
    """`memorised-path-passes`, where the trainer adds or changes casts, in words that say what
    the casts lack: there are none, only one, or they do not change who decides or sabotages."""
    v = scenario.variants
    casts = v.casts if v is not None else []
    if v is None:
        key, path = "finding.memorised-path-passes.no-variants", ("stakeholders",)
    elif len(casts) < 2:
        key, path = "finding.memorised-path-passes.no-casts", ("variants",)
    elif len({_roles_in(scenario, cast.roles) for cast in casts}) == 1:
        key, path = "finding.memorised-path-passes.same-roles", ("variants",)
    else:
        key, path = "finding.memorised-path-passes", ("variants",)
    return Finding("memorised-path-passes", path=path, words=msg(
        key, rate=f"{100 * figures.pass_rate:.0f}", limit=f"{100 * MEMORISED_LIMIT:.0f}"))


def _roles_in(scenario: Scenario, roles: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """Who decides and who sabotages under a cast's `roles` (everyone else as written)."""
    return tuple(sorted((sid, roles.get(sid, person.role))
                        for sid, person in scenario.stakeholders.items()
                        if roles.get(sid, person.role) in ("decision_maker", "saboteur")))


def passing_example(rt: Runtime, name: str, seeds: int) -> Msg | None:
    """How the strategy `name` passed on the first of seeds 0…`seeds`−1 it passes (played again:
    the play is seeded, so it passes as it did): the close it won with — whom, in which meeting,
    the words, and the close rule next to what it had — or the walk away; None if none passes."""
    for seed in range(seeds):
        game = play(rt, BY_NAME[name], seed)
        if outcome(game).passed:
            return _how_it_passed(rt.scenario, game, seed)
    return None


def _how_it_passed(scenario: Scenario, game: Game, seed: int) -> Msg:
    state = game.state
    said = [e for e in state.path if e["kind"] == "choice"]
    mistakes = sum(1 for e in said if e["mark"] == "mistake")
    drawn = variants.draw(scenario, seed)
    where = msg("finding.in-variant", variant=describe(scenario, variants.Draw(
        drawn.cast, drawn.needs))) if drawn.cast is not None or drawn.needs is not None \
        else NOTHING
    common: dict[str, Any] = dict(
        seed=seed, variant=where, turns=scenario.turns,
        choices=plural("finding.choices", len(said)),
        mistakes=plural("finding.mistakes", mistakes) if mistakes
        else msg("finding.mistakes.none"))
    last = said[-1] if said else None
    spec = game.rt.spec_by_key.get(last["key"]) if last is not None else None
    text = first_words(spec.choice.text) if spec is not None else ""
    turn = last["turn"] if last is not None else state.turn
    if state.outcome != "won" or last is None or last["tactic"] != "close":
        return msg("finding.strategy-walked", turn=turn, text=text, **common)
    who = last["stakeholder"]
    close = game.scenario.close
    return msg("finding.strategy-won", name=game.scenario.stakeholders[who].name, turn=turn,
               text=text, needs=plural("finding.needs", max(1, close.needs)),
               interest=close.interest, stance=Num(close.stance),
               had_needs=plural("finding.needs", len(state.needs_known)),
               had_interest=state.interest, had_stance=Num(state.stance[who]), **common)


def locate(findings: list[Finding], locator: Locator | None) -> list[Finding]:
    """The findings with their line filled in from `locator`."""
    if locator is None:
        return findings
    return [f if f.line is not None or not f.path
            else Finding(f.code, f.message, f.path, locator.where(f.path, key=True)[0], f.words)
            for f in findings]
