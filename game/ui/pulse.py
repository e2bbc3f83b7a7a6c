"""Short highlights that fade: something on screen changed (the prospect's interest, a person's
mood) and is marked for a moment so the eye goes to it. A screen starts a pulse by name, ticks
them in `update`, asks how strong each still is when drawing, and wakes the loop every FRAME
seconds while one lasts — an idle window with none costs nothing.
"""
from __future__ import annotations

PULSE_SECONDS = 1.6  # how long a highlight lasts, fading
FRAME = 1 / 30       # seconds between the frames of a fading highlight


class Pulses:
    """Highlights by name, each with the seconds it has left."""

    def __init__(self, seconds: float = PULSE_SECONDS) -> None:
        self.seconds = seconds
        self.left: dict[str, float] = {}

    def start(self, name: str) -> None:
        """Highlight `name` afresh (at full strength)."""
        self.left[name] = self.seconds

    def tick(self, dt: float) -> bool:
        """Let `dt` seconds pass; True when a highlight was showing (its look changed)."""
        if not self.left:
            return False
        self.left = {name: left - dt for name, left in self.left.items() if left - dt > 0}
        return True

    def strength(self, name: str) -> float:
        """How strongly `name` is highlighted now: 1 when it starts, down to 0 (none)."""
        return max(0.0, self.left.get(name, 0.0) / self.seconds)

    @property
    def active(self) -> bool:
        """Whether any highlight is showing."""
        return bool(self.left)

    def clear(self) -> None:
        """End every highlight at once."""
        self.left.clear()

    def next_wakeup(self) -> float | None:
        """When the loop must wake to draw the next frame of a highlight (None: none shows)."""
        return FRAME if self.left else None
