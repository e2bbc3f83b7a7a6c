"""What is drawn: accents have glyphs, text fits its boxes, portraits are stable, and the
settings keys (text size, contrast, language, sound) work on every screen."""
from __future__ import annotations

import pygame
import pytest

from game.board import PersonCard
from game.loader import load_scenario
from game.schema import Scenario
from game.ui import strings, widgets
from game.ui.app import App
from game.ui.cards import CardLook, card_lines, draw_card
from game.ui.fonts import STYLES, Fonts
from game.ui.portrait import initials, looks, portrait
from game.ui.theme import DEFAULT
from tests.conftest import ROOT
from tests.ui.conftest import press, settle, start

SPANISH = "ñáéíóúüÑÁÉÍÓÚÜ¿¡«»“”—–…·•●○✓✗↑↓−€"


@pytest.mark.parametrize("style", sorted(STYLES))
def test_the_bundled_font_has_every_spanish_and_ui_character(style: str) -> None:
    pygame.font.init()
    fonts = Fonts()
    assert fonts.has_glyphs(SPANISH, style)
    font = fonts.font(style)
    assert all(m is not None for m in font.metrics("¿Qué tal? ¡Sí! Señor Núñez"))


def test_every_ui_string_is_worded_in_both_languages() -> None:
    en, es = strings.UIText("en"), strings.UIText("es")
    for key in strings.keys():
        assert en.get(key) and es.get(key), key
    assert en.get("no-such-key") == "no-such-key"


def test_text_is_cut_with_an_ellipsis_to_fit(app: App) -> None:
    fonts = app.ctx.fonts
    text = "Dña. María de los Ángeles Fernández-Villaverde y Núñez"
    for width in (40, 90, 200):
        fitted = fonts.fit(text, "strong", width)
        assert fitted.endswith("…") and fonts.width(fitted, "strong") <= width
    assert fonts.fit("Ana", "strong", 200) == "Ana"


def test_a_card_stays_inside_its_box_whatever_the_name(app: App) -> None:
    surface = pygame.Surface((600, 300))
    sentinel = (1, 2, 3)
    surface.fill(sentinel)
    rect = pygame.Rect(50, 50, 260, 104)
    card = PersonCard("x", "Dña. María de los Ángeles Fernández-Villaverde y Núñez",
                      "Directora de Operaciones Logísticas y Transformación Digital", True, True,
                      "sceptical", "decision_maker")
    app.ctx.session = None
    from game.ui.session import Session

    app.ctx.session = Session.start(load_scenario(ROOT / "tests/fixtures/mini.yaml").scenario, 1)
    draw_card(surface, app.ctx, rect, card, CardLook(current=True))
    inside = rect.inflate(8, 8)  # the focus and current-meeting borders sit just outside
    for x in range(0, 600, 3):
        for y in range(0, 300, 3):
            if not inside.collidepoint(x, y):
                assert surface.get_at((x, y))[:3] == sentinel, (x, y)


def test_stage_labels_fit_their_boxes(app: App) -> None:
    fonts, surface = app.ctx.fonts, pygame.Surface((700, 60))
    labels = ["contacto", "interesado", "cualificado", "cliente"]
    boxes = widgets.stage_track(surface, fonts, DEFAULT, pygame.Rect(0, 10, 640, 30), labels, 2)
    for box, label in zip(boxes, labels):
        assert fonts.width(label, "small-bold") <= box.w
    assert boxes[-1].right <= 640


def test_meeting_screen_text_fits_at_large_text_size(app: App) -> None:
    spanish = load_scenario(ROOT / "scenarios" / "clinica-del-sol.yaml").scenario
    assert spanish is not None
    app.ctx.settings.text_scale = 5
    app.ctx.relayout()
    start(app, spanish)
    press(app, pygame.K_1)
    screen = app.top
    for picture in (p for pair in screen.menu._pictures for p in pair):
        assert picture.get_width() <= screen.menu.area.w
    for block, _ in screen.talk.blocks:
        assert block.get_width() <= screen.talk.area.w
    footer = screen.chrome.footer
    assert all(r.right <= app.ctx.size[0] for r in footer.rects)


def test_portraits_are_deterministic_and_distinct(app: App) -> None:
    assert initials("Inés Núñez") == "IN" and initials("Cher") == "C" and initials("") == "?"
    assert looks("dana") == looks("dana")
    colours = {looks(sid)[0] for sid in ("dana", "marta", "ines", "javier", "lucia", "carmen")}
    assert len(colours) >= 5
    a = portrait(app.ctx.fonts, "dana", "Dana Ruiz", 64)
    b = portrait(app.ctx.fonts, "dana", "Dana Ruiz", 64)
    assert pygame.image.tobytes(a, "RGBA") == pygame.image.tobytes(b, "RGBA")


def test_moods_are_different_shapes_not_only_colours() -> None:
    drawn = set()
    for mood in ("hostile", "sceptical", "neutral", "warm", "keen", "unknown"):
        surface = pygame.Surface((20, 20))
        surface.fill((0, 0, 0))
        widgets.mood_icon(surface, (10, 10), 16, mood, (255, 255, 255))  # same colour for all
        drawn.add(pygame.image.tobytes(surface, "RGB"))
    assert len(drawn) == 6


def test_ctrl_plus_and_minus_change_text_size(app: App, mini: Scenario) -> None:
    start(app, mini)
    before = app.ctx.fonts.px("body")
    press(app, pygame.K_EQUALS, pygame.KMOD_LCTRL)
    assert app.ctx.fonts.px("body") > before
    press(app, pygame.K_MINUS, pygame.KMOD_LCTRL)
    press(app, pygame.K_MINUS, pygame.KMOD_LCTRL)
    assert app.ctx.fonts.px("body") < before
    press(app, pygame.K_0, pygame.KMOD_LCTRL)
    assert app.ctx.fonts.px("body") == before


def test_high_contrast_toggle_repaints(app: App, mini: Scenario) -> None:
    start(app, mini)
    surface = pygame.display.get_surface()
    assert surface.get_at((2, 200))[:3] == app.ctx.theme.background
    press(app, pygame.K_h)
    assert app.ctx.settings.high_contrast
    assert surface.get_at((2, 200))[:3] == (0, 0, 0)


def test_l_never_mixes_languages_within_a_scenario(app: App, mini: Scenario) -> None:
    start(app, mini)
    assert app.top.menu.items[0].label.startswith("Meet")
    press(app, pygame.K_l)
    settle(app)
    # the English scenario stays English (its dialogue and the game's words around it)...
    assert app.ctx.language == "en" and app.top.menu.items[0].label.startswith("Meet")
    assert app.ctx.toast_text == "Menús en Español tras este escenario; él sigue en su idioma"
    # ...and the choice holds for the menus once it is over
    assert app.ctx.settings.language == "es"
    app.ctx.session = None
    assert app.ctx.language == "es"


def test_m_mutes_and_sounds_are_made_with_numpy(app: App, mini: Scenario) -> None:
    from game.ui.sounds import NOTES, RATE, synthesise

    samples = synthesise(NOTES["good"])
    assert samples.dtype.name == "int16"
    assert len(samples) == sum(int(RATE * s) for _, s in NOTES["good"])
    assert 0 < abs(samples).max() < 32767
    start(app, mini)
    assert app.ctx.settings.muted
    press(app, pygame.K_m)
    assert not app.ctx.settings.muted and not app.ctx.sounds.muted
    press(app, pygame.K_1)
    assert app.ctx.sounds.played[-1] in ("click", "good")


def test_the_window_lays_out_again_when_resized(app: App, mini: Scenario) -> None:
    start(app, mini)
    narrow = app.top.cards[0].w
    pygame.display.set_mode((1920, 1080), pygame.RESIZABLE)
    pygame.event.post(pygame.event.Event(pygame.WINDOWSIZECHANGED, x=1920, y=1080))
    settle(app)
    assert app.ctx.size == (1920, 1080)
    assert app.top.cards[0].w > narrow
    assert app.ctx.fonts.px("body") > 18


@pytest.mark.parametrize("name", ["calder-freight", "clinica-del-sol"])
def test_role_chips_and_card_lines_fit_on_the_board(app: App, name: str) -> None:
    scenario = load_scenario(ROOT / "scenarios" / f"{name}.yaml").scenario
    assert scenario is not None
    start(app, scenario)
    press(app, pygame.K_d)
    screen, fonts = app.top, app.ctx.fonts
    assert screen.name == "board"
    icon = max(8, screen.chips[0][0][0].h // 2) + app.ctx.px(4)
    for (rect, _), label in zip(screen.chips[0], screen._chip_labels):  # chosen: bold, with ✓
        assert fonts.width(label, "small-bold") <= rect.w - app.ctx.px(10) - icon, label
    px = app.ctx.px
    for card, person in zip(screen.cards, screen.board.people):
        size = max(16, min(card.h - 2 * px(8), px(64)))   # as game.ui.cards lays a card out
        room = card.w - 2 * px(8) - size - px(10)
        mood, _, note = card_lines(app.ctx, person)
        assert fonts.width(person.name, "strong") <= room, person.name
        assert fonts.width(person.title, "small") <= room, person.title
        icon = max(8, fonts.line_height("small") * 3 // 5)
        assert fonts.width(note or mood, "small") <= room - icon - px(6), note or mood


def test_with_big_text_the_board_rows_scroll_to_the_selected_person(app: App) -> None:
    spanish = load_scenario(ROOT / "scenarios" / "clinica-del-sol.yaml").scenario
    assert spanish is not None
    app.ctx.settings.text_scale = 5              # 150 %
    app.ctx.relayout()
    start(app, spanish)
    press(app, pygame.K_d)
    screen, fonts = app.top, app.ctx.fonts
    assert screen.max_row_scroll > 0             # five people do not fit: the rows scroll
    for (rect, _), label in zip(screen.chips[0], screen._chip_labels):
        assert fonts.width(label, "small-bold") <= rect.w, label   # and no label is cut
    for _ in range(len(screen.board.people) - 1):
        press(app, pygame.K_DOWN)
    last = screen.rows[-1]
    assert screen.selected == len(screen.board.people) - 1
    assert screen.people_area.top <= last.top and last.bottom <= screen.people_area.bottom
    press(app, pygame.K_2)                       # the key tags the person in view
    assert app.ctx.session.game.state.tags == {screen.board.people[-1].id: "influencer"}
    press(app, pygame.K_DOWN)                    # wraps to the first, scrolled back
    assert screen.row_scroll == 0 and screen.rows[0].top == screen.people_area.top
