"""Every key of the exported scenario schema carries help an editor shows on hover, in the
authoring guide's words (issue 14)."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from game import schema

ROOT = Path(__file__).resolve().parent.parent
GUIDE = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")


def properties(node: Any, where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every property of every object in the JSON Schema, named `Model.key`."""
    if isinstance(node, dict):
        for key, value in node.get("properties", {}).items():
            yield f"{where}.{key}", value
        for name, value in node.items():
            yield from properties(value, name if name != "properties" else where)
    elif isinstance(node, list):
        for value in node:
            yield from properties(value, where)


def test_every_property_of_the_exported_schema_has_a_description() -> None:
    found = list(properties(schema.scenario_json_schema(), "Scenario"))
    assert len(found) >= 119
    bare = [name for name, value in found if not str(value.get("description", "")).strip()]
    assert bare == [], f"give these keys Field(description=…): {bare}"


def meanings(model: str) -> dict[str, str]:
    """key → the Meaning cell of the guide's table for `model`, as plain text."""
    rows: dict[str, str] = {}
    for line in GUIDE.split(f"<!-- model: {model} -->", 1)[1].lstrip("\n").splitlines():
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip("|").split("|")]
        key = re.fullmatch(r"`([a-z_]+)`", cells[0])
        if key:
            rows[key.group(1)] = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", cells[3]).replace("**", "")
    return rows


@pytest.mark.parametrize("model", [v for v in vars(schema).values() if isinstance(v, type)
                                   and issubclass(v, schema._Strict) and v is not schema._Strict],
                         ids=lambda m: m.__name__)
def test_each_description_is_the_guide_s_meaning(model: type[BaseModel]) -> None:
    guide = meanings(model.__name__)
    for name, info in model.model_fields.items():
        key = info.alias or name
        assert info.description == guide[key], f"{model.__name__}.{key}: copy the guide's words"
