"""`play PATH [--text] [--seed N] [--cast NAME] [--player NAME] [--resume | --new] [--result-json FILE]`.

With `--player`, the attempt is kept in the results database (game.store): every choice and
role tag is saved as it is made, so a game that is killed or loses power can be resumed.
`--resume` continues the player's unfinished attempt of the scenario; without it, the terminal
offers to resume or start over when there is one; `--new` starts over without asking.
"""
from __future__ import annotations

import argparse
import functools
import secrets
import shlex
import subprocess
import sys
from collections.abc import Callable

from game import variants
from game.atomic import NotAFile, check_target
from game.bundled import scenario_path, unknown_scenario_hint
from game.engine import Game
from game.i18n import Words
from game.loader import load_scenario
from game.result import result_dict, write_json_atomically
from game.runtime import Runtime
from game.safe_text import shown
from game.schema import Scenario
from game.store import Attempt, ResumeError, Store, StoreError, open_store
from game.store.players import clean_name
from game.textplay import TextPlay, line_reader

_UI = {
    "en": {
        "unfinished": "{player}, you have an unfinished attempt at “{title}” (started {date}, "
                      "turn {turn}, {steps} actions saved).",
        "resume": "Resume it", "over": "Start over", "choose": "Your choice (1–2): ",
        "hint": "Type 1 or 2.", "kept": "Nothing changed: your unfinished attempt is kept.",
        "resuming": "Resuming your attempt from {date} — turn {turn}, {steps} actions replayed.",
        "no-unfinished": "{player} has no unfinished attempt at “{title}”: starting a new one.",
        "seed-kept": "(the attempt keeps its own seed, {seed})",
        "saved": "Your attempt is saved. Continue it with: {command}",
        "unlocked": "New scenario unlocked: {id}",
        "not-saved": "warning: this action could not be saved: {error}",
        "start-over": "To start over: {command}",
        "kept-partly": "Your attempt is kept up to its last saved action. Once this is fixed, "
                       "continue it with: {command}",
    },
    "es": {
        "unfinished": "{player}, tienes un intento sin terminar de «{title}» (empezado el "
                      "{date}, turno {turn}, {steps} acciones guardadas).",
        "resume": "Continuarlo", "over": "Empezar de nuevo", "choose": "Tu elección (1–2): ",
        "hint": "Escribe 1 o 2.", "kept": "Sin cambios: tu intento sin terminar se conserva.",
        "resuming": "Continúas tu intento del {date}: turno {turn}, {steps} acciones "
                    "repetidas.",
        "no-unfinished": "{player} no tiene ningún intento sin terminar de «{title}»: "
                         "empieza uno nuevo.",
        "seed-kept": "(el intento conserva su semilla, {seed})",
        "saved": "Tu intento está guardado. Continúalo con: {command}",
        "unlocked": "Nuevo escenario desbloqueado: {id}",
        "not-saved": "aviso: esta acción no se ha podido guardar: {error}",
        "start-over": "Para empezar de nuevo: {command}",
        "kept-partly": "Tu intento se conserva hasta la última acción guardada. Cuando esté "
                       "resuelto, continúalo con: {command}",
    },
}


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the command."""
    p = sub.add_parser("play", help="play a scenario (in the window, or --text in the terminal)")
    p.add_argument("path", metavar="PATH|ID",
                   help="the scenario file, or the id of a bundled scenario "
                        "(e.g. tutorial-first-deal)")
    p.add_argument("--text", action="store_true", help="play in the terminal")
    p.add_argument("--seed", type=int, default=None,
                   help="the seed (the same seed and choices replay exactly); random if omitted")
    p.add_argument("--cast", metavar="NAME", default=None,
                   help="play this cast of the scenario (who decides, who sabotages), so a "
                        "class's results compare: the first seed from --seed on that draws it")
    p.add_argument("--player", default=None,
                   help="the player's name; the attempt is then saved as it is played")
    again = p.add_mutually_exclusive_group()
    again.add_argument("--resume", action="store_true",
                       help="continue the player's unfinished attempt of this scenario")
    again.add_argument("--new", action="store_true",
                       help="start over even if the player has an unfinished attempt")
    p.add_argument("--result-json", metavar="FILE", default=None,
                   help="write the attempt's result as JSON to FILE")
    p.add_argument("--lang", choices=("en", "es"), default=None,
                   help="language of the game's own words (default: the scenario's)")
    p.add_argument("--autoplay", action="store_true",
                   help="window: a seeded policy plays to the debrief (a preview)")
    p.add_argument("--screenshots", metavar="DIR", default=None,
                   help="window: save a PNG of each distinct screen into DIR")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Load the scenario and play it."""
    refused = _player_problem(args.player) or _result_file_problem(args.result_json)
    if refused:  # before anything is loaded or played
        print(f"error: {refused}", file=sys.stderr)
        return 2
    args.path = scenario_path(args.path)  # a bundled scenario's id, from any folder
    loaded = load_scenario(args.path)
    if loaded.scenario is None:
        hint = unknown_scenario_hint(args.path)
        if hint:  # neither a file nor a bundled scenario's id
            print(hint, file=sys.stderr)
            return 1
        for problem in loaded.problems:
            print(problem.format(), file=sys.stderr)
        print(f"{args.path}: cannot be played until these errors are fixed "
              f"(run `python main.py validate {args.path}`)", file=sys.stderr)
        return 1
    if (args.resume or args.new) and not args.player:
        print("--resume and --new need --player NAME (whose attempt to continue)",
              file=sys.stderr)
        return 2
    seed = args.seed if args.seed is not None else secrets.randbelow(1_000_000)
    if args.cast is not None:
        names = variants.cast_names(loaded.scenario)
        found = variants.seed_with_cast(loaded.scenario, args.cast, seed)
        if found is None:
            print(f"{args.path}: no cast called {args.cast!r} — "
                  + (f"its casts are: {', '.join(names)}" if names else
                     "this scenario has a single cast (no `variants: casts:`)"),
                  file=sys.stderr)
            return 2
        seed = found
    if not args.text:
        from game.cli import window_module  # the window imports pygame

        window = window_module()
        return 1 if window is None else int(window.play_window(args, loaded.scenario, seed))
    return _play_text(args, loaded.scenario, seed)


def _play_text(args: argparse.Namespace, scenario: Scenario, seed: int) -> int:
    if sys.stdin is not None and hasattr(sys.stdin, "reconfigure"):
        sys.stdin.reconfigure(encoding="utf-8", errors="replace")
    stdin = sys.stdin if sys.stdin is not None else open("/dev/null", encoding="utf-8")
    read, echo = line_reader(stdin), not stdin.isatty()
    ui = _UI[Words(scenario, args.lang).language]
    rt = Runtime(scenario)
    store: Store | None = None
    attempt: Attempt | None = None
    resumed = False
    code = 0
    try:
        if args.player:
            try:
                store = open_store()
                for notice in store.notices:
                    print(notice, file=sys.stderr)
                begun = _begin(store, args, scenario, rt, seed, read, echo, ui)
            except ResumeError as exc:
                hint = ui["start-over"].format(command=_again(args.path, args.player, "--new"))
                print(f"error: {exc}\n{hint}", file=sys.stderr)
                return 1
            except (StoreError, ValueError) as exc:
                print(f"error: {exc}", file=sys.stderr)
                return 1
            if begun is None:
                print(ui["kept"])
                return 0
            attempt, game, resumed = begun
        else:
            game = Game(rt, seed=seed)
        on_step = _recorder(store, attempt, ui) if store and attempt else None
        from game.analysis.par_cache import ParCache, new_best  # not for the window's play
        from game.analysis.par_service import ParService

        pars = ParService(ParCache(), runner="thread")
        ask_par = functools.partial(pars.request, scenario, game.state.seed)
        beat = functools.partial(new_best, pars.cache, scenario, game.state.seed)
        if not echo:  # a trainee at the keyboard: search par while they play
            ask_par()
        front = _Front(game, read, sys.stdout, args.lang, on_step=on_step, echo=echo,
                       par=ask_par)
        front.beat_par = beat
        if resumed and attempt is not None:
            front.resumed = ui["resuming"].format(date=_local(attempt), turn=game.state.turn,
                                                  steps=len(game.state.path))
        print(f"(seed {game.state.seed} — replay this attempt with --seed {game.state.seed})")
        front.run()
        pars.close()
        if store is not None and attempt is not None:
            code = _close(store, attempt, game, args, ui)  # the result file is written anyway
    finally:
        if store is not None:
            store.close()
    if args.result_json:
        try:
            write_json_atomically(args.result_json,
                                  result_dict(game, args.player, front.known_par))
        except NotAFile as exc:
            print(f"{shown(args.result_json)}: cannot write the result: it {exc.strerror} "
                  f"(--result-json)", file=sys.stderr)
            return 1
        except OSError as exc:
            print(f"{shown(args.result_json)}: cannot write the result ({exc.strerror or exc}) "
                  f"— free some disk space or give another file with --result-json; any "
                  f"earlier file there is unchanged", file=sys.stderr)
            return 1
    return code


def _player_problem(player: str | None) -> str | None:
    """Why `--player` cannot name a player, or None (also when it is not given)."""
    if player is None:
        return None
    if not player.strip():
        return ("--player needs a name, and the one given is empty: nothing would be saved. "
                "Give the trainee's name, or leave --player out to play without saving")
    try:
        clean_name(player)
    except ValueError as exc:
        return f"--player {shown(player)}: {exc}"
    return None


def _result_file_problem(path: str | None) -> str | None:
    """Why the result could not be written to `path` after play, found before play starts."""
    if path is None:
        return None
    try:
        check_target(path)
    except NotAFile as exc:
        return f"--result-json {shown(path)}: it {exc.strerror}"
    return None


def _again(path: str, player: str, flag: str) -> str:
    """The command that plays this attempt again, quoted for this computer's shell."""
    words = ["python", "main.py", "play", path, "--text", "--player", player, flag]
    if sys.platform == "win32":
        return subprocess.list2cmdline(words)
    return shown(" ".join(shlex.quote(w) for w in words))


def _begin(store: Store, args: argparse.Namespace, scenario: Scenario, rt: Runtime, seed: int,
           read: Callable[[], str | None], echo: bool,
           ui: dict[str, str]) -> tuple[Attempt, Game, bool] | None:
    """Resume or start the attempt; None if the input ended at the question."""
    open_attempt = store.unfinished(args.player, scenario.id)
    if args.resume and open_attempt is None:
        print(ui["no-unfinished"].format(player=args.player, title=scenario.title))
    if open_attempt is not None and not args.new:
        wants_resume = True if args.resume else _ask_resume(open_attempt, scenario, read, echo,
                                                            ui)
        if wants_resume is None:
            return None
        if wants_resume:
            game = store.resume(open_attempt, rt)
            if args.seed is not None and args.seed != open_attempt.seed:
                print(ui["seed-kept"].format(seed=open_attempt.seed))
            return open_attempt, game, True
    attempt = store.start_attempt(args.player, args.path, scenario, seed)
    return attempt, Game(rt, seed=seed), False


def _ask_resume(attempt: Attempt, scenario: Scenario, read: Callable[[], str | None],
                echo: bool, ui: dict[str, str]) -> bool | None:
    """Ask "resume or start over?"; True to resume, None at the end of input."""
    print(ui["unfinished"].format(player=attempt.player, title=scenario.title,
                                  date=_local(attempt), turn=attempt.turn,
                                  steps=attempt.steps))
    print(f"  1. {ui['resume']}\n  2. {ui['over']}")
    while True:
        sys.stdout.write(ui["choose"])
        sys.stdout.flush()
        try:
            raw = read()
        except KeyboardInterrupt:
            raw = None
        if raw is None:
            sys.stdout.write("\n")
            return None
        if echo:
            sys.stdout.write(raw if raw.endswith("\n") else raw + "\n")
        if raw.strip() in ("1", "2"):
            return raw.strip() == "1"
        print(f"  {ui['hint']}")


def _local(attempt: Attempt) -> str:
    return attempt.started.astimezone().strftime("%Y-%m-%d %H:%M")


def _recorder(store: Store, attempt: Attempt, ui: dict[str, str]) -> Callable[[Game], None]:
    """The `on_step` callback: save each action as it is made; warn (once per failure run)
    if the database refuses, and catch up on the next success."""
    failing = False

    def record(game: Game) -> None:
        nonlocal failing
        try:
            store.record(attempt, game)
            failing = False
        except StoreError as exc:
            if not failing:
                print(ui["not-saved"].format(error=exc), file=sys.stderr)
            failing = True

    return record


def _close(store: Store, attempt: Attempt, game: Game, args: argparse.Namespace,
           ui: dict[str, str]) -> int:
    """After play: finish a won/lost attempt; keep one stopped by the end of input resumable."""
    try:
        if game.state.end_reason == "abandoned":
            store.record(attempt, game)  # catches up if a save failed on the way
            print(ui["saved"].format(command=_again(args.path, attempt.player, "--resume")))
            return 0
        for scenario_id in sorted(store.finish(attempt, game)):
            print(ui["unlocked"].format(id=scenario_id))
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        print(ui["kept-partly"].format(command=_again(args.path, attempt.player, "--resume")),
              file=sys.stderr)
        return 1
    return 0


class _Front(TextPlay):
    """The terminal front end, which on a resumed attempt says so and repeats where the
    conversation stands after the briefing."""

    resumed: str | None = None

    def briefing(self) -> None:
        """The briefing, then (when resuming) where the attempt stands."""
        super().briefing()
        if self.resumed is None:
            return
        self.say()
        self.say(self.resumed)
        line = self.game.current_line()
        if line is not None:
            self.show([line])
