"""The pause menu (Esc): resume, restart the scenario, or quit to the title — the interrupted
attempt is kept either way."""
from __future__ import annotations

import pygame

from game.ui import flow, widgets
from game.ui.choice_list import ChoiceList, Item
from game.ui.context import Context
from game.ui.screen import Screen


class PauseScreen(Screen):
    """A modal menu over the screen beneath."""

    name = "pause"
    opaque = False

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.menu = ChoiceList(on_change=ctx.redraw)
        self.box = pygame.Rect(0, 0, 0, 0)
        self.shade: pygame.Surface | None = None

    def layout(self) -> None:
        ctx, t = self.ctx, self.ctx.text
        quit_label = t.get("pause-quit" if ctx.play_mode else "pause-quit-title")
        self.menu.set_items([Item(t.get("pause-resume"), value="resume"),
                             Item(t.get("pause-restart"), value="restart"),
                             Item(quit_label, value="quit")])
        w, h = ctx.size
        width = min(w - ctx.px(80), ctx.px(620))
        pad = ctx.px(20)
        probe = pygame.Rect(0, 0, width - 2 * pad, h)
        self.menu.layout(probe, ctx.fonts, ctx.theme, ctx.px(10), ctx.px(8))
        head_h = ctx.fonts.line_height("title") + ctx.px(12)
        height = min(h - ctx.px(40), self.menu.content_height + head_h + 2 * pad)
        self.box = pygame.Rect(0, 0, width, height)
        self.box.center = (w // 2, h // 2)
        self.menu.layout(pygame.Rect(self.box.x + pad, self.box.y + pad + head_h, width - 2 * pad,
                                     height - 2 * pad - head_h), ctx.fonts, ctx.theme,
                         ctx.px(10), ctx.px(8))
        if self.shade is None or self.shade.get_size() != (w, h):
            self.shade = pygame.Surface((w, h), pygame.SRCALPHA)
            self.shade.fill((0, 0, 0, 150))

    def handle_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.ctx.nav.pop()
            return
        chosen = self.menu.handle_event(event)
        if chosen is None:
            return
        self.ctx.sounds.play("click")
        action = self.menu.items[chosen].value
        if action == "resume":
            self.ctx.nav.pop()
        elif action == "restart":
            flow.restart(self.ctx)
        else:
            flow.home(self.ctx)

    def draw(self, surface: pygame.Surface) -> None:
        ctx, theme = self.ctx, self.ctx.theme
        if self.shade is not None:
            surface.blit(self.shade, (0, 0))
        widgets.panel(surface, self.box, theme, width=max(2, theme.line + 1), radius=10)
        pad = ctx.px(20)
        surface.blit(ctx.fonts.render(ctx.text.get("pause-heading"), "title", theme.text),
                     (self.box.x + pad, self.box.y + pad))
        self.menu.draw(surface, ctx.fonts, theme)
