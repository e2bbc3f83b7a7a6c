"""Drawing primitives shared by the screens: panels, bars, key caps, and the small icons that
carry meaning by shape as well as colour (moods, marks, checks).

Every function only paints; it returns the rectangle it painted so tests can measure it.
"""
from __future__ import annotations

import math

import pygame

from game.ui.fonts import STYLES, Fonts
from game.ui.theme import Colour, Theme

MOODS = ("hostile", "sceptical", "neutral", "warm", "keen")


def panel(surface: pygame.Surface, rect: pygame.Rect, theme: Theme, *, fill: Colour | None = None,
          border: Colour | None = None, width: int | None = None, radius: int = 8) -> pygame.Rect:
    """A rounded box with a border."""
    pygame.draw.rect(surface, fill or theme.panel, rect, border_radius=radius)
    pygame.draw.rect(surface, border or theme.border, rect, width or theme.line,
                     border_radius=radius)
    return rect


def text(surface: pygame.Surface, fonts: Fonts, words: str, style: str, colour: Colour,
         pos: tuple[int, int], wrap: int = 0) -> pygame.Rect:
    """Blit `words` at `pos` (top-left); returns the rectangle covered."""
    rendered = fonts.render(words, style, colour, wrap)
    return surface.blit(rendered, pos)


def bar(surface: pygame.Surface, rect: pygame.Rect, fraction: float, colour: Colour,
        theme: Theme) -> pygame.Rect:
    """A horizontal bar: the track, then a fill of `fraction` of its width. Returns the fill."""
    fraction = 0.0 if math.isnan(fraction) else max(0.0, min(1.0, fraction))
    pygame.draw.rect(surface, theme.bar_back, rect)
    filled = pygame.Rect(rect.x, rect.y, round(rect.w * fraction), rect.h)
    if filled.w:
        pygame.draw.rect(surface, colour, filled)
    pygame.draw.rect(surface, theme.border, rect, theme.line)
    return filled


def key_cap(surface: pygame.Surface, fonts: Fonts, theme: Theme, pos: tuple[int, int],
            label: str, style: str = "small-bold", *, active: bool = True) -> pygame.Rect:
    """A keyboard key drawn as a small box with its label (e.g. "1", "Esc")."""
    rendered = fonts.render(label, style, theme.on_accent if active else theme.muted)
    pad_x = max(4, rendered.get_height() // 3)
    box = pygame.Rect(pos[0], pos[1], max(rendered.get_width() + 2 * pad_x,
                                          rendered.get_height() + 4), rendered.get_height() + 4)
    if active:
        pygame.draw.rect(surface, theme.accent, box, border_radius=4)
    pygame.draw.rect(surface, theme.border if not active else theme.accent, box, theme.line,
                     border_radius=4)
    surface.blit(rendered, rendered.get_rect(center=box.center))
    return box


def key_cap_height(fonts: Fonts, style: str = "small-bold") -> int:
    """The height `key_cap` uses in `style`."""
    return fonts.render("9", style, (0, 0, 0)).get_height() + 4


def key_cap_width(fonts: Fonts, label: str, style: str = "small-bold") -> int:
    """The width `key_cap` will use for `label`."""
    rendered = fonts.render(label, style, (0, 0, 0))
    pad_x = max(4, rendered.get_height() // 3)
    return max(rendered.get_width() + 2 * pad_x, rendered.get_height() + 4)


def mood_icon(surface: pygame.Surface, center: tuple[int, int], size: int, mood: str,
              colour: Colour) -> pygame.Rect:
    """A mood drawn as a shape: ▼▼ hostile, ▼ sceptical, ◆ neutral, ▲ warm, ▲▲ keen, ○ unknown."""
    cx, cy = center
    r = max(3, size // 2)
    box = pygame.Rect(cx - r, cy - r, 2 * r, 2 * r)

    def triangle(x: int, up: bool, half: int) -> None:
        if up:
            points = [(x, cy - half), (x + half, cy + half), (x - half, cy + half)]
        else:
            points = [(x - half, cy - half), (x + half, cy - half), (x, cy + half)]
        pygame.draw.polygon(surface, colour, points)

    if mood in ("hostile", "keen"):
        half = max(2, r // 2)
        triangle(cx - half, mood == "keen", half)
        triangle(cx + half, mood == "keen", half)
    elif mood in ("sceptical", "warm"):
        triangle(cx, mood == "warm", r)
    elif mood == "neutral":
        pygame.draw.polygon(surface, colour, [(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)])
    else:
        pygame.draw.circle(surface, colour, center, r, max(1, r // 4))
    return box


def mark_icon(surface: pygame.Surface, center: tuple[int, int], size: int, mark: str,
              colour: Colour) -> pygame.Rect:
    """A debrief mark drawn as a shape: ✓ good, ✗ mistake, ○ missed, – neutral."""
    cx, cy = center
    r = max(4, size // 2)
    w = max(2, r // 3)
    box = pygame.Rect(cx - r, cy - r, 2 * r, 2 * r)
    if mark == "good":
        pygame.draw.lines(surface, colour, False,
                          [(cx - r, cy), (cx - r // 3, cy + 2 * r // 3), (cx + r, cy - 2 * r // 3)], w)
    elif mark == "mistake":
        pygame.draw.line(surface, colour, (cx - r + 1, cy - r + 1), (cx + r - 1, cy + r - 1), w)
        pygame.draw.line(surface, colour, (cx - r + 1, cy + r - 1), (cx + r - 1, cy - r + 1), w)
    elif mark == "missed":
        pygame.draw.circle(surface, colour, center, r, w)
    else:
        pygame.draw.line(surface, colour, (cx - r + 2, cy), (cx + r - 2, cy), w)
    return box


def lock_icon(surface: pygame.Surface, center: tuple[int, int], size: int, colour: Colour,
              behind: Colour) -> pygame.Rect:
    """A padlock: a closed shackle over a body with a keyhole (a locked scenario)."""
    cx, cy = center
    r = max(5, size // 2)
    w = max(2, r // 4)
    body = pygame.Rect(0, 0, 2 * r - 2, r + 2)
    body.midbottom = (cx, cy + r)
    shackle = pygame.Rect(0, 0, int(1.3 * r), int(1.5 * r))
    shackle.midbottom = (cx, body.top + shackle.h // 2)
    pygame.draw.rect(surface, colour, shackle, w, border_radius=shackle.w // 2)
    pygame.draw.rect(surface, colour, body, border_radius=max(1, r // 4))
    hole = max(1, r // 4)
    pygame.draw.circle(surface, behind, (cx, body.centery), hole)
    return pygame.Rect(cx - r, cy - r, 2 * r, 2 * r)


def check_icon(surface: pygame.Surface, center: tuple[int, int], size: int, done: bool,
               theme: Theme) -> pygame.Rect:
    """A checklist box: ticked when done, crossed when not."""
    r = max(5, size // 2)
    box = pygame.Rect(center[0] - r, center[1] - r, 2 * r, 2 * r)
    pygame.draw.rect(surface, theme.panel, box)
    pygame.draw.rect(surface, theme.good if done else theme.bad, box, max(1, theme.line + 1))
    mark_icon(surface, center, int(r * 1.3), "good" if done else "mistake",
              theme.good if done else theme.bad)
    return box


def focus_ring(surface: pygame.Surface, rect: pygame.Rect, theme: Theme, radius: int = 8) -> None:
    """The keyboard focus: a thick outline (visible in both themes)."""
    pygame.draw.rect(surface, theme.focus, rect.inflate(4, 4), 3, border_radius=radius + 2)


def dim(surface: pygame.Surface, alpha: int = 150) -> None:
    """Darken everything drawn so far (under a modal overlay)."""
    shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    shade.fill((0, 0, 0, alpha))
    surface.blit(shade, (0, 0))


def stage_track(surface: pygame.Surface, fonts: Fonts, theme: Theme, rect: pygame.Rect,
                labels: list[str], current: int, style: str = "small",
                on_dark: bool = False) -> list[pygame.Rect]:
    """The sales stages as boxes joined by arrows, each as wide as its words: passed ones
    ticked, the current one white with a thick border and bold words, later ones outlined.
    `on_dark`: drawn on the header band. Returns the boxes."""
    n = len(labels)
    arrow = max(10, rect.h // 2)
    tick = max(8, rect.h // 3)
    pad = max(6, rect.h // 3)
    bold = f"{style}-bold" if f"{style}-bold" in STYLES else style
    needs = [fonts.width(label, bold if i == current else style) + 2 * pad
             + (tick + 4 if i < current else 0) for i, label in enumerate(labels)]
    room = rect.w - arrow * (n - 1)
    if sum(needs) > room and style == "small":  # too long at this size: a smaller style
        return stage_track(surface, fonts, theme, rect, labels, current, "tiny", on_dark)
    extra = (room - sum(needs)) / n if sum(needs) < room else 0.0
    # still too long: the current stage keeps its words whole, the others share what is left
    here_need = needs[current] if 0 <= current < n else 0
    scale = min(1.0, max(0.0, room - here_need) / max(1, sum(needs) - here_need))
    boxes = []
    x = float(rect.x)
    for i, label in enumerate(labels):
        w = needs[i] + extra if i == current else needs[i] * scale + extra
        box = pygame.Rect(round(x), rect.y, round(w), rect.h)
        boxes.append(box)
        here, passed = i == current, i < current
        if here:
            pygame.draw.rect(surface, theme.panel, box, border_radius=6)
            pygame.draw.rect(surface, theme.focus, box, 3, border_radius=6)
            colour = theme.text
        elif passed:
            pygame.draw.rect(surface, theme.panel_alt, box, border_radius=6)
            pygame.draw.rect(surface, theme.border, box, theme.line, border_radius=6)
            colour = theme.text
        else:
            edge = theme.on_accent if on_dark else theme.border
            pygame.draw.rect(surface, edge, box, theme.line, border_radius=6)
            colour = theme.on_accent if on_dark else theme.muted
        room_text = box.w - 2 * pad + 4 - (tick + 4 if passed else 0)
        words = fonts.render_fit(label, bold if here else style, colour, max(8, room_text))
        spot = words.get_rect(center=box.center)
        if passed:
            spot.x += (tick + 4) // 2
            mark_icon(surface, (spot.x - 4 - tick // 2, box.centery), tick, "good", theme.good)
        surface.blit(words, spot)
        if i < n - 1:
            ax = box.right + 3
            cy = box.centery
            pygame.draw.polygon(surface, theme.on_accent if on_dark else theme.muted,
                                [(ax, cy - arrow // 3), (ax + arrow - 6, cy), (ax, cy + arrow // 3)])
        x += w + arrow
    return boxes


def turn_clock(surface: pygame.Surface, center: tuple[int, int], radius: int, used: int,
               total: int, filled: Colour, empty: Colour) -> pygame.Rect:
    """The turn budget as a ring of segments, one per meeting; those used are filled."""
    total = max(1, total)
    width = max(3, radius // 3)
    box = pygame.Rect(center[0] - radius, center[1] - radius, 2 * radius, 2 * radius)
    gap = 0.06 if total <= 24 else 0.0
    step = 2 * math.pi / total
    for i in range(total):
        # clockwise from twelve o'clock; pygame's arcs run anticlockwise from three o'clock
        end = math.pi / 2 - i * step
        start = end - step + gap
        pygame.draw.arc(surface, filled if i < used else empty, box, start, end - gap / 2, width)
    return box
