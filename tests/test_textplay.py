"""The terminal front end, driven by a list of input lines."""
from __future__ import annotations

import io

from game.engine import Game
from game.runtime import Runtime
from game.textplay import MAX_LINE, MAX_WRONG_LINES, TextPlay, line_reader


def run_text(rt: Runtime, answers: list[str], language: str | None = None) -> tuple[Game, str]:
    game = Game(rt, seed=5)
    feed = iter(answers)
    out = io.StringIO()
    TextPlay(game, lambda: next(feed, None), out, language).run()
    return game, out.getvalue()


def test_bad_input_gets_a_hint_and_the_prompt_again(mini_rt: Runtime) -> None:
    game, text = run_text(mini_rt, ["seven", "0", "99", "", "1"])
    assert text.count("Type a number from 1 to 3.") == 4
    assert game.state.path == [{"step": 1, "turn": 1, "kind": "meet", "stakeholder": "dana"}]
    assert game.state.outcome == "abandoned"  # input ended after the first valid choice


def test_end_of_input_abandons_cleanly_with_a_debrief(mini_rt: Runtime) -> None:
    game, text = run_text(mini_rt, [])
    assert game.state.outcome == "abandoned"
    assert "Input ended: the attempt stops here (counted as abandoned)." in text
    assert "DEBRIEF" in text and "Score: " in text


def test_whole_game_to_the_debrief(mini_rt: Runtime) -> None:
    # Meet Dana (1): ask (1), ask who signs (1), pitch overtime (1, ends the meeting);
    # deal board (4): tag Dana influencer, Marta decision-maker, Inés saboteur, back;
    # meet Inés (3): ask (1), counter (1); meet Marta (2): discover (1), pitch (1), close (1);
    # ask for a referral (1).
    answers = ["1", "1", "1", "1",
               "4", "1", "2", "2", "1", "3", "3", "4",
               "3", "1", "1",
               "2", "1", "1", "1",
               "1"]
    game, text = run_text(mini_rt, answers)
    assert game.state.outcome == "won", text
    assert game.state.tags == {"dana": "influencer", "marta": "decision_maker", "ines": "saboteur"}
    assert "Outcome: won — the deal was closed" in text
    assert "Discovery" in text and "20.0 / 20" in text
    assert "Coach: Open questions uncover pains." in text
    assert "Deal closed at 10,000 EUR!" in text


def test_spanish_ui_words_and_accents(mini_rt: Runtime) -> None:
    game, text = run_text(mini_rt, ["2", "1"], language="es")
    assert "¿Con quién te reúnes?" in text
    assert "Objeción de Inés Núñez" in text
    assert "¿Otra herramienta más?" in text
    assert "ANÁLISIS FINAL" in text


def test_a_flood_of_lines_that_are_not_choices_stops_play(mini_rt: Runtime) -> None:
    game, text = run_text(mini_rt, ["1"] + ["x"] * (MAX_WRONG_LINES + 50))
    assert text.count("Type a number from 1 to") == MAX_WRONG_LINES
    assert f"{MAX_WRONG_LINES} lines in a row were not a choice" in text
    assert game.state.outcome == "abandoned" and len(game.state.path) == 1
    _, fine = run_text(mini_rt, (["x"] * (MAX_WRONG_LINES - 1) + ["1"]) * 3)
    assert "in a row were not a choice" not in fine  # the count starts again after a choice


def test_a_huge_line_is_cut_and_the_rest_skipped() -> None:
    stream = io.StringIO("7" * (MAX_LINE * 50) + "\n2\n")
    read = line_reader(stream)
    first = read()
    assert first is not None and len(first) == MAX_LINE
    assert read() == "2\n" and read() is None
    short = line_reader(io.StringIO("1\n2"))
    assert [short(), short(), short()] == ["1\n", "2", None]


def test_a_tutorial_tactic_label_is_shown_but_never_spoken() -> None:
    from game.loader import load_scenario

    rt = Runtime(load_scenario("scenarios/tutorial-first-deal.yaml").scenario)
    game = Game(rt, seed=5)
    game.choose_key("meet:" + next(s for s in rt.scenario.stakeholders
                                   if rt.first_plan[s].specs and any(
                                       sp.choice.text.startswith("[Small talk]")
                                       for sp in rt.first_plan[s].specs)))
    small = next(i for i, o in enumerate(game.options()) if o.text.startswith("[Small talk]"))
    feed = iter([str(small + 1)])
    out = io.StringIO()
    TextPlay(game, lambda: next(feed, None), out, None).run()
    text = out.getvalue()
    assert "[Small talk] Congratulations" in text          # in the list of options
    assert "You: “Congratulations on the hospital-pharmacy" in text  # said without it
    assert "You: “[Small talk]" not in text
