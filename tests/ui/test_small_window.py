"""Issue #13: text stays readable in the smallest window and at every text size — body text
never below 14 px, the small words on cards, tags and the footer never below 12 px — and the
debrief at 150 % shows its heading and every action whole."""
from __future__ import annotations

import pygame
import pytest

from game.schema import Scenario
from game.ui.app import MINIMUM_SIZE, App
from game.ui.fonts import MINIMUM_PX, TEXT_SCALES
from tests.ui.conftest import press, start
from tests.ui.test_debrief import finish_mini
from tests.ui.text_sizes import BIGGEST, language, resize, text_size

SMALL_STYLES = ("small", "small-bold", "tiny", "tiny-bold")


@pytest.mark.parametrize("size", [MINIMUM_SIZE, (1024, 600), (1280, 720), (1920, 1080)])
def test_no_style_is_below_its_floor_at_any_window_and_text_size(
        app: App, size: tuple[int, int]) -> None:
    resize(app, size)
    fonts = app.ctx.fonts
    for index in range(len(TEXT_SCALES)):
        text_size(app, index)
        assert fonts.px("body") >= 14 and fonts.px("strong") >= 14
        for style in SMALL_STYLES:
            assert fonts.px(style) >= 12, (size, index, style)
        # the font drawn is that size: a capital of the body style is at least 10 px tall
        assert fonts.font("body").size("H")[1] >= 14


def test_every_text_drawn_at_800x480_is_at_least_12_px_and_body_14(
        app: App, mini: Scenario) -> None:
    resize(app, MINIMUM_SIZE)
    text_size(app, 0)                                   # the smallest text size, too
    drawn: list[tuple[str, str]] = []
    fonts = app.ctx.fonts
    real = fonts.render

    def spy(text: str, style: str, *args: object, **kwargs: object) -> pygame.Surface:
        drawn.append((text, style))
        return real(text, style, *args, **kwargs)  # type: ignore[arg-type]

    fonts.render = spy  # type: ignore[method-assign]
    start(app, mini)
    press(app, pygame.K_d)                              # the deal board: roles, tags, moods
    press(app, pygame.K_d)
    assert drawn
    for text, style in drawn:
        least = 14 if style in ("body", "strong") else 12
        assert fonts.font_for_px(fonts.px(style)).get_height() >= least, (text, style)
        assert fonts.px(style) >= min(least, MINIMUM_PX[style]), (text, style)


@pytest.mark.parametrize("size", [MINIMUM_SIZE, (1280, 720)])
@pytest.mark.parametrize("code", ["en", "es"])
def test_debrief_at_150_percent_shows_every_action_and_cuts_no_heading(
        app: App, mini: Scenario, size: tuple[int, int], code: str) -> None:
    language(app, code)
    resize(app, size)
    text_size(app, BIGGEST)
    # the window speaks the scenario's language: a Spanish debrief needs a Spanish scenario
    finish_mini(app, mini.model_copy(update={"language": code}), win=False)
    screen = app.top
    menu = screen.menu
    assert len(menu.items) >= 2
    assert menu.content_height <= menu.area.h, "an action is hidden below the column"
    for index in range(len(menu.items)):
        assert menu.area.contains(menu.visible_rect(index)), index
    # the header keeps the scenario's title whole
    title = app.ctx.session.scenario.title
    assert "".join(screen.chrome.plan.part("title")).replace(" ", "") == title.replace(" ", "")


@pytest.mark.parametrize("size", [MINIMUM_SIZE, (1280, 720)])
@pytest.mark.parametrize("index", [0, 2, BIGGEST])
def test_every_screen_of_an_attempt_has_one_header_height(
        app: App, mini: Scenario, size: tuple[int, int], index: int) -> None:
    resize(app, size)
    text_size(app, index)
    heights: dict[str, int] = {}
    from game.ui import flow
    flow.start(app.ctx, mini, 1)
    press(app, pygame.K_HOME)                             # nothing: the briefing drawn
    heights["briefing"] = app.top.chrome.header.h
    press(app, pygame.K_RETURN)
    heights["meeting"] = app.top.chrome.header.h
    press(app, pygame.K_d)
    heights["board"] = app.top.chrome.header.h
    press(app, pygame.K_d)
    app.ctx.session.game.abandon()
    flow.debrief(app.ctx)
    press(app, pygame.K_HOME)
    heights["debrief"] = app.top.chrome.header.h
    assert len(set(heights.values())) == 1, heights
    # the band is painted that tall: the accent colour reaches its last row, not the next
    surface = pygame.display.get_surface()
    h = heights["debrief"]
    accent = app.ctx.theme.accent
    assert surface.get_at((2, h - 1))[:3] == accent and surface.get_at((2, h))[:3] != accent


def test_no_word_alone_on_a_title_s_last_line(app: App) -> None:
    from game.ui.screens.chrome import balanced_wrap
    fonts = app.ctx.fonts
    title = "Northwind Logistics — dispatch that doesn't end at 9 p.m."
    for width in range(180, fonts.width(title, "heading"), 7):
        lines = balanced_wrap(fonts, title, "heading", width)
        assert " ".join(lines) == title
        assert all(fonts.width(line, "heading") <= width for line in lines)
        if len(lines) > 1:
            assert len(lines[-1].split()) > 1, (width, lines)


def test_debrief_footer_offers_only_its_menu_keys_and_next_is_named(
        app: App, mini: Scenario) -> None:
    finish_mini(app, mini, win=False)
    screen = app.top
    values = {item.value for item in screen.menu.items}
    letters = {"R": "replay", "N": "next", "T": "title"}
    keys = {hint.key for hint in screen.chrome.footer.hints}
    for letter, action in letters.items():
        assert (letter in keys) == (action in values), letter
    labels = [item.label for item in screen.menu.items]
    assert "Choose another scenario (N)" in labels, labels
