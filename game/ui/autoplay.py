"""Autoplay: a seeded policy that plays the real window by posting key events — the same events
a keyboard makes, handled by the same screens — from the briefing to the debrief.

Trainers use it to preview a scenario (with --screenshots); tests use it to check the UI. The
policy only reads what the screen shows a trainee (options and their tactics, the deal board,
clues); it never looks at hidden roles.
"""
from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

import pygame

from game.ui.footer import post_key

if TYPE_CHECKING:
    from game.ui.app import App

ROLE_ORDER = ("decision_maker", "influencer", "saboteur", "user", "gatekeeper")
SIGNER_WORDS = ("sign", "firma", "decide", "approv", "aprueb", "budget", "presupuesto")
TACTIC_WEIGHTS = {"discovery": 3.0, "authority": 3.0, "introduction": 3.0, "small_talk": 1.0,
                  "referral": 3.0, "pitch": 0.5, "counter": 0.5, "close": 0.05, "leave": 0.1}


class Autoplay:
    """The driver the app calls after every drawn frame."""

    def __init__(self, seed: int, max_inputs: int = 3000) -> None:
        self.rng = random.Random(seed)
        self.max_inputs = max_inputs
        self.inputs = 0
        self.queue: list[tuple[int, int]] = []  # (key, mod) still to press
        self.board_visits: set[int] = set()     # turns at which the deal board was opened
        self.dry: set[str] = set()              # people who had nothing more to say
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
        handler = getattr(self, f"on_{screen.name}", None)
        if handler is None:
            self.press(pygame.K_RETURN)
        else:
            handler(screen, app)

    def finish(self) -> None:
        """Close the window (the normal way: a QUIT event)."""
        self.finished = True
        pygame.event.post(pygame.event.Event(pygame.QUIT))

    # --- one policy per screen ----------------------------------------------------------------

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

    def on_debrief(self, screen: Any, app: App) -> None:
        """The end: the debrief has been drawn (and saved, if asked)."""
        self.finish()

    def on_outcome(self, screen: Any, app: App) -> None:
        """Ask for the referral most of the time; otherwise continue."""
        if screen.options:
            keys = [o.key for _, o in screen.options]
            ask = "referral:ask" in keys and self.rng.random() < 0.8
            target = "referral:ask" if ask else keys[-1]
            self.pick(screen.menu, keys.index(target))
        else:
            self.press(pygame.K_RETURN)

    def on_meeting(self, screen: Any, app: App) -> None:
        """Between meetings: visit the deal board (once a turn) while someone met is untagged,
        then pick whom to meet. In a meeting: pick a choice, weighted by its tactic."""
        session = app.ctx.session
        state = session.game.state
        board = session.board()
        if state.phase == "between":
            if state.path and state.path[-1]["kind"] == "meet":
                self.dry.add(str(state.path[-1]["stakeholder"]))
            untagged = [c for c in board.people if c.mood != "unknown" and c.tag is None]
            if untagged and state.turn not in self.board_visits:
                self.board_visits.add(state.turn)
                self.press(pygame.K_d)
                return
        weights = [self.weight(option, board, state) for _, option in screen.options]
        enabled = [i for i, item in enumerate(screen.menu.items) if item.enabled]
        if not enabled:
            self.finish()
            return
        chosen = self.rng.choices(enabled, [weights[i] for i in enabled])[0]
        self.pick(screen.menu, chosen)

    def weight(self, option: Any, board: Any, state: Any) -> float:
        """How much the policy likes `option` given what the trainee can see."""
        last_turn = state.turn >= board.turns - (1 if state.phase == "between" else 0)
        if option.key.startswith("meet:"):
            sid = option.stakeholder
            if sid in self.dry:
                return 0.1
            if (board.stage == "qualified_prospect" or last_turn) and self.signer(sid, board):
                return 10.0
            return 4.0 if sid not in state.met else 1.5
        tactic = option.tactic or "leave"
        weight = TACTIC_WEIGHTS.get(tactic, 1.0)
        if tactic == "pitch" and board.needs:
            weight = 3.0
        if tactic == "counter" and any(o["state"] == "open" for o in board.objections):
            weight = 3.5
        if tactic == "close":
            if board.stage == "qualified_prospect":
                weight = 10.0
            elif last_turn:
                weight = 5.0
        return weight

    @staticmethod
    def signer(sid: str, board: Any) -> bool:
        """Whether the board suggests `sid` decides: tagged so, or a clue about signing."""
        if any(c.id == sid and c.tag == "decision_maker" for c in board.people):
            return True
        clues = " ".join(str(h["text"]).lower() for h in board.hints if h["about"] == sid)
        return any(word in clues for word in SIGNER_WORDS)

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
        """Tag everyone met and untagged with a guess from the clues, then close the board."""
        board = screen.board
        n = len(board.people)
        at = screen.selected
        for row, card in enumerate(board.people):
            if card.mood == "unknown" or card.tag is not None:
                continue
            role = self.guess(card.id, board)
            self.queue.extend([(pygame.K_DOWN, 0)] * ((row - at) % n))
            self.queue.append((pygame.K_1 + ROLE_ORDER.index(role), 0))
            at = row
        self.queue.append((pygame.K_d, 0))
        self.press(*self.queue.pop(0))

    def guess(self, sid: str, board: Any) -> str:
        """A role guess from what the board shows: clues about signing, objections raised."""
        clues = " ".join(str(h["text"]).lower() for h in board.hints if h["about"] == sid)
        if any(word in clues for word in SIGNER_WORDS):
            return "decision_maker"
        if any(o["who"] == sid for o in board.objections) and self.rng.random() < 0.7:
            return "saboteur"
        return self.rng.choices(ROLE_ORDER, [1.0, 2.0, 1.0, 2.0, 1.0])[0]
