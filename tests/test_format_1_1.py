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


RETURNS = """\
format: 1.1
id: returns
title: Returns
language: es
account: {company: Panadería Núñez, product: TurnoPlan}
briefing: Una reunión con idas y vueltas.
turns: 3
close: {stance: 0.5, interest: 1, needs: 1}
needs:
  overtime: {text: Horas extra, benefit: back_end_savings}
stakeholders:
  pauline:
    name: Pauline Ibáñez
    title: Directora
    role: decision_maker
    cares_about: [overtime]
    conversation:
      start: hello
      nodes:
        hello:
          say: Buenos días. ¿De qué quiere hablar?
          choices:
            - text: De sus turnos.
              tactic: discovery
              effects: {reveal_needs: [overtime]}
              next: rota
            - text: De su equipo.
              tactic: discovery
              next: team
            - text: ¿Qué tal el negocio?
              tactic: small_talk
        rota:
          say: Los viernes pagamos horas extra.
          say_again: Como le decía, los viernes.
          choices:
            - text: Volvamos al principio.
              tactic: small_talk
              next: hello
            - text: Sigamos con los turnos.
              tactic: small_talk
              next: rota
        team:
          say: Somos doce.
          choices:
            - text: ¿Y los turnos?
              tactic: discovery
              next: rota
"""


@pytest.fixture()
def returns() -> Runtime:
    result = load_scenario_text(RETURNS, "returns.yaml")
    assert result.errors == [], [p.format() for p in result.errors]
    assert result.scenario is not None
    return Runtime(result.scenario)


def test_a_return_in_the_same_meeting_does_not_repeat_the_node_s_line(returns: Runtime) -> None:
    game = Game(returns)
    assert said(game.choose_key("meet:pauline")) == ["Buenos días. ¿De qué quiere hablar?"]
    assert said(game.choose_key("pauline/hello/0")) == \
        ["Los viernes pagamos horas extra."]
    lines = game.choose_key("pauline/rota/0")  # back to hello, which has no say_again
    assert said(lines) == []
    assert game.state.node == "hello" and {o.key for o in game.available()} >= {
        "pauline/hello/1", "pauline/hello/2"}  # the options simply show
    assert said(game.choose_key("pauline/hello/1")) == ["Somos doce."]  # a first arrival
    # back at rota, which has a say_again: that is said, not the first line
    assert said(game.choose_key("pauline/team/0")) == ["Como le decía, los viernes."]


def test_staying_on_a_node_says_nothing(returns: Runtime) -> None:
    game = Game(returns)
    game.choose_key("meet:pauline")
    assert said(game.choose_key("pauline/hello/2")) == []  # no `next`: stays on hello
    game.choose_key("pauline/hello/0")
    assert said(game.choose_key("pauline/rota/1")) == []  # `next` naming its own node


def test_a_new_meeting_arrives_afresh(returns: Runtime) -> None:
    game = Game(returns)
    game.choose_key("meet:pauline")
    game.choose_key("pauline/hello/0")
    game.choose_key("leave")
    assert said(game.choose_key("meet:pauline")) == ["Buenos días. ¿De qué quiere hablar?"]
    # rota was visited in the first meeting only: arriving there now is a later meeting's arrival
    game.choose_key("pauline/hello/1")
    assert said(game.choose_key("pauline/team/0")) == ["Como le decía, los viernes."]
    assert said(game.choose_key("pauline/rota/0")) == []  # hello was visited in this meeting


def test_a_restored_attempt_remembers_where_the_meeting_has_been(returns: Runtime) -> None:
    from game.state import PlayState
    game = Game(returns)
    game.choose_key("meet:pauline")
    game.choose_key("pauline/hello/0")
    restored = Game(returns, state=PlayState.from_dict(game.state.to_dict()))
    assert said(restored.choose_key("pauline/rota/0")) == []


def test_a_format_1_file_repeats_the_line_on_a_return_as_before() -> None:
    text = RETURNS.replace("format: 1.1", "format: 1").replace(
        "          say_again: Como le decía, los viernes.\n", "")
    result = load_scenario_text(text, "returns.yaml")
    assert result.errors == [] and result.scenario is not None
    game = Game(Runtime(result.scenario))
    game.choose_key("meet:pauline")
    game.choose_key("pauline/hello/0")
    assert said(game.choose_key("pauline/rota/0")) == ["Buenos días. ¿De qué quiere hablar?"]
    game.choose_key("pauline/hello/1")
    assert said(game.choose_key("pauline/team/0")) == ["Los viernes pagamos horas extra."]
    assert said(game.choose_key("pauline/rota/1")) == []  # staying says nothing, as before
