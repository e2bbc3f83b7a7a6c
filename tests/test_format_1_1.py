"""Format 1.1 (issue 14): a later meeting opens with `say_again`, conditions tell the first
meeting with someone from a later one, and a close's feedback follows its outcome."""
from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import Game
from game.loader import load_scenario, load_scenario_text
from game.runtime import Runtime
from game.scoring import debrief

ROOT = Path(__file__).resolve().parent.parent

SCENARIO = """\
format: 1.1
id: later-meetings
title: Later meetings
language: es
account: {company: Panadería Núñez, product: TurnoPlan}
briefing: Dos reuniones con Pauline.
turns: 4
close: {stance: 0.5, interest: 1, needs: 1}
needs:
  overtime: {text: Horas extra, benefit: back_end_savings}
stakeholders:
  pauline:
    name: Pauline Ibáñez
    title: Directora
    role: decision_maker
    stance: 0.0
    cares_about: [overtime]
    conversation:
      start: hello
      nodes:
        hello:
          say: Me dicen que trae cifras. ¿Empezamos?
          say_again: ¿Otra vez por aquí? ¿Dónde lo dejamos?
          choices:
            - id: ask
              text: ¿Qué les cuesta más hoy?
              tactic: discovery
              if: {meeting: first}
              effects: {reveal_needs: [overtime], interest: 1,
                        role_hints: [{about: pauline, text: Firma ella.}]}
              next: end
            - id: resume
              text: Retomemos lo de las horas extra.
              tactic: pitch
              if: {meeting: later, needs_known: [overtime]}
              effects: {pitch: [overtime], stance: 0.6}
            - id: close
              text: ¿Firmamos?
              tactic: close
              if: {meeting: later}
              feedback: Cerrar sin más.
              feedback_won: Cerró cuando ella estaba convencida.
              feedback_failed: Cerró antes de convencerla.
"""


@pytest.fixture()
def rt() -> Runtime:
    result = load_scenario_text(SCENARIO, "later.yaml")
    assert result.errors == [], [p.format() for p in result.errors]
    assert result.scenario is not None
    return Runtime(result.scenario)


def said(lines: list) -> list[str]:  # type: ignore[type-arg]
    return [line.text for line in lines if line.kind == "say"]


def test_a_later_meeting_opens_with_say_again_not_the_greeting(rt: Runtime) -> None:
    game = Game(rt)
    assert said(game.choose_key("meet:pauline")) == ["Me dicen que trae cifras. ¿Empezamos?"]
    game.choose_key("pauline/hello/0")
    lines = game.choose_key("meet:pauline")
    assert said(lines) == ["¿Otra vez por aquí? ¿Dónde lo dejamos?"]
    assert game.current_line() is not None
    assert game.current_line().text == "¿Otra vez por aquí? ¿Dónde lo dejamos?"


def test_meeting_first_and_later_open_and_close_choices(rt: Runtime) -> None:
    game = Game(rt)
    game.choose_key("meet:pauline")
    shown = {o.key: o for o in game.options()}
    assert shown["pauline/hello/0"].available
    assert not shown["pauline/hello/1"].available
    assert shown["pauline/hello/2"].reason == ("meeting-later", {})
    game.choose_key("pauline/hello/0")
    game.choose_key("meet:pauline")
    shown = {o.key: o for o in game.options()}
    assert shown["pauline/hello/1"].available and shown["pauline/hello/2"].available


@pytest.mark.parametrize(("pitch_first", "outcome", "feedback"), [
    (True, "won", "Cerró cuando ella estaba convencida."),
    (False, "lost", "Cerró antes de convencerla."),
])
def test_the_debrief_gives_the_feedback_of_the_close_s_outcome(
        rt: Runtime, pitch_first: bool, outcome: str, feedback: str) -> None:
    game = Game(rt)
    game.choose_key("meet:pauline")
    game.choose_key("pauline/hello/0")
    game.tag("pauline", "decision_maker")
    game.choose_key("meet:pauline")
    if pitch_first:
        game.choose_key("pauline/hello/1")
    game.choose_key("pauline/hello/2")
    if not pitch_first:  # a second failed close ends the attempt
        game.choose_key("meet:pauline")
        game.choose_key("pauline/hello/2")
    assert game.state.outcome == outcome
    closes = [e for e in debrief(rt, game.state).timeline if e["tactic"] == "close"]
    assert closes and {e["feedback"] for e in closes} == {feedback}


def test_format_1_files_still_load_and_the_new_keys_are_optional() -> None:
    result = load_scenario(ROOT / "docs" / "example.yaml")
    assert result.scenario is not None and result.scenario.format == 1
    for version in ("1", "1.1"):
        text = SCENARIO.replace("format: 1.1", f"format: {version}")
        assert load_scenario_text(text, "x.yaml").scenario is not None


def test_an_unknown_meeting_word_is_refused_with_the_choices() -> None:
    text = SCENARIO.replace("if: {meeting: first}", "if: {meeting: second}")
    [problem] = load_scenario_text(text, "x.yaml").errors
    assert problem.code == "bad-value" and "first, later" in problem.message
