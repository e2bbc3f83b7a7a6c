"""The analyser behind `python main.py analyze`: par, random play, coverage, findings, statistics
and graph export, all on the headless engine.

    analysis = analyze(scenario, runs=10_000, seed=0)   # game.analysis.report
    print(render_text(analysis)); data = analysis.to_dict()

One concept per module: `forking` (copying and naming play states), `par` (the search for the
best score), `playouts` (seeded random play and coverage, over worker processes), `findings`,
`stats`, `graph` (DOT / Mermaid) and `report` (running them together, the JSON and the tables).
"""
from __future__ import annotations

from game.analysis.report import Analysis, analyze, render_text

__all__ = ["Analysis", "analyze", "render_text"]
