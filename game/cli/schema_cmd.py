"""`schema`: print the JSON Schema of the scenario format (from the pydantic models)."""
from __future__ import annotations

import argparse
import json

from game.schema import scenario_json_schema


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the command."""
    p = sub.add_parser("schema", help="print the scenario JSON Schema")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the schema."""
    print(json.dumps(scenario_json_schema(), indent=2, ensure_ascii=False))
    return 0
