"""From the title to the briefing, the pause menu, and keeping and resuming attempts."""
from __future__ import annotations

import shutil
from pathlib import Path

import pygame

from game.schema import Scenario
from game.store import open_store
from game.ui import flow
from game.ui.app import App
from tests.conftest import MINI
from tests.ui.conftest import press, settle, type_text


def to_picker(app: App, tmp_path: Path, name: str = "Íñigo Peña") -> None:
    folder = tmp_path / "scenarios"
    folder.mkdir()
    shutil.copy(MINI, folder / "mini.yaml")
    app.ctx.scenario_folder = folder
    flow.title(app.ctx)
    settle(app)
    assert app.top.name == "title"
    press(app, pygame.K_RETURN)
    assert app.top.name == "name" and app.top.wants_text_input
    type_text(app, name)
    press(app, pygame.K_RETURN)
    assert app.top.name == "picker"
    settle(app, 4)                               # "Loading…", then the list
    assert app.top.loaded


def test_title_name_picker_briefing(app: App, tmp_path: Path) -> None:
    to_picker(app, tmp_path)
    assert app.ctx.player == "Íñigo Peña"
    item = app.top.menu.items[0]
    assert item.label == "Mini deal"
    assert "EN" in item.note and "best: —" in item.note and "15 min" in item.note
    press(app, pygame.K_1)
    assert app.top.name == "briefing"
    assert app.ctx.session.scenario.id == "mini"


def test_typed_name_keeps_accents_and_backspace_edits(app: App) -> None:
    flow.player_name(app.ctx)
    settle(app)
    for part in ("Ma", "ñ", "ú", "x"):
        type_text(app, part)
    press(app, pygame.K_BACKSPACE)
    assert app.top.value == "Mañú"
    press(app, pygame.K_m)                       # a letter key is text here, not "mute"
    assert app.ctx.settings.muted is True        # unchanged (the fixture starts muted)


def test_an_empty_name_is_refused(app: App) -> None:
    flow.player_name(app.ctx)
    settle(app)
    type_text(app, "   ")
    press(app, pygame.K_RETURN)
    assert app.top.name == "name" and app.top.warning


def test_quitting_mid_scenario_keeps_the_attempt_and_the_picker_offers_it(
        app: App, tmp_path: Path) -> None:
    to_picker(app, tmp_path, "Ana")
    press(app, pygame.K_1)                       # the scenario
    press(app, pygame.K_RETURN)                  # past the briefing
    press(app, pygame.K_1)                       # meet Dana
    press(app, pygame.K_1)                       # ask about routes
    turn = app.ctx.session.game.state.turn
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "pause"
    press(app, pygame.K_3)                       # quit to the title
    assert app.top.name == "title"
    with open_store(app.ctx.data_dir) as store:
        kept = store.unfinished("Ana", "mini")
        assert kept is not None and kept.steps == 2
    press(app, pygame.K_RETURN)
    type_text(app, "")                           # the name is remembered
    press(app, pygame.K_RETURN)
    settle(app, 4)
    press(app, pygame.K_1)
    assert app.top.name == "resume"
    press(app, pygame.K_1)                       # resume it
    assert app.top.name == "briefing"
    state = app.ctx.session.game.state
    assert state.turn == turn and "overtime" in state.needs_known
    press(app, pygame.K_RETURN)
    shown = [s.text for s in app.top._shown]     # the meeting as it was, then a note
    assert shown[0] == "Turn 1: you meet Dana Ruiz."
    said = shown.index("“Hello there.”")
    asked = shown.index("“How do you plan routes today?”")
    assert said < asked and any("Overtime re-planning routes" in t for t in shown[asked:])
    assert shown[-1].startswith("Attempt resumed: turn 1")
    assert app.top.talk.scroll == app.top.talk.max_scroll  # where they were: the bottom


def test_restart_from_the_pause_menu_starts_over(app: App, tmp_path: Path) -> None:
    to_picker(app, tmp_path, "Ana")
    press(app, pygame.K_1)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_1)
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_2)                       # restart
    assert app.top.name == "briefing"
    assert app.ctx.session.game.state.path == []


def test_a_finished_attempt_gives_a_best_score(app: App, tmp_path: Path) -> None:
    to_picker(app, tmp_path, "Ana")
    press(app, pygame.K_1)
    press(app, pygame.K_RETURN)
    session = app.ctx.session
    while not session.over:
        press(app, pygame.K_1)                   # first option every time, to the end
        if app.top.name == "outcome":
            press(app, pygame.K_1)
    settle(app)
    assert app.top.name == "debrief"
    press(app, pygame.K_n)                       # next → the picker
    settle(app, 4)
    best = session.debrief().score.total
    assert f"best: {best:.0f}" in app.top.menu.items[0].note


def test_closing_the_window_stops_the_loop(app: App) -> None:
    flow.title(app.ctx)
    settle(app)
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    app.run()
    assert not app.running


def test_a_broken_scenario_is_listed_disabled_with_what_to_do(app: App, tmp_path: Path) -> None:
    folder = tmp_path / "scenarios"
    folder.mkdir()
    shutil.copy(MINI, folder / "mini.yaml")
    (folder / "broken.yaml").write_text("id: broken\ntitle: [unclosed\n", encoding="utf-8")
    app.ctx.scenario_folder = folder
    app.ctx.player = "Ana"
    flow.picker(app.ctx)
    settle(app, 4)
    items = app.top.menu.items
    broken = next(i for i in items if i.label == "broken.yaml")
    assert not broken.enabled and "validate" in broken.note
    assert app.top.menu.numbers[items.index(broken)] is None


def test_the_game_still_plays_when_results_cannot_be_saved(app: App, tmp_path: Path,
                                                           mini: Scenario) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    app.ctx.data_dir = blocker
    app.ctx.player = "Ana"
    flow.start(app.ctx, mini, 1)
    settle(app)
    assert app.top.name == "briefing"
    assert app.ctx.session.attempt is None and app.ctx.toast_text  # says why
    press(app, pygame.K_RETURN)
    press(app, pygame.K_1)
    assert app.ctx.session.game.state.meeting_with == "dana"


def test_resumed_between_meetings_shows_the_last_meeting(
        app: App, tmp_path: Path) -> None:
    to_picker(app, tmp_path, "Ana")
    press(app, pygame.K_1)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_3)                       # meet Inés
    press(app, pygame.K_1)                       # "What worries you?": an objection
    leave = next(i for i, item in enumerate(app.top.menu.items) if item.value == "leave")
    press(app, pygame.K_0 + app.top.menu.numbers[leave])
    press(app, pygame.K_1)                       # meet Dana (turn 2)
    press(app, pygame.K_3)                       # a premature pitch that ends the meeting
    assert app.ctx.session.game.state.phase == "between"
    seen = [s.text for s in app.top._shown]
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_3)                       # quit to the title
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)
    settle(app, 4)
    press(app, pygame.K_1)
    press(app, pygame.K_1)                       # resume
    press(app, pygame.K_RETURN)
    shown = [s.text for s in app.top._shown]
    last_meeting = max(i for i, text in enumerate(seen) if " you meet " in text)
    assert shown[:-1] == seen[last_meeting:]     # exactly what was on screen for Dana's meeting
    assert "“What worries you?”" not in shown    # earlier meetings are not repeated
    assert shown[-1].startswith("Attempt resumed: turn 2")


def test_the_picker_fixes_a_cast_for_a_class(app: App, tmp_path: Path) -> None:
    folder = tmp_path / "scenarios"
    folder.mkdir()
    (folder / "mini.yaml").write_text(MINI.read_text(encoding="utf-8") + """\
variants:
  casts:
    - name: marta-signs
      roles: {marta: decision_maker}
    - name: dana-signs
      roles: {dana: decision_maker, marta: influencer}
""", encoding="utf-8")
    app.ctx.scenario_folder = folder
    app.ctx.player = "Ana"
    flow.picker(app.ctx)
    settle(app, 4)
    assert "cast drawn by the seed" in app.top.menu.items[0].note
    press(app, pygame.K_c)
    press(app, pygame.K_c)
    settle(app)
    assert app.ctx.casts == {"mini": "dana-signs"}
    assert "cast: dana-signs" in app.top.menu.items[0].note
    press(app, pygame.K_1)
    assert app.top.name == "briefing"
    assert app.ctx.session.game.rt.decision_maker == "dana"
    press(app, pygame.K_c)  # not the picker: nothing happens to the casts
    assert app.ctx.casts == {"mini": "dana-signs"}
