"""The key-hint bar at the bottom of a screen. Each hint is also a button: clicking it posts the
same key press a keyboard user would make, so mouse and keyboard share one code path.
"""
from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui import widgets
from game.ui.fonts import Fonts
from game.ui.strings import UIText
from game.ui.theme import Theme


@dataclass(frozen=True)
class Hint:
    """A key label ("D"), what it does ("deal board"), and the key code to post (0: none)."""

    key: str
    action: str
    code: int = 0
    mod: int = 0


def post_key(code: int, mod: int = 0, unicode: str = "") -> None:
    """Post a key press to the event queue (the same event a keyboard makes)."""
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode=unicode,
                                         scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=code, mod=mod, unicode=unicode,
                                         scancode=0))


def hint_width(fonts: Fonts, hint: Hint) -> int:
    """The width of one hint: its key cap and its words."""
    return widgets.key_cap_width(fonts, hint.key, "tiny") + 4 + fonts.width(hint.action, "tiny")


def rows_needed(fonts: Fonts, hints: list[Hint], width: int, gap: int) -> int:
    """How many rows the hints take in `width` (with big text they wrap)."""
    rows, x = 1, 0
    for hint in hints:
        w = hint_width(fonts, hint)
        if x and x + w > width:
            rows, x = rows + 1, 0
        x += w + gap
    return rows


class Footer:
    """Rows of hints laid out from the left; a hint that does not fit goes to the next row,
    and what does not fit in the area at all is left out."""

    def __init__(self) -> None:
        self.hints: list[Hint] = []
        self.rects: list[pygame.Rect] = []
        self.area = pygame.Rect(0, 0, 0, 0)

    def layout(self, area: pygame.Rect, fonts: Fonts, hints: list[Hint], gap: int) -> None:
        """Place `hints` in `area`."""
        self.area = pygame.Rect(area)
        self.hints, self.rects = [], []
        row_h = widgets.key_cap_height(fonts, "tiny")
        x, y = area.x, area.y
        for hint in hints:
            w = hint_width(fonts, hint)
            if x > area.x and x + w > area.right:
                x, y = area.x, y + row_h + 4
            if y + row_h > area.bottom + 1 or w > area.w:
                break
            self.hints.append(hint)
            self.rects.append(pygame.Rect(x, y, w, row_h))
            x += w + gap

    def draw(self, surface: pygame.Surface, fonts: Fonts, theme: Theme) -> None:
        """Paint the bar."""
        pygame.draw.line(surface, theme.border, (0, self.area.y - 5),
                         (surface.get_width(), self.area.y - 5), theme.line)
        for hint, rect in zip(self.hints, self.rects):
            cap = widgets.key_cap(surface, fonts, theme, (rect.x, rect.y), hint.key, "tiny")
            label = fonts.render(hint.action, "tiny", theme.muted)
            surface.blit(label, (cap.right + 4, cap.centery - label.get_height() // 2))

    def handle_event(self, event: pygame.event.Event) -> bool:
        """A click on a hint posts its key; True when the click was on one."""
        if event.type != pygame.MOUSEBUTTONDOWN or event.button != 1:
            return False
        for hint, rect in zip(self.hints, self.rects):
            if rect.collidepoint(event.pos) and hint.code:
                post_key(hint.code, hint.mod)
                return True
        return False


def common_hints(text: UIText) -> list[Hint]:
    """The settings keys every screen shows."""
    get = text.get
    return [Hint("M", get("key-sound"), pygame.K_m), Hint("L", get("key-language"), pygame.K_l),
            Hint("H", get("key-contrast"), pygame.K_h),
            Hint("Ctrl +", get("key-bigger"), pygame.K_EQUALS, pygame.KMOD_LCTRL),
            Hint("Ctrl −", get("key-smaller"), pygame.K_MINUS, pygame.KMOD_LCTRL)]
