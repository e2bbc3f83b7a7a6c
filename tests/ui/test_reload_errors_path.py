"""The screen F5 shows for a broken scenario file names the file whole in its header: a long
path wraps onto as many lines as it needs (the band grows), never cut with "…", in both window
sizes at every text size, and the problems under it still have room and scroll."""
from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.loader import load_scenario
from game.ui import flow
from game.ui.app import App
from game.ui.fonts import ELLIPSIS, TEXT_SCALES
from tests.conftest import MINI
from tests.ui.conftest import press, settle
from tests.ui.text_sizes import every_setting, squash


@pytest.fixture
def deep(tmp_path: Path) -> Path:
    """A copy of the mini scenario in folders with long names (one of them without a break)."""
    folder = (tmp_path / "training-material" / "sales-scenarios-for-the-spring-cohort"
              / "Escenarios_de_formacion_comercial_revisados_por_el_equipo")
    folder.mkdir(parents=True)
    path = folder / "hospital-comarcal-de-la-axarquia-borrador-tres.yaml"
    path.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def test_a_long_path_wraps_whole_in_the_header(app: App, deep: Path,
                                               rendered: list[str]) -> None:
    scenario = load_scenario(deep).scenario
    assert scenario is not None
    flow.start(app.ctx, scenario, 1, path=str(deep))
    settle(app)
    deep.write_text(deep.read_text(encoding="utf-8").replace("turns: 4", "turns: four"),
                    encoding="utf-8")
    press(app, pygame.K_F5)
    screen = app.top
    assert screen.name == "reload-errors"
    fonts, ctx, found = app.ctx.fonts, app.ctx, []
    for code, size, index in every_setting(app, rendered):
        screen.draw(pygame.display.get_surface())
        where = f"{size} {TEXT_SCALES[index]:.0%} {code}"
        chrome = screen.chrome
        lines = chrome.lines(ctx, ctx.text.get("reload-heading"), str(deep))
        shown = [line.text for line in lines if line.part == "subtitle"]
        if squash("".join(shown)) != squash(str(deep)):
            found.append(f"{where}: the path shows as {shown!r}")
        for line in lines:
            if line.x + fonts.width(line.text, line.style) > chrome.header.right:
                found.append(f"{where}: {line.text!r} runs off the header")
            if line.y + fonts.line_height(line.style) > chrome.header.bottom:
                found.append(f"{where}: {line.text!r} is below the header")
        found += [f"{where}: drew {t!r}" for t in rendered if t.endswith(ELLIPSIS)]
        if screen.view.area.h < fonts.line_height("body"):
            found.append(f"{where}: no room left for the problems ({screen.view.area})")
    assert not found, "\n".join(found)
    press(app, pygame.K_ESCAPE)                  # back to the attempt, as before
    assert app.top.name == "briefing"
