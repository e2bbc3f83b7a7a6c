"""How the engine's lines look in the window: who speaks, the words, and a tone (good news,
a setback, a clue…) that picks the icon and colour. Presentation only: the engine has already
decided what happened.
"""
from __future__ import annotations

from dataclasses import dataclass

from game.engine import Line
from game.i18n import Words, tactic_label  # noqa: F401 (screens import it from here)
from game.ui.strings import UIText

GOOD = frozenset({"need-found", "pitch-landed", "objection-resolved", "introduced", "close-won",
                  "referral-won", "interest", "interest-later", "learned", "qualified-out"})
BAD = frozenset({"pitch-premature", "pitch-irrelevant", "counter-failed", "close-failed",
                 "referral-lost"})
TONE_ICONS = {"good": ("mark", "good"), "bad": ("mark", "mistake"), "clue": ("mood", "neutral"),
              "objection": ("mood", "sceptical"), "event": ("mark", "missed"),
              "info": ("dot", "")}


# A tutorial labels each option with its tactic, written before the words: "[Small talk] How's
# business?". The label is shown beside the option (and in the debrief's heading), never as
# something the trainee says.
@dataclass(frozen=True)
class Shown:
    """One thing in the conversation panel. `kind`: say, you, note, event or meeting."""

    kind: str
    text: str
    speaker: str = ""
    tone: str = "info"


def show(line: Line, words: Words, ui: UIText) -> list[Shown]:
    """The panel entries for one engine line (a close or referral can give several)."""
    if line.kind == "say":
        return [Shown("say", words.quote(line.text), words.name(line.speaker))]
    if line.kind == "you":
        return [Shown("you", words.quote(tactic_label(line.text)[1]), ui.get("you"))]
    if line.kind == "event":
        return [Shown("event", line.text, ui.get("between"), "event")]
    code = line.code or ""
    if code.startswith("ui-"):  # the window's own notes (e.g. a resumed attempt)
        return [Shown("meeting", ui.get(code[3:], **line.params))]
    if code == "meeting":
        return [Shown("meeting", words.note(code, line.params))]
    if code == "game-over":
        outcome = line.params.get("outcome")
        reason = line.params.get("reason")
        text = words.note(code, line.params)
        if reason:
            text += " " + words.get(f"end-{reason}") + "."
        right = outcome == "won" or bool(line.params.get("disqualified"))
        return [Shown("note", text, tone="good" if right else "bad")]
    if code == "close-failed":
        shown = [Shown("note", words.get("close-failed"), tone="bad")]
        if line.text:
            shown.append(Shown("note", words.quote(line.text)))
        shown.extend(Shown("note", "– " + words.reason(str(c), dict(p)), tone="bad")
                     for c, p in line.params.get("reasons", []))
        return shown
    if code in ("close-won", "referral-won", "referral-lost", "qualified-out"):
        shown = [Shown("note", words.note(code, line.params), tone="good" if code in GOOD else "bad")]
        if line.text:  # someone's words, quoted; how a polite exit went, as told
            shown.append(Shown("note", line.text if code == "qualified-out" else
                               words.quote(line.text)))
        return shown
    tone = "good" if code in GOOD else "bad" if code in BAD else \
        "clue" if code == "hint" else "objection" if code == "objection-raised" else "info"
    return [Shown("note", words.note(code, line.params, line.text), tone=tone)]


def sound_for(lines: list[Line]) -> str:
    """The sound that sums up what just happened."""
    codes = {line.code for line in lines if line.kind == "note"}
    if "close-won" in codes:
        return "won"
    over = [line for line in lines if line.code == "game-over"]
    if over and over[0].params.get("disqualified"):  # qualified out: the right call
        return "won"
    if over and over[0].params.get("outcome") != "won":
        return "lost"
    if codes & BAD:
        return "bad"
    if codes & GOOD:
        return "good"
    return "click"


def option_label(key: str, text: str, words: Words) -> str:
    """The words of an option; the engine's own options ("leave", referral) have none."""
    if key == "leave":
        return words.get("opt-leave")
    if key == "referral:ask":
        return words.get("opt-referral-ask")
    if key == "referral:skip":
        return words.get("opt-referral-skip")
    return text
