"""The plain values the engine hands to front ends: options to choose from and lines to show."""
from __future__ import annotations

from typing import Any, NamedTuple

# Why an option is closed: a code and its parameters (front ends word it).
Reason = tuple[str, dict[str, Any]]


class Option(NamedTuple):
    """Something the trainee may do now. Unavailable options carry the reason, for the debrief."""

    key: str
    text: str
    tactic: str | None
    available: bool
    reason: Reason | None = None
    stakeholder: str | None = None


class Line(NamedTuple):
    """One thing to show: `say` (a stakeholder speaks), `you` (the trainee's words), `note`
    (the game tells the trainee something: `code` + `params`, worded by game.i18n), `event`
    (something happened between meetings)."""

    kind: str
    text: str = ""
    speaker: str | None = None
    code: str | None = None
    params: dict[str, Any] = {}  # never mutated
