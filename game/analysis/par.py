"""Par: the best total score an attempt can reach, and a path that reaches it.

The engine is deterministic, so par is a search over play states. The trainee's role tags are
free actions, but score only when made on evidence, so the search tags each person correctly the
moment the trainee has evidence about them (`tag_on_evidence`) instead of branching on them.
It then goes meeting by meeting: from each position between meetings it tries every meeting and,
inside it, every option (leaving included), merging positions that are the same (see
`forking.state_key`). Each finished attempt is scored; the best is par.

Small scenarios are searched exhaustively and par is exact. When the positions between meetings
grow past what the `budget` of choices can pay for, the search starts again as a beam: each
meeting round gets a share of the budget and carries on only the most promising positions (by
the score the attempt would have so far; at least `width`), and the best path found is then
polished by small edits (`_polish`). A branch and bound (game/analysis/exact.py) then tries to
prove that path best within `prove` positions, or finds a better one: when it finishes par is
exact; when it cannot, par is the best found so far, with `ceiling` — a total no path can
exceed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game import rules
from game.analysis.exact import Bound, BranchAndBound
from game.analysis.forking import fork, state_key
from game.analysis.rollout import READINESS, WIDTH, Rollout
from game.engine import Game
from game.runtime import Runtime
from game.schema import Scenario
from game.scoring import score

DEFAULT_BUDGET = 15_000   # choices the search may make in all (exhaustive up to about this)
DEFAULT_WIDTH = 32        # positions between meetings carried on at least, when not all fit
DEFAULT_PROVE = 40_000    # positions the branch and bound may visit to prove par exact
ROLLOUT_SHARE = 4         # each greedy rollout may make this many times `budget` choices
PEOPLE_SCALE = 12         # beyond this many people the budgets shrink in proportion

Path = tuple[str, ...]


@dataclass(frozen=True)
class Par:
    """The best total found, the steps reaching it ("tag:sid=role" then option keys), whether
    the search was exhaustive, and the figures of that best attempt."""

    total: float
    path: Path
    exact: bool
    choices_made: int
    outcome: str | None
    turns: int
    competencies: dict[str, tuple[float, float]] = field(default_factory=dict)
    seed: int = 0
    ceiling: float | None = None  # when not exact: a total no path can exceed

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready figures."""
        return {"total": self.total, "exact": self.exact, "ceiling": self.ceiling,
                "path": list(self.path),
                "outcome": self.outcome, "turns": self.turns, "seed": self.seed,
                "choices_made": self.choices_made,
                "competencies": {k: {"score": s, "max": m}
                                 for k, (s, m) in self.competencies.items()}}


class _TooBig(Exception):
    """The exhaustive search would not fit in its budget."""


class _Search:
    def __init__(self, rt: Runtime, budget: int, width: int, *, exhaustive: bool) -> None:
        self.rt = rt
        self.budget = budget
        self.width = width
        self.exhaustive = exhaustive
        self.made = 0            # choices made so far
        self.limit = budget      # the current round's ceiling on `made`
        self.exact = exhaustive
        self.best: tuple[tuple[float, int], Game, Path] | None = None
        self.inside: set[tuple[Any, ...]] = set()   # positions inside meetings, this round
        self.after: dict[tuple[Any, ...], tuple[Game, Path]] = {}  # positions after this round
        self.critical = frozenset(key for key, spec in rt.spec_by_key.items()
                                  if spec.severity == "critical")

    def finished(self, game: Game, path: Path) -> None:
        rank = (score(self.rt, game.state).total, -len(path))
        if self.best is None or rank > self.best[0]:
            self.best = (rank, game, path)

    def explore(self, game: Game, path: Path) -> None:
        """Follow every option from `game` until the meeting is over."""
        phase = game.state.phase
        if phase == "over":
            self.finished(game, path)
            return
        key = state_key(game.state)
        if phase == "between":
            self.after.setdefault(key, (game, path))
            return
        if key in self.inside:
            return
        self.inside.add(key)
        self.branch(game, path)

    def branch(self, game: Game, path: Path) -> None:
        options = game.options()
        for index in sorted(range(len(options)), key=lambda i: self.order(options[i].key)):
            option = options[index]
            if not option.available or option.key in self.critical:
                continue  # a critical mistake fails the attempt: par is a score that passes
            if self.made >= self.limit:
                if self.exhaustive:
                    raise _TooBig
                self.exact = False
                return
            child = fork(game)
            child.choose(index)
            self.made += 1
            self.explore(child, path + (option.key,) + tag_on_evidence(child))

    def order(self, key: str) -> int:
        """Which options to try first when the budget may not reach them all: choices the
        author marked good, then unmarked ones, then those marked as mistakes."""
        if key.count("/") != 2:
            return 1
        sid, nid, index = key.split("/")
        quality = self.rt.choices[(sid, nid)][int(index)].choice.quality
        return {"good": 0, "mistake": 2}.get(quality or "", 1)

    def rounds(self, root: Game, tags: Path) -> None:
        """Meeting round after meeting round, until no position is left between meetings.
        Exhaustive: every position is carried on (`_TooBig` when the budget cannot pay for
        them). Otherwise each round gets its share of the budget and carries on the most
        promising positions it can afford (at least `width`)."""
        frontier = [(root, tags)]
        turns = self.rt.scenario.turns
        while frontier:
            self.inside = set()
            self.after = {}
            rounds_left = max(1, turns - frontier[0][0].state.turn)
            if not self.exhaustive:
                self.limit = self.made + max(1, (self.budget - self.made) // rounds_left)
            start, expanded = self.made, 0
            for game, path in frontier:
                if self.made >= self.limit:
                    self.exact = False
                    break
                self.branch(game, path)
                expanded += 1
            ranked = sorted(self.after.values(), key=lambda gp: self.promise(gp[0]), reverse=True)
            cost = (self.made - start) / max(1, expanded)
            if self.exhaustive:
                # give up early when the next round alone looks far too dear (the estimate
                # runs high: later rounds have fewer options as the quarter runs out)
                if ranked and len(ranked) * cost > 2 * (self.budget - self.made):
                    raise _TooBig
                frontier = ranked
                continue
            share = (self.budget - self.made) / max(1, rounds_left - 1)
            keep = len(ranked) if len(ranked) * cost <= share else max(self.width, int(share / cost))
            if len(ranked) > keep:
                self.exact = False
                ranked = _diverse(ranked, keep)
            frontier = ranked

    def promise(self, game: Game) -> tuple[float, int, float]:
        """How good a position between meetings looks: the score so far, then interest, then
        the decision-maker's stance."""
        s = game.state
        dm = self.rt.decision_maker
        return (score(self.rt, s).total, s.interest, s.stance[dm] if dm is not None else 0.0)


def _diverse(ranked: list[tuple[Game, Path]], keep: int) -> list[tuple[Game, Path]]:
    """The best `keep` positions, taken in turns from each group of positions that have met the
    same people — so that an order of meetings that pays off late (the decision-maker last)
    is not crowded out by orders that score sooner."""
    groups: dict[frozenset[str], list[tuple[Game, Path]]] = {}
    for item in ranked:
        groups.setdefault(frozenset(item[0].state.met), []).append(item)
    chosen: list[tuple[Game, Path]] = []
    depth = 0
    while len(chosen) < keep:
        for members in groups.values():
            if depth < len(members) and len(chosen) < keep:
                chosen.append(members[depth])
        depth += 1
    return chosen


def find_par(base: Runtime | Scenario, seed: int = 0, *, budget: int = DEFAULT_BUDGET,
             width: int = DEFAULT_WIDTH, prove: int = DEFAULT_PROVE) -> Par:
    """Search for the best total of the scenario (its variant for `seed`). Past `PEOPLE_SCALE`
    people every position costs time and memory in proportion, so the budgets shrink in
    proportion: a buying centre of 200 is searched in seconds and under 300 MB, not minutes."""
    root = Game(base, seed)
    rt = root.rt
    people = len(rt.scenario.stakeholders)
    rollout_budget, rollout_width = ROLLOUT_SHARE * budget, WIDTH
    if people > PEOPLE_SCALE:
        budget = max(1, budget * PEOPLE_SCALE // people)
        prove = prove * PEOPLE_SCALE // people
        rollout_width = max(1, WIDTH * PEOPLE_SCALE // people)
    tags: Path = tag_on_evidence(root)
    search = _Search(rt, budget, width, exhaustive=True)
    try:
        search.rounds(fork(root), tags)
    except _TooBig:
        tried = search.made
        search = _Search(rt, budget, width, exhaustive=False)
        search.rounds(root, tags)
        search.made += tried
    if search.best is None:  # nothing finished within the budget: score where it stopped
        return Par(score(rt, root.state).total, tags, False, search.made, None, 0,
                   score(rt, root.state).competencies, seed)
    (total, _), game, path = search.best
    if not search.exact:
        # the meeting-by-meeting search could not finish: plan meetings with a beam and play
        # each greedily too (game/analysis/rollout.py), keep the better, then polish it
        for readiness in READINESS:
            second = Rollout(rt, rollout_width, readiness, rollout_budget)
            second.run(Game(base, seed), tag_on_evidence(Game(base, seed)), tag_on_evidence)
            search.made += second.made
            if second.best is not None and (second.best[0], -len(second.best[2])) > (
                    total, -len(path)):
                total, game, path = second.best
        total, game, path = _polish(rt, seed, total, game, path, 0)
    exact, ceiling = search.exact, None
    if not exact and prove:
        root = Game(base, seed)
        start = tag_on_evidence(root)
        found = BranchAndBound(rt, tag_on_evidence, budget=prove, hint=path).run(
            root, start, total)
        search.made += found.positions
        if found.game is not None:  # a better path than the quick searches found
            total, game, path = found.total, found.game, found.path
        exact = found.exact
        if not exact:
            ceiling = max(total, Bound(rt).upper(Game(base, seed).state))
    result = score(rt, game.state)
    return Par(total, path, exact, search.made, game.state.outcome, game.state.turn,
               result.competencies, seed, ceiling)


def _meetings(path: Path, start: int) -> list[Path]:
    """`path[start:]` cut into meetings: each starts with a "meet:" step."""
    cut: list[list[str]] = []
    for step in path[start:]:
        if step.startswith("meet:") or not cut:
            cut.append([])
        cut[-1].append(step)
    return [tuple(m) for m in cut]


def _polish(rt: Runtime, seed: int, total: float, game: Game, path: Path,
            tags: int) -> tuple[float, Game, Path]:
    """Improve an approximate par path one edit at a time: leave out a step, or drop, move or
    join whole meetings (the search, carrying only the positions that score early, misses
    orders that pay off late). Each try is replayed; a better one is kept, until none is."""
    improved = True
    while improved:
        improved = False
        head, parts = path[:tags], _meetings(path, tags)
        for trial in _rearrangements(parts):
            steps = head + tuple(step for part in trial for step in part
                                 if not step.startswith("tag:"))
            try:  # tags are made again as the evidence for them comes in this order
                played, candidate = replay_tagging(rt, seed, steps)
            except (KeyError, ValueError, IndexError, RuntimeError):
                continue  # an option that this order no longer offers
            if not played.over:
                continue
            value = score(rt, played.state).total
            if (value, -len(candidate)) > (total, -len(path)):
                total, game, path, improved = value, played, candidate, True
                break
    return total, game, path


def _rearrangements(parts: list[Path]) -> list[list[Path]]:
    """Every path one edit away from `parts`: one step said in a meeting left out, or one
    meeting left out, moved, or joined to another with the same person."""
    trials: list[list[Path]] = []
    n = len(parts)
    for i, part in enumerate(parts):
        for j in range(1, len(part)):
            trials.append(parts[:i] + [part[:j] + part[j + 1:]] + parts[i + 1:])
    for i in range(n):
        trials.append(parts[:i] + parts[i + 1:])
        for j in range(n):
            if j != i:
                rest = parts[:i] + parts[i + 1:]
                trials.append(rest[:j] + [parts[i]] + rest[j:])
                if parts[i][0] == parts[j][0]:  # the same person: say both in one meeting
                    first = tuple(s for s in parts[i] if s != "leave")
                    joined = first + parts[j][1:]
                    both = [joined if k == j else p for k, p in enumerate(parts) if k != i]
                    trials.append(both)
    return trials


def tag_on_evidence(game: Game) -> Path:
    """Tag, with their real role, everyone the trainee now has evidence about and has not
    tagged yet — as the best trainee would, the moment they can (a tag scores only on
    evidence: game/rules.py `has_evidence`). The tag steps made, for the path."""
    state = game.state
    if game.over:
        return ()
    made: Path = ()
    scenario = game.scenario
    # those there can be evidence about (`rules.has_evidence`): met, named by a clue, or the
    # raiser of an objection heard — found from the state, not by asking of everyone
    seen = set(state.met)
    seen.update(h["about"] for h in state.hints)
    objections = scenario.objections
    seen.update(objections[o].raised_by for o in state.objections if o in objections)
    if seen.issubset(state.tags):
        return ()
    for sid, person in scenario.stakeholders.items():
        if sid in seen and sid not in state.tags and rules.has_evidence(scenario, state, sid):
            game.tag(sid, person.role)
            made += (f"tag:{sid}={person.role}",)
    return made


def replay_tagging(base: Runtime | Scenario, seed: int, steps: Path) -> tuple[Game, Path]:
    """Play option `steps` from the start, tagging on evidence after each; the game and the
    whole path (tags included)."""
    game = Game(base, seed)
    path = tag_on_evidence(game)
    for step in steps:
        game.choose_key(step)
        path += (step,) + tag_on_evidence(game)
    return game, path


def replay(base: Runtime | Scenario, seed: int, path: Path) -> Game:
    """Play `path` (as `Par.path` gives it) from the start; the game it leaves."""
    game = Game(base, seed)
    for step in path:
        if step.startswith("tag:"):
            sid, _, role = step[4:].partition("=")
            game.tag(sid, role or None)
        else:
            game.choose_key(step)
    return game


def steps_from_path(entries: list[dict[str, Any]]) -> Path:
    """A recorded path (the engine's `state.path`, as a result file has it) as replayable
    steps: option keys and role tags, in order."""
    steps: list[str] = []
    for entry in entries:
        kind = entry.get("kind")
        if kind == "choice":
            steps.append(str(entry["key"]))
        elif kind == "meet":
            steps.append(f"meet:{entry['stakeholder']}")
        elif kind == "leave":
            steps.append("leave")
        elif kind == "referral":
            steps.append("referral:ask" if entry.get("asked") else "referral:skip")
        elif kind == "tag":
            steps.append(f"tag:{entry['stakeholder']}={entry.get('role') or ''}")
    return tuple(steps)


def known_path(base: Runtime | Scenario, seed: int, steps: Path) -> Par | None:
    """A path someone played (a trainee's recorded attempt) scored as a candidate for par: as
    they played it, and with its tags made again on evidence (whichever scores more). None
    when it does not replay to the end of an attempt on this scenario."""
    found: list[tuple[float, Game, Path]] = []
    try:
        game = replay(base, seed, steps)
        if game.over:
            found.append((score(game.rt, game.state).total, game, steps))
        retagged, path = replay_tagging(base, seed, tuple(s for s in steps
                                                          if not s.startswith("tag:")))
        if retagged.over:
            found.append((score(retagged.rt, retagged.state).total, retagged, path))
    except (KeyError, ValueError, IndexError, RuntimeError):
        pass
    if not found:
        return None
    total, game, path = max(found, key=lambda f: f[0])
    return Par(total, path, False, 0, game.state.outcome, game.state.turn,
               score(game.rt, game.state).competencies, seed)
