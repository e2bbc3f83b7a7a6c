"""The autoplay policy: what a sensible trainee would do next, decided only from what the window
shows them — the options with their tactics (and, for closed ones, the condition that keeps them
closed), the deal board (checklist, needs, clues, objections, moods, turns), and what was said.
It never reads hidden roles, stances or the scenario's conditions; it is seeded, so a preview
replays exactly.

The habits it plays by, each one the game's own advice:
- rapport first (a question about them), then ask before pitching: a pitch is trusted once it
  was seen closed until a need was found; one on offer before anything was known, or closed
  *because* a need was found, is not; one it cannot tell about must echo a need on the board;
- never a put-down of how they work, never a price cut as small talk;
- answer an open objection with the most concrete counter on offer (not a dismissal, a discount
  or a put-down); away from the objector, only one that takes up their concern by name;
- find who signs from the clues, tag them, and let the checklist confirm the evidence: its
  authority ✓ appears once the person tagged as the signer has been met and a clear clue about
  them collected (it reads no hidden role, so it confirms a guess, it does not test it);
- meet everyone once, take every introduction, come back to someone when an option seen closed
  (with its condition) has opened, keep the signer's pitches for the meeting that closes, and
  close with the signer only when qualified, no objection is open and they look keen (or nobody
  else is worth a meeting, or time is up); after a failed close, act on its reasons;
- always ask a happy customer for a referral;
- keep the deal board up to date: whenever a clue or an objection comes in, open it and tag
  whom the evidence points at — the signer (from the clues and the checklist), saboteurs (an
  objection raised by someone who does not sign; a clue about a stake in the way things are,
  or about gathering what could go wrong for the signer), influencers (a clue that they
  recommend or advise, but do not sign); someone met with nothing pointing anywhere is a user.

`Policy.next(seen)` gives the key of the option to take; `Policy.tags(seen)` the role tags the
deal board should show, and `Policy.board_due(seen, tags)` whether to open the board now (new
evidence, and a tag to change). Front ends turn these into their own input (the window: key
presses).
"""
from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from game.board import DealBoard
from game.engine import Line, Option
from game.runtime import WALK_AWAY

# Clue wording about the person who signs (English and Spanish), and wording that says the
# person does not (checked first).
NOT_SIGNER = re.compile(
    r"\b(does not|doesn't|do not|don't|cannot|can't|never|not)\s+(sign|decide|approve)|"
    r"\bno\s+(firma|decide|aprueba)|\brecommend|\brecomienda|\bimpulsa|\bopina|"
    r"\bbefore (she|he) signs|\bhas \w+'s ear|\basegura que decide", re.IGNORECASE)
SIGNER = re.compile(
    r"\bsign|\bsignature|\bfirm[ao]\b|\bla firma|\bdecide|\bmy call|\bmy budget|\bmy money|"
    r"\bbudget belongs|\bpresupuesto es m[ií]o|\bdelegad|\bcompetencia|\bwants it, it's done|"
    r"\blleva los n[uú]meros", re.IGNORECASE)
PRICE_TALK = re.compile(r"\d+\s*%|\bdiscount|\bdescuento|\boff if\b|\btake .* off\b",
                        re.IGNORECASE)
PUT_DOWN = re.compile(r"\bhonestly\b|\bfrankly\b|\bsinceramente\b|\bwith respect\b|"
                      r"\bcon todo respeto\b|\beveryone knows\b|\btodo el mundo sabe\b|"
                      r"\bcan't \w+ \w+ properly\b|\bmuseum\b|\bovercharg|\bcobrando de m[aá]s\b|"
                      r"\bde otra [eé]poca\b|\bmiedo al cambio\b|\bresisting change\b",
                      re.IGNORECASE)
# Clue wording that points at a saboteur (English and Spanish): a stake in the way things are
# (the incumbent supplier or system, a contract they negotiated, being paid to keep the old
# one running), gathering what could go wrong for the signer, or spreading doubt.
SABOTEUR = re.compile(
    r"\bcurrent (system|supplier|vendor|provider|contract)|\bincumbent|"
    r"\bsame (supplier|distributor|vendor|provider)|\bmismo (distribuidor|proveedor)|"
    r"\b(proveedor|sistema) (actual|de siempre)|\bacuerdo marco|"
    r"\bnegoci\w* (el|the) (contrato|acuerdo|contract|deal)|\bcobra\b|\bpaid to\b|"
    r"\b(a|una) (list|lista) (of|de)\b|\bproblems with\b|\bgo wrong\b|\bpod[ií]a fallar\b|"
    r"\briesgos\b|\bspeaks up for\b|\blo defiende\b|\btell(s|ing) (the|everyone)\b|"
    r"\bprojects die\b|\bnever sign off\b|\bveto\b|\bbloquea", re.IGNORECASE)
# Clue wording that someone is listened to (beyond "recommends, does not sign" above).
HEARD = re.compile(r"\blisten(s)? to\b|\bescuchan?\b|\bhacen? caso\b|\bhas \w+'s ear\b",
                   re.IGNORECASE)
MOOD_RANK = {"unknown": 0, "hostile": 0, "sceptical": 1, "neutral": 2, "warm": 3, "keen": 4}
COMMON = frozenset({"about", "every", "their", "there", "which", "would", "could", "should",
                    "these", "those", "where", "while", "before", "after", "other", "todos",
                    "todas", "sobre", "desde", "hasta", "cuand", "porqu", "antes", "despu",
                    "donde", "tiene", "puede", "hacer", "nuest", "vuest", "estos", "estas"})
LONG_MEETING = 8  # choices into a meeting after which a due close comes first (the engine
                  # ends a meeting after 12)
WORTH_WAITING = frozenset({"discovery", "authority", "introduction", "pitch"})


def stems(text: str) -> set[str]:
    """The longer words of `text`, cut to their first five letters (a crude stem that matches
    "overtime"/"Overtime's", "caducado"/"caducidades")."""
    return {word[:5].lower() for word in re.findall(r"[^\W\d_]{5,}", text)} - COMMON


def small_talk_score(text: str) -> float:
    """Rapport first — a question about them builds the trust people need before they share a
    problem; a warm remark after the questions; never a put-down of how they work or a price."""
    if PRICE_TALK.search(text) or PUT_DOWN.search(text):
        return 0.5
    return 45.0 if "?" in text else 25.0


@dataclass(frozen=True)
class Seen:
    """What the trainee can see at one moment."""

    phase: str                     # between, meeting, after_close, over
    turn: int                      # meetings held so far
    meeting_with: str | None
    met: frozenset[str]
    options: Sequence[Option]      # every option now; closed ones carry their reason
    board: DealBoard
    lines: Sequence[Line]          # everything said and noted so far, in order


class Policy:
    """A seeded, rule-of-thumb trainee. Call `next` once per decision, in order."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.trusted: set[str] = set()      # pitches seen waiting for a need to be found
        self.distrusted: set[str] = set()   # pitches offered blind, or closed by a need found
        self.seen_keys: set[str] = set()
        self.taken: set[str] = set()         # options already chosen
        self.not_signer: set[str] = set()
        self.signer: str | None = None
        self.dry: set[str] = set()          # people who had nothing more to say
        self.visits: dict[str, int] = {}
        self.read = 0                        # lines of `seen.lines` already taken in
        self.failed_close: list[str] = []    # reason codes of the last failed close
        self.spent: dict[str, tuple[object, ...]] = {}  # left with nothing to say, as things were
        # who → {option key → the reason it was closed}: options worth coming back for
        self.waiting: dict[str, dict[str, tuple[str, dict[str, object]]]] = {}
        self.looked_at: tuple[object, ...] | None = None  # the evidence at the last board visit

    # --- what the lines and the board teach ---------------------------------------------------

    def observe(self, seen: Seen) -> None:
        """Take in what is new: closed options' conditions, clues, the checklist, the lines."""
        for option in seen.options:
            if option.tactic == "pitch" and option.key not in self.seen_keys:
                if option.available:
                    if not seen.board.needs:
                        self.distrusted.add(option.key)  # on offer before any need was known
                elif option.reason is not None and option.reason[0] == "need-unknown":
                    self.distrusted.add(option.key)
            if option.tactic == "pitch" and not option.available and option.reason is not None:
                if option.reason[0] == "need-known" and option.key not in self.distrusted:
                    self.trusted.add(option.key)
                elif option.reason[0] == "need-unknown":
                    self.distrusted.add(option.key)
            self.seen_keys.add(option.key)
            if seen.phase == "meeting" and seen.meeting_with and option.tactic in WORTH_WAITING:
                waiting = self.waiting.setdefault(seen.meeting_with, {})
                if (option.available or option.reason is None or option.key in self.taken
                        or option.key in self.distrusted):
                    waiting.pop(option.key, None)
                else:
                    waiting[option.key] = (option.reason[0], dict(option.reason[1]))
        for line in seen.lines[self.read:]:
            if line.code == "conversation-dry":
                self.dry.add(str(line.params.get("who")))
            elif line.code == "close-failed":
                self.failed_close = [str(code) for code, _ in line.params.get("reasons", [])]
                if "not-decision-maker" in self.failed_close and seen.meeting_with:
                    self.not_signer.add(seen.meeting_with)
        self.read = len(seen.lines)
        board = seen.board
        # an evasive ("vague") clue reads as one on the board, and does not establish authority
        hinted = {str(h["about"]) for h in board.hints if not h.get("vague")}
        candidates = hinted & set(seen.met)
        # the board's authority ✓ reads no hidden role: it says the person *tagged* as the
        # signer has been met and a clear clue about them collected — it confirms that the guess
        # rests on evidence, not that it is right
        if board.checklist.get("authority"):
            tagged = [c.id for c in board.people
                      if c.tag == "decision_maker" and c.id in candidates - self.not_signer]
            if len(tagged) == 1:
                self.signer = tagged[0]

    def signer_guess(self, board: DealBoard) -> str | None:
        """Who signs: the one the checklist confirmed, else the best-supported clue."""
        if self.signer is not None:
            return self.signer
        scores: dict[str, float] = {}
        for hint in board.hints:
            about, text = str(hint["about"]), str(hint["text"])
            if about in self.not_signer:
                continue
            if NOT_SIGNER.search(text):
                scores[about] = scores.get(about, 0.0) - 3.0
            elif SIGNER.search(text):
                scores[about] = scores.get(about, 0.0) + 2.0
        best = max(scores.items(), key=lambda kv: kv[1], default=None)
        return best[0] if best is not None and best[1] > 0 else None

    # --- decisions ----------------------------------------------------------------------------

    def next(self, seen: Seen) -> str:
        """The key of the option to take now."""
        self.observe(seen)
        open_options = [o for o in seen.options if o.available]
        if seen.phase == "after_close":
            return "referral:ask" if any(o.key == "referral:ask" for o in open_options) \
                else open_options[-1].key
        if seen.phase == "between":
            return self._whom(seen, open_options)
        return self._say(seen, open_options)

    @staticmethod
    def _situation(seen: Seen) -> tuple[object, ...]:
        """What, having changed, may open new options with someone already heard out."""
        board = seen.board
        return (len(board.needs), len(board.hints), len(seen.met), board.interest,
                tuple(str(o["state"]) for o in board.objections))

    @staticmethod
    def now_open(reason: tuple[str, dict[str, object]], seen: Seen) -> bool:
        """Whether a closed option's condition visibly holds now (False when it cannot be told)."""
        code, params = reason
        board = seen.board
        if code == "need-known":
            return any(n.id == params.get("need") for n in board.needs)
        if code == "met":
            return params.get("who") in seen.met
        if code == "objection-open":
            return any(o["id"] == params.get("objection") and o["state"] == "open"
                       for o in board.objections)
        if code == "objection-resolved":
            return any(o["id"] == params.get("objection") and o["state"] == "resolved"
                       for o in board.objections)
        if code == "pitched":
            return any(n.id == params.get("need") and n.pitched_to for n in board.needs)
        if code == "interest":
            return board.interest >= int(str(params.get("min", 0)))
        if code == "turn-min":
            return seen.turn + 1 >= int(str(params.get("turn", 0)))
        return False

    def worth_revisiting(self, sid: str, seen: Seen) -> bool:
        """Whether someone has an option, closed last time, whose condition now holds."""
        return any(self.now_open(reason, seen) for reason in self.waiting.get(sid, {}).values())

    @staticmethod
    def keen(sid: str | None, seen: Seen) -> bool:
        """Whether `sid` looks keen (the warmest mood the board shows)."""
        return any(c.id == sid and c.mood == "keen" for c in seen.board.people)

    def elsewhere(self, seen: Seen, open_options: list[Option], signer: str | None) -> bool:
        """Whether someone other than the signer is still worth a meeting: not met yet, or
        with an option whose condition now holds."""
        people = {o.stakeholder for o in open_options if o.key.startswith("meet:")}
        people |= {c.id for c in seen.board.people if c.available}
        return any(sid != signer and (sid not in seen.met or self.worth_revisiting(sid, seen))
                   for sid in people if sid)

    def _whom(self, seen: Seen, open_options: list[Option]) -> str:
        board = seen.board
        left = board.turns - seen.turn
        signer = self.signer_guess(board)
        qualified = board.stage == "qualified_prospect"
        raisers = {str(o["who"]) for o in board.objections if o["state"] == "open"}
        situation = self._situation(seen)
        ready = qualified and not raisers and (self.keen(signer, seen) or
                                               not self.elsewhere(seen, open_options, signer))
        best, best_score = open_options[0].key, float("-inf")
        for option in open_options:
            sid = option.stakeholder or ""
            visits = self.visits.get(sid, 0)
            spent = sid in self.spent
            if sid == signer and (left <= 1 or ready or (left <= 2 and sid not in seen.met)):
                score = 100.0
            elif sid in raisers and self.spent.get(sid) != situation:
                score = 60.0
            elif sid == signer and sid not in seen.met:
                score = 55.0
            elif sid not in seen.met:
                score = 50.0
            elif self.worth_revisiting(sid, seen):
                score = 45.0
            elif sid in self.dry or spent:
                score = 1.0
            else:
                score = 20.0 - 5 * visits + (10.0 if sid == signer else 0.0)
            score += self.rng.random()
            if score > best_score:
                best, best_score = option.key, score
        chosen = next(o for o in open_options if o.key == best)
        sid = chosen.stakeholder or ""
        self.visits[sid] = self.visits.get(sid, 0) + 1
        return best

    def _say(self, seen: Seen, open_options: list[Option]) -> str:
        board = seen.board
        who = seen.meeting_with or ""
        left = board.turns - seen.turn           # meetings after this one
        signer = self.signer_guess(board)
        open_objections = [o for o in board.objections if o["state"] == "open"]
        best_counter = self.best_counter(seen, open_options)
        mood = next((c.mood for c in board.people if c.id == who), "unknown")
        close_now = max((self._close_score(seen, signer, mood, left, open_objections)
                         for o in open_options if o.tactic == "close"), default=0.0)
        if close_now >= 5 and self.exchanges(seen) >= LONG_MEETING:
            close_now = 95.0  # before they have to leave
        # with the signer, keep the pitches for the meeting that closes (when interest no longer
        # needs them): a benefit heard just before the question counts most
        hold = who == signer and close_now < 5 and left > 0 and board.checklist.get("interest")
        scores: dict[str, float] = {}
        for option in open_options:
            tactic = option.tactic or "leave"
            text = option.text
            if tactic == "close":
                score = close_now
            elif tactic == "counter":
                score = 70.0 if option is best_counter and open_objections else 0.5
            elif tactic == "pitch":
                if option.key in self.trusted:
                    score = 2.0 if hold else 60.0
                elif option.key in self.distrusted or not board.needs:
                    score = 0.0
                else:  # cannot tell: only if it speaks of a need found and not yet pitched
                    score = 55.0 if self.answers_a_need(text, board) and not hold else 3.0
            elif tactic in ("discovery", "authority", "introduction"):
                score = 40.0
            elif tactic == "small_talk":
                score = small_talk_score(text)
            elif tactic == "referral":
                score = 45.0
            elif tactic == "leave":
                score = 5.0
            elif tactic == WALK_AWAY:  # whether to walk away is read in the replies: it never
                score = 0.0            # does (a preview plays the deal, not the polite exit)
            else:
                score = 10.0
            if tactic in ("small_talk", "counter", "discovery") and score > 1:
                score += min(len(text), 200) / 100.0  # the considered answer over the quick one
            scores[option.key] = score + self.rng.random() * 0.5
        key = max(scores.items(), key=lambda kv: kv[1])[0]
        self.taken.add(key)
        for waiting in self.waiting.values():
            waiting.pop(key, None)
        if key == "leave":
            self.spent[who] = self._situation(seen)
        return key

    @staticmethod
    def exchanges(seen: Seen) -> int:
        """How many things the trainee has said in the meeting under way."""
        count = 0
        for line in reversed(seen.lines):
            if line.code == "meeting":
                break
            count += line.kind == "you"
        return count

    @staticmethod
    def best_counter(seen: Seen, open_options: list[Option]) -> Option | None:
        """The counter to try: the most concrete answer on offer, never a put-down or a price
        cut; away from the objector, only one that takes up their concern by name."""
        board = seen.board
        names = {c.id: c.name for c in board.people}
        raisers = {str(o["who"]) for o in board.objections if o["state"] == "open"}
        here = seen.meeting_with in raisers
        heard = [names[sid].split()[0].lower() for sid in raisers if sid in names]
        fit = [o for o in open_options if o.tactic == "counter"
               and not PUT_DOWN.search(o.text) and not PRICE_TALK.search(o.text)
               and (here or any(name in o.text.lower() for name in heard))]
        return max(fit, key=lambda o: len(o.text), default=None)

    @staticmethod
    def answers_a_need(text: str, board: DealBoard) -> bool:
        """Whether a pitch's words echo a need on the board that has not been pitched yet."""
        said = stems(text)
        return any(stems(need.text) & said for need in board.needs if not need.pitched_to)

    def _close_score(self, seen: Seen, signer: str | None, mood: str, left: int,
                     open_objections: list[dict[str, object]]) -> float:
        """Close with the signer once qualified and warm enough, or when time is up."""
        who = seen.meeting_with
        if who is None or who in self.not_signer or (signer is not None and who != signer):
            return 0.0
        if signer is None and left > 0:
            return 0.0
        if left <= 0:
            return 35.0  # the last meeting: nothing to lose (once the rest is said)
        if seen.board.stage != "qualified_prospect" or open_objections:
            return 0.0
        if MOOD_RANK.get(mood, 0) >= MOOD_RANK["keen"]:
            return 50.0  # after the pitches and counters still open, before more questions
        if "stance" in self.failed_close and left > 1:
            return 0.0  # it was not enough last time: warm them up first
        if MOOD_RANK.get(mood, 0) < MOOD_RANK["warm"]:
            return 1.0 if left <= 1 else 0.0
        return 0.0 if self.elsewhere(seen, [], who) and left > 1 else 8.0

    # --- role tags ----------------------------------------------------------------------------

    @staticmethod
    def evidence(seen: Seen) -> tuple[object, ...]:
        """What the role tags are read from, as it stands: clues, objections, people met and
        the checklist's authority mark."""
        board = seen.board
        return (len(board.hints), tuple(sorted(str(o["id"]) for o in board.objections)),
                len(seen.met), bool(board.checklist.get("authority")))

    def board_due(self, seen: Seen, tags: dict[str, str]) -> bool:
        """Whether to open the deal board now: something new has come in since the last look
        (a clue, an objection, someone met, authority confirmed) and a tag should change."""
        evidence = self.evidence(seen)
        if evidence == self.looked_at:
            return False
        wanted = self.tags(seen)
        if all(tags.get(sid) == role for sid, role in wanted.items()):
            return False
        self.looked_at = evidence
        return True

    def tags(self, seen: Seen) -> dict[str, str]:
        """The role tag the board should show for each person there is evidence about: the
        signer; saboteurs (an objection raised by someone who does not sign, or a clue about a
        stake in the way things are); influencers (a clue that they recommend but do not sign);
        and, for someone met with nothing pointing anywhere, user. Nobody else is tagged."""
        self.observe(seen)
        board = seen.board
        signer = self.signer_guess(board)
        raisers = {str(o["who"]) for o in board.objections}
        clues: dict[str, list[str]] = {}
        for hint in board.hints:
            if not hint.get("vague"):
                clues.setdefault(str(hint["about"]), []).append(str(hint["text"]))
        out: dict[str, str] = {}
        for card in board.people:
            said = clues.get(card.id, [])
            if card.id == signer:
                role = "decision_maker"
            elif card.id in raisers or any(SABOTEUR.search(text) for text in said):
                role = "saboteur"
            elif any(NOT_SIGNER.search(text) or HEARD.search(text) for text in said):
                role = "influencer"
            elif card.met:
                role = "user"
            else:
                continue
            out[card.id] = role
        return out
