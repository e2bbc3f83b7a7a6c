"""A buying-centre member as a card: drawn portrait, name, title, mood (shape + word) and the
trainee's role tag. Used by the meeting screen and the deal board."""
from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.board import PersonCard
from game.ui import widgets
from game.ui.context import Context
from game.ui.fonts import Fonts
from game.ui.portrait import portrait
from game.ui.theme import Colour


@dataclass(frozen=True)
class CardLook:
    """What to emphasise on a card."""

    current: bool = False   # the person being met now
    selected: bool = False  # keyboard selection on the deal board
    compact: bool = False   # one line of details instead of three
    show_tag: bool = True   # the deal board shows tags as chips instead


def card_lines(ctx: Context, card: PersonCard) -> tuple[str, str, str]:
    """The mood word, the tag text and the availability note for `card`."""
    words, t = ctx.words, ctx.text
    mood = words.get(f"mood-{card.mood}")
    tag = words.get(f"role-{card.tag}") if card.tag else words.get("role-none")
    note = "" if card.available else t.get("needs-intro")
    return mood, f"{t.get('tag')}: {tag}", note


def draw_card(surface: pygame.Surface, ctx: Context, rect: pygame.Rect, card: PersonCard,
              look: CardLook = CardLook()) -> None:
    """Paint `card` in `rect`."""
    theme, fonts = ctx.theme, ctx.fonts
    border = theme.accent if look.current else None
    widgets.panel(surface, rect, theme, fill=theme.panel_alt if look.current else theme.panel,
                  border=border, width=3 if look.current else None, radius=8)
    if look.selected:
        widgets.focus_ring(surface, rect, theme)
    pad = ctx.px(8)
    size = max(16, min(rect.h - 2 * pad, ctx.px(64)))
    face = portrait(fonts, card.id, card.name, size, ctx.settings.high_contrast)
    surface.blit(face, (rect.x + pad, rect.y + pad if look.compact else rect.centery - size // 2))
    x = rect.x + pad + size + ctx.px(10)
    room = rect.right - pad - x
    mood, tag, note = card_lines(ctx, card)
    dim = not card.available
    y = rect.y + pad
    name_colour = theme.muted if dim else theme.text
    name = fonts.render_fit(card.name, "strong", name_colour, room)
    surface.blit(name, (x, y))
    y += name.get_height()
    if look.current:  # the thick border says it too; the words only where they fit
        label = "● " + ctx.text.get("in-meeting")
        if fonts.width(label, "tiny") > room - name.get_width() - pad:
            label = "●"
        here = fonts.render(label, "tiny", theme.accent)
        surface.blit(here, (x + name.get_width() + pad, y - name.get_height() +
                            (name.get_height() - here.get_height()) // 2))
    line = fonts.line_height("small")
    tag_h = fonts.line_height("tiny") + ctx.px(4) if look.show_tag and not look.compact else 0
    spare = rect.bottom - pad - y - line - tag_h  # room left for the title (and wrapping)
    if not look.compact:
        title = _text(fonts, card.title, "small", theme.muted, room, spare - line)
        surface.blit(title, (x, y))
        y += title.get_height()
    icon = max(8, line * 3 // 5)
    widgets.mood_icon(surface, (x + icon // 2, y + line // 2), icon, card.mood,
                      theme.mood(card.mood))
    mood_text = _text(fonts, note or mood, "small", theme.muted if dim else theme.text,
                      room - icon - ctx.px(6), rect.bottom - pad - y - tag_h - line)
    surface.blit(mood_text, (x + icon + ctx.px(6), y))
    y += mood_text.get_height()
    if look.compact or not look.show_tag:
        return
    tag_text = fonts.render_fit(tag, "tiny", theme.text if card.tag else theme.muted, room)
    chip = pygame.Rect(x, y + 1, tag_text.get_width() + ctx.px(10), tag_text.get_height() + 2)
    if chip.bottom <= rect.bottom - 2:
        pygame.draw.rect(surface, theme.panel_alt if card.tag else theme.panel, chip,
                         border_radius=4)
        pygame.draw.rect(surface, theme.accent if card.tag else theme.border, chip, 1,
                         border_radius=4)
        surface.blit(tag_text, (chip.x + ctx.px(5), chip.y + 1))


def _text(fonts: Fonts, words: str, style: str, colour: Colour, width: int,
          extra: int) -> pygame.Surface:
    """`words` on one line; wrapped onto a second line when it is too wide and `extra` pixels
    of height allow; else cut with an ellipsis."""
    if fonts.width(words, style) <= width:
        return fonts.render(words, style, colour)
    if extra >= fonts.line_height(style):
        wrapped = fonts.render(words, style, colour, width)
        if wrapped.get_height() <= 2 * fonts.line_height(style) + 2:
            return wrapped
    return fonts.render_fit(words, style, colour, width)


def card_height(ctx: Context, compact: bool = False, show_tag: bool = True) -> int:
    """The height a card needs to show everything."""
    fonts = ctx.fonts
    if compact:
        return fonts.line_height("strong") + fonts.line_height("small") + ctx.px(16)
    tag = fonts.line_height("tiny") + ctx.px(4) if show_tag else 0
    return fonts.line_height("strong") + fonts.line_height("small") * 2 + tag + ctx.px(16)
