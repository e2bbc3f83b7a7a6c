"""Live reload (F5 in the window): the new scenario, or its problems — never an exception."""
from __future__ import annotations

from pathlib import Path

import pytest

from game import reload as live
from game.reload import reload_scenario
from tests.conftest import MINI


@pytest.fixture()
def copy(tmp_path: Path) -> Path:
    path = tmp_path / "deal.yaml"
    path.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def test_a_good_file_comes_back_as_a_scenario(copy: Path) -> None:
    reloaded = reload_scenario(copy)
    assert reloaded.ok and reloaded.scenario is not None
    assert reloaded.scenario.title == "Mini deal"
    assert reloaded.problems == [] and reloaded.messages() == []
    assert reloaded.path == str(copy)


def test_an_edit_is_picked_up_and_the_game_restarts_with_the_seed(copy: Path) -> None:
    copy.write_text(copy.read_text(encoding="utf-8").replace("title: Mini deal",
                                                             "title: Bigger deal"),
                    encoding="utf-8")
    reloaded = reload_scenario(copy)
    assert reloaded.scenario is not None and reloaded.scenario.title == "Bigger deal"
    game = reloaded.restart(42)
    assert game.state.seed == 42 and game.state.turn == 0 and not game.over


def test_errors_come_back_as_located_messages(copy: Path) -> None:
    text = copy.read_text(encoding="utf-8")
    copy.write_text(text.replace("turns: 4", "turns: four").replace("role: saboteur",
                                                                    "role: sabotuer"),
                    encoding="utf-8")
    reloaded = reload_scenario(copy)
    lines = copy.read_text(encoding="utf-8").splitlines()
    turns_line, role_line = lines.index("turns: four") + 1, lines.index("    role: sabotuer") + 1
    assert not reloaded.ok and reloaded.scenario is None
    assert reloaded.messages() == [
        f"{copy}:{turns_line}:8: error: 'turns' must be a whole number, not the text 'four' [wrong-type]",
        f"{copy}:{role_line}:11: error: 'role' is 'sabotuer', but must be one of: decision_maker, "
        "influencer, saboteur, user, gatekeeper — did you mean 'saboteur'? [bad-value]",
    ]
    assert [p.code for p in reloaded.errors] == ["wrong-type", "bad-value"]
    with pytest.raises(ValueError, match="has errors and cannot be played"):
        reloaded.restart(1)


def test_broken_yaml_and_a_vanished_file(copy: Path, tmp_path: Path) -> None:
    copy.write_text("id: [unclosed\n", encoding="utf-8")
    assert reload_scenario(copy).messages()[0].startswith(f"{copy}:1:5: error: the [ opened")
    gone = tmp_path / "gone.yaml"
    assert reload_scenario(gone).messages() == [
        f"{gone}:1:1: error: no such file — check the path and its spelling [no-file]"]


def test_warnings_come_back_with_the_scenario(copy: Path) -> None:
    text = copy.read_text(encoding="utf-8")
    copy.write_text(text.replace("needs:\n", "needs:\n  orphan: {text: Nobody, benefit: easier}\n"),
                    encoding="utf-8")
    reloaded = reload_scenario(copy)
    assert reloaded.ok
    assert {p.level for p in reloaded.problems} == {"warning"}


def test_nothing_escapes(copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(path: str) -> None:
        raise MemoryError("boom")
    monkeypatch.setattr(live, "load_scenario", explode)
    reloaded = reload_scenario(copy)
    assert reloaded.messages() == [
        f"{copy}:1:1: error: the file could not be read again (MemoryError: boom) — fix it and "
        "press F5 again [reload-failed]"]
