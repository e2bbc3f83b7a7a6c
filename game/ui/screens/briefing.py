"""The briefing: the account, what is sold, the situation, the turn budget and who is in the
buying centre (names and titles only — roles are for the trainee to work out)."""
from __future__ import annotations

import pygame

from game.ui import flow, widgets
from game.ui.choice_list import ChoiceList, Item
from game.ui.context import Context
from game.ui.footer import Hint
from game.ui.portrait import portrait
from game.ui.screen import Screen
from game.ui.screens.chrome import Chrome, reload_hints
from game.ui.scroll import Piece, ScrollView, compose


class BriefingScreen(Screen):
    """Read, then Enter to start the first meeting."""

    name = "briefing"
    reloadable = True

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.chrome = Chrome()
        self.text_view = ScrollView(on_change=ctx.redraw)
        self.start = ChoiceList(on_change=ctx.redraw)
        self.left = pygame.Rect(0, 0, 0, 0)
        self.right = pygame.Rect(0, 0, 0, 0)
        self.people: list[tuple[pygame.Rect, str, str, str]] = []
        self._portrait = 48

    def layout(self) -> None:
        ctx, t = self.ctx, self.ctx.text
        assert ctx.session is not None
        scenario = ctx.session.scenario
        theme, fonts = ctx.theme, ctx.fonts
        self.chrome.layout(ctx, [Hint("Enter", t.get("key-start"), pygame.K_RETURN),
                                 Hint("PgUp/PgDn", t.get("key-scroll")),
                                 Hint("Esc", t.get("key-menu"), pygame.K_ESCAPE)]
                           + reload_hints(ctx), title=scenario.title,
                           subtitle=t.get("briefing-heading"))
        body, gap = self.chrome.body, ctx.px(16)
        left_w = int(body.w * 0.6)
        self.left = pygame.Rect(body.x, body.y, left_w, body.h)
        self.right = pygame.Rect(self.left.right + gap, body.y, body.w - left_w - gap, body.h)
        pad = ctx.px(14)
        start_h = fonts.line_height("body") + ctx.px(28)
        self.start.set_items([Item(t.get("briefing-start"))])
        self.start.layout(pygame.Rect(self.right.x + pad, self.right.bottom - start_h - pad,
                                      self.right.w - 2 * pad, start_h), fonts, theme,
                          ctx.px(12), 0)
        account = scenario.account
        words = ctx.words
        pieces = [Piece(t.get("briefing-account"), "small-bold", theme.muted),
                  Piece(account.company, "heading"),
                  Piece(" ", "tiny"),
                  Piece(t.get("briefing-product"), "small-bold", theme.muted),
                  Piece(account.product, "heading")]
        if account.deal_value:
            pieces.append(Piece(words.money(account.deal_value), "small", theme.muted))
        if account.situation:
            pieces.append(Piece(" ", "tiny"))
            pieces.append(Piece(account.situation))
        pieces.append(Piece(" ", "tiny"))
        pieces.extend(Piece(p) for p in scenario.briefing.split("\n\n") if p.strip())
        pieces.append(Piece(" ", "tiny"))
        pieces.append(Piece(t.get("briefing-turns", n=scenario.turns), "strong", theme.accent))
        inner = self.left.inflate(-2 * pad, -2 * pad)
        inner.w -= ctx.px(8)  # room for the scroll bar
        self.text_view.set_blocks(inner, [compose(fonts, theme, inner.w, pieces, theme.panel)], 0)
        # the people column
        top = self.right.y + pad + fonts.line_height("heading") + ctx.px(8)
        bottom = self.start.area.y - pad
        n = max(1, len(scenario.stakeholders))
        row_h = max(fonts.line_height("strong") + fonts.line_height("small"),
                    min(ctx.px(72), (bottom - top) // n))
        size = max(16, min(ctx.px(52), row_h - ctx.px(8)))
        self.people = []
        for i, (sid, person) in enumerate(scenario.stakeholders.items()):
            rect = pygame.Rect(self.right.x + pad, top + i * row_h, self.right.w - 2 * pad, row_h)
            if rect.bottom > bottom:
                break
            self.people.append((rect, sid, person.name, person.title))
        self._portrait = size

    def handle_event(self, event: pygame.event.Event) -> None:
        if self.chrome.handle_event(event):
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            flow.pause(self.ctx)
            return
        if self.text_view.handle_event(event):
            return
        if self.start.handle_event(event) is not None:
            self.ctx.sounds.play("click")
            flow.meetings(self.ctx)

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        assert ctx.session is not None
        theme, fonts, t = ctx.theme, ctx.fonts, ctx.text
        surface.fill(theme.background)
        self.chrome.draw_header(surface, ctx, ctx.session.scenario.title, t.get("briefing-heading"))
        widgets.panel(surface, self.left, theme)
        widgets.panel(surface, self.right, theme)
        self.text_view.draw(surface, theme)
        pad = ctx.px(14)
        surface.blit(fonts.render(t.get("briefing-people"), "heading", theme.text),
                     (self.right.x + pad, self.right.y + pad))
        size = self._portrait
        for rect, sid, name, title in self.people:
            face = portrait(fonts, sid, name, size, ctx.settings.high_contrast)
            surface.blit(face, (rect.x, rect.centery - size // 2))
            x = rect.x + size + ctx.px(12)
            room = rect.right - x
            line1 = fonts.render_fit(name, "strong", theme.text, room)
            line2 = fonts.render_fit(title, "small", theme.muted, room)
            top = rect.centery - (line1.get_height() + line2.get_height()) // 2
            surface.blit(line1, (x, top))
            surface.blit(line2, (x, top + line1.get_height()))
        self.start.draw(surface, fonts, theme)
        self.chrome.draw_footer(surface, ctx)
