"""Running the whole analysis of one scenario, and presenting it as JSON (English, with ids) or
as tables for the trainer, in English or Spanish (game/messages.py `report.*`), with why par is
not 100 and what the referral waits for (game/analysis/ceilings.py).

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
from game.analysis.ceilings import Ceiling, ReferralCeiling, explain
from game.analysis.findings import (Finding, coverage_findings, locate, par_findings,
                                    static_findings, strategy_findings)
from game.analysis.par import DEFAULT_BUDGET, DEFAULT_WIDTH, Par, find_par, known_path
from game.analysis.playouts import DEFAULT_RUNS, DEFAULT_TAG_RATE, Playouts, RandomPlay
from game.analysis.stats import Stats, estimate_minutes, statistics
from game.analysis.strategies import (ALWAYS_WALK_AWAY, DEFAULT_SEEDS, MEMORISED, PASS_LIMIT,
                                      StrategyFigures, run_strategies)
from game.i18n import Words
from game.lint.variants import describe
from game.messages import Msg, base_language, msg, plural
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
    variants_checked: Msg | None = None   # e.g. "8 of 12 variants (an evenly spaced sample)"
    strategies: dict[str, StrategyFigures] = field(default_factory=dict)
    strategy_seeds: int = 0
    ceilings: list[Ceiling] = field(default_factory=list)   # why par is not 100
    referral: ReferralCeiling | None = None                 # par's referral, explained

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
            "variants": {"checked": self.variants_checked.render("en")
                         if self.variants_checked is not None else None,
                         "pars": [{"variant": v.variant, "seed": v.seed, "par": v.par.total,
                                   "exact": v.par.exact, "ceiling": v.par.ceiling}
                                  for v in self.variant_pars]}
            if self.variant_pars else None,
            "random": random_part,
            # content-free players only; the memorisers are not (each has its own target):
            # the path learnt by heart, and (format 1.2) the player who always walks away
            "strategies": {name: f.to_dict() for name, f in self.strategies.items()
                           if name not in (MEMORISED, ALWAYS_WALK_AWAY)},
            "memorised_path": self.strategies[MEMORISED].to_dict()
            if MEMORISED in self.strategies else None,
            "always_walk_away": self.strategies[ALWAYS_WALK_AWAY].to_dict()
            if ALWAYS_WALK_AWAY in self.strategies else None,
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
    ceilings, referral = explain(scenario, par)
    static = static_findings(scenario, locator)
    drawn = variants.draw(scenario, par.seed)  # which cast and need set par's seed has
    variant = describe(scenario, variants.Draw(drawn.cast, drawn.needs)) \
        if drawn.cast is not None or drawn.needs is not None else None
    findings = static + par_findings(ceilings, par.exact, static, variant) \
        + coverage_findings(scenario, playouts) + strategy_findings(scenario, played)
    minutes = estimate_minutes(rt, par.seed, par.path) if par.path else None
    return Analysis(scenario, file, seed, tag_rate, par, playouts, locate(findings, locator),
                    statistics(scenario, minutes), variant_pars, checked, played,
                    strategy_seeds, ceilings, referral)


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
          width: int) -> tuple[Par, list[VariantPar], Msg | None]:
    scenario = rt.scenario
    if not variants.varies(scenario):
        return find_par(rt, seed, budget=budget, width=width), [], None
    combos = variants.combinations(scenario)
    v = scenario.variants
    checked = (msg("report.checked-all", n=len(combos)) if v is not None
               and (v.casts or v.needs) else msg("report.checked-stances"))
    if len(combos) > MAX_VARIANT_PARS:
        step = len(combos) / MAX_VARIANT_PARS
        combos = [combos[int(i * step)] for i in range(MAX_VARIANT_PARS)]
        checked = msg("report.checked-sample", n=MAX_VARIANT_PARS,
                      total=len(variants.combinations(scenario)))
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


class _Say:
    """The report's words and figures in one language (game/messages.py `report.*`)."""

    def __init__(self, scenario: Scenario, language: str) -> None:
        self.language = language
        self.words = Words(scenario, language)

    def __call__(self, key: str, **params: object) -> str:
        return msg(f"report.{key}", **params).render(self.language)

    def n(self, key: str, count: int) -> str:
        """"1 need", "2 needs" — `report.KEY.one/.many` with the count written out."""
        return plural(f"report.{key}", count).render(self.language).replace(
            str(count), self.int(count), 1)

    def text(self, words: Any) -> str:
        """A finding, a `Msg` or other words, in the language."""
        return words.text(self.language) if isinstance(words, Finding) else \
            words.render(self.language)

    def num(self, value: float, digits: int = 1) -> str:
        """A figure: a decimal comma in Spanish."""
        text = f"{value:.{digits}f}"
        return text.replace(".", ",") if self.language == "es" else text

    def int(self, value: int) -> str:
        """A count: thousands grouped with ',' in English, '.' in Spanish."""
        text = f"{value:,}"
        return text.replace(",", ".") if self.language == "es" else text

    def competency(self, name: str) -> str:
        """`discovery` in English (the key of `scoring.weights`); its name in Spanish."""
        return msg(f"competency.{name}").render(self.language)

    def role(self, role: str) -> str:
        return role if self.language == "en" else self.words.get(f"role-{role}")


def _steps(analysis: Analysis, say: _Say) -> list[str]:
    """The par path in words: tags, then each meeting and what was said."""
    s = variants.concrete(analysis.scenario, analysis.par.seed)
    people = s.stakeholders
    out, tags = [], []
    for step in analysis.par.path:
        if step.startswith("tag:"):
            sid, _, role = step[4:].partition("=")
            tags.append(f"{people[sid].name} → {say.role(role)}")
        elif step.startswith("meet:"):
            out.append("  " + say("meet", name=people[step[5:]].name))
        elif step == "leave":
            out.append("    " + say("leave"))
        elif step.startswith("referral:"):
            out.append("    " + say("referral-ask" if step.endswith("ask") else "referral-skip"))
        else:
            sid, nid, index = step.split("/")
            choice = people[sid].conversation.nodes[nid].choices[int(index)]
            out.append(f"    {choice.tactic:<12} “{' '.join(choice.text.split())}”")
    return ([f"  {say('tags')}: {', '.join(tags)}"] if tags else []) + out


def _why(analysis: Analysis, say: _Say) -> list[str]:
    """Each competency par leaves short, with its reasons; then the referral."""
    lines = []
    if analysis.ceilings:
        lines.append("  " + say("why-heading"))
        width = max(len(say.competency(c.competency)) for c in analysis.ceilings)
        for ceiling in analysis.ceilings:
            reasons = "; ".join(say.text(r.words) for r in ceiling.reasons) or say("why-rounding")
            lines.append(f"    {say.competency(ceiling.competency):<{width}}  {reasons}")
    told = any(r.code == "referral-not-given" for c in analysis.ceilings for r in c.reasons)
    if analysis.referral is not None and not told:  # a refused one is among the reasons above
        lines.append("  " + say("referral", words=say.text(analysis.referral.words())))
    return lines


def render_text(analysis: Analysis, *, limit: int = 12, language: str | None = None) -> str:
    """The readable report: par (and why it is not 100), random play, coverage, findings,
    statistics — in `language` ("en" or "es"; default: the scenario's)."""
    s, p, r, st = analysis.scenario, analysis.par, analysis.playouts, analysis.stats
    say = _Say(s, language or base_language(s.language) or "en")
    lines = [f"{s.title}  ({s.id} · {s.language} · {s.difficulty})"]
    if analysis.file:
        lines.append(analysis.file)
    if p.exact:
        lines += ["", say("par-exact", total=say.num(p.total))]
    else:  # never called par until proven
        ceiling = say("ceiling", ceiling=say.num(p.ceiling)) if p.ceiling is not None else ""
        lines += ["", say("best-found", total=say.num(p.total), ceiling=ceiling,
                          choices=say.int(p.choices_made))]
    if p.outcome is not None:
        seed = say("seed-suffix", seed=p.seed) if analysis.variant_pars else ""
        lines.append("  " + say(f"outcome.{p.outcome}" if p.outcome in ("won", "lost")
                                else "outcome.other", outcome=p.outcome, turns=p.turns,
                                total=s.turns, seed=seed))
    rows = [[say("col-competency"), "par", say("col-max")]] + [
        [say.competency(name), say.num(p.competencies[name][0]),
         f"{p.competencies[name][1]:.0f}"]
        for name in COMPETENCIES if p.competencies.get(name, (0, 0))[1]]
    lines += _table(rows, {1, 2})
    lines += _why(analysis, say)
    if analysis.variant_pars:
        checked = say.text(analysis.variants_checked) if analysis.variants_checked else ""
        lines += ["", "  " + say("per-variant", checked=checked)]
        lines += _table([[say("col-variant"), say("col-seed"), "par"]] + [
            [say.text(describe(s, variants.draw(s, v.seed))), str(v.seed),
             say.num(v.par.total) + ("" if v.par.exact else "≈")]
            for v in analysis.variant_pars], {1, 2}, "    ")
    lines += ["", "  " + say("best-path")] + _steps(analysis, say)
    lines += ["", say("random-heading", runs=say.int(r.runs), seed=analysis.seed,
                      rate=f"{100 * analysis.tag_rate:.0f}")]
    if r.runs:
        pct = r.percentiles()
        lines.append("  " + say("random-scores", won=say.num(100 * r.win_rate),
                                p10=say.num(pct["p10"]), p50=say.num(pct["p50"]),
                                p90=say.num(pct["p90"]), target=say.num(0.8 * p.total)))
        ends = ", ".join(f"{say('end.' + k) if k in _ENDS else k} {100 * v / r.runs:.0f} %"
                         for k, v in sorted(r.end_reasons.items()))
        lines.append("  " + say("random-runs", choices=say.num(r.choices_made / r.runs),
                                meetings=say.num(r.turns_used / r.runs), ends=ends))
        if r.variant_runs:
            lines.append("  " + say("variants-drawn", n=len(r.variant_runs)))
        lines += ["", say("coverage-heading")]
        rows = [[say("col-stakeholder"), say("col-nodes"), say("col-reached"),
                 say("col-choices"), say("col-taken"), say("col-least")]]
        for sid, person in s.stakeholders.items():
            nodes = list(person.conversation.nodes)
            keys = [f"{sid}/{n}/{i}" for n in nodes
                    for i in range(len(person.conversation.nodes[n].choices))]
            least = min(nodes, key=lambda n: r.node_runs[(sid, n)])
            rows.append([person.name, str(len(nodes)),
                         str(sum(1 for n in nodes if r.node_runs[(sid, n)])), str(len(keys)),
                         str(sum(1 for k in keys if r.choice_runs[k])),
                         f"{least} {say.num(100 * r.node_runs[(sid, least)] / r.runs)} %"])
        lines += _table(rows, {1, 2, 3, 4})
    if analysis.strategies:
        lines += ["", say("strategies-heading", last=analysis.strategy_seeds - 1,
                          mark=s.scoring.pass_mark, limit=f"{100 * PASS_LIMIT:.0f}")]
        rows = [[say("col-strategy"), say("col-won"), say("col-passed"), say("col-mean")]] + [
            [name, f"{100 * f.win_rate:.0f} %", f"{100 * f.pass_rate:.0f} %", say.num(f.mean)]
            for name, f in analysis.strategies.items()]
        lines += _table(rows, {1, 2, 3})
    lines += ["", say("findings-heading", n=len(analysis.findings))]
    if not analysis.findings:
        lines.append("  " + say("none"))
    by_code: dict[str, list[Finding]] = {}
    for finding in analysis.findings:
        by_code.setdefault(finding.code, []).append(finding)
    for code, group in by_code.items():
        for finding in group[:limit]:
            where = say("line-suffix", line=finding.line) if finding.line else ""
            lines.append(f"  {code}: {say.text(finding)}{where}")
        if len(group) > limit:
            lines.append(f"  {code}: " + say("more", n=len(group) - limit))
    lines += ["", say("statistics-heading")]
    rows = [[say("col-stakeholder"), say("col-role"), say("col-nodes"), say("col-choices"),
             say("col-words"), say("col-feedback")]] + [
        [x.name, say.role(x.role), str(x.nodes), str(x.choices), str(x.words),
         str(x.feedback_words)]
        for x in st.people]
    rows.append([say("total"), "", str(st.nodes), str(st.choices), str(st.words),
                 str(sum(x.feedback_words for x in st.people))])
    lines += _table(rows, {2, 3, 4, 5})
    lines.append("  " + say("counts", needs=say.n("needs", st.needs),
                            objections=say.n("objections", st.objections),
                            events=say.n("events", st.events),
                            briefing=say.n("words", st.briefing_words)))
    if st.estimated_minutes is not None:
        lines.append("  " + say("minutes", minutes=f"{st.estimated_minutes:.0f}",
                                declared=st.declared_minutes))
    return "\n".join(lines) + "\n"


_ENDS = ("out-of-turns", "closes-exhausted", "closed", "abandoned", "walked-away")
