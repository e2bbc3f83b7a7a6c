"""The references rule: every id mentioned must exist."""
from __future__ import annotations

from typing import TYPE_CHECKING

from game.lint import references
from game.schema import END

if TYPE_CHECKING:
    from .conftest import ScenarioBuilder


def test_base_scenario_has_no_unknown_references(scenario: ScenarioBuilder) -> None:
    assert scenario.run(references) == []


def test_conversation_start_must_name_a_node(scenario: ScenarioBuilder) -> None:
    scenario.person("dana")["conversation"]["start"] = "helo"
    [problem] = scenario.run(references)
    assert (problem.code, problem.level, problem.line, problem.col) == \
        scenario.expect("unknown-node", "error", "start: helo", len("start: "))
    assert "Dana Reyes's conversation" in problem.message
    assert "did you mean 'hello'?" in problem.message


def test_next_must_name_a_node_with_did_you_mean(scenario: ScenarioBuilder) -> None:
    scenario.choice("dana", "hello", 0)["next"] = "pians"
    [problem] = scenario.run(references)
    assert (problem.code, problem.level, problem.line, problem.col) == \
        scenario.expect("unknown-node", "error", "next: pians", len("next: "))
    assert "did you mean 'pains'?" in problem.message


def test_next_into_another_conversation_is_refused(scenario: ScenarioBuilder) -> None:
    scenario.choice("sam", "hello", 0)["next"] = "pains"
    assert scenario.found(references) == [
        scenario.expect("unknown-node", "error", "next: pains", len("next: "), nth=1)]
    [problem] = scenario.run(references)
    assert "it is in Dana Reyes's" in problem.message


def test_next_end_is_the_reserved_word(scenario: ScenarioBuilder) -> None:
    scenario.choice("dana", "hello", 1)["next"] = END
    assert scenario.run(references) == []


def test_unknown_without_close_match_lists_what_exists(scenario: ScenarioBuilder) -> None:
    scenario.choice("dana", "hello", 0)["next"] = "zzzzzz"
    [problem] = scenario.run(references)
    assert "did you mean" not in problem.message
    assert "'hello', 'pains'" in problem.message


def test_influences_keys_name_stakeholders(scenario: ScenarioBuilder) -> None:
    scenario.person("dana")["influences"] = {"sma": 0.3}
    [problem] = scenario.run(references)
    assert (problem.code, problem.level, problem.line, problem.col) == \
        scenario.expect("unknown-stakeholder", "error", "sma: 0.3")
    assert "did you mean 'sam'?" in problem.message


def test_a_stakeholder_cannot_influence_themself(scenario: ScenarioBuilder) -> None:
    scenario.person("sam")["influences"] = {"sam": 0.5}
    assert scenario.found(references) == [scenario.expect("self-influence", "error", "sam: 0.5")]


def test_cares_about_names_needs(scenario: ScenarioBuilder) -> None:
    scenario.person("dana")["cares_about"] = ["overtime", "overtme"]
    [problem] = scenario.run(references)
    assert (problem.code, problem.level, problem.line, problem.col) == \
        scenario.expect("unknown-need", "error", "- overtme", 2)
    assert "did you mean 'overtime'?" in problem.message


def test_objection_raised_by_names_a_stakeholder(scenario: ScenarioBuilder) -> None:
    scenario.data["objections"]["risk"]["raised_by"] = "samm"
    assert scenario.found(references) == [
        scenario.expect("unknown-stakeholder", "error", "raised_by: samm", len("raised_by: "))]


def test_every_condition_field_is_checked_in_choices(scenario: ScenarioBuilder) -> None:
    scenario.choice("dana", "pains", 2)["if"] = {
        "needs_known": ["nk_x"], "needs_unknown": ["nu_x"], "pitched": ["pi_x"],
        "met": ["me_x"], "not_met": ["nm_x"], "objections_open": ["oo_x"],
        "objections_resolved": ["or_x"], "flags": ["any_flag"], "not_flags": ["other_flag"],
    }
    expected = {"nk_x": "unknown-need", "nu_x": "unknown-need", "pi_x": "unknown-need",
                "me_x": "unknown-stakeholder", "nm_x": "unknown-stakeholder",
                "oo_x": "unknown-objection", "or_x": "unknown-objection"}
    assert scenario.found(references) == sorted(
        (scenario.expect(code, "error", word) for word, code in expected.items()),
        key=lambda f: (f[2], f[3]))


def test_event_conditions_are_checked(scenario: ScenarioBuilder) -> None:
    scenario.data["events"]["doubt"]["if"] = {"objections_open": ["rsk"], "met": ["dana"]}
    [problem] = scenario.run(references)
    assert (problem.code, problem.level, problem.line, problem.col) == \
        scenario.expect("unknown-objection", "error", "- rsk", 2)
    assert "did you mean 'risk'?" in problem.message


def test_every_effect_field_is_checked_in_choices(scenario: ScenarioBuilder) -> None:
    scenario.choice("dana", "hello", 1)["effects"] = {
        "reveal_needs": ["rv_x"], "pitch": ["pt_x"], "introduce": ["in_x"],
        "raise_objections": ["ro_x"], "role_hints": [{"about": "rh_x", "text": "A hint."}],
        "stance_of": {"so_x": 0.1}, "trust_of": {"to_x": 0.1},
        "counter": {"objection": "co_x", "using": "anything"},
        "set_flags": ["free_flag"], "clear_flags": ["other_flag"],
    }
    expected = {"rv_x": "unknown-need", "pt_x": "unknown-need",
                "in_x": "unknown-stakeholder", "ro_x": "unknown-objection",
                "rh_x": "unknown-stakeholder", "so_x": "unknown-stakeholder",
                "to_x": "unknown-stakeholder", "co_x": "unknown-objection"}
    assert scenario.found(references) == sorted(
        (scenario.expect(code, "error", word) for word, code in expected.items()),
        key=lambda f: (f[2], f[3]))


def test_event_effects_are_checked(scenario: ScenarioBuilder) -> None:
    scenario.data["events"]["doubt"]["effects"] = {
        "stance_of": {"danna": -0.1}, "raise_objections": ["riks"]}
    assert scenario.found(references) == [
        scenario.expect("unknown-stakeholder", "error", "danna:"),
        scenario.expect("unknown-objection", "error", "- riks", 2),
    ]


def test_referral_leads_to_is_not_checked(scenario: ScenarioBuilder) -> None:
    scenario.data["referral"] = {"won": "Ask Lee at Beta Corp.", "lost": "No one comes to mind.",
                                 "leads_to": "some_other_scenario"}
    assert scenario.run(references) == []


def test_inline_yaml_positions_are_exact() -> None:
    """The same check on handwritten YAML, with the position spelled out."""
    from game.loader import load_scenario_text

    text = "\n".join([
        "id: tiny", "title: Tiny", "language: en", "account: {company: A, product: B}",
        "briefing: Go.", "turns: 2", "stakeholders:", "  dana:", "    name: Dana",
        "    title: Boss", "    role: decision_maker", "    conversation:",
        "      start: hello", "      nodes:", "        hello:", "          choices:",
        "            - text: Hi", "              tactic: close", "              next: bye",
        "",
    ])
    result = load_scenario_text(text, "tiny.yaml")
    unknown = [p for p in result.problems if p.code == "unknown-node"]
    assert [(p.file, p.line, p.col, p.level) for p in unknown] == [("tiny.yaml", 19, 21, "error")]
    assert result.scenario is None
