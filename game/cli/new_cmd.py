"""`new NAME`: write NAME.yaml in the current folder — a small, complete scenario whose comments
teach the format, valid as written (`validate --strict` is clean). It never overwrites a file.

The template is game/templates/new_scenario.yaml; `__ID__`, `__TITLE__`, `__FILE__` and
`__SCHEMA__` are filled in (the last with the path from the new file to
docs/scenario.schema.json, so editors with a YAML extension complete keys).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import unicodedata
from pathlib import Path

from game.bundled import schema_file
from game.cli import add_lang_option
from game.messages import Msg, fallback_language, msg

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "game" / "templates" / "new_scenario.yaml"
SCHEMA = schema_file()  # docs/ in a checkout, inside the package once installed
SUFFIXES = (".yaml", ".yml")


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the command."""
    p = sub.add_parser("new", help="write NAME.yaml: a small scenario that validates, to edit")
    p.add_argument("name", metavar="NAME", help="the scenario's name, e.g. harbour-dental")
    add_lang_option(p, "the messages")
    p.set_defaults(run=run)


def scenario_id(name: str) -> str:
    """A valid scenario id from a name: accents dropped, anything else but letters, digits,
    `_` and `-` turned into `-` ("Clínica Sol" → "clinica-sol")."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9_-]+", "-", plain).strip("-").lower()[:64]


def scenario_text(name: str, folder: Path) -> str:
    """The new scenario's text for `name`, written into `folder`."""
    stem = name[:-len(Path(name).suffix)] if name.lower().endswith(SUFFIXES) else name
    title = re.sub(r"[-_]+", " ", stem).strip()
    title = title[:1].upper() + title[1:]
    try:
        schema = Path(os.path.relpath(SCHEMA, folder)).as_posix()
    except ValueError:  # another drive (Windows): point at the file itself
        schema = SCHEMA.as_uri()
    filename = stem + ".yaml"
    text = TEMPLATE.read_text(encoding="utf-8")
    return (text.replace("title: __TITLE__", f"title: {json.dumps(title, ensure_ascii=False)}")
                .replace("__TITLE__", title).replace("__ID__", scenario_id(stem))
                .replace("__FILE__", filename).replace("__SCHEMA__", schema))


def run(args: argparse.Namespace) -> int:
    """Write the file; exit 1 (and write nothing) when it exists or the name cannot be used.
    Messages in `--lang`, else the trainer's language (game/messages.py)."""
    language = getattr(args, "lang", None) or fallback_language()

    def refuse(words: Msg) -> int:
        print(words.render(language), file=sys.stderr)
        return 1

    name: str = args.name
    if not name.strip() or os.sep in name or (os.altsep and os.altsep in name):
        return refuse(msg("new.not-a-name", name=name))
    if not scenario_id(name.rsplit(".", 1)[0] if name.lower().endswith(SUFFIXES) else name):
        return refuse(msg("new.no-id", name=name))
    filename = name if name.lower().endswith(SUFFIXES) else name + ".yaml"
    folder = Path.cwd()
    text = scenario_text(name, folder)
    try:
        with open(folder / filename, "x", encoding="utf-8", newline="\n") as out:
            out.write(text)
    except FileExistsError:
        return refuse(msg("new.exists", file=filename))
    except OSError as exc:
        return refuse(msg("new.cannot-write", file=filename, reason=exc.strerror or exc))
    print(msg("new.wrote", file=filename).render(language))
    return 0
