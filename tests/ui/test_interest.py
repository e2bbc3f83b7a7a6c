"""Issue #13: the meeting screen shows the prospect's interest as a meter beside the stage track
that moves with it — ringed for a moment, with an arrow up or down, when interest moves, as a
person's card is when their mood changes; the deal board shows interest on one line with its
mark (not "Interest: curious" above "✗ Interest") and the turn clock the meeting screen has."""
from __future__ import annotations

import pygame

from game.schema import Scenario
from game.ui.app import App
from game.ui.pulse import PULSE_SECONDS
from game.ui.screens.stage_block import INTEREST_STEPS
from game.ui.widgets import MOODS
from tests.conftest import MINI_WIN
from tests.ui.conftest import press, settle, start


def filled_segments(app: App) -> int:
    """How many of the meter's segments are painted in the header's words colour."""
    surface = pygame.display.get_surface()
    meter = app.top.interest_rect
    step = meter.w / INTEREST_STEPS
    return sum(1 for i in range(INTEREST_STEPS)
               if surface.get_at((int(meter.x + step * i + step / 2), meter.centery))[:3]
               == app.ctx.theme.on_accent)


def test_the_meter_sits_beside_the_stage_track_and_moves_with_interest(app: App,
                                                                      mini: Scenario) -> None:
    start(app, mini)
    screen, game = app.top, app.ctx.session.game
    meter, track = screen.interest_rect, screen.block.track
    assert meter.w > 0 and screen.chrome.header.contains(meter)
    assert meter.bottom <= track.top and meter.right == track.right  # over the track's end
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


def ring_pixels(app: App, area: pygame.Rect, colour: tuple[int, int, int]) -> int:
    """Pixels of `colour` in `area` of the window."""
    surface = pygame.display.get_surface()
    return sum(1 for x in range(area.x, area.right, 2) for y in range(area.y, area.bottom, 2)
               if surface.get_at((x, y))[:3] == colour)


def test_a_move_of_interest_rings_the_meter_for_a_moment(app: App, mini: Scenario) -> None:
    start(app, mini)
    screen, game = app.top, app.ctx.session.game
    focus = app.ctx.theme.focus
    area = screen.block.glow_area(app.ctx)
    assert ring_pixels(app, area, focus) == 0 and screen.next_wakeup() is None
    for key in MINI_WIN:
        before = game.state.interest
        game.choose_key(key)
        app.top.changed()
        settle(app)
        if game.state.interest != before:
            break
    else:
        raise AssertionError("the mini path never moved interest")
    assert screen.pulses.strength("interest") > 0.5 and screen.rising == (
        game.state.interest > before)
    assert ring_pixels(app, area, focus) > 10          # the ring, at full strength
    assert 0 < screen.next_wakeup() < 0.1              # the loop wakes to let it fade
    screen.update(PULSE_SECONDS)                       # …and then it is gone
    settle(app)
    assert screen.next_wakeup() is None and ring_pixels(app, area, focus) == 0


def test_a_change_of_mood_rings_the_card(app: App, mini: Scenario) -> None:
    start(app, mini)
    screen, session = app.top, app.ctx.session
    game = session.game
    before = {card.id: card.mood for card in session.board().people}
    changed: list[str] = []
    for key in MINI_WIN:
        game.choose_key(key)
        app.top.changed()
        settle(app)
        now = {card.id: card.mood for card in session.board().people}
        changed = [pid for pid, mood in now.items()
                   if "unknown" not in (before[pid], mood) and before[pid] != mood]
        if changed or game.over:
            break
        before = now
    assert changed, "the mini path never changed a known mood"
    person = changed[0]
    assert screen.pulses.strength(f"mood:{person}") > 0.5
    card = screen.cards[screen.column.ids.index(person)]
    warmer = MOODS.index(now[person]) > MOODS.index(before[person])
    assert screen.warmer[person] == warmer
    colour = app.ctx.theme.good if warmer else app.ctx.theme.bad
    edge = pygame.Rect(card.x - 4, card.y - 4, card.w + 8, 6)  # along the card's top edge
    assert ring_pixels(app, edge, colour) > 10


def test_a_first_look_at_someone_is_not_a_change(app: App, mini: Scenario) -> None:
    """Meeting someone for the first time shows their mood: nothing is ringed for that."""
    start(app, mini)
    screen = app.top
    press(app, pygame.K_1)                      # into a first meeting
    assert screen.phase == "meeting"
    assert not any(name.startswith("mood:") for name in screen.pulses.left)


def test_board_shows_interest_on_one_line_with_its_mark(app: App, mini: Scenario,
                                                         rendered: list[str]) -> None:
    start(app, mini)
    rendered.clear()
    press(app, pygame.K_d)
    assert app.top.name == "board"
    lines = [text for text in rendered if "Interest" in text]
    assert lines == ["Interest: none"], lines


def test_the_board_has_the_turn_clock_and_the_same_header(app: App, mini: Scenario,
                                                          rendered: list[str]) -> None:
    start(app, mini)
    meeting = app.top
    press(app, pygame.K_d)
    board = app.top
    assert board.name == "board"
    assert board.chrome.header == meeting.chrome.header
    assert board.block.clock_centre == meeting.block.clock_centre
    assert board.block.track == meeting.block.track
    rendered.clear()
    board.draw(pygame.display.get_surface())
    turns = app.ctx.session.scenario.turns
    assert f"Turn 1 of {turns}" in rendered and f"{turns} left" in rendered
    assert board.subtitle == app.ctx.session.scenario.account.company  # the turn: the clock
