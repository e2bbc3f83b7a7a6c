"""Headless window tests: SDL's dummy video and audio drivers, a fresh App per test, and helpers
that post real key and mouse events and run the loop once (the same path a player's input takes).
"""
from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.schema import Scenario  # noqa: E402
from game.ui import flow  # noqa: E402
from game.ui.app import App  # noqa: E402
from game.ui.context import Settings  # noqa: E402
from game.ui.footer import post_key  # noqa: E402


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[App]:
    """A 1280×720 window with sound off and its results store in a temporary folder."""
    monkeypatch.setenv("QUALIFIED_DATA_DIR", str(tmp_path / "data"))
    window = App(settings=Settings(muted=True))
    window.ctx.data_dir = tmp_path / "data"
    pygame.event.clear()
    yield window
    if window.ctx.keeper is not None:
        window.ctx.keeper.close()


def settle(app: App, steps: int = 3) -> None:
    """Run the loop until the posted events are handled and the frame is drawn."""
    for _ in range(steps):
        app.step(block=False)


def press(app: App, key: int, mod: int = 0) -> None:
    """Press and release a key, then run the loop."""
    post_key(key, mod)
    settle(app)


def type_text(app: App, text: str) -> None:
    """Type `text` as the keyboard's text input would deliver it."""
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))
    settle(app)


def click(app: App, pos: tuple[int, int]) -> None:
    """Move the mouse to `pos` and click the left button."""
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0),
                                         buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    settle(app)


def point_at(app: App, pos: tuple[int, int]) -> None:
    """Move the pointer to `pos` (skips the test where the video driver cannot place it)."""
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0),
                                         buttons=(0, 0, 0)))
    settle(app)
    pygame.mouse.set_pos(pos)
    if pygame.mouse.get_pos() != pos:           # the dummy driver may not move the pointer
        pytest.skip("no pointer to place in this video driver")


def wheel_down(app: App) -> None:
    """Turn the mouse wheel one notch towards the user (scroll down), then run the loop."""
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False))
    settle(app)


def start(app: App, scenario: Scenario, seed: int = 1, player: str = "") -> None:
    """Begin an attempt at `scenario` and go past the briefing to the meeting screen."""
    app.ctx.player = player
    flow.start(app.ctx, scenario, seed)
    settle(app)
    press(app, pygame.K_RETURN)
    assert app.top is not None and app.top.name == "meeting"


@pytest.fixture
def rendered(app: App) -> Iterator[list[str]]:
    """Every text the fonts render from now on."""
    texts: list[str] = []
    fonts = app.ctx.fonts
    real = fonts.render

    def spy(text: str, *args: object, **kwargs: object) -> pygame.Surface:
        texts.append(text)
        return real(text, *args, **kwargs)  # type: ignore[arg-type]

    fonts.render = spy  # type: ignore[method-assign]
    yield texts
    fonts.render = real  # type: ignore[method-assign]
