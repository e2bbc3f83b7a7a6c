"""The meeting screen, driven by posted keys and clicks; assertions on the engine's state."""
from __future__ import annotations

import pygame

from game.schema import Scenario
from game.ui.app import App
from tests.ui.conftest import click, press, settle, start


def test_key_1_between_meetings_meets_the_first_available_person(app: App, mini: Scenario) -> None:
    start(app, mini)
    press(app, pygame.K_1)
    state = app.ctx.session.game.state
    assert state.phase == "meeting" and state.meeting_with == "dana"


def test_key_1_in_a_meeting_takes_the_first_available_option(app: App, mini: Scenario) -> None:
    start(app, mini)
    press(app, pygame.K_1)
    first = app.ctx.session.game.available()[0]
    press(app, pygame.K_1)
    state = app.ctx.session.game.state
    assert state.path[-1]["key"] == first.key == "dana/hi/0"
    assert "overtime" in state.needs_known


def test_keypad_digits_and_arrows_with_enter_choose_too(app: App, mini: Scenario) -> None:
    start(app, mini)
    press(app, pygame.K_KP1)                      # meet Dana
    press(app, pygame.K_DOWN)                     # focus the second option
    press(app, pygame.K_RETURN)
    assert app.ctx.session.game.state.path[-1]["key"] == "dana/hi/1"


def test_unavailable_people_are_listed_but_not_numbered(app: App, mini: Scenario) -> None:
    start(app, mini)
    menu = app.top.menu
    marta = next(i for i, item in enumerate(menu.items) if "Marta" in item.label)
    assert not menu.items[marta].enabled and menu.numbers[marta] is None
    assert menu.items[marta].note  # the reason: needs an introduction
    press(app, pygame.K_2)                        # the second *available* person: Inés
    assert app.ctx.session.game.state.meeting_with == "ines"


def test_clicking_an_option_takes_it(app: App, mini: Scenario) -> None:
    start(app, mini)
    press(app, pygame.K_1)
    screen = app.top
    click(app, screen.menu.visible_rect(1).center)
    assert app.ctx.session.game.state.path[-1]["key"] == "dana/hi/1"
    assert "marta" in app.ctx.session.game.state.introduced


def test_conversation_shows_what_was_said(app: App, mini: Scenario) -> None:
    start(app, mini)
    press(app, pygame.K_1)
    press(app, pygame.K_1)
    texts = [s.text for s in app.top._shown]
    assert "“Hello there.”" in texts
    assert "“How do you plan routes today?”" in texts
    assert any("Overtime re-planning routes" in t for t in texts)  # the need found


def test_tab_or_d_opens_the_deal_board_and_esc_the_pause_menu(app: App, mini: Scenario) -> None:
    start(app, mini)
    press(app, pygame.K_TAB)
    assert app.top.name == "board"
    press(app, pygame.K_d)
    assert app.top.name == "meeting"
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "pause"
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "meeting"


def test_footer_hints_are_buttons(app: App, mini: Scenario) -> None:
    start(app, mini)
    footer = app.top.chrome.footer
    board = next(r for h, r in zip(footer.hints, footer.rects) if h.code == pygame.K_d)
    click(app, board.center)
    settle(app)
    assert app.top.name == "board"


def number_of(app: App, words: str) -> int:
    """The key number of the first listed item containing `words`."""
    menu = app.top.menu
    return menu.numbers[next(i for i, item in enumerate(menu.items) if words in item.label)]


def test_a_close_attempt_shows_its_outcome_then_the_meeting_again(app: App,
                                                                   mini: Scenario) -> None:
    start(app, mini)
    press(app, pygame.K_0 + number_of(app, "Dana"))
    press(app, pygame.K_0 + number_of(app, "Who signs"))      # Dana introduces Marta
    press(app, pygame.K_0 + number_of(app, "end the meeting"))
    press(app, pygame.K_0 + number_of(app, "Marta"))
    press(app, pygame.K_0 + number_of(app, "sign today"))     # a premature close
    assert app.top.name == "outcome" and app.top.shot_name == "close-failed"
    assert app.ctx.session.game.state.close_attempts == 1
    press(app, pygame.K_RETURN)
    assert app.top.name == "meeting"
