"""`analyze PATH [--json] [--runs N] [--seed S] [--graph FILE]`: par, random play, coverage,
findings and statistics of one scenario (game.analysis). Readable tables by default, in the
scenario's language (`--lang` overrides); `--json` for tools, with ids and English. A progress
bar goes to standard error when it is a terminal, never to the report.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from typing import TextIO

from game.analysis.graph import GraphFormatError, graph_format, write_graph
from game.analysis.par import DEFAULT_BUDGET
from game.analysis.playouts import DEFAULT_RUNS, DEFAULT_TAG_RATE
from game.analysis.strategies import DEFAULT_SEEDS
from game.analysis.report import analyze, render_text
from game.cli import add_lang_option
from game.loader import load_scenario
from game.messages import Msg, base_language, fallback_language, msg


def _count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return value


def _rate(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, not {value}")
    return value


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the command."""
    p = sub.add_parser("analyze", help="par, random play, coverage and findings of a scenario")
    p.add_argument("path", metavar="PATH", help="the scenario file")
    p.add_argument("--json", action="store_true", help="print the analysis as JSON")
    p.add_argument("--runs", type=_count, default=DEFAULT_RUNS,
                   help=f"random attempts to play (default {DEFAULT_RUNS:,})")
    p.add_argument("--seed", type=int, default=0, help="seed of the random play (default 0)")
    p.add_argument("--graph", metavar="FILE", default=None,
                   help="also write the conversations as a graph: .dot/.gv (Graphviz) or "
                        ".mmd/.md (Mermaid), shaded by how often random play reached each node")
    p.add_argument("--budget", type=_count, default=DEFAULT_BUDGET,
                   help=f"choices the par search may make (default {DEFAULT_BUDGET:,}); "
                        "beyond it par is approximate")
    p.add_argument("--tag-rate", type=_rate, default=DEFAULT_TAG_RATE,
                   help="chance the random player tags a random role before a choice "
                        f"(default {DEFAULT_TAG_RATE})")
    p.add_argument("--jobs", type=_count, default=None,
                   help="worker processes for random play and the strategies (default: every "
                        "core)")
    p.add_argument("--path", metavar="RESULT.json", action="append", default=[],
                   dest="known_paths",
                   help="a recorded attempt (a result file) whose path seeds par: if it scores "
                        "more than the search finds for its variant, it is that variant's best "
                        "(repeatable)")
    p.add_argument("--strategy-seeds", type=int, default=DEFAULT_SEEDS, metavar="N",
                   help=f"seeds 0…N−1 each content-free strategy plays (default {DEFAULT_SEEDS};"
                        " 0 skips them)")
    add_lang_option(p, "the report and the messages (--json stays English)")
    p.set_defaults(run=run)


class ProgressBar:
    """A one-line progress bar on a terminal stream (drawn at most ten times a second)."""

    def __init__(self, stream: TextIO, label: str) -> None:
        self.stream, self.label = stream, label
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.last < 0.1:
            return
        self.last = now
        filled = int(30 * done / total) if total else 30
        self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (30 - filled)}] "
                          f"{done:,}/{total:,}")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


def _recorded(name: str, scenario_id: str) -> tuple[int, tuple[str, ...]] | Msg:
    """(seed, steps) of the result file `name`, or the words saying what is wrong with it."""
    from game.analysis.par import steps_from_path

    try:
        with open(name, encoding="utf-8") as f:
            data = json.load(f)
    except OSError as exc:
        return msg("analyze.unreadable-path", file=name, reason=exc.strerror or exc)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return msg("analyze.not-json", file=name, reason=exc)
    if not isinstance(data, dict) or not isinstance(data.get("path"), list) \
            or not isinstance(data.get("seed"), int):
        return msg("analyze.not-result", file=name)
    if data.get("scenario") != scenario_id:
        return msg("analyze.other-scenario", file=name, other=repr(data.get("scenario")),
                   this=repr(scenario_id))
    try:
        return data["seed"], steps_from_path([e for e in data["path"] if isinstance(e, dict)])
    except KeyError as exc:
        return msg("analyze.damaged", file=name, what=exc)


def _graph_refused(path: str, language: str) -> str:
    """Why the graph file's name is refused, in `language`."""
    ext = os.path.splitext(path)[1].lower()
    shown = ext or msg("analyze.no-extension").render(language)
    return msg("analyze.graph-format", file=path, ext=shown).render(language)


def run(args: argparse.Namespace) -> int:
    """Load, analyse, print; exit 1 when the scenario has errors or a file cannot be written.
    Everything but `--json` is worded in `--lang`, else the scenario's language."""
    loaded = load_scenario(args.path)
    language = args.lang or loaded.language or (
        base_language(loaded.scenario.language) if loaded.scenario is not None else None) \
        or fallback_language()

    def say(words: Msg) -> None:
        print(words.render(language), file=sys.stderr)

    if args.graph is not None:
        try:
            graph_format(args.graph)
        except GraphFormatError:
            print(_graph_refused(args.graph, language), file=sys.stderr)
            return 1
    if loaded.scenario is None:
        for problem in loaded.problems:
            print(problem.format(language), file=sys.stderr)
        say(msg("analyze.has-errors", file=args.path))
        return 1
    known = []
    for name in args.known_paths:
        found = _recorded(name, loaded.scenario.id)
        if isinstance(found, Msg):
            say(found)
            return 1
        known.append(found)
    tty = sys.stderr is not None and sys.stderr.isatty()
    progress = ProgressBar(sys.stderr, msg("analyze.progress").render(language)) \
        if tty and args.runs else None
    if tty:
        say(msg("analyze.working"))
    analysis = analyze(loaded.scenario, runs=args.runs, seed=args.seed, budget=args.budget,
                       tag_rate=args.tag_rate, jobs=args.jobs,
                       strategy_seeds=max(0, args.strategy_seeds), locator=loaded.locator,
                       file=args.path, progress=progress, known=known)
    if args.graph is not None:
        try:
            write_graph(args.graph, loaded.scenario, analysis.playouts)
        except OSError as exc:
            say(msg("analyze.graph-unwritable", file=args.graph, reason=exc.strerror or exc))
            return 1
    if args.json:
        print(json.dumps(analysis.to_dict(), indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(render_text(analysis, language=language))
        if args.graph is not None:
            print(msg("analyze.graph-written", file=args.graph).render(language))
    return 0
