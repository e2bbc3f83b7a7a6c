"""Variants: what a seed draws, the concrete scenario it plays, replays, and the validator."""
from __future__ import annotations

import pytest

from game import variants
from game.engine import Game
from game.loader import LoadResult, load_scenario_text
from game.runtime import Runtime
from game.schema import Scenario
from game.state import PlayState

# Two casts: Marta or Inés signs. Each cast sets a flag so the authority hint fits the cast.
# `errors` is a need only some seeds make active; Dana's starting stance is drawn in [0, 0.4].
YAML = """\
id: varied
title: Varied deal
language: en
account: {company: Acme, product: RouteWise, deal_value: 10000}
briefing: Sell RouteWise.
turns: 5
close: {stance: -0.5, interest: 1, needs: 1}
stakeholders:
  dana:
    name: Dana
    title: Planner
    role: influencer
    stance: 0.2
    cares_about: [overtime, errors]
    influences: {marta: 0.3}
    conversation:
      start: hi
      nodes:
        hi:
          say: Hello.
          choices:
            - text: How do you plan routes?
              tactic: discovery
              effects: {reveal_needs: [overtime, errors], interest: 1}
            - text: What do mistakes cost you?
              tactic: discovery
              if: {needs_known: [errors]}
              effects: {reveal_needs: [errors]}
            - text: RouteWise ends the overtime.
              tactic: pitch
              effects: {pitch: [overtime]}
            - text: RouteWise catches errors.
              tactic: pitch
              effects: {pitch: [errors]}
            - text: Who signs?
              tactic: authority
              if: {flags: [marta_signs]}
              effects: {role_hints: [{about: marta, text: Marta signs.}]}
            - text: Who signs, then?
              tactic: authority
              if: {flags: [ines_signs]}
              effects: {role_hints: [{about: ines, text: Inés signs.}]}
  marta:
    name: Marta
    title: Finance
    role: decision_maker
    conversation:
      start: hi
      nodes:
        hi:
          say: Ten minutes.
          choices:
            - text: Shall we sign?
              tactic: close
  ines:
    name: Inés
    title: IT
    role: saboteur
    stance: -0.2
    conversation:
      start: hi
      nodes:
        hi:
          say: ¿Otra herramienta?
          choices:
            - text: What worries you?
              tactic: discovery
              effects: {raise_objections: [risk]}
            - text: A two-week pilot.
              tactic: counter
              effects: {counter: {objection: risk, using: pilot}}
            - text: Shall we sign?
              tactic: close
needs:
  overtime: {text: Overtime, benefit: back_end_savings}
  errors: {text: Errors, benefit: back_end_savings}
objections:
  risk: {text: Risky., raised_by: ines, counters: [pilot]}
events:
  found:
    text: An audit finds errors.
    turn: 4
    effects: {reveal_needs: [errors]}
variants:
  casts:
    - roles: {marta: decision_maker, ines: saboteur}
      flags: [marta_signs]
    - roles: {ines: decision_maker, marta: saboteur}
      flags: [ines_signs]
  needs:
    - active: [overtime, errors]
    - active: [overtime]
  stances:
    dana: [0.0, 0.4]
"""


def load(text: str = YAML) -> LoadResult:
    return load_scenario_text(text, "varied.yaml")


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    result = load()
    assert [p.format() for p in result.problems] == []
    assert result.scenario is not None
    return result.scenario


# --- what a seed draws ---------------------------------------------------------------------------

def test_each_seed_draws_a_fixed_variant(scenario: Scenario) -> None:
    drawn = [variants.draw(scenario, seed) for seed in range(6)]
    assert drawn == [
        variants.Draw(1, 1, (("dana", 0.0),)),
        variants.Draw(0, 0, (("dana", 0.2),)),
        variants.Draw(0, 0, (("dana", 0.05),)),
        variants.Draw(0, 0, (("dana", 0.25),)),
        variants.Draw(0, 1, (("dana", 0.05),)),
        variants.Draw(1, 1, (("dana", 0.4),)),
    ]
    assert drawn == [variants.draw(scenario, seed) for seed in range(6)]
    assert drawn[0].describe(scenario) == "cast 2/2 · needs 2/2 · stance dana +0.00"


def test_stances_stay_in_range_on_the_grid(scenario: Scenario) -> None:
    values = {variants.draw(scenario, seed).stances[0][1] for seed in range(500)}
    assert values == {round(0.05 * k, 2) for k in range(9)}


def test_combinations_and_the_first_seed_of_each(scenario: Scenario) -> None:
    combos = variants.combinations(scenario)
    assert combos == [variants.Draw(0, 0), variants.Draw(0, 1), variants.Draw(1, 0),
                      variants.Draw(1, 1)]
    assert [variants.seed_for(scenario, c) for c in combos] == [1, 4, 7, 0]


# --- the concrete scenario -----------------------------------------------------------------------

def test_apply_casts_sets_stances_and_switches_needs_off(scenario: Scenario) -> None:
    concrete = variants.apply(scenario, variants.Draw(1, 1, (("dana", 0.35),)))
    people = concrete.stakeholders
    assert {sid: p.role for sid, p in people.items()} == {
        "dana": "influencer", "marta": "saboteur", "ines": "decision_maker"}
    assert people["dana"].stance == 0.35
    assert people["dana"].cares_about == ["overtime"]
    first = people["dana"].conversation.nodes["hi"].choices[0]
    assert first.effects.reveal_needs == ["overtime"]
    assert people["dana"].conversation.nodes["hi"].choices[1].effects.reveal_needs == []
    assert concrete.events["found"].effects.reveal_needs == []
    assert set(concrete.needs) == {"overtime", "errors"}  # still declared
    assert concrete.variants is not None
    assert [c.flags for c in concrete.variants.casts] == [["ines_signs"]]
    assert [n.active for n in concrete.variants.needs] == [["overtime"]]
    assert variants.start_flags(concrete) == ["ines_signs"]
    # the scenario as loaded is untouched
    assert scenario.stakeholders["marta"].role == "decision_maker"
    assert scenario.stakeholders["dana"].cares_about == ["overtime", "errors"]


def test_applying_a_concrete_scenario_again_changes_nothing(scenario: Scenario) -> None:
    concrete = variants.concrete(scenario, 0)
    for seed in range(3):
        again = variants.concrete(concrete, seed)
        assert again.stakeholders == concrete.stakeholders
        assert again.events == concrete.events


def test_inactive_needs(scenario: Scenario) -> None:
    assert variants.inactive_needs(scenario, variants.Draw(0, 0)) == frozenset()
    assert variants.inactive_needs(scenario, variants.Draw(0, 1)) == frozenset({"errors"})
    assert variants.inactive_needs(scenario, variants.Draw(0, None)) == frozenset()


def test_a_scenario_without_variants_is_played_as_written(scenario: Scenario) -> None:
    plain = scenario.model_copy(update={"variants": None})
    rt = Runtime(plain)
    assert not variants.varies(plain)
    assert variants.draw(plain, 5) == variants.Draw(None, None)
    assert variants.concrete(plain, 5) is plain
    assert Game(rt, seed=5).rt is rt
    assert variants.start_flags(plain) == []


# --- the engine plays the seed's variant ---------------------------------------------------------

def test_game_plays_the_variant_of_its_seed(scenario: Scenario) -> None:
    rt = Runtime(scenario)
    game = Game(rt, seed=0)                 # cast 2, needs 2, Dana at 0.0
    assert game.state.seed == 0
    assert game.rt.decision_maker == "ines"
    assert game.rt.saboteurs == ("marta",)
    assert game.state.flags == {"ines_signs"}
    assert game.state.stance["dana"] == 0.0
    assert game.rt.discoverable == frozenset({"overtime"})
    other = Game(rt, seed=1)                # cast 1, needs 1, Dana at 0.2
    assert other.rt.decision_maker == "marta"
    assert other.state.flags == {"marta_signs"}
    assert other.state.stance["dana"] == 0.2


def test_options_follow_the_cast_flags(scenario: Scenario) -> None:
    game = Game(scenario, seed=0)
    game.choose_key("meet:dana")
    available = {o.text for o in game.available()}
    assert "Who signs, then?" in available and "Who signs?" not in available


def test_an_inactive_need_is_never_found_and_pitching_it_is_premature(scenario: Scenario) -> None:
    game = Game(scenario, seed=0)           # needs set 2: `errors` is inactive
    game.choose_key("meet:dana")
    lines = game.choose_key("dana/hi/0")
    assert [ln.params.get("need") for ln in lines if ln.code == "need-found"] == ["overtime"]
    assert set(game.state.needs_known) == {"overtime"}
    assert not next(o for o in game.options() if o.key == "dana/hi/1").available
    lines = game.choose_key("dana/hi/3")
    assert [ln.code for ln in lines if ln.kind == "note"] == ["pitch-premature"]
    assert game.state.bad_pitches == 1


def test_the_same_seed_and_choices_replay_exactly(scenario: Scenario) -> None:
    keys = ["meet:ines", "ines/hi/0", "ines/hi/1", "leave", "meet:dana", "dana/hi/0",
            "dana/hi/5", "dana/hi/2", "leave", "meet:ines", "ines/hi/2"]
    first, second = Game(scenario, seed=0), Game(scenario, seed=0)
    for key in keys:
        assert first.choose_key(key) == second.choose_key(key)
    assert first.state.outcome == "won"
    assert first.state.to_dict() == second.state.to_dict()


def test_a_saved_attempt_resumes_in_its_own_variant(scenario: Scenario) -> None:
    game = Game(scenario, seed=0)
    game.choose_key("meet:dana")
    game.choose_key("dana/hi/0")
    saved = PlayState.from_dict(game.state.to_dict())
    resumed = Game(scenario, seed=1, state=saved)   # the recorded seed wins over the argument
    assert resumed.rt.decision_maker == "ines"
    assert resumed.state.seed == 0
    assert resumed.choose_key("dana/hi/5") == game.choose_key("dana/hi/5")


def test_runtimes_are_shared_between_games_of_the_same_variant(scenario: Scenario) -> None:
    assert variants.runtime_for(scenario, 2) is variants.runtime_for(scenario, 2)
    assert variants.runtime_for(scenario, 1) is not variants.runtime_for(scenario, 2)
    assert Game(scenario, seed=3).rt is Game(Runtime(scenario), seed=3).rt
    rt = Runtime(scenario)
    assert Game(rt, seed=3).rt is Game(rt, seed=3).rt


# --- the validator covers every variant ----------------------------------------------------------

def found(result: LoadResult) -> list[tuple[str, str, int, int]]:
    return [(p.code, p.level, p.line, p.col) for p in result.problems]


def line_of(text: str, snippet: str) -> int:
    return text[:text.index(snippet)].count("\n") + 1


def test_unknown_ids_and_a_backwards_range_are_errors() -> None:
    text = (YAML.replace("{ines: decision_maker, marta: saboteur}",
                         "{ines: decision_maker, marte: saboteur}")
                .replace("active: [overtime]\n", "active: [overtme]\n")
                .replace("dana: [0.0, 0.4]", "dana: [0.4, 0.0]"))
    result = load(text)
    assert result.scenario is None
    assert found(result) == [
        ("unknown-stakeholder", "error", line_of(text, "{ines: decision_maker, marte"),
         text.split("\n")[line_of(text, "marte") - 1].index("marte") + 1),
        ("unknown-need", "error", line_of(text, "[overtme]"), 16),
        ("bad-range", "error", line_of(text, "dana: [0.4, 0.0]"), 11),
    ]
    assert "[low, high]: [0, 0.4]" in result.problems[2].message


def test_a_problem_of_one_cast_is_reported_at_that_cast() -> None:
    text = YAML.replace("{ines: decision_maker, marta: saboteur}", "{ines: decision_maker}")
    result = load(text)
    assert result.scenario is None
    [problem] = result.problems
    assert (problem.code, problem.level, problem.line, problem.col) == (
        "in-variant", "error", line_of(text, "    - roles: {ines"), 7)
    assert problem.message.startswith("in cast 2/2: Inés is a decision-maker, and so is Marta")
    assert problem.message.endswith(
        f"(see line {line_of(text, 'role: saboteur')}, several-decision-makers)")


def test_a_problem_of_some_variants_names_them() -> None:
    # with `errors` inactive and needs: 2, only the need set 2 variants cannot be won
    text = YAML.replace("close: {stance: -0.5, interest: 1, needs: 1}",
                        "close: {stance: -0.5, interest: 1, needs: 2}")
    result = load(text)
    assert [(p.code, p.level, p.line) for p in result.problems] == [
        ("in-variant", "warning", line_of(text, "    - active: [overtime]\n"))]
    assert result.problems[0].message.startswith("in need set 2/2: cannot be won: a close needs 2")


def test_many_combinations_are_sampled_with_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    from game.lint import variants as rule
    monkeypatch.setattr(rule, "MAX_CHECKED", 3)
    result = load()
    assert [(p.code, p.level, p.line, p.col) for p in result.problems] == [
        ("variants-sampled", "warning", line_of(YAML, "variants:"), 1)]
    assert result.problems[0].message.startswith("4 cast × need-set combinations: only 3")


def test_validate_strict_is_clean_on_the_variant_scenario(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from game.cli import main
    path = tmp_path / "varied.yaml"
    path.write_text(YAML, encoding="utf-8")
    assert main(["validate", "--strict", str(path)]) == 0
    assert capsys.readouterr().out == ""


def test_a_stance_only_difference_shares_the_derived_data(scenario: Scenario) -> None:
    # seeds 2 and 4 draw different stances (and seed 4 another need set); each shared runtime
    # must equal one built from scratch for that variant, scenario included
    for seed in (1, 2, 3, 4):
        shared = variants.runtime_for(scenario, seed)
        fresh = Runtime(variants.concrete(scenario, seed))
        assert shared.scenario == fresh.scenario
        mine, theirs = vars(shared), vars(fresh)
        assert set(mine) == set(theirs)
        for name in mine:
            if name in ("scenario", "choices", "event_checks", "influence", "openness", "nodes",
                        "spec_by_key", "events_after", "meet_options", "influence_step",
                        "start", "next_plan", "first_plan"):
                continue  # hold compiled checks (functions) or a memo: compared by keys below
            assert mine[name] == theirs[name], name
        assert (shared.influence == fresh.influence).all()
        assert (shared.openness == fresh.openness).all()
        assert {k: [s.key for s in v] for k, v in shared.choices.items()} == \
            {k: [s.key for s in v] for k, v in fresh.choices.items()}
        assert {k: [s.key for s in v.specs] for k, v in shared.nodes.items()} == \
            {k: [s.key for s in v.specs] for k, v in fresh.nodes.items()}
        assert set(shared.spec_by_key) == set(fresh.spec_by_key)
        for links in ("next_plan", "first_plan"):
            assert {k: p and (p.who, p.node) for k, p in getattr(shared, links).items()} == \
                {k: p and (p.who, p.node) for k, p in getattr(fresh, links).items()}
        assert {t: [p.id for p in v] for t, v in shared.events_after.items()} == \
            {t: [p.id for p in v] for t, v in fresh.events_after.items()}
    assert variants.runtime_for(scenario, 2).choices is variants.runtime_for(scenario, 3).choices


def test_games_of_variants_sharing_a_runtime_start_at_their_own_stances(
        scenario: Scenario) -> None:
    # the engine keeps its starting values with the runtime; a stance-only variant's runtime
    # is a copy of another's, so each game must still start from its own draw
    rt = Runtime(scenario)
    by_cast_and_needs: dict[tuple[int | None, int | None], list[int]] = {}
    for seed in range(40):
        chosen = variants.draw(scenario, seed)
        by_cast_and_needs.setdefault((chosen.cast, chosen.needs), []).append(seed)
    pairs = [(a, b) for seeds in by_cast_and_needs.values() for a in seeds for b in seeds
             if variants.draw(scenario, a).stances != variants.draw(scenario, b).stances]
    assert pairs
    first, second = pairs[0]
    for seed in (first, second, first):
        game = Game(rt, seed)
        assert game.state.stance == game.state.anchor
        for sid, value in variants.draw(scenario, seed).stances:
            assert game.state.stance[sid] == value


def test_the_variant_memos_forget_their_oldest_entry_and_check_identity() -> None:
    memo: variants._Memo[str] = variants._Memo(size=3)
    owners = [object() for _ in range(4)]
    for i, owner in enumerate(owners):
        memo.put(owner, "k", f"v{i}")
    assert memo.get(owners[0], "k") is None          # the oldest went when the fourth came
    assert [memo.get(o, "k") for o in owners[1:]] == ["v1", "v2", "v3"]
    assert memo.get(owners[1], "other") is None
    assert memo.get(object(), "k") is None           # another object, never its value
