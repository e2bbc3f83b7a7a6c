"""Why par is not 100: each competency's ceiling, and the referral, explained in words.

Par's path is played again and its score taken apart as the debrief does (game/losses.py); each
reason is then said for the trainer who wrote the scenario ("the best path closes in meeting 3
of 5, and only a close in the first meeting scores full marks"). Some shortfalls are in the
scoring itself and no scenario avoids them — a close after the first meeting, trust short of
1 — so they are explained but not `actionable`; the others (a need never found, a referral
that can never be given, a marked mistake the best path has to take…) are worth changing, and
the analyser reports them as `competency-cap` findings.

The referral gets its own line: whose trust it waits for, the bar, where that trust ends on the
best path and, from the scenario alone, the most it can ever reach (`trust_ceiling`):

    a referral is refused when the decision-maker's trust stays below 0.4: Inés Ortega's trust
    can reach at most 0.3 here
"""
from __future__ import annotations

from dataclasses import dataclass

from game.analysis.par import Par, replay
from game.losses import Lost, points_lost
from game.messages import Ids, Msg, Num, msg
from game.problems import Path
from game.schema import COMPETENCIES, Scenario
from game.scoring import score

# shortfalls the scoring rules make in every scenario: explained, never a finding
INHERENT = frozenset({"turns-used", "turns-used-out", "trust"})


@dataclass(frozen=True)
class Reason:
    """One reason a competency of par falls short: points, words, whether the author can do
    something about it, and where in the file it points (a YAML path)."""

    code: str
    points: float
    words: Msg
    actionable: bool
    path: Path = ()


@dataclass(frozen=True)
class Ceiling:
    """A competency par does not fill: its score, its max and why."""

    competency: str
    score: float
    top: float
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class ReferralCeiling:
    """The referral of par's attempt: whose trust it needs, the bar, that trust at the end of
    the best path, the most it can reach in any path, and whether par's path got it."""

    who: str
    bar: float
    reached: float
    most: float
    given: bool

    def words(self) -> Msg:
        """The rule and where this scenario stands, in a sentence."""
        params = dict(bar=Num(self.bar), name=self.who, reached=Num(self.reached),
                      most=Num(self.most))
        if self.given:
            return msg("why.referral-given", **params)
        if self.most + 1e-9 < self.bar:
            return msg("why.referral-refused.ceiling", **params)
        return msg("why.referral-refused.path", **params)


def explain(scenario: Scenario, par: Par) -> tuple[list[Ceiling], ReferralCeiling | None]:
    """The competencies par leaves short, each with its reasons, and par's referral. Nothing
    when par's path cannot be played again (no path was found)."""
    if not par.path:
        return [], None
    try:
        game = replay(scenario, par.seed, par.path)
    except (KeyError, ValueError, IndexError, RuntimeError):
        return [], None
    rt, state = game.rt, game.state
    concrete = rt.scenario
    result = score(rt, state)
    lost = points_lost(rt, state, result)
    referral = None
    dm = rt.decision_maker
    if concrete.referral is not None and dm is not None and state.outcome == "won":
        referral = ReferralCeiling(concrete.stakeholders[dm].name, concrete.referral.trust,
                                   state.trust[dm], trust_ceiling(concrete, dm),
                                   state.referral == "won")
    ceilings = []
    for name in COMPETENCIES:
        got, top = result.competencies.get(name, (0.0, 0.0))
        if not top or got >= top:
            continue
        closed = state.qualified_at_close is not None
        reasons = tuple(_reason(concrete, state.outcome, dm, entry, referral, closed)
                        for entry in lost.get(name, []))
        ceilings.append(Ceiling(name, got, top, reasons))
    return ceilings, referral


def trust_ceiling(scenario: Scenario, sid: str) -> float:
    """The most `sid`'s trust can reach in any attempt: where it starts, plus every rise a
    reachable choice or an event can give it once (1 when one can be repeated)."""
    from game.analysis.findings import reachable_nodes  # findings imports this module

    reached = reachable_nodes(scenario)
    person = scenario.stakeholders[sid]
    most = person.trust
    for owner, other in scenario.stakeholders.items():
        for nid, node in other.conversation.nodes.items():
            if (owner, nid) not in reached:
                continue
            for choice in node.choices:
                fx = choice.effects
                own = (fx.trust or 0.0) if owner == sid else 0.0
                rise = max(0.0, own) + max(0.0, fx.trust_of.get(sid, 0.0))
                if rise > 0:
                    if not choice.said_once():
                        return 1.0
                    most += rise
    for event in scenario.events.values():
        rise = event.effects.trust_of.get(sid, 0.0)
        if rise > 0:
            if not event.once and event.turn is None:
                return 1.0
            most += rise
    return min(1.0, most)


def _reason(scenario: Scenario, outcome: str | None, dm: str | None, lost: Lost,
            referral: ReferralCeiling | None, closed: bool) -> Reason:
    """A `Lost` entry of par's score as a reason for the trainer."""
    p, code = lost.params, lost.code
    people = scenario.stakeholders

    def name(sid: object) -> str:
        person = people.get(str(sid)) if sid is not None else None
        return person.name if person is not None else str(sid)

    actionable = code not in INHERENT
    path: Path = ()
    if code in ("turns-used", "turns-used-out"):
        words = msg(f"why.{code}", turn=p.get("turns"), turns=scenario.turns)
    elif code == "trust":
        words = msg("why.trust", trust=Num(float(p.get("trust", 0.0))))
    elif code == "deal-not-won":
        words = msg("why.deal-not-won")
        path = ("close",)
    elif code == "discount":
        words = msg("why.discount", discount=f"{100 * scenario.close.discount:g}")
        path = ("close", "discount")
    elif code == "referral-not-given" and referral is not None:
        words = referral.words()
        path = ("referral", "trust")
    elif code == "referral-not-asked" and outcome != "won":
        words, actionable = msg("why.referral-no-deal"), False
    elif code in ("need-not-found", "need-not-pitched", "need-not-found-to-pitch"):
        words = msg(f"why.{code}", need=p.get("need"))
        path = ("needs", str(p.get("need")))
    elif code in ("objection-open", "objection-not-heard") and p.get("objection"):
        words = msg(f"why.{code}", objection=p.get("objection"))
        path = ("objections", str(p.get("objection")))
    elif code in ("decision-maker-not-tagged", "tag-blind", "influencer-not-tagged",
                  "saboteur-not-tagged"):
        who = p.get("who") or (dm if code in ("decision-maker-not-tagged", "tag-blind")
                               else None)
        kind = {"tag-blind": "decision-maker-not-tagged"}.get(code, code)
        words = msg(f"why.{kind}", name=name(who)) if who else msg(f"why.{kind}.anon")
        path = ("stakeholders", str(who)) if who else ()
    elif code in ("checklist-need", "checklist-interest", "checklist-authority"):
        words = msg(f"why.{code}" + ("" if closed else ".end"))
        path = ("close",)
    elif code in ("checklist-item", "after-not-established"):  # format 1.2
        item = str(p.get("item"))
        words = msg(f"why.{code}" + ("" if closed or code != "checklist-item" else ".end"),
                    item=item)
        path = ("qualification", item) if item in scenario_items(scenario) else ("disqualify",)
    elif code in ("not-disqualified", "walked-away"):
        words = msg(f"why.{code}")
        path = ("disqualify",)
    elif code == "walked-away-unqualified":
        words = msg("why.walked-away-unqualified", missing=Ids(tuple(
            str(m) for m in p.get("missing", ()))))
        path = ("disqualify", "after")
    elif code in ("premature-close", "wrong-counter", "bad-pitch"):
        words = msg(f"why.{code}", n=p.get("n", 1))
    elif code == "saving-not-shown":
        words = msg(f"why.saving-not-shown.{p.get('benefit')}") \
            if p.get("benefit") in ("front_end_savings", "back_end_savings") \
            else msg("why.other", code=code)
    elif code == "mistake":
        words = msg(f"why.mistake.{p.get('severity', 'major')}",
                    text=_choice_text(scenario, str(p.get("key", ""))), name=name(p.get("who")))
        path = _choice_path(str(p.get("key", "")))
    else:  # a reason this explanation does not know yet: named by its code
        words = msg("why.other", code=code)
    return Reason(code, lost.points, words, actionable, path)


def scenario_items(scenario: Scenario) -> tuple[str, ...]:
    """The qualification items a scenario declares (format 1.2; none before)."""
    qualification = getattr(scenario, "qualification", None)
    return tuple(qualification.declared()) if qualification is not None else ()


def _choice_text(scenario: Scenario, key: str) -> str:
    """The first words of the choice with engine key `sid/node/index`."""
    try:
        sid, nid, index = key.split("/")
        text = scenario.stakeholders[sid].conversation.nodes[nid].choices[int(index)].text
    except (ValueError, KeyError, IndexError):
        return key
    return first_words(text)


def _choice_path(key: str) -> Path:
    try:
        sid, nid, index = key.split("/")
        return ("stakeholders", sid, "conversation", "nodes", nid, "choices", int(index))
    except ValueError:
        return ()


def first_words(text: str, limit: int = 48) -> str:
    """The start of a text, on one line, cut at `limit` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"

