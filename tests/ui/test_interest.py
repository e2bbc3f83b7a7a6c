"""Issue #13: the meeting screen shows the prospect's interest as a meter that moves with it,
and the deal board shows interest on one line with its mark (not "Interest: curious" above
"✗ Interest")."""
from __future__ import annotations

import pygame

from game.schema import Scenario
from game.ui.app import App
from game.ui.screens.meeting import INTEREST_STEPS
from tests.conftest import MINI_WIN
from tests.ui.conftest import press, start


def filled_segments(app: App) -> int:
    """How many of the meter's segments are painted in the accent colour."""
    surface = pygame.display.get_surface()
    meter = app.top.interest_rect
    step = meter.w / INTEREST_STEPS
    return sum(1 for i in range(INTEREST_STEPS)
               if surface.get_at((int(meter.x + step * i + step / 2), meter.centery))[:3]
               == app.ctx.theme.accent)


def test_the_meter_shows_interest_and_moves_with_it(app: App, mini: Scenario) -> None:
    start(app, mini)
    game = app.ctx.session.game
    assert app.top.interest_rect.w > 0
    assert filled_segments(app) == game.state.interest == 0
    seen = {0}
    for key in MINI_WIN:
        game.choose_key(key)
        app.top.changed()
        press(app, pygame.K_HOME)
        if game.over:
            break
        assert filled_segments(app) == min(INTEREST_STEPS, game.state.interest)
        seen.add(game.state.interest)
    assert len(seen) > 1, "the mini path never moved interest"


def test_board_shows_interest_on_one_line_with_its_mark(app: App, mini: Scenario,
                                                         rendered: list[str]) -> None:
    start(app, mini)
    rendered.clear()
    press(app, pygame.K_d)
    assert app.top.name == "board"
    lines = [text for text in rendered if "Interest" in text]
    assert lines == ["Interest: none"], lines
