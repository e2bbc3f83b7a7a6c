"""`python main.py analyze`: the JSON contract, the tables, errors, the graph, the progress bar."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from game.cli import main
from game.cli.analyze_cmd import ProgressBar

from .conftest import TINY


@pytest.fixture()
def tiny_file(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.yaml"
    path.write_text(TINY, encoding="utf-8")
    return path


def test_json(tiny_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(tiny_file), "--json", "--runs", "300"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""               # no progress bar: standard error is not a terminal
    data = json.loads(captured.out)
    assert data["par"] == 91.8 and data["par_exact"] is True
    assert data["best_path"] == ["meet:bo", "tag:bo=saboteur", "bo/hi/0", "bo/worry/0",
                                 "meet:ana", "tag:ana=decision_maker", "ana/hi/0", "ana/hi/1",
                                 "ana/hi/2"]
    assert data["random"]["runs"] == 300
    assert data["random"]["win_rate"] == 0.0667
    assert data["random"]["score_percentiles"] == {"p10": 2.0, "p50": 12.0, "p90": 58.0}
    assert data["coverage"]["nodes"] == {"ana/hi": 0.88, "bo/hi": 0.84, "bo/worry": 0.5967}
    assert data["coverage"]["never_reached"] == {"nodes": [], "choices": []}
    codes = [f["code"] for f in data["findings"]]
    # par closes in meeting 2 of 3 and trust stays at 0.3: every scenario loses such points,
    # so there is no competency-cap; the tiny deal has no mistakes to fall into: blind players
    # pass it, and analyze says so
    assert set(codes) == {"strategy-passes", "memorised-path-passes"}
    assert data["strategies"]["tactic-order"]["pass_rate"] > 0.1
    assert data["statistics"]["words"] == 30 and data["variants"] is None


def test_the_same_seed_gives_the_same_json(tiny_file: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    outputs = []
    for _ in range(2):
        assert main(["analyze", str(tiny_file), "--json", "--runs", "100", "--seed", "4"]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    assert json.loads(outputs[0])["random"]["seed"] == 4


def test_tables(tiny_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(tiny_file), "--runs", "300"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "Tiny deal  (tiny · en · intermediate)"
    assert "PAR  91.8 / 100  (exact)" in lines
    assert "  won 6.7 %   score p10 2.0  p50 12.0  p90 58.0   (80 % of par: 73.4)" in lines
    assert "    close        “Shall we sign?”" in lines
    assert "  Bo               2        2        2      2  worry 59.7 %" in lines
    assert "  1 need, 1 objection, 0 events; briefing 5 words" in lines
    for heading in ("RANDOM PLAY  300 runs", "COVERAGE", "CONTENT-FREE STRATEGIES  seeds 0–99",
                    "FINDINGS (", "STATISTICS"):
        assert any(line.startswith(heading) for line in lines), heading


def test_an_invalid_scenario_prints_the_problems_and_exits_1(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(TINY.replace("turns: 3", "turns: three"), encoding="utf-8")
    assert main(["analyze", str(bad), "--json"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        f"{bad}:6:8: error: 'turns' must be a whole number, not the text 'three' [wrong-type]",
        f"{bad}: cannot be analysed until these errors are fixed"]


def test_a_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "no/such.yaml"]) == 1
    assert "no/such.yaml:1:1: error: no such file" in capsys.readouterr().err


def test_graph_files(tiny_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dot, mmd = tmp_path / "g.dot", tmp_path / "g.mmd"
    assert main(["analyze", str(tiny_file), "--runs", "50", "--graph", str(dot)]) == 0
    assert dot.read_text(encoding="utf-8").startswith('digraph "tiny" {')
    assert capsys.readouterr().out.endswith(f"graph written to {dot}\n")
    assert main(["analyze", str(tiny_file), "--runs", "50", "--json", "--graph", str(mmd)]) == 0
    assert mmd.read_text(encoding="utf-8").startswith("flowchart LR\n")
    json.loads(capsys.readouterr().out)     # the report stays pure JSON


def test_a_bad_graph_name_is_refused_before_any_work(
        tiny_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(tiny_file), "--graph", str(tmp_path / "g.svg")]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "cannot tell the graph format from '.svg'" in captured.err
    assert main(["analyze", str(tiny_file), "--runs", "10",
                 "--graph", str(tmp_path / "missing" / "g.dot")]) == 1
    assert "cannot write the graph" in capsys.readouterr().err


def test_bad_arguments_are_refused(tiny_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["--runs", "-5"], ["--runs", "many"], ["--tag-rate", "2"]):
        with pytest.raises(SystemExit) as stop:
            main(["analyze", str(tiny_file), *args])
        assert stop.value.code == 2
    assert "must be 0 or more" in capsys.readouterr().err


def test_no_random_runs(tiny_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(tiny_file), "--json", "--runs", "0"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["random"]["runs"] == 0 and data["coverage"]["never_reached"] is None


def test_the_progress_bar() -> None:
    stream = io.StringIO()
    bar = ProgressBar(stream, "random play")
    bar(250, 1000)
    bar(1000, 1000)
    assert stream.getvalue() == ("\rrandom play [#######.......................] 250/1,000"
                                 "\rrandom play [##############################] 1,000/1,000\n")


VARIED = TINY.replace("role: saboteur", "role: saboteur\n    cares_about: [cost]") + """\
variants:
  casts:
    - roles: {ana: decision_maker, bo: saboteur}
    - roles: {ana: influencer, bo: decision_maker}
  stances:
    ana: [0.0, 0.1]
"""


def test_every_variant_gets_a_par_and_the_lowest_is_reported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "varied.yaml"
    path.write_text(VARIED, encoding="utf-8")
    assert main(["analyze", str(path), "--json", "--runs", "200"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["variants"] == {"checked": "all 2 cast × need-set combinations", "pars": [
        {"variant": "cast 1/2 · stance ana +0.10", "seed": 1, "par": 91.8, "exact": True,
         "ceiling": None},
        {"variant": "cast 2/2 · stance ana +0.05", "seed": 0, "par": 69.4, "exact": True,
         "ceiling": None}]}
    assert data["par"] == 69.4 and data["par_detail"]["seed"] == 0
    assert "tag:bo=decision_maker" in data["best_path"]
    assert data["random"]["variants"] == {
        "cast 1/2 · stance ana +0.00": 36, "cast 1/2 · stance ana +0.05": 38,
        "cast 1/2 · stance ana +0.10": 28, "cast 2/2 · stance ana +0.00": 30,
        "cast 2/2 · stance ana +0.05": 41, "cast 2/2 · stance ana +0.10": 27}


def test_a_recorded_attempt_seeds_par(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`analyze --path RESULT.json`: an attempt someone played that beats what the search finds
    (here a search of 5 choices) becomes par; a file of another scenario, or not a result,
    is refused with a message naming it."""
    from game.engine import Game
    from game.loader import load_scenario
    from game.result import result_dict, write_json_atomically
    from tests.conftest import MINI, MINI_TAGS, MINI_WIN, play

    scenario = load_scenario(MINI).scenario
    game = Game(scenario, seed=1)
    play(game, MINI_WIN, MINI_TAGS)
    game.choose_key("referral:ask")
    result = tmp_path / "ana.json"
    write_json_atomically(str(result), result_dict(game, "Ana"))
    base = ["analyze", str(MINI), "--json", "--runs", "0", "--strategy-seeds", "0",
            "--budget", "5"]
    assert main(base) == 0
    searched = json.loads(capsys.readouterr().out)["par"]
    assert main(base + ["--path", str(result)]) == 0
    seeded = json.loads(capsys.readouterr().out)
    assert seeded["par"] > searched and seeded["par_detail"]["outcome"] == "won"
    assert seeded["best_path"][0] == "meet:dana"
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"scenario": "tiny", "seed": 1, "path": []}), encoding="utf-8")
    assert main(base + ["--path", str(other)]) == 1
    assert f"{other}: an attempt at 'tiny', not at 'mini'" in capsys.readouterr().err
    junk = tmp_path / "junk.json"
    junk.write_text("[1, 2", encoding="utf-8")
    assert main(base + ["--path", str(junk)]) == 1
    assert f"{junk}: not a result file (JSON)" in capsys.readouterr().err
