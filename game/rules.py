"""The rules of the sale: qualification, the deal's stage, the buying centre's influence, the
close and the referral. Each rule is a small function a trainer can read about in
docs/authoring.md; the numbers below are the ones the guide quotes.
"""
from __future__ import annotations

from dataclasses import dataclass

from game.codegen import Check
from game.runtime import Runtime, walk_away_reason
from game.schema import INTEREST_MAX, Scenario
from game.state import PlayState

PITCH_GAIN = 0.15          # stance gained by a pitch that answers the listener's own need
PREMATURE_PITCH = -0.10    # stance lost pitching a need not yet discovered
IRRELEVANT_PITCH = -0.05   # stance lost pitching a need the listener does not have
COUNTER_GAIN = 0.10        # stance the raiser gains when their objection is answered well
WRONG_COUNTER = -0.10      # stance lost answering an objection with a counter that does not work
FAILED_CLOSE_STANCE = -0.15
FAILED_CLOSE_TRUST = -0.10
MAX_EXCHANGES = 12         # choices in one meeting before the stakeholder has to leave
# share of the choice's competency an author-marked mistake costs, by severity; a critical
# mistake also fails the attempt (scoring.verdict)
SEVERITY_COST = {"minor": 0.05, "major": 0.15, "critical": 0.30}

STAGES = ("lead", "prospect", "qualified_prospect", "customer")
WALKED_AWAY = "walked-away"  # the end reason of an attempt the trainee walked away from


def clamp(value: float, low: float, high: float) -> float:
    """`value` limited to [low, high]."""
    return low if value < low else high if value > high else value


def met_with_clear_clue(state: PlayState, sid: str) -> bool:
    """Whether `sid` has been met and a clear (not vague) clue about their part collected."""
    return sid in state.met and any(
        h["about"] == sid and not h.get("vague", False) for h in state.hints)


def authority_established(rt: Runtime, state: PlayState) -> bool:
    """Authority ✓: the decision-maker has been met and a clear (not vague) clue about their part
    was collected."""
    dm = rt.decision_maker
    return dm is not None and met_with_clear_clue(state, dm)


def has_evidence(scenario: Scenario, state: PlayState, sid: str) -> bool:
    """Whether the trainee has seen anything about `sid`: met them, collected a clue about them,
    or heard an objection they raise. Only a role tag made with evidence scores."""
    if sid in state.met:
        return True
    for hint in state.hints:
        if hint["about"] == sid:
            return True
    objections = scenario.objections
    return any(objections[oid].raised_by == sid for oid in state.objections if oid in objections)


def board_checklist(rt: Runtime, state: PlayState) -> dict[str, bool]:
    """The checklist as the trainee's deal board shows it: need and interest as they stand, and
    authority ✓ when someone the trainee tagged as decision-maker has been met and a clear clue
    about them was collected. It never reads the hidden roles, so watching it cannot tell who
    decides; the close rule (`decide_close`) checks the real decision-maker."""
    done = checklist(rt, state)
    done["authority"] = any(met_with_clear_clue(state, sid) for sid, role in state.tags.items()
                            if role == "decision_maker")
    return done


def checklist(rt: Runtime, state: PlayState) -> dict[str, bool]:
    """The qualification checklist: need, interest, authority, then (format 1.2) each
    qualification item the scenario declares — budget, timing, decision process, competitor —
    ticked once a choice or event has made it learnt."""
    close = rt.scenario.close
    done = {
        "need": len(state.needs_known) >= close.needs,
        "interest": state.interest >= close.interest,
        "authority": authority_established(rt, state),
    }
    for item in rt.items:
        done[item] = item in state.learned
    return done


def walking_away_right(rt: Runtime, state: PlayState) -> bool:
    """Whether walking away is the right call in this deal: the scenario says when
    (`disqualify`) and its `when` holds — and, where it lists reasons, some reason's `when`
    holds too — read as between meetings, so tests of the person being met hold. Without
    `disqualify`, walking away is never right, only not winning."""
    if rt.scenario.disqualify is None:
        return False
    check = rt.disqualify_check
    if check is not None and check(state, None) is not None:
        return False
    reasons = rt.disqualify_reasons
    return not reasons or any(_holds(reason, state) for reason in reasons.values())


def _holds(check: Check | None, state: PlayState) -> bool:
    return check is None or check(state, None) is None


def right_reason(rt: Runtime, state: PlayState, reason: str | None) -> bool:
    """Whether `reason` (a walk-away choice's, None for `walk_away: true`) is a right one in a
    deal where walking away is right: any reason (or none) when `disqualify` lists no reasons;
    else one of them whose `when` holds."""
    reasons = rt.disqualify_reasons
    if not reasons:
        return True
    return reason is not None and reason in reasons and _holds(reasons[reason], state)


def walked_away_reason(rt: Runtime, state: PlayState) -> str | None:
    """The reason the trainee gave walking away: that of the choice the attempt ended with
    (None when it gave none, or the attempt did not end by walking away)."""
    if state.end_reason != WALKED_AWAY:
        return None
    for entry in reversed(state.path):
        if entry.get("kind") == "choice":
            spec = rt.spec_by_key.get(entry["key"])
            return walk_away_reason(spec.choice.effects) if spec is not None else None
    return None


def walked_away_key(state: PlayState) -> str | None:
    """The key of the choice the trainee walked away with (None when they did not)."""
    if state.end_reason != WALKED_AWAY:
        return None
    return next((entry["key"] for entry in reversed(state.path)
                 if entry.get("kind") == "choice"), None)


def not_to_chase(rt: Runtime, state: PlayState) -> bool:
    """Whether the attempt is judged as a deal not to chase (format 1.2): walking away is right
    here and the attempt was played out (won or lost — walking away counts as lost). An attempt
    given up, or still under way, is judged as in any other deal, so giving up never tells
    whether walking away was right."""
    return state.outcome in ("won", "lost") and walking_away_right(rt, state)


def not_established(rt: Runtime, state: PlayState) -> list[str]:
    """What `disqualify.after` asks for that is not established now: need, interest and
    authority as the close rule reads them, qualification items once learnt."""
    done = checklist(rt, state)
    return [item for item in rt.disqualify_after
            if not done.get(item, item in state.learned)]


def walks_away_rightly(rt: Runtime, state: PlayState, reason: str | None) -> bool:
    """Whether walking away now, giving `reason`, is the right call: walking away is right
    here, no close was asked for (asking for the order is chasing the deal — and a close that
    fails would otherwise tell the trainee to walk away), everything in `disqualify.after` is
    established, and the reason is a right one."""
    return (walking_away_right(rt, state) and not state.close_attempts
            and not not_established(rt, state) and right_reason(rt, state, reason))


def disqualified(rt: Runtime, state: PlayState) -> bool:
    """Whether the trainee walked away rightly: the attempt ended by walking away, in a deal
    where that is right, with everything in `disqualify.after` established first, for a right
    reason."""
    return (state.end_reason == WALKED_AWAY
            and walks_away_rightly(rt, state, walked_away_reason(rt, state)))


def scored_checklist(rt: Runtime, state: PlayState) -> dict[str, bool]:
    """The checklist the qualification score counts: as it stood at the first close attempt,
    else as it stands now; in a deal where walking away is right, only what `disqualify.after`
    names (what qualifying the prospect out rests on; `not_to_chase`)."""
    done = state.qualified_at_close or checklist(rt, state)
    if not not_to_chase(rt, state):
        return done
    return {item: done.get(item, item in state.learned) for item in rt.disqualify_after}


def stage(rt: Runtime, state: PlayState, *, board: bool = False) -> str:
    """lead → prospect (interest shown) → qualified prospect (checklist done) → customer (won).
    With `board`, as the deal board shows it (by `board_checklist`, which reads no roles)."""
    if state.outcome == "won":
        return "customer"
    if all((board_checklist if board else checklist)(rt, state).values()):
        return "qualified_prospect"
    if state.interest >= 1:
        return "prospect"
    return "lead"


def spread_influence(rt: Runtime, state: PlayState) -> None:
    """The buying centre talks among itself after a meeting.

    Open objections first push doubt onto everyone their raiser influences (weight × pressure,
    into their own view); then one Friedkin–Johnsen step: each person's stance becomes
    openness × (the influence-weighted mix of stances) + (1 − openness) × their own view.
    """
    stance, anchor = state.stance, state.anchor
    for oid, record in state.objections.items():
        if record["state"] == "open":
            for target, push in rt.objection_push[oid]:
                value = anchor[target] - push
                anchor[target] = -1.0 if value < -1.0 else value  # a push only lowers
                value = stance[target] - push
                stance[target] = -1.0 if value < -1.0 else value
    rt.influence_step(state)  # the step, written out for this buying centre (game/codegen.py)


@dataclass(frozen=True)
class CloseDecision:
    """Whether a close attempt succeeds, and every reason it does not (codes with values)."""

    won: bool
    reasons: tuple[tuple[str, dict[str, object]], ...]


def decide_close(rt: Runtime, state: PlayState, asked: str) -> CloseDecision:
    """The close rule. A close succeeds when every one of these holds:

    1. it is asked of the decision-maker;
    2. the prospect is qualified: enough needs discovered, interest at the bar, authority ✓,
       and every declared qualification item learnt (format 1.2);
    3. the decision-maker's stance (after the buying centre's influence) is at the bar;
    4. no open objection is raised by the decision-maker or by someone whose influence on the
       decision-maker is at least `block_influence`;
    5. walking away is not the right call in this deal (format 1.2, `disqualify`).
    """
    close = rt.scenario.close
    dm = rt.decision_maker
    reasons: list[tuple[str, dict[str, object]]] = []
    if asked != dm:
        reasons.append(("not-decision-maker", {"who": asked}))
    done = checklist(rt, state)
    if not done["need"]:
        reasons.append(("need", {"known": len(state.needs_known), "needed": close.needs}))
    if not done["interest"]:
        low: dict[str, object] = {"level": state.interest, "needed": close.interest}
        if rt.builds_interest:  # format 1.3: say why it may still be low
            low["builds"] = True
        reasons.append(("interest", low))
    if not done["authority"]:
        reasons.append(("authority", {}))
    unknown = [item for item in rt.items if not done[item]]
    if unknown:  # format 1.2: budget, timing… not found out yet (the board shows them anyway)
        reasons.append(("learned", {"items": unknown}))
    if dm is not None and state.stance[dm] < close.stance:
        reasons.append(("stance", {"stance": round(state.stance[dm], 2), "needed": close.stance}))
    for oid, record in state.objections.items():
        if record["state"] != "open":
            continue
        raiser = rt.scenario.objections[oid].raised_by
        if dm is not None and (raiser == dm or rt.influence_of(raiser, dm) >= close.block_influence):
            reasons.append(("objection", {"objection": oid, "who": raiser}))
    if walking_away_right(rt, state):  # a deal not to chase is never won: told as not-ready
        reasons.append(("walk-away-right", {}))
    return CloseDecision(not reasons, tuple(reasons))


# what a trainee is told when a close fails: what the board shows them anyway (needs, interest,
# the qualification items still unknown); the rest — who signs, their stance, whose objection
# weighs with them, a deal not to chase — is one neutral reason, so a failed close never names
# or rules out the signer, nor tells whether walking away is right
HEARD_REASONS = ("need", "interest", "learned")


def heard_reasons(decision: CloseDecision) -> list[list[object]]:
    """The reasons a failed close gives the trainee: needs, interest and the qualification items
    not found out yet, as the board shows them; everything that would reveal the buying centre,
    or that this deal is not one to chase, folded into one `not-ready`."""
    told: list[list[object]] = [[code, params] for code, params in decision.reasons
                                if code in HEARD_REASONS]
    if any(code not in HEARD_REASONS for code, _ in decision.reasons):
        told.append(["not-ready", {}])
    return told


def final_deal_value(rt: Runtime, state: PlayState) -> float:
    """The list value, less the close's discount if no back-end saving was ever shown while the
    scenario had one to show (the buyer then negotiates on price alone)."""
    scenario = rt.scenario
    value = scenario.account.deal_value
    back_end = [n for n, need in scenario.needs.items() if need.benefit == "back_end_savings"]
    shown = any(scenario.needs[n].benefit == "back_end_savings" for n in state.pitched)
    if back_end and not shown:
        value *= 1.0 - scenario.close.discount
    return value


def referral_won(rt: Runtime, state: PlayState, asked: str) -> bool:
    """A referral is given when the customer's trust in you is at the scenario's bar."""
    referral = rt.scenario.referral
    return referral is not None and state.trust[asked] >= referral.trust


def raise_interest(state: PlayState, delta: int, builds: bool = False) -> None:
    """Move the account's interest level, kept within 0…INTEREST_MAX. Where interest builds
    (format 1.3) it stands at most one level a meeting held: what is earned beyond that waits in
    `interest_later` and shows at the next meetings (`interest_grows`)."""
    if not builds:
        state.interest = int(clamp(state.interest + delta, 0, INTEREST_MAX))
        return
    earned = int(clamp(state.interest + state.interest_later + delta, 0, INTEREST_MAX))
    state.interest = min(earned, state.turn)
    state.interest_later = earned - state.interest


def interest_grows(state: PlayState) -> bool:
    """At the start of a meeting where interest builds (format 1.3): a level earned earlier
    shows now. True when the level rose."""
    if not state.interest_later or state.interest >= state.turn:
        return False
    rise = min(state.interest_later, state.turn - state.interest)
    state.interest += rise
    state.interest_later -= rise
    return True


def counted_objections(rt: Runtime, state: PlayState) -> list[str]:
    """The saboteurs' objections the saboteurs competency counts: all of them — or where
    format 1.3 rules, those raised, those a choice open to the trainee could have drawn out
    (left unasked, it is dodged, not absent), and those of a saboteur never met (their doubt
    worked unheard). One never raised, never offered, by a saboteur met does not count."""
    theirs = [o for o, obj in rt.scenario.objections.items() if obj.raised_by in rt.saboteurs]
    if not rt.builds_interest:
        return theirs
    objections = rt.scenario.objections
    return [o for o in theirs if o in state.objections or o in state.offered
            or objections[o].raised_by not in state.met]
