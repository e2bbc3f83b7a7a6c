"""`import --lrs` against Ralph (ralph-malph 5.1), a real LRS, on loopback — only when
QUALIFIED_TEST_RALPH_PYTHON names a Python with `ralph-malph[cli,lrs]` installed (see
tests/reports/test_sync_ralph.py, whose server this reuses). Two laptops sync, the trainer's
machine imports the class back page by page, and an import twice changes nothing."""
from __future__ import annotations

import pytest

from game.cli import main
from game.reports.lrs import sync
from game.store import Store, open_store
from tests.reports.test_sync_ralph import PASSWORD, USER, pytestmark, ralph  # noqa: F401
from tests.store.helpers import LOSE, WIN, Clock, full_attempt, generous, spanish


def test_import_the_class_back_from_ralph(ralph: str, tmp_path,  # noqa: F811
                                          monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    laptops: list[Store] = []
    for n, (player, sc, plan) in enumerate([("Núñez", generous(), WIN),
                                            ("Ana", spanish(), LOSE), ("Zoë", generous(), WIN)]):
        laptop = open_store(tmp_path / f"laptop-{n}", clock=Clock())
        full_attempt(laptop, player, sc, n, plan)
        assert sync(laptop, ralph, user=USER, password=PASSWORD).conflicts == 0
        laptops.append(laptop)
    monkeypatch.setenv("QUALIFIED_LRS_USER", USER)
    monkeypatch.setenv("QUALIFIED_LRS_PASSWORD", PASSWORD)
    assert main(["import", "--lrs", ralph]) == 0
    assert "3 attempts imported, 0 already here" in capsys.readouterr().out
    with open_store() as trainer:
        mine = {r.attempt.id: (r.attempt.player, r.attempt.total, r.result["passed"])
                for r in trainer.attempts()}
        theirs = {r.attempt.id: (r.attempt.player, r.attempt.total, r.result["passed"])
                  for laptop in laptops for r in laptop.attempts()}
        assert mine == theirs
        assert sync(trainer, ralph, user=USER, password=PASSWORD).sent == 0
    assert main(["import", "--lrs", ralph]) == 0
    assert "0 attempts imported, 3 already here" in capsys.readouterr().out
