"""Choices of one node need distinct ids (error) and distinct text (warning).

Passing:

    hello:
      choices:
        - id: ask_pains
          text: "What slows your team down?"
          tactic: discovery
        - id: ask_budget
          text: "Who signs off on a purchase like this?"
          tactic: authority

Passing too — the same words under different conditions (one shown in each cast):

        - id: who_signs_a
          text: "Who signs off on a purchase like this?"
          tactic: authority
          if: {flags: [cast_a]}
        - id: who_signs_b
          text: "Who signs off on a purchase like this?"
          tactic: authority
          if: {flags: [cast_b]}

Failing — two choices with `id: ask_pains` (the debrief and replays could not tell them
apart), or two choices whose text and condition are the same (the trainee sees two identical
options):

        - id: ask_pains
          text: "What slows your team down?"
          tactic: discovery
        - id: ask_pains
          text: "What slows your team down?"
          tactic: authority
"""
from __future__ import annotations

from collections.abc import Iterator

from game.lint._walk import nodes
from game.messages import msg
from game.problems import Locator, Problem
from game.schema import Scenario


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def check(scenario: Scenario, locator: Locator) -> Iterator[Problem]:
    """Yield a problem for every choice repeating an earlier choice's id or text in its node."""
    for _sid, nid, node, path in nodes(scenario):
        ids: dict[str, int] = {}
        texts: dict[tuple[str, object], int] = {}
        for index, choice in enumerate(node.choices):
            where = path + ("choices", index)
            if choice.id is not None:
                if choice.id in ids:
                    yield locator.problem(
                        where + ("id",), "error", "duplicate-id",
                        msg("duplicate-id", n=index + 1, node=nid, id=choice.id,
                            first=ids[choice.id] + 1))
                else:
                    ids[choice.id] = index
            # the same words under another condition are a twin, not a repeat: `if: {flags:
            # [cast_a]}` and `if: {flags: [cast_b]}` show one option in each cast
            text = (_normal(choice.text),
                    None if choice.when is None else choice.when.model_dump_json())
            if text in texts:
                yield locator.problem(
                    where + ("text",), "warning", "duplicate-text",
                    msg("duplicate-text", n=index + 1, node=nid, first=texts[text] + 1))
            else:
                texts[text] = index
