"""Each conversation as a graph, nodes shaded by how often random play reached them.

`--graph FILE` picks the format by extension: `.dot` / `.gv` give Graphviz DOT (render with
`dot -Tsvg FILE -o graph.svg`), `.mmd` gives Mermaid, and `.md` Mermaid inside a ```mermaid
fence (GitHub and many editors draw it). One cluster per stakeholder; an arrow per choice (to
its `next:` node, to itself when it stays, to an end marker for `next: end`), labelled with its
tactic, its text and the share of runs that took it. Nodes never reached are drawn dashed in red.
"""
from __future__ import annotations

import os
import re

from game.analysis.playouts import Playouts
from game.schema import END, Scenario

FORMATS = {".dot": "dot", ".gv": "dot", ".mmd": "mermaid", ".md": "markdown"}
LABEL_CHARS = 36

_LIGHT = (0xF7, 0xFB, 0xFF)   # shade of a node (almost) never reached
_DARK = (0x08, 0x51, 0x9C)    # shade of a node reached in every run


class GraphFormatError(ValueError):
    """The graph file's extension names no format we write."""


def graph_format(path: str) -> str:
    """"dot", "mermaid" or "markdown" from the file name; GraphFormatError otherwise."""
    ext = os.path.splitext(path)[1].lower()
    if ext not in FORMATS:
        raise GraphFormatError(
            f"{path}: cannot tell the graph format from '{ext or 'no extension'}' — name the "
            "file .dot or .gv (Graphviz) or .mmd or .md (Mermaid)")
    return FORMATS[ext]


def shade(share: float) -> str:
    """The fill colour for a node reached in `share` (0–1) of the runs."""
    share = min(1.0, max(0.0, share))
    return "#" + "".join(f"{round(a + (b - a) * share):02x}" for a, b in zip(_LIGHT, _DARK))


def _ink(share: float) -> str:
    return "#ffffff" if share > 0.55 else "#000000"


def _short(text: str | None, limit: int = LABEL_CHARS) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _pct(count: int, runs: int) -> str:
    return f"{100 * count / runs:.0f}%" if runs else "–"


def render(scenario: Scenario, playouts: Playouts | None, fmt: str) -> str:
    """The graph text in `fmt` ("dot", "mermaid" or "markdown")."""
    if fmt == "dot":
        return to_dot(scenario, playouts)
    text = to_mermaid(scenario, playouts)
    return f"```mermaid\n{text}```\n" if fmt == "markdown" else text


def write_graph(path: str, scenario: Scenario, playouts: Playouts | None) -> None:
    """Write the graph to `path` in the format its extension names."""
    text = render(scenario, playouts, graph_format(path))
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(text)


def _dot_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_dot(scenario: Scenario, playouts: Playouts | None) -> str:
    """Graphviz DOT: one cluster per stakeholder."""
    runs = playouts.runs if playouts is not None else 0
    lines = [f"digraph {_dot_text(scenario.id)} {{",
             f"  label={_dot_text(scenario.title)}; labelloc=t; rankdir=LR;",
             '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=10];',
             '  edge [fontname="Helvetica", fontsize=9];']
    for sid, person in scenario.stakeholders.items():
        lines.append(f"  subgraph {_dot_text('cluster_' + sid)} {{")
        lines.append(f"    label={_dot_text(f'{person.name} ({person.role})')};")
        ends = False
        for nid, node in person.conversation.nodes.items():
            count = playouts.node_runs[(sid, nid)] if playouts is not None else 0
            share = count / runs if runs else 0.0
            label = nid + (f"\n{_short(node.say)}" if node.say else "")
            if runs:
                label += f"\nreached in {_pct(count, runs)} of runs"
            style = ""
            if runs and count == 0:
                style = ', style="rounded,filled,dashed", color="#cc0000"'
            shape = ", peripheries=2" if nid == person.conversation.start else ""
            lines.append(f"    {_dot_text(f'{sid}/{nid}')} [label={_dot_text(label)}, "
                         f"fillcolor=\"{shade(share)}\", fontcolor=\"{_ink(share)}\"{style}{shape}];")
            for i, choice in enumerate(node.choices):
                target = nid if choice.next is None else choice.next
                if target == END:
                    ends = True
                    target_id = f"{sid}/{END}"
                else:
                    target_id = f"{sid}/{target}"
                label = f"{choice.tactic}: {_short(choice.text, 28)}"
                if runs and playouts is not None:
                    label += f" ({_pct(playouts.choice_runs[f'{sid}/{nid}/{i}'], runs)})"
                lines.append(f"    {_dot_text(f'{sid}/{nid}')} -> {_dot_text(target_id)} "
                             f"[label={_dot_text(label)}];")
        if ends:
            lines.append(f"    {_dot_text(f'{sid}/{END}')} [label=\"end\", shape=circle, "
                         "fillcolor=\"#eeeeee\", fontcolor=\"#000000\"];")
        lines.append("  }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _mermaid_text(text: str) -> str:
    return '"' + text.replace('"', "#quot;").replace("\n", "<br/>") + '"'


def to_mermaid(scenario: Scenario, playouts: Playouts | None) -> str:
    """A Mermaid flowchart: one subgraph per stakeholder."""
    runs = playouts.runs if playouts is not None else 0
    ids: dict[str, str] = {}

    def ident(name: str) -> str:
        if name not in ids:
            ids[name] = f"n{len(ids)}_{re.sub(r'[^A-Za-z0-9_]', '_', name)}"
        return ids[name]

    lines = ["flowchart LR"]
    styles = []
    for sid, person in scenario.stakeholders.items():
        lines.append(f"  subgraph {ident('cluster/' + sid)}"
                     f"[{_mermaid_text(f'{person.name} ({person.role})')}]")
        ends = False
        for nid, node in person.conversation.nodes.items():
            count = playouts.node_runs[(sid, nid)] if playouts is not None else 0
            share = count / runs if runs else 0.0
            label = nid + (f"\n{_short(node.say)}" if node.say else "")
            if runs:
                label += f"\n{_pct(count, runs)} of runs"
            me = ident(f"{sid}/{nid}")
            lines.append(f"    {me}[{_mermaid_text(label)}]")
            extra = ",stroke:#cc0000,stroke-dasharray:4 3" if runs and count == 0 else ""
            styles.append(f"  style {me} fill:{shade(share)},color:{_ink(share)}{extra}")
            for i, choice in enumerate(node.choices):
                target = nid if choice.next is None else choice.next
                if target == END:
                    ends = True
                label = f"{choice.tactic}: {_short(choice.text, 28)}"
                if runs and playouts is not None:
                    label += f" ({_pct(playouts.choice_runs[f'{sid}/{nid}/{i}'], runs)})"
                lines.append(f"    {me} -->|{_mermaid_text(label)}| {ident(f'{sid}/{target}')}")
        if ends:
            lines.append(f"    {ident(f'{sid}/{END}')}(((end)))")
        lines.append("  end")
    return "\n".join(lines + styles) + "\n"
