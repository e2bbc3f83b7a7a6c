"""The deal board shows each stakeholder's card whole at every text size: name, title and mood
wrap, never end in "…" and are never left out; a row is as tall as its card (or its role
chips), and when the rows do not all fit they scroll with the selection. Checked for every
bundled scenario, in English and Spanish, at 1280×720 and at the smallest window, at every
text size Ctrl +/− steps through; the board's keys keep working while the rows scroll."""
from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.schema import ROLES
from game.ui.app import MINIMUM_SIZE, App
from game.ui.cards import card_lines
from game.ui.fonts import ELLIPSIS, TEXT_SCALES
from tests.conftest import ROOT
from tests.ui.conftest import click, point_at, press, start, wheel_down
from tests.ui.text_sizes import BIGGEST, SCENARIOS, every_setting, load, resize, squash



def open_board(app: App, path: Path) -> None:
    start(app, load(path))
    press(app, pygame.K_d)
    assert app.top.name == "board"


def card_problems(app: App) -> list[str]:
    """Every way a card on the deal board is not shown whole; empty when all is well."""
    screen, ctx = app.top, app.ctx
    assert screen.name == "board"
    where = f"{ctx.size} {round(100 * TEXT_SCALES[ctx.settings.text_scale])} % {ctx.language}"
    found = []
    for person, plan, card, row in zip(screen.board.people, screen.plans, screen.cards,
                                       screen.rows):
        mood, _, note = card_lines(ctx, person)
        for part, words in {"name": person.name, "title": person.title,
                            "mood": note or mood}.items():
            shown = plan.lines(part)
            if squash(" ".join(shown)) != squash(words):
                found.append(f"{where}: {person.id} {part} shows {shown!r}, not {words!r}")
            if any(line.endswith(ELLIPSIS) and not words.endswith(ELLIPSIS) for line in shown):
                found.append(f"{where}: {person.id} {part} ends with …: {shown!r}")
        found += [f"{where}: {person.id}: wider than its card: {line!r}" for line in plan.cut]
        if card.w != plan.width or card.h < plan.height or row.h < plan.height:
            found.append(f"{where}: {person.id}: card {card.size} for words {plan.width}×"
                         f"{plan.height}")
    for above, below in zip(screen.rows, screen.rows[1:]):
        if above.bottom > below.top:
            found.append(f"{where}: rows overlap: {above} {below}")
    return found


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_no_board_card_is_shortened_at_any_text_size(app: App, path: Path,
                                                      rendered: list[str]) -> None:
    open_board(app, path)
    found: list[str] = []
    for code, size, index in every_setting(app, rendered):
        screen = app.top
        sources = {t for p in screen.board.people for t in (p.name, p.title)}
        assert any(t in rendered for t in sources), "the cards were painted"
        found += [f"{size} {TEXT_SCALES[index]:.0%} {code}: drew {t!r}"
                  for t in rendered if t.endswith(ELLIPSIS)
                  and any(s.startswith(t[:-1].rstrip()) for s in sources)]
        found += card_problems(app)
    assert not found, "\n".join(found)


def test_the_rows_follow_the_selection_and_the_keys_still_tag(app: App) -> None:
    """Hospital Comarcal at the minimum window and 115 % (once the compact case): the rows
    scroll; ↓ through them keeps the selected row whole in view; 1–5 and 0 tag and clear."""
    app.ctx.settings.text_scale = TEXT_SCALES.index(1.15)
    app.ctx.relayout()
    resize(app, MINIMUM_SIZE)
    open_board(app, ROOT / "scenarios" / "hospital-comarcal.yaml")
    screen = app.top
    people = screen.board.people
    assert screen.max_row_scroll > 0
    assert all(squash(" ".join(plan.lines("title"))) == squash(p.title)
               for p, plan in zip(people, screen.plans))
    for row in range(len(people)):
        assert screen.selected == row
        rect = screen.rows[row]
        assert screen.people_area.top <= rect.top and rect.bottom <= screen.people_area.bottom
        press(app, pygame.K_1 + row % len(ROLES))
        assert app.ctx.session.game.state.tags[people[row].id] == ROLES[row % len(ROLES)]
        press(app, pygame.K_DOWN)
    assert screen.selected == 0 and screen.row_scroll == 0   # ↓ from the last row wraps round
    press(app, pygame.K_UP)
    assert screen.selected == len(people) - 1 and screen.row_scroll == screen.max_row_scroll
    press(app, pygame.K_0)
    assert people[-1].id not in app.ctx.session.game.state.tags
    press(app, pygame.K_TAB)
    assert app.top.name == "meeting"


def test_the_wheel_scrolls_the_rows_and_the_selection_stays_in_view(app: App) -> None:
    app.ctx.settings.text_scale = BIGGEST
    app.ctx.relayout()
    resize(app, MINIMUM_SIZE)
    open_board(app, ROOT / "scenarios" / "hospital-comarcal.yaml")
    screen = app.top
    inside = screen.people_area.center
    point_at(app, inside)
    for _ in range(10):
        wheel_down(app)
    assert screen.row_scroll == screen.max_row_scroll > 0
    rect = screen.rows[screen.selected]
    assert rect.colliderect(screen.people_area)


def test_a_click_on_a_chip_of_a_scrolled_row_tags_that_person(app: App) -> None:
    app.ctx.settings.text_scale = BIGGEST
    app.ctx.relayout()
    resize(app, MINIMUM_SIZE)
    open_board(app, ROOT / "scenarios" / "hospital-comarcal.yaml")
    screen = app.top
    last = len(screen.board.people) - 1
    press(app, pygame.K_UP)                      # to the last row: the rows scroll
    assert screen.selected == last and screen.row_scroll > 0
    rect, role = next((r, role) for r, role in screen.chips[last] if role == "saboteur")
    assert screen.people_area.contains(rect)
    click(app, rect.center)
    assert app.ctx.session.game.state.tags == {screen.board.people[last].id: "saboteur"}


def test_at_100_percent_at_1280x720_every_row_is_in_view(app: App) -> None:
    """The usual window and text size: the whole buying centre at once, as before."""
    for path in SCENARIOS:
        open_board(app, path)
        assert app.top.max_row_scroll == 0, path.stem
        press(app, pygame.K_d)
