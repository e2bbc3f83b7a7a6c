"""The screen protocol: one class per screen, on a push/pop stack owned by the app.

A screen reacts to input in `handle_event`, advances time and lays itself out in `update(dt)`,
and paints in `draw(surface)`, which changes nothing. It gets everything it needs from the
context passed in (never from globals).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

if TYPE_CHECKING:
    from game.ui.context import Context


class Screen:
    """Base class: tracks when the layout must be recomputed."""

    name = "screen"       # also the screenshot name
    opaque = True         # False: the screen beneath shows through (pause menu)
    wants_text_input = False  # True: letter keys are text, not shortcuts
    reloadable = False    # True: F5 reads the scenario file again and restarts it here

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.version = 0
        self._laid_out: tuple[Any, ...] | None = None

    @property
    def shot_name(self) -> str:
        """The name of the screenshot of this screen as it is now."""
        return self.name

    def changed(self) -> None:
        """Something shown has changed: lay out again and redraw."""
        self.version += 1
        self.ctx.redraw()

    def ensure_layout(self) -> None:
        """Lay out if the window, the settings or the content changed since last time."""
        key = (self.ctx.size, self.ctx.epoch, self.version, self.content_key())
        if key != self._laid_out:
            self._laid_out = key
            self.layout()

    def content_key(self) -> object:
        """Something that changes when the shown content changes behind the screen's back
        (e.g. tags set on the deal board above it); override."""
        return None

    def layout(self) -> None:
        """Compute rectangles and prepare text for the current size (override)."""

    def handle_event(self, event: pygame.event.Event) -> None:
        """React to one input event (override)."""

    def update(self, dt: float) -> None:
        """Advance time by `dt` seconds; lays out when needed."""
        self.ensure_layout()

    def draw(self, surface: pygame.Surface) -> None:
        """Paint the screen (override); must not change any state."""

    def next_wakeup(self) -> float | None:
        """Seconds until this screen needs `update` without input (None: only on input)."""
        return None

    def on_close(self) -> None:
        """Called when the window is closed while this screen is on the stack (override)."""
