"""Portraits drawn by the program: initials on a coloured shape with a simple bust behind them.

Colour and shape come from a hash of the stakeholder's id, so the same person always looks the
same, in every run and on every machine.
"""
from __future__ import annotations

import colorsys
import math
import zlib

import pygame

from game.ui.fonts import Fonts

SHAPES = ("circle", "rounded", "hexagon")
_cache: dict[tuple[str, str, int, bool], pygame.Surface] = {}


def initials(name: str) -> str:
    """Up to two capital initials: "Inés Núñez" → "IN"."""
    parts = [p for p in name.replace("-", " ").split() if p[:1].isalpha()]
    if not parts:
        return "?"
    letters = parts[0][0] + (parts[-1][0] if len(parts) > 1 else "")
    return letters.upper()


def looks(person_id: str) -> tuple[tuple[int, int, int], str]:
    """The fill colour and shape for `person_id` (deterministic)."""
    h = zlib.crc32(person_id.encode("utf-8"))
    hue = (h % 360) / 360.0
    r, g, b = colorsys.hls_to_rgb(hue, 0.36, 0.55)  # dark enough for white initials
    return (round(r * 255), round(g * 255), round(b * 255)), SHAPES[(h >> 9) % len(SHAPES)]


def portrait(fonts: Fonts, person_id: str, name: str, size: int,
             high_contrast: bool = False) -> pygame.Surface:
    """A `size`×`size` portrait surface (cached)."""
    key = (person_id, name, size, high_contrast)
    surface = _cache.get(key)
    if surface is not None:
        return surface
    fill, shape = looks(person_id)
    surface = pygame.Surface((size, size), pygame.SRCALPHA)
    rect = surface.get_rect()
    edge = (255, 255, 255) if high_contrast else (40, 40, 40)
    if shape == "circle":
        pygame.draw.circle(surface, fill, rect.center, size // 2)
        pygame.draw.circle(surface, edge, rect.center, size // 2, max(1, size // 28))
    elif shape == "rounded":
        pygame.draw.rect(surface, fill, rect, border_radius=size // 4)
        pygame.draw.rect(surface, edge, rect, max(1, size // 28), border_radius=size // 4)
    else:
        c, r = size / 2, size / 2 - 1
        points = [(c + r * _cos(a), c + r * _sin(a)) for a in range(30, 390, 60)]
        pygame.draw.polygon(surface, fill, points)
        pygame.draw.polygon(surface, edge, points, max(1, size // 28))
    # a faint bust behind the letters
    tint = tuple(min(255, v + 45) for v in fill)
    pygame.draw.circle(surface, tint, (size // 2, int(size * 0.40)), max(2, size // 6))
    pygame.draw.ellipse(surface, tint, pygame.Rect(int(size * 0.22), int(size * 0.60),
                                                   int(size * 0.56), int(size * 0.32)))
    font = fonts.font_for_px(max(8, size * 2 // 5), bold=True)
    letters = font.render(initials(name), True, (255, 255, 255))
    shadow = font.render(initials(name), True, (0, 0, 0))
    spot = letters.get_rect(center=(size // 2, size // 2 + size // 12))
    surface.blit(shadow, spot.move(1, 1))
    surface.blit(letters, spot)
    if len(_cache) > 256:
        _cache.clear()
    _cache[key] = surface
    return surface


def _cos(degrees: int) -> float:
    return math.cos(math.radians(degrees))


def _sin(degrees: int) -> float:
    return math.sin(math.radians(degrees))
