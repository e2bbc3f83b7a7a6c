"""Content-free players: the shortcuts a trainee who wants the certificate without the learning
would try. None of them reads what anybody says; each sees only what the screen shows without
understanding it — an option's tactic, its length, its place in the list, who needs an
introduction, who raised an objection, whom a clue is about, the board's checklist.

- `first`: always the first option open.
- `longest`: always the longest thing to say (meeting whoever is least met).
- `tactic-order`: discovery, then authority, introductions, pitches, counters, small talk, and
  a close as soon as one is offered.
- `tactic-order-checklist`: the same, but a close only once the board shows need and interest
  ticked (its authority ✓ needs a decision-maker tag, which this player never makes).
- `questions-first`: meet everyone asking only questions, then pitch, counter and close once
  the checklist is green.
- `structural-tags`: tactic order with the checklist, tagging whoever needed an introduction
  as the decision-maker, whoever raised an objection as a saboteur, and everyone else met an
  influencer; closes only with the one tagged decision-maker.
- `clue-target`: tactic order with the checklist, tagging as decision-maker whoever most clear
  clues are about (without reading them) and closing only with them.
- `walk-away-early`: walks away (format 1.2: the polite exit, the same words in every cast) as
  soon as it is offered; until then, tactic order with the checklist. Walking away counts only
  after `disqualify.after` is established, so this never passes.
- `questions-then-walk-away`: tactic order, then — instead of closing or leaving — walks away
  once nothing else is left to say. In a deal where walking away is right it has often asked
  what `after` needs; what keeps it from passing is the content: the right call differs by cast
  (only the replies tell), tags on evidence and tempting mistakes.

One more player is no content-free one but a memoriser, held to its own limit
(`ALWAYS_WALK_AWAY_LIMIT`):

- `always-walk-away`: knows from earlier debriefs which options are marked mistakes and which
  reason for walking away was right most often, but reads no reply: asks every question (and
  the small talk) not marked a mistake, then — once `disqualify.after` is established, or in
  the last meeting — walks away giving that most common reason. Walking away with a reason
  (`disqualify.reasons`) is what defeats it: it passes only in the casts where its one reason
  holds.

Each player's description for trainers, and what defeats it, are in game/messages.py
(`strategy.NAME`, `strategy.NAME.fix`, English and Spanish): a `strategy-passes` finding says
them, with how the player passed on one seed (game/analysis/findings.py).

Among the options a rule prefers equally, each player picks at random (seeded per run), so the
order a scenario lists its choices in cannot favour or defeat a strategy by accident.
`memorised_replay` plays one seed's best path word for word on other seeds. The analyser
(`analyze --json` → `strategies`) runs them all over many seeds on every core; a scenario
whose strategies pass more than `PASS_LIMIT` of seeds gets a finding.

    .venv/bin/python -m game.analysis.strategies scenarios/harlow-precision.yaml [--seeds 100]
"""
from __future__ import annotations

import os
import random
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from game import rules, variants
from game.engine import Game
from game.runtime import WALK_AWAY, Runtime, walk_away_reason
from game.schema import Scenario
from game.scoring import score, verdict
from game.values import Line, Option

PASS_LIMIT = 0.10        # a content-free strategy should pass at most this share of seeds
ALWAYS_WALK_AWAY = "always-walk-away"  # the memoriser who always walks away (below)
ALWAYS_WALK_AWAY_LIMIT = 0.25  # … should pass at most this share of seeds
MEMORISED = "memorised-path"   # the best path of one seed, replayed on the others
MEMORISED_LIMIT = 0.50   # … should pass at most this share of the other seeds
DEFAULT_SEEDS = 100
MAX_STEPS = 2_000        # a guard only: the turn budget ends every attempt far sooner
ORDER = ("discovery", "authority", "introduction", "pitch", "counter", "small_talk")
QUESTIONS = ("discovery", "authority", "introduction")


@dataclass
class Seen:
    """What a content-free player remembers: structure only, never the words."""

    introduced: set[str]          # people who needed an introduction (and got one)
    objectors: set[str]           # people who raised an objection
    meetings: dict[str, int]      # how often each person was met
    questions_round: bool = True  # questions-first: still asking round

    @classmethod
    def start(cls) -> Seen:
        """Nothing seen yet."""
        return cls(set(), set(), {})


Pick = Callable[[Game, list[tuple[int, Option]], Seen, random.Random], int | None]


@dataclass(frozen=True)
class Outcome:
    """One strategy's attempt at one seed."""

    won: bool
    passed: bool
    total: float


@dataclass(frozen=True)
class StrategyFigures:
    """One strategy over many seeds: win and pass rates and the mean total."""

    runs: int
    wins: int
    passes: int
    mean: float

    @property
    def win_rate(self) -> float:
        """Share of the seeds won (0–1)."""
        return self.wins / self.runs if self.runs else 0.0

    @property
    def pass_rate(self) -> float:
        """Share of the seeds passed (0–1)."""
        return self.passes / self.runs if self.runs else 0.0

    def to_dict(self) -> dict[str, Any]:
        """{"win_rate", "pass_rate", "mean", "runs"} for `analyze --json`."""
        return {"win_rate": round(self.win_rate, 4), "pass_rate": round(self.pass_rate, 4),
                "mean": round(self.mean, 1), "runs": self.runs}


# --- how the players pick ------------------------------------------------------------------------

def _meet(game: Game, open_: list[tuple[int, Option]], seen: Seen, rng: random.Random,
          target: str | None = None) -> int:
    """Between meetings: the close target when the checklist is green, else someone least met."""
    meets = [(i, o) for i, o in open_ if o.key.startswith("meet:")]
    if target is not None and all(rules.board_checklist(game.rt, game.state).values()):
        for i, o in meets:
            if o.key == f"meet:{target}":
                return i
    fewest = min(seen.meetings.get(o.key[5:], 0) for _, o in meets)
    return rng.choice([i for i, o in meets if seen.meetings.get(o.key[5:], 0) == fewest])


def _by_tactic(open_: list[tuple[int, Option]], tactics: Sequence[str],
               rng: random.Random) -> int | None:
    for tactic in tactics:
        found = [i for i, o in open_ if o.tactic == tactic]
        if found:
            return rng.choice(found)
    return None


def _leave(open_: list[tuple[int, Option]]) -> int:
    return next(i for i, o in open_ if o.key == "leave")


def pick_first(game: Game, open_: list[tuple[int, Option]], seen: Seen,
               rng: random.Random) -> int | None:
    return open_[0][0]


def pick_longest(game: Game, open_: list[tuple[int, Option]], seen: Seen,
                 rng: random.Random) -> int | None:
    if game.state.phase == "between":
        return _meet(game, open_, seen, rng)
    said = [(i, o) for i, o in open_ if o.text]
    if not said:
        return open_[0][0]
    longest = max(len(o.text) for _, o in said)
    return rng.choice([i for i, o in said if len(o.text) == longest])


def _tactic_player(wait: bool, target: Callable[[Game, Seen], str | None] | None = None,
                   questions_first: bool = False, walk_away: str | None = None) -> Pick:
    """A player by tactic order; `walk_away`: "early" walks away as soon as it can, "last"
    walks away when nothing but a close or leaving is left (format 1.2)."""
    def pick(game: Game, open_: list[tuple[int, Option]], seen: Seen,
             rng: random.Random) -> int | None:
        state = game.state
        walks = [i for i, o in open_ if o.tactic == WALK_AWAY]
        if walks and walk_away == "early":
            return rng.choice(walks)
        who = target(game, seen) if target is not None else None
        if state.phase == "between":
            if questions_first and seen.questions_round:
                unmet = [o for _, o in open_ if o.key.startswith("meet:")
                         and o.key[5:] not in seen.meetings]
                if not unmet:
                    seen.questions_round = False
            return _meet(game, open_, seen, rng, who)
        if state.phase == "after_close":
            return next(i for i, o in open_ if o.key == "referral:ask")
        tactics = QUESTIONS if questions_first and seen.questions_round else ORDER
        chosen = _by_tactic(open_, tactics, rng)
        if chosen is not None:
            return chosen
        if walks and walk_away == "last":
            return rng.choice(walks)
        closes = [i for i, o in open_ if o.tactic == "close"]
        board = rules.board_checklist(game.rt, state)
        # authority ✓ on the board needs a decision-maker tag: a player who tags nobody waits
        # for need and interest only
        green = all(board.values()) if target is not None else board["need"] and board["interest"]
        if closes and not (questions_first and seen.questions_round) and (
                not wait or green) and (who is None or state.meeting_with == who):
            return rng.choice(closes)
        return _leave(open_)
    return pick


def _introduced_first(game: Game, seen: Seen) -> str | None:
    return min(seen.introduced, default=None)


def _most_clues(game: Game, seen: Seen) -> str | None:
    counts: dict[str, int] = {}
    for hint in game.state.hints:
        if not hint.get("vague", False):
            counts[hint["about"]] = counts.get(hint["about"], 0) + 1
    if not counts:
        return None
    return max(sorted(counts), key=lambda sid: counts[sid])


def _tag_structurally(game: Game, seen: Seen) -> None:
    """structural-tags: needed an introduction → decision-maker; objected → saboteur; anyone
    else met → influencer. Tags are (re)set after each step, when the evidence is there."""
    dm = _introduced_first(game, seen)
    for sid in game.state.met:
        role = ("decision_maker" if sid == dm else "saboteur" if sid in seen.objectors
                else "influencer")
        if game.state.tags.get(sid) != role:
            game.tag(sid, role)


def _tag_clue_target(game: Game, seen: Seen) -> None:
    dm = _most_clues(game, seen)
    if dm is not None and game.state.tags.get(dm) != "decision_maker" and \
            rules.has_evidence(game.scenario, game.state, dm):
        for sid, role in list(game.state.tags.items()):
            if role == "decision_maker":
                game.tag(sid, None)
        game.tag(dm, "decision_maker")
    for sid in seen.objectors:
        if sid != dm and game.state.tags.get(sid) != "saboteur":
            game.tag(sid, "saboteur")


def _marked_mistake(game: Game, key: str) -> bool:
    spec = game.rt.spec_by_key.get(key)
    return spec is not None and spec.choice.quality == "mistake"


def _reason_of(game: Game, key: str) -> str | None:
    spec = game.rt.spec_by_key.get(key)
    return walk_away_reason(spec.choice.effects) if spec is not None else None


_COMMON: dict[int, tuple[Scenario, str | None]] = {}  # the most common reason, by scenario


def most_common_reason(scenario: Scenario) -> str | None:
    """The reason for walking away that is right in the most casts × need sets of `scenario`
    (as they start; the first declared on a tie) — what a player learns from earlier debriefs.
    None when `disqualify` lists no reasons."""
    hit = _COMMON.get(id(scenario))
    if hit is not None and hit[0] is scenario:
        return hit[1]
    disqualify = scenario.disqualify
    reasons = list(disqualify.reasons) if disqualify is not None else []
    counts = dict.fromkeys(reasons, 0)
    for combination in variants.combinations(scenario) if reasons else ():
        seed = variants.seed_for(scenario, combination)
        if seed is None:
            continue
        game = Game(scenario, seed)
        for reason in reasons:
            counts[reason] += rules.walking_away_right(game.rt, game.state) and \
                rules.right_reason(game.rt, game.state, reason)
    found = max(reasons, key=lambda r: counts[r]) if reasons else None  # max keeps the first
    if len(_COMMON) > 16:
        _COMMON.clear()
    _COMMON[id(scenario)] = (scenario, found)
    return found


def pick_always_walk_away(game: Game, open_: list[tuple[int, Option]], seen: Seen,
                          rng: random.Random) -> int | None:
    """always-walk-away: every question and small talk not marked a mistake, then walking away
    with the most common reason once `disqualify.after` is established (or in the last
    meeting); never a pitch, a counter or a close."""
    state = game.state
    if state.phase == "between":
        return _meet(game, open_, seen, rng)
    if state.phase == "after_close":
        return next(i for i, o in open_ if o.key == "referral:ask")
    asked = [i for i, o in open_ if o.tactic in (*QUESTIONS, "small_talk")
             and not _marked_mistake(game, o.key)]
    if asked:
        return rng.choice(asked)
    reason = most_common_reason(game.base_scenario)
    walks = [i for i, o in open_ if o.tactic == WALK_AWAY and _reason_of(game, o.key) == reason]
    if walks and (not rules.not_established(game.rt, state)
                  or state.turn >= game.scenario.turns):
        return rng.choice(walks)
    return _leave(open_)


@dataclass(frozen=True)
class Strategy:
    """A named player: how it picks, how it tags after each step, and the share of seeds it
    may pass (`limit`)."""

    name: str
    pick: Pick
    tag: Callable[[Game, Seen], None] | None = None
    limit: float = PASS_LIMIT
    walks: bool = False  # plays only where the scenario offers a way to walk away


STRATEGIES: tuple[Strategy, ...] = (
    Strategy("first", pick_first),
    Strategy("longest", pick_longest),
    Strategy("tactic-order", _tactic_player(wait=False)),
    Strategy("tactic-order-checklist", _tactic_player(wait=True)),
    Strategy("questions-first", _tactic_player(wait=True, questions_first=True)),
    Strategy("structural-tags", _tactic_player(wait=True, target=_introduced_first),
             _tag_structurally),
    Strategy("clue-target", _tactic_player(wait=True, target=_most_clues), _tag_clue_target),
    Strategy("walk-away-early", _tactic_player(wait=True, walk_away="early"), walks=True),
    Strategy("questions-then-walk-away", _tactic_player(wait=False, walk_away="last"),
             walks=True),
    Strategy(ALWAYS_WALK_AWAY, pick_always_walk_away, limit=ALWAYS_WALK_AWAY_LIMIT,
             walks=True),
)
BY_NAME = {s.name: s for s in STRATEGIES}


def pass_limit(name: str) -> float:
    """The share of seeds the player `name` may pass: `PASS_LIMIT` for a content-free one,
    its own for a memoriser (`MEMORISED_LIMIT` for the path learnt by heart)."""
    if name == MEMORISED:
        return MEMORISED_LIMIT
    strategy = BY_NAME.get(name)
    return strategy.limit if strategy is not None else PASS_LIMIT


def _notice(lines: list[Line], seen: Seen) -> None:
    for line in lines:
        if line.kind != "note":
            continue
        if line.code == "introduced":
            seen.introduced.add(str(line.params["who"]))
        elif line.code == "objection-raised":
            seen.objectors.add(str(line.params["who"]))
        elif line.code == "meeting":
            who = str(line.params["who"])
            seen.meetings[who] = seen.meetings.get(who, 0) + 1


def play(rt: Runtime, strategy: Strategy, seed: int) -> Game:
    """One attempt by `strategy` at the variant `seed` draws (its random picks seeded too)."""
    game = Game(rt, seed)
    rng = random.Random(f"{strategy.name}:{seed}")
    seen = Seen.start()
    for _ in range(MAX_STEPS):
        if game.over:
            break
        open_ = [(i, o) for i, o in enumerate(game.options()) if o.available]
        if not open_:
            game.abandon()
            break
        index = strategy.pick(game, open_, seen, rng)
        if index is None:
            game.abandon()
            break
        _notice(game.choose(index), seen)
        if strategy.tag is not None and not game.over:
            strategy.tag(game, seen)
    else:
        game.abandon()
    return game


def outcome(game: Game) -> Outcome:
    """Won, passed and the total of a finished attempt (scored by its own variant)."""
    total = score(game.rt, game.state).total
    return Outcome(game.state.outcome == "won", verdict(game.rt, game.state, total).passed, total)


def replay_words(rt: Runtime, seed: int, path: Sequence[str]) -> Game:
    """A path learnt by heart, replayed on `seed`: each step taken when it is offered (tags
    always), skipped when not; the attempt is given up when the path runs out."""
    game = Game(rt, seed)
    for step in path:
        if game.over:
            break
        if step.startswith("tag:"):
            sid, _, role = step[4:].partition("=")
            if sid in rt.scenario.stakeholders:
                game.tag(sid, role or None)
            continue
        for i, option in enumerate(game.options()):
            if option.key == step and option.available:
                game.choose(i)
                break
    if not game.over:
        game.abandon()
    return game


def _figures(outcomes: list[Outcome]) -> StrategyFigures:
    n = len(outcomes)
    return StrategyFigures(n, sum(o.won for o in outcomes), sum(o.passed for o in outcomes),
                           sum(o.total for o in outcomes) / n if n else 0.0)


def _run_chunk(job: tuple[Any, str, list[int], tuple[str, ...] | None]) -> list[Outcome]:
    scenario, name, seeds, path = job
    rt = Runtime(scenario)
    if path is not None:
        return [outcome(replay_words(rt, seed, path)) for seed in seeds]
    strategy = BY_NAME[name]
    return [outcome(play(rt, strategy, seed)) for seed in seeds]


def offers_walk_away(scenario: Any) -> bool:
    """Whether any choice of the scenario walks away (format 1.2)."""
    return any(choice.effects.walk_away for person in scenario.stakeholders.values()
               for node in person.conversation.nodes.values() for choice in node.choices)


def run_strategies(rt: Runtime, seeds: Sequence[int], *, memorised: Sequence[str] | None = None,
                   memorised_seed: int | None = None, jobs: int | None = None,
                   ) -> dict[str, StrategyFigures]:
    """Every strategy over `seeds` (and, given a path, `memorised` replayed on every seed but
    its own), on `jobs` processes (default: every core; 1 plays here)."""
    tasks: list[tuple[Any, str, list[int], tuple[str, ...] | None]] = []
    seeds = list(seeds)
    chunks = [seeds[i:i + 25] for i in range(0, len(seeds), 25)]
    walking = offers_walk_away(rt.scenario)
    for strategy in STRATEGIES:
        if strategy.walks and not walking:
            continue  # without a way to walk away they play as the others do: not reported
        tasks.extend((rt.scenario, strategy.name, chunk, None) for chunk in chunks)
    if memorised is not None:
        others = [s for s in seeds if s != memorised_seed]
        tasks.extend((rt.scenario, MEMORISED, others[i:i + 25], tuple(memorised))
                     for i in range(0, len(others), 25))
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(tasks) <= 1:
        results = [_run_chunk(task) for task in tasks]
    else:
        with ProcessPoolExecutor(max_workers=min(workers, len(tasks))) as pool:
            results = list(pool.map(_run_chunk, tasks))
    gathered: dict[str, list[Outcome]] = {}
    for task, found in zip(tasks, results):
        gathered.setdefault(task[1], []).extend(found)
    return {name: _figures(found) for name, found in gathered.items()}


def main(argv: Sequence[str] | None = None) -> int:
    """Print each strategy's figures for a scenario file."""
    import argparse

    from game.analysis.par import find_par
    from game.loader import load_scenario

    parser = argparse.ArgumentParser(description="content-free strategies over many seeds")
    parser.add_argument("path")
    parser.add_argument("--seeds", type=int, default=DEFAULT_SEEDS)
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args(argv)
    loaded = load_scenario(args.path)
    if loaded.scenario is None:
        for problem in loaded.problems:
            print(problem.format())
        return 1
    rt = Runtime(loaded.scenario)
    best = find_par(rt, 0)
    figures = run_strategies(rt, range(args.seeds), memorised=best.path, memorised_seed=0,
                             jobs=args.jobs)
    print(f"{loaded.scenario.id}: par (seed 0) {best.total}{'' if best.exact else ' ≈'}, "
          f"seeds 0–{args.seeds - 1}")
    for name, fig in figures.items():
        limit = pass_limit(name)
        flag = "  ← passes too often" if fig.pass_rate > limit else ""
        print(f"  {name:24} win {fig.win_rate:6.1%}  pass {fig.pass_rate:6.1%}  "
              f"mean {fig.mean:5.1f}{flag}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
