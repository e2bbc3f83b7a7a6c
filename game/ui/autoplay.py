"""Autoplay: the seeded policy of game.ui.policy — or, for `play --autoplay`, the best path the
par search found (`FollowPath`) — playing the real window by posting key events, the same
events a keyboard makes, handled by the same screens, from the briefing to the debrief.

Trainers use it to preview a scenario (with --screenshots); tests use it to check the UI. The
policy only reads what the screen shows a trainee (options with their tactics and reasons, the
deal board, what was said); it never looks at hidden roles. This module turns its decisions into
key presses: a number key (or arrows and Enter past the ninth item), D for the deal board
whenever new evidence changes a role tag, arrows and 1–5 for the tags.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pygame

from game.schema import ROLES
from game.ui.footer import post_key
from game.ui.policy import Policy, Seen

if TYPE_CHECKING:
    from game.ui.app import App


class FollowPath:
    """A preview that plays a known path (par's best path: option keys and role tags) and falls
    back on the reading policy from the first step the window does not offer. Scenarios written
    to defeat shallow readers (the bundled ones) are won in a preview only this way."""

    def __init__(self, path: Sequence[str], fallback: Policy) -> None:
        self.steps = list(path)
        self.at = 0
        self.fallback = fallback
        self.wanted: dict[str, str] = {}
        self.off = False  # the path no longer fits: the reading policy plays on

    def _tags_ahead(self) -> None:
        while self.at < len(self.steps) and self.steps[self.at].startswith("tag:"):
            sid, _, role = self.steps[self.at][4:].partition("=")
            if role:
                self.wanted[sid] = role
            self.at += 1

    def next(self, seen: Seen) -> str:
        """The path's next option when the window offers it, else the policy's choice."""
        self._tags_ahead()
        if not self.off and self.at < len(self.steps):
            key = self.steps[self.at]
            if any(o.key == key and o.available for o in seen.options):
                self.at += 1
                return key
            self.off = True
        return self.fallback.next(seen)

    def tags(self, seen: Seen) -> dict[str, str]:
        """The role tags the path has set by now (the policy's once it is off the path)."""
        self._tags_ahead()
        return self.fallback.tags(seen) if self.off else dict(self.wanted)

    def board_due(self, seen: Seen, tags: dict[str, str]) -> bool:
        """Whether a tag of the path is not on the board yet."""
        self._tags_ahead()
        if self.off:
            return self.fallback.board_due(seen, tags)
        return any(tags.get(sid) != role for sid, role in self.wanted.items())


class Autoplay:
    """The driver the app calls after every drawn frame. Given a `path` (par's), it plays that
    path; otherwise the seeded reading policy decides."""

    def __init__(self, seed: int, max_inputs: int = 3000,
                 path: Sequence[str] | None = None) -> None:
        self.policy: Policy | FollowPath = (FollowPath(path, Policy(seed)) if path
                                            else Policy(seed))
        self.max_inputs = max_inputs
        self.inputs = 0
        self.queue: list[tuple[int, int]] = []  # (key, mod) still to press
        self.pending: tuple[tuple[object, ...], str] | None = None  # (moment, option key)
        self.finished = False

    def press(self, key: int, mod: int = 0) -> None:
        """Post one key press."""
        self.inputs += 1
        post_key(key, mod)

    def step(self, app: App) -> None:
        """Post the next input for the screen on top."""
        if self.finished:
            return
        if self.inputs >= self.max_inputs:
            self.finish()
            return
        if self.queue:
            self.press(*self.queue.pop(0))
            return
        screen = app.top
        if screen is None:
            return
        handler = getattr(self, f"on_{screen.name.replace('-', '_')}", None)
        if handler is None:
            self.press(pygame.K_RETURN)
        else:
            handler(screen, app)

    def finish(self) -> None:
        """Close the window (the normal way: a QUIT event)."""
        self.finished = True
        pygame.event.post(pygame.event.Event(pygame.QUIT))

    # --- what the trainee sees, and the policy's decision --------------------------------------

    @staticmethod
    def seen(app: App) -> Seen:
        """The moment as the window shows it."""
        session = app.ctx.session
        assert session is not None
        game = session.game
        state = game.state
        return Seen(state.phase, state.turn, state.meeting_with, frozenset(state.met),
                    game.options(), session.board(), session.transcript)

    def decide(self, app: App) -> str:
        """The option to take now, asked of the policy once per moment (a key press that is
        still on its way must not count as a second decision)."""
        state = app.ctx.session.game.state  # type: ignore[union-attr]
        moment = (len(state.path), state.phase, state.turn)
        if self.pending is None or self.pending[0] != moment:
            self.pending = (moment, self.policy.next(self.seen(app)))
        return self.pending[1]

    # --- one handler per screen -----------------------------------------------------------------

    def on_name(self, screen: Any, app: App) -> None:
        """Type a name, then confirm."""
        if not screen.value:
            self.inputs += 1
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="Íñigo"))
        else:
            self.press(pygame.K_RETURN)

    def on_picker(self, screen: Any, app: App) -> None:
        """Wait for the list, then take the focused scenario."""
        if screen.loaded and screen.menu.enabled_indices():
            self.press(pygame.K_RETURN)

    def on_pause(self, screen: Any, app: App) -> None:
        """Resume."""
        self.press(pygame.K_ESCAPE)

    def on_reload_errors(self, screen: Any, app: App) -> None:
        """Go back to the attempt (autoplay never presses F5, but never gets stuck either)."""
        self.press(pygame.K_ESCAPE)

    def on_debrief(self, screen: Any, app: App) -> None:
        """The end: the debrief has been drawn (and saved, if asked)."""
        self.finish()

    def on_outcome(self, screen: Any, app: App) -> None:
        """Ask for the referral (as the policy says); otherwise continue."""
        if screen.options:
            keys = [o.key for _, o in screen.options]
            key = self.decide(app)
            self.pick(screen.menu, keys.index(key) if key in keys else len(keys) - 1)
        else:
            self.press(pygame.K_RETURN)

    def on_meeting(self, screen: Any, app: App) -> None:
        """Open the deal board (D) when a clue or an objection has come in and a role tag should
        change — between meetings or in one, as a trainee keeps the board up to date; then
        take the policy's choice (whom to meet, or what to say)."""
        session = app.ctx.session
        state = session.game.state
        if self.policy.board_due(self.seen(app), state.tags):
            self.press(pygame.K_d)
            return
        values = [item.value for item in screen.menu.items]
        key = self.decide(app)
        if key not in values or not screen.menu.items[values.index(key)].enabled:
            self.finish()  # cannot happen: the policy picks among the options on screen
            return
        self.pick(screen.menu, values.index(key))

    def pick(self, menu: Any, index: int) -> None:
        """Choose list item `index`: its number key, or arrows and Enter past the ninth."""
        number = menu.numbers[index]
        if number is not None:
            self.press(pygame.K_0 + number)
            return
        enabled = menu.enabled_indices()
        downs = (enabled.index(index) - enabled.index(menu.focus)) % len(enabled)
        self.queue.extend([(pygame.K_DOWN, 0)] * downs + [(pygame.K_RETURN, 0)])
        self.press(*self.queue.pop(0))

    def on_board(self, screen: Any, app: App) -> None:
        """Set the role tags the policy reads from the board (arrows, then 1–5), then close it."""
        board = screen.board
        wanted = self.policy.tags(self.seen(app))
        n = len(board.people)
        at = screen.selected
        for row, card in enumerate(board.people):
            role = wanted.get(card.id)
            if role is None or card.tag == role:
                continue
            self.queue.extend([(pygame.K_DOWN, 0)] * ((row - at) % n))
            self.queue.append((pygame.K_1 + ROLES.index(role), 0))
            at = row
        self.queue.append((pygame.K_d, 0))
        self.press(*self.queue.pop(0))
