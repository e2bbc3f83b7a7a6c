"""The debrief: bars drawn to the score, the timeline with marks, replay and next."""
from __future__ import annotations

import pygame

from game.schema import Scenario
from game.ui import flow
from game.ui.app import App
from tests.conftest import MINI_TAGS, MINI_WIN
from tests.ui.conftest import press, settle, start


def finish_mini(app: App, mini: Scenario, *, tag: bool = True, win: bool = True) -> None:
    """Play the winning path of mini.yaml (or stop early), then show the debrief."""
    start(app, mini)
    game = app.ctx.session.game
    for key in MINI_WIN if win else MINI_WIN[:4]:
        game.choose_key(key)
        if tag and key.startswith("meet:") and not game.over:
            game.tag(key[5:], MINI_TAGS[key[5:]])
    if game.state.phase == "after_close":
        game.choose_key("referral:ask")
    if not game.over:
        game.abandon()
    flow.debrief(app.ctx)
    settle(app)
    assert app.top.name == "debrief"


def filled_width(surface: pygame.Surface, track: pygame.Rect, colour: tuple[int, int, int]) -> int:
    """How many pixels along the middle of `track` are painted in the bar colour."""
    y = track.centery
    return sum(1 for x in range(track.x, track.right) if surface.get_at((x, y))[:3] == colour)


def test_each_bar_is_as_long_as_its_score(app: App, mini: Scenario) -> None:
    finish_mini(app, mini)
    screen = app.top
    surface = pygame.display.get_surface()
    colour = app.ctx.theme.accent
    report = screen.report
    assert screen.bars, "no competency bars drawn"
    for name, track in screen.bars.items():
        got, top = report.score.competencies[name]
        expected = round(track.w * got / top)
        assert abs(filled_width(surface, track, colour) - expected) <= 2, name
    total = filled_width(surface, screen.total_bar, colour)
    assert abs(total - round(screen.total_bar.w * report.score.total / 100)) <= 2


def test_bars_differ_when_scores_differ(app: App, mini: Scenario) -> None:
    finish_mini(app, mini, win=False)
    screen = app.top
    surface = pygame.display.get_surface()
    closing = screen.bars["closing"]
    assert screen.report.score.competencies["closing"][0] == 0
    assert filled_width(surface, closing, app.ctx.theme.accent) == 0


def test_timeline_lists_every_choice_and_the_missed_opportunities(app: App,
                                                                  mini: Scenario) -> None:
    finish_mini(app, mini, tag=False)
    screen = app.top
    report = screen.report
    assert len(report.timeline) == sum(1 for k in MINI_WIN if not k.startswith("meet:"))
    assert report.missed, "untagged roles should be missed opportunities"
    # the verdict, what cost points, the heading, a block per choice and per missed opportunity
    assert len(screen.view.blocks) == 3 + len(report.timeline) + len(report.missed)  # + losses
    assert (report.verdict.passed, report.verdict.reason) == (True, "passed")


def test_the_timeline_scrolls_with_keys(app: App, mini: Scenario) -> None:
    app.ctx.settings.text_scale = 5           # big text: the timeline overflows
    app.ctx.relayout()
    finish_mini(app, mini, tag=False)
    view = app.top.view
    assert view.max_scroll > 0
    press(app, pygame.K_PAGEDOWN)
    assert view.scroll > 0
    press(app, pygame.K_END)
    assert view.scroll == view.max_scroll
    press(app, pygame.K_HOME)
    assert view.scroll == 0


def test_replay_starts_the_same_scenario_and_seed_again(app: App, mini: Scenario) -> None:
    finish_mini(app, mini)
    seed = app.ctx.session.seed
    press(app, pygame.K_r)
    assert app.top.name == "briefing"
    assert app.ctx.session.seed == seed and app.ctx.session.game.state.path == []


def test_next_goes_to_the_picker_in_the_window(app: App, mini: Scenario) -> None:
    app.ctx.scenario_folder = None
    app.ctx.catalog = []                        # no bundled scenarios needed here
    finish_mini(app, mini, win=False)
    press(app, pygame.K_n)
    assert app.top.name == "picker"


def test_play_mode_offers_no_next_scenario(app: App, mini: Scenario) -> None:
    """`play PATH` in the window: the debrief's menu has no "next", so neither has its footer,
    and N does nothing."""
    app.ctx.play_mode = True
    finish_mini(app, mini)
    screen = app.top
    assert "next" not in {item.value for item in screen.menu.items}
    assert all(hint.code != pygame.K_n for hint in screen.chrome.footer.hints)
    press(app, pygame.K_n)
    assert app.top is screen
