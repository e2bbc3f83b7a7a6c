"""The game engine: steps one attempt through meetings, choices, the close and the referral.

Front ends ask for `options()` (every option, each `available` or not with a reason), call
`choose(index)`, and present the `Line`s it returns. They never change the state themselves.
Play is deterministic for a scenario, a seed and a sequence of choices.
"""
from __future__ import annotations

from typing import Any

from game import effects, rules, variants
from game.runtime import ChoiceSpec, NodePlan, Runtime, walk_away_reason
from game.schema import ROLES, Scenario
from game.state import PlayState
from game.state_check import check_state
from game.values import Line, Option, Reason

__all__ = ["Game", "GameOver", "Line", "Option", "Reason"]


class GameOver(RuntimeError):
    """Raised when an action is asked of an attempt that has ended."""


class Game:
    """One attempt at a scenario."""

    def __init__(self, runtime: Runtime | Scenario, seed: int = 0,
                 state: PlayState | None = None) -> None:
        # the seed's variant (game/variants.py); the scenario as written when it has none
        self.base_scenario: Scenario = (runtime.scenario if isinstance(runtime, Runtime)
                                        else runtime)
        self.rt = variants.runtime_for(runtime, seed if state is None else state.seed)
        if state is None:
            state = _start_state(self.rt, seed)
        else:
            check_state(self.rt, state)
        self.state = state
        self._options: list[Option] | None = None

    # --- what the trainee sees ---------------------------------------------------------------

    @property
    def scenario(self) -> Scenario:
        """The scenario being played."""
        return self.rt.scenario

    @property
    def over(self) -> bool:
        """True once the attempt has an outcome and nothing more can be done."""
        return self.state.phase == "over"

    def current_line(self) -> Line | None:
        """What the person being met is saying now (None outside a meeting)."""
        s = self.state
        if s.phase != "meeting" or s.meeting_with is None or s.node is None:
            return None
        plan = self.rt.nodes[(s.meeting_with, s.node)]
        return _spoken(plan, s)

    def options(self) -> list[Option]:
        """Every option of the current moment, available or not, in a fixed order."""
        if self._options is None:
            self._options = self._build_options()
        return self._options

    def available(self) -> list[Option]:
        """Only the options that can be chosen now."""
        return [o for o in self.options() if o.available]

    # --- actions --------------------------------------------------------------------------------

    def choose(self, index: int) -> list[Line]:
        """Take option `index` of `options()`; returns what happens, in order."""
        if self.state.phase == "over":
            raise GameOver("the attempt has ended")
        options = self.options()
        if not 0 <= index < len(options):
            raise IndexError(f"there is no option {index}")
        option = options[index]
        if not option.available:
            raise ValueError(f"option {option.key!r} is not available now")
        self._options = None
        out: list[Line] = []
        spec = self.rt.spec_by_key.get(option.key)
        if spec is not None:
            self._say(spec, out)
            return out
        kind, _, rest = option.key.partition(":")
        if kind == "meet":
            self._meet(rest, out)
        elif kind == "leave":
            self._log("leave", stakeholder=self.state.meeting_with)
            self._end_meeting(out)
        elif kind == "referral":
            self._referral(rest == "ask", out)
        return out

    def choose_key(self, key: str) -> list[Line]:
        """Take the option whose key is `key` (used to replay a recorded path)."""
        for i, option in enumerate(self.options()):
            if option.key == key:
                return self.choose(i)
        raise KeyError(f"no option {key!r} now")

    def tag(self, stakeholder: str, role: str | None) -> None:
        """Record the trainee's guess of someone's role (None clears it)."""
        if self.over:
            raise GameOver("the attempt has ended")
        if stakeholder not in self.scenario.stakeholders:
            raise KeyError(f"no stakeholder {stakeholder!r}")
        if role is not None and role not in ROLES:
            raise ValueError(f"no role {role!r}")
        state = self.state
        if role is None:
            state.tags.pop(stakeholder, None)
            state.blind_tags.discard(stakeholder)
        else:
            state.tags[stakeholder] = role
            if rules.has_evidence(self.scenario, state, stakeholder):
                state.blind_tags.discard(stakeholder)
            else:  # a guess about someone the trainee knows nothing of earns nothing
                state.blind_tags.add(stakeholder)
        self._log("tag", stakeholder=stakeholder, role=role)

    def abandon(self) -> None:
        """Stop here: the attempt ends as abandoned."""
        if not self.over:
            self._finish("abandoned", "abandoned")

    # --- internals ------------------------------------------------------------------------------

    def _build_options(self) -> list[Option]:
        s = self.state
        people = self.scenario.stakeholders
        if s.phase == "between":  # depends on who has been introduced only: made once per set
            introduced = frozenset(s.introduced)
            meet = self.rt.meet_options.get(introduced)
            if meet is None:
                meet = self.rt.meet_options[introduced] = tuple(
                    Option(f"meet:{sid}", person.name, None, sid in introduced,
                           None if sid in introduced else ("needs-introduction", {"who": sid}),
                           sid)
                    for sid, person in people.items())
            return list(meet)
        if s.phase == "meeting":  # after a restore; in play, _land builds these
            assert s.meeting_with is not None and s.node is not None
            options, _ = self.rt.nodes[(s.meeting_with, s.node)].options(s, False)
            options.append(self.rt.leave[s.meeting_with])
            return options
        if s.phase == "after_close":
            return [Option("referral:ask", "", "referral", True, None, s.meeting_with),
                    Option("referral:skip", "", "leave", True, None, s.meeting_with)]
        return []

    def _meet(self, sid: str, out: list[Line]) -> None:
        s = self.state
        s.turn += 1
        s.phase = "meeting"
        s.meeting_with = sid
        s.exchanges = 0
        first = sid not in s.met
        s.met.setdefault(sid, s.turn)
        out.append(Line("note", code="meeting", params={"who": sid, "turn": s.turn,
                                                          "first": first}))
        if self.rt.builds_interest and rules.interest_grows(s):  # format 1.3
            out.append(Line("note", code="interest", params={"level": s.interest}))
        s.path.append({"step": len(s.path) + 1, "turn": s.turn, "kind": "meet",
                       "stakeholder": sid})
        self._land(self.rt.first_plan[sid], out)

    def _land(self, plan: NodePlan, out: list[Line], *, speak: bool = True) -> None:
        """Arrive at a node: say its line, note valuable options now open, end if it ends."""
        s = self.state
        who = plan.who
        s.node = plan.node
        if speak:
            line = plan.line if plan.again is None else _spoken(plan, s)
            if line is not None:
                out.append(line)
        # every choice open or closed with its reason; valuable open ones noted for the debrief
        options, open_choices = plan.options(s, True)
        if plan.end:
            self._end_meeting(out)
        elif open_choices == 0:
            out.append(Line("note", code="conversation-dry", params={"who": who}))
            self._end_meeting(out)
        else:
            options.append(self.rt.leave[who])
            self._options = options

    def _say(self, spec: ChoiceSpec, out: list[Line]) -> None:
        s = self.state
        who = spec.stakeholder
        choice = spec.choice
        if spec.once:
            s.taken.add(spec.key)
        out.append(spec.words)
        marks: list[str] = []
        if spec.parts:
            effects.apply(s, self.rt, choice.effects, spec.parts, who, out, marks)
        if spec.reply is not None:
            out.append(spec.reply)
        won = self._close(who, out, marks) if choice.tactic == "close" else None
        mark = _mark(choice.quality, marks) if marks else choice.quality or "neutral"
        entry = {"step": len(s.path) + 1, "turn": s.turn, "kind": "choice",
                 "stakeholder": who, "node": spec.node, "option": spec.option_id,
                 "key": spec.key, "tactic": choice.tactic, "mark": mark, "notes": marks}
        if spec.severity is not None:  # an author-marked mistake costs by its severity
            entry["severity"] = spec.severity
            costs = s.mistake_costs
            costs[spec.competency] = costs.get(spec.competency, 0.0) + \
                rules.SEVERITY_COST[spec.severity]
            if spec.severity == "critical":
                s.critical.append(spec.key)
        s.path.append(entry)
        if won is not None:
            self._after_close(who, won, out)
            return
        if choice.effects.walk_away:  # format 1.2: a polite exit ends the attempt at once
            self._walk_away(walk_away_reason(choice.effects), out)
            return
        s.exchanges += 1
        target = self.rt.next_plan[spec.key]
        if target is None:
            self._end_meeting(out)
        elif s.exchanges >= rules.MAX_EXCHANGES:
            out.append(Line("note", code="out-of-time", params={"who": who}))
            self._end_meeting(out)
        elif target.node == spec.node:  # staying on the node: its line is not said again
            self._land(target, out, speak=False)
        elif self.scenario.format != 1 and self._visited_in_meeting(target.node):
            # format 1.1: a return in the same meeting says `say_again` or nothing
            if target.again is not None:
                out.append(target.again)
            self._land(target, out, speak=False)
        else:
            self._land(target, out)

    def _visited_in_meeting(self, node: str) -> bool:
        """Whether the meeting under way has already been at `node`: every node it left was
        left by a choice, and the path records each choice's node (a meeting's path is at most
        `rules.MAX_EXCHANGES` choices long, so this stays cheap)."""
        for entry in reversed(self.state.path):
            if entry["kind"] == "meet":
                return False
            if entry.get("node") == node:
                return True
        return False

    def _close(self, who: str, out: list[Line], marks: list[str]) -> bool:
        s = self.state
        s.close_attempts += 1
        done = rules.checklist(self.rt, s)
        if s.qualified_at_close is None:
            s.qualified_at_close = done
        if not all(done.values()):
            s.premature_closes += 1
        decision = rules.decide_close(self.rt, s, who)
        if decision.won:
            s.deal_value = rules.final_deal_value(self.rt, s)
            marks.append("close-won")
            close = self.scenario.close
            params: dict[str, Any] = {"value": s.deal_value}
            if close.won_line:  # format 1.2: a tender awarded is not a sale yet
                params["line"] = close.won_line
            out.append(Line("note", code="close-won", text=close.won or "", params=params))
            return True
        effects.move_stance(s, who, rules.FAILED_CLOSE_STANCE)
        s.trust[who] = rules.clamp(s.trust[who] + rules.FAILED_CLOSE_TRUST, 0.0, 1.0)
        marks.append("mistake:close-failed")
        out.append(Line("note", code="close-failed", text=self.scenario.close.lost or "",
                        params={"reasons": rules.heard_reasons(decision)}))
        return False

    def _after_close(self, who: str, won: bool, out: list[Line]) -> None:
        s = self.state
        if won:
            s.outcome = "won"
            if self.scenario.referral is not None:
                s.phase = "after_close"
                self._options = None
                moment = self.scenario.referral.moment  # format 1.2: the scenario's words
                out.append(Line("note", code="referral-moment",
                                params={"who": who, **({"line": moment} if moment else {})}))
            else:
                self._finish("won", "closed")
            return
        if s.close_attempts >= self.scenario.close.max_attempts:
            self._finish("lost", "closes-exhausted", out)
        else:
            self._end_meeting(out)

    def _walk_away(self, reason: str | None, out: list[Line]) -> None:
        """The trainee walked away, giving `reason` (None: no reason): the attempt is lost
        ("walked-away"), and when that was the right call — after establishing what
        `disqualify.after` asks, for a right reason — the prospect was rightly qualified out
        (the result's `disqualified`), with the reason's `text`, else `disqualify.text`. A
        wrong call is told in the same neutral words whatever made it wrong."""
        s = self.state
        right = rules.walks_away_rightly(self.rt, s, reason)
        disqualify = self.scenario.disqualify
        text = ""
        if right and disqualify is not None:
            given = disqualify.reasons.get(reason) if reason is not None else None
            text = (given.text if given is not None and given.text else disqualify.text) or ""
        out.append(Line("note", code="qualified-out" if right else "walked-away", text=text,
                        params={"turn": s.turn}))
        self._finish("lost", rules.WALKED_AWAY, out, disqualified=right)

    def _referral(self, ask: bool, out: list[Line]) -> None:
        s = self.state
        who = s.meeting_with
        assert who is not None and self.scenario.referral is not None
        if ask:
            won = rules.referral_won(self.rt, s, who)
            s.referral = "won" if won else "lost"
            referral = self.scenario.referral
            out.append(Line("note", code="referral-won" if won else "referral-lost",
                            text=referral.won if won else referral.lost,
                            params={"leads_to": referral.leads_to}))
        self._log("referral", stakeholder=who, asked=ask, result=s.referral)
        self._finish("won", "closed")

    def _end_meeting(self, out: list[Line]) -> None:
        s = self.state
        s.phase = "between"
        s.meeting_with = None
        s.node = None
        self._options = None
        self._run_events(out)
        rules.spread_influence(self.rt, s)
        if s.turn >= self.scenario.turns:
            self._finish("lost", "out-of-turns", out)

    def _run_events(self, out: list[Line]) -> None:
        s = self.state
        for plan in self.rt.events_after.get(s.turn, ()):
            if plan.once and plan.id in s.fired:
                continue
            if plan.check is not None and plan.check(s, None) is not None:
                continue
            s.fired.add(plan.id)
            out.append(Line("event", plan.event.text, params={"event": plan.id}))
            effects.apply(s, self.rt, plan.event.effects, plan.parts, None, out, [])

    def _finish(self, outcome: str, reason: str, out: list[Line] | None = None, *,
                disqualified: bool = False) -> None:
        s = self.state
        s.outcome = outcome
        s.end_reason = reason
        s.phase = "over"
        s.meeting_with = None
        s.node = None
        self._options = None
        if out is not None:
            params: dict[str, Any] = {"outcome": outcome, "reason": reason}
            if disqualified:  # lost by the contract's three outcomes, yet the right call
                params["disqualified"] = True
            out.append(Line("note", code="game-over", params=params))

    def _log(self, kind: str, **entry: Any) -> None:
        s = self.state
        record = {"step": len(s.path) + 1, "turn": s.turn, "kind": kind}
        record.update(entry)
        s.path.append(record)


def _start_state(rt: Runtime, seed: int) -> PlayState:
    """A new attempt: everyone at their starting stance (their own view too) and trust, those
    needing no introduction open to meet, the drawn variant's flags set."""
    start = rt.start
    scenario = rt.scenario
    if start is None or start[0] is not scenario:
        people = scenario.stakeholders
        start = rt.start = (
            scenario, {sid: p.stance for sid, p in people.items()},
            {sid: p.trust for sid, p in people.items()},
            frozenset(sid for sid, p in people.items() if not p.requires_introduction),
            tuple(variants.start_flags(scenario)))
    _, stance, trust, introduced, flags = start
    return PlayState(scenario_id=scenario.id, seed=seed, stance=dict(stance), anchor=dict(stance),
                     trust=dict(trust), introduced=set(introduced), flags=set(flags))


def _spoken(plan: NodePlan, state: PlayState) -> Line | None:
    """A node's line: its `say_again` in a later meeting with the person when it has one, else
    its `say` (None when it says nothing)."""
    if plan.again is not None and state.met.get(plan.who, state.turn) != state.turn:
        return plan.again
    return plan.line


def _mark(quality: str | None, marks: list[str]) -> str:
    """good / neutral / mistake: a rule-found mistake wins, then the author's judgement, then
    what the choice achieved."""
    for m in marks:
        if m.startswith("mistake:"):
            return "mistake"
    if quality is not None:
        return quality
    return "good" if marks else "neutral"
