"""The player's name, typed (TEXTINPUT events, so accents and ñ work with any keyboard layout)."""
from __future__ import annotations

import pygame

from game.ui import flow, widgets
from game.ui.context import Context
from game.ui.footer import Hint
from game.ui.screen import Screen
from game.ui.screens.chrome import Chrome

MAX_LENGTH = 40


class NameScreen(Screen):
    """A one-line text box; Enter confirms, Esc goes back."""

    name = "name"
    wants_text_input = True

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.chrome = Chrome()
        self.value = ctx.player
        self.warning = ""
        self.box = pygame.Rect(0, 0, 0, 0)

    def layout(self) -> None:
        ctx, t = self.ctx, self.ctx.text
        self.chrome.layout(ctx, [Hint("Enter", t.get("key-continue"), pygame.K_RETURN),
                                 Hint("Esc", t.get("key-back"), pygame.K_ESCAPE)])
        w, h = ctx.size
        box_w = min(w - 2 * ctx.px(60), ctx.px(640))
        self.box = pygame.Rect(0, 0, box_w, ctx.fonts.line_height("title") + ctx.px(20))
        self.box.center = (w // 2, h // 2)

    def handle_event(self, event: pygame.event.Event) -> None:
        if self.chrome.handle_event(event):
            return
        if event.type == pygame.TEXTINPUT:
            typed = "".join(ch for ch in event.text if ch.isprintable())
            if typed and len(self.value) < MAX_LENGTH:
                self.value = (self.value + typed)[:MAX_LENGTH]
                self.warning = ""
                self.changed()
        elif event.type == pygame.KEYDOWN:
            if event.key == pygame.K_BACKSPACE and self.value:
                self.value = self.value[:-1]
                self.changed()
            elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                self.confirm()
            elif event.key == pygame.K_ESCAPE:
                flow.title(self.ctx)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            pass  # the box always has the focus

    def confirm(self) -> None:
        """Accept the name (non-empty after trimming) and go on to the picker."""
        name = " ".join(self.value.split())
        if not name:
            self.warning = self.ctx.text.get("name-empty")
            self.ctx.sounds.play("bad")
            self.changed()
            return
        self.ctx.player = name
        self.ctx.sounds.play("click")
        flow.picker(self.ctx)

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        theme, fonts, t = ctx.theme, ctx.fonts, ctx.text
        surface.fill(theme.background)
        self.chrome.draw_header(surface, ctx, t.get("app-title"))
        head = fonts.render(t.get("name-heading"), "title", theme.text)
        surface.blit(head, head.get_rect(midbottom=(self.box.centerx, self.box.y - ctx.px(56))))
        prompt = fonts.render(t.get("name-prompt"), "body", theme.muted)
        surface.blit(prompt, prompt.get_rect(midbottom=(self.box.centerx, self.box.y - ctx.px(14))))
        widgets.panel(surface, self.box, theme)
        widgets.focus_ring(surface, self.box, theme)
        pad = ctx.px(12)
        shown = fonts.render(self.visible_text(), "title", theme.text)
        spot = shown.get_rect(midleft=(self.box.x + pad, self.box.centery))
        surface.blit(shown, spot)
        caret_x = spot.right + 2
        pygame.draw.line(surface, theme.text, (caret_x, self.box.y + pad // 2 + 2),
                         (caret_x, self.box.bottom - pad // 2 - 2), 2)
        if self.warning:
            warn = fonts.render(self.warning, "body", theme.bad)
            surface.blit(warn, warn.get_rect(midtop=(self.box.centerx, self.box.bottom + ctx.px(12))))
        self.chrome.draw_footer(surface, ctx)

    def visible_text(self) -> str:
        """The tail of the name that fits the box (the start scrolls off while typing)."""
        fonts = self.ctx.fonts
        room = self.box.w - self.ctx.px(30)
        text = self.value
        while text and fonts.width(text, "title") > room:
            text = text[1:]
        return text
