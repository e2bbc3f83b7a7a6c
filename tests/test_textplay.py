"""The terminal front end, driven by a list of input lines."""
from __future__ import annotations

import io

from game.engine import Game
from game.runtime import Runtime
from game.textplay import TextPlay


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
