"""A vertical list of numbered choices: keys 1–9, arrows + Enter, mouse hover and click, wheel.

Disabled items stay listed (greyed, unnumbered, with their reason) — the engine keeps closed
options in the set, and the trainee can see what is not possible yet and why.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pygame

from game.ui import widgets
from game.ui.fonts import Fonts
from game.ui.scroll import fade_strip
from game.ui.theme import Colour, Theme

DIGITS = {getattr(pygame, f"K_{n}"): n for n in range(1, 10)}
DIGITS.update({getattr(pygame, f"K_KP{n}"): n for n in range(1, 10)})
ACTIVATE = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)


def digit_of(event: pygame.event.Event) -> int | None:
    """1–9 for a digit key (top row or keypad), else None."""
    return DIGITS.get(event.key) if event.type == pygame.KEYDOWN else None


@dataclass(frozen=True)
class Item:
    """One entry: its words, whether it can be chosen, a note (a reason), a value, a `tag`
    shown as a chip before the words (a tutorial's tactic label), and `locked` (a padlock
    where the number would be: not open yet, the note says why)."""

    label: str
    enabled: bool = True
    note: str = ""
    value: Any = None
    tag: str = ""
    locked: bool = False


class ChoiceList:
    """The list widget. `handle_event` returns the index of an activated item, else None."""

    def __init__(self, items: list[Item] | None = None, *, numbered: bool = True,
                 style: str = "body", on_change: Callable[[], None] = lambda: None) -> None:
        self.numbered = numbered
        self.style = style
        self.on_change = on_change
        self.items: list[Item] = []
        self.numbers: list[int | None] = []
        self.focus = -1
        self.scroll = 0
        self.area = pygame.Rect(0, 0, 0, 0)
        self.rects: list[pygame.Rect] = []   # in content coordinates (before scrolling)
        self.content_height = 0
        self._wrap = 0
        self._pad = 8
        self._cap_w = 0
        self._pictures: list[tuple[pygame.Surface, pygame.Surface]] = []
        self.set_items(items or [])

    # --- content ------------------------------------------------------------------------------

    def set_items(self, items: list[Item]) -> None:
        """Replace the items; keyboard focus goes to the first one that can be chosen."""
        self.items = list(items)
        self.numbers = []
        n = 0
        for item in self.items:
            if item.enabled and self.numbered and n < 9:
                n += 1
                self.numbers.append(n)
            else:
                self.numbers.append(None)
        self.focus = next((i for i, item in enumerate(self.items) if item.enabled), -1)
        self.scroll = 0
        self.rects, self._pictures = [], []  # until the next layout

    def enabled_indices(self) -> list[int]:
        """Indices of the items that can be chosen."""
        return [i for i, item in enumerate(self.items) if item.enabled]

    # --- layout and drawing -------------------------------------------------------------------

    def layout(self, area: pygame.Rect, fonts: Fonts, theme: Theme, pad: int, gap: int,
               behind: Colour | None = None) -> None:
        """Place the items in `area` (text wrapped to fit; scrolls when they do not) and
        prepare each item's picture, plain and highlighted, on the `behind` colour."""
        self.area = pygame.Rect(area)
        self._pad = pad
        self._cap_w = widgets.key_cap_width(fonts, "9") if self.numbered else 0
        self._wrap = max(40, area.w - 2 * pad - (self._cap_w + pad if self.numbered else 0))
        self.rects = []
        self._pictures = []
        y = 0
        for i, item in enumerate(self.items):
            colour = theme.text if item.enabled else theme.muted
            label = fonts.render(item.label, self.style, colour, self._wrap)
            if item.tag:
                label = self._tagged(fonts, theme, item.tag, label)
            h = label.get_height()
            note = None
            if item.note:
                note = fonts.render(item.note, "small", theme.muted, self._wrap)
                h += note.get_height()
            rect = pygame.Rect(0, y, area.w, h + 2 * pad)
            self.rects.append(rect)
            self._pictures.append(tuple(
                self._picture(fonts, theme, rect.size, label, note, self.numbers[i], lit,
                              behind or theme.panel, item.locked) for lit in (False, True)))
            y = rect.bottom + gap
        self.content_height = max(0, y - gap)
        self._clamp_scroll()
        self._reveal(self.focus)

    def _tagged(self, fonts: Fonts, theme: Theme, tag: str,
                label: pygame.Surface) -> pygame.Surface:
        """The tag as a chip above the words (shown beside the option, never part of them)."""
        words = fonts.render(tag, "tiny", theme.on_accent)
        pad = max(3, words.get_height() // 4)
        chip = pygame.Rect(0, 0, words.get_width() + 2 * pad, words.get_height() + 2)
        both = pygame.Surface((max(chip.w, label.get_width()),
                               chip.h + pad + label.get_height()), pygame.SRCALPHA)
        pygame.draw.rect(both, theme.accent, chip, border_radius=chip.h // 2)
        both.blit(words, (pad, 1))
        both.blit(label, (0, chip.h + pad))
        return both

    def _picture(self, fonts: Fonts, theme: Theme, size: tuple[int, int], label: pygame.Surface,
                 note: pygame.Surface | None, number: int | None, lit: bool,
                 behind: Colour, locked: bool = False) -> pygame.Surface:
        picture = pygame.Surface(size).convert()
        picture.fill(behind)
        box = picture.get_rect()
        widgets.panel(picture, box, theme, fill=theme.panel_alt if lit else theme.panel, radius=6)
        pad = self._pad
        x = pad
        if self.numbered:
            if number is not None:
                widgets.key_cap(picture, fonts, theme, (x, pad), str(number))
            elif locked:
                side = widgets.key_cap_height(fonts)
                widgets.lock_icon(picture, (x + self._cap_w // 2, pad + side // 2),
                                  int(side * 0.8), theme.muted,
                                  theme.panel_alt if lit else theme.panel)
            x += self._cap_w + pad
        picture.blit(label, (x, pad))
        if note is not None:
            picture.blit(note, (x, pad + label.get_height()))
        return picture

    def visible_rect(self, index: int) -> pygame.Rect:
        """Where item `index` is on screen now (it may be partly outside the area)."""
        return self.rects[index].move(self.area.x, self.area.y - self.scroll)

    def draw(self, surface: pygame.Surface, fonts: Fonts, theme: Theme) -> None:
        """Paint the visible items (pictures prepared by `layout`)."""
        if len(self._pictures) != len(self.items):
            return  # not laid out since the items changed
        clip = surface.get_clip()
        surface.set_clip(self.area.clip(clip))
        for i in range(len(self.items)):
            rect = self.visible_rect(i)
            if rect.bottom < self.area.top or rect.top > self.area.bottom:
                continue
            surface.blit(self._pictures[i][i == self.focus], rect)
        fade_h = max(6, min(18, self.area.h // 8))  # more beyond an edge: fade, not a cut line
        if self.scroll < self.content_height - self.area.h:
            surface.blit(fade_strip(self.area.w, fade_h, theme.panel, True),
                         (self.area.x, self.area.bottom - fade_h))
        if self.scroll > 0:
            surface.blit(fade_strip(self.area.w, fade_h, theme.panel, False), self.area.topleft)
        surface.set_clip(clip)
        if 0 <= self.focus < len(self.items):
            rect = self.visible_rect(self.focus)
            if self.area.contains(rect):
                widgets.focus_ring(surface, rect, theme, 6)
            else:
                clip = surface.get_clip()
                surface.set_clip(self.area.inflate(8, 8).clip(clip))
                widgets.focus_ring(surface, rect, theme, 6)
                surface.set_clip(clip)
        if self.content_height > self.area.h:
            self._draw_scrollbar(surface, theme)

    def _draw_scrollbar(self, surface: pygame.Surface, theme: Theme) -> None:
        track = pygame.Rect(self.area.right + 3, self.area.y, 4, self.area.h)
        share = self.area.h / self.content_height
        thumb_h = max(12, round(track.h * share))
        top = track.y + round((track.h - thumb_h) * self.scroll /
                              max(1, self.content_height - self.area.h))
        pygame.draw.rect(surface, theme.bar_back, track)
        pygame.draw.rect(surface, theme.muted, (track.x, top, track.w, thumb_h))

    # --- input --------------------------------------------------------------------------------

    def handle_event(self, event: pygame.event.Event) -> int | None:
        """React to keys and the mouse; returns the index of the item chosen, if any."""
        if event.type == pygame.KEYDOWN:
            n = digit_of(event)
            if n is not None and self.numbered:
                return self.numbers.index(n) if n in self.numbers else None
            if event.key in (pygame.K_UP, pygame.K_DOWN):
                self._move(-1 if event.key == pygame.K_UP else 1)
                return None
            if event.key in ACTIVATE and 0 <= self.focus < len(self.items):
                return self.focus if self.items[self.focus].enabled else None
            return None
        if event.type == pygame.MOUSEMOTION:
            hit = self.item_at(event.pos)
            if hit is not None and hit != self.focus and self.items[hit].enabled:
                self.focus = hit
                self.on_change()
            return None
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            hit = self.item_at(event.pos)
            if hit is not None and self.items[hit].enabled:
                self.focus = hit
                return hit
            return None
        if event.type == pygame.MOUSEWHEEL:
            if self.area.collidepoint(pygame.mouse.get_pos()):
                self.scroll_by(-event.y * 40)
        return None

    def item_at(self, pos: tuple[int, int]) -> int | None:
        """The index of the item under `pos`, if any."""
        if not self.area.collidepoint(pos):
            return None
        for i in range(len(self.rects)):
            if self.visible_rect(i).collidepoint(pos):
                return i
        return None

    def scroll_by(self, dy: int) -> None:
        """Scroll the content by `dy` pixels."""
        before = self.scroll
        self.scroll += dy
        self._clamp_scroll()
        if self.scroll != before:
            self.on_change()

    def _move(self, step: int) -> None:
        enabled = self.enabled_indices()
        if not enabled:
            return
        if self.focus in enabled:
            pos = (enabled.index(self.focus) + step) % len(enabled)
        else:
            pos = 0 if step > 0 else len(enabled) - 1
        self.focus = enabled[pos]
        self._reveal(self.focus)
        self.on_change()

    def _reveal(self, index: int) -> None:
        if not 0 <= index < len(self.rects):
            return
        rect = self.rects[index]
        if rect.top < self.scroll:
            self.scroll = rect.top
        elif rect.bottom > self.scroll + self.area.h:
            self.scroll = rect.bottom - self.area.h
        self._clamp_scroll()

    def _clamp_scroll(self) -> None:
        self.scroll = max(0, min(self.scroll, self.content_height - self.area.h))
