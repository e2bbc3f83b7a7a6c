"""The title screen: the game's name, the sales cycle it teaches, Play and Quit."""
from __future__ import annotations

import pygame

from game.ui import flow, widgets
from game.ui.choice_list import ChoiceList, Item
from game.ui.context import Context
from game.ui.footer import Hint
from game.ui.screen import Screen
from game.ui.screens.chrome import Chrome

STAGES = ("lead", "prospect", "qualified_prospect", "customer")


class TitleScreen(Screen):
    """Where the window opens."""

    name = "title"

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.chrome = Chrome()
        self.menu = ChoiceList(on_change=ctx.redraw)
        self.track = pygame.Rect(0, 0, 0, 0)

    def layout(self) -> None:
        ctx, t = self.ctx, self.ctx.text
        self.chrome.layout(ctx, [Hint("Enter", t.get("key-start"), pygame.K_RETURN),
                                 Hint("Esc", t.get("key-quit"), pygame.K_ESCAPE)], header=0)
        focus = self.menu.focus
        self.menu.set_items([Item(t.get("title-play"), value="play"),
                             Item(t.get("title-quit"), value="quit")])
        self.menu.focus = max(0, focus)
        w, h = ctx.size
        self.track = pygame.Rect(0, 0, min(w - 2 * ctx.px(40), ctx.px(820)), ctx.px(44))
        self.track.center = (w // 2, int(h * 0.50))
        menu_w = ctx.px(360)
        area = pygame.Rect(w // 2 - menu_w // 2, self.track.bottom + ctx.px(40), menu_w,
                           self.chrome.body.bottom - self.track.bottom - ctx.px(40))
        self.menu.layout(area, ctx.fonts, ctx.theme, ctx.px(10), ctx.px(10),
                         behind=ctx.theme.background)

    def handle_event(self, event: pygame.event.Event) -> None:
        if self.chrome.handle_event(event):
            return
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_ESCAPE, pygame.K_q):
            self.ctx.nav.stop()
            return
        chosen = self.menu.handle_event(event)
        if chosen is not None:
            self.ctx.sounds.play("click")
            if self.menu.items[chosen].value == "play":
                flow.player_name(self.ctx)
            else:
                self.ctx.nav.stop()

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        theme, fonts, t = ctx.theme, ctx.fonts, ctx.text
        surface.fill(theme.background)
        w, h = ctx.size
        title = fonts.render(t.get("app-title"), "display", theme.accent)
        surface.blit(title, title.get_rect(midbottom=(w // 2, int(h * 0.28))))
        tagline = fonts.render(t.get("app-tagline"), "heading", theme.text, w - ctx.px(80))
        surface.blit(tagline, tagline.get_rect(midtop=(w // 2, int(h * 0.28) + ctx.px(12))))
        widgets.stage_track(surface, fonts, theme, self.track,
                            [t.get(f"funnel-{s}") for s in STAGES], len(STAGES) - 1)
        self.menu.draw(surface, fonts, theme)
        self.chrome.draw_footer(surface, ctx)
