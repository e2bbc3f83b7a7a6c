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


def test_a_partial_frame_shows_what_a_whole_one_would(app: App, mini: Scenario) -> None:
    """Moving the focus in a meeting draws only the options' panel; the window then looks
    exactly as if all of it had been drawn again."""
    start(app, mini)
    press(app, pygame.K_1)                      # into a meeting
    screen = app.top
    assert screen.phase == "meeting"
    shown: list[object] = []
    real = pygame.display.update
    pygame.display.update = lambda *a: shown.append(a) or real(*a)  # type: ignore[assignment]
    try:
        press(app, pygame.K_DOWN)
    finally:
        pygame.display.update = real            # type: ignore[assignment]
    assert shown and screen.menu_panel.contains(pygame.Rect(shown[0][0]))
    surface = pygame.display.get_surface()
    partial = pygame.image.tobytes(surface, "RGB")
    app.ctx.redraw()
    settle(app)
    assert pygame.image.tobytes(surface, "RGB") == partial


def test_between_meetings_the_whole_window_is_drawn(app: App, mini: Scenario) -> None:
    """Between meetings the focus in the list also moves the card in focus: no partial frame."""
    start(app, mini)
    press(app, pygame.K_DOWN)
    assert app.ctx.dirty is None and not app.ctx.needs_redraw


def test_partial_areas_add_up_and_a_whole_frame_wins() -> None:
    from game.ui.context import Context
    from game.ui.fonts import Fonts
    from game.ui.sounds import Sounds

    ctx = Context(nav=None, fonts=Fonts(), sounds=Sounds(True))  # type: ignore[arg-type]
    ctx.needs_redraw = False
    ctx.redraw(pygame.Rect(0, 0, 10, 10))
    ctx.redraw(pygame.Rect(20, 0, 10, 10))
    assert ctx.dirty == pygame.Rect(0, 0, 30, 10)
    ctx.redraw()
    ctx.redraw(pygame.Rect(0, 0, 5, 5))
    assert ctx.needs_redraw and ctx.dirty is None


def test_the_idle_wait_is_chosen_per_driver(monkeypatch) -> None:
    from game.ui import app as app_module

    monkeypatch.delenv(app_module.IDLE_WAIT_OVERRIDE, raising=False)
    assert app_module.idle_wait_for("x11") == "poll"
    assert app_module.idle_wait_for("dummy") == "poll"
    assert app_module.idle_wait_for("cocoa") == app_module.DEFAULT_IDLE_WAIT
    monkeypatch.setenv(app_module.IDLE_WAIT_OVERRIDE, "wait")
    assert app_module.idle_wait_for("x11") == "wait"
    monkeypatch.setenv(app_module.IDLE_WAIT_OVERRIDE, "nonsense")
    assert app_module.idle_wait_for("x11") == "poll"


def test_an_idle_poll_returns_at_its_deadline(app: App, mini: Scenario) -> None:
    """Polling, the loop wakes for a screen's timer (a toast) without any input."""
    start(app, mini)
    app.idle_wait = "poll"
    assert app._wait(0.001) == []
    pygame.event.post(pygame.event.Event(pygame.USEREVENT))
    assert [e.type for e in app._wait(None)] == [pygame.USEREVENT]
