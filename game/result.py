"""The result of an attempt as JSON (design.md §4): scenario, seed, outcome, the pass verdict
(`passed`, `pass_reason`: passed / critical-mistake / not-won / below-pass-mark, and where
walking away is right walked-away-unqualified / walked-away-wrong-reason / not-disqualified),
score, path.

A scenario that says when walking away is right (format 1.2, `disqualify`) adds
`"disqualified"`: true when the trainee rightly qualified the prospect out — its outcome stays
`lost` (the contract's three outcomes), with `end_reason` `walked-away` — else false. Results of
other scenarios are as before, without the key.

Nothing in it depends on the clock, so two identical plays give identical results. When the
front end knows par (the best score the attempt's deal allows, game/analysis/par_cache.py), an
optional `par` object follows the score: `{"total": 95.5, "exact": false}`; it is left out,
never null, when par is not known.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from game import rules, variants
from game.atomic import write_text_atomically
from game.engine import Game
from game.i18n import Words
from game.scoring import debrief, reveals_roles

if TYPE_CHECKING:
    from game.analysis.par_cache import KnownPar

RESULT_VERSION = 1


def result_dict(game: Game, player: str | None = None,
                par: KnownPar | None = None) -> dict[str, Any]:
    """The result of `game` (finished or not) as JSON-ready data, with `par` when known."""
    rt, state = game.rt, game.state
    scenario = rt.scenario
    words = Words(scenario)
    report = debrief(rt, state)
    return {
        "format": RESULT_VERSION,
        "scenario": scenario.id,
        "title": scenario.title,
        "language": scenario.language,
        "seed": state.seed,
        # the cast's name tells who signs: given only once the deal was played out
        **({"cast": cast} if reveals_roles(state) and (
            cast := variants.cast_name(game.base_scenario, state.seed)) is not None else {}),
        "player": player,
        "outcome": state.outcome or "abandoned",
        **({"disqualified": report.disqualified} if scenario.disqualify is not None else {}),
        "passed": report.verdict.passed,
        "pass_reason": report.verdict.reason,
        "end_reason": state.end_reason,
        "stage": rules.stage(rt, state),
        "turns_used": state.turn,
        "turn_budget": scenario.turns,
        "deal_value": state.deal_value,
        "referral": state.referral,
        "score": _with_losses(report.score.to_dict(), report.lost),
        **({"par": par.to_dict()} if par is not None else {}),
        "path": state.path,
        "debrief": {
            "verdict": words.verdict(report.verdict),
            "timeline": report.timeline,
            "missed": [{"code": m.code, "turn": m.turn, "params": m.params,
                        "text": words.missed(m.code, m.turn, m.params)} for m in report.missed],
        },
    }


def _with_losses(score: dict[str, Any], lost: dict[str, Any]) -> dict[str, Any]:
    """The score with each competency's `lost` list ({points, why, turn?, params?}; they add
    up to max − score)."""
    for name, entry in score["competencies"].items():
        entry["lost"] = [item.to_dict() for item in lost.get(name, [])]
    return score


def write_json_atomically(path: str, data: Any) -> None:
    """Write JSON to `path` via a temporary file and a rename, so a crash never leaves half a file."""
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    write_text_atomically(path, text, prefix=".result-")
