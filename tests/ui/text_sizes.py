"""Helpers for the tests that text is shown whole at every text size (cards, headers, the deal
board, the briefing, the live-reload problems): the bundled scenarios, the window sizes, moving
the window to a size, a text size and a language as the player would (the fixture
`rendered`, in tests/ui/conftest.py, records every text the fonts render)."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pygame

from game.loader import load_scenario
from game.schema import Scenario
from game.ui.app import MINIMUM_SIZE, App
from game.ui.fonts import TEXT_SCALES
from tests.conftest import ROOT
from tests.ui.conftest import press, settle

SCENARIOS = sorted((ROOT / "scenarios").glob("*.yaml"))
SIZES = [(1280, 720), MINIMUM_SIZE]
BIGGEST = len(TEXT_SCALES) - 1                                       # 150 %


def load(path: Path) -> Scenario:
    """A bundled scenario, loaded (it must load)."""
    scenario = load_scenario(path).scenario
    assert scenario is not None, path
    return scenario


def resize(app: App, size: tuple[int, int]) -> None:
    """Resize the window as the player would (the app hears a size-changed event)."""
    pygame.display.set_mode(size, pygame.RESIZABLE)
    pygame.event.post(pygame.event.Event(pygame.WINDOWSIZECHANGED, x=size[0], y=size[1]))
    settle(app)
    assert app.ctx.size == size


def text_size(app: App, index: int) -> None:
    """Set the text size (what Ctrl + and Ctrl − step through)."""
    app.ctx.settings.text_scale = index
    app.ctx.relayout()
    settle(app)


def language(app: App, code: str) -> None:
    """Switch the window's language with L until it is `code`."""
    for _ in range(3):
        if app.ctx.language == code:
            return
        press(app, pygame.K_l)
    assert app.ctx.language == code


def squash(text: str) -> str:
    """`text` without its white space (wrapped lines compare equal to the words)."""
    return "".join(text.split())


def every_setting(app: App, *records: list[object]) -> Iterator[tuple[str, tuple[int, int], int]]:
    """Each language × window size × text size in turn, set as the player would (Spanish and
    English — only the scenario's during an attempt —, `SIZES`, every step of Ctrl +/−), as (language, size, text size index); `records`
    (e.g. the `rendered` spy's list) are emptied just before each text size is set, so they
    hold what that layout drew."""
    # during an attempt the window speaks the scenario's language only (L never mixes two)
    session = app.ctx.session
    for code in ("en", "es") if session is None else (session.scenario.language,):
        language(app, code)
        for size in SIZES:
            resize(app, size)
            for index in range(len(TEXT_SCALES)):
                for record in records:
                    record.clear()
                text_size(app, index)
                yield code, size, index
