"""Scenario files made to hurt (issue #16): a buying centre of thousands is refused where it
starts, with a line; text that would take over a terminal (escape sequences written in double
quotes) is refused with its line."""
from __future__ import annotations

from game.loader import load_scenario_text
from game.schema import MAX_STAKEHOLDERS
from tests.conftest import MINI


def _with_people(count: int) -> str:
    people = "".join(f"  extra{i}:\n    name: Persona {i}\n    title: Técnica\n    role: user\n"
                     f"    stance: 0.0\n    conversation:\n      start: hi\n      nodes:\n"
                     f"        hi:\n          say: Hola.\n" for i in range(count))
    return MINI.read_text(encoding="utf-8").replace("stakeholders:\n", "stakeholders:\n" + people,
                                                    1)


def test_a_buying_centre_past_the_cap_is_refused_with_its_line() -> None:
    loaded = load_scenario_text(_with_people(1500), "enorme.yaml")
    assert loaded.scenario is None
    (problem,) = [p for p in loaded.problems if p.level == "error"]
    assert (problem.file, problem.line, problem.code) == ("enorme.yaml", 10, "too-long")
    assert f"the buying centre has 1503 stakeholders; a scenario holds at most " \
           f"{MAX_STAKEHOLDERS}" in problem.message


def test_a_buying_centre_at_the_cap_loads() -> None:
    loaded = load_scenario_text(_with_people(MAX_STAKEHOLDERS - 3), "grande.yaml")
    assert loaded.scenario is not None
    assert len(loaded.scenario.stakeholders) == MAX_STAKEHOLDERS


def test_escape_sequences_in_text_are_refused_where_they_are_written() -> None:
    text = MINI.read_text(encoding="utf-8").replace(
        "title: Mini deal", 'title: "Mini \\e]0;pwned\\a deal"')
    loaded = load_scenario_text(text, "título.yaml")
    assert loaded.scenario is None
    (problem,) = loaded.problems
    assert (problem.line, problem.col, problem.code) == (2, 8, "control-character")
    assert "U+001B" in problem.message
    for fine in ('"Línea\\tuno\\nlínea dos"', '"Café \\u00e9"', "'\\e is two letters here'"):
        ok = MINI.read_text(encoding="utf-8").replace("title: Mini deal", f"title: {fine}")
        assert load_scenario_text(ok, "bien.yaml").scenario is not None, fine
