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
from game.schema import COMPETENCIES, Choice
from game.state import PlayState

PENALTY = 0.1  # share of a competency's max lost per mistake of that kind
WRONG_SABOTEUR = 0.2  # share of the saboteurs competency lost per person wrongly tagged saboteur


@dataclass(frozen=True)
class Score:
    """The total (0–100) and each competency's (score, max)."""

    total: float
    competencies: dict[str, tuple[float, float]]

    def to_dict(self) -> dict[str, Any]:
        """{"total": …, "competencies": {name: {"score": …, "max": …}}}"""
        return {"total": self.total,
                "competencies": {k: {"score": s, "max": m} for k, (s, m) in self.competencies.items()}}


def tenths(value: float) -> float:
    """`value` to one decimal, halves up as on paper: 0.745 × 10 is 7.5, though the float
    sum lands a hair below 7.45 and plain `round` gives 7.4 (the par search's bounds round the
    same way, game/analysis/exact.py)."""
    return round(value + 1e-9, 1)


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
    silent = said_nothing(state)
    for name in COMPETENCIES:
        fraction = parts[name]
        weight = float(getattr(weights, name))
        if fraction is None or weight == 0:
            competencies[name] = (0.0, 0.0)
        elif silent:  # no points for an attempt without play
            competencies[name] = (0.0, weight)
        else:
            competencies[name] = (tenths(weight * rules.clamp(fraction, 0.0, 1.0)), weight)
    top = sum(m for _, m in competencies.values())
    total = tenths(100.0 * sum(s for s, _ in competencies.values()) / top) if top else 0.0
    return Score(total, competencies)


@dataclass(frozen=True)
class Verdict:
    """Whether an attempt passes, and why (`reason`: passed, critical-mistake, not-won,
    below-pass-mark; where walking away is right (format 1.2): walked-away-unqualified,
    walked-away-wrong-reason, not-disqualified). `critical` lists the critical mistakes' choice
    keys; `disqualified` says the trainee rightly qualified the prospect out, on turn `turn`;
    `missing` lists what `disqualify.after` asked that was not established (for
    walked-away-unqualified) and `after` all it asks; `exit` is the key of the choice the
    trainee walked away with (for walked-away-wrong-reason)."""

    passed: bool
    reason: str
    pass_mark: int
    critical: tuple[str, ...] = ()
    disqualified: bool = False
    turn: int | None = None
    missing: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    exit: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """{"passed": …, "pass_reason": …} as the result JSON has them."""
        return {"passed": self.passed, "pass_reason": self.reason}


def verdict(rt: Runtime, state: PlayState, total: float | None = None) -> Verdict:
    """The pass rule: an attempt passes only when the deal was won — or, in a deal where walking
    away is right (format 1.2, `disqualify`), the trainee walked away after establishing what
    `disqualify.after` asks — the total reaches the scenario's pass mark, and no critical
    mistake was made. The reason given is the first that fails, in that order of weight: a
    critical mistake, then the deal (walked away before establishing it all:
    walked-away-unqualified; for a reason that does not hold: walked-away-wrong-reason; chased
    to the end or closed: not-disqualified; elsewhere not won, walking away included:
    not-won), then the mark."""
    mark = rt.scenario.scoring.pass_mark
    critical = tuple(state.critical)
    if critical:
        return Verdict(False, "critical-mistake", mark, critical)
    disqualified = False
    if rules.not_to_chase(rt, state):
        after = rt.disqualify_after
        if state.end_reason != rules.WALKED_AWAY or state.close_attempts:
            # chased to the end, or asked for the order: a close here is chasing the deal
            return Verdict(False, "not-disqualified", mark, after=after)
        missing = tuple(rules.not_established(rt, state))
        if missing:
            return Verdict(False, "walked-away-unqualified", mark, turn=state.turn,
                           missing=missing, after=after)
        if not rules.right_reason(rt, state, rules.walked_away_reason(rt, state)):
            return Verdict(False, "walked-away-wrong-reason", mark, turn=state.turn,
                           after=after, exit=rules.walked_away_key(state))
        disqualified = True
    elif state.outcome != "won":
        return Verdict(False, "not-won", mark)
    if total is None:
        total = score(rt, state).total
    extra: dict[str, Any] = ({"disqualified": True, "turn": state.turn,
                              "after": rt.disqualify_after} if disqualified else {})
    if total < mark:
        return Verdict(False, "below-pass-mark", mark, **extra)
    return Verdict(True, "passed", mark, **extra)


def said_nothing(state: PlayState) -> bool:
    """Whether the trainee made no choice at all — only meetings entered and left, or the
    attempt given up at once (role tags are not play). Such an attempt scores 0 in every
    competency: a saboteur without objections, events and tags give no free points."""
    return not any(entry["kind"] == "choice" for entry in state.path)


def importance(rt: Runtime, needs: Any) -> int:
    """The summed importance of `needs` (how discovery and value pitch weigh them)."""
    return sum(rt.scenario.needs[n].importance for n in needs)


def _discovery(rt: Runtime, state: PlayState) -> float | None:
    """Needs uncovered out of those discoverable, weighted by importance."""
    if not rt.discoverable:
        return None
    found = [n for n in state.needs_known if n in rt.discoverable]
    return (importance(rt, found) / importance(rt, rt.discoverable)
            - state.mistake_costs.get("discovery", 0.0))


def tagged(state: PlayState, sid: str, role: str) -> bool:
    """Whether `sid` is tagged `role` on evidence (a tag made before the trainee saw anything
    about that person earns nothing)."""
    return state.tags.get(sid) == role and sid not in state.blind_tags


def wrong_tags(rt: Runtime, state: PlayState, role: str) -> int:
    """How many people carry the tag `role` without having that role."""
    people = rt.scenario.stakeholders
    return sum(1 for sid, tag in state.tags.items()
               if tag == role and sid in people and people[sid].role != role)


def _qualification(rt: Runtime, state: PlayState) -> float:
    """Need, interest, authority and each declared qualification item established (at the first
    close attempt, else at the end; where walking away is right, the items `disqualify.after`
    names); the decision-maker and the influencers tagged correctly on evidence; −1 point per
    premature close and per person wrongly tagged decision-maker, −½ per person wrongly tagged
    influencer."""
    done = rules.scored_checklist(rt, state)
    points = float(sum(done.values()))
    possible = float(len(done))
    if rt.decision_maker is not None:
        possible += 1
        points += tagged(state, rt.decision_maker, "decision_maker")
    if rt.influencers:
        possible += 1
        points += sum(tagged(state, s, "influencer") for s in rt.influencers) / len(rt.influencers)
    points -= state.premature_closes
    if state.tags:
        points -= wrong_tags(rt, state, "decision_maker") + 0.5 * wrong_tags(rt, state, "influencer")
    return points / possible - state.mistake_costs.get("qualification", 0.0)


def _saboteurs(rt: Runtime, state: PlayState) -> float | None:
    """Saboteurs tagged on evidence (40 %) and their objections answered with a working counter
    (60 %; format 1.3: of those raised or whose saboteur was never met); −10 % per wrong
    counter and −20 % per person wrongly tagged saboteur."""
    if not rt.saboteurs:
        return None
    found = sum(tagged(state, s, "saboteur") for s in rt.saboteurs) / len(rt.saboteurs)
    theirs = rules.counted_objections(rt, state)
    if theirs:
        answered = sum(state.objections.get(o, {}).get("state") == "resolved" for o in theirs)
        countered = answered / len(theirs)
    else:
        countered = 1.0
    wrong = wrong_tags(rt, state, "saboteur") if state.tags else 0
    return (0.4 * found + 0.6 * countered - PENALTY * state.wrong_counters
            - WRONG_SABOTEUR * wrong - state.mistake_costs.get("saboteurs", 0.0))


def _value_pitch(rt: Runtime, state: PlayState) -> float | None:
    """Needs pitched to someone who has them, after discovering them (80 %, by importance), both
    front-end and back-end savings shown where the scenario has both (20 %); −10 % per
    premature or irrelevant pitch."""
    pitchable = [n for n, holders in rt.holders.items() if holders]
    if not pitchable:
        return None
    share = importance(rt, [n for n in state.pitched if n in pitchable]) / importance(rt, pitchable)
    kinds = {rt.scenario.needs[n].benefit for n in pitchable}
    savings = {"front_end_savings", "back_end_savings"} & kinds
    if savings:
        shown = {rt.scenario.needs[n].benefit for n in state.pitched} & savings
        fraction = 0.8 * share + 0.2 * len(shown) / len(savings)
    else:
        fraction = share
    return fraction - PENALTY * state.bad_pitches - state.mistake_costs.get("value_pitch", 0.0)


def _closing(rt: Runtime, state: PlayState) -> float:
    """Won: 60 % for the close, 25 % for turns to spare, 15 % for the deal value kept. Where
    walking away is right (format 1.2): 60 % for walking away rightly, 25 % for turns to spare,
    15 % (nothing discounted); 0 otherwise."""
    if rules.not_to_chase(rt, state):
        if not rules.disqualified(rt, state):
            return 0.0 - state.mistake_costs.get("closing", 0.0)
        budget = rt.scenario.turns
        spare = (budget - state.turn + 1) / budget
        return 0.6 + 0.25 * spare + 0.15 - state.mistake_costs.get("closing", 0.0)
    if state.outcome != "won":
        return 0.0 - state.mistake_costs.get("closing", 0.0)
    budget = rt.scenario.turns
    spare = (budget - state.turn + 1) / budget
    listed = rt.scenario.account.deal_value
    value = state.deal_value / listed if listed else 1.0
    return 0.6 + 0.25 * spare + 0.15 * value - state.mistake_costs.get("closing", 0.0)


def _relationship(rt: Runtime, state: PlayState) -> float:
    """Average trust of the people met (60 %), referral asked (20 %) and given (20 %); without a
    referral in the scenario — or in a deal where walking away is right, which has no customer
    to ask — trust is all of it."""
    trust = (sum(state.trust[s] for s in state.met) / len(state.met)) if state.met else 0.0
    lost = state.mistake_costs.get("relationship", 0.0)
    if rt.scenario.referral is None or rules.not_to_chase(rt, state):
        return trust - lost
    return (0.6 * trust + 0.2 * (state.referral is not None) + 0.2 * (state.referral == "won")
            - lost)


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
    verdict: Verdict
    lost: dict[str, list[Any]] = field(default_factory=dict)  # competency → game.losses.Lost
    disqualified: bool = False  # format 1.2: the prospect was rightly qualified out

    def biggest_losses(self) -> list[tuple[str, Any]]:
        """(competency, Lost) of every competency, biggest first — what the debrief leads with."""
        found = [(name, item) for name, items in self.lost.items() for item in items]
        return sorted(found, key=lambda pair: -pair[1].points)


def debrief(rt: Runtime, state: PlayState) -> Debrief:
    """The debrief of an attempt: timeline entries carry the author's feedback."""
    scenario = rt.scenario
    timeline = []
    for entry in state.path:
        if entry["kind"] != "choice":
            continue
        sid, nid, index = entry["key"].split("/")
        choice = scenario.stakeholders[sid].conversation.nodes[nid].choices[int(index)]
        item = {"step": entry["step"], "turn": entry["turn"], "stakeholder": sid,
                "text": choice.text, "tactic": choice.tactic, "mark": entry["mark"],
                "notes": list(entry["notes"]), "feedback": feedback_for(choice, entry["notes"])}
        if "severity" in entry:
            item["severity"] = entry["severity"]
        timeline.append(item)
    from game.losses import points_lost  # it reads this module's rules

    total = score(rt, state)
    return Debrief(state.outcome, state.end_reason, total, timeline,
                   missed_opportunities(rt, state), state.deal_value,
                   verdict(rt, state, total.total), points_lost(rt, state, total),
                   rules.disqualified(rt, state))


def feedback_for(choice: Choice, notes: list[str]) -> str | None:
    """The coach's comment on a choice as taken: for a close, `feedback_won` or
    `feedback_failed` by how it went (format 1.1), else — and when that one is not written —
    its `feedback`."""
    if "close-won" in notes and choice.feedback_won:
        return choice.feedback_won
    if "mistake:close-failed" in notes and choice.feedback_failed:
        return choice.feedback_failed
    return choice.feedback


def reveals_roles(state: PlayState) -> bool:
    """Whether the debrief may name who decides, influences and sabotages: only once the deal
    was played out (won or lost). An attempt given up names nobody, so abandoning to read the
    roles off the debrief teaches nothing."""
    return state.outcome in ("won", "lost")


def missed_opportunities(rt: Runtime, state: PlayState) -> list[Missed]:
    """Openings the trainee let pass, each with the turn it was open, sorted by turn."""
    scenario = rt.scenario
    missed: list[Missed] = []
    # where walking away is right, pitching a product that cannot meet the need is what the
    # deal teaches not to do: an unpitched need is no missed opportunity (only a deal played
    # out is judged so, so giving up tells nothing)
    chase = not rules.not_to_chase(rt, state)
    for need, found in state.needs_known.items():
        if chase and need not in state.pitched and rt.holders.get(need):
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
    missed.extend(_items_not_learned(rt, state))
    if not reveals_roles(state):
        missed.sort(key=lambda m: m.turn)
        return missed
    for sid in rt.influencers:
        if sid not in state.met:
            missed.append(Missed("influencer-not-met", state.turn, {"who": sid}))
    for sid in rt.saboteurs:
        if state.tags.get(sid) != "saboteur":
            missed.append(Missed("saboteur-not-tagged", state.turn, {"who": sid}))
        elif sid in state.blind_tags:
            missed.append(Missed("tag-without-evidence", state.turn, {"who": sid}))
    dm = rt.decision_maker
    if dm is not None and state.tags.get(dm) != "decision_maker":
        missed.append(Missed("decision-maker-not-tagged", state.turn, {"who": dm}))
    elif dm is not None and dm in state.blind_tags:
        missed.append(Missed("tag-without-evidence", state.turn, {"who": dm}))
    people = rt.scenario.stakeholders
    for sid, tag in state.tags.items():
        if sid in people and tag in ("decision_maker", "saboteur", "influencer") \
                and people[sid].role != tag:
            missed.append(Missed("wrong-tag", state.turn, {"who": sid, "role": tag}))
    if state.outcome == "won" and scenario.referral is not None and state.referral is None:
        missed.append(Missed("referral-not-asked", state.turn, {}))
    missed.extend(_qualifying_out(rt, state))
    missed.sort(key=lambda m: m.turn)
    return missed


def _items_not_learned(rt: Runtime, state: PlayState) -> list[Missed]:
    """Each declared qualification item never learnt (format 1.2): with the first turn a choice
    that would have told it was open and the question, when one was offered."""
    qualification = rt.scenario.qualification
    if qualification is None:
        return []
    missed = []
    for item in rt.items:
        if item in state.learned:
            continue
        offered = sorted((turn, key) for key, turn in state.seen.items()
                         if key not in state.taken and key in rt.spec_by_key
                         and item in rt.spec_by_key[key].choice.effects.learn)
        if offered:
            turn, key = offered[0]
            spec = rt.spec_by_key[key]
            missed.append(Missed("item-not-learned", turn, {
                "item": item, "who": spec.stakeholder, "text": spec.choice.text}))
        else:
            missed.append(Missed("item-never-learned", state.turn, {"item": item}))
    competitor = qualification.competitor
    champion = rt.champion  # the drawn cast's own, else the scenario's
    if (competitor is not None and champion is not None and reveals_roles(state)
            and "competitor" not in state.learned and champion in rt.scenario.stakeholders):
        missed.append(Missed("competitor-champion", state.turn, {
            "who": champion, "name": competitor.name or ""}))
    return missed


def _qualifying_out(rt: Runtime, state: PlayState) -> list[Missed]:
    """In a deal played out where walking away was right but the trainee did not (format 1.2):
    the first turn walking away was offered (else the last), and what it rests on."""
    if not reveals_roles(state) or state.end_reason == rules.WALKED_AWAY \
            or not rules.not_to_chase(rt, state):
        return []
    offered = [turn for key, turn in state.seen.items()
               if key in rt.spec_by_key and rt.spec_by_key[key].choice.effects.walk_away]
    return [Missed("walk-away-not-taken", min(offered, default=state.turn),
                   {"after": list(rt.disqualify_after)})]
