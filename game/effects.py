"""What choices and events change: one function per kind of effect.

A choice's (or an event's) `Effects` apply in the schema's field order — needs revealed, role
hints, the listener's stance and trust, interest, others' stance and trust, objections raised,
a counter, pitches, introductions, flags set and cleared, qualification items learnt, and last
walking away (the engine ends the attempt after the reply). `Runtime` lists for each choice and
event the kinds it has (`game.runtime.effect_parts`), so applying one walks only those. Each
function adds the notes the trainee sees to `out` and what the effect achieved to `marks` (the
debrief's marks: "need-found", "mistake:premature-pitch"…).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game import rules
from game.runtime import Runtime, walk_away_reason
from game.schema import Effects
from game.state import PlayState
from game.values import Line

Effect = Callable[[PlayState, Runtime, Effects, "str | None", list[Line], list[str]], None]


def apply(s: PlayState, rt: Runtime, fx: Effects, parts: tuple[str, ...], who: str | None,
          out: list[Line], marks: list[str]) -> None:
    """Apply the `parts` of `fx` (see `effect_parts`); `who` is the person being met, None for
    an event between meetings."""
    for part in parts:
        EFFECTS[part](s, rt, fx, who, out, marks)


def move_stance(s: PlayState, sid: str, delta: float) -> None:
    """Move someone's stance and their own view (the anchor influence pulls back to)."""
    s.stance[sid] = rules.clamp(s.stance[sid] + delta, -1.0, 1.0)
    s.anchor[sid] = rules.clamp(s.anchor[sid] + delta, -1.0, 1.0)


def reveal_needs(s: PlayState, rt: Runtime, fx: Effects, who: str | None, out: list[Line],
                 marks: list[str]) -> None:
    """Needs discovered, with the turn and who told you."""
    for nid in fx.reveal_needs:
        if nid not in s.needs_known:
            s.needs_known[nid] = {"turn": s.turn, "by": who}
            out.append(Line("note", code="need-found", params={"need": nid, "who": who}))
            marks.append("need-found")


def role_hints(s: PlayState, rt: Runtime, fx: Effects, who: str | None, out: list[Line],
               marks: list[str]) -> None:
    """Clues about someone's part in the decision, each collected once."""
    for hint in fx.role_hints:
        if not _has_hint(s.hints, hint.about, hint.text):
            s.hints.append({"about": hint.about, "text": hint.text, "turn": s.turn,
                            "vague": hint.vague})
            out.append(Line("note", code="hint", text=hint.text, params={"about": hint.about}))
            marks.append("hint")


def _has_hint(hints: list[dict[str, Any]], about: str, text: str) -> bool:
    for h in hints:
        if h["about"] == about and h["text"] == text:
            return True
    return False


def stance(s: PlayState, rt: Runtime, fx: Effects, who: str | None, out: list[Line],
           marks: list[str]) -> None:
    """The listener's stance (no one's between meetings)."""
    if who is not None and fx.stance:
        move_stance(s, who, fx.stance)


def trust(s: PlayState, rt: Runtime, fx: Effects, who: str | None, out: list[Line],
          marks: list[str]) -> None:
    """The listener's trust in you (no one's between meetings)."""
    if who is not None and fx.trust:
        s.trust[who] = rules.clamp(s.trust[who] + fx.trust, 0.0, 1.0)


def interest(s: PlayState, rt: Runtime, fx: Effects, who: str | None, out: list[Line],
             marks: list[str]) -> None:
    """The account's interest level, noted when it moves."""
    before, later = s.interest, s.interest_later
    rules.raise_interest(s, fx.interest or 0, rt.builds_interest)
    if s.interest != before:
        out.append(Line("note", code="interest", params={"level": s.interest}))
    if s.interest_later > later:  # format 1.3: it shows at the next meeting
        out.append(Line("note", code="interest-later", params={"level": s.interest}))


def stance_of(s: PlayState, rt: Runtime, fx: Effects, who: str | None, out: list[Line],
              marks: list[str]) -> None:
    """Named people's stances."""
    for sid, delta in fx.stance_of.items():
        move_stance(s, sid, delta)


def trust_of(s: PlayState, rt: Runtime, fx: Effects, who: str | None, out: list[Line],
             marks: list[str]) -> None:
    """Named people's trust in you."""
    for sid, delta in fx.trust_of.items():
        s.trust[sid] = rules.clamp(s.trust[sid] + delta, 0.0, 1.0)


def raise_objections(s: PlayState, rt: Runtime, fx: Effects, who: str | None,
                     out: list[Line], marks: list[str]) -> None:
    """Objections raised (each once), open until countered."""
    for oid in fx.raise_objections:
        if oid not in s.objections:
            s.objections[oid] = {"state": "open", "raised": s.turn, "resolved": None}
            objection = rt.scenario.objections[oid]
            out.append(Line("note", code="objection-raised", text=objection.text,
                            params={"objection": oid, "who": objection.raised_by}))


def counter(s: PlayState, rt: Runtime, fx: Effects, who: str | None, out: list[Line],
            marks: list[str]) -> None:
    """An answer to an objection: it resolves it when it is one of the objection's counters;
    otherwise it is a mistake that costs the listener's stance."""
    assert fx.counter is not None
    oid, using = fx.counter.objection, fx.counter.using
    record = s.objections.get(oid)
    objection = rt.scenario.objections[oid]
    if record is None or record["state"] != "open":
        out.append(Line("note", code="counter-unneeded", params={"objection": oid}))
        return
    if using in objection.counters:
        record["state"] = "resolved"
        record["resolved"] = s.turn
        move_stance(s, objection.raised_by, rules.COUNTER_GAIN)
        out.append(Line("note", code="objection-resolved", params={"objection": oid}))
        marks.append("objection-resolved")
    else:
        s.wrong_counters += 1
        if who is not None:
            move_stance(s, who, rules.WRONG_COUNTER)
        out.append(Line("note", code="counter-failed", params={"objection": oid}))
        marks.append("mistake:wrong-counter")


def pitch(s: PlayState, rt: Runtime, fx: Effects, who: str | None, out: list[Line],
          marks: list[str]) -> None:
    """Benefits pitched: each lands with a listener who has that need once it is known;
    before, or to someone without the need, it is a mistake."""
    early = False
    for nid in fx.pitch:
        early |= _pitch(s, rt, nid, who, out, marks)
    if early:  # told once per choice: the note names no need (it was not found yet)
        out.append(Line("note", code="pitch-premature", params={}))


def _pitch(s: PlayState, rt: Runtime, nid: str, who: str | None, out: list[Line],
           marks: list[str]) -> bool:
    """Pitch one need; True when it was premature (the caller tells the trainee once)."""
    if nid not in s.needs_known:
        s.bad_pitches += 1
        if who is not None:
            move_stance(s, who, rules.PREMATURE_PITCH)
        marks.append("mistake:premature-pitch")
        return True
    if who is None or who not in rt.holders[nid]:
        s.bad_pitches += 1
        if who is not None:
            move_stance(s, who, rules.IRRELEVANT_PITCH)
        out.append(Line("note", code="pitch-irrelevant", params={"need": nid, "who": who}))
        marks.append("mistake:irrelevant-pitch")
    elif nid not in s.pitched:
        s.pitched[nid] = {"turn": s.turn, "to": who, "also": []}
        move_stance(s, who, rules.PITCH_GAIN)
        later = s.interest_later
        rules.raise_interest(s, 1, rt.builds_interest)
        out.append(Line("note", code="pitch-landed",
                        params={"need": nid, "who": who, "level": s.interest}))
        if s.interest_later > later:  # format 1.3: it shows at the next meeting
            out.append(Line("note", code="interest-later", params={"level": s.interest}))
        marks.append("pitch-landed")
    elif who != s.pitched[nid]["to"] and who not in s.pitched[nid].get("also", ()):
        # another person with the same pain: it lands with them too (interest is the
        # account's, so it does not rise twice for one benefit). A new list, never an append:
        # the par search's copies of an attempt share the lists inside records
        # (game/analysis/forking.py)
        record = s.pitched[nid]
        record["also"] = [*record.get("also", ()), who]
        move_stance(s, who, rules.PITCH_GAIN)
        out.append(Line("note", code="pitch-landed", params={"need": nid, "who": who}))
        marks.append("pitch-landed")
    else:
        out.append(Line("note", code="pitch-repeated", params={"need": nid, "who": who}))
    return False


def introduce(s: PlayState, rt: Runtime, fx: Effects, who: str | None, out: list[Line],
              marks: list[str]) -> None:
    """People you can now meet."""
    for sid in fx.introduce:
        if sid not in s.introduced:
            s.introduced.add(sid)
            out.append(Line("note", code="introduced", params={"who": sid}))
            marks.append("introduced")


def set_flags(s: PlayState, rt: Runtime, fx: Effects, who: str | None, out: list[Line],
              marks: list[str]) -> None:
    """Flags set (for conditions)."""
    s.flags.update(fx.set_flags)


def clear_flags(s: PlayState, rt: Runtime, fx: Effects, who: str | None, out: list[Line],
                marks: list[str]) -> None:
    """Flags cleared."""
    s.flags.difference_update(fx.clear_flags)


def learn(s: PlayState, rt: Runtime, fx: Effects, who: str | None, out: list[Line],
          marks: list[str]) -> None:
    """Qualification items found out (format 1.2), with the turn and who told you."""
    for item in fx.learn:
        if item not in s.learned:
            s.learned[item] = {"turn": s.turn, "by": who}
            out.append(Line("note", code="learned", params={"item": item, "who": who}))
            marks.append("learned")


def walk_away(s: PlayState, rt: Runtime, fx: Effects, who: str | None, out: list[Line],
              marks: list[str]) -> None:
    """Walking away (format 1.2), marked by how it stands: the right call after establishing
    what `disqualify.after` asks, a guess before that, the wrong reason given (where
    `disqualify` lists reasons), or leaving a deal that was there to win. The engine ends the
    attempt after the reply; between meetings (an event) nobody walks."""
    if who is None:
        return
    if not rules.walking_away_right(rt, s):
        marks.append("mistake:walked-away")
    elif rules.not_established(rt, s):
        marks.append("mistake:walked-away-unqualified")
    elif not rules.right_reason(rt, s, walk_away_reason(fx)):
        marks.append("mistake:walked-away-wrong-reason")
    else:
        marks.append("qualified-out")


EFFECTS: dict[str, Effect] = {
    "reveal_needs": reveal_needs, "role_hints": role_hints, "stance": stance, "trust": trust,
    "interest": interest, "stance_of": stance_of, "trust_of": trust_of,
    "raise_objections": raise_objections, "counter": counter, "pitch": pitch,
    "introduce": introduce, "set_flags": set_flags, "clear_flags": clear_flags,
    "learn": learn, "walk_away": walk_away,
}
assert tuple(EFFECTS) == tuple(Effects.model_fields), "one function per kind of effect"
