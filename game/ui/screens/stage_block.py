"""The block on the right of the header of the meeting screen and the deal board: the deal's
stage track under a caption row — "Stage" at its left and, on the meeting screen, the
prospect's interest at its right (its word and a meter of four segments) — and the turn clock
to its right (a ring, one segment a meeting, and two lines of words).

The block is measured for its widest words (the last turn, the longest interest word), so the
header keeps its size as turns pass and interest moves, and it is the same size on both
screens: the board leaves the meter out (its checklist has interest's line), not its room.
When interest moves, the meter is ringed for a moment (`draw_glow`), with an arrow up or down.
"""
from __future__ import annotations

from collections.abc import Sequence

import pygame

from game.ui import widgets
from game.ui.context import Context
from game.ui.fonts import Fonts

STAGES = ("lead", "prospect", "qualified_prospect", "customer")
INTEREST_STEPS = 4  # interest levels above "none" (game/i18n.py: interest-0 … interest-4)


def stage_track_width(fonts: Fonts, labels: Sequence[str], height: int) -> int:
    """The width `widgets.stage_track` needs, `height` px tall, to show every label whole in
    the small style whichever stage is current (bold, or ticked when passed)."""
    arrow, tick, pad = max(10, height // 2), max(8, height // 3), max(6, height // 3)
    return (sum(fonts.width(label, "small-bold") + 2 * pad + tick + 4 for label in labels)
            + arrow * max(0, len(labels) - 1))


def interest_words(ctx: Context, level: int) -> str:
    """"Interest: curious": the meter's words for `level` (0–4)."""
    return ctx.text.get("board-interest", level=ctx.words.get(f"interest-{level}"))


class StageBlock:
    """The stage track, with an optional caption row over it ("Stage", and room for the
    interest meter's words and segments at its right) and an optional turn clock to its right.
    Measure it, give its size to `Chrome.layout`, then `place` it in the rectangle the header
    kept for it, and `draw` it."""

    def __init__(self, ctx: Context, labels: Sequence[str], caption: str = "",
                 clock: tuple[str, str] | None = None, meter: Sequence[str] = ()) -> None:
        fonts = ctx.fonts
        self.labels = list(labels)
        self.caption = caption
        self.track_h = fonts.line_height("small") + ctx.px(12)
        self.caption_h = fonts.line_height("tiny") if caption or meter else 0
        # the meter: four segments, with its words to their left when there is room
        self.seg_w, self.seg_gap = max(10, ctx.px(14)), max(2, ctx.px(3))
        self.seg_h = max(8, fonts.px("tiny") * 2 // 3)
        self.segments_w = INTEREST_STEPS * self.seg_w + (INTEREST_STEPS - 1) * self.seg_gap
        self.meter_w = (max(fonts.width(words, "tiny") for words in meter) + ctx.px(8)
                        + self.segments_w) if meter else 0
        # the stage labels set the width; the meter's words show when there is room for them
        # beside the caption (at every window and text size tried), its segments always do
        row_w = fonts.width(caption, "tiny") + (ctx.px(16) + self.segments_w if meter else 0)
        self.track_w = max(stage_track_width(fonts, labels, self.track_h), row_w)
        self.radius = ctx.px(22)
        self.gap = ctx.px(24)
        self.clock_w = 0
        clock_h = 0
        if clock is not None:
            words = max(fonts.width(clock[0], "small-bold"), fonts.width(clock[1], "tiny"))
            self.clock_w = 2 * self.radius + ctx.px(10) + words
            clock_h = max(2 * self.radius + ctx.px(4),
                          fonts.line_height("small-bold") + fonts.line_height("tiny"))
        width = self.track_w + (self.gap + self.clock_w if clock is not None else 0)
        self.size = (width, max(self.caption_h + self.track_h, clock_h))
        self.track = pygame.Rect(0, 0, 0, 0)
        self.meter = pygame.Rect(0, 0, 0, 0)     # the meter's segments, once placed
        self.clock_centre = (0, 0)

    def place(self, rect: pygame.Rect) -> None:
        """Put the track (under its caption row), the meter and the clock in `rect`; a
        rectangle narrower than the block's size squeezes the track."""
        track_w = max(1, rect.w - (self.gap + self.clock_w if self.clock_w else 0))
        top = rect.centery - (self.caption_h + self.track_h) // 2 + self.caption_h
        self.track = pygame.Rect(rect.x, top, track_w, self.track_h)
        row = top - self.caption_h
        self.meter = pygame.Rect(self.track.right - self.segments_w,
                                 row + (self.caption_h - self.seg_h) // 2,
                                 self.segments_w, self.seg_h)
        self.clock_centre = (rect.right - self.clock_w + self.radius, rect.centery)

    # --- drawing ------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface, ctx: Context, stage: int,
             clock: tuple[int, int, int] | None = None, interest: int | None = None) -> None:
        """Paint the block on the header band: the track at `stage` (an index of STAGES), the
        caption, the meter at `interest` (None: no meter) and the clock for (turn, turns,
        meetings used)."""
        theme, fonts = ctx.theme, ctx.fonts
        widgets.stage_track(surface, fonts, theme, self.track, self.labels, stage, on_dark=True)
        caption_right = self.track.x
        if self.caption:
            words = fonts.render(self.caption, "tiny", theme.on_accent)
            surface.blit(words, (self.track.x, self.track.y - words.get_height()))
            caption_right += words.get_width()
        if interest is not None:
            self._draw_meter(surface, ctx, interest, caption_right + ctx.px(16))
        if clock is not None:
            self._draw_clock(surface, ctx, *clock)

    def _empty(self, ctx: Context) -> tuple[int, int, int]:
        """The colour of what is not filled yet, on the header band (the clock's and the
        meter's)."""
        return ctx.theme.muted if ctx.settings.high_contrast else (90, 125, 175)

    def _draw_meter(self, surface: pygame.Surface, ctx: Context, interest: int,
                    leftmost: int) -> None:
        theme, fonts = ctx.theme, ctx.fonts
        level = max(0, min(INTEREST_STEPS, interest))
        meter = self.meter
        for i in range(INTEREST_STEPS):
            seg = pygame.Rect(meter.x + i * (self.seg_w + self.seg_gap), meter.y, self.seg_w,
                              meter.h)
            pygame.draw.rect(surface, theme.on_accent if i < level else self._empty(ctx), seg)
            pygame.draw.rect(surface, theme.on_accent, seg, theme.line)
        words = fonts.render(interest_words(ctx, level), "tiny", theme.on_accent)
        x = meter.x - ctx.px(8) - words.get_width()
        if x >= leftmost:  # the words when there is room for them whole (a squeezed track)
            surface.blit(words, (x, meter.centery - words.get_height() // 2))

    def glow_area(self, ctx: Context) -> pygame.Rect:
        """Where `draw_glow` paints: the meter's ring and the arrow beside it."""
        ring = self.meter.inflate(2 * ctx.px(5), 2 * ctx.px(5))
        return ring.union(pygame.Rect(ring.right, ring.y, ctx.px(14), ring.h))

    def draw_glow(self, surface: pygame.Surface, ctx: Context, strength: float,
                  rising: bool) -> None:
        """Interest has just moved: a ring round the meter in the focus colour (the band's
        words colour in high contrast) and an arrow up (`rising`) or down beside it, fading
        out as `strength` goes from 1 to 0."""
        if strength <= 0:
            return
        area = self.glow_area(ctx)
        layer = pygame.Surface(area.size, pygame.SRCALPHA)
        theme = ctx.theme  # high contrast's focus colour (cyan) is faint on its yellow band
        colour = (*(theme.on_accent if ctx.settings.high_contrast else theme.focus),
                  round(255 * min(1.0, strength * 1.5)))
        ring = self.meter.inflate(2 * ctx.px(5), 2 * ctx.px(5)).move(-area.x, -area.y)
        pygame.draw.rect(layer, colour, ring, max(2, ctx.px(3)), border_radius=ctx.px(4))
        half = max(3, ctx.px(5))
        cx, cy = ring.right + ctx.px(7), ring.centery
        tip, base = (cy - half, cy + half) if rising else (cy + half, cy - half)
        pygame.draw.polygon(layer, colour, [(cx, tip), (cx - half, base), (cx + half, base)])
        surface.blit(layer, area.topleft)

    def _draw_clock(self, surface: pygame.Surface, ctx: Context, turn: int, turns: int,
                    used: int) -> None:
        theme, fonts, t = ctx.theme, ctx.fonts, ctx.text
        radius = self.radius
        widgets.turn_clock(surface, self.clock_centre, radius, used, turns, theme.on_accent,
                           self._empty(ctx))
        x = self.clock_centre[0] + radius + ctx.px(10)
        room = surface.get_width() - x - ctx.px(8)
        line1 = fonts.render_fit(t.get("turn-clock", turn=turn, turns=turns), "small-bold",
                                 theme.on_accent, room)
        line2 = fonts.render_fit(t.get("turns-left", n=max(0, turns - used)), "tiny",
                                 theme.on_accent, room)
        top = self.clock_centre[1] - (line1.get_height() + line2.get_height()) // 2
        surface.blit(line1, (x, top))
        surface.blit(line2, (x, top + line1.get_height()))


def attempt_block(ctx: Context) -> StageBlock:
    """The block of the meeting screen and the deal board: the stage track under its caption
    row (with room for the interest meter), and the turn clock — sized for the widest words
    either can show, so the header keeps its size as turns pass and interest moves."""
    t, words = ctx.text, ctx.words
    assert ctx.session is not None
    turns = ctx.session.scenario.turns
    return StageBlock(ctx, [words.get(f"stage-{s}") for s in STAGES], t.get("stage"),
                      (t.get("turn-clock", turn=turns, turns=turns), t.get("turns-left", n=turns)),
                      [interest_words(ctx, level) for level in range(INTEREST_STEPS + 1)])
