"""One row per attempt, as every report format shows it: player, scenario, seed, started,
duration, outcome, total and each competency."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from game.schema import COMPETENCIES
from game.store import AttemptRecord


@dataclass(frozen=True)
class Row:
    """An attempt reduced to what a trainer compares. `competencies` maps each competency to
    (score, max); max 0 means the scenario does not exercise it. `total` is None while the
    attempt is unfinished (or was abandoned before any result)."""

    attempt_id: str
    player: str
    scenario_id: str
    title: str
    language: str
    seed: int
    started: datetime
    seconds: float
    outcome: str | None
    total: float | None
    competencies: dict[str, tuple[float, float]]
    pass_mark: int
    passed: bool | None = None   # the verdict (None: no result yet)
    practice: bool = False       # played after seeing this cast's roles: shown apart
    disqualified: bool = False   # rightly walked away (format 1.2): shown as "qualified out"

    @property
    def verdict(self) -> str:
        """passed / failed / practice / "" (no result) for the tables."""
        if self.passed is None:
            return ""
        if self.practice:
            return "practice"
        return "passed" if self.passed else "failed"

    def share(self, competency: str) -> float | None:
        """Score / max of a competency (None if not exercised or no result)."""
        score, top = self.competencies.get(competency, (0.0, 0.0))
        return score / top if top else None


def rows(records: list[AttemptRecord]) -> list[Row]:
    """The report rows of `records`, in the same order."""
    out = []
    for record in records:
        a = record.attempt
        comps: dict[str, tuple[float, float]] = {}
        if record.result is not None:
            for name in COMPETENCIES:
                value = record.result["score"]["competencies"].get(name)
                if value is not None:
                    comps[name] = (float(value["score"]), float(value["max"]))
        out.append(Row(a.id, a.player, a.scenario_id, str(record.info.get("title", "")),
                       str(record.info.get("language", "en")), a.seed, a.started,
                       record.active_seconds, a.outcome,
                       a.total if record.result is not None else None, comps,
                       int(record.info.get("pass_mark", 60)), _passed(record),
                       bool(record.result and record.result.get("practice")),
                       bool(record.result and record.result.get("disqualified"))))
    return out


def _passed(record: AttemptRecord) -> bool | None:
    """The attempt's verdict: `passed` from its result (a result saved before verdicts existed
    passes when won at the pass mark)."""
    result = record.result
    if result is None:
        return None
    if "passed" in result:
        return bool(result["passed"])
    return result.get("outcome") == "won" and float(result["score"]["total"]) >= int(
        record.info.get("pass_mark", 60))


def clock_time(seconds: float) -> str:
    """H:MM:SS, the way spreadsheets read a duration."""
    whole = int(round(seconds))
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def local_time(when: datetime) -> str:
    """`YYYY-MM-DD HH:MM` on this computer's clock."""
    return when.astimezone().strftime("%Y-%m-%d %H:%M")
