"""The frame every screen shares: a header band with a title, the body, and the key-hint footer."""
from __future__ import annotations

import pygame

from game.ui.context import Context
from game.ui.footer import Footer, Hint, common_hints, rows_needed
from game.ui.widgets import key_cap_height


def reload_hints(ctx: Context) -> list[Hint]:
    """The F5 hint, when the attempt under way has a scenario file to read again."""
    session = ctx.session
    if session is None or not session.path:
        return []
    return [Hint("F5", ctx.text.get("key-reload"), pygame.K_F5)]


class Chrome:
    """Header, body and footer rectangles for the current window, and the footer's hints."""

    def __init__(self) -> None:
        self.header = pygame.Rect(0, 0, 0, 0)
        self.body = pygame.Rect(0, 0, 0, 0)
        self.footer = Footer()
        self.margin = 16

    def layout(self, ctx: Context, hints: list[Hint], header: int = 64) -> None:
        """Split the window and place the footer hints (the screen's, then the common ones)."""
        w, h = ctx.size
        fonts = ctx.fonts
        self.margin = m = ctx.px(16)
        hints = hints + common_hints(ctx.text)
        gap = ctx.px(14)
        rows = min(2, rows_needed(fonts, hints, w - 2 * m, gap))
        row_h = key_cap_height(fonts, "tiny")
        foot_h = rows * row_h + (rows - 1) * 4 + ctx.px(12)
        head_h = 0
        if header:  # tall enough for a title and a subtitle at any text size
            head_h = max(ctx.px(header), fonts.line_height("title") + fonts.line_height("small")
                         + ctx.px(10))
        self.header = pygame.Rect(0, 0, w, head_h)
        footer_area = pygame.Rect(m, h - foot_h + ctx.px(6), w - 2 * m, foot_h - ctx.px(10))
        self.body = pygame.Rect(m, head_h + m, w - 2 * m, h - foot_h - head_h - 2 * m)
        self.footer.layout(footer_area, fonts, hints, gap)

    def draw_header(self, surface: pygame.Surface, ctx: Context, title: str,
                    subtitle: str = "", width: int = 0) -> int:
        """Paint the header band with `title` (and `subtitle` under it), cut to `width` (default:
        half the window) — a title too long for one line takes two, without the subtitle;
        returns the text's right edge."""
        theme, fonts = ctx.theme, ctx.fonts
        if not self.header.h:
            return 0
        pygame.draw.rect(surface, theme.accent, self.header)
        m = self.margin
        width = width or self.header.w // 2 - m
        if fonts.width(title, "title") > width and fonts.width(title, "heading") > width:
            # a long title: on two lines in place of the subtitle, when two lines are enough
            wrapped = fonts.render(title, "heading", theme.on_accent, width)
            if wrapped.get_height() <= min(2 * fonts.line_height("heading"),
                                           self.header.h - 4):
                surface.blit(wrapped, (m, self.header.centery - wrapped.get_height() // 2))
                return m + wrapped.get_width()
        style = "title" if fonts.width(title, "title") <= width else "heading"  # long titles
        head = fonts.render_fit(title, style, theme.on_accent, width)
        if subtitle:
            sub = fonts.render_fit(subtitle, "small", theme.on_accent, width)
            top = self.header.centery - (head.get_height() + sub.get_height()) // 2
            surface.blit(head, (m, top))
            surface.blit(sub, (m, top + head.get_height()))
            return m + max(head.get_width(), sub.get_width())
        surface.blit(head, (m, self.header.centery - head.get_height() // 2))
        return m + head.get_width()

    def draw_footer(self, surface: pygame.Surface, ctx: Context) -> None:
        """Paint the key hints."""
        self.footer.draw(surface, ctx.fonts, ctx.theme)

    def handle_event(self, event: pygame.event.Event) -> bool:
        """Clicks on footer hints."""
        return self.footer.handle_event(event)
