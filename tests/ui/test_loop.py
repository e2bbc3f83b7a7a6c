"""The loop draws only when something changed, and drawing changes nothing."""
from __future__ import annotations

import copy

import pygame

from game.schema import Scenario
from game.ui.app import App
from tests.ui.conftest import press, settle, start


def test_no_frame_is_drawn_without_a_change(app: App, mini: Scenario) -> None:
    start(app, mini)
    frames = app.frames
    for _ in range(20):
        app.step(block=False)
    assert app.frames == frames
    assert app._timeout() is None              # idle: the loop would sleep on the queue
    press(app, pygame.K_DOWN)                  # focus moves: one new frame
    assert app.frames == frames + 1


def test_hovering_redraws_without_laying_out_again(app: App, mini: Scenario) -> None:
    start(app, mini)
    screen = app.top
    laid = screen._laid_out
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=screen.menu.visible_rect(2).center,
                                         rel=(0, 0), buttons=(0, 0, 0)))
    settle(app)
    assert screen.menu.focus == 2 and screen._laid_out is laid


def test_drawing_changes_nothing(app: App, mini: Scenario) -> None:
    start(app, mini)
    press(app, pygame.K_1)
    screen = app.top
    state = copy.deepcopy(app.ctx.session.game.state.to_dict())
    version, focus = screen.version, screen.menu.focus
    surface = pygame.display.get_surface()
    screen.draw(surface)
    first = pygame.image.tobytes(surface, "RGB")
    screen.draw(surface)
    assert pygame.image.tobytes(surface, "RGB") == first
    assert app.ctx.session.game.state.to_dict() == state
    assert (screen.version, screen.menu.focus) == (version, focus)


def test_text_surfaces_are_cached(app: App, mini: Scenario) -> None:
    start(app, mini)
    fonts = app.ctx.fonts
    misses = fonts.misses
    for _ in range(5):
        press(app, pygame.K_DOWN)
    assert fonts.misses == misses


def test_a_toast_wakes_the_loop_once_to_disappear(app: App, mini: Scenario) -> None:
    start(app, mini)
    press(app, pygame.K_h)
    assert app.ctx.toast_text and 0 < app._timeout() <= 1.6
    app.ctx.toast_left = 1e-9
    settle(app)
    assert app.ctx.toast_text == "" and app._timeout() is None
