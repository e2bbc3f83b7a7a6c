"""What every screen is handed: fonts, theme, sounds, words, settings, the current attempt, and
the way to move between screens. Nothing here is global; tests build their own.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from game.ui.fonts import TEXT_SCALES, Fonts
from game.ui.sounds import Sounds
from game.ui.strings import UIText
from game.ui.theme import Theme, theme_for

if TYPE_CHECKING:
    import pygame

    from game.i18n import Words
    from game.ui.screen import Screen
    from game.ui.session import Session

BestScore = Callable[[str, str], "float | None"]

DEFAULT_TEXT_SCALE = TEXT_SCALES.index(1.0)


class Navigator(Protocol):
    """The app's screen stack, as screens may use it."""

    @property
    def top(self) -> Screen | None:
        """The screen receiving input."""

    def push(self, screen: Screen) -> None:
        """Put `screen` on top."""

    def pop(self) -> None:
        """Remove the top screen."""

    def replace(self, screen: Screen) -> None:
        """Swap the top screen for `screen`."""

    def reset(self, screen: Screen) -> None:
        """Empty the stack and show `screen`."""

    def stop(self) -> None:
        """Close the window."""


@dataclass
class Settings:
    """The player's display and sound preferences."""

    text_scale: int = DEFAULT_TEXT_SCALE  # index into TEXT_SCALES
    high_contrast: bool = False
    muted: bool = False
    language: str | None = None           # None: follow the scenario's language


@dataclass
class Context:
    """Shared by all screens of one window."""

    nav: Navigator
    fonts: Fonts
    sounds: Sounds
    settings: Settings = field(default_factory=Settings)
    size: tuple[int, int] = (1280, 720)
    epoch: int = 0                      # bumped when a setting changes the layout
    player: str = ""
    session: Session | None = None
    data_dir: Path | None = None
    scenario_folder: Path | None = None
    catalog: list[Any] | None = None    # the picker's scenarios, loaded once (game.ui.catalog)
    best_score: BestScore | None = None  # None: ask the results store (game.ui.keep)
    casts: dict[str, str] = field(default_factory=dict)  # scenario id → cast fixed in the picker
    play_mode: bool = False             # started by `play PATH`: home means quit
    autoplay: bool = False
    keep_attempts: bool = True          # record attempts in the results store
    keeper: Any | None = None           # game.ui.keep.Keeper, opened on first use
    par: Any | None = None              # game.ui.par_watch.ParWatch (None: no par shown)
    toast_text: str = ""
    toast_left: float = 0.0
    needs_redraw: bool = True
    dirty: pygame.Rect | None = None    # with needs_redraw: the only part that changed (None: all)
    frames: int = 0                     # frames drawn so far
    _words: tuple[object, str, Words] | None = None

    # --- derived ----------------------------------------------------------------------------

    @property
    def theme(self) -> Theme:
        """The theme in use."""
        return theme_for(self.settings.high_contrast)

    @property
    def language(self) -> str:
        """The language of the window: during an attempt the scenario's, regional tag and all
        (its dialogue and the game's words around it must not mix languages); otherwise the
        player's choice, else English."""
        if self.session is not None:
            return self.session.scenario.language
        return self.settings.language or "en"

    @property
    def text(self) -> UIText:
        """The window's words in the current language."""
        return UIText(self.language)

    @property
    def words(self) -> Words:
        """The engine's words for the current scenario in the current language."""
        assert self.session is not None, "no attempt under way"
        from game.i18n import Words

        cached = self._words
        if cached is None or cached[0] is not self.session.scenario or cached[1] != self.language:
            cached = (self.session.scenario, self.language,
                      Words(self.session.scenario, self.language))
            self._words = cached
        return cached[2]

    @property
    def unit(self) -> float:
        """Layout scale: 1.0 at 1280×720, bigger in a bigger window."""
        w, h = self.size
        return max(0.6, min(2.5, min(w / 1280, h / 720)))

    def px(self, value: float) -> int:
        """`value` pixels at 1280×720, scaled to the window."""
        return max(1, round(value * self.unit))

    # --- actions ------------------------------------------------------------------------------

    def redraw(self, area: pygame.Rect | None = None) -> None:
        """Ask for a new frame: of the whole window, or — when nothing else has changed since
        the last frame — only of `area` (the window's other pixels are left as they are)."""
        if area is None:
            self.dirty = None
        elif not self.needs_redraw:
            self.dirty = area.copy()
        elif self.dirty is not None:
            self.dirty = self.dirty.union(area)
        self.needs_redraw = True

    def relayout(self) -> None:
        """A setting changed the layout of every screen."""
        self.epoch += 1
        self.fonts.set_scale(self.unit * TEXT_SCALES[self.settings.text_scale])
        self.redraw()

    def toast(self, text: str, seconds: float = 1.6) -> None:
        """Show a short message at the bottom of the window."""
        self.toast_text = text
        self.toast_left = seconds
        self.redraw()
