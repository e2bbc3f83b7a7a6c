"""What F5 found wrong: the scenario file's problems as `file:line:col: level: message` lines,
wrapped and scrollable, with what to do next; the file's path in the header wraps too (never cut
with "…", however long). The attempt under way (beneath this screen) is left exactly as it was;
F5 tries again, Esc goes back to it."""
from __future__ import annotations

import pygame

from game.reload import Reloaded
from game.ui import widgets
from game.ui.context import Context
from game.ui.footer import Hint
from game.ui.screen import Screen
from game.ui.screens.chrome import Chrome
from game.ui.scroll import Piece, ScrollView, compose


class ReloadErrorScreen(Screen):
    """The problems of a scenario file that could not be reloaded."""

    name = "reload-errors"
    reloadable = True

    def __init__(self, ctx: Context, reloaded: Reloaded) -> None:
        super().__init__(ctx)
        self.chrome = Chrome()
        self.view = ScrollView(on_change=ctx.redraw)
        self.panel = pygame.Rect(0, 0, 0, 0)
        self.reloaded = reloaded

    def show(self, reloaded: Reloaded) -> None:
        """Show the problems of a newer try (F5 again, still broken)."""
        self.reloaded = reloaded
        self.view.scroll_to(0)
        self.changed()

    @property
    def lines(self) -> list[str]:
        """The problems as shown, one `file:line:col: level: message [code]` line each."""
        return self.reloaded.messages()

    def layout(self) -> None:
        ctx, t = self.ctx, self.ctx.text
        theme, fonts = ctx.theme, ctx.fonts
        self.chrome.layout(ctx, [Hint("F5", t.get("key-reload"), pygame.K_F5),
                                 Hint("Esc", t.get("key-back"), pygame.K_ESCAPE),
                                 Hint("↑↓ PgUp/PgDn", t.get("key-scroll"))],
                           title=t.get("reload-heading"), subtitle=self.reloaded.path)
        self.panel = pygame.Rect(self.chrome.body)
        pad = ctx.px(16)
        area = self.panel.inflate(-2 * pad, -2 * pad)
        area.w -= ctx.px(8)  # room for the scroll bar
        problems = self.reloaded.problems
        errors = sum(1 for p in problems if p.level == "error")
        head = compose(fonts, theme, area.w, [
            Piece(t.get("reload-hint"), "heading", theme.text),
            Piece(t.get("reload-summary", errors=errors, warnings=len(problems) - errors),
                  "small", theme.muted)], theme.panel)
        gutter = ctx.px(24)
        blocks = [head]
        for problem, line in zip(problems, self.lines):
            error = problem.level == "error"
            blocks.append(compose(fonts, theme, area.w, [
                Piece(line, "body", theme.text, icon=("mark", "mistake" if error else "missed"),
                      icon_colour=theme.bad if error else theme.warn)],
                theme.panel_alt, gutter=gutter, pad=ctx.px(6), frame=theme.border))
        self.view.set_blocks(area, blocks, ctx.px(8))

    def handle_event(self, event: pygame.event.Event) -> None:
        if self.chrome.handle_event(event):
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.ctx.sounds.play("click")
            self.ctx.nav.pop()
            return
        self.view.handle_event(event)

    def draw(self, surface: pygame.Surface) -> None:
        ctx = self.ctx
        theme, t = ctx.theme, ctx.text
        surface.fill(theme.background)
        self.chrome.draw_header(surface, ctx, t.get("reload-heading"), self.reloaded.path)
        widgets.panel(surface, self.panel, theme)
        self.view.draw(surface, theme)
        self.chrome.draw_footer(surface, ctx)
