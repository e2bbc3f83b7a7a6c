"""Statistics: counts and words per stakeholder, and the estimated minutes of play."""
from __future__ import annotations

import pytest

from game.analysis.par import find_par
from game.analysis.stats import estimate_minutes, statistics, words
from game.runtime import Runtime
from game.schema import Scenario


def test_words() -> None:
    assert (words(None), words(""), words(" Hello   there. "), words("¿Otra herramienta más?")) \
        == (0, 0, 2, 3)


def test_counts_per_stakeholder(tiny: Scenario) -> None:
    stats = statistics(tiny)
    assert [(p.stakeholder, p.role, p.nodes, p.choices, p.words, p.feedback_words)
            for p in stats.people] == [("ana", "decision_maker", 1, 3, 14, 0),
                                       ("bo", "saboteur", 2, 2, 11, 0)]
    assert (stats.nodes, stats.choices, stats.words, stats.briefing_words) == (3, 5, 30, 5)
    assert (stats.needs, stats.objections, stats.events) == (1, 1, 0)
    assert stats.estimated_minutes is None and stats.declared_minutes == 15
    assert stats.to_dict()["stakeholders"]["bo"] == {
        "name": "Bo", "role": "saboteur", "nodes": 2, "choices": 2, "words": 11,
        "feedback_words": 0}


def test_minutes_along_the_par_path(tiny_rt: Runtime) -> None:
    # briefing 5 words; 7 decisions reading their open options (2, 3, 3, 2, 12, 8, 3 words)
    # and what is said on arriving (2 + 3 + 2): 45 words at 200 a minute, 6 s a decision
    par = find_par(tiny_rt)
    assert estimate_minutes(tiny_rt, 0, par.path) == pytest.approx(45 / 200 + 7 * 6 / 60)
    assert statistics(tiny_rt.scenario, 0.9166).estimated_minutes == 0.9
