"""Stakeholder cards are whole at every text size: on the meeting screen no name, title, mood
word or role tag is shortened with "…" — the lines wrap, each card is as tall as its words, and
the column scrolls (wheel, Shift+PgUp/PgDn, following the person in focus) when the cards do not
all fit. Checked for every bundled scenario, in English and Spanish, at 1280×720 and at the
smallest window the app allows, at every text size Ctrl +/− steps through (80 % to 150 %; the
steps between 100 % and 150 % are 115 % and 130 %)."""
from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.board import PersonCard
from game.schema import Scenario
from game.ui.app import MINIMUM_SIZE, App
from game.ui.cards import CardLook, card_lines, plan_card
from game.ui.fonts import ELLIPSIS, TEXT_SCALES, Fonts
from tests.conftest import ROOT
from tests.ui.conftest import point_at, press, start, wheel_down
from tests.ui.text_sizes import BIGGEST, SCENARIOS, every_setting, load, resize, squash

def problems(app: App) -> list[str]:
    """Every way a card on the meeting screen is not shown whole; empty when all is well."""
    screen, ctx = app.top, app.ctx
    assert screen.name == "meeting"
    column = screen.column
    found = []
    where = f"{ctx.size} {round(100 * TEXT_SCALES[ctx.settings.text_scale])} % {ctx.language}"
    for person, plan, rect in zip(screen.board.people, column.plans, column.rects()):
        mood, tag, note = card_lines(ctx, person)
        wanted = {"name": person.name, "title": person.title, "mood": note or mood, "tag": tag}
        for part, words in wanted.items():
            shown = plan.lines(part)
            if squash(" ".join(shown)) != squash(words):
                found.append(f"{where}: {person.id} {part} shows {shown!r}, not {words!r}")
            if any(line.endswith(ELLIPSIS) and not words.endswith(ELLIPSIS) for line in shown):
                found.append(f"{where}: {person.id} {part} ends with …: {shown!r}")
        found += [f"{where}: {person.id}: wider than its card: {line!r}" for line in plan.cut]
        if rect.h != plan.height:
            found.append(f"{where}: {person.id}: card {rect.h} px for {plan.height} px of words")
    if column.content_height != sum(p.height for p in column.plans) + screen.ctx.px(14) * (
            len(column.plans) - 1):
        found.append(f"{where}: cards overlap")
    return found


def card_sources(app: App) -> set[str]:
    """The words the meeting screen's cards must show whole (names, titles, moods, tags)."""
    out: set[str] = set()
    for person in app.top.board.people:
        mood, tag, note = card_lines(app.ctx, person)
        out |= {person.name, person.title, note or mood, tag}
    return out


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_no_card_line_is_shortened_at_any_text_size(app: App, path: Path,
                                                          rendered: list[str]) -> None:
    scenario = load(path)
    start(app, scenario)
    press(app, pygame.K_1)                        # in a meeting: one card says so too
    found: list[str] = []
    for code, size, index in every_setting(app, rendered):
        sources = card_sources(app)
        assert any(t in rendered for t in sources), "the cards were painted"
        found += [f"{size} {TEXT_SCALES[index]:.0%} {code}: drew {t!r}"
                  for t in rendered if t.endswith(ELLIPSIS)
                  and any(s.startswith(t[:-1].rstrip()) for s in sources)]
        found += problems(app)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_between_meetings_at_150_percent_too(app: App, path: Path) -> None:
    scenario = load(path)
    app.ctx.settings.text_scale = BIGGEST
    app.ctx.relayout()
    start(app, scenario)
    assert app.top.phase == "between"
    found = problems(app)
    resize(app, MINIMUM_SIZE)
    found += problems(app)
    assert not found, "\n".join(found)


def test_a_long_word_breaks_between_letters_and_nothing_is_lost(app: App) -> None:
    fonts: Fonts = app.ctx.fonts
    lines = fonts.wrap("Directora Económico-Administrativa de la Axarquía", "small", 180)
    assert lines[1].startswith("Administrativa") and lines[0].endswith("Económico-")
    word = "Donaudampfschifffahrtsgesellschaftskapitän"
    lines = fonts.wrap(word, "strong", 90)
    assert len(lines) > 2 and "".join(lines) == word
    assert all(fonts.width(line, "strong") <= 90 for line in lines)
    assert fonts.wrap("Ana", "strong", 200) == ("Ana",)


def test_a_narrow_card_wraps_every_line_and_keeps_its_accents(app: App, mini: Scenario) -> None:
    from game.ui.session import Session

    app.ctx.session = Session.start(mini, 1)
    app.ctx.settings.text_scale = BIGGEST
    app.ctx.relayout()
    card = PersonCard("x", "Dña. María de los Ángeles Fernández-Villaverde y Núñez",
                      "Directora de Operaciones Logísticas y Transformación Digital", True, True,
                      "sceptical", "decision_maker")
    plan = plan_card(app.ctx, card, 220, CardLook(current=True))
    assert squash("".join(plan.lines("name"))) == squash(card.name)
    assert squash("".join(plan.lines("title"))) == squash(card.title)
    assert len(plan.lines("name")) > 1 and not plan.cut
    assert all(app.ctx.fonts.has_glyphs(t.text, t.style) for t in plan.texts)
    assert plan.height > plan_card(app.ctx, card, 600, CardLook(current=True)).height


def test_the_cards_scroll_by_keyboard_and_follow_the_person_in_focus(app: App) -> None:
    scenario = load(ROOT / "scenarios" / "hospital-comarcal.yaml")
    app.ctx.settings.text_scale = BIGGEST
    app.ctx.relayout()
    start(app, scenario)
    screen = app.top
    column = screen.column
    assert column.max_scroll > 0                 # five whole cards are taller than the window
    assert any(h.key.startswith("⇧") for h in screen.chrome.footer.hints)  # and it says how
    laid, misses = screen._laid_out, app.ctx.fonts.misses
    press(app, pygame.K_PAGEDOWN, pygame.KMOD_LSHIFT)
    assert column.scroll > 0
    press(app, pygame.K_PAGEUP, pygame.KMOD_LSHIFT)
    assert column.scroll == 0
    assert screen._laid_out is laid and app.ctx.fonts.misses == misses  # no new text
    last = screen.board.people[-1].id            # needs an introduction: listed, not in focus
    for _ in range(3):                           # ↓ through whom to meet: their cards come up
        press(app, pygame.K_DOWN)
        person = screen._in_focus()
        rect = column.rect(column.ids.index(person))
        assert column.area.top <= rect.top and rect.bottom <= column.area.bottom, person
    assert last != screen._in_focus()
    press(app, pygame.K_1)                       # meet someone: their card is in view
    current = app.ctx.session.game.state.meeting_with
    rect = column.rect(column.ids.index(current))
    assert column.area.top <= rect.top and rect.bottom <= column.area.bottom


def test_the_wheel_over_the_cards_scrolls_them_not_the_conversation(app: App) -> None:
    scenario = load(ROOT / "scenarios" / "clinica-del-sol.yaml")
    app.ctx.settings.text_scale = BIGGEST
    app.ctx.relayout()
    start(app, scenario)
    column = app.top.column
    inside = column.area.center
    point_at(app, inside)
    wheel_down(app)
    assert column.scroll > 0


def test_cards_at_100_percent_need_no_scrolling_at_1280x720(app: App) -> None:
    """The usual window and text size: every card in view at once, as before."""
    for path in SCENARIOS:
        start(app, load(path))
        assert app.top.column.max_scroll == 0, path.stem
        assert not any(h.key.startswith("⇧") for h in app.top.chrome.footer.hints)


def test_the_steady_meeting_screen_makes_no_text(app: App) -> None:
    """Frames without a change of content only blit: no text surface is made."""
    scenario = load(ROOT / "scenarios" / "clinica-del-sol.yaml")
    app.ctx.settings.text_scale = BIGGEST
    app.ctx.relayout()
    start(app, scenario)
    press(app, pygame.K_1)
    screen, fonts = app.top, app.ctx.fonts
    misses = fonts.misses
    surface = pygame.display.get_surface()
    for _ in range(5):
        press(app, pygame.K_DOWN)
        screen.draw(surface)
    press(app, pygame.K_PAGEDOWN, pygame.KMOD_LSHIFT)
    screen.draw(surface)
    assert fonts.misses == misses
