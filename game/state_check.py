"""Whether a saved play state fits a scenario: refuses states that were edited, damaged, or saved
for another scenario (or an older version of this one), before the engine trusts them."""
from __future__ import annotations

from game.runtime import Runtime
from game.schema import ROLES
from game.state import PlayState, StateVersionError


def check_state(rt: Runtime, state: PlayState) -> None:
    """Refuse a saved state that does not fit the scenario (edited, damaged or for another)."""
    scenario = rt.scenario
    if state.scenario_id != scenario.id:
        raise StateVersionError(f"this saved attempt is for scenario {state.scenario_id!r}, "
                                f"not {scenario.id!r}")
    people = set(scenario.stakeholders)
    problems = []
    if not set(state.stance) == set(state.anchor) == set(state.trust) == people:
        problems.append("the stakeholders differ from the scenario's")
    if not (state.introduced | set(state.met) | set(state.tags)) <= people:
        problems.append("it names stakeholders the scenario does not have")
    if not set(state.tags.values()) <= set(ROLES):
        problems.append("it holds an unknown role tag")
    if not (set(state.needs_known) | set(state.pitched)) <= set(scenario.needs):
        problems.append("it names needs the scenario does not have")
    if not set(state.objections) <= set(scenario.objections) or any(
            not isinstance(r, dict) or r.get("state") not in ("open", "resolved")
            or not isinstance(r.get("raised"), int) for r in state.objections.values()):
        problems.append("its objections do not fit the scenario")
    if any(not isinstance(r, dict) or not isinstance(r.get("turn"), int)
           for r in (*state.needs_known.values(), *state.pitched.values())):
        problems.append("its needs are damaged")
    if any(not isinstance(h, dict) or not isinstance(h.get("about"), str)
           or not isinstance(h.get("text"), str) for h in state.hints):
        problems.append("its clues are damaged")
    if any(not isinstance(e, dict) or not isinstance(e.get("kind"), str) or (
            e["kind"] == "choice" and not (isinstance(e.get("mark"), str)
                                           and isinstance(e.get("notes"), list)
                                           and e.get("key") in _choice_keys(rt)))
           for e in state.path):
        problems.append("its path is damaged")
    if not state.fired <= set(scenario.events):
        problems.append("it names events the scenario does not have")
    if not state.offered <= set(scenario.objections):
        problems.append("it names objections the scenario does not have")
    if not (state.taken | set(state.seen)) <= _choice_keys(rt):
        problems.append("it names choices the scenario does not have")
    if state.phase in ("meeting", "after_close") and (
            state.meeting_with not in people or (state.phase == "meeting" and (
                state.meeting_with, state.node) not in rt.choices)):
        problems.append("its current meeting does not exist in the scenario")
    if not 0 <= state.turn <= scenario.turns or not 0 <= state.interest <= 4 \
            or not 0 <= state.interest + state.interest_later <= 4:
        problems.append("its turn or interest is out of range")
    if problems:
        raise StateVersionError("the saved attempt does not fit this scenario (it may have "
                                f"changed since): {'; '.join(problems)} — start it again")


def _choice_keys(rt: Runtime) -> set[str]:
    return {spec.key for specs in rt.choices.values() for spec in specs}
