"""F5 in the window: the scenario file read again and restarted (same seed), or its problems on
screen as `file:line:col: level: message` lines while the attempt under way stays untouched."""
from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest

from game.loader import load_scenario
from game.ui import flow
from game.ui.app import App
from tests.conftest import MINI
from tests.ui.conftest import press, settle


@pytest.fixture()
def copy(tmp_path: Path) -> Path:
    path = tmp_path / "deal.yaml"
    path.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def begin(app: App, path: Path, seed: int = 7) -> None:
    """Start the scenario at `path` as `play PATH` does, and go to the meeting screen."""
    scenario = load_scenario(path).scenario
    assert scenario is not None
    flow.start(app.ctx, scenario, seed, path=str(path))
    settle(app)
    press(app, pygame.K_RETURN)
    assert app.top.name == "meeting"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def drawn(app: App) -> set[str]:
    """Every text the window has drawn since the font cache was last emptied."""
    return {str(key[0]) for key in app.ctx.fonts._cache}


def forget_drawn(app: App) -> None:
    app.ctx.fonts._cache.clear()


def test_f5_with_a_changed_file_restarts_it_with_the_same_seed(app: App, copy: Path) -> None:
    begin(app, copy)
    press(app, pygame.K_1)                       # meet Dana
    press(app, pygame.K_1)                       # a question
    assert app.ctx.session.game.state.path
    edit(copy, "title: Mini deal", "title: Médium deal")
    forget_drawn(app)
    press(app, pygame.K_F5)
    session = app.ctx.session
    assert app.top.name == "briefing" and len(app.stack) == 1
    assert session.scenario.title == "Médium deal" and session.seed == 7
    assert session.game.state.path == [] and session.game.state.turn == 0
    assert session.path == str(copy)
    assert "Médium deal" in drawn(app)           # the new title is on screen
    assert "seed 7" in app.ctx.toast_text
    press(app, pygame.K_RETURN)
    press(app, pygame.K_1)
    assert app.ctx.session.game.state.meeting_with == "dana"


def test_f5_with_a_broken_file_shows_located_problems_and_touches_nothing(
        app: App, copy: Path) -> None:
    begin(app, copy)
    press(app, pygame.K_1)
    press(app, pygame.K_1)
    session = app.ctx.session
    before = json.dumps(session.game.state.to_dict(), sort_keys=True)
    edit(copy, "turns: 4", "turns: four")
    forget_drawn(app)
    press(app, pygame.K_F5)
    screen = app.top
    assert screen.name == "reload-errors" and app.stack[-2].name == "meeting"
    line = copy.read_text(encoding="utf-8").splitlines().index("turns: four") + 1
    assert screen.lines == [f"{copy}:{line}:8: error: 'turns' must be a whole number, not the "
                            "text 'four' [wrong-type]"]
    shown = drawn(app)
    assert screen.lines[0] in shown                               # the problem, wrapped
    assert "Fix the file and press F5 again; Esc to go back." in shown
    assert app.ctx.session is session
    assert json.dumps(session.game.state.to_dict(), sort_keys=True) == before
    press(app, pygame.K_ESCAPE)                  # back to the attempt, as it was
    assert app.top.name == "meeting" and app.ctx.session is session
    assert json.dumps(session.game.state.to_dict(), sort_keys=True) == before


def test_f5_again_retries_until_the_file_is_fixed_then_plays(app: App, copy: Path) -> None:
    begin(app, copy)
    edit(copy, "turns: 4", "turns: four")
    press(app, pygame.K_F5)
    assert app.top.name == "reload-errors" and len(app.top.lines) == 1
    edit(copy, "role: saboteur", "role: sabotuer")  # worse: two problems now
    press(app, pygame.K_F5)
    assert app.top.name == "reload-errors" and len(app.top.lines) == 2
    assert [name for name in (s.name for s in app.stack)].count("reload-errors") == 1
    assert "did you mean 'saboteur'?" in app.top.lines[1]
    edit(copy, "turns: four", "turns: 5")
    edit(copy, "role: sabotuer", "role: saboteur")
    press(app, pygame.K_F5)
    assert app.top.name == "briefing"
    assert app.ctx.session.scenario.turns == 5
    press(app, pygame.K_RETURN)
    press(app, pygame.K_1)
    assert app.ctx.session.game.state.meeting_with == "dana"


def test_broken_yaml_and_a_vanished_file_are_shown_not_raised(app: App, copy: Path) -> None:
    begin(app, copy)
    copy.write_text("id: [unclosed\n", encoding="utf-8")
    press(app, pygame.K_F5)
    assert app.top.name == "reload-errors"
    assert app.top.lines[0].startswith(f"{copy}:1:5: error: the [ opened here is never closed")
    copy.unlink()
    press(app, pygame.K_F5)
    assert app.top.lines == [f"{copy}:1:1: error: no such file — check the path and its "
                             "spelling [no-file]"]


@pytest.mark.parametrize("where", ["briefing", "board", "debrief"])
def test_f5_works_from_the_briefing_the_board_and_the_debrief(app: App, copy: Path,
                                                               where: str) -> None:
    scenario = load_scenario(copy).scenario
    flow.start(app.ctx, scenario, 3, path=str(copy))
    settle(app)
    if where == "board":
        press(app, pygame.K_RETURN)
        press(app, pygame.K_d)
    elif where == "debrief":
        app.ctx.session.game.abandon()
        flow.debrief(app.ctx)
        settle(app)
    assert app.top.name == where
    hints = [h.key for h in app.top.chrome.footer.hints]
    assert "F5" in hints
    edit(copy, "title: Mini deal", "title: Reloaded deal")
    press(app, pygame.K_F5)
    assert app.top.name == "briefing"
    assert app.ctx.session.scenario.title == "Reloaded deal"
    assert app.ctx.session.seed == 3 and not app.ctx.session.over


def test_without_a_file_f5_says_so_and_the_hint_is_not_shown(app: App) -> None:
    flow.start(app.ctx, load_scenario(MINI).scenario, 1)   # no path: nothing to read again
    settle(app)
    assert "F5" not in [h.key for h in app.top.chrome.footer.hints]
    session = app.ctx.session
    press(app, pygame.K_F5)
    assert app.top.name == "briefing" and app.ctx.session is session
    assert "no scenario file" in app.ctx.toast_text


def test_f5_is_not_a_shortcut_on_other_screens(app: App, copy: Path) -> None:
    begin(app, copy)
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "pause"
    edit(copy, "title: Mini deal", "title: Other")
    press(app, pygame.K_F5)
    assert app.top.name == "pause" and app.ctx.session.scenario.title == "Mini deal"
