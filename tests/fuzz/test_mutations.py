"""Structured mutations of the shipped scenarios: whatever an author's damage, the loader and
the validator give a LoadResult with well-formed problems (file named, line and column ≥ 1,
level error or warning) and never an exception; a mutant that loads without an error is played
for 200 random choices without an exception.

CI-sized and derandomized (the same examples every run); bench/fuzz_long.py runs the same
mutations for 100,000 cases. tests/test_fuzz_loader.py fuzzes a small inline scenario and
random text; these start from the real library.
"""
from __future__ import annotations

import random
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from game.loader import load_scenario_text
from tests.fuzz.mutations import (FAMILIES, SHIPPED, DrawChooser, Mutant, RandomChooser,
                                  load_violations, mutate, play_randomly, shipped_lines)

SETTINGS = settings(derandomize=True, database=None, deadline=None, print_blob=False,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@st.composite
def mutants(draw: Any, families: tuple[str, ...], truncate: bool = False,
            encode: bool = False, most: int = 3) -> Mutant:
    """A shipped scenario damaged by operators of `families`."""
    return mutate(DrawChooser(draw), families, truncate=truncate, encode=encode, most=most)


def check(mutant: Mutant) -> None:
    """Load the mutant: a well-formed result; if it has no error, play it."""
    result = load_scenario_text(mutant.data, mutant.name)
    assert load_violations(result, mutant.name) == [], mutant.steps
    event("played" if result.scenario is not None else
          "refused: " + min((p.code for p in result.errors), default="?"))
    if result.scenario is not None:
        play_randomly(result.scenario, seed=len(mutant.steps))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_the_shipped_scenarios_load_clean_and_play(path: Any) -> None:
    result = load_scenario_text("".join(shipped_lines(path)), f"fuzz/{path.name}")
    assert result.problems == [] and result.scenario is not None
    for seed in (1, 2):
        play_randomly(result.scenario, seed)


@settings(SETTINGS, max_examples=90)
@given(mutants(("structure",)))
def test_lines_and_blocks_deleted_duplicated_swapped_moved_reindented(mutant: Mutant) -> None:
    check(mutant)


@settings(SETTINGS, max_examples=70)
@given(mutants(("values",)))
def test_values_of_the_wrong_type(mutant: Mutant) -> None:
    check(mutant)


@settings(SETTINGS, max_examples=50)
@given(mutants(("wiring",)))
def test_references_and_numbers_rewired(mutant: Mutant) -> None:
    check(mutant)


@settings(SETTINGS, max_examples=50)
@given(mutants(("inject",), encode=True))
def test_tabs_boms_crlf_nul_anchors_and_encodings(mutant: Mutant) -> None:
    check(mutant)


@settings(SETTINGS, max_examples=40)
@given(mutants(tuple(FAMILIES), truncate=True, encode=True, most=4))
def test_everything_at_once_then_truncated(mutant: Mutant) -> None:
    check(mutant)


@settings(SETTINGS, max_examples=30)
@given(st.sampled_from(SHIPPED), st.data())
def test_truncated_at_any_character(path: Any, data: st.DataObject) -> None:
    text = "".join(shipped_lines(path))
    cut = DrawChooser(data.draw).integer(0, len(text))
    check(Mutant(path.name, [f"truncate@{cut}"], text[:cut]))


def test_rewiring_reaches_the_engine() -> None:
    """The wiring operators keep many mutants valid, so the play half of `check` really runs
    (seeded, so the count is stable)."""
    played = 0
    for n in range(48):  # the bundled scenarios' larger nodes leave fewer rewirings valid
        mutant = mutate(RandomChooser(random.Random(n)), ["wiring"], truncate=False,
                        encode=False, most=2)
        result = load_scenario_text(mutant.data, mutant.name)
        assert load_violations(result, mutant.name) == []
        if result.scenario is not None:
            play_randomly(result.scenario, n)
            played += 1
    assert played >= 10
