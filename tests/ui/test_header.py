"""Screen headers are whole at every text size: no scenario title, subtitle or stage label in a
header is shortened with "…" — the title wraps (or the stage track goes on a row under it), and
the band is as tall as its words. Checked on every screen with a header — briefing, meeting
(between meetings and in one), deal board, outcome, debrief, picker — for every bundled
scenario, in English and Spanish, at 1280×720 and at the smallest window, at every text size
Ctrl +/− steps through, and in high contrast."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pygame
import pytest

from game.ui import flow
from game.ui.app import MINIMUM_SIZE, App
from game.ui.fonts import ELLIPSIS, TEXT_SCALES
from game.ui.screens.chrome import Chrome, StageBlock, plan_header, stage_track_width
from game.ui.widgets import stage_track
from tests.conftest import ROOT
from tests.ui.conftest import press, settle, start
from tests.ui.text_sizes import (BIGGEST, SCENARIOS, every_setting, load, resize, squash,
                                 text_size)

STAGES = ("lead", "prospect", "qualified_prospect", "customer")


@dataclass
class Drawn:
    """One call of Chrome.draw_header: which chrome, with which words."""

    chrome: Chrome
    title: str
    subtitle: str
    width: int


@pytest.fixture
def headers(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Drawn]]:
    """Every header painted from now on."""
    drawn: list[Drawn] = []
    real = Chrome.draw_header

    def spy(self: Chrome, surface: pygame.Surface, ctx: object, title: str, subtitle: str = "",
            width: int = 0) -> int:
        drawn.append(Drawn(self, title, subtitle, width))
        return real(self, surface, ctx, title, subtitle, width)  # type: ignore[arg-type]

    monkeypatch.setattr(Chrome, "draw_header", spy)
    yield drawn


def header_problems(app: App, drawn: list[Drawn], rendered: list[str]) -> list[str]:
    """Every way the headers just painted are not whole; empty when all is well."""
    ctx, fonts = app.ctx, app.ctx.fonts
    where = (f"{app.top.name} {ctx.size} {round(100 * TEXT_SCALES[ctx.settings.text_scale])} % "
             f"{ctx.language}")
    found: list[str] = []
    assert drawn, f"{where}: no header was painted"
    sources = set()
    if ctx.session is not None:
        sources |= {ctx.words.get(f"stage-{s}") for s in STAGES}
    for call in drawn:
        chrome, header = call.chrome, call.chrome.header
        sources |= {call.title, call.subtitle}
        lines = chrome.lines(ctx, call.title, call.subtitle, call.width)
        for part, words in (("title", call.title), ("subtitle", call.subtitle)):
            shown = [line.text for line in lines if line.part == part]
            if squash(" ".join(shown)) != squash(words):
                found.append(f"{where}: {part} shows {shown!r}, not {words!r}")
        for line in lines:
            box = pygame.Rect(line.x, line.y, fonts.width(line.text, line.style),
                              fonts.line_height(line.style))
            if not header.contains(box) or box.right > header.right - chrome.margin:
                found.append(f"{where}: {line.text!r} outside the header {box} {header}")
            if box.colliderect(chrome.aside):
                found.append(f"{where}: {line.text!r} over the stage track {chrome.aside}")
            if not fonts.has_glyphs(line.text, line.style):
                found.append(f"{where}: {line.text!r} has a character the font lacks")
    found += [f"{where}: drew {t!r}" for t in rendered if t.endswith(ELLIPSIS)
              and any(s.startswith(t[:-1].rstrip()) for s in sources if s)]
    return found


def problems_everywhere(app: App, drawn: list[Drawn], rendered: list[str]) -> list[str]:
    """Header problems on the screen on top in both languages, both window sizes and every
    text size."""
    found: list[str] = []
    for code, size, index in every_setting(app, drawn, rendered):
        app.top.draw(pygame.display.get_surface())
        found += header_problems(app, drawn, rendered)
    return found


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_no_header_is_shortened_on_any_screen(app: App, path: Path, headers: list[Drawn],
                                              rendered: list[str]) -> None:
    scenario = load(path)
    flow.start(app.ctx, scenario, 1)
    settle(app)
    found: list[str] = []
    assert app.top.name == "briefing"
    found += problems_everywhere(app, headers, rendered)
    press(app, pygame.K_RETURN)
    assert app.top.name == "meeting"
    found += problems_everywhere(app, headers, rendered)           # between meetings
    press(app, pygame.K_1)
    found += problems_everywhere(app, headers, rendered)           # in a meeting
    press(app, pygame.K_d)
    assert app.top.name == "board"
    found += problems_everywhere(app, headers, rendered)
    press(app, pygame.K_d)
    flow.outcome(app.ctx, [])
    settle(app)
    assert app.top.name == "outcome"
    found += problems_everywhere(app, headers, rendered)
    app.ctx.session.game.abandon()
    flow.debrief(app.ctx)
    settle(app)
    assert app.top.name == "debrief"
    found += problems_everywhere(app, headers, rendered)
    assert not found, "\n".join(found)


def test_the_picker_header_is_whole(app: App, headers: list[Drawn], rendered: list[str]) -> None:
    app.ctx.player = "María de los Ángeles Fernández-Villaverde y Núñez"
    flow.picker(app.ctx)
    for _ in range(3):
        settle(app)
    assert app.top.name == "picker" and app.top.loaded
    found = problems_everywhere(app, headers, rendered)
    assert not found, "\n".join(found)


def test_in_high_contrast_too(app: App, headers: list[Drawn], rendered: list[str]) -> None:
    start(app, load(ROOT / "scenarios" / "hospital-comarcal.yaml"))
    press(app, pygame.K_h)
    assert app.ctx.settings.high_contrast
    resize(app, MINIMUM_SIZE)
    headers.clear()
    rendered.clear()
    text_size(app, BIGGEST)
    found = header_problems(app, headers, rendered)
    press(app, pygame.K_d)
    headers.clear()
    rendered.clear()
    app.top.draw(pygame.display.get_surface())
    found += header_problems(app, headers, rendered)
    assert not found, "\n".join(found)
    surface = pygame.display.get_surface()
    band = app.top.chrome.header
    assert surface.get_at((band.right - 2, band.y + 2))[:3] == app.ctx.theme.accent


def test_a_long_title_wraps_or_puts_the_stage_track_under_it(app: App) -> None:
    """Beside the stage track while the title keeps to two lines; under it when not."""
    start(app, load(ROOT / "scenarios" / "hospital-comarcal.yaml"))
    ctx = app.ctx
    stages = StageBlock(ctx, ["lead", "prospect", "qualified prospect", "customer"], "Stage",
                        ("Turn 8 of 8", "8 left"))
    short = plan_header(ctx, "Acme", "Acme Ltd", stages.size, ctx.px(68))
    assert not short.below and short.part("title") == ["Acme"]
    assert short.height == ctx.px(68)                         # as before for a short title
    long_title = ("Hospital Comarcal de la Axarquía: vender a la Administración sin saltarse "
                  "la ley ni perder la paciencia con el expediente")
    long = plan_header(ctx, long_title, "Hospital Comarcal", stages.size, ctx.px(68))
    assert long.below and long.aside.top >= max(line.y for line in long.lines
                                                if line.part == "title")
    assert squash("".join(long.part("title"))) == squash(long_title)
    assert long.height > short.height


def test_the_stage_track_measure_shows_every_label_whole(app: App,
                                                         rendered: list[str]) -> None:
    """stage_track_width is the room widgets.stage_track needs for whole labels."""
    start(app, load(ROOT / "scenarios" / "clinica-del-sol.yaml"))
    ctx, fonts = app.ctx, app.ctx.fonts
    text_size(app, BIGGEST)
    labels = [ctx.words.get(f"stage-{s}") for s in STAGES]
    h = fonts.line_height("small") + ctx.px(12)
    surface = pygame.Surface((2000, 200))
    for current in range(len(labels)):
        rendered.clear()
        rect = pygame.Rect(0, 0, stage_track_width(fonts, labels, h), h)
        stage_track(surface, fonts, ctx.theme, rect, labels, current, on_dark=True)
        assert sorted(rendered) == sorted(labels)


def test_the_steady_board_makes_no_text(app: App) -> None:
    """Frames of the deal board without a change only blit cached text (header included)."""
    start(app, load(ROOT / "scenarios" / "hospital-comarcal.yaml"))
    text_size(app, BIGGEST)
    resize(app, MINIMUM_SIZE)
    press(app, pygame.K_d)
    screen, fonts = app.top, app.ctx.fonts
    surface = pygame.display.get_surface()
    screen.draw(surface)
    misses = fonts.misses
    for _ in range(3):
        screen.draw(surface)
    assert fonts.misses == misses
