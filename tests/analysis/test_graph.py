"""Graph export: DOT and Mermaid, shaded by how often random play reached each node."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from game.analysis.graph import (GraphFormatError, graph_format, render, shade, to_dot,
                                 to_mermaid, write_graph)
from game.analysis.playouts import play_runs
from game.runtime import Runtime

from .conftest import TINY, load


def test_format_by_extension() -> None:
    assert [graph_format(p) for p in ("a.dot", "b.GV", "c.mmd", "d.md")] == \
        ["dot", "dot", "mermaid", "markdown"]
    with pytest.raises(GraphFormatError, match=r"x\.png: cannot tell the graph format from "
                                               r"'\.png' — name the file \.dot or \.gv"):
        graph_format("x.png")
    with pytest.raises(GraphFormatError, match="'no extension'"):
        graph_format("graph")


def test_shades_run_from_light_to_dark() -> None:
    assert (shade(0.0), shade(0.5), shade(1.0), shade(7.0)) == \
        ("#f7fbff", "#80a6ce", "#08519c", "#08519c")


def test_dot_of_a_scenario_with_coverage(tiny_rt: Runtime) -> None:
    text = to_dot(tiny_rt.scenario, play_runs(tiny_rt, 0, 0, 200))
    assert text.startswith('digraph "tiny" {\n  label="Tiny deal"; labelloc=t; rankdir=LR;\n')
    assert '  subgraph "cluster_bo" {\n    label="Bo (saboteur)";\n' in text
    assert ('    "bo/worry" [label="worry\\nIt breaks things.\\nreached in 60% of runs", '
            'fillcolor="#6996c4", fontcolor="#ffffff"];\n') in text
    assert '    "bo/hi" -> "bo/worry" [label="discovery: What worries you? (60%)"];\n' in text
    assert '    "ana/hi" -> "ana/hi" [label="pitch: The tool cuts that cost. (39%)"];\n' in text
    assert '    "ana/hi" -> "ana/end" [label="close: Shall we sign? (56%)"];\n' in text
    assert text.endswith("  }\n}\n")


def test_nodes_never_reached_are_dashed_red() -> None:
    scenario = load(TINY.replace("        worry:\n", "        lost: {say: Lost., end: true}\n"
                                 "        worry:\n"))
    runs = play_runs(Runtime(scenario), 0, 0, 50)
    assert ('"bo/lost" [label="lost\\nLost.\\nreached in 0% of runs", fillcolor="#f7fbff", '
            'fontcolor="#000000", style="rounded,filled,dashed", color="#cc0000"];'
            ) in to_dot(scenario, runs)
    assert "  style n6_bo_lost fill:#f7fbff,color:#000000,stroke:#cc0000,stroke-dasharray:4 3" \
        in to_mermaid(scenario, runs)


def test_quotes_and_backslashes_are_escaped() -> None:
    scenario = load(TINY.replace("say: What now?", 'say: \'He said "no" \\ twice\''))
    assert 'label="hi\\nHe said \\"no\\" \\\\ twice"' in to_dot(scenario, None)
    assert '["hi<br/>He said #quot;no#quot; \\ twice"]' in to_mermaid(scenario, None)


def test_mermaid(tiny_rt: Runtime) -> None:
    text = to_mermaid(tiny_rt.scenario, play_runs(tiny_rt, 0, 0, 200))
    assert text.splitlines()[:6] == [
        "flowchart LR",
        '  subgraph n0_cluster_ana["Ana (decision_maker)"]',
        '    n1_ana_hi["hi<br/>Hello there.<br/>88% of runs"]',
        '    n1_ana_hi -->|"discovery: What costs you most? (43%)"| n1_ana_hi',
        '    n1_ana_hi -->|"pitch: The tool cuts that cost. (39%)"| n1_ana_hi',
        '    n1_ana_hi -->|"close: Shall we sign? (56%)"| n2_ana_end',
    ]
    assert "    n6_bo_end(((end)))" in text
    assert text.endswith("  style n5_bo_worry fill:#6996c4,color:#ffffff\n")
    fenced = render(tiny_rt.scenario, None, "markdown")
    assert fenced.startswith("```mermaid\nflowchart LR\n") and fenced.endswith("```\n")


def test_write_graph(tiny_rt: Runtime, tmp_path: Path) -> None:
    target = tmp_path / "tiny.gv"
    write_graph(str(target), tiny_rt.scenario, None)
    assert target.read_text(encoding="utf-8") == to_dot(tiny_rt.scenario, None)


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_graphviz_reads_it(tiny_rt: Runtime) -> None:  # pragma: no cover - needs Graphviz
    done = subprocess.run(["dot", "-Tsvg"], input=to_dot(tiny_rt.scenario, None), text=True,
                          capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
