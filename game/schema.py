"""The scenario format, version 1.3: the one source of truth for what a scenario file may hold.

Every model is strict (no silent type coercion) and forbids unknown keys, so a trainer's typo is
reported instead of ignored. `scenario_json_schema()` exports the same models as JSON Schema.

Identifiers (stakeholder, need, node, objection, event, flag ids) are short slugs: letters,
digits, `_` and `-`. Collections that own ids are YAML mappings keyed by id, so a repeated id is
a duplicate key and is reported by the loader.
"""
from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (AfterValidator, BaseModel, ConfigDict, Field, PlainValidator,
                      StringConstraints, WithJsonSchema)
from pydantic_core import PydanticCustomError

FORMAT_VERSION = 1.3
FORMATS = (1, 1.1, 1.2, 1.3)  # 1.1 adds `say_again`, `if: {meeting: …}`, `feedback_won`/
                              # `feedback_failed`; 1.2 adds `qualification`, `learn`,
                              # `disqualify`, `walk_away`, regional `language` tags,
                              # `close.won_line` and `referral.moment`; 1.3 adds no key but two
                              # rules (interest builds a level a meeting; an objection never
                              # raised nor offered by someone met does not count)

MAX_STAKEHOLDERS = 200   # a buying centre larger than this is not one a trainee can read, and
                         # the analysis (par, strategies) would take minutes and gigabytes
Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_][A-Za-z0-9_\-]*$", max_length=64)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
Stance = Annotated[float, Field(ge=-1.0, le=1.0)]
Unit = Annotated[float, Field(ge=0.0, le=1.0)]
Delta = Annotated[float, Field(ge=-2.0, le=2.0)]

ID_PATTERN = r"^[A-Za-z0-9_][A-Za-z0-9_\-]*$"


def _walk_away_value(value: Any) -> bool | str:
    """`true` / `false`, or a reason id (format 1.2: `walk_away: no_budget`); otherwise one
    error, worded as for a yes/no key or a bad id (a union would report one per member)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        if len(value) > 64:
            raise PydanticCustomError("string_too_long",
                                      "String should have at most {max_length} characters",
                                      {"max_length": 64})
        if re.fullmatch(ID_PATTERN, value) is None:
            raise PydanticCustomError("string_pattern_mismatch",
                                      "String should match pattern '{pattern}'",
                                      {"pattern": ID_PATTERN})
        return value
    raise PydanticCustomError("bool_type", "Input should be a valid boolean")


WalkAway = Annotated[bool | str, PlainValidator(_walk_away_value), WithJsonSchema({"anyOf": [
    {"type": "boolean"}, {"type": "string", "pattern": ID_PATTERN, "maxLength": 64}]})]

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

# format 1.2: what a seller finds out besides need, interest and authority (BANT's budget and
# timing, MEDDPICC's decision process and competition), and what walking away may require
QualificationId = Literal["budget", "timing", "decision_process", "competitor"]
QUALIFICATION_ITEMS: tuple[str, ...] = ("budget", "timing", "decision_process", "competitor")
CHECKLIST: tuple[str, ...] = ("need", "interest", "authority")  # the checklist before 1.2
AfterItem = Literal["need", "interest", "authority",
                    "budget", "timing", "decision_process", "competitor"]

# `en` or `es`, or a regional tag of either (`en-GB`, `es-MX`): the game's own words follow the
# base language, with the region's own usage where it differs (game/i18n.py)
LANGUAGE_PATTERN = r"^(en|es)(-[A-Z]{2})?$"
LANGUAGE_EXAMPLES: tuple[str, ...] = ("en", "es", "en-GB", "en-US", "es-ES", "es-MX")


def _language_tag(value: str) -> str:
    """`value` if it is `en`, `es` or a regional tag of either; else the error the loader words
    as "must be one of: …" with a "did you mean" (a bad-value, as for any other choice)."""
    if re.fullmatch(LANGUAGE_PATTERN, value) is None:
        raise PydanticCustomError("literal_error", "Input should be {expected}", {
            "expected": ", ".join(f"'{tag}'" for tag in LANGUAGE_EXAMPLES[:-1])
            + f" or '{LANGUAGE_EXAMPLES[-1]}'"})
    return value


Language = Annotated[str, AfterValidator(_language_tag),
                     Field(json_schema_extra={"pattern": LANGUAGE_PATTERN,
                                              "examples": list(LANGUAGE_EXAMPLES)})]


def base_language(tag: str | None) -> str:
    """The base language of a tag: `es-MX` → `es`; anything that is not en/es → `en`."""
    base = (tag or "").split("-", 1)[0]
    return base if base in ("en", "es") else "en"


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, allow_inf_nan=False)


class Account(_Strict):
    """The prospect's company and what is being sold."""

    company: Text = Field(description="The prospect's company.")
    product: Text = Field(description='What the trainee sells.')
    situation: Text | None = Field(None, description=(
            'A line of context shown under the company in the briefing.'
        ))
    deal_value: Annotated[float, Field(ge=0)] = Field(0.0, description=(
            'The list value of the deal. A won close keeps it all, or loses `close.discount` of '
            'it (section 7).'
        ))
    currency: Annotated[str, StringConstraints(min_length=1, max_length=8)] = Field(
        "EUR", description=(
            'Written after amounts ("12,000 EUR").'
        ))


class Condition(_Strict):
    """All listed tests must hold (logical AND). Trust and stance refer to the person being met."""

    needs_known: list[Id] = Field([], description='every listed need has been discovered.')
    needs_unknown: list[Id] = Field([], description='none of the listed needs has been discovered.')
    flags: list[Id] = Field([], description='every listed flag is set.')
    not_flags: list[Id] = Field([], description='none of the listed flags is set.')
    met: list[Id] = Field([], description=(
            'every listed person has been met (the meeting under way counts).'
        ))
    not_met: list[Id] = Field([], description='none of the listed people has been met.')
    objections_open: list[Id] = Field([], description=(
            'every listed objection has been raised and not yet answered.'
        ))
    objections_resolved: list[Id] = Field([], description=(
            'every listed objection has been answered.'
        ))
    pitched: list[Id] = Field([], description=(
            'every listed need has been pitched successfully (the pitch landed).'
        ))
    trust_min: Unit | None = Field(None, description=(
            'the person being met trusts the seller at least this much.'
        ))
    stance_min: Stance | None = Field(None, description=(
            'the person being met has at least this stance.'
        ))
    interest_min: Annotated[int, Field(ge=0, le=INTEREST_MAX)] | None = Field(None, description=(
            "the account's interest level is at least this."
        ))
    turn_min: Annotated[int, Field(ge=1)] | None = Field(None, description=(
            'the current turn is this one or later.'
        ))
    turn_max: Annotated[int, Field(ge=1)] | None = Field(None, description=(
            'the current turn is this one or earlier.'
        ))
    # format 1.1
    meeting: Literal["first", "later"] | None = Field(None, description=(
            '(1.1) `first`: this meeting is the first with the person being met; `later`: the '
            'trainee has met them before.'
        ))
    # format 1.2
    learned: list[QualificationId] = Field([], description=(
            '(1.2) every listed qualification item has been learnt.'
        ))
    not_learned: list[QualificationId] = Field([], description=(
            '(1.2) none of the listed qualification items has been learnt.'
        ))


class RoleHint(_Strict):
    """A clue about someone's part in the buying decision, shown on the deal board. A clue
    about the decision-maker establishes authority unless it is `vague` (an evasive answer)."""

    about: Id = Field(description='Whom the clue is about.')
    text: Text = Field(description='The clue, as the deal board shows it.')
    vague: bool = Field(False, description=(
            'An evasive or misleading clue: shown on the board, but it does not establish '
            'authority even when it is about the decision-maker.'
        ))


class Counter(_Strict):
    """An answer to an objection; it resolves the objection only if `using` is one of its counters."""

    objection: Id = Field(description='The objection being answered.')
    using: Id = Field(description=(
            "The kind of answer. A free name: it works only if it is listed in the objection's "
            '`counters`.'
        ))


class Effects(_Strict):
    """What a choice (or an event) changes. `stance`/`trust` apply to the person being met."""

    reveal_needs: list[Id] = Field([], description=(
            'These needs are discovered (credited to the person being met) and appear on the deal'
            ' board.'
        ))
    role_hints: list[RoleHint] = Field([], description=(
            'Clues shown on the deal board, each `{about: stakeholder id, text: …}`. A clear clue'
            ' about the decision-maker (not marked `vague`) is what establishes authority '
            '(section 7).'
        ))
    stance: Delta | None = Field(None, description='Change the stance of the person being met.')
    trust: Delta | None = Field(None, description=(
            'Change the trust of the person being met (kept within 0 … 1).'
        ))
    interest: Annotated[int, Field(ge=-INTEREST_MAX, le=INTEREST_MAX)] | None = Field(
        None, description=(
            "Change the account's interest level (kept within 0 … 4)."
        ))
    stance_of: dict[Id, Delta] = Field({}, description=(
            "Change these people's stance: `{grace: -0.1}`."
        ))
    trust_of: dict[Id, Delta] = Field({}, description="Change these people's trust.")
    raise_objections: list[Id] = Field([], description=(
            'These objections are raised and stay open until answered. An objection is raised '
            'once per attempt: raising it again, open or answered, does nothing.'
        ))
    counter: Counter | None = Field(None, description=(
            "Answer an objection (section 8): it works when `using` is one of the objection's "
            '`counters`.'
        ))
    pitch: list[Id] = Field([], description=(
            'Pitch the benefit of these needs to the person being met (section 8).'
        ))
    introduce: list[Id] = Field([], description='These people can now be met.')
    set_flags: list[Id] = Field([], description='Set these flags.')
    clear_flags: list[Id] = Field([], description='Clear these flags.')
    # format 1.2
    learn: list[QualificationId] = Field([], description=(
            '(1.2) These qualification items are learnt (credited to the person being met) and '
            'ticked on the deal board: `budget`, `timing`, `decision_process`, `competitor`, each'
            ' declared under `qualification:`.'
        ))
    walk_away: WalkAway = Field(False, description=(
            '(1.2) The trainee walks away politely: the attempt ends right after this '
            "choice's reply. `true`, or the reason the trainee gives — one of "
            "`disqualify.reasons` (`walk_away: no_budget`). Whether that was the right call is "
            'the top-level `disqualify`\'s to say (section 7, "Walking away").'
        ))


NO_EFFECTS = Effects()


def _no_effects() -> Effects:
    # one shared, frozen instance: a plain `= Effects()` default is deep-copied for every
    # choice without effects (pydantic copies defaults it cannot hash), which made a large
    # scenario load several times slower
    return NO_EFFECTS


def _effects_field(description: str) -> Any:
    """The shared `Effects()` default, reading in the JSON Schema as a plain default would."""
    return Field(default_factory=_no_effects, description=description,
                 json_schema_extra={"default": NO_EFFECTS.model_dump(mode="json")})


class Choice(_Strict):
    """One thing the trainee can say. `next` names a node of the same conversation, or `end`."""

    id: Id | None = Field(None, description=(
            'A name for the choice, unique within its node. Results record it; give every choice '
            'one.'
        ))
    text: Text = Field(description=(
            'What the trainee says. A label in square brackets at the start — `"[Small talk] '
            'How\'s business?"`, as the tutorial writes every option — is shown in the window as a'
            " chip beside the option and in the debrief's heading, never as part of what is said."
        ))
    tactic: Tactic = Field(description=(
            'What kind of move this is. Only `close` changes what the game does (it triggers the '
            'close rule, section 7); the others label the move in the debrief, and `validate` '
            'checks that the effects fit the tactic (a pitch should pitch a need, a counter '
            'should answer an objection, an introduction should introduce someone). Do not use '
            '`referral` here: the game asks for the referral itself after a won close.'
        ))
    when: Condition | None = Field(default=None, alias="if", description=(
            'The choice can be picked only while this condition holds; otherwise it is closed '
            '(the terminal hides it).'
        ))
    effects: Effects = _effects_field('What picking it changes.')
    next: Id | None = Field(None, description=(
            "Where the conversation goes: another node of the same person's conversation, `end` "
            'to end the meeting, or — when left out — stay on this node (its line is not '
            'repeated).'
        ))
    reply: Text | None = Field(None, description=(
            'What the stakeholder answers right after this choice. Not shown for a close: the '
            "close's `won`/`lost` texts are shown instead."
        ))
    feedback: Text | None = Field(None, description=(
            "The coach's comment, shown next to this choice in the debrief."
        ))
    # format 1.1: for a close, instead of `feedback`
    feedback_won: Text | None = Field(None, description=(
            '(1.1) For a `close`: the comment shown instead of `feedback` when this close won the'
            ' deal.'
        ))
    # when the close won or failed
    feedback_failed: Text | None = Field(None, description=(
            '(1.1) For a `close`: the comment shown instead of `feedback` when this close failed.'
            ' Left out, `feedback` is shown for both outcomes.'
        ))
    quality: Quality | None = Field(None, description=(
            'Your own mark for this choice in the debrief timeline. A mistake the rules find '
            '(section 8) is always marked a mistake. Without it the game marks the choice itself '
            '(section 10).'
        ))
    # of a `quality: mistake` (default major): what it costs
    severity: Severity | None = Field(None, description=(
            'How bad a `quality: mistake` is (left out: `major`). It costs a share of the '
            "choice's competency, and a `critical` one fails the attempt whatever the score — "
            'section 8, "Mistakes you mark".'
        ))
    # default: true, except for close attempts, which may be repeated
    once: bool | None = Field(None, description=(
            'Whether the choice can be picked only once per attempt (after that it is closed as '
            '"already said", in every later meeting too). When left out: `true` for every tactic '
            'but `close`, which can be repeated.'
        ))

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
    is said instead of `say` in a later meeting with the same person and on a return to the node
    within one meeting."""

    say: Text | None = Field(None, description=(
            'What the stakeholder says when the conversation arrives here.'
        ))
    say_again: Text | None = Field(None, description=(
            '(1.1) Said instead of `say` when the trainee has met this person in an earlier '
            'meeting — so the third visit does not open with the first greeting again — and on a '
            'return to this node within one meeting. Left out, a later meeting says `say` and a '
            'return says nothing.'
        ))
    choices: list[Choice] = Field([], description='What the trainee can answer.')
    end: bool = Field(False, description=(
            "If true, the meeting ends as soon as this node's line is said; its choices are never"
            ' offered.'
        ))


class Conversation(_Strict):
    """A stakeholder's conversation graph; every meeting with them starts at `start`."""

    start: Id = Field(description=(
            'Where every meeting with this person starts — the first and every later one.'
        ))
    nodes: Annotated[dict[Id, Node], Field(min_length=1)] = Field(description=(
            "The conversation's nodes; at least one."
        ))


class Stakeholder(_Strict):
    """A member of the buying centre. `role` is hidden from the trainee."""

    name: Text = Field(description='Their name, as the trainee sees it.')
    title: Text = Field(description='Their job title. Make it plausible, not a give-away.')
    role: Role = Field(description=(
            'Their hidden part in the decision. Exactly one person is the `decision_maker`.'
        ))
    stance: Stance = Field(0.0, description=(
            'Where they start: −1 against the deal, 0 undecided, 1 for it.'
        ))
    trust: Unit = Field(0.3, description='How much they trust the seller at the start.')
    openness: Unit = Field(0.5, description=(
            'How much they are swayed by the people who influence them (section 6). 0: only their'
            ' own view counts.'
        ))
    influences: dict[Id, Unit] = Field({}, description=(
            'Whom this person sways, and how strongly: `{grace: 0.4}`.'
        ))
    cares_about: list[Id] = Field([], description=(
            'The needs this person has. A pitch of a need lands only with someone who cares about'
            ' it.'
        ))
    requires_introduction: bool = Field(False, description=(
            'If true, they can only be met after a choice or event `introduce`s them.'
        ))
    conversation: Conversation = Field(description='Their conversation (below).')


class Need(_Strict):
    """A pain the prospect has; discovering it and pitching its benefit to its holder scores."""

    text: Text = Field(description='The pain, as the deal board shows it once discovered.')
    benefit: Benefit = Field(description=(
            'The kind of benefit that answers it: work made easier; support previous vendors did '
            'not give; doing more tasks efficiently; saving on the front end (price, acquisition,'
            ' set-up); saving on the back end (overheads: overtime, maintenance, errors, waste, '
            'admin).'
        ))
    amount: Annotated[float, Field(ge=0)] | None = Field(None, description=(
            'The saving in money. The deal board shows it, and totals the front-end and back-end '
            'amounts pitched. It does not change the score.'
        ))
    importance: Annotated[int, Field(ge=1, le=3)] = Field(1, description=(
            'How much this need counts in the discovery and value-pitch scores.'
        ))


class Objection(_Strict):
    """A doubt someone raises; only the counters listed here answer it."""

    text: Text = Field(description="The objection in the raiser's words.")
    raised_by: Id = Field(description=(
            'Whose doubt it is. Their influence decides whether it blocks the close.'
        ))
    counters: Annotated[list[Id], Field(min_length=1)] = Field(description=(
            "The answers that work (at least one): free names that a choice's `counter: {using: "
            '…}` must match.'
        ))
    pressure: Unit = Field(0.1, description=(
            'How hard it pushes while open: after every meeting, everyone the raiser influences '
            'loses influence weight × pressure of stance (section 6).'
        ))


class Event(_Strict):
    """Something that happens between meetings: after meeting `turn`, or whenever `if` holds."""

    text: Text = Field(description='What happened, as the trainee reads it between meetings.')
    turn: Annotated[int, Field(ge=1)] | None = Field(None, description=(
            'Happen at the end of this meeting (turn 2: when the second meeting ends).'
        ))
    when: Condition | None = Field(default=None, alias="if", description=(
            'Happen at the end of any meeting when this holds. With `turn` too, both must hold. '
            'With neither, the event happens when the first meeting ends.'
        ))
    once: bool = Field(True, description=(
            'Happen at most once. With `false` (and no `turn`), it happens after every meeting '
            'while its `if` holds.'
        ))
    effects: Effects = _effects_field(
        'What it changes. Use `stance_of`/`trust_of`: nobody is being met between meetings, so '
        '`stance` and `trust` would apply to no one. Do not `pitch` in an event: with no '
        "listener, it counts against the trainee's score as a premature or irrelevant pitch; "
        "likewise a `counter` in an event that does not work counts as the trainee's wrong "
        'counter.'
    )


class CloseRule(_Strict):
    """The bar a close attempt must clear (see docs/authoring.md, "How a close is decided")."""

    stance: Stance = Field(0.5, description='The stance the decision-maker must have reached.')
    interest: Annotated[int, Field(ge=0, le=INTEREST_MAX)] = Field(3, description=(
            'The interest level the account must have reached.'
        ))
    needs: Annotated[int, Field(ge=1)] = Field(1, description=(
            'How many needs must have been discovered (at least 1 is always required).'
        ))
    block_influence: Unit = Field(0.2, description=(
            'An open objection blocks the close when it was raised by the decision-maker, or by '
            'someone whose influence on the decision-maker is at least this.'
        ))
    max_attempts: Annotated[int, Field(ge=1, le=10)] = Field(2, description=(
            'Failed close attempts allowed; when this many have failed, the attempt is lost.'
        ))
    discount: Unit = Field(0.1, description=(
            'The share of `deal_value` lost when the scenario has a back-end saving and none was '
            'ever pitched.'
        ))
    won: Text | None = Field(None, description='Shown when the deal closes.')
    lost: Text | None = Field(None, description=(
            'Shown when a close fails, as the words of the person asked — write it so anyone '
            'could say it.'
        ))
    # format 1.2
    won_line: Text | None = Field(None, description=(
            '(1.2) The headline of a won close instead of "Deal closed at {value}!", for a deal '
            'that is not a sale yet (a tender awarded, a framework signed); `{value}` is the '
            'deal value with its currency.'
        ))


class Referral(_Strict):
    """What happens when the trainee asks a new customer for a referral."""

    trust: Unit = Field(0.5, description=(
            'The trust the new customer must have in the seller to give a referral.'
        ))
    won: Text = Field(description='Shown when the referral is given.')
    lost: Text = Field(description='Shown when it is not.')
    leads_to: Id | None = Field(None, description=(
            'The id of the scenario the referral leads to (not checked). A player who wins both '
            "the deal and the referral unlocks it in the game's progress."
        ))
    # format 1.2
    moment: Text | None = Field(None, description=(
            '(1.2) What the trainee reads after a won close instead of "{who} is now your '
            'customer. Ask for a referral?"; `{who}` is the name of the person who said yes.'
        ))


class Weights(_Strict):
    """Relative weight of each competency in the total score."""

    discovery: Annotated[int, Field(ge=0, le=100)] = Field(20, description='Weight of discovery.')
    qualification: Annotated[int, Field(ge=0, le=100)] = Field(20, description=(
            'Weight of qualification.'
        ))
    saboteurs: Annotated[int, Field(ge=0, le=100)] = Field(15, description=(
            'Weight of handling saboteurs.'
        ))
    value_pitch: Annotated[int, Field(ge=0, le=100)] = Field(20, description=(
            'Weight of the value pitch.'
        ))
    closing: Annotated[int, Field(ge=0, le=100)] = Field(15, description='Weight of closing.')
    relationship: Annotated[int, Field(ge=0, le=100)] = Field(10, description=(
            'Weight of the relationship.'
        ))


class Scoring(_Strict):
    """Scoring weights and the pass mark used in reports."""

    weights: Weights = Field(Weights(), description="Each competency's weight (below).")
    pass_mark: Annotated[int, Field(ge=0, le=100)] = Field(60, description=(
            'The total a report counts as a pass.'
        ))


StanceRange = Annotated[list[Stance], Field(min_length=2, max_length=2)]


class Cast(_Strict):
    """One casting of the buying centre: these stakeholders take these roles (the others keep
    their own). `flags` are set when the attempt starts, so choices can depend on the cast;
    `needs_introduction`, when given, lists exactly who can be met only after an introduction
    in this cast; `name` lets a trainer fix the cast for a class (`play --cast NAME`)."""

    roles: Annotated[dict[Id, Role], Field(min_length=1)] = Field(description=(
            'These people take these roles; everyone else keeps their own.'
        ))
    flags: list[Id] = Field([], description=(
            'Flags set when the attempt starts, so choices can depend on the cast (`if: {flags: '
            '[...]}`).'
        ))
    # who can be met only after an introduction in this cast (None: as each stakeholder says)
    needs_introduction: list[Id] | None = Field(None, description=(
            'Exactly who can be met only after an introduction in this cast (left out: as each '
            "stakeholder's `requires_introduction` says). Vary it with the cast so that who needs"
            ' an introduction does not give the decision-maker away.'
        ))
    name: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_][A-Za-z0-9_\-]*$",
                                           max_length=64)] | None = Field(
        None, description=(
                "The cast's name, for `play --cast NAME` (a trainer fixes the cast for a class). "
                'Left out: `cast-1`, `cast-2`… by its place in the list.'
            ))  # for `play --cast`
    # format 1.2
    champion: Id | None = Field(None, description=(
            "(1.2) Who backs the rival in this cast: a stakeholder id that replaces "
            "`qualification.competitor.champion` while this cast is drawn (the debrief names "
            "them, once the deal is played out, if the trainee never found out about the "
            "competitor)."
        ))


class NeedSet(_Strict):
    """One set of active needs. A need named in some set but not in the drawn one is inactive:
    nothing reveals it and nobody cares about it. `flags` are set when the attempt starts."""

    active: list[Id] = Field(description=(
            'The needs active in this set. A need named in another set but not here is inactive: '
            'nothing reveals it and nobody cares about it.'
        ))
    flags: list[Id] = Field([], description='Flags set when the attempt starts.')


class Variants(_Strict):
    """Alternatives drawn from the seed (game/variants.py), so a replay cannot be memorised:
    one cast, one need set, and each listed starting stance within [low, high] (steps of 0.05)."""

    casts: list[Cast] = Field([], description=(
            'One is drawn per seed: who takes which role (below).'
        ))
    needs: list[NeedSet] = Field([], description=(
            'One is drawn per seed: which needs are active (below).'
        ))
    stances: dict[Id, StanceRange] = Field({}, description=(
            "Each listed person's starting stance is drawn between low and high, in steps of "
            '0.05.'
        ))


class QualificationItem(_Strict):
    """Something the trainee must find out before the prospect is qualified (format 1.2)."""

    text: Text = Field(description=(
            'What the trainee has learnt, as the deal board shows it once a choice or event '
            '`learn`s the item. The same for every cast: what differs by cast belongs in the '
            'replies.'
        ))


class Competitor(_Strict):
    """The rival vendor the prospect is also talking to (format 1.2)."""

    text: Text = Field(description=(
            'What the trainee has learnt about the competition, as the deal board shows it once '
            'learnt.'
        ))
    name: Text | None = Field(None, description=(
            "The rival vendor's name, shown on the deal board once the competitor is learnt."
        ))
    champion: Id | None = Field(None, description=(
            'The stakeholder who backs the rival. Never shown during play; once the deal is '
            'played out, the debrief names them if the trainee never found out about the '
            "competitor. A cast's own `champion` replaces it while that cast is drawn."
        ))


class Qualification(_Strict):
    """What must be learnt, besides need, interest and authority, for the prospect to be
    qualified (format 1.2). Every item declared here is required."""

    budget: QualificationItem | None = Field(None, description=(
            'The money set aside for the purchase.'
        ))
    timing: QualificationItem | None = Field(None, description=(
            'When the prospect needs it, and why then.'
        ))
    decision_process: QualificationItem | None = Field(None, description=(
            'How the decision is made: who approves, in which steps, by when.'
        ))
    competitor: Competitor | None = Field(None, description=(
            'The rival vendor in the running (below).'
        ))

    def declared(self) -> tuple[str, ...]:
        """The ids of the items declared, in the order of QUALIFICATION_ITEMS."""
        return tuple(item for item in QUALIFICATION_ITEMS if getattr(self, item) is not None)


class DisqualifyReason(_Strict):
    """A reason walking away can be right (format 1.2): a choice with `walk_away: <its id>`
    walks away giving it, and is the right call only while its `when` holds."""

    when: Condition | None = Field(None, description=(
            'Walking away for this reason is right only while this condition holds (usually the '
            'flags of the casts or need sets it fits). Left out: whenever walking away is right.'
        ))
    text: Text | None = Field(None, description=(
            'Shown when the trainee walks away rightly for this reason, instead of '
            "`disqualify`'s own `text`."
        ))


class Disqualify(_Strict):
    """When walking away is the right call (format 1.2): the deal is not one to chase."""

    when: Condition | None = Field(None, description=(
            'Walking away is right only while this condition holds (usually the flags of the '
            'casts or need sets with no budget, no reachable authority or no need the product '
            'meets). Left out: always right. With `reasons`, walking away is right only for a '
            "reason whose own `when` holds as well."
        ))
    after: Annotated[list[AfterItem], Field(min_length=1)] = Field(description=(
            'What the trainee must have established before walking away counts as qualifying '
            'out: qualification items, or `need`, `interest`, `authority` (the checklist). '
            'Walking away before that is a guess, and fails.'
        ))
    text: Text | None = Field(None, description=(
            'Shown when the trainee walks away rightly: how the door was left open.'
        ))
    reasons: dict[Id, DisqualifyReason] = Field({}, description=(
            'The reasons walking away can be right, each with when it holds (below): a walk-away'
            ' choice then names one (`walk_away: no_budget`), and walking away is right only for'
            " a reason whose `when` holds — another reason is walking away for the wrong reason."
            ' Left out: walking away needs no reason (`walk_away: true`).'
        ))


class Scenario(_Strict):
    """A whole training scenario: an account, its buying centre and their conversations."""

    format: Literal[1, 1.1, 1.2, 1.3] = Field(1, description=(
            'The format version. 1.1 adds `say_again`, the `meeting` condition and `feedback_won`'
            ' / `feedback_failed`; 1.2 adds `qualification`, `disqualify`, regional `language` '
            'tags and the public tender\'s words (sections below); 1.3 has no new keys but two '
            'rules: interest builds one level a meeting at most, and an objection never raised '
            'nor offered by someone you met does not count against the trainee. Every older file is valid '
            'and plays the same. Write the version whose keys and rules you want.'
        ))
    id: Id = Field(description="The scenario's unique id; results and referrals name it.")
    title: Text = Field(description='The title the trainee sees.')
    language: Language = Field(description=(
            "The language the scenario is written in: `en`, `es`, or (1.2) a regional tag such "
            "as `en-GB`, `en-US`, `es-ES` or `es-MX`. The game's own words (notes, labels, the "
            "debrief) follow it, in the region's usage where it differs."
        ))
    difficulty: Literal["beginner", "intermediate", "advanced"] = Field(
        "intermediate", description=(
            "Shown in the game window's scenario picker."
        ))
    minutes: Annotated[int, Field(ge=1, le=240)] = Field(15, description=(
            'Roughly how long an attempt takes; shown in the scenario picker.'
        ))
    account: Account = Field(description='The company and the product (below).')
    briefing: Text = Field(description='What the trainee reads before the first meeting.')
    turns: Annotated[int, Field(ge=1, le=50)] = Field(description=(
            'Meetings before the quarter ends. When a meeting ends and this many meetings have '
            'been held, an attempt not yet won is lost.'
        ))
    stakeholders: Annotated[dict[Id, Stakeholder],
                            Field(min_length=1, max_length=MAX_STAKEHOLDERS)] = Field(
        description='The buying centre; at least one person.')
    needs: dict[Id, Need] = Field({}, description='The pains discovery can reveal.')
    objections: dict[Id, Objection] = Field({}, description='The doubts people can raise.')
    events: dict[Id, Event] = Field({}, description='Things that happen between meetings.')
    close: CloseRule = Field(CloseRule(), description=(
            'The close rule; every key has a default (below).'
        ))
    qualification: Qualification | None = Field(None, description=(
            '(1.2) What must be learnt besides need, interest and authority — budget, timing, '
            'decision process, competitor — for the prospect to be qualified (below).'
        ))
    disqualify: Disqualify | None = Field(None, description=(
            '(1.2) When walking away is the right call, and what must be established first '
            '(below). Without it, walking away is simply not winning.'
        ))
    referral: Referral | None = Field(None, description=(
            'What happens when the trainee asks a new customer for a referral. Without it, a won '
            'close ends the attempt at once.'
        ))
    scoring: Scoring = Field(Scoring(), description=(
            'Competency weights and the pass mark; every key has a default.'
        ))
    variants: Variants | None = Field(None, description=(
            'Alternatives drawn from the seed: casts, need sets, starting-stance ranges (below, '
            'and tools.md).'
        ))


def scenario_json_schema() -> dict[str, Any]:
    """The JSON Schema of the scenario format, generated from the models above."""
    schema = Scenario.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"Qualified scenario (format {FORMAT_VERSION})"
    return schema
