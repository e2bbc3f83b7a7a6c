"""`validate [PATH...]`: check scenario files and folders; every problem, located, in one run.

Each file's problems are worded in its own language (`language:`, or `--lang`); a file that
cannot be read far enough to tell, and the closing count, in the trainer's language
(game/messages.py).
"""
from __future__ import annotations

import argparse
import os
import sys

from game.bundled import scenarios_dir
from game.cli import add_lang_option
from game.loader import find_scenario_files, load_scenario
from game.messages import fallback_language, msg, plural
from game.problems import Problem, in_order


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the command."""
    p = sub.add_parser("validate", help="check scenario files (exit 0 clean, 1 on any error)")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="scenario files or folders (none: the bundled scenarios)")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    add_lang_option(p, "the messages")
    p.set_defaults(run=run)


def collect(paths: list[str]) -> tuple[list[Problem], int, dict[str, str | None]]:
    """Every problem in every scenario under `paths`, how many files were read, and the
    language each file declares (None: it cannot be told, or the path is no scenario file)."""
    problems: list[Problem] = []
    languages: dict[str, str | None] = {}
    count = 0
    for path in paths:
        if not os.path.exists(path):
            problems.append(Problem(path, 1, 1, "error", "no-file", words=msg("no-file.folder")))
            continue
        files = find_scenario_files(path)
        if os.path.isdir(path) and not files:
            problems.append(Problem(path, 1, 1, "error", "no-scenarios",
                                    words=msg("no-scenarios")))
        for file in files:
            count += 1
            loaded = load_scenario(file)
            languages[file] = loaded.language
            problems.extend(loaded.problems)
    return in_order(problems), count, languages


def run(args: argparse.Namespace) -> int:
    """Print every problem as `path:line:col: level: message`; exit 1 on any error."""
    problems, count, languages = collect(args.paths or [str(scenarios_dir())])
    chosen: str | None = args.lang
    fallback: list[str] = []  # worked out once, only when some file does not tell

    def language_of(file: str | None) -> str:
        if chosen is not None:
            return chosen
        known = languages.get(file) if file is not None else None
        if known is not None:
            return known
        if not fallback:
            fallback.append(fallback_language())
        return fallback[0]

    for problem in problems:
        print(problem.format(language_of(problem.file)))
    errors = sum(p.level == "error" for p in problems)
    warnings = len(problems) - errors
    failing = errors + (warnings if args.strict else 0)
    told = set(languages.values())
    summary_language = language_of(next(iter(languages)) if len(told) == 1 and None not in told
                                   and not any(p.file not in languages for p in problems)
                                   else None)
    summary = msg("validate.summary", files=plural("validate.files", count),
                  errors=plural("validate.errors", errors),
                  warnings=plural("validate.warnings", warnings))
    print(summary.render(summary_language), file=sys.stderr)
    return 1 if failing else 0
