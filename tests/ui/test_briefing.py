"""The briefing is whole at every text size: every person of the buying centre is listed, with
their name and title wrapped, never shortened with "…"; when the people do not all fit, their
list scrolls (Shift+PgUp/PgDn, the wheel), and the briefing's own words wrap and scroll as
before (PgUp/PgDn, ↑↓). Enter still starts, so autoplay still gets past it. Checked for every
bundled scenario, in English and Spanish, at 1280×720 and at the smallest window, at every text
size Ctrl +/− steps through."""
from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.schema import Scenario
from game.ui import flow
from game.ui.app import MINIMUM_SIZE, App
from game.ui.fonts import ELLIPSIS, TEXT_SCALES
from game.ui.screens.briefing import BriefingScreen, plan_person
from tests.conftest import ROOT
from tests.ui.conftest import point_at, press, settle, wheel_down
from tests.ui.text_sizes import (BIGGEST, SCENARIOS, every_setting, load, resize, squash,
                                 text_size)



def brief(app: App, scenario: Scenario) -> BriefingScreen:
    """Begin an attempt at `scenario` and stay on its briefing."""
    flow.start(app.ctx, scenario, 1)
    settle(app)
    screen = app.top
    assert isinstance(screen, BriefingScreen)
    return screen


def paragraphs(scenario: Scenario) -> list[str]:
    """The briefing's own words, one string per paragraph as the screen composes them."""
    account = scenario.account
    out = [account.company, account.product, account.situation]
    out += [p for p in scenario.briefing.split("\n\n") if p.strip()]
    return [p for p in out if p]


def problems(app: App, rendered: list[str]) -> list[str]:
    """Every way the briefing just laid out is not whole; empty when all is well."""
    screen, ctx, fonts = app.top, app.ctx, app.ctx.fonts
    assert isinstance(screen, BriefingScreen)
    assert ctx.session is not None
    scenario = ctx.session.scenario
    where = f"{ctx.size} {round(100 * TEXT_SCALES[ctx.settings.text_scale])} % {ctx.language}"
    found: list[str] = []
    people = list(scenario.stakeholders.items())
    if [plan.id for plan in screen.plans] != [sid for sid, _ in people]:
        found.append(f"{where}: lists {[p.id for p in screen.plans]}, not every person")
    view = screen.people_view
    if len(view.blocks) != len(people):
        found.append(f"{where}: {len(view.blocks)} rows for {len(people)} people")
    for plan, (sid, person), (block, _) in zip(screen.plans, people, view.blocks):
        for part, words in (("name", person.name), ("title", person.title)):
            shown = plan.lines(part)
            if squash(" ".join(shown)) != squash(words):
                found.append(f"{where}: {sid} {part} shows {shown!r}, not {words!r}")
            if any(line.endswith(ELLIPSIS) and not words.endswith(ELLIPSIS) for line in shown):
                found.append(f"{where}: {sid} {part} ends with …: {shown!r}")
        for text in plan.texts:
            if text.x + fonts.width(text.text, text.style) > plan.width:
                found.append(f"{where}: {sid}: {text.text!r} wider than the list")
            if text.y < 0 or text.y + fonts.line_height(text.style) > plan.height:
                found.append(f"{where}: {sid}: {text.text!r} outside its row")
        if block.get_size() != (plan.width, plan.height) or plan.width > view.area.w:
            found.append(f"{where}: {sid}: row {block.get_size()} for {plan.width}×{plan.height}")
    heights = sum(b.get_height() for b, _ in view.blocks) + ctx.px(6) * (len(people) - 1)
    if view.content_height != heights:
        found.append(f"{where}: rows overlap or are left out ({view.content_height} ≠ {heights})")
    if not screen.right.contains(view.area) or view.area.bottom > screen.start.area.top:
        found.append(f"{where}: the list {view.area} is not between the heading and Start")
    heading = [line for line, _ in screen.heading]
    if squash(" ".join(heading)) != squash(ctx.text.get("briefing-people")):
        found.append(f"{where}: the heading shows {heading!r}")
    for line, _ in screen.heading:
        if fonts.width(line, "heading") > view.area.w:
            found.append(f"{where}: the heading line {line!r} is wider than the panel")
    # the briefing's words: each paragraph composed whole (it wraps and the view scrolls)
    found += [f"{where}: the paragraph {p[:40]!r}… was not drawn whole"
              for p in paragraphs(scenario) if p not in rendered]
    text = screen.text_view
    if text.content_height > text.area.h and text.max_scroll != text.content_height - text.area.h:
        found.append(f"{where}: the end of the briefing cannot be scrolled to")
    sources = {person.name for _, person in people} | {person.title for _, person in people}
    sources |= set(paragraphs(scenario)) | {ctx.text.get("briefing-people")}
    found += [f"{where}: drew {t!r}" for t in rendered if t.endswith(ELLIPSIS)
              and any(s.startswith(t[:-1].rstrip()) for s in sources)]
    return found


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_every_person_is_listed_whole_at_every_text_size(app: App, path: Path,
                                                         rendered: list[str]) -> None:
    brief(app, load(path))
    found: list[str] = []
    for code, size, index in every_setting(app, rendered):
        app.top.draw(pygame.display.get_surface())
        found += problems(app, rendered)
    assert not found, "\n".join(found)


def test_a_long_name_and_title_wrap_in_a_narrow_list(app: App, mini: Scenario,
                                                     rendered: list[str]) -> None:
    dana = mini.stakeholders["dana"].model_copy(update={
        "name": "María-Inmaculada Fernández-Villaverde de la Concepción",
        "title": "Subdirectora Económico-Administrativa y de Servicios Generales (Suministros)"})
    scenario = mini.model_copy(update={"stakeholders": {**mini.stakeholders, "dana": dana}})
    brief(app, scenario)
    text_size(app, BIGGEST)
    plan = plan_person(app.ctx, "dana", dana.name, dana.title, 160)
    assert squash("".join(plan.lines("name"))) == squash(dana.name)
    assert squash("".join(plan.lines("title"))) == squash(dana.title)
    assert len(plan.lines("name")) > 1 and len(plan.lines("title")) > 1
    fonts = app.ctx.fonts
    assert all(t.x + fonts.width(t.text, t.style) <= plan.width for t in plan.texts)
    rendered.clear()
    resize(app, MINIMUM_SIZE)
    found = problems(app, rendered)
    assert not found, "\n".join(found)


def test_the_people_scroll_by_keys_and_the_text_keeps_its_keys(app: App) -> None:
    app.ctx.settings.text_scale = BIGGEST
    app.ctx.relayout()
    screen = brief(app, load(ROOT / "scenarios" / "hospital-comarcal.yaml"))
    people, text = screen.people_view, screen.text_view
    assert people.max_scroll > 0                 # five people at 150 % do not all fit
    assert any(h.key.startswith("⇧") for h in screen.chrome.footer.hints)  # and it says how
    laid, misses = screen._laid_out, app.ctx.fonts.misses
    press(app, pygame.K_PAGEDOWN, pygame.KMOD_LSHIFT)
    assert people.scroll > 0 and text.scroll == 0
    press(app, pygame.K_PAGEUP, pygame.KMOD_LSHIFT)
    assert people.scroll == 0
    press(app, pygame.K_END, pygame.KMOD_LSHIFT)
    assert people.scroll == people.max_scroll    # the last person can be brought into view
    last_top = people.blocks[-1][1]
    assert last_top - people.scroll + people.blocks[-1][0].get_height() <= people.area.h
    press(app, pygame.K_PAGEDOWN)                # no Shift: the briefing's words, as before
    assert text.scroll > 0 and people.scroll == people.max_scroll
    press(app, pygame.K_HOME)
    assert text.scroll == 0
    assert screen._laid_out is laid and app.ctx.fonts.misses == misses  # no new text
    press(app, pygame.K_RETURN)                  # Enter starts, as it always did
    assert app.top is not None and app.top.name == "meeting"


def test_the_wheel_over_the_people_scrolls_them_not_the_text(app: App) -> None:
    app.ctx.settings.text_scale = BIGGEST
    app.ctx.relayout()
    screen = brief(app, load(ROOT / "scenarios" / "hospital-comarcal.yaml"))
    inside = screen.people_view.area.center
    point_at(app, inside)
    wheel_down(app)
    assert screen.people_view.scroll > 0 and screen.text_view.scroll == 0


def test_at_100_percent_1280x720_everyone_fits_without_scrolling(app: App) -> None:
    """The usual window and text size: the whole buying centre in view at once, as before."""
    for path in SCENARIOS:
        screen = brief(app, load(path))
        assert screen.people_view.max_scroll == 0, path.stem
        assert not any(h.key.startswith("⇧") for h in screen.chrome.footer.hints), path.stem


@pytest.mark.parametrize("name", ["hospital-comarcal", "brightwell-renewal"])
def test_enter_starts_at_the_biggest_text_in_the_smallest_window(app: App, name: str) -> None:
    resize(app, MINIMUM_SIZE)
    app.ctx.settings.text_scale = BIGGEST
    app.ctx.relayout()
    brief(app, load(ROOT / "scenarios" / f"{name}.yaml"))
    press(app, pygame.K_RETURN)
    assert app.top is not None and app.top.name == "meeting"


def test_the_steady_briefing_makes_no_text(app: App) -> None:
    """Frames without a change of content only blit: no text surface is made, scrolled or not."""
    app.ctx.settings.text_scale = BIGGEST
    app.ctx.relayout()
    screen = brief(app, load(ROOT / "scenarios" / "clinica-del-sol.yaml"))
    fonts = app.ctx.fonts
    surface = pygame.display.get_surface()
    screen.draw(surface)
    misses = fonts.misses
    for key, mod in [(pygame.K_PAGEDOWN, pygame.KMOD_LSHIFT), (pygame.K_PAGEDOWN, 0),
                     (pygame.K_DOWN, 0), (pygame.K_END, pygame.KMOD_LSHIFT)]:
        press(app, key, mod)
        screen.draw(surface)
    assert fonts.misses == misses
