"""Progress per player, the class leaderboard, and scenarios unlocked by referrals."""
from __future__ import annotations

from datetime import date

import pytest

from game.store import Store
from tests.store.helpers import LOSE, WIN, Clock, full_attempt, generous, scenario, spanish


def test_best_score_counts_won_and_lost_attempts_only(store: Store) -> None:
    sc = scenario()
    assert store.best_score("Ana", "mini") is None
    _, lost, _ = full_attempt(store, "Ana", sc, 1, LOSE)
    full_attempt(store, "Ana", sc, 2, WIN[:3])        # left unfinished
    _, won, _ = full_attempt(store, "Ana", sc, 3, WIN)
    best = store.best_score("ana", "mini")
    assert best is not None and best > 0
    assert best == max(r.attempt.total for r in store.attempts() if r.attempt.total is not None)
    assert store.best_score("Ana", "other") is None
    assert store.best_score("Nobody", "mini") is None


def test_progress_lists_scenarios_trend_and_unlocks(store: Store, clock: Clock) -> None:
    sc, es = generous(), spanish()
    full_attempt(store, "Núñez", sc, 1, LOSE)
    clock.advance(hours=1)
    full_attempt(store, "Núñez", sc, 2, WIN)
    clock.advance(hours=1)
    full_attempt(store, "Núñez", es, 3, WIN[:4])
    mine = store.progress("núñez")
    assert mine.player == "Núñez"
    assert [s.scenario_id for s in mine.scenarios] == ["ruta-nunez", "mini"]  # latest first
    spanish_row, mini_row = mine.scenarios
    assert spanish_row.title == "Venta de rutas — Logística Núñez"
    assert (spanish_row.attempts, spanish_row.finished, spanish_row.last_outcome) == (1, 0, None)
    assert (mini_row.attempts, mini_row.finished, mini_row.wins) == (2, 2, 1)
    assert mini_row.best_score == store.best_score("Núñez", "mini")
    assert [t.scenario_id for t in mine.trend] == ["mini", "mini"]
    assert mine.trend[0].total < mine.trend[1].total
    assert all(0.0 <= v <= 1.0 for t in mine.trend for v in t.competencies.values())
    assert mine.unlocked == {"beta"}
    assert store.progress("Nobody").scenarios == []


def test_a_won_deal_with_a_won_referral_unlocks_the_next_scenario(store: Store) -> None:
    _, game, unlocked = full_attempt(store, "Ana", scenario(), 1, WIN)
    assert game.state.outcome == "won" and game.state.referral == "lost"
    assert unlocked == set() and store.unlocked("Ana") == set()
    _, game, unlocked = full_attempt(store, "Ana", generous(), 2, WIN)
    assert game.state.referral == "won"
    assert unlocked == {"beta"} and store.unlocked("ANA") == {"beta"}
    _, _, again = full_attempt(store, "Ana", generous(), 3, WIN)
    assert again == set()                   # already unlocked: not "new" twice
    assert store.unlocked("Bea") == set()   # unlocks are per player


def test_playable_offers_starting_scenarios_and_unlocked_ones(store: Store) -> None:
    first = generous()                                  # leads to beta
    beta = scenario(a="id: mini|id: beta", b="leads_to: beta|leads_to: gamma")
    gamma = scenario(a="id: mini|id: gamma", b="leads_to: beta|leads_to: mini")  # a loop
    catalogue = [first, beta, gamma]
    # mini is led to by gamma, beta by mini, gamma by beta: every one is led to, so none starts
    assert store.playable("Ana", catalogue) == set()
    assert store.playable("Ana", [first, beta]) == {"mini"}
    full_attempt(store, "Ana", first, 1, WIN)
    assert store.playable("Ana", [first, beta]) == {"mini", "beta"}


def test_leaderboard_ranks_best_scores_and_filters_by_date(store: Store, clock: Clock) -> None:
    sc = scenario()
    full_attempt(store, "Ana", sc, 1, LOSE)            # 10 March
    clock.advance(days=1)
    full_attempt(store, "Bea", sc, 1, WIN)             # 11 March
    full_attempt(store, "Ana", sc, 1, WIN)
    full_attempt(store, "Núñez", sc, 1, LOSE)
    full_attempt(store, "Ciro", sc, 1, WIN[:5])        # unfinished: not on the board
    board = store.leaderboard("mini")
    # Ana's win came after her lost attempt had shown her the same cast's roles: practice,
    # counted apart and not ranked
    assert [e.player for e in board] == ["Bea", "Ana", "Núñez"]
    assert [e.rank for e in board] == [1, 2, 2]         # a tie shares the rank
    assert (board[1].attempts, board[1].wins, board[1].practice) == (1, 0, 1)
    assert (board[0].wins, board[0].passes, board[0].practice) == (1, 1, 0)
    later = store.leaderboard("mini", since="2025-03-11")
    assert [(e.player, e.attempts) for e in later] == [("Bea", 1), ("Núñez", 1)]
    assert store.leaderboard(since=date(2025, 3, 12)) == []
    assert store.leaderboard("nothing") == []
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        store.leaderboard(since="last tuesday")


def test_leaderboard_across_scenarios_averages_each_best(store: Store) -> None:
    full_attempt(store, "Ana", scenario(), 1, WIN)
    full_attempt(store, "Ana", spanish(), 1, LOSE)
    full_attempt(store, "Bea", scenario(), 1, WIN)
    board = store.leaderboard()
    by_name = {e.player: e for e in board}
    assert by_name["Ana"].scenarios == 2 and by_name["Bea"].scenarios == 1
    assert by_name["Bea"].score > by_name["Ana"].score
    assert board[0].player == "Bea"
