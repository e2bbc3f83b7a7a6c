"""The picker offers the tutorial first, then the scenarios by level and language (the
player's first); a locked scenario shows a padlock and what opens it. In a tutorial the tactic
label is shown beside each option and in the debrief's heading — never spoken."""
from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.bundled import scenarios_dir
from game.loader import load_scenario
from game.ui import flow
from game.ui.app import App
from game.ui.catalog import Entry, is_tutorial, ordered
from game.ui.lines import tactic_label
from tests.ui.conftest import press, settle

TUTORIAL = scenarios_dir() / "tutorial-first-deal.yaml"


def picker(app: App, language: str | None = None) -> list[str]:
    app.ctx.player = "Íñigo"
    app.ctx.settings.language = language
    flow.picker(app.ctx)
    settle(app, 4)
    assert app.top.name == "picker" and app.top.loaded
    return [item.value.scenario.id for item in app.top.menu.items]


def test_the_tutorial_comes_first_then_by_level_and_language(app: App) -> None:
    ids = picker(app)
    assert ids[0] == "tutorial-first-deal"
    entries = {e.scenario.id: e.scenario for e in flow.catalog(app.ctx)}
    levels = ["beginner", "intermediate", "advanced"]
    rest = [entries[i] for i in ids[1:]]
    assert [levels.index(s.difficulty) for s in rest] == sorted(levels.index(s.difficulty)
                                                                  for s in rest)
    for level in levels:  # within a level, English (the player's language) before Spanish
        langs = [s.language for s in rest if s.difficulty == level]
        assert langs == sorted(langs, key=lambda lang: lang != "en")
    assert app.top.menu.focus == 0                # Enter starts the tutorial


def test_a_spanish_player_sees_spanish_first_within_a_level(app: App) -> None:
    ids = picker(app, "es")
    assert ids[0] == "tutorial-first-deal"        # the tutorial still comes first
    entries = {e.scenario.id: e.scenario for e in flow.catalog(app.ctx)}
    for level in ("beginner", "intermediate", "advanced"):
        langs = [entries[i].language for i in ids[1:] if entries[i].difficulty == level]
        assert langs == sorted(langs, key=lambda lang: lang != "es")


def test_ordered_puts_broken_files_last() -> None:
    tutorial = load_scenario(str(TUTORIAL)).scenario
    assert tutorial is not None and is_tutorial(tutorial)
    broken = Entry("a.yaml", None, "a.yaml:1:1: error")
    assert ordered([broken, Entry(str(TUTORIAL), tutorial)]) == [Entry(str(TUTORIAL), tutorial),
                                                                 broken]


def test_a_locked_scenario_has_a_padlock_and_its_reason(app: App) -> None:
    picker(app)
    screen = app.top
    items = screen.menu.items
    locked = [i for i, item in enumerate(items) if not item.enabled]
    assert locked, "a fresh player has scenarios still locked"
    for i in locked:
        item = items[i]
        assert item.locked and screen.menu.numbers[i] is None
        assert item.note.startswith("locked — win the deal and its referral in “")
    northwind = next(item for item in items if item.value.scenario.id == "northwind-logistics")
    assert "“Tutorial: your first qualified prospect”" in northwind.note
    # the padlock is drawn where the number would be: the picture differs from an unlocked one
    index = locked[0]
    picture = screen.menu._pictures[index][0]
    cap = pygame.Rect(screen.menu._pad, screen.menu._pad, screen.menu._cap_w,
                      screen.menu._cap_w)
    colours = {picture.get_at((x, y))[:3] for x in range(cap.left, cap.right)
               for y in range(cap.top, cap.bottom)}
    assert app.ctx.theme.muted in colours


def test_locked_scenarios_read_in_spanish(app: App) -> None:
    picker(app, "es")
    locked = [item for item in app.top.menu.items if item.locked]
    assert locked and all(item.note.startswith("bloqueado: gana la venta y su referencia en «")
                          for item in locked)


@pytest.mark.parametrize("text,label,said", [
    ("[Small talk] Congratulations — how's it going?", "Small talk",
     "Congratulations — how's it going?"),
    ("  [Descubrimiento]  ¿Qué pasa cuando falla una entrega?", "Descubrimiento",
     "¿Qué pasa cuando falla una entrega?"),
    ("How's business?", "", "How's business?"),
    ("[Only a label]", "", "[Only a label]"),
    ("We said [this] mid-sentence.", "", "We said [this] mid-sentence."),
])
def test_tactic_label_splits_the_label_from_the_words(text: str, label: str, said: str) -> None:
    assert tactic_label(text) == (label, said)


def test_the_tutorial_label_is_shown_beside_the_option_never_spoken(
        app: App, rendered: list[str]) -> None:
    tutorial = load_scenario(str(TUTORIAL)).scenario
    assert tutorial is not None
    flow.start(app.ctx, tutorial, 1)
    settle(app)
    press(app, pygame.K_RETURN)                  # the briefing → between meetings
    press(app, pygame.K_1)                       # meet Jo
    screen = app.top
    items = {item.tag: item for item in screen.menu.items if item.tag}
    assert items["Small talk"].label.startswith("Congratulations")
    assert "Small talk" in rendered              # the chip is drawn
    number = screen.menu.numbers[screen.menu.items.index(items["Small talk"])]
    press(app, pygame.K_0 + number)
    said = [s.text for s in screen._shown if s.kind == "you"]
    assert said == ["“Congratulations on the hospital-pharmacy contract — how's it going?”"]
    assert not any("[Small talk]" in text for text in rendered)
    # the debrief names the tactic in the heading of the choice, and quotes the words only
    session = app.ctx.session
    while not session.over:
        options = [i for i, o in session.choices() if o.available]
        session.choose(options[-1])
    flow.debrief(app.ctx)
    settle(app)
    debrief = app.top
    assert debrief.name == "debrief"
    rendered.clear()
    app.ctx.redraw()
    debrief.changed()
    settle(app)
    text = " ".join(rendered)
    assert "Jo Marsh · Small talk" in text and "[Small talk]" not in text
