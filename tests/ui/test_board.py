"""The deal board: role tags set by keyboard and by mouse change game.state.tags."""
from __future__ import annotations

import pygame

from game.schema import ROLES, Scenario
from game.ui.app import App
from tests.ui.conftest import click, press, start


def open_board(app: App, mini: Scenario) -> None:
    start(app, mini)
    press(app, pygame.K_d)
    assert app.top.name == "board"


def test_number_keys_tag_the_selected_person(app: App, mini: Scenario) -> None:
    open_board(app, mini)
    press(app, pygame.K_2)                       # Dana (first row) → influencer
    press(app, pygame.K_DOWN)
    press(app, pygame.K_1)                       # Marta → decision-maker
    press(app, pygame.K_DOWN)
    press(app, pygame.K_3)                       # Inés → saboteur
    assert app.ctx.session.game.state.tags == {"dana": "influencer",
                                               "marta": "decision_maker", "ines": "saboteur"}
    press(app, pygame.K_0)                       # clear Inés
    assert "ines" not in app.ctx.session.game.state.tags
    press(app, pygame.K_UP)
    press(app, pygame.K_BACKSPACE)               # clear Marta
    assert app.ctx.session.game.state.tags == {"dana": "influencer"}


def test_clicking_a_role_chip_tags_that_row(app: App, mini: Scenario) -> None:
    open_board(app, mini)
    screen = app.top
    row = [p.id for p in screen.board.people].index("ines")
    rect, role = next((r, role) for r, role in screen.chips[row] if role == "saboteur")
    click(app, rect.center)
    assert app.ctx.session.game.state.tags == {"ines": "saboteur"}
    assert app.top.selected == row
    clear = next(r for r, role in app.top.chips[row] if role is None)
    click(app, clear.center)
    assert app.ctx.session.game.state.tags == {}


def test_every_role_has_a_chip_and_a_key(app: App, mini: Scenario) -> None:
    open_board(app, mini)
    roles = [role for _, role in app.top.chips[0]]
    assert roles == list(ROLES) + [None]
    for number, role in enumerate(ROLES, start=1):
        press(app, pygame.K_0 + number)
        assert app.ctx.session.game.state.tags["dana"] == role


def test_tags_show_on_the_meeting_screen_cards(app: App, mini: Scenario) -> None:
    open_board(app, mini)
    press(app, pygame.K_1)
    press(app, pygame.K_d)
    assert app.top.name == "meeting"
    assert app.top.board.people[0].tag == "decision_maker"


def test_board_lists_needs_found_with_benefit_and_who(app: App, mini: Scenario) -> None:
    start(app, mini)
    press(app, pygame.K_1)                       # meet Dana
    press(app, pygame.K_1)                       # discovery: overtime
    press(app, pygame.K_TAB)
    board = app.top.board
    assert [(n.id, n.benefit, n.found_by) for n in board.needs] == [
        ("overtime", "back_end_savings", "dana")]
    assert app.top.details.content_height > 0


def test_esc_on_the_board_opens_the_pause_menu_and_tab_goes_back(app: App, mini: Scenario) -> None:
    open_board(app, mini)
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "pause" and app.stack[-2].name == "board"
    press(app, pygame.K_ESCAPE)                  # resume: back on the board
    assert app.top.name == "board"
    press(app, pygame.K_TAB)
    assert app.top.name == "meeting"
    press(app, pygame.K_d)
    press(app, pygame.K_d)
    assert app.top.name == "meeting"
