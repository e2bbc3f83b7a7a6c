"""The scenario format, version 1.1: the one source of truth for what a scenario file may hold.

Every model is strict (no silent type coercion) and forbids unknown keys, so a trainer's typo is
reported instead of ignored. `scenario_json_schema()` exports the same models as JSON Schema.

Identifiers (stakeholder, need, node, objection, event, flag ids) are short slugs: letters,
digits, `_` and `-`. Collections that own ids are YAML mappings keyed by id, so a repeated id is
a duplicate key and is reported by the loader.
"""
from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

FORMAT_VERSION = 1.1
FORMATS = (1, 1.1)  # 1.1 adds `say_again`, `if: {meeting: …}`, `feedback_won`/`feedback_failed`

MAX_STAKEHOLDERS = 200   # a buying centre larger than this is not one a trainee can read, and
                         # the analysis (par, strategies) would take minutes and gigabytes
Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_][A-Za-z0-9_\-]*$", max_length=64)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
Stance = Annotated[float, Field(ge=-1.0, le=1.0)]
Unit = Annotated[float, Field(ge=0.0, le=1.0)]
Delta = Annotated[float, Field(ge=-2.0, le=2.0)]

Role = Literal["decision_maker", "influencer", "saboteur", "user", "gatekeeper"]
ROLES: tuple[str, ...] = ("decision_maker", "influencer", "saboteur", "user", "gatekeeper")

Benefit = Literal["easier", "support", "efficiency", "front_end_savings", "back_end_savings"]
BENEFITS: tuple[str, ...] = ("easier", "support", "efficiency", "front_end_savings", "back_end_savings")

Tactic = Literal[
    "discovery", "authority", "pitch", "counter", "introduction", "close", "referral", "small_talk"
]
TACTICS: tuple[str, ...] = (
    "discovery", "authority", "pitch", "counter", "introduction", "close", "referral", "small_talk"
)

Quality = Literal["good", "neutral", "mistake"]
Severity = Literal["minor", "major", "critical"]
SEVERITIES: tuple[str, ...] = ("minor", "major", "critical")
COMPETENCIES: tuple[str, ...] = (
    "discovery", "qualification", "saboteurs", "value_pitch", "closing", "relationship"
)

INTEREST_MAX = 4
END = "end"  # the reserved `next:` target that ends the meeting


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, allow_inf_nan=False)


class Account(_Strict):
    """The prospect's company and what is being sold."""

    company: Text
    product: Text
    situation: Text | None = None
    deal_value: Annotated[float, Field(ge=0)] = 0.0
    currency: Annotated[str, StringConstraints(min_length=1, max_length=8)] = "EUR"


class Condition(_Strict):
    """All listed tests must hold (logical AND). Trust and stance refer to the person being met."""

    needs_known: list[Id] = []
    needs_unknown: list[Id] = []
    flags: list[Id] = []
    not_flags: list[Id] = []
    met: list[Id] = []
    not_met: list[Id] = []
    objections_open: list[Id] = []
    objections_resolved: list[Id] = []
    pitched: list[Id] = []
    trust_min: Unit | None = None
    stance_min: Stance | None = None
    interest_min: Annotated[int, Field(ge=0, le=INTEREST_MAX)] | None = None
    turn_min: Annotated[int, Field(ge=1)] | None = None
    turn_max: Annotated[int, Field(ge=1)] | None = None
    meeting: Literal["first", "later"] | None = None  # format 1.1


class RoleHint(_Strict):
    """A clue about someone's part in the buying decision, shown on the deal board. A clue
    about the decision-maker establishes authority unless it is `vague` (an evasive answer)."""

    about: Id
    text: Text
    vague: bool = False


class Counter(_Strict):
    """An answer to an objection; it resolves the objection only if `using` is one of its counters."""

    objection: Id
    using: Id


class Effects(_Strict):
    """What a choice (or an event) changes. `stance`/`trust` apply to the person being met."""

    reveal_needs: list[Id] = []
    role_hints: list[RoleHint] = []
    stance: Delta | None = None
    trust: Delta | None = None
    interest: Annotated[int, Field(ge=-INTEREST_MAX, le=INTEREST_MAX)] | None = None
    stance_of: dict[Id, Delta] = {}
    trust_of: dict[Id, Delta] = {}
    raise_objections: list[Id] = []
    counter: Counter | None = None
    pitch: list[Id] = []
    introduce: list[Id] = []
    set_flags: list[Id] = []
    clear_flags: list[Id] = []


NO_EFFECTS = Effects()


def _no_effects() -> Effects:
    # one shared, frozen instance: a plain `= Effects()` default is deep-copied for every
    # choice without effects (pydantic copies defaults it cannot hash), which made a large
    # scenario load several times slower
    return NO_EFFECTS


# how the shared default reads in the JSON Schema (the same as a plain default would)
_EFFECTS_DEFAULT = Field(default_factory=_no_effects,
                         json_schema_extra={"default": NO_EFFECTS.model_dump(mode="json")})


class Choice(_Strict):
    """One thing the trainee can say. `next` names a node of the same conversation, or `end`."""

    id: Id | None = None
    text: Text
    tactic: Tactic
    when: Condition | None = Field(default=None, alias="if")
    effects: Effects = _EFFECTS_DEFAULT
    next: Id | None = None
    reply: Text | None = None
    feedback: Text | None = None
    feedback_won: Text | None = None     # format 1.1: for a close, instead of `feedback`
    feedback_failed: Text | None = None  # when the close won or failed
    quality: Quality | None = None
    severity: Severity | None = None  # of a `quality: mistake` (default major): what it costs
    once: bool | None = None  # default: true, except for close attempts, which may be repeated

    def mistake_severity(self) -> str | None:
        """minor / major / critical for an author-marked mistake (major unless said), else None."""
        if self.quality != "mistake":
            return None
        return self.severity or "major"

    def said_once(self) -> bool:
        """Whether the choice can be taken only once per attempt (`once`, else all but closes)."""
        return self.once if self.once is not None else self.tactic != "close"


class Node(_Strict):
    """A line the stakeholder says and the choices that answer it. `say_again` (format 1.1)
    is said instead of `say` in a later meeting with the same person."""

    say: Text | None = None
    say_again: Text | None = None
    choices: list[Choice] = []
    end: bool = False


class Conversation(_Strict):
    """A stakeholder's conversation graph; every meeting with them starts at `start`."""

    start: Id
    nodes: Annotated[dict[Id, Node], Field(min_length=1)]


class Stakeholder(_Strict):
    """A member of the buying centre. `role` is hidden from the trainee."""

    name: Text
    title: Text
    role: Role
    stance: Stance = 0.0
    trust: Unit = 0.3
    openness: Unit = 0.5
    influences: dict[Id, Unit] = {}
    cares_about: list[Id] = []
    requires_introduction: bool = False
    conversation: Conversation


class Need(_Strict):
    """A pain the prospect has; discovering it and pitching its benefit to its holder scores."""

    text: Text
    benefit: Benefit
    amount: Annotated[float, Field(ge=0)] | None = None
    importance: Annotated[int, Field(ge=1, le=3)] = 1


class Objection(_Strict):
    """A doubt someone raises; only the counters listed here answer it."""

    text: Text
    raised_by: Id
    counters: Annotated[list[Id], Field(min_length=1)]
    pressure: Unit = 0.1


class Event(_Strict):
    """Something that happens between meetings: after meeting `turn`, or whenever `if` holds."""

    text: Text
    turn: Annotated[int, Field(ge=1)] | None = None
    when: Condition | None = Field(default=None, alias="if")
    once: bool = True
    effects: Effects = _EFFECTS_DEFAULT


class CloseRule(_Strict):
    """The bar a close attempt must clear (see docs/authoring.md, "How a close is decided")."""

    stance: Stance = 0.5
    interest: Annotated[int, Field(ge=0, le=INTEREST_MAX)] = 3
    needs: Annotated[int, Field(ge=1)] = 1
    block_influence: Unit = 0.2
    max_attempts: Annotated[int, Field(ge=1, le=10)] = 2
    discount: Unit = 0.1
    won: Text | None = None
    lost: Text | None = None


class Referral(_Strict):
    """What happens when the trainee asks a new customer for a referral."""

    trust: Unit = 0.5
    won: Text
    lost: Text
    leads_to: Id | None = None


class Weights(_Strict):
    """Relative weight of each competency in the total score."""

    discovery: Annotated[int, Field(ge=0, le=100)] = 20
    qualification: Annotated[int, Field(ge=0, le=100)] = 20
    saboteurs: Annotated[int, Field(ge=0, le=100)] = 15
    value_pitch: Annotated[int, Field(ge=0, le=100)] = 20
    closing: Annotated[int, Field(ge=0, le=100)] = 15
    relationship: Annotated[int, Field(ge=0, le=100)] = 10


class Scoring(_Strict):
    """Scoring weights and the pass mark used in reports."""

    weights: Weights = Weights()
    pass_mark: Annotated[int, Field(ge=0, le=100)] = 60


StanceRange = Annotated[list[Stance], Field(min_length=2, max_length=2)]


class Cast(_Strict):
    """One casting of the buying centre: these stakeholders take these roles (the others keep
    their own). `flags` are set when the attempt starts, so choices can depend on the cast;
    `needs_introduction`, when given, lists exactly who can be met only after an introduction
    in this cast; `name` lets a trainer fix the cast for a class (`play --cast NAME`)."""

    roles: Annotated[dict[Id, Role], Field(min_length=1)]
    flags: list[Id] = []
    # who can be met only after an introduction in this cast (None: as each stakeholder says)
    needs_introduction: list[Id] | None = None
    name: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_][A-Za-z0-9_\-]*$",
                                           max_length=64)] | None = None  # for `play --cast`


class NeedSet(_Strict):
    """One set of active needs. A need named in some set but not in the drawn one is inactive:
    nothing reveals it and nobody cares about it. `flags` are set when the attempt starts."""

    active: list[Id]
    flags: list[Id] = []


class Variants(_Strict):
    """Alternatives drawn from the seed (game/variants.py), so a replay cannot be memorised:
    one cast, one need set, and each listed starting stance within [low, high] (steps of 0.05)."""

    casts: list[Cast] = []
    needs: list[NeedSet] = []
    stances: dict[Id, StanceRange] = {}


class Scenario(_Strict):
    """A whole training scenario: an account, its buying centre and their conversations."""

    format: Literal[1, 1.1] = 1
    id: Id
    title: Text
    language: Literal["en", "es"]
    difficulty: Literal["beginner", "intermediate", "advanced"] = "intermediate"
    minutes: Annotated[int, Field(ge=1, le=240)] = 15
    account: Account
    briefing: Text
    turns: Annotated[int, Field(ge=1, le=50)]
    stakeholders: Annotated[dict[Id, Stakeholder],
                            Field(min_length=1, max_length=MAX_STAKEHOLDERS)]
    needs: dict[Id, Need] = {}
    objections: dict[Id, Objection] = {}
    events: dict[Id, Event] = {}
    close: CloseRule = CloseRule()
    referral: Referral | None = None
    scoring: Scoring = Scoring()
    variants: Variants | None = None


def scenario_json_schema() -> dict[str, Any]:
    """The JSON Schema of the scenario format, generated from the models above."""
    schema = Scenario.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Qualified scenario (format 1.1)"
    return schema
