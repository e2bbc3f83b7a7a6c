"""The play state: everything that changes during an attempt, in one serialisable object.

Authored content never changes; this is the only thing that does. `to_dict`/`from_dict` give
versioned JSON-ready data, so an attempt can be saved, resumed and replayed.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any

from pydantic import ConfigDict, TypeAdapter, ValidationError

STATE_VERSION = 2
# the versions this game reads: 1 (before format 1.2) has no `learned`, which starts empty
READABLE_VERSIONS = (1, 2)

PHASES = ("between", "meeting", "after_close", "over")
OUTCOMES = ("won", "lost", "abandoned")


class StateVersionError(ValueError):
    """A saved state from another version of the game, or not a state at all."""


@dataclass
class PlayState:
    """One attempt at one scenario. Ids are the scenario's ids; turns count meetings (1-based)."""

    __pydantic_config__ = ConfigDict(extra="forbid")  # how from_dict checks saved data

    scenario_id: str
    seed: int
    phase: str = "between"
    turn: int = 0
    meeting_with: str | None = None
    node: str | None = None
    exchanges: int = 0
    stance: dict[str, float] = field(default_factory=dict)
    anchor: dict[str, float] = field(default_factory=dict)
    trust: dict[str, float] = field(default_factory=dict)
    interest: int = 0
    interest_later: int = 0  # format 1.3: interest earned, to show at the next meetings
    met: dict[str, int] = field(default_factory=dict)            # stakeholder → first turn met
    introduced: set[str] = field(default_factory=set)
    needs_known: dict[str, dict[str, Any]] = field(default_factory=dict)  # need → {turn, by}
    pitched: dict[str, dict[str, Any]] = field(default_factory=dict)      # need → {turn, to}
    learned: dict[str, dict[str, Any]] = field(default_factory=dict)      # item → {turn, by}
    hints: list[dict[str, Any]] = field(default_factory=list)             # {about, text, turn}
    flags: set[str] = field(default_factory=set)
    objections: dict[str, dict[str, Any]] = field(default_factory=dict)   # id → {state, raised, resolved}
    tags: dict[str, str] = field(default_factory=dict)                    # trainee's role guesses
    blind_tags: set[str] = field(default_factory=set)     # tagged before any evidence about them
    mistake_costs: dict[str, float] = field(default_factory=dict)  # competency → share lost
    critical: list[str] = field(default_factory=list)     # keys of critical mistakes made
    taken: set[str] = field(default_factory=set)                          # choice keys said once
    fired: set[str] = field(default_factory=set)                          # events that happened
    offered: set[str] = field(default_factory=set)  # 1.3: saboteurs' objections a choice open
                                                    # to the trainee could have drawn out
    close_attempts: int = 0
    qualified_at_close: dict[str, bool] | None = None                     # checklist at 1st close
    premature_closes: int = 0
    wrong_counters: int = 0
    bad_pitches: int = 0
    outcome: str | None = None
    end_reason: str | None = None
    referral: str | None = None                                           # None, "won", "lost"
    deal_value: float = 0.0
    seen: dict[str, int] = field(default_factory=dict)  # valuable option key → first turn open
    path: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data with the state version; sets become sorted lists."""
        data: dict[str, Any] = {"version": STATE_VERSION}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, set):
                value = sorted(value)
            elif isinstance(value, (dict, list)):
                value = _copy(value)
            data[f.name] = value
        return data

    @classmethod
    def from_dict(cls, data: Any) -> PlayState:
        """Rebuild a state saved by `to_dict`; refuses other versions and malformed data."""
        if not isinstance(data, dict):
            raise StateVersionError("a saved attempt must be a JSON object")
        version = data.get("version")
        if version not in READABLE_VERSIONS or isinstance(version, bool):
            raise StateVersionError(
                f"this saved attempt has state version {version!r}; this game reads versions "
                f"{READABLE_VERSIONS[0]} to {STATE_VERSION} — start the scenario again")
        body = {k: v for k, v in data.items() if k != "version"}
        try:
            state = _adapter().validate_python(body, strict=False)
        except ValidationError as exc:
            first = exc.errors(include_url=False)[0]
            where = ".".join(str(p) for p in first["loc"])
            raise StateVersionError(
                f"the saved attempt is damaged ({where}: {first['msg']}) — start the scenario "
                "again") from None
        if state.phase not in PHASES or (state.outcome is not None and state.outcome not in OUTCOMES):
            raise StateVersionError("the saved attempt is damaged: unknown phase or outcome")
        return _copy_state(state)


@cache
def _adapter() -> TypeAdapter[PlayState]:
    return TypeAdapter(PlayState)


def _copy_state(state: PlayState) -> PlayState:
    """A state sharing no mutable part with any other object."""
    kwargs = {}
    for f in fields(state):
        value = getattr(state, f.name)
        kwargs[f.name] = set(value) if isinstance(value, set) else _copy(value)
    return PlayState(**kwargs)


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value
