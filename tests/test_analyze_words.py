"""`analyze` for trainers (issue 14, item 5): people's names and a choice's first words, not
positional ids; a `competency-cap` only when the author can change something; why par is not
100 and what the referral waits for, in words — in English and Spanish.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.analysis.ceilings import explain, trust_ceiling
from game.analysis.findings import par_findings
from game.analysis.par import find_par
from game.analysis.report import analyze, render_text
from game.cli import main
from game.cli.new_cmd import scenario_text
from game.loader import load_scenario_text
from game.schema import Scenario
from tests.analysis.conftest import TINY

REFERRAL = """\
referral:
  trust: 0.5
  won: Ana names a friend.
  lost: Ana would rather wait.
"""


def load(text: str) -> Scenario:
    loaded = load_scenario_text(text, "s.yaml")
    assert loaded.scenario is not None, [p.format() for p in loaded.problems]
    return loaded.scenario


def new_scenario(tmp_path: Path) -> str:
    return scenario_text("harbour-dental", tmp_path)


def caps(text: str) -> list[str]:
    loaded = load_scenario_text(text, "s.yaml")
    assert loaded.scenario is not None
    analysis = analyze(loaded.scenario, runs=0, strategy_seeds=0, locator=loaded.locator)
    return [f.message for f in analysis.findings if f.code == "competency-cap"]


def test_the_scenario_new_writes_has_no_competency_cap(tmp_path: Path) -> None:
    """Its par closes in meeting 3 of 5 and trust stays short of 1: the scoring gives every
    scenario that, so it is explained, not reported; its referral can be given."""
    scenario = load(new_scenario(tmp_path))
    analysis = analyze(scenario, runs=0, strategy_seeds=0)
    assert [f for f in analysis.findings if f.code == "competency-cap"] == []
    report = render_text(analysis)
    assert ("    closing       the best path closes in meeting 3 of 5, and only a close in the "
            "first meeting scores full marks") in report
    assert "  referral: given when the decision-maker's trust reaches 0.4; Inés Ortega's trust " \
           "ends at 0.4 on the best path" in report


def test_a_referral_that_can_never_be_given_is_a_finding_in_words(tmp_path: Path) -> None:
    text = new_scenario(tmp_path).replace("interest: 1, trust: 0.1}", "interest: 1}")
    loaded = load_scenario_text(text, "s.yaml")
    assert loaded.scenario is not None
    analysis = analyze(loaded.scenario, runs=0, strategy_seeds=0, locator=loaded.locator)
    [cap] = [f for f in analysis.findings if f.code == "competency-cap"]
    assert cap.message == (
        "relationship (par 4.2 of 10): a referral is refused when the decision-maker's trust "
        "stays below 0.4: Inés Ortega's trust can reach at most 0.3 here — add trust to choices "
        "in their conversation, or lower `referral.trust`")
    assert cap.path == ("referral", "trust")
    assert cap.line == text.splitlines().index("  trust: 0.4") + 1
    assert cap.text("es") == (
        "relación (par 4,2 de 10): la referencia se niega si la confianza de quien decide se "
        "queda por debajo de 0,4: la de Inés Ortega puede llegar como mucho a 0,3 aquí; añade "
        "confianza a opciones de su conversación o baja `referral.trust`")
    report = render_text(analysis)
    assert "  referral:" not in report          # said once, among the reasons above
    assert "a referral is refused" in report.split("best path:")[0]


def test_the_most_trust_someone_can_reach() -> None:
    base = TINY.replace("    role: decision_maker\n", "    role: decision_maker\n    trust: 0.2\n")
    assert trust_ceiling(load(base), "ana") == 0.2
    more = base.replace("              effects: {pitch: [cost]}",
                        "              effects: {pitch: [cost], trust: 0.15}")
    assert trust_ceiling(load(more), "ana") == pytest.approx(0.35)
    again = more.replace("effects: {pitch: [cost], trust: 0.15}",
                         "effects: {pitch: [cost], trust: 0.15}\n              once: false")
    assert trust_ceiling(load(again), "ana") == 1.0
    # Bo's choices raise Ana's trust through `trust_of`; an event too
    other = base.replace("effects: {raise_objections: [risk]}",
                         "effects: {raise_objections: [risk], trust_of: {ana: 0.1}}") + """\
events:
  lunch: {text: Lunch., turn: 2, effects: {trust_of: {ana: 0.05}}}
"""
    assert trust_ceiling(load(other), "ana") == pytest.approx(0.35)


def test_a_marked_mistake_par_has_to_take_is_worth_changing() -> None:
    text = TINY.replace("""            - text: Shall we sign?
              tactic: close""", """            - text: Shall we sign?
              tactic: close
              quality: mistake
              severity: minor""")
    assert caps(text) == [
        "closing (par 13 of 15): the best path takes a choice of Ana's you marked a minor "
        "mistake: “Shall we sign?”"]


def test_a_deal_closed_at_a_discount_is_worth_changing() -> None:
    """A back-end saving nobody can be pitched: the deal always closes at a discount (and the
    need is reported once, by the static finding that names it)."""
    text = TINY.replace("  cost: {text: Running cost, benefit: front_end_savings}\n",
                        "  cost: {text: Running cost, benefit: front_end_savings}\n"
                        "  admin: {text: Admin hours, benefit: back_end_savings}\n") \
        .replace("reveal_needs: [cost]", "reveal_needs: [cost, admin]") \
        .replace("    role: saboteur\n", "    role: saboteur\n    cares_about: [admin]\n")
    scenario = load(text)
    analysis = analyze(scenario, runs=0, strategy_seeds=0)
    codes = [(f.code, f.message) for f in analysis.findings]
    assert ("need-never-pitched", "need 'admin' can be found but no reachable choice pitches it "
            "to someone who has it: value pitch cannot reach full marks") in codes
    assert ("competency-cap", "closing (par 13.5 of 15): the deal closes at a 10 % discount: "
            "the best path pitches no back-end saving") in codes
    assert not any("need 'admin'" in m for c, m in codes if c == "competency-cap")


def test_par_findings_follow_exactness() -> None:
    text = TINY.replace("""            - text: Shall we sign?
              tactic: close""", """            - text: Shall we sign?
              tactic: close
              quality: mistake
              severity: minor""")
    scenario = load(text)
    par = find_par(scenario)
    ceilings, _ = explain(scenario, par)
    [found] = par_findings(ceilings, exact=False)
    assert found.message.startswith("closing (best found 13 of 15): ")


def test_the_report_in_spanish(tmp_path: Path) -> None:
    scenario = load(new_scenario(tmp_path).replace("language: en ", "language: es "))
    report = render_text(analyze(scenario, runs=20, strategy_seeds=2))
    lines = report.splitlines()
    assert "PAR  94,9 / 100  (exacto)" in lines
    assert "  ganada en 3 de 5 reuniones, semilla 0" in lines
    assert "  por qué el par no llega a la nota máxima:" in lines
    assert ("    cierre    el mejor camino cierra en la reunión 3 de 5, y solo un cierre en la "
            "primera reunión tiene la nota máxima") in lines
    assert "  referencia: se da cuando la confianza de quien decide llega a 0,4; la de Inés " \
           "Ortega acaba en 0,4 en el mejor camino" in lines
    assert "  etiquetas: Leo Marsh → influyente, Inés Ortega → quien decide, Nora Quint → " \
           "saboteador/a" in lines
    for heading in ("JUEGO AL AZAR  20 partidas", "COBERTURA", "ESTRATEGIAS SIN CONTENIDO",
                    "HALLAZGOS (", "ESTADÍSTICAS"):
        assert any(line.startswith(heading) for line in lines), heading
    assert "  2 necesidades, 1 objeción, 1 evento; presentación de 42 palabras" in lines
    assert render_text(analyze(scenario, runs=0, strategy_seeds=0),
                       language="en").startswith("Harbour dental")


def test_analyze_speaks_the_scenarios_language_and_json_keeps_ids(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "es.yaml"
    path.write_text(TINY.replace("language: en", "language: es"), encoding="utf-8")
    base = ["analyze", str(path), "--runs", "1", "--strategy-seeds", "0"]
    assert main(base) == 0
    out = capsys.readouterr().out
    assert "HALLAZGOS (" in out and "Ana, nodo «hi»: «What costs you most?» no se eligió " \
                                    "nunca en 1 partidas al azar" in out
    assert main(base + ["--lang", "en"]) == 0
    assert "Ana, node 'hi': “What costs you most?” was never chosen in 1 random runs" in \
        capsys.readouterr().out
    assert main(base + ["--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    chosen = [f for f in data["findings"] if f["code"] == "never-chosen"]
    assert chosen[0]["where"] == "stakeholders/ana/conversation/nodes/hi/choices/0"
    assert chosen[0]["message"].startswith("Ana, node 'hi': “What costs you most?”")
    assert "ana/hi/0" in data["coverage"]["choices"]


def test_a_tutorial_is_not_told_its_labelled_options_let_blind_players_pass() -> None:
    scenario = load(TINY.replace("id: tiny", "id: tutorial-tiny"))
    analysis = analyze(scenario, runs=0, strategy_seeds=10)
    assert analysis.strategies["tactic-order"].pass_rate > 0.1
    assert not [f for f in analysis.findings
                if f.code in ("strategy-passes", "memorised-path-passes")]


FIXTURES = Path(__file__).resolve().parent / "fixtures"


def test_walking_away_rightly_is_explained_and_not_a_finding() -> None:
    """Format 1.2: in the cast with no budget the best path qualifies the prospect out; that it
    cannot do so in the first meeting costs every scenario, like a close after it."""
    text = (FIXTURES / "qualify-mini.yaml").read_text(encoding="utf-8")
    scenario = load(text)
    analysis = analyze(scenario, runs=0, strategy_seeds=0)
    assert [f for f in analysis.findings if f.code == "competency-cap"] == []
    unfunded = next(v for v in analysis.variant_pars if v.variant.startswith("cast 2/2"))
    ceilings, _ = explain(scenario, unfunded.par)
    assert [r.words.render() for c in ceilings if c.competency == "closing"
            for r in c.reasons] == ["the best path qualifies the prospect out in meeting 2 of 5, "
                                    "and only walking away in the first meeting scores full "
                                    "marks"]


def test_a_deal_not_to_chase_that_cannot_be_walked_away_from_rightly_is_a_finding() -> None:
    """Nothing tells the budget in the cast with no budget: walking away can never rest on it,
    and the analyser says which cast and why."""
    text = (FIXTURES / "qualify-mini.yaml").read_text(encoding="utf-8").replace(
        "              if: {flags: [no_budget]}\n              effects: {learn: [budget]}\n",
        "              if: {flags: [no_budget]}\n")
    found = [f.message for f in analyze(load(text), runs=0, strategy_seeds=0).findings
             if f.code == "competency-cap"]
    assert found == [
        "qualification (par 15 of 20 in cast 2/2): when the best path walks away, 'budget' is "
        "not established",
        "closing (par 0 of 15 in cast 2/2): the best path walks away before establishing "
        "'budget'"]
