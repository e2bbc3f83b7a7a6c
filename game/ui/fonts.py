"""The bundled font at every size the UI needs, and an LRU cache of rendered text.

Rendering text is the costly part of a frame; every text surface is made once per
(text, style, size, colour, wrap width) and reused until it falls out of the cache.
"""
from __future__ import annotations

import re
from collections import OrderedDict

import pygame

from game.bundled import fonts_dir
from game.ui.theme import Colour

ASSETS = fonts_dir()  # assets/fonts in a checkout, inside the package once installed
REGULAR = ASSETS / "DejaVuSans.ttf"
BOLD = ASSETS / "DejaVuSans-Bold.ttf"

# Base pixel sizes at 1280×720 and text size 100 %.
STYLES: dict[str, tuple[int, bool]] = {
    "display": (46, True),
    "title": (28, True),
    "heading": (20, True),
    "body": (18, False),
    "strong": (18, True),
    "small": (15, False),
    "small-bold": (15, True),
    "tiny": (13, False),
    "tiny-bold": (13, True),
}

# The smallest pixel size of each style, whatever the window and text size (design.md: body
# text never below 14 px; the words on cards, tags and the footer never below 12 px). A small
# window reflows or scrolls its text rather than shrinking it past these.
MINIMUM_PX: dict[str, int] = {
    "display": 26,
    "title": 20,
    "heading": 16,
    "body": 14,
    "strong": 14,
    "small": 13,
    "small-bold": 13,
    "tiny": 12,
    "tiny-bold": 12,
}

TEXT_SCALES: tuple[float, ...] = (0.8, 0.9, 1.0, 1.15, 1.3, 1.5)
ELLIPSIS = "…"
_AFTER_HYPHEN = re.compile(r"(?<=-)(?=\w)")  # "Económico-|Administrativa": a place to break


class Fonts:
    """Fonts by style name, scaled by the window size and the player's text size."""

    def __init__(self, cache_size: int = 768) -> None:
        self.scale = 1.0
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}
        self._cache: OrderedDict[tuple[object, ...], pygame.Surface] = OrderedDict()
        self._cache_size = cache_size
        self._fits: dict[tuple[str, str, int, int], str] = {}
        self._wraps: dict[tuple[str, str, int, int], tuple[str, ...]] = {}
        self.hits = 0
        self.misses = 0

    def set_scale(self, scale: float) -> None:
        """Change the overall scale (window factor × text size); cached text stays valid."""
        self.scale = scale

    def px(self, style: str) -> int:
        """The pixel size of `style` at the current scale, never below its `MINIMUM_PX`."""
        base, _ = STYLES[style]
        return max(MINIMUM_PX[style], round(base * self.scale))

    def font(self, style: str) -> pygame.font.Font:
        """The font object for `style` at the current scale."""
        return self.font_for_px(self.px(style), STYLES[style][1])

    def font_for_px(self, size: int, bold: bool = False) -> pygame.font.Font:
        """The bundled font at `size` pixels."""
        key = (size, bold)
        font = self._fonts.get(key)
        if font is None:
            font = pygame.font.Font(str(BOLD if bold else REGULAR), size)
            self._fonts[key] = font
        return font

    def line_height(self, style: str) -> int:
        """The distance between two lines of `style`."""
        return self.font(style).get_linesize()

    def width(self, text: str, style: str) -> int:
        """The width of `text` on one line."""
        return self.font(style).size(text)[0]

    def render(self, text: str, style: str, colour: Colour, wrap: int = 0) -> pygame.Surface:
        """`text` drawn in `style` and `colour`, wrapped at `wrap` pixels when given (cached)."""
        size = self.px(style)
        key = (text, style, size, colour, wrap)
        surface = self._cache.get(key)
        if surface is not None:
            self.hits += 1
            self._cache.move_to_end(key)
            return surface
        self.misses += 1
        font = self.font(style)
        surface = font.render(text, True, colour, None, max(0, wrap))
        self._cache[key] = surface
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return surface

    def fit(self, text: str, style: str, width: int) -> str:
        """`text`, cut with an ellipsis if it is wider than `width` on one line."""
        key = (text, style, self.px(style), width)
        done = self._fits.get(key)
        if done is not None:
            return done
        if len(self._fits) > 4 * self._cache_size:
            self._fits.clear()
        self._fits[key] = done = self._fit(text, style, width)
        return done

    def _fit(self, text: str, style: str, width: int) -> str:
        font = self.font(style)
        if font.size(text)[0] <= width:
            return text
        low, high = 0, len(text)
        while low < high:
            mid = (low + high + 1) // 2
            if font.size(text[:mid].rstrip() + ELLIPSIS)[0] <= width:
                low = mid
            else:
                high = mid - 1
        return text[:low].rstrip() + ELLIPSIS

    def wrap(self, text: str, style: str, width: int) -> tuple[str, ...]:
        """`text` as lines no wider than `width`: broken at spaces or after a hyphen, and
        between letters only for a word wider than a whole line. Never cut: the lines hold
        every word (measured only — no surface is made)."""
        key = (text, style, self.px(style), width)
        done = self._wraps.get(key)
        if done is None:
            if len(self._wraps) > 4 * self._cache_size:
                self._wraps.clear()
            self._wraps[key] = done = self._wrap(text, style, max(1, width))
        return done

    def _wrap(self, text: str, style: str, width: int) -> tuple[str, ...]:
        font = self.font(style)
        if font.size(text)[0] <= width:
            return (text,)
        lines: list[str] = []
        line = ""
        for word in text.split():
            for i, piece in enumerate(_AFTER_HYPHEN.split(word)):
                joined = line + (" " if i == 0 else "") + piece if line else piece
                if font.size(joined)[0] <= width:
                    line = joined
                    continue
                if line:
                    lines.append(line)
                while font.size(piece)[0] > width and len(piece) > 1:
                    low, high = 1, len(piece) - 1  # the longest start of the word that fits
                    while low < high:
                        mid = (low + high + 1) // 2
                        if font.size(piece[:mid])[0] <= width:
                            low = mid
                        else:
                            high = mid - 1
                    lines.append(piece[:low])
                    piece = piece[low:]
                line = piece
        if line:
            lines.append(line)
        return tuple(lines) or ("",)

    def render_fit(self, text: str, style: str, colour: Colour, width: int) -> pygame.Surface:
        """One line of `text`, ellipsised to fit `width`."""
        return self.render(self.fit(text, style, max(1, width)), style, colour)

    def has_glyphs(self, text: str, style: str = "body") -> bool:
        """True when the font has a glyph for every character of `text` (no tofu boxes)."""
        return all(m is not None for m in self.font(style).metrics(text))
