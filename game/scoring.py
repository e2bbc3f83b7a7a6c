"""Scoring the path to the close, and the debrief that explains it.

Six competencies, each `score / max` where max is the scenario's weight for it (a competency
the scenario cannot exercise — no saboteur, say — has max 0 and drops out). The total is
100 × Σ score / Σ max. docs/authoring.md states these rules in a trainer's words.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game import rules
from game.runtime import Runtime
from game.schema import COMPETENCIES
from game.state import PlayState

PENALTY = 0.1  # share of a competency's max lost per mistake of that kind


@dataclass(frozen=True)
class Score:
    """The total (0–100) and each competency's (score, max)."""

    total: float
    competencies: dict[str, tuple[float, float]]

    def to_dict(self) -> dict[str, Any]:
        """{"total": …, "competencies": {name: {"score": …, "max": …}}}"""
        return {"total": self.total,
                "competencies": {k: {"score": s, "max": m} for k, (s, m) in self.competencies.items()}}


def score(rt: Runtime, state: PlayState) -> Score:
    """Score an attempt (finished or not) from its state."""
    weights = rt.scenario.scoring.weights
    parts = {
        "discovery": _discovery(rt, state),
        "qualification": _qualification(rt, state),
        "saboteurs": _saboteurs(rt, state),
        "value_pitch": _value_pitch(rt, state),
        "closing": _closing(rt, state),
        "relationship": _relationship(rt, state),
    }
    competencies: dict[str, tuple[float, float]] = {}
    for name in COMPETENCIES:
        fraction = parts[name]
        weight = float(getattr(weights, name))
        if fraction is None or weight == 0:
            competencies[name] = (0.0, 0.0)
        else:
            competencies[name] = (round(weight * rules.clamp(fraction, 0.0, 1.0), 1), weight)
    top = sum(m for _, m in competencies.values())
    total = round(100.0 * sum(s for s, _ in competencies.values()) / top, 1) if top else 0.0
    return Score(total, competencies)


def _importance(rt: Runtime, needs: Any) -> int:
    return sum(rt.scenario.needs[n].importance for n in needs)


def _discovery(rt: Runtime, state: PlayState) -> float | None:
    """Needs uncovered out of those discoverable, weighted by importance."""
    if not rt.discoverable:
        return None
    found = [n for n in state.needs_known if n in rt.discoverable]
    return _importance(rt, found) / _importance(rt, rt.discoverable)


def _qualification(rt: Runtime, state: PlayState) -> float:
    """Need, interest, authority established (at the first close attempt, else at the end);
    the decision-maker and the influencers tagged correctly; −1 point per premature close."""
    done = state.qualified_at_close or rules.checklist(rt, state)
    points = float(sum(done.values()))
    possible = 3.0
    if rt.decision_maker is not None:
        possible += 1
        points += state.tags.get(rt.decision_maker) == "decision_maker"
    if rt.influencers:
        possible += 1
        points += sum(state.tags.get(s) == "influencer" for s in rt.influencers) / len(rt.influencers)
    points -= state.premature_closes
    return points / possible


def _saboteurs(rt: Runtime, state: PlayState) -> float | None:
    """Saboteurs tagged (40 %) and their objections answered with a working counter (60 %)."""
    if not rt.saboteurs:
        return None
    tagged = sum(state.tags.get(s) == "saboteur" for s in rt.saboteurs) / len(rt.saboteurs)
    theirs = [o for o, obj in rt.scenario.objections.items() if obj.raised_by in rt.saboteurs]
    if theirs:
        answered = sum(state.objections.get(o, {}).get("state") == "resolved" for o in theirs)
        countered = answered / len(theirs)
    else:
        countered = 1.0
    return 0.4 * tagged + 0.6 * countered - PENALTY * state.wrong_counters


def _value_pitch(rt: Runtime, state: PlayState) -> float | None:
    """Needs pitched to someone who has them, after discovering them (80 %, by importance), both
    front-end and back-end savings shown where the scenario has both (20 %); −10 % per
    premature or irrelevant pitch."""
    pitchable = [n for n, holders in rt.holders.items() if holders]
    if not pitchable:
        return None
    share = _importance(rt, [n for n in state.pitched if n in pitchable]) / _importance(rt, pitchable)
    kinds = {rt.scenario.needs[n].benefit for n in pitchable}
    savings = {"front_end_savings", "back_end_savings"} & kinds
    if savings:
        shown = {rt.scenario.needs[n].benefit for n in state.pitched} & savings
        fraction = 0.8 * share + 0.2 * len(shown) / len(savings)
    else:
        fraction = share
    return fraction - PENALTY * state.bad_pitches


def _closing(rt: Runtime, state: PlayState) -> float:
    """Won: 60 % for the close, 25 % for turns to spare, 15 % for the deal value kept."""
    if state.outcome != "won":
        return 0.0
    budget = rt.scenario.turns
    spare = (budget - state.turn + 1) / budget
    listed = rt.scenario.account.deal_value
    value = state.deal_value / listed if listed else 1.0
    return 0.6 + 0.25 * spare + 0.15 * value


def _relationship(rt: Runtime, state: PlayState) -> float:
    """Average trust of the people met (60 %), referral asked (20 %) and given (20 %); without a
    referral in the scenario, trust is all of it."""
    trust = (sum(state.trust[s] for s in state.met) / len(state.met)) if state.met else 0.0
    if rt.scenario.referral is None:
        return trust
    return 0.6 * trust + 0.2 * (state.referral is not None) + 0.2 * (state.referral == "won")


# --- the debrief --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Missed:
    """An opportunity not taken: what, when it was open (turn), and with whom."""

    code: str
    turn: int
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Debrief:
    """What a trainee reads at the end: score, the marked timeline, the missed opportunities."""

    outcome: str | None
    end_reason: str | None
    score: Score
    timeline: list[dict[str, Any]]
    missed: list[Missed]
    deal_value: float


def debrief(rt: Runtime, state: PlayState) -> Debrief:
    """The debrief of an attempt: timeline entries carry the author's feedback."""
    scenario = rt.scenario
    timeline = []
    for entry in state.path:
        if entry["kind"] != "choice":
            continue
        sid, nid, index = entry["key"].split("/")
        choice = scenario.stakeholders[sid].conversation.nodes[nid].choices[int(index)]
        timeline.append({"step": entry["step"], "turn": entry["turn"], "stakeholder": sid,
                         "text": choice.text, "tactic": choice.tactic, "mark": entry["mark"],
                         "notes": list(entry["notes"]), "feedback": choice.feedback})
    return Debrief(state.outcome, state.end_reason, score(rt, state), timeline,
                   missed_opportunities(rt, state), state.deal_value)


def missed_opportunities(rt: Runtime, state: PlayState) -> list[Missed]:
    """Openings the trainee let pass, each with the turn it was open, sorted by turn."""
    scenario = rt.scenario
    missed: list[Missed] = []
    for need, found in state.needs_known.items():
        if need not in state.pitched and rt.holders.get(need):
            missed.append(Missed("need-not-pitched", found["turn"],
                                 {"need": need, "who": found["by"]}))
    taken_needs = set(state.needs_known)
    for key, turn in state.seen.items():
        sid, nid, index = key.split("/")
        choice = scenario.stakeholders[sid].conversation.nodes[nid].choices[int(index)]
        new = [n for n in choice.effects.reveal_needs if n not in taken_needs]
        if new and key not in state.taken:
            taken_needs.update(new)
            missed.append(Missed("question-not-asked", turn,
                                 {"who": sid, "text": choice.text, "needs": new}))
    for oid, record in state.objections.items():
        if record["state"] == "open":
            missed.append(Missed("objection-open", record["raised"],
                                 {"objection": oid, "who": scenario.objections[oid].raised_by}))
    for sid in rt.influencers:
        if sid not in state.met:
            missed.append(Missed("influencer-not-met", state.turn, {"who": sid}))
    for sid in rt.saboteurs:
        if state.tags.get(sid) != "saboteur":
            missed.append(Missed("saboteur-not-tagged", state.turn, {"who": sid}))
    dm = rt.decision_maker
    if dm is not None and state.tags.get(dm) != "decision_maker":
        missed.append(Missed("decision-maker-not-tagged", state.turn, {"who": dm}))
    if state.outcome == "won" and scenario.referral is not None and state.referral is None:
        missed.append(Missed("referral-not-asked", state.turn, {}))
    missed.sort(key=lambda m: m.turn)
    return missed
