"""Scores that measure selling skill: the pass verdict, what author-marked mistakes cost, role
tags that need evidence, counters only after hearing the objection, words that give nothing
away, casts a trainer can fix, and the content-free strategies the analyser plays."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from game import rules, variants
from game.analysis.strategies import STRATEGIES, play, run_strategies
from game.board import deal_board
from game.engine import Game
from game.i18n import Words
from game.loader import load_scenario_text
from game.result import result_dict
from game.runtime import Runtime
from game.schema import Scenario
from game.scoring import debrief, score, verdict
from tests.conftest import MINI, MINI_TAGS, MINI_WIN, play as play_keys
from tests.test_cli import main

ROOT = Path(__file__).resolve().parent.parent


def load(text: str) -> Scenario:
    loaded = load_scenario_text(text, "inline.yaml")
    assert loaded.scenario is not None, [p.format() for p in loaded.problems]
    return loaded.scenario


def mini_with(extra_choice: str) -> Scenario:
    """mini.yaml with one more choice at the end of Dana's opening node (dana/hi/3)."""
    text = MINI.read_text(encoding="utf-8")
    anchor = "  marta:\n"
    assert anchor in text
    return load(text.replace(anchor, extra_choice + anchor, 1))


CRITICAL = """\
            - id: split
              text: We could split the order in two so it stays under your sign-off limit.
              tactic: close
              quality: mistake
              severity: critical
              feedback: Splitting a contract to dodge a procurement threshold breaks the rules.
              next: end
"""
MINOR = """\
            - id: nosy
              text: What does Marta earn, roughly?
              tactic: discovery
              quality: mistake
              severity: minor
"""
MAJOR_BY_DEFAULT = """\
            - id: leading
              text: You'd agree overtime is killing you, right?
              tactic: discovery
              quality: mistake
"""


def won(scenario: Scenario | Runtime, before: list[str] = ()) -> Game:
    game = Game(scenario, seed=7)
    play_keys(game, ["meet:dana", *before], MINI_TAGS)
    rest = MINI_WIN[1:]
    play_keys(game, rest, MINI_TAGS)
    game.choose_key("referral:ask")
    return game


# --- mistakes cost, and a critical one fails -----------------------------------------------------

def test_a_minor_mistake_costs_five_percent_of_its_competency() -> None:
    scenario = mini_with(MINOR)
    plain, slip = Game(scenario, seed=7), Game(scenario, seed=7)
    play_keys(plain, ["meet:dana"])
    play_keys(slip, ["meet:dana", "dana/hi/3"])
    assert slip.state.mistake_costs == {"discovery": 0.05}
    assert slip.state.path[-1]["severity"] == "minor" and slip.state.path[-1]["mark"] == "mistake"
    got = score(slip.rt, slip.state).competencies["discovery"]
    assert got == (0.0, 20.0)  # nothing found yet: a cost never takes a competency below 0
    assert verdict(slip.rt, slip.state).reason == "not-won"


def test_an_unmarked_severity_is_major_and_costs_fifteen_percent() -> None:
    scenario = mini_with(MAJOR_BY_DEFAULT)
    game = Game(scenario, seed=7)
    play_keys(game, ["meet:dana", "dana/hi/3", "dana/hi/0"])  # the slip, then a real question
    assert game.state.mistake_costs == {"discovery": 0.15}
    # overtime (importance 2) of overtime + price (3): 2/3 of 20 = 13.3, less 15 % of 20 = 3
    assert score(game.rt, game.state).competencies["discovery"] == (10.3, 20.0)


def test_a_critical_mistake_fails_a_won_deal_and_the_debrief_says_why() -> None:
    scenario = mini_with(CRITICAL.replace("tactic: close", "tactic: small_talk")
                         .replace("              next: end\n", ""))
    game = won(scenario, ["dana/hi/3"])
    assert game.state.outcome == "won"
    report = debrief(game.rt, game.state)
    assert report.score.total >= scenario.scoring.pass_mark
    assert (report.verdict.passed, report.verdict.reason) == (False, "critical-mistake")
    data = result_dict(game)
    assert (data["passed"], data["pass_reason"]) == (False, "critical-mistake")
    assert "split the order in two" in data["debrief"]["verdict"]
    assert "critical" in Words(scenario).get("severity-critical")


def test_a_won_deal_at_the_pass_mark_passes_and_a_lost_one_never_does(mini_rt: Runtime) -> None:
    game = won(mini_rt)
    data = result_dict(game)
    assert (data["outcome"], data["passed"], data["pass_reason"]) == ("won", True, "passed")
    lost = Game(mini_rt, seed=7)
    play_keys(lost, ["meet:dana", "leave"] * 4)       # the quarter runs out
    assert lost.state.outcome == "lost"
    assert verdict(lost.rt, lost.state).reason == "not-won"


def test_a_won_deal_below_the_pass_mark_does_not_pass(mini_rt: Runtime) -> None:
    game = won(mini_rt)
    strict = mini_rt.scenario.model_copy(update={"scoring": mini_rt.scenario.scoring.model_copy(
        update={"pass_mark": 99})})
    assert verdict(Runtime(strict), game.state).reason == "below-pass-mark"


# --- tags need evidence ----------------------------------------------------------------------------

def test_a_blind_tag_earns_nothing_and_the_same_tag_on_evidence_does(mini_rt: Runtime) -> None:
    blind = Game(mini_rt, seed=7)
    for sid, role in MINI_TAGS.items():
        blind.tag(sid, role)         # before meeting anyone or hearing a word
    play_keys(blind, MINI_WIN)
    seen = won(mini_rt)
    assert blind.state.blind_tags == {"dana", "marta", "ines"}
    assert seen.state.blind_tags == set()
    blind_q = score(blind.rt, blind.state).competencies["qualification"][0]
    seen_q = score(seen.rt, seen.state).competencies["qualification"][0]
    assert seen_q > blind_q
    assert "tag-without-evidence" in {m.code for m in debrief(blind.rt, blind.state).missed}


def test_a_clue_or_an_objection_is_evidence_too(mini_rt: Runtime) -> None:
    game = Game(mini_rt, seed=7)
    play_keys(game, ["meet:dana", "dana/hi/1"])        # Dana: "Marta signs anything over 5k."
    assert rules.has_evidence(game.scenario, game.state, "marta")
    assert not rules.has_evidence(game.scenario, game.state, "ines")
    game.tag("marta", "decision_maker")
    assert "marta" not in game.state.blind_tags


def test_wrong_tags_cost(mini_rt: Runtime) -> None:
    right, wrong = won(mini_rt), Game(mini_rt, seed=7)
    play_keys(wrong, MINI_WIN, {"dana": "saboteur", "ines": "decision_maker",
                                "marta": "decision_maker"})
    wrong.choose_key("referral:ask")
    r, w = score(right.rt, right.state).competencies, score(wrong.rt, wrong.state).competencies
    assert w["qualification"][0] < r["qualification"][0]
    assert w["saboteurs"][0] < r["saboteurs"][0]
    assert {m.params["who"] for m in debrief(wrong.rt, wrong.state).missed
            if m.code == "wrong-tag"} == {"dana", "ines"}


def test_the_board_checklist_never_reads_the_hidden_roles(mini_rt: Runtime) -> None:
    game = Game(mini_rt, seed=7)
    play_keys(game, ["meet:dana", "dana/hi/1", "dana/hi/0", "leave", "meet:marta"])
    assert rules.checklist(game.rt, game.state)["authority"]       # the truth
    assert not deal_board(game.rt, game.state).checklist["authority"]  # nobody tagged yet
    game.tag("marta", "decision_maker")
    assert deal_board(game.rt, game.state).checklist["authority"]
    game.tag("marta", None)
    game.tag("dana", "decision_maker")                              # wrong, but clueless board:
    assert not deal_board(game.rt, game.state).checklist["authority"]  # no clue about Dana


# --- counters only after hearing, words that give nothing away --------------------------------

def test_a_counter_is_offered_only_after_its_objection_was_heard(mini_rt: Runtime) -> None:
    game = Game(mini_rt, seed=7)
    play_keys(game, ["meet:ines"])
    counter = next(o for o in game.options() if o.key == "ines/hi/1")
    assert not counter.available and counter.reason == ("objection-not-heard",
                                                        {"objection": "risk"})
    play_keys(game, ["ines/hi/0"])                      # "What worries you?" raises it
    assert next(o for o in game.options() if o.key == "ines/hi/1").available


def test_a_failed_close_never_says_who_signs(mini_rt: Runtime) -> None:
    game = Game(mini_rt, seed=7)
    out = play_keys(game, ["meet:dana", "dana/hi/1", "leave", "meet:marta", "marta/hi/2"])
    failed = [line for line in out if line.code == "close-failed"]
    assert failed
    codes = [code for code, _ in failed[0].params["reasons"]]
    assert "not-decision-maker" not in codes and "stance" not in codes
    assert codes[-1] == "not-ready"
    words = Words(mini_rt.scenario)
    assert "Marta" not in words.reason("not-ready", {})
    assert "convencid" not in Words(load(MINI.read_text(encoding="utf-8").replace(
        "language: en", "language: es"))).reason("stance", {})


def test_a_premature_pitch_does_not_quote_the_need_not_yet_found(mini_rt: Runtime) -> None:
    game = Game(mini_rt, seed=7)
    out = play_keys(game, ["meet:dana", "dana/hi/2"])
    note = next(line for line in out if line.code == "pitch-premature")
    text = Words(mini_rt.scenario).note(note.code, note.params)
    assert "Overtime" not in text and "overtime" not in text.lower().replace("pitched", "")


def test_an_attempt_given_up_names_no_roles_and_a_played_one_does(mini_rt: Runtime) -> None:
    quitter = Game(mini_rt, seed=7)
    quitter.abandon()
    names = {m.params.get("who") for m in debrief(quitter.rt, quitter.state).missed}
    assert names <= {None}
    finished = won(mini_rt)
    finished.state.tags.pop("ines")
    assert "saboteur-not-tagged" in {m.code for m in debrief(finished.rt, finished.state).missed}


# --- casts -------------------------------------------------------------------------------------

CASTS = """\
variants:
  casts:
    - name: marta-signs
      roles: {marta: decision_maker, ines: saboteur}
      flags: [marta_signs]
    - name: ines-signs
      roles: {ines: decision_maker, marta: saboteur}
      needs_introduction: [ines]
      flags: [ines_signs]
"""


def test_a_cast_can_say_who_needs_an_introduction() -> None:
    scenario = load(MINI.read_text(encoding="utf-8") + CASTS)
    names = variants.cast_names(scenario)
    assert names == ["marta-signs", "ines-signs"]
    seed = variants.seed_with_cast(scenario, "ines-signs")
    assert seed is not None and variants.cast_name(scenario, seed) == "ines-signs"
    game = Game(scenario, seed=seed)
    assert game.rt.decision_maker == "ines"
    meet = {o.key: o.available for o in game.options()}
    assert meet == {"meet:dana": True, "meet:marta": True, "meet:ines": False}
    assert "cast" not in result_dict(game)    # its name would tell who signs
    game.abandon()
    assert "cast" not in result_dict(game)
    played = Game(scenario, seed=seed)
    play_keys(played, ["meet:dana", "leave"] * 4)  # the quarter runs out: lost
    assert result_dict(played)["cast"] == "ines-signs"
    other = Game(scenario, seed=variants.seed_with_cast(scenario, "marta-signs"))
    assert {o.key: o.available for o in other.options()}["meet:marta"] is False


def test_play_cast_fixes_the_cast_for_a_class(tmp_path: Path) -> None:
    path = tmp_path / "cast.yaml"
    path.write_text(MINI.read_text(encoding="utf-8") + CASTS, encoding="utf-8")
    out = tmp_path / "r.json"
    done = main("play", str(path), "--text", "--seed", "0", "--cast", "ines-signs",
                "--result-json", str(out), stdin="1\n4\n" * 4, block_pygame=True)
    assert done.returncode == 0, done.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["outcome"] == "lost" and data["cast"] == "ines-signs"
    assert variants.cast_name(load(path.read_text(encoding="utf-8")), data["seed"]) == \
        "ines-signs"
    bad = main("play", str(path), "--text", "--cast", "nobody", stdin="", block_pygame=True)
    assert bad.returncode == 2 and "marta-signs, ines-signs" in bad.stderr


# --- content-free strategies --------------------------------------------------------------------

def test_every_strategy_plays_to_an_end_without_reading(mini_rt: Runtime) -> None:
    for strategy in STRATEGIES:
        game = play(mini_rt, strategy, 3)
        assert game.over, strategy.name


def test_strategies_figures_are_the_same_on_one_process_or_many(mini_rt: Runtime) -> None:
    here = run_strategies(mini_rt, range(12), jobs=1)
    spread = run_strategies(mini_rt, range(12), jobs=2)
    assert {k: v.to_dict() for k, v in here.items()} == {k: v.to_dict() for k, v in spread.items()}
    # the mini deal offers no way to walk away: the walking players are not reported
    assert set(here) == {s.name for s in STRATEGIES if not s.walks}
    # the mini deal has no traps at all: blind tactic order wins it — exactly what analyze flags
    assert here["tactic-order"].win_rate > 0.5


def test_analyze_json_reports_strategies_and_flags_the_ones_that_pass(capsys) -> None:
    from game.cli import main as cli_main

    assert cli_main(["analyze", str(MINI), "--json", "--runs", "50",
                     "--strategy-seeds", "20", "--jobs", "1"]) == 0
    data = json.loads(capsys.readouterr().out)
    # content-free players only under `strategies`; the path learnt by heart on its own
    assert set(data["strategies"]) == {s.name for s in STRATEGIES if not s.walks}
    for figures in [*data["strategies"].values(), data["memorised_path"]]:
        assert set(figures) == {"win_rate", "pass_rate", "mean", "runs"}
    flagged = [f for f in data["findings"] if f["code"] == "strategy-passes"]
    assert any("tactic-order" in f["message"] for f in flagged)


# --- what cost points ----------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["clinica-del-sol", "calder-freight", "tutorial-first-deal"])
def test_every_point_lost_has_a_reason_and_they_add_up(name: str) -> None:
    """Over random attempts (given up, lost and won), each competency's `lost` entries add up
    to its max − score, biggest first, every one worded; a given-up attempt names nobody."""
    import random

    from game.loader import load_scenario

    scenario = load_scenario(ROOT / "scenarios" / f"{name}.yaml").scenario
    rt = Runtime(scenario)
    rng = random.Random(7)
    for seed in range(25):
        game = Game(rt, seed)
        for _ in range(rng.randrange(0, 80)):
            if game.over:
                break
            if rng.random() < 0.1:
                game.tag(rng.choice(list(scenario.stakeholders)),
                         rng.choice(["decision_maker", "saboteur", "influencer"]))
            game.choose(rng.choice([i for i, o in enumerate(game.options()) if o.available]))
        if not game.over:
            game.abandon()
        report = debrief(game.rt, game.state)
        words = Words(game.rt.scenario)
        for comp, (got, top) in report.score.competencies.items():
            items = report.lost.get(comp, [])
            assert round(sum(i.points for i in items), 1) == round(top - got, 1), (seed, comp)
            assert [i.points for i in items] == sorted((i.points for i in items), reverse=True)
            for item in items:
                text = words.lost(item.code, item.params)
                assert text and not text.startswith("lost-") and "{" not in text
                if game.state.outcome == "abandoned":
                    assert "who" not in item.params or item.code in ("mistake",)
    assert report.biggest_losses()[0][1].points >= report.biggest_losses()[-1][1].points
