"""No points for an attempt without play (issue 14): an attempt in which the trainee made no
choice — only meetings entered and left, or given up at once — scores 0 in every competency,
and every point lost has one reason, "you said nothing", in English and Spanish."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.engine import Game
from game.i18n import Words
from game.loader import load_scenario, load_scenario_text
from game.losses import points_lost
from game.runtime import Runtime
from game.scoring import said_nothing, score
from tests.test_cli import main
from tests.test_format_1_1 import SCENARIO

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "docs" / "example.yaml"


@pytest.fixture(scope="module")
def rt() -> Runtime:
    loaded = load_scenario(EXAMPLE)
    assert loaded.scenario is not None
    return Runtime(loaded.scenario)


def assert_nothing_scored(rt: Runtime, game: Game) -> None:
    result = score(rt, game.state)
    assert result.total == 0.0
    assert {name: got for name, (got, _) in result.competencies.items()} == dict.fromkeys(
        result.competencies, 0.0)
    lost = points_lost(rt, game.state, result)
    for name, (_, top) in result.competencies.items():
        assert [(entry.points, entry.code) for entry in lost[name]] == [(top, "said-nothing")]


def test_meetings_entered_and_left_score_nothing(rt: Runtime) -> None:
    game = Game(rt, 0)
    game.choose_key("meet:olivia")
    game.choose_key("leave")  # the event raises Raj's objection: still nothing said
    game.choose_key("meet:raj")
    for sid, role in (("olivia", "influencer"), ("raj", "saboteur")):
        game.tag(sid, role)  # right tags on evidence (both were met) are not play either
    game.choose_key("leave")
    game.abandon()
    assert said_nothing(game.state)
    assert_nothing_scored(rt, game)


def test_an_attempt_given_up_at_once_scores_nothing(rt: Runtime) -> None:
    game = Game(rt, 0)
    game.abandon()
    assert_nothing_scored(rt, game)


def test_a_saboteur_without_objections_gives_no_free_points() -> None:
    with_saboteur = SCENARIO.replace("stakeholders:\n", """stakeholders:
  sara:
    name: Sara Gil
    title: Jefa de sala
    role: saboteur
    conversation:
      start: hola
      nodes:
        hola:
          say: Hola.
          choices:
            - {text: ¿Qué tal?, tactic: small_talk}
""")
    loaded = load_scenario_text(with_saboteur, "sab.yaml")
    assert loaded.scenario is not None, [p.format() for p in loaded.problems]
    rt = Runtime(loaded.scenario)
    game = Game(rt, 0)
    game.choose_key("meet:sara")
    game.choose_key("leave")
    game.abandon()
    assert_nothing_scored(rt, game)
    one = Game(rt, 0)  # one word said, and the rules score as before
    one.choose_key("meet:sara")
    one.choose_key("sara/hola/0")
    assert not said_nothing(one.state)
    assert score(rt, one.state).competencies["saboteurs"][0] > 0


def test_one_choice_is_play(rt: Runtime) -> None:
    game = Game(rt, 0)
    game.choose_key("meet:raj")
    game.choose_key("raj/hello/1")  # small talk
    game.abandon()
    assert not said_nothing(game.state)
    assert score(rt, game.state).competencies["relationship"][0] > 0


@pytest.mark.parametrize(("lang", "words"), [
    ("en", "You said nothing: an attempt without a single choice earns no points."),
    ("es", "No dijiste nada: un intento sin una sola elección no suma puntos."),
])
def test_the_terminal_and_the_result_file_say_why(rt: Runtime, tmp_path: Path, lang: str,
                                                   words: str) -> None:
    out = tmp_path / "result.json"
    done = main("play", str(EXAMPLE), "--text", "--seed", "0", "--lang", lang,
                "--result-json", str(out), stdin="1\n4\n")  # meet Olivia, thank her, stop
    assert done.returncode == 0, done.stderr
    assert words == Words(rt.scenario, lang).lost("said-nothing", {})
    flat = " ".join(done.stdout.split())
    assert flat.count(words) == 1  # one reason for all of it, said once with all the points
    assert "−100.0" in flat or "−100,0" in flat
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["outcome"] == "abandoned" and result["passed"] is False
    assert result["score"]["total"] == 0.0
    for competency in result["score"]["competencies"].values():
        assert competency["score"] == 0.0
        assert competency["lost"] == [{"points": competency["max"], "why": "said-nothing"}]
