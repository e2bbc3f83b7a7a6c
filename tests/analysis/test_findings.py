"""Findings: what can never happen, what random play never reached, what par cannot fill."""
from __future__ import annotations

from game.analysis.ceilings import explain
from game.analysis.findings import (Finding, coverage_findings, par_findings, reachable_nodes,
                                    static_findings)
from game.analysis.par import find_par
from game.analysis.playouts import play_runs
from game.loader import load_scenario_text
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
