"""What cost points: every point a competency lost, with its reason (design.md §3).

`points_lost(rt, state, score)` gives, per competency, `Lost` entries — points, a reason code
with its values, and the turn when there is one — that add up to that competency's max − score:
the rules of game/scoring.py taken apart term by term (an unfound need, a checklist item missing
at the first close, a wrong counter, a mistake you made…). Where a competency's shortfall is cut
at 0 (more was lost than it holds) or rounded, the entries are scaled to what was really lost.
Roles are named only when the deal was played out (`scoring.reveals_roles`).

Only the debrief and the result file call this; the score itself (hot in the par search) never
does.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game import rules
from game.runtime import Runtime
from game.schema import CHECKLIST
from game.scoring import (PENALTY, WRONG_SABOTEUR, Score, importance, reveals_roles,
                          said_nothing, tagged, wrong_tags)
from game.state import PlayState


@dataclass(frozen=True)
class Lost:
    """Points lost in one competency for one reason (`code`, worded by game.i18n `lost-…`)."""

    points: float
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    turn: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """{"points", "why", "turn"?, "params"} for the result file."""
        out: dict[str, Any] = {"points": self.points, "why": self.code}
        if self.turn is not None:
            out["turn"] = self.turn
        if self.params:
            out["params"] = self.params
        return out


Raw = list[tuple[float, str, dict[str, Any], int | None]]  # (share of the max, code, …)


def points_lost(rt: Runtime, state: PlayState, score: Score) -> dict[str, list[Lost]]:
    """Per competency (those with a max), what cost its points, biggest first."""
    if said_nothing(state):  # one reason for all of it: no choice was ever made
        return {name: _fit([(1.0, "said-nothing", {}, None)], top, round(top - got, 1))
                for name, (got, top) in score.competencies.items() if top}
    raw: dict[str, Raw] = {
        "discovery": _discovery(rt, state), "qualification": _qualification(rt, state),
        "saboteurs": _saboteurs(rt, state), "value_pitch": _value_pitch(rt, state),
        "closing": _closing(rt, state), "relationship": _relationship(rt, state)}
    for entry in state.path:  # the mistakes the author marked, in their own competency
        severity = entry.get("severity")
        if entry.get("kind") == "choice" and severity is not None:
            spec = rt.spec_by_key.get(entry["key"])
            if spec is not None:
                raw[spec.competency].append((rules.SEVERITY_COST[severity], "mistake",
                                             {"key": entry["key"], "severity": severity,
                                              "who": entry["stakeholder"]}, entry["turn"]))
    out: dict[str, list[Lost]] = {}
    for name, (got, top) in score.competencies.items():
        if top:
            out[name] = _fit(raw.get(name, []), top, round(top - got, 1))
    return out


def _fit(items: Raw, top: float, shortfall: float) -> list[Lost]:
    """The items as points of `top`, scaled and rounded to add up to `shortfall` exactly."""
    items = [i for i in items if i[0] > 1e-9]
    if shortfall <= 0 or not items:
        return []
    raw_total = sum(share for share, *_ in items) * top
    scale = shortfall / raw_total if raw_total > 0 else 0.0
    ordered = sorted(items, key=lambda i: -i[0])
    points = [round(share * top * scale, 1) for share, *_ in ordered]
    points[0] = round(points[0] + shortfall - sum(points), 1)  # the rounding, on the biggest
    fitted = [Lost(p, code, params, turn) for p, (_, code, params, turn) in zip(points, ordered)
              if p > 0]
    return sorted(fitted, key=lambda lost: -lost.points)  # the rounding may reorder two


def _discovery(rt: Runtime, state: PlayState) -> Raw:
    total = importance(rt, rt.discoverable) or 1
    return [(rt.scenario.needs[n].importance / total, "need-not-found", {"need": n}, None)
            for n in sorted(rt.discoverable) if n not in state.needs_known]


def _qualification(rt: Runtime, state: PlayState) -> Raw:
    done = rules.scored_checklist(rt, state)
    possible = len(done) + (rt.decision_maker is not None) + bool(rt.influencers)
    named = reveals_roles(state)
    if rules.not_to_chase(rt, state):  # what qualifying out rests on (format 1.2)
        items: Raw = [(1 / possible, "after-not-established", {"item": item}, None)
                      for item, ok in done.items() if not ok]
    else:
        items = [(1 / possible, f"checklist-{item}", {}, None) if item in CHECKLIST
                 else (1 / possible, "checklist-item", {"item": item}, None)
                 for item, ok in done.items() if not ok]
    dm = rt.decision_maker
    if dm is not None and not tagged(state, dm, "decision_maker"):
        blind = state.tags.get(dm) == "decision_maker"
        items.append((1 / possible, "tag-blind" if blind else "decision-maker-not-tagged",
                      {"who": dm} if named else {}, None))
    if rt.influencers:
        share = 1 / possible / len(rt.influencers)
        for sid in rt.influencers:
            if not tagged(state, sid, "influencer"):
                items.append((share, "influencer-not-tagged", {"who": sid} if named else {},
                              None))
    if state.premature_closes:
        items.append((state.premature_closes / possible, "premature-close",
                      {"n": state.premature_closes}, None))
    for role, weight in (("decision_maker", 1.0), ("influencer", 0.5)):
        if state.tags and wrong_tags(rt, state, role):
            items.append((weight * wrong_tags(rt, state, role) / possible, "wrong-tag",
                          {"role": role, "n": wrong_tags(rt, state, role)}, None))
    return items


def _saboteurs(rt: Runtime, state: PlayState) -> Raw:
    if not rt.saboteurs:
        return []
    named = reveals_roles(state)
    items: Raw = [(0.4 / len(rt.saboteurs), "saboteur-not-tagged",
                   {"who": sid} if named else {}, None)
                  for sid in rt.saboteurs if not tagged(state, sid, "saboteur")]
    theirs = rules.counted_objections(rt, state)
    for oid in theirs:
        record = state.objections.get(oid)
        if record is None or record.get("state") != "resolved":
            heard = record is not None
            items.append((0.6 / len(theirs),
                          "objection-open" if heard else "objection-not-heard",
                          {"objection": oid} if heard or named else {},
                          record["raised"] if heard else None))
    if state.wrong_counters:
        items.append((PENALTY * state.wrong_counters, "wrong-counter",
                      {"n": state.wrong_counters}, None))
    if state.tags and wrong_tags(rt, state, "saboteur"):
        n = wrong_tags(rt, state, "saboteur")
        items.append((WRONG_SABOTEUR * n, "wrong-tag", {"role": "saboteur", "n": n}, None))
    return items


def _value_pitch(rt: Runtime, state: PlayState) -> Raw:
    pitchable = [n for n, holders in rt.holders.items() if holders]
    if not pitchable:
        return []
    total = importance(rt, pitchable)
    kinds = {rt.scenario.needs[n].benefit for n in pitchable}
    savings = sorted({"front_end_savings", "back_end_savings"} & kinds)
    part = 0.8 if savings else 1.0
    items: Raw = [(part * rt.scenario.needs[n].importance / total,
                   "need-not-pitched" if n in state.needs_known else "need-not-found-to-pitch",
                   {"need": n}, None)
                  for n in sorted(pitchable) if n not in state.pitched]
    shown = {rt.scenario.needs[n].benefit for n in state.pitched}
    items += [(0.2 / len(savings), "saving-not-shown", {"benefit": kind}, None)
              for kind in savings if kind not in shown]
    if state.bad_pitches:
        items.append((PENALTY * state.bad_pitches, "bad-pitch", {"n": state.bad_pitches}, None))
    return items


def _closing(rt: Runtime, state: PlayState) -> Raw:
    walked = state.end_reason == rules.WALKED_AWAY
    if rules.not_to_chase(rt, state):  # format 1.2: a deal not to chase
        missing = rules.not_established(rt, state)
        if not walked or state.close_attempts:  # chased to the end, or asked for the order
            return [(1.0, "not-disqualified", {"after": list(rt.disqualify_after)}, None)]
        if missing:
            return [(1.0, "walked-away-unqualified", {"missing": missing}, state.turn)]
        if not rules.right_reason(rt, state, rules.walked_away_reason(rt, state)):
            return [(1.0, "walked-away-wrong-reason", {"key": rules.walked_away_key(state)},
                     state.turn)]
        return [(0.25 * (state.turn - 1) / rt.scenario.turns, "turns-used-out",
                 {"turns": state.turn}, state.turn)]
    if walked:
        return [(1.0, "walked-away", {}, state.turn)]
    if state.outcome != "won":
        return [(1.0, "deal-not-won", {"outcome": state.outcome or "abandoned"}, None)]
    budget = rt.scenario.turns
    items: Raw = [(0.25 * (state.turn - 1) / budget, "turns-used", {"turns": state.turn},
                   state.turn)]
    listed = rt.scenario.account.deal_value
    if listed and state.deal_value < listed:
        items.append((0.15 * (1 - state.deal_value / listed), "discount",
                      {"value": state.deal_value}, state.turn))
    return items


def _relationship(rt: Runtime, state: PlayState) -> Raw:
    trust = (sum(state.trust[s] for s in state.met) / len(state.met)) if state.met else 0.0
    referral = rt.scenario.referral is not None and not rules.not_to_chase(rt, state)
    part = 0.6 if referral else 1.0
    items: Raw = [(part * (1 - trust), "trust", {"trust": round(trust, 2)}, None) if state.met
                  else (part, "nobody-met", {}, None)]
    if referral:
        if state.referral is None:
            items.append((0.4, "referral-not-asked", {}, None))
        elif state.referral != "won":
            items.append((0.2, "referral-not-given", {}, None))
    return items
