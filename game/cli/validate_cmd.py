"""`validate [PATH...]`: check scenario files and folders; every problem, located, in one run."""
from __future__ import annotations

import argparse
import os
import sys

from game.bundled import scenarios_dir
from game.loader import find_scenario_files, load_scenario
from game.problems import Problem, in_order


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the command."""
    p = sub.add_parser("validate", help="check scenario files (exit 0 clean, 1 on any error)")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="scenario files or folders (none: the bundled scenarios)")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.set_defaults(run=run)


def collect(paths: list[str]) -> tuple[list[Problem], int]:
    """Every problem in every scenario under `paths`, and how many files were read."""
    problems: list[Problem] = []
    count = 0
    for path in paths:
        if not os.path.exists(path):
            problems.append(Problem(path, 1, 1, "error", "no-file",
                                    "no such file or folder — check the path and its spelling"))
            continue
        files = find_scenario_files(path)
        if os.path.isdir(path) and not files:
            problems.append(Problem(path, 1, 1, "error", "no-scenarios",
                                    "this folder holds no scenario files (.yaml or .yml)"))
        for file in files:
            count += 1
            problems.extend(load_scenario(file).problems)
    return in_order(problems), count


def run(args: argparse.Namespace) -> int:
    """Print every problem as `path:line:col: level: message`; exit 1 on any error."""
    problems, count = collect(args.paths or [str(scenarios_dir())])
    for problem in problems:
        print(problem.format())
    errors = sum(p.level == "error" for p in problems)
    warnings = len(problems) - errors
    failing = errors + (warnings if args.strict else 0)
    summary = (f"{count} scenario file{'s' if count != 1 else ''} checked: "
               f"{errors} error{'s' if errors != 1 else ''}, "
               f"{warnings} warning{'s' if warnings != 1 else ''}")
    print(summary, file=sys.stderr)
    return 1 if failing else 0
