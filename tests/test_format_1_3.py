"""Format 1.3 (issue 14, item 6): interest builds over the deal — one level a meeting at most —
and an objection never raised by someone the trainee met does not count against them. Older
files play and score as before."""
from __future__ import annotations

import pytest

from game.engine import Game
from game.i18n import Words
from game.loader import load_scenario_text
from game.losses import points_lost
from game.runtime import Runtime
from game.scoring import score
from game.state import PlayState

SCENARIO = """\
format: 1.3
id: builds
title: El interés crece
language: es
account: {company: Panadería Núñez, product: TurnoPlan, deal_value: 12000}
briefing: Tres reuniones para cerrar con Pauline; Íñigo no quiere cambiar nada.
turns: 5
close: {stance: 0.3, interest: 3, needs: 1}
needs:
  overtime: {text: Horas extra, benefit: back_end_savings}
objections:
  cambio:
    text: Esto ya funciona; ¿para qué cambiar?
    raised_by: inigo
    counters: [piloto]
stakeholders:
  pauline:
    name: Pauline Ibáñez
    title: Directora
    role: decision_maker
    stance: 0.4
    cares_about: [overtime]
    conversation:
      start: hello
      nodes:
        hello:
          say: Me dicen que trae cifras.
          choices:
            - text: ¿Qué les cuesta más hoy?
              tactic: discovery
              effects: {reveal_needs: [overtime], interest: 2,
                        role_hints: [{about: pauline, text: Firma ella.}]}
            - text: Le ahorra las horas extra del cierre de mes.
              tactic: pitch
              effects: {pitch: [overtime]}
            - text: ¿Firmamos?
              tactic: close
              once: false
  inigo:
    name: Íñigo Sáez
    title: Jefe de turno
    role: saboteur
    stance: -0.2
    conversation:
      start: hello
      nodes:
        hello:
          say: Yo no veo el problema.
          choices:
            - text: ¿Qué le preocupa del cambio?
              tactic: discovery
              if: {needs_known: [overtime]}   # offered once the need is known
              effects: {raise_objections: [cambio], role_hints: [{about: inigo, text: Frena todo.}]}
            - text: Un piloto de un mes, sin compromiso.
              tactic: counter
              if: {objections_open: [cambio]}
              effects: {counter: {objection: cambio, using: piloto}}
            - text: Gracias por su tiempo.
              tactic: small_talk
              effects: {role_hints: [{about: inigo, text: No quiere cambios.}]}
              next: end
"""


def runtime(version: str = "1.3") -> Runtime:
    result = load_scenario_text(SCENARIO.replace("format: 1.3", f"format: {version}"), "b.yaml")
    assert result.errors == [], [p.format() for p in result.errors]
    assert result.scenario is not None
    return Runtime(result.scenario)


def notes(lines: list) -> list[str]:  # type: ignore[type-arg]
    return [line.code for line in lines if line.kind == "note"]


def test_interest_rises_one_level_a_meeting_and_the_rest_shows_later() -> None:
    game = Game(runtime())
    game.choose_key("meet:pauline")
    lines = game.choose_key("pauline/hello/0")  # interest 2 earned in a first meeting
    assert game.state.interest == 1 and game.state.interest_later == 1
    assert notes(lines).count("interest") == 1
    lines = game.choose_key("pauline/hello/1")  # a landed pitch: one more level, for later
    assert (game.state.interest, game.state.interest_later) == (1, 2)
    assert "interest-later" in notes(lines)
    words = Words(game.scenario)
    [later] = [line for line in lines if line.code == "interest-later"]
    assert "el interés sube un nivel por reunión" in words.note(later.code, later.params)
    game.choose_key("leave")
    lines = game.choose_key("meet:pauline")  # the second meeting: a level shows at its start
    assert (game.state.interest, game.state.interest_later) == (2, 1)
    assert "interest" in notes(lines)


def test_close_interest_3_cannot_be_met_before_the_third_meeting() -> None:
    game = Game(runtime())
    game.choose_key("meet:pauline")
    game.choose_key("pauline/hello/0")
    game.choose_key("pauline/hello/1")
    game.choose_key("pauline/hello/2")  # everything earned, but interest shows 1
    assert game.state.outcome is None and game.state.close_attempts == 1
    game.choose_key("meet:inigo")
    game.choose_key("leave")
    game.choose_key("meet:pauline")  # the third meeting: interest 3
    assert game.state.interest == 3
    game.choose_key("pauline/hello/2")
    assert game.state.outcome == "won"


@pytest.mark.parametrize("version", ["1", "1.1", "1.2"])
def test_older_formats_reach_full_interest_in_one_meeting(version: str) -> None:
    game = Game(runtime(version))
    game.choose_key("meet:pauline")
    game.choose_key("pauline/hello/0")
    game.choose_key("pauline/hello/1")
    assert (game.state.interest, game.state.interest_later) == (3, 0)
    game.choose_key("pauline/hello/2")
    assert game.state.outcome == "won" and game.state.turn == 1


def play(version: str, *, inigo: str, provoke: bool = False, counter: bool = False
         ) -> tuple[Runtime, PlayState]:
    """Won in three meetings with Pauline; Íñigo met `inigo`: "first" (before the need is
    known, so his worry cannot be asked yet), "later" (after it: it can) or "never"."""
    rt = runtime(version)
    game = Game(rt)

    def meet_inigo() -> None:
        game.choose_key("meet:inigo")
        if provoke:
            game.choose_key("inigo/hello/0")
            if counter:
                game.choose_key("inigo/hello/1")
        game.choose_key("inigo/hello/2")
        game.tag("inigo", "saboteur")

    if inigo == "first":
        meet_inigo()
    for meeting in range(3):
        if meeting == 1 and inigo == "later":
            meet_inigo()
        game.choose_key("meet:pauline")
        for key in ("pauline/hello/0", "pauline/hello/1"):
            if any(o.key == key and o.available for o in game.options()):
                game.choose_key(key)
        game.tag("pauline", "decision_maker")
        if game.state.interest < 3:
            game.choose_key("leave")
            continue
        game.choose_key("pauline/hello/2")
        break
    assert game.state.outcome == "won"
    return rt, game.state


def saboteurs(rt: Runtime, state: PlayState) -> float:
    return score(rt, state).competencies["saboteurs"][0]


def lost_for_objections(rt: Runtime, state: PlayState) -> list[str]:
    lost = points_lost(rt, state, score(rt, state))["saboteurs"]
    return [entry.code for entry in lost if entry.code.startswith("objection")]


def test_an_objection_that_could_not_be_raised_does_not_count() -> None:
    rt, state = play("1.3", inigo="first")
    assert "cambio" not in state.objections and not state.offered
    assert saboteurs(rt, state) == score(rt, state).competencies["saboteurs"][1]  # full marks
    assert lost_for_objections(rt, state) == []


def test_an_objection_dodged_counts_as_unanswered() -> None:
    """Íñigo's worry could be asked and was not: never raising it is no shortcut."""
    rt, state = play("1.3", inigo="later")
    assert "cambio" not in state.objections and state.offered == {"cambio"}
    full = score(rt, state).competencies["saboteurs"][1]
    assert saboteurs(rt, state) == pytest.approx(0.4 * full, abs=0.05)
    assert lost_for_objections(rt, state) == ["objection-not-heard"]


def test_a_raised_objection_counts_until_answered() -> None:
    rt, state = play("1.3", inigo="later", provoke=True)
    full = score(rt, state).competencies["saboteurs"][1]
    assert saboteurs(rt, state) == pytest.approx(0.4 * full, abs=0.05)
    rt, state = play("1.3", inigo="later", provoke=True, counter=True)
    assert saboteurs(rt, state) == full


def test_a_saboteur_never_met_worked_against_you_unheard() -> None:
    rt, state = play("1.3", inigo="never")
    assert saboteurs(rt, state) == 0.0
    assert lost_for_objections(rt, state) == ["objection-not-heard"]


def test_format_1_2_still_counts_an_objection_never_raised() -> None:
    rt, state = play("1.2", inigo="first")
    full = score(rt, state).competencies["saboteurs"][1]
    assert saboteurs(rt, state) == pytest.approx(0.4 * full, abs=0.05)


def test_interest_waiting_to_show_survives_a_save() -> None:
    game = Game(runtime())
    game.choose_key("meet:pauline")
    game.choose_key("pauline/hello/0")
    saved = game.state.to_dict()
    assert saved["interest_later"] == 1
    assert PlayState.from_dict(saved).interest_later == 1
    del saved["interest_later"]  # a state saved before format 1.3 existed
    assert PlayState.from_dict(saved).interest_later == 0


def test_par_waits_for_the_interest_and_proves_it() -> None:
    """The best path closes at the third meeting at the earliest, and the search proves it
    (its bound knows interest builds a level a meeting)."""
    from game.analysis.par import find_par

    par = find_par(runtime().scenario, 0)
    assert par.exact and par.outcome == "won"
    assert par.turns == 3
    older = find_par(runtime("1.2").scenario, 0)  # there his worry counts: it must be answered
    assert older.exact and "inigo/hello/1" in older.path


def test_validate_warns_when_the_interest_asked_needs_more_meetings_than_the_deal_has() -> None:
    text = SCENARIO.replace("turns: 5", "turns: 2")
    result = load_scenario_text(text, "b.yaml")
    [problem] = [p for p in result.problems if p.code == "cannot-win"]
    assert "waits for meeting 3" in problem.message and problem.line == 8
    assert not [p for p in load_scenario_text(text.replace("format: 1.3", "format: 1.2"),
                                              "b.yaml").problems if p.code == "cannot-win"]


def test_a_close_refused_for_interest_says_it_builds_a_level_a_meeting() -> None:
    game = Game(runtime())
    game.choose_key("meet:pauline")
    lines = game.choose_key("pauline/hello/0")
    assert notes(lines)[-2:] == ["interest", "interest-later"]  # shown 1, one more to come
    lines = game.choose_key("pauline/hello/2")
    [failed] = [line for line in lines if line.code == "close-failed"]
    words = Words(game.scenario)
    told = [words.reason(code, params) for code, params in failed.params["reasons"]]
    assert "sube como mucho un nivel por reunión" in told[0]
    older = Game(runtime("1.2"))  # the older wording where interest does not build
    older.choose_key("meet:pauline")
    [failed] = [line for line in older.choose_key("pauline/hello/2") if line.code == "close-failed"]
    told = [words.reason(code, params) for code, params in failed.params["reasons"]]
    assert "el interés es demasiado bajo (ninguno; hace falta 3)." in told
