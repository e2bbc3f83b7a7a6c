"""xAPI choices keep their meaning: the ids trainers wrote on choices (positions only for a
choice without one), and the choices marked good as the correct responses."""
from __future__ import annotations

import json

from game.reports import render
from game.reports.xapi import VERBS, choice_ids
from game.store import Store
from tests.reports.xapi_rules import check_statement
from tests.store.helpers import WIN, full_attempt, scenario

NAMED = {"a": "            - text: How do you plan routes today?|"
              "            - id: ask_routes\n              text: How do you plan routes today?",
         "b": "              feedback: Open questions uncover pains.|"
              "              feedback: Open questions uncover pains.\n"
              "              quality: good",
         "c": "            - text: RouteWise cuts overtime.|"
              "            - id: pitch_overtime\n              text: RouteWise cuts overtime."}


def _dana_hello(store: Store) -> list[dict]:
    found = [json.loads(line) for line in render("xapi", store).splitlines()]
    return [st for st in found if st["verb"]["id"] == VERBS["answered"]
            and st["object"]["id"].endswith("/interactions/talk/dana/hi")]


def test_authored_ids_and_positions_for_the_rest(empty: Store) -> None:
    full_attempt(empty, "Núñez", scenario(**NAMED), 1, WIN)
    answered = _dana_hello(empty)
    assert [st["result"]["response"] for st in answered] == ["ask_routes", "1", "pitch_overtime"]
    for st in answered:
        definition = st["object"]["definition"]
        assert [c["id"] for c in definition["choices"]] == \
            ["ask_routes", "1", "pitch_overtime", "leave"]
        assert definition["correctResponsesPattern"] == ["ask_routes"]
        assert check_statement(st) == []


def test_reordering_the_file_keeps_what_results_mean(empty: Store) -> None:
    """The same choice answered in two versions of a scenario, the second with its first two
    choices swapped, gives the same response id."""
    first = ("            - text: How do you plan routes today?\n"
             "              tactic: discovery\n"
             "              effects: {reveal_needs: [overtime], interest: 1}\n"
             "              feedback: Open questions uncover pains.\n")
    second = ("            - text: Who signs off on purchases?\n"
              "              tactic: authority\n"
              "              effects:\n"
              "                role_hints: [{about: marta, text: Marta signs anything over 5k.}]\n"
              "                introduce: [marta]\n")
    named = first.replace("- text:", "- id: ask_routes\n              text:")
    full_attempt(empty, "Ana", scenario(a=f"{first}|{named}"), 1, ["meet:dana", "dana/hi/0"])
    full_attempt(empty, "Bea", scenario(a=f"{first}{second}|{second}{named}"), 1,
                 ["meet:dana", "dana/hi/1"])
    answered = _dana_hello(empty)
    assert [st["result"]["response"] for st in answered] == ["ask_routes", "ask_routes"]
    assert [[c["id"] for c in st["object"]["definition"]["choices"]][:2]
            for st in answered] == [["ask_routes", "1"], ["0", "ask_routes"]]


def test_no_good_choice_no_pattern(empty: Store) -> None:
    full_attempt(empty, "Ciro", scenario(), 1, WIN)
    for st in _dana_hello(empty):
        definition = st["object"]["definition"]
        assert "correctResponsesPattern" not in definition
        assert [c["id"] for c in definition["choices"]] == ["0", "1", "2", "leave"]


def test_clashing_authored_ids_fall_back_to_positions() -> None:
    named = [{"id": "0", "authored": "ask"}, {"id": "1"}, {"id": "leave"}]
    assert choice_ids(named) == {"0": "ask", "1": "1", "leave": "leave"}
    clash = [{"id": "0", "authored": "leave"}, {"id": "1"}, {"id": "leave"}]
    assert choice_ids(clash) == {"0": "0", "1": "1", "leave": "leave"}
    digit = [{"id": "0", "authored": "1"}, {"id": "1"}]
    assert choice_ids(digit) == {"0": "0", "1": "1"}
