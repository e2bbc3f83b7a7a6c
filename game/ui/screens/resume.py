"""Resume or start over: shown when the player picks a scenario they left unfinished."""
from __future__ import annotations

from typing import Any

import pygame

from game.ui import flow, widgets
from game.ui.choice_list import ChoiceList, Item
from game.ui.context import Context
from game.ui.footer import Hint
from game.ui.screen import Screen
from game.ui.screens.chrome import Chrome


class ResumeScreen(Screen):
    """Three choices: resume the saved attempt, start over, or go back to the list."""

    name = "resume"

    def __init__(self, ctx: Context, scenario: Any, path: str | None, attempt: Any) -> None:
        super().__init__(ctx)
        self.chrome = Chrome()
        self.scenario = scenario
        self.path = path
        self.attempt = attempt
        self.menu = ChoiceList(on_change=ctx.redraw)
        self.box = pygame.Rect(0, 0, 0, 0)
        self.message = ""

    def layout(self) -> None:
        ctx, t = self.ctx, self.ctx.text
        self.chrome.layout(ctx, [Hint("1–3", t.get("key-choose")),
                                 Hint("Esc", t.get("key-back"), pygame.K_ESCAPE)])
        focus = self.menu.focus
        self.menu.set_items([Item(t.get("resume-resume"), value="resume"),
                             Item(t.get("resume-over"), value="over"),
                             Item(t.get("resume-back"), value="back")])
        self.menu.focus = max(0, focus)
        date = self.attempt.started.astimezone().strftime("%Y-%m-%d %H:%M")
        self.message = t.get("resume-text", title=self.scenario.title, date=date,
                             turn=self.attempt.turn, steps=self.attempt.steps)
        body, pad = self.chrome.body, ctx.px(20)
        self.box = pygame.Rect(0, 0, min(body.w, ctx.px(760)), body.h)
        self.box.center = body.center
        text_h = ctx.fonts.render(self.message, "body", ctx.theme.text,
                                  self.box.w - 2 * pad).get_height()
        top = self.box.y + pad + ctx.fonts.line_height("title") + text_h + ctx.px(20)
        self.menu.layout(pygame.Rect(self.box.x + pad, top, self.box.w - 2 * pad,
                                     self.box.bottom - pad - top), ctx.fonts, ctx.theme,
                         ctx.px(10), ctx.px(8))

    def handle_event(self, event: pygame.event.Event) -> None:
        if self.chrome.handle_event(event):
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.ctx.nav.pop()
            return
        chosen = self.menu.handle_event(event)
        if chosen is None:
            return
        self.ctx.sounds.play("click")
        action = self.menu.items[chosen].value
        if action == "resume":
            flow.resume(self.ctx, self.scenario, self.attempt)
        elif action == "over":
            flow.start(self.ctx, self.scenario, path=self.path)
        else:
            self.ctx.nav.pop()

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        theme, fonts, t = ctx.theme, ctx.fonts, ctx.text
        surface.fill(theme.background)
        self.chrome.draw_header(surface, ctx, t.get("app-title"),
                                t.get("picker-player", name=ctx.player))
        widgets.panel(surface, self.box, theme)
        pad = ctx.px(20)
        head = fonts.render(t.get("resume-heading"), "title", theme.text)
        surface.blit(head, (self.box.x + pad, self.box.y + pad))
        surface.blit(fonts.render(self.message, "body", theme.text, self.box.w - 2 * pad),
                     (self.box.x + pad, self.box.y + pad + head.get_height() + ctx.px(10)))
        self.menu.draw(surface, fonts, theme)
        self.chrome.draw_footer(surface, ctx)
