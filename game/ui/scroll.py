"""A scrollable column of pre-composed blocks (the conversation, the debrief timeline, the deal
board's details). Blocks are composed once per layout onto opaque surfaces, so a frame only
blits the visible ones.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import pygame

from game.ui import widgets
from game.ui.fonts import Fonts
from game.ui.theme import Colour, Theme


@dataclass(frozen=True)
class Piece:
    """One paragraph of a block: text in a style and colour, indented, with an optional icon
    (("mark", "good") or ("mood", "warm") or ("dot", "")) in the margin of its first line."""

    text: str
    style: str = "body"
    colour: Colour | None = None
    indent: int = 0
    icon: tuple[str, str] | None = None
    icon_colour: Colour | None = None


def compose(fonts: Fonts, theme: Theme, width: int, pieces: list[Piece], fill: Colour,
            gutter: int = 0, pad: int = 0, frame: Colour | None = None) -> pygame.Surface:
    """Stack `pieces` into one opaque surface `width` wide; `gutter` is the icon margin —
    widened when an icon would otherwise nearly touch its words (small windows: the margin
    follows the window, the icon the text size)."""
    icons = [_icon_size(fonts, piece) for piece in pieces if piece.icon is not None]
    if icons:
        gutter = max(gutter, max(icons) + _icon_space(max(icons)) + 2)
    rendered = []
    height = pad
    for piece in pieces:
        wrap = max(40, width - 2 * pad - gutter - piece.indent)
        surface = fonts.render(piece.text, piece.style, piece.colour or theme.text, wrap)
        rendered.append((piece, surface, height))
        height += surface.get_height()
    height += pad
    block = pygame.Surface((width, max(1, height))).convert()
    block.fill(fill)
    if frame is not None:
        pygame.draw.rect(block, frame, block.get_rect(), theme.line, border_radius=6)
    for piece, surface, y in rendered:
        x = pad + gutter + piece.indent
        block.blit(surface, (x, y))
        if piece.icon is not None:
            kind, value = piece.icon
            line = fonts.line_height(piece.style)
            size = _icon_size(fonts, piece)
            centre = (pad + piece.indent + gutter - _icon_space(size) - size // 2, y + line // 2)
            colour = piece.icon_colour or piece.colour or theme.text
            if kind == "mark":
                widgets.mark_icon(block, centre, size, value, colour)
            elif kind == "mood":
                widgets.mood_icon(block, centre, size, value, colour)
            else:
                pygame.draw.circle(block, colour, centre, max(2, size // 4))
    return block


def _icon_size(fonts: Fonts, piece: Piece) -> int:
    """The side of a piece's icon: three fifths of its line."""
    return max(8, fonts.line_height(piece.style) * 3 // 5)


def _icon_space(size: int) -> int:
    """The room between an icon `size` px wide and its words."""
    return max(4, size // 2)


@lru_cache(maxsize=16)
def fade_strip(width: int, height: int, colour: Colour, down: bool) -> pygame.Surface:
    """A strip of `colour`, transparent on the inside and nearly opaque at the edge (the
    bottom edge when `down`): laid over a scrolled list's edge, it says "more this way"
    instead of cutting a line in half."""
    fade = pygame.Surface((max(1, width), max(1, height)), pygame.SRCALPHA)
    for y in range(height):
        alpha = round(235 * ((y + 1) / height if down else (height - y) / height))
        pygame.draw.line(fade, (*colour[:3], alpha), (0, y), (width, y))
    return fade


class ScrollView:
    """Blocks stacked in an area; wheel, arrows, PgUp/PgDn, Home/End scroll it."""

    def __init__(self, *, stick_to_bottom: bool = False,
                 on_change: Callable[[], None] = lambda: None) -> None:
        self.stick_to_bottom = stick_to_bottom
        self.on_change = on_change
        self.area = pygame.Rect(0, 0, 0, 0)
        self.blocks: list[tuple[pygame.Surface, int]] = []  # (surface, y in content)
        self.content_height = 0
        self.scroll = 0
        self._at_bottom = True

    @property
    def max_scroll(self) -> int:
        """How far the content can scroll."""
        return max(0, self.content_height - self.area.h)

    def set_blocks(self, area: pygame.Rect, blocks: list[pygame.Surface], gap: int) -> None:
        """Lay out `blocks` in `area`, keeping the reader's place (or the bottom, if stuck)."""
        self.area = pygame.Rect(area)
        self.blocks = []
        y = 0
        for block in blocks:
            self.blocks.append((block, y))
            y += block.get_height() + gap
        self.content_height = max(0, y - gap)
        if self.stick_to_bottom and self._at_bottom:
            self.scroll = self.max_scroll
        self.scroll = max(0, min(self.scroll, self.max_scroll))

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        """Blit the visible blocks, clipped to the area, and a scroll bar if needed."""
        clip = surface.get_clip()
        surface.set_clip(self.area.clip(clip))
        top, bottom = self.scroll, self.scroll + self.area.h
        for block, y in self.blocks:
            if y + block.get_height() < top or y > bottom:
                continue
            surface.blit(block, (self.area.x, self.area.y + y - self.scroll))
        fade_h = max(6, min(28, self.area.h // 6))
        if self.scroll < self.max_scroll:  # more below: the last line fades out, not cut
            surface.blit(fade_strip(self.area.w, fade_h, theme.panel, True),
                         (self.area.x, self.area.bottom - fade_h))
        if self.scroll > 0:
            surface.blit(fade_strip(self.area.w, fade_h, theme.panel, False), self.area.topleft)
        surface.set_clip(clip)
        if self.content_height > self.area.h:
            track = pygame.Rect(self.area.right + 3, self.area.y, 4, self.area.h)
            thumb_h = max(12, round(track.h * self.area.h / self.content_height))
            y = track.y + round((track.h - thumb_h) * self.scroll / max(1, self.max_scroll))
            pygame.draw.rect(surface, theme.bar_back, track)
            pygame.draw.rect(surface, theme.muted, (track.x, y, track.w, thumb_h))

    def scroll_to(self, value: int) -> None:
        """Scroll to `value` pixels from the top (clamped)."""
        value = max(0, min(value, self.max_scroll))
        self._at_bottom = value >= self.max_scroll
        if value != self.scroll:
            self.scroll = value
            self.on_change()

    def handle_event(self, event: pygame.event.Event, *, keys: bool = True,
                     arrows: bool = True) -> bool:
        """Scroll on the wheel over the area, and on keys when `keys`. True when handled."""
        step = max(24, self.area.h // 10)
        if event.type == pygame.MOUSEWHEEL:
            if self.area.collidepoint(pygame.mouse.get_pos()):
                self.scroll_to(self.scroll - event.y * step)
                return True
            return False
        if not keys or event.type != pygame.KEYDOWN:
            return False
        page = max(step, self.area.h - step)
        moves = {pygame.K_PAGEUP: -page, pygame.K_PAGEDOWN: page}
        if arrows:
            moves.update({pygame.K_UP: -step, pygame.K_DOWN: step})
        if event.key in moves:
            self.scroll_to(self.scroll + moves[event.key])
            return True
        if event.key == pygame.K_HOME:
            self.scroll_to(0)
            return True
        if event.key == pygame.K_END:
            self.scroll_to(self.max_scroll)
            return True
        return False
