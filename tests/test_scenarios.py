"""The bundled scenarios: each validates with no problem, can be won well by a recorded path,
is not won by always taking the first option or (mostly) by random play, and — for the Spanish
ones — keeps every accent from file to result JSON.

`WINNING_PATHS` records a good player's path per scenario id. A step is an engine option key
("meet:greg", "leave", "referral:ask"), "#choice_id" for a choice of the current node (resolved
to its key, so reordering choices in a file does not break the path), or "tag:sid=role"; a
step written "?flag:step" is taken only when the flag is set, so one path serves every variant
(variants set flags at the start). bench/playouts.py reads these paths to report each
scenario's par.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest

from bench.playouts import play_steps, random_playout, variant_seeds
from game.engine import Game
from game.loader import load_scenario
from game.result import result_dict
from game.runtime import Runtime
from game.scoring import score

ROOT = Path(__file__).resolve().parent.parent
SCENARIO_FILES = sorted((ROOT / "scenarios").glob("*.yaml"))
SPANISH_MARKS = "áéíóúñ¿¡"

_NW_GREG = ["meet:greg", "#depot_chat", "#ask_pains", "#pitch_miles", "#who_decides",
            "#include_raj", "#intro_maureen", "leave",
            "tag:greg=influencer", "tag:maureen=decision_maker"]
_NW_PRIYA = ["meet:priya", "#her_story", "#walk_replan", "#ask_drivers", "#pitch_app",
             "#who_else", "leave", "tag:sandra=saboteur"]
_NW_SANDRA = ["meet:sandra", "#her_system", "#what_worries", "#pilot", "leave"]
_NW_RAJ = ["meet:raj", "#server_rack", "?pain_support:#ask_support", "?pain_support:#pitch_support",
           "?pain_rekeying:#ask_mornings", "?pain_rekeying:#pitch_rekeying", "#anyone_else",
           "?pain_rekeying:leave"]
_NW_MAUREEN = ["meet:maureen", "#ask_goals", "#how_decide", "#pitch_licence", "#pitch_overtime",
               "#criteria", "#close", "referral:ask"]

_CS_JAVIER = ["meet:javier", "#congreso", "#que_frena", "#presentar_quirofano", "#quien_decide",
              "#conocer_a_pilar", "#con_sistemas", "leave", "tag:javier=influencer"]
_CS_CARMEN = ["meet:carmen", "#su_historia", "#que_se_tira", "#buscar_material",
              "#presentar_busqueda", "#quien_mas", "#presentar_pilar", "leave",
              "tag:pilar=decision_maker", "tag:lucia=saboteur"]
_CS_LUCIA = ["meet:lucia", "#proveedor_actual", "#que_preocupa", "#catalogo_abierto", "leave"]
_CS_ANDRES = ["meet:andres", "#servidores", "?dolor_soporte:#soporte_actual",
              "?dolor_soporte:#presentar_soporte", "?dolor_registro:#cuadre_nocturno",
              "?dolor_registro:#presentar_registro", "#alguien_mas", "?dolor_registro:leave"]
_CS_PILAR = ["meet:pilar", "#que_necesita", "#como_decide", "#presentar_inversion",
             "#presentar_caducidades", "#criterios", "#cierre", "referral:ask"]

_TU = ["meet:jo", "#contract_chat", "#ask_morning", "#ask_failed", "#pitch_app", "#who_decides",
       "#intro_dev", "leave", "tag:jo=influencer", "tag:dev=decision_maker",
       "meet:kev", "#road_chat", "#ask_routes", "#pitch_routes", "#ask_worry", "#trial",
       "tag:kev=saboteur",
       "meet:dev", "#ask_worth", "#ask_decide", "#pitch_setup", "#pitch_redeliveries",
       "#trial_terms", "#close", "referral:ask"]

_SL = ["meet:ramon", "#historia", "#preguntar_ofertas", "#presentar_ofertas", "#quien_decide",
       "leave", "tag:ramon=influencer",
       "meet:rocio", "#la_tienda", "#sabados", "#cierre_caja", "?dolor_soporte:#cuando_falla",
       "?dolor_recuento:#recuento", "#presentar_colas", "?dolor_soporte:#presentar_soporte",
       "?dolor_recuento:#presentar_recuento", "#quien_firma", "#presentame",
       "tag:marta=decision_maker", "tag:paco=saboteur",
       "meet:paco", "#doce_anos", "#que_te_preocupa", "#modo_offline",
       "meet:marta", "#que_necesita", "#firma_ella", "#presentar_equipos",
       "#presentar_descuadres", "#criterios", "#cierre", "referral:ask"]

_HP = ["meet:dean", "#night_chat", "#ask_billets", "#ask_saturdays", "#pitch_lifting", "#ask_bill",
       "tag:bill=saboteur",
       "meet:tom", "#show_chat", "#ask_night", "#pitch_spindles", "#who_approves",
       "#include_bill", "#intro_ruth", "leave", "tag:tom=influencer", "tag:ruth=decision_maker",
       "meet:bill", "#cmm_chat", "#ask_approvals", "#fai_pack", "#who_else_bill",
       "meet:anika", "#fix_chat", "?pain_service:#ask_service", "?pain_service:#pitch_service",
       "?pain_callouts:#ask_callouts", "?pain_callouts:#pitch_callouts", "?pain_callouts:leave",
       "meet:ruth", "#ask_capex", "#how_decide", "#pitch_grant", "#pitch_overtime", "#criteria",
       "#close", "referral:ask"]

_HC = ["meet:salvador", "#jornadas", "#inventario_pregunta", "#presentar_inventario",
       "#quien_contrata", "#presupuesto", "#presentar_a_rosa", "leave",
       "tag:salvador=influencer", "tag:rosa=decision_maker",
       "meet:nieves", "#ingresos", "#reserva", "#en_turno", "#presentar_tiempo",
       "#quien_mas_nieves", "tag:ernesto=saboteur",
       "meet:ernesto", "#veinte_anos", "#que_objeta", "#ciclo_de_vida",
       "meet:jorge", "#migracion", "#integraciones", "#presentar_integracion",
       "#alguien_pregunto",
       "meet:rosa", "#que_necesita_rosa", "#competencia", "#pago_por_uso",
       "#presentar_inversion", "#presentar_caducidades", "#criterios", "#cierre",
       "referral:ask"]

_BW = ["meet:gemma", "#since_spring", "#who_decides", "#intro_karen", "leave",
       "tag:alan=decision_maker", "tag:karen=influencer",
       "meet:karen", "#ask_inspections", "#pitch_compliance", "#which_homes", "#intro_alan",
       "leave",
       "meet:marcus", "#his_plan", "#sso", "leave", "tag:marcus=saboteur",
       "meet:joyce", "#residents", "#agency", "#account_manager", "#pitch_care", "#ask_marcus",
       "meet:alan", "#ask_review", "#how_decide", "#rightsize", "#pitch_uplift", "#pitch_agency",
       "#marcus_agrees", "#criteria", "#close", "referral:ask"]

_CF = ["meet:aisha", "#two_phones", "#ask_slots", "#ask_charges", "#pitch_slots", "#how_decided",
       "tag:aisha=influencer", "tag:douglas=decision_maker", "tag:graham=saboteur",
       "meet:lee", "#hours_question", "#pitch_hours", "#spy_question", "#union_deal",
       "tag:lee=saboteur",
       "meet:douglas", "#docks_chat", "#what_matters", "#pitch_hardware", "#ask_it", "leave",
       "meet:graham", "#standards_chat", "#ask_standard", "#northwind_ref",
       "meet:kim", "#night_chat", "#ask_support", "#pitch_support", "#ask_lee",
       "meet:douglas", "#pitch_demurrage", "#criteria", "#close", "referral:ask"]

WINNING_PATHS: dict[str, list[str]] = {
    "calder-freight": _CF,
    "brightwell-renewal": _BW,
    "hospital-comarcal": _HC,
    "harlow-precision": _HP,
    "supermercados-lozano": _SL,
    "tutorial-first-deal": _TU,
    "northwind-logistics": _NW_GREG + _NW_PRIYA + _NW_SANDRA + _NW_RAJ + _NW_MAUREEN,
    "clinica-del-sol": _CS_JAVIER + _CS_CARMEN + _CS_LUCIA + _CS_ANDRES + _CS_PILAR,
}

PAR_MIN = 85.0
RANDOM_RUNS = 300
RANDOM_WIN_MAX = 0.40
RANDOM_P90_SHARE = 0.80


def _load(path: Path) -> Runtime:
    loaded = load_scenario(path)
    assert loaded.scenario is not None, [p.format() for p in loaded.problems]
    return Runtime(loaded.scenario)


def _ids() -> list[str]:
    return [p.stem for p in SCENARIO_FILES]


def test_there_are_bundled_scenarios() -> None:
    assert len(SCENARIO_FILES) >= 2
    languages = {_load(p).scenario.language for p in SCENARIO_FILES}
    assert {"en", "es"} <= languages


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=_ids())
def test_validates_with_no_problem_at_all(path: Path) -> None:
    loaded = load_scenario(path)
    assert [p.format() for p in loaded.problems] == []
    assert loaded.scenario is not None
    assert loaded.scenario.id == path.stem
    assert path.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../docs/scenario.schema.json\n")


def _play_recorded(rt: Runtime, seed: int) -> Game:
    """The recorded path played with `seed`, choosing options by key (game.choose_key)."""
    steps = WINNING_PATHS.get(rt.scenario.id)
    assert steps is not None, f"record a winning path for {rt.scenario.id} in WINNING_PATHS"
    return play_steps(rt, steps, seed)


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=_ids())
def test_recorded_path_wins_with_a_high_score_in_every_variant(path: Path) -> None:
    rt = _load(path)
    for seed in variant_seeds(rt.scenario):
        game = _play_recorded(rt, seed)
        assert game.state.outcome == "won", f"seed {seed}"
        assert game.state.referral == "won", f"seed {seed}"
        # the seed's own variant scores the attempt (game.rt), as the result file does
        assert score(game.rt, game.state).total >= PAR_MIN, f"seed {seed}"


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=_ids())
def test_recorded_path_wins_whatever_the_starting_stances(path: Path) -> None:
    rt = _load(path)
    if rt.scenario.variants is None or not rt.scenario.variants.stances:
        pytest.skip("no stance ranges")
    for seed in range(0, 60, 3):
        game = _play_recorded(rt, seed)
        assert game.state.outcome == "won", f"seed {seed}"
        assert score(game.rt, game.state).total >= PAR_MIN, f"seed {seed}"


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=_ids())
def test_first_option_every_time_does_not_win(path: Path) -> None:
    rt = _load(path)
    game = Game(rt, seed=1)
    for _ in range(1000):
        if game.over:
            break
        first = next(i for i, o in enumerate(game.options()) if o.available)
        game.choose(first)
    assert game.state.outcome != "won"


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=_ids())
def test_random_play_rarely_wins_and_scores_well_below_par(path: Path) -> None:
    rt = _load(path)
    par = min(score(g.rt, g.state).total
              for g in (_play_recorded(rt, seed) for seed in variant_seeds(rt.scenario)))
    rng = random.Random(20_240_601)
    results = [random_playout(rt, rng, 0.1) for _ in range(RANDOM_RUNS)]
    win_rate = sum(won for won, _ in results) / RANDOM_RUNS
    p90 = float(np.percentile([total for _, total in results], 90))
    assert win_rate <= RANDOM_WIN_MAX
    assert p90 < RANDOM_P90_SHARE * par


SPANISH_FILES = [p for p in SCENARIO_FILES if _load(p).scenario.language == "es"]


@pytest.mark.parametrize("path", SPANISH_FILES, ids=[p.stem for p in SPANISH_FILES])
def test_spanish_text_survives_load_play_and_result_json(path: Path) -> None:
    raw = path.read_bytes().decode("utf-8")
    for mark in SPANISH_MARKS:
        assert mark in raw, f"{path.name} has no {mark!r}"
    rt = _load(path)
    loaded_text = rt.scenario.model_dump_json()
    assert json.loads(loaded_text)  # the frozen model round-trips through JSON
    for mark in SPANISH_MARKS:
        assert mark in json.dumps(rt.scenario.model_dump(mode="json"), ensure_ascii=False)
    game = play_steps(rt, WINNING_PATHS[rt.scenario.id])
    dumped = json.dumps(result_dict(game, "Íñigo Muñoz"), ensure_ascii=False)
    for mark in SPANISH_MARKS:
        assert mark in dumped, f"{mark!r} lost on the way to the result JSON"
    assert json.loads(dumped)["player"] == "Íñigo Muñoz"
    # every choice the path took appears in the result exactly as written in the file
    for entry in json.loads(dumped)["debrief"]["timeline"]:
        assert entry["text"] in raw or " ".join(entry["text"].split()) in " ".join(raw.split())
