"""The command line (design.md §4). One module per command; this one dispatches.

Each command module provides `add_parser(subparsers)` and `run(args) -> int` (the exit code).
Nothing here imports pygame: only the window command does, when it runs.
"""
from __future__ import annotations

import argparse
import importlib
import os
import platform
import sys

from game.version import __version__

COMMANDS: tuple[str, ...] = ("play", "validate", "analyze", "schema", "new", "report", "sync",
                             "import")
VERSION_FLAGS = ("--version", "-V")


def version_text() -> str:
    """What `--version` prints: the game's version and the Python running it."""
    return f"qualified {__version__} (Python {platform.python_version()})"


def program_name() -> str:
    """`qualified` when run as the installed command, else `python main.py`."""
    name = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    return "python main.py" if name in ("", "main.py", "-c", "__main__.py") else \
        os.path.splitext(name)[0]


def _available_commands(names: tuple[str, ...] = COMMANDS) -> list[object]:
    modules = []
    for name in names:
        try:
            modules.append(importlib.import_module(f"game.cli.{name}_cmd"))
        except ModuleNotFoundError as exc:
            if exc.name != f"game.cli.{name}_cmd":
                raise
    return modules


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser with every command that is installed — or, given `only` (a command's
    name), with that command alone, so running it imports only what it needs (a command's
    modules pull in the store, the reports, the analyser…: half a second of start-up)."""
    parser = argparse.ArgumentParser(
        prog=program_name(),
        description="Qualified — a sales-training game. With no command, opens the game window.")
    parser.add_argument(*VERSION_FLAGS, action="version", version=version_text(),
                        help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    names = (only,) if only in COMMANDS else () if only in VERSION_FLAGS else COMMANDS
    for module in _available_commands(names):
        module.add_parser(sub)  # type: ignore[attr-defined]
    return parser


def add_lang_option(parser: argparse.ArgumentParser, what: str) -> None:
    """`--lang en|es` for a trainer's tool: the language of `what`. Without it, the scenario's
    own `language:`, else QUALIFIED_LANG, else settings.toml's `[class] language`, else English
    (game/messages.py)."""
    parser.add_argument("--lang", choices=("en", "es"), default=None,
                        help=f"language of {what} (default: the scenario's; for a file that "
                             "cannot be read that far, QUALIFIED_LANG or the class's language "
                             "in settings.toml, else English)")


def window_module() -> object | None:
    """game.cli.window, or None (with a message) when pygame, which it needs, is missing."""
    from game.cli import window

    return window if window.pygame_ready() else None


def _open_window() -> int:
    window = window_module()
    return 1 if window is None else int(window.open_window())  # type: ignore[attr-defined]


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")  # accents survive LANG=C
    if not (sys.argv[1:] if argv is None else argv):
        # no command: straight to the window, without importing every command's modules
        # (the engine, pydantic…) first — the title must show fast (design.md §7)
        return _open_window()
    words = sys.argv[1:] if argv is None else argv
    args = build_parser(words[0]).parse_args(argv)
    if args.command is None:
        return _open_window()
    return int(args.run(args))
