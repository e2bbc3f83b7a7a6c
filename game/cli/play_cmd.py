"""`play PATH [--text] [--seed N] [--player NAME] [--result-json FILE]`."""
from __future__ import annotations

import argparse
import secrets
import sys

from game.engine import Game
from game.loader import load_scenario
from game.result import result_dict, write_json_atomically
from game.textplay import TextPlay, line_reader


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the command."""
    p = sub.add_parser("play", help="play a scenario (in the window, or --text in the terminal)")
    p.add_argument("path", metavar="PATH", help="the scenario file")
    p.add_argument("--text", action="store_true", help="play in the terminal")
    p.add_argument("--seed", type=int, default=None,
                   help="the seed (the same seed and choices replay exactly); random if omitted")
    p.add_argument("--player", default=None, help="the player's name")
    p.add_argument("--result-json", metavar="FILE", default=None,
                   help="write the attempt's result as JSON to FILE")
    p.add_argument("--lang", choices=("en", "es"), default=None,
                   help="language of the game's own words (default: the scenario's)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Load the scenario and play it."""
    loaded = load_scenario(args.path)
    if loaded.scenario is None:
        for problem in loaded.problems:
            print(problem.format(), file=sys.stderr)
        print(f"{args.path}: cannot be played until these errors are fixed "
              f"(run `python main.py validate {args.path}`)", file=sys.stderr)
        return 1
    seed = args.seed if args.seed is not None else secrets.randbelow(1_000_000)
    if not args.text:
        from game.cli.window import play_window  # imports pygame
        return play_window(args, loaded.scenario, seed)
    game = Game(loaded.scenario, seed=seed)
    if sys.stdin is not None and hasattr(sys.stdin, "reconfigure"):
        sys.stdin.reconfigure(encoding="utf-8", errors="replace")
    stdin = sys.stdin if sys.stdin is not None else open("/dev/null", encoding="utf-8")
    front = TextPlay(game, line_reader(stdin), sys.stdout, args.lang,
                     echo=not stdin.isatty())
    print(f"(seed {seed} — replay this attempt with --seed {seed})")
    front.run()
    if args.result_json:
        try:
            write_json_atomically(args.result_json, result_dict(game, args.player))
        except OSError as exc:
            print(f"{args.result_json}: cannot write the result: {exc.strerror or exc}",
                  file=sys.stderr)
            return 1
    return 0
