"""The exact par search against brute force: its bounds never fall below what a position can
still reach, its position names merge only positions that play the same, and it finds the same
best total as trying every sequence of options."""
from __future__ import annotations

from typing import Any

from game.analysis.exact import Bound, BranchAndBound
from game.analysis.forking import fork, state_key
from game.analysis.par import find_par, tag_on_evidence
from game.engine import Game
from game.scoring import score

from .conftest import TINY, load
from .random_deals import random_deal

# random small deals (tests/analysis/random_deals.py) that brute force plays out in a few
# thousand positions each: seeds 5, 23, 41, 48 and 50 of 0–51 take longer and are left out
SEEDS = [s for s in range(52) if s not in (5, 23, 41, 48, 50)]


def _best_everywhere(game: Game, bound: Bound, *, key: bool = False,
                     memo: dict[object, float] | None = None) -> float:
    """The best total reachable from `game` by brute force (critical mistakes left out, as par
    leaves them out), checking at every position that the bound is at least that. With `key`,
    positions of equal `state_key` are solved once (to show merging changes nothing)."""
    s = game.state
    if s.phase == "over":
        return score(game.rt, s).total
    if key:
        assert memo is not None
        name = state_key(s)
        if name in memo:
            return memo[name]
    best = -1.0
    for index, option in enumerate(game.options()):
        spec = game.rt.spec_by_key.get(option.key)
        if not option.available or (spec is not None and spec.severity == "critical"):
            continue
        child = fork(game)
        child.choose(index)
        tag_on_evidence(child)
        best = max(best, _best_everywhere(child, bound, key=key, memo=memo))
    upper = bound.upper(s)
    assert upper >= best, (upper, best, [e.get("key", e["kind"]) for e in s.path])
    if key:
        assert memo is not None
        memo[state_key(s)] = best
    return best


def _root(seed: int) -> Game:
    game = Game(random_deal(seed), 0)
    tag_on_evidence(game)
    return game


def test_the_bound_is_never_below_what_a_position_can_reach() -> None:
    for seed in SEEDS:
        root = _root(seed)
        _best_everywhere(root, Bound(root.rt))


def test_merging_positions_by_their_name_changes_no_best_total() -> None:
    for seed in SEEDS[::3]:
        root = _root(seed)
        bound = Bound(root.rt)
        assert _best_everywhere(root, bound, key=True, memo={}) == \
            _best_everywhere(fork(root), bound)


def test_branch_and_bound_finds_the_brute_force_best() -> None:
    for seed in SEEDS:
        root = _root(seed)
        truth = _best_everywhere(fork(root), Bound(root.rt))
        found = BranchAndBound(root.rt, tag_on_evidence).run(fork(root), ())
        assert found.exact
        assert found.total == truth, seed
        assert found.game is not None and score(found.game.rt, found.game.state).total == truth
        # and par, which seeds it with the quick searches' best, agrees
        par = find_par(random_deal(seed), 0, budget=50)
        assert par.exact and par.total == truth, seed


def test_a_pitch_is_named_with_who_heard_it() -> None:
    """A need two people hold: pitched to one, a later pitch to the other still lands, so the
    two positions must not merge."""
    text = TINY.replace("    role: saboteur\n", "    role: saboteur\n    cares_about: [cost]\n")
    text = text.replace("""            - text: A pilot first.
""", """            - text: It also cuts your cost.
              tactic: pitch
              effects: {pitch: [cost]}
            - text: A pilot first.
""")
    scenario = load(text)
    one = Game(scenario, 0)
    for key in ("meet:ana", "ana/hi/0", "ana/hi/1"):
        one.choose_key(key)
    two = fork(one)
    assert one.state.pitched["cost"]["to"] == "ana"
    two.state.pitched["cost"] = {**two.state.pitched["cost"], "to": "bo"}
    assert state_key(one.state) != state_key(two.state)
    # the same people, heard in another order, play the same
    three = fork(one)
    three.state.pitched["cost"] = {"turn": 1, "to": "ana", "also": ["bo"]}
    four = fork(one)
    four.state.pitched["cost"] = {"turn": 2, "to": "bo", "also": ["ana"]}
    assert state_key(three.state) == state_key(four.state)


def test_a_close_offered_only_after_an_event_waits_for_it() -> None:
    """Ana's close is offered once the board has met (a flag only the event at the end of
    meeting 2 sets): no close can win before meeting 3, the bound knows it, and it stays sound
    against brute force."""
    text = TINY.replace("turns: 3", "turns: 4").replace(
        """            - text: Shall we sign?
              tactic: close
""", """            - text: Shall we sign?
              tactic: close
              if: {flags: [board_met]}
""") + """events:
  board:
    turn: 2
    text: The board meets.
    effects: {set_flags: [board_met]}
"""
    root = Game(load(text), 0)
    tag_on_evidence(root)
    bound = Bound(root.rt)
    assert bound.earliest_close(root.state) == 3
    best = _best_everywhere(fork(root), bound)
    par = find_par(root.scenario, 0, budget=50)
    assert par.exact and par.total == best and par.turns >= 3 and par.outcome == "won"
    free = Game(load(TINY.replace("turns: 3", "turns: 4")), 0)  # the close offered at once
    assert Bound(free.rt).earliest_close(free.state) == 1
    assert bound.upper(root.state) < Bound(free.rt).upper(free.state)


SIGNER_FIRST = """\
id: signer-first
title: Signer first
language: en
account: {company: Acme, product: Tool, deal_value: 1000}
briefing: Sell the tool to Acme.
turns: 3
close: {stance: 0.0, interest: 1, needs: 1}
stakeholders:
  ana:
    name: Ana
    title: Director
    role: decision_maker
    trust: 0.2
    cares_about: [cost]
    conversation:
      start: hi
      nodes:
        hi:
          say: Hello there.
          choices:
            - text: What costs you most?
              tactic: discovery
              effects:
                reveal_needs: [cost]
                interest: 1
                set_flags: [go_ahead]
                role_hints: [{about: ana, text: Ana signs.}]
            - text: Shall we sign?
              tactic: close
              next: end
  bo:
    name: Bo
    title: IT
    role: saboteur
    trust: 0.1
    conversation:
      start: hi
      nodes:
        hi:
          say: What now?
          choices:
            - text: What worries you?
              tactic: discovery
              effects: {raise_objections: [risk], role_hints: [{about: bo, text: Bo digs in.}]}
            - text: Ana asked me to walk you through it.
              tactic: small_talk
              if: {flags: [go_ahead]}
              effects: {trust: 0.8}
            - text: A pilot first.
              tactic: counter
              if: {flags: [go_ahead]}
              effects: {counter: {objection: risk, using: pilot}}
  cy:
    name: Cy
    title: Clerk
    role: user
    trust: 0.9
    conversation:
      start: hi
      nodes:
        hi:
          say: Hi.
          choices:
            - text: Nice day.
              tactic: small_talk
needs:
  cost: {text: Running cost, benefit: front_end_savings}
objections:
  risk: {text: It breaks things., raised_by: bo, counters: [pilot]}
"""


def test_a_signer_met_twice_brings_what_others_wait_for() -> None:
    """Bo's trust and his counter wait for what only Ana (who signs) brings: the best plan
    meets Ana, then Bo, then Ana again to close. The bound's plan that reserves a meeting for
    Ana first must count Bo's trust choice too (it would be below the best otherwise)."""
    root = Game(load(SIGNER_FIRST), 0)
    tag_on_evidence(root)
    best = _best_everywhere(fork(root), Bound(root.rt))
    par = find_par(root.scenario, 0, budget=50)
    assert par.exact and par.total == best and par.outcome == "won"
    assert par.path.count("meet:ana") == 2


def test_the_bound_holds_on_deals_a_wider_sweep_caught() -> None:
    """Random deals beyond the usual seeds where the bound once fell below the best: a second
    meeting with the person met now (67), walking away resting on a clue already collected
    (106), an introduction by someone met only for it (135, 193)."""
    for seed in (67, 106, 135, 193):
        root = _root(seed)
        truth = _best_everywhere(fork(root), Bound(root.rt))
        found = BranchAndBound(root.rt, tag_on_evidence).run(fork(root), ())
        assert found.exact and found.total == truth, seed


def _bundled(name: str, keys: str) -> Game:
    from pathlib import Path

    from game.loader import load_scenario
    from game.runtime import Runtime

    loaded = load_scenario(Path(__file__).parents[2] / "scenarios" / f"{name}.yaml").scenario
    game = Game(Runtime(loaded), 0)
    tag_on_evidence(game)
    for key in keys.split():
        game.choose_key(key)
        tag_on_evidence(game)
    return game


def test_a_role_tag_counts_only_where_evidence_can_still_come() -> None:
    """Hospital-comarcal, seed 0: the deal is won without meeting Ernesto, an influencer nobody
    gave a clue about. His tag can no longer score, so the bound is the score itself — it once
    counted the tag (2 points more), and so could not prove par."""
    game = _bundled("hospital-comarcal", (
        "meet:jorge jorge/cpd/0 jorge/cpd/5 jorge/cpd/3 jorge/cpd/6 jorge/cpd/8 jorge/cpd/10 "
        "jorge/cpd/12 leave meet:rosa rosa/despacho/0 rosa/despacho/6 rosa/despacho/15 "
        "rosa/despacho/19 leave meet:salvador salvador/gerencia/1 salvador/gerencia/4 "
        "salvador/gerencia/9 leave meet:nieves nieves/control/0 nieves/control/6 "
        "nieves/control/1 nieves/control/5 nieves/control/11 nieves/control/7 "
        "nieves/control/13 leave meet:rosa rosa/despacho/10 rosa/despacho/16 leave "
        "meet:salvador salvador/gerencia/12 salvador/gerencia/13 salvador/gerencia/22"))
    assert game.state.phase == "after_close" and "ernesto" not in game.state.met
    best = _best_everywhere(fork(game), Bound(game.rt))
    assert Bound(game.rt).upper(game.state) == best == 92.7


def test_what_an_event_brings_counts_only_if_the_deal_goes_past_it() -> None:
    """Supermercados-lozano, seed 0: an event after meeting 3 raises Rocío's objection (which
    shows her, a saboteur, to the trainee). A plan that closes in meeting 3 gets neither. With
    role tags counted as items, what an event brings was first counted in every plan (0.3
    above the best here, and supermercados' par unproven)."""
    game = _bundled("supermercados-lozano", (
        "meet:ramon ramon/almacen/1 ramon/almacen/3 ramon/almacen/4 ramon/almacen/6 "
        "ramon/almacen/7 ramon/almacen/16 leave meet:marta marta/oficina/1 marta/oficina/11"))
    found = BranchAndBound(game.rt, tag_on_evidence, budget=300_000).run(fork(game), ())
    assert found.exact and found.total == 95.9
    assert Bound(game.rt).upper(game.state) == 95.9


def _par_of(name: str, seed: int) -> Any:
    from pathlib import Path

    from game.loader import load_scenario

    scenario = load_scenario(Path(__file__).parents[2] / "scenarios" / f"{name}.yaml").scenario
    return find_par(scenario, seed)


def test_a_short_search_after_each_first_meeting_can_prove_par() -> None:
    """Tornilleria-montano, seed 7: meeting Rodrigo first leads to the 92.0 the bound allows
    within about 1,200 positions; the search that tries Mariana first does not end within
    200,000. The probes after each first meeting find it, and par is proven."""
    par = _par_of("tornilleria-montano", 7)
    assert par.exact and par.total == 92.0
    assert par.path[0] == "meet:rodrigo"


def test_someone_new_that_walking_away_or_the_close_needs_counts_in_the_trust_average() -> None:
    """Tornilleria-montano, seed 2: walking away rightly needs Leticia (budget and decision
    process), so the trust average counts her; the bound once averaged only Mariana and
    Rodrigo, 0.1 above the best. Wrenfield-home-services, seed 5: the close needs the budget
    only Hannah tells, so she is among those met; the bound once gave the spare meetings to
    people with higher trust. Both pars are now proven."""
    walk = _par_of("tornilleria-montano", 2)
    assert walk.exact and walk.total == 92.5 and walk.outcome == "lost"
    close = _par_of("wrenfield-home-services", 5)
    assert close.exact and close.total == 95.5 and "meet:hannah" in close.path
