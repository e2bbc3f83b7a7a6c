"""Findings: what can never happen, what random play never reached, what par cannot fill."""
from __future__ import annotations

from pathlib import Path

from game.analysis.ceilings import explain
from game.analysis.findings import (Finding, coverage_findings, locate, par_findings,
                                    passing_example, reachable_nodes, static_findings,
                                    strategy_findings)
from game.analysis.par import find_par
from game.analysis.playouts import play_runs
from game.analysis.strategies import (BY_NAME, MEMORISED, STRATEGIES, StrategyFigures, outcome,
                                      play, run_strategies)
from game.loader import load_scenario_text
from game.messages import msg
from game.runtime import Runtime
from game.schema import Scenario

from .conftest import TINY, load

# TINY with a dead end, an orphan node, a need nobody reveals, a need nobody pitches, a counter
# that does not work and an objection nobody raises (the validator only warns about these).
FLAWED = (TINY
    .replace("    cares_about: [cost]\n", "    cares_about: [cost, speed, admin]\n")
    .replace("""            - text: Shall we sign?
              tactic: close
              next: end
""", """            - text: Shall we sign?
              tactic: close
              next: end
            - text: Tell me more.
              tactic: small_talk
              next: more
        more:
          say: Well...
        orphan:
          say: Nobody comes here.
          end: true
""")
    .replace("effects: {raise_objections: [risk]}", "effects: {raise_objections: [risk], reveal_needs: [admin]}")
    .replace("using: pilot}}", "using: hope}}")
    .replace("  cost: {text: Running cost, benefit: front_end_savings}\n",
             "  cost: {text: Running cost, benefit: front_end_savings}\n  speed: {text: Speed, benefit: efficiency}\n  admin: {text: Admin, benefit: back_end_savings}\n")
    .replace("  risk: {text: It breaks things., raised_by: bo, counters: [pilot]}\n",
             "  risk: {text: It breaks things., raised_by: bo, counters: [pilot]}\n  doubt: {text: Too dear., raised_by: ana, counters: [roi]}\n"))


def test_static_findings_of_a_flawed_scenario() -> None:
    loaded = load_scenario_text(FLAWED, "flawed.yaml")
    assert loaded.scenario is not None
    found = [(f.code, f.line, "/".join(map(str, f.path)))
             for f in static_findings(loaded.scenario, loaded.locator)]
    assert found == [
        ("dead-end", 35, "stakeholders/ana/conversation/nodes/more"),
        ("unreachable-node", 37, "stakeholders/ana/conversation/nodes/orphan"),
        ("need-never-revealed", 64, "needs/speed"),
        ("need-never-pitched", 65, "needs/admin"),
        ("objection-never-answered", 67, "objections/risk"),
        ("objection-never-raised", 68, "objections/doubt"),
    ]
    messages = [f.message for f in static_findings(loaded.scenario)]
    assert messages[4].endswith("Bo is a saboteur, so the saboteurs competency cannot reach "
                                "full marks")


def test_a_sound_scenario_has_no_static_findings(tiny: Scenario) -> None:
    assert static_findings(tiny) == []


def test_reachability_follows_introductions() -> None:
    scenario = load(TINY.replace("    role: decision_maker\n",
                                 "    role: decision_maker\n    requires_introduction: true\n")
                    .replace("              effects: {raise_objections: [risk]}\n",
                             "              effects: {raise_objections: [risk], introduce: [ana]}\n"))
    assert reachable_nodes(scenario) == {("ana", "hi"), ("bo", "hi"), ("bo", "worry")}
    hidden = load(TINY.replace("    role: decision_maker\n",
                               "    role: decision_maker\n    requires_introduction: true\n"))
    assert reachable_nodes(hidden) == {("bo", "hi"), ("bo", "worry")}
    assert [(f.code, f.message) for f in static_findings(hidden)] == [
        ("never-met", "Ana can never be met: they need an introduction and nothing reachable "
                      "introduces them"),
        ("competency-cap", "discovery cannot reach full marks: 'cost' can only be revealed in "
                           "unreachable places"),
        ("competency-cap", "closing cannot score: no reachable choice of Ana (the "
                           "decision-maker) is a close attempt"),
    ]


def test_par_findings_leave_out_what_every_scenario_loses(tiny_rt: Runtime) -> None:
    """Tiny's par closes in meeting 2 of 3 and its people trust the seller 0.3: the scoring
    gives every scenario such shortfalls, so they are explained but are no finding."""
    par = find_par(tiny_rt)
    ceilings, referral = explain(tiny_rt.scenario, par)
    assert [(c.competency, [r.words.render() for r in c.reasons]) for c in ceilings] == [
        ("closing", ["the best path closes in meeting 2 of 3, and only a close in the first "
                     "meeting scores full marks"]),
        ("relationship", ["the people met trust the seller 0.3 on average, and full marks "
                          "need 1"]),
    ]
    assert referral is None and par_findings(ceilings, par.exact) == []


def test_coverage_findings_list_what_random_play_never_did(tiny_rt: Runtime) -> None:
    few = play_runs(tiny_rt, 0, 0, 1)
    assert [(f.code, f.message, f.path[-1]) for f in coverage_findings(tiny_rt.scenario, few)] == [
        ("never-chosen", "Ana, node 'hi': “What costs you most?” was never chosen in 1 random "
                         "runs", 0),
        ("never-chosen", "Ana, node 'hi': “The tool cuts that cost.” was never chosen in 1 "
                         "random runs", 1),
        ("never-chosen", "Bo, node 'worry': “A pilot first.” was never chosen in 1 random runs",
         0),
    ]
    many = play_runs(tiny_rt, 0, 0, 200)
    assert coverage_findings(tiny_rt.scenario, many) == []
    assert coverage_findings(tiny_rt.scenario, play_runs(tiny_rt, 0, 0, 0)) == []


def test_a_finding_as_json() -> None:
    assert Finding("dead-end", "x", ("stakeholders", "ana"), 3).to_dict() == {
        "code": "dead-end", "message": "x", "where": "stakeholders/ana", "line": 3}


# --- what a blind player did to pass, and where casts go -----------------------------------------

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PASSED_ALL = StrategyFigures(runs=10, wins=10, passes=10, mean=80.0)


def test_a_passing_strategy_says_what_it_does_how_it_won_and_what_to_change(
        tiny_rt: Runtime) -> None:
    """Tiny has no mistakes to fall into: tactic order wins on seed 0 by closing with Ana in
    meeting 2, at the close rule's bars. The finding says so, in English and Spanish."""
    played = run_strategies(tiny_rt, range(10), jobs=1)
    found = {f.words.param("strategy"): f for f in strategy_findings(tiny_rt.scenario, played)
             if f.code == "strategy-passes"}
    assert set(found) == {"first", "tactic-order", "tactic-order-checklist", "clue-target"}
    finding = found["tactic-order"]
    assert finding.path == () and finding.message == (
        "the content-free strategy 'tactic-order' passes 100 % of seeds (wins 100 %; at most "
        "10 % wanted). It asks its questions first (discovery, authority, introductions), then "
        "pitches, answers objections and makes small talk, and closes as soon as a close is "
        "offered — reading no reply. On seed 0, it won, closing with Ana in meeting 2 of 3 "
        "(“Shall we sign?”) after 5 choices, none of them a mistake: the close asks for 1 need, "
        "interest 2 and a stance of 0, and it had 1 need, interest 2 and Ana's stance at 0.16. "
        "To make it fail: saying everything in tactic order never falls into a mistake — put "
        "mistakes of every tactic where it looks (a question that pries, a pitch of a need "
        "nobody has, a counter that does not answer), and let the close need what only "
        "listening gives (a higher `close.stance`, an objection that blocks it until rightly "
        "answered) (docs/authoring.md, \"Scores that measure skill\")")
    spanish = finding.text("es")
    assert "Esta estrategia pregunta primero" in spanish
    assert "En la semilla 0, ganó cerrando con Ana en la reunión 2 de 3 («Shall we sign?») " \
           "tras 5 opciones, ninguna de ellas un error" in spanish
    assert "la postura de Ana en 0,16. Para que falle: decirlo todo" in spanish
    # the example is the play itself: the same seed, the same strategy, the same close
    game = play(tiny_rt, BY_NAME["tactic-order"], 0)
    assert outcome(game).passed and game.state.turn == 2


def test_a_strategy_that_passes_by_walking_away_says_where_and_in_which_cast() -> None:
    scenario = load((FIXTURES / "qualify-mini.yaml").read_text(encoding="utf-8"))
    rt = Runtime(scenario)
    example = passing_example(rt, "questions-then-walk-away", 10)
    assert example is not None and example.render() == (
        " On seed 0 in cast 2/2, it walked away in meeting 1 of 5 (“Thank you for your time — "
        "I'll call again when…”) after 5 choices, none of them a mistake, and that was the "
        "right call there.")
    assert example.render("es").startswith(" En la semilla 0 en la variante reparto 2/2, se "
                                           "retiró en la reunión 1 de 5 («Thank you")
    assert passing_example(rt, "walk-away-early", 10) is None  # it never passes


def test_every_player_has_words_for_what_it_does_and_what_defeats_it() -> None:
    for strategy in STRATEGIES:
        for key in (f"strategy.{strategy.name}", f"strategy.{strategy.name}.fix"):
            assert msg(key).render("en") and msg(key).render("es"), key


def test_a_memorised_path_is_located_where_casts_go_and_says_what_they_lack() -> None:
    def finding(text: str) -> tuple[int | None, str, str]:
        loaded = load_scenario_text(text, "m.yaml")
        assert loaded.scenario is not None
        found = locate(strategy_findings(loaded.scenario, {MEMORISED: PASSED_ALL}),
                       loaded.locator)
        assert [f.code for f in found] == ["memorised-path-passes"]
        return found[0].line, "/".join(map(str, found[0].path)), found[0].message

    lines = TINY.splitlines()
    line, where, words = finding(TINY)  # no variants: at `stakeholders:`, whose roles casts change
    assert (line, where) == (lines.index("stakeholders:") + 1, "stakeholders")
    assert "every seed has the same decision-maker and saboteur" in words
    assert "Add a top-level `variants:` key with two or more `casts:`" in words
    stances = TINY + "variants:\n  stances: {ana: [0.0, 0.2]}\n"
    line, where, words = finding(stances)
    assert (line, where) == (len(lines) + 1, "variants")
    assert "`variants:` has fewer than two casts" in words
    same = TINY + ("variants:\n  casts:\n    - roles: {ana: decision_maker}\n"
                   "    - roles: {bo: saboteur}\n")
    assert "every cast has the same decision-maker and the same saboteurs" in finding(same)[2]
    swapped = TINY + ("variants:\n  casts:\n    - roles: {ana: decision_maker, bo: saboteur}\n"
                      "    - roles: {bo: decision_maker, ana: saboteur}\n")
    line, where, words = finding(swapped)
    assert (line, where) == (len(lines) + 1, "variants")
    assert "the casts change who decides or sabotages, but the same words still win" in words
    es = load(TINY.replace("language: en", "language: es"))
    assert strategy_findings(es, {MEMORISED: PASSED_ALL})[0].text("es").startswith(
        "el mejor camino de una semilla, repetido palabra por palabra, aprueba el 100 % de las "
        "demás semillas (se busca como mucho un 50 %): en todas las semillas decide y sabotea "
        "la misma persona")
