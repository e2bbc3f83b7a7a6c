"""Running the whole analysis of one scenario, and presenting it as JSON or as tables.

Random play starts first, in worker processes; the par search runs here meanwhile; then the
findings and statistics are drawn from both. With variants, par is searched for each cast ×
need-set combination (up to `MAX_VARIANT_PARS`, else an evenly spaced sample, and the report
says so), each on the first seed that draws it, so its path replays with `play --seed`; the
reported par is the lowest — a score every variant allows. Random play draws a variant per run.
Then the content-free strategies (game/analysis/strategies.py) play seeds 0–99 on every core,
and the par path is replayed word for word on the other seeds.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from game import variants
from game.analysis.findings import (Finding, coverage_findings, locate, par_findings,
                                    static_findings, strategy_findings)
from game.analysis.par import DEFAULT_BUDGET, DEFAULT_WIDTH, Par, find_par, known_path
from game.analysis.playouts import DEFAULT_RUNS, DEFAULT_TAG_RATE, Playouts, RandomPlay
from game.analysis.stats import Stats, estimate_minutes, statistics
from game.analysis.strategies import (DEFAULT_SEEDS, MEMORISED, PASS_LIMIT, StrategyFigures,
                                      run_strategies)
from game.problems import Locator
from game.runtime import Runtime
from game.schema import COMPETENCIES, Scenario

MAX_VARIANT_PARS = 8
MIN_VARIANT_BUDGET = 4_000


@dataclass(frozen=True)
class VariantPar:
    """Par of one variant: which (as trainers read it), the seed that draws it, the result."""

    variant: str
    seed: int
    par: Par


@dataclass
class Analysis:
    """Everything `analyze` found about one scenario."""

    scenario: Scenario
    file: str | None
    seed: int
    tag_rate: float
    par: Par
    playouts: Playouts
    findings: list[Finding]
    stats: Stats
    variant_pars: list[VariantPar] = field(default_factory=list)
    variants_checked: str | None = None   # e.g. "8 of 12 variants (an evenly spaced sample)"
    strategies: dict[str, StrategyFigures] = field(default_factory=dict)
    strategy_seeds: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The JSON of `analyze --json` (deterministic: no timings)."""
        s, p, r = self.scenario, self.par, self.playouts
        runs = r.runs
        nodes = {f"{sid}/{nid}": round(r.node_runs[(sid, nid)] / runs, 4) if runs else 0.0
                 for sid, person in s.stakeholders.items() for nid in person.conversation.nodes}
        choices = {f"{sid}/{nid}/{i}": round(r.choice_runs[f"{sid}/{nid}/{i}"] / runs, 4)
                   if runs else 0.0
                   for sid, person in s.stakeholders.items()
                   for nid, node in person.conversation.nodes.items()
                   for i in range(len(node.choices))}
        random_part = r.to_dict()
        random_part.update(seed=self.seed, tag_rate=self.tag_rate)
        return {
            "scenario": s.id, "title": s.title, "file": self.file,
            "par": p.total, "par_exact": p.exact, "par_ceiling": p.ceiling,
            "best_path": list(p.path),
            "par_detail": p.to_dict(),
            "variants": {"checked": self.variants_checked,
                         "pars": [{"variant": v.variant, "seed": v.seed, "par": v.par.total,
                                   "exact": v.par.exact, "ceiling": v.par.ceiling}
                                  for v in self.variant_pars]}
            if self.variant_pars else None,
            "random": random_part,
            # content-free players only; the path learnt by heart is not one (its own target)
            "strategies": {name: f.to_dict() for name, f in self.strategies.items()
                           if name != MEMORISED},
            "memorised_path": self.strategies[MEMORISED].to_dict()
            if MEMORISED in self.strategies else None,
            "strategy_seeds": self.strategy_seeds,
            "coverage": {
                "nodes": nodes, "choices": choices,
                "nodes_reached": sum(1 for v in nodes.values() if v > 0),
                "choices_taken": sum(1 for v in choices.values() if v > 0),
                "never_reached": {"nodes": [k for k, v in nodes.items() if v == 0],
                                  "choices": [k for k, v in choices.items() if v == 0]}
                if runs else None,
            },
            "findings": [f.to_dict() for f in self.findings],
            "statistics": self.stats.to_dict(),
        }


def analyze(scenario: Scenario, *, runs: int = DEFAULT_RUNS, seed: int = 0,
            budget: int = DEFAULT_BUDGET, width: int = DEFAULT_WIDTH,
            tag_rate: float = DEFAULT_TAG_RATE, jobs: int | None = None,
            strategy_seeds: int = DEFAULT_SEEDS,
            locator: Locator | None = None, file: str | None = None,
            progress: Callable[[int, int], None] | None = None,
            known: Sequence[tuple[int, tuple[str, ...]]] = ()) -> Analysis:
    """Analyse a loaded (valid) scenario. `known` holds paths people played (seed, steps —
    `analyze --path RESULT.json`): one that scores above the search's best for its variant is
    that variant's best found."""
    rt = Runtime(scenario)
    play = RandomPlay(rt, runs, seed, tag_rate=tag_rate, jobs=jobs, progress=progress)
    try:
        par, variant_pars, checked = _pars(rt, seed, budget, width)
        par, variant_pars = _with_known(scenario, rt, par, variant_pars, known)
    finally:
        playouts = play.result()
    # the path a trainee would learn by heart: the best one found, in whichever variant
    learnt = max((v.par for v in variant_pars), key=lambda p: p.total, default=par)
    played = run_strategies(rt, range(strategy_seeds), memorised=learnt.path,
                            memorised_seed=learnt.seed, jobs=jobs) if strategy_seeds else {}
    findings = static_findings(scenario, locator) + par_findings(par) \
        + coverage_findings(scenario, playouts) + strategy_findings(scenario, played)
    minutes = estimate_minutes(rt, par.seed, par.path) if par.path else None
    return Analysis(scenario, file, seed, tag_rate, par, playouts, locate(findings, locator),
                    statistics(scenario, minutes), variant_pars, checked, played,
                    strategy_seeds)


def _with_known(scenario: Scenario, rt: Runtime, par: Par, variant_pars: list[VariantPar],
                known: Sequence[tuple[int, tuple[str, ...]]]) -> tuple[Par, list[VariantPar]]:
    """Par and the variants' pars, each raised to a known path of its variant that beats it."""
    for seed, steps in known:
        candidate = known_path(rt, seed, steps)
        if candidate is None:
            continue
        if not variant_pars:
            if candidate.total > par.total:
                par = candidate
            continue
        drawn = variants.draw(scenario, seed)
        for i, v in enumerate(variant_pars):
            there = variants.draw(scenario, v.seed)
            if (there.cast, there.needs) == (drawn.cast, drawn.needs) \
                    and candidate.total > v.par.total:
                variant_pars[i] = VariantPar(v.variant, seed, candidate)
    if variant_pars:
        par = min((v.par for v in variant_pars), key=lambda p: p.total)
    return par, variant_pars


def _pars(rt: Runtime, seed: int, budget: int,
          width: int) -> tuple[Par, list[VariantPar], str | None]:
    scenario = rt.scenario
    if not variants.varies(scenario):
        return find_par(rt, seed, budget=budget, width=width), [], None
    combos = variants.combinations(scenario)
    v = scenario.variants
    checked = (f"all {len(combos)} cast × need-set combinations" if v is not None
               and (v.casts or v.needs) else "one: only starting stances vary")
    if len(combos) > MAX_VARIANT_PARS:
        step = len(combos) / MAX_VARIANT_PARS
        combos = [combos[int(i * step)] for i in range(MAX_VARIANT_PARS)]
        checked = f"{MAX_VARIANT_PARS} of {len(variants.combinations(scenario))} cast × " \
            "need-set variants (an evenly spaced sample)"
    share = max(MIN_VARIANT_BUDGET, budget // len(combos))
    found = []
    for combo in combos:
        first = variants.seed_for(scenario, combo)
        if first is None:
            continue
        found.append(VariantPar(variants.draw(scenario, first).describe(scenario), first,
                                find_par(rt, first, budget=share, width=width)))
    lowest = min(found, key=lambda v: v.par.total)
    return lowest.par, found, checked


# --- tables ------------------------------------------------------------------------------------

def _table(rows: list[list[str]], right: set[int] | None = None, indent: str = "  ") -> list[str]:
    right = right or set()
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [indent + "  ".join(cell.rjust(w) if i in right else cell.ljust(w)
                               for i, (cell, w) in enumerate(zip(row, widths))).rstrip()
            for row in rows]


def _steps(analysis: Analysis) -> list[str]:
    """The par path in words: tags, then each meeting and what was said."""
    s = variants.concrete(analysis.scenario, analysis.par.seed)
    people = s.stakeholders
    out, tags = [], []
    for step in analysis.par.path:
        if step.startswith("tag:"):
            sid, _, role = step[4:].partition("=")
            tags.append(f"{people[sid].name} → {role}")
        elif step.startswith("meet:"):
            sid = step[5:]
            out.append(f"  meet {people[sid].name}")
        elif step == "leave":
            out.append("    (leave)")
        elif step.startswith("referral:"):
            out.append(f"    ask for a referral" if step.endswith("ask") else "    (no referral)")
        else:
            sid, nid, index = step.split("/")
            choice = people[sid].conversation.nodes[nid].choices[int(index)]
            out.append(f"    {choice.tactic:<12} “{' '.join(choice.text.split())}”")
    return ([f"  tag: {', '.join(tags)}"] if tags else []) + out


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def render_text(analysis: Analysis, *, limit: int = 12) -> str:
    """The readable report: par, random play, coverage, findings, statistics."""
    s, p, r, st = analysis.scenario, analysis.par, analysis.playouts, analysis.stats
    lines = [f"{s.title}  ({s.id} · {s.language} · {s.difficulty})"]
    if analysis.file:
        lines.append(analysis.file)
    if p.exact:
        lines += ["", f"PAR  {p.total:.1f} / 100  (exact)"]
    else:  # never called par until proven
        ceiling = f"no path can reach more than {p.ceiling:.1f}; " if p.ceiling is not None else ""
        lines += ["", f"BEST FOUND SO FAR  {p.total:.1f} / 100  ({ceiling}not proven best after "
                  f"{p.choices_made:,} choices searched)"]
    if p.outcome is not None:
        lines.append(f"  {p.outcome} in {p.turns} of {s.turns} meetings"
                     + (f", seed {p.seed}" if analysis.variant_pars else ""))
    rows = [["competency", "par", "max"]] + [
        [name, f"{p.competencies[name][0]:.1f}", f"{p.competencies[name][1]:.0f}"]
        for name in COMPETENCIES if p.competencies.get(name, (0, 0))[1]]
    lines += _table(rows, {1, 2})
    if analysis.variant_pars:
        lines += ["", f"  par per variant ({analysis.variants_checked}):"]
        lines += _table([["variant", "seed", "par"]] + [
            [v.variant, str(v.seed), f"{v.par.total:.1f}" + ("" if v.par.exact else "≈")]
            for v in analysis.variant_pars], {1, 2}, "    ")
    lines += ["", "  best path:"] + _steps(analysis)
    lines += ["", f"RANDOM PLAY  {r.runs:,} runs (seed {analysis.seed}; a random role tag before "
              f"{100 * analysis.tag_rate:.0f} % of choices)"]
    if r.runs:
        pct = r.percentiles()
        lines.append(f"  won {100 * r.win_rate:.1f} %   score p10 {pct['p10']:.1f}  "
                     f"p50 {pct['p50']:.1f}  p90 {pct['p90']:.1f}   (80 % of par: "
                     f"{0.8 * p.total:.1f})")
        lines.append(f"  {r.choices_made / r.runs:.1f} choices and {r.turns_used / r.runs:.1f} "
                     "meetings a run; ended by " + ", ".join(
                         f"{k} {100 * v / r.runs:.0f} %" for k, v in sorted(r.end_reasons.items())))
        if r.variant_runs:
            lines.append(f"  {len(r.variant_runs)} distinct variants drawn")
        lines += ["", "COVERAGE (share of random runs reaching each node)"]
        rows = [["stakeholder", "nodes", "reached", "choices", "taken", "least reached node"]]
        for sid, person in s.stakeholders.items():
            nodes = list(person.conversation.nodes)
            keys = [f"{sid}/{n}/{i}" for n in nodes
                    for i in range(len(person.conversation.nodes[n].choices))]
            least = min(nodes, key=lambda n: r.node_runs[(sid, n)])
            rows.append([person.name, str(len(nodes)),
                         str(sum(1 for n in nodes if r.node_runs[(sid, n)])), str(len(keys)),
                         str(sum(1 for k in keys if r.choice_runs[k])),
                         f"{least} {100 * r.node_runs[(sid, least)] / r.runs:.1f} %"])
        lines += _table(rows, {1, 2, 3, 4})
    if analysis.strategies:
        lines += ["", f"CONTENT-FREE STRATEGIES  seeds 0–{analysis.strategy_seeds - 1} "
                  f"(pass mark {s.scoring.pass_mark}; each should pass ≤ "
                  f"{100 * PASS_LIMIT:.0f} %)"]
        rows = [["strategy", "won", "passed", "mean"]] + [
            [name, f"{100 * f.win_rate:.0f} %", f"{100 * f.pass_rate:.0f} %", f"{f.mean:.1f}"]
            for name, f in analysis.strategies.items()]
        lines += _table(rows, {1, 2, 3})
    lines += ["", f"FINDINGS ({len(analysis.findings)})"]
    if not analysis.findings:
        lines.append("  none")
    by_code: dict[str, list[Finding]] = {}
    for finding in analysis.findings:
        by_code.setdefault(finding.code, []).append(finding)
    for code, group in by_code.items():
        for finding in group[:limit]:
            where = f" (line {finding.line})" if finding.line else ""
            lines.append(f"  {code}: {finding.message}{where}")
        if len(group) > limit:
            lines.append(f"  {code}: … and {len(group) - limit} more (--json lists them all)")
    lines += ["", "STATISTICS"]
    rows = [["stakeholder", "role", "nodes", "choices", "words", "feedback words"]] + [
        [x.name, x.role, str(x.nodes), str(x.choices), str(x.words), str(x.feedback_words)]
        for x in st.people]
    rows.append(["total", "", str(st.nodes), str(st.choices), str(st.words),
                 str(sum(x.feedback_words for x in st.people))])
    lines += _table(rows, {2, 3, 4, 5})
    lines.append(f"  {_n(st.needs, 'need')}, {_n(st.objections, 'objection')}, "
                 f"{_n(st.events, 'event')}; briefing {_n(st.briefing_words, 'word')}")
    if st.estimated_minutes is not None:
        lines.append(f"  estimated play time along the par path: {st.estimated_minutes:.0f} min "
                     f"(the scenario says {st.declared_minutes})")
    return "\n".join(lines) + "\n"
