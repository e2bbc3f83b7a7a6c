"""Playing in a terminal: the whole game with numbered choices, one number a line.

A line that is not a valid choice gets a short hint and the prompt again; the end of input
(or Ctrl-C) ends the attempt as abandoned. Every read consumes input, so it never loops forever.

The debrief shows par (the best score the deal allows) when the front end is given a way to
ask for it (`par`: game/analysis/par_service.py): the search may have run while the trainee
played, or runs when the debrief needs it; the output is the same either way.
"""
from __future__ import annotations

import textwrap
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import replace
from typing import IO, TYPE_CHECKING

from game.board import deal_board
from game.engine import Game, Line
from game.i18n import Words, tactic_label
from game.schema import ROLES
from game.scoring import Debrief, Missed, debrief

if TYPE_CHECKING:
    from game.analysis.par_cache import KnownPar

AskPar = Callable[[], "Future[KnownPar | None]"]

WIDTH = 78
MARKS = {"good": "✔", "neutral": "·", "mistake": "✘", "missed": "○"}

_UI = {
    "en": {
        "briefing": "BRIEFING", "account": "Account", "product": "You sell",
        "turns": "Meetings before the quarter ends: {n}",
        "status": "Turn {turn}/{turns} · stage: {stage} · interest: {interest}",
        "whom": "Whom do you meet?", "board": "Open the deal board (role tags)",
        "choose": "Your choice (1–{n}): ", "hint": "Type a number from 1 to {n}.",
        "flood": "{k} lines in a row were not a choice — stopping here, as at the end of the "
                 "input.",
        "you": "You", "between": "Between meetings",
        "board-title": "DEAL BOARD", "people": "Buying centre", "needs": "Needs found",
        "none": "(none yet)", "clues": "Clues", "objections": "Objections",
        "open": "open", "resolved": "answered", "savings": "Savings pitched",
        "checklist": "Qualification", "tag-whom": "Tag whom? (or go back)", "back": "Back",
        "tag-as": "Tag {name} as:", "clear": "Clear the tag", "pitched-to": "pitched to {who}",
        "found-by": "from {who}, turn {turn}",
        "debrief": "DEBRIEF", "outcome": "Outcome", "score": "Score", "timeline": "Timeline",
        "feedback": "Coach",
        "abandoned": "Input ended: the attempt stops here (counted as abandoned).",
        "why": "Why", "front-end": "front end", "back-end": "back end",
        "par": "Par: {par} / 100 — the best score this deal allows",
        "par-found": "Best found so far: {par} / 100 — not yet proven the best this deal "
                     "allows",
        "par-working": "Working out par…",
        "lost-more": "… and {n} smaller ones ({points} points in all; the result file lists "
                     "them)",
        "par-beaten": "New best: your {you} beats the best score found so far for this deal "
                      "({was})",
    },
    "es": {
        "briefing": "INFORMACIÓN INICIAL", "account": "Cuenta", "product": "Vendes",
        "turns": "Reuniones antes de que acabe el trimestre: {n}",
        "status": "Turno {turn}/{turns} · etapa: {stage} · interés: {interest}",
        "whom": "¿Con quién te reúnes?", "board": "Abrir el tablero de la venta (roles)",
        "choose": "Tu elección (1–{n}): ", "hint": "Escribe un número del 1 al {n}.",
        "flood": "{k} líneas seguidas no eran una elección: se para aquí, como al final de la "
                 "entrada.",
        "you": "Tú", "between": "Entre reuniones",
        "board-title": "TABLERO DE LA VENTA", "people": "Centro de compras",
        "needs": "Necesidades descubiertas", "none": "(ninguna todavía)", "clues": "Pistas",
        "objections": "Objeciones", "open": "abierta", "resolved": "resuelta",
        "savings": "Ahorros presentados", "checklist": "Cualificación",
        "tag-whom": "¿A quién etiquetas? (o vuelve)", "back": "Volver",
        "tag-as": "Etiquetar a {name} como:", "clear": "Quitar la etiqueta",
        "pitched-to": "presentado a {who}", "found-by": "de {who}, turno {turn}",
        "debrief": "ANÁLISIS FINAL", "outcome": "Resultado", "score": "Puntuación",
        "timeline": "Cronología", "feedback": "Consejo",
        "abandoned": "Fin de la entrada: el intento se detiene aquí (cuenta como abandonado).",
        "why": "Motivo", "front-end": "inicial", "back-end": "indirecto",
        "par": "Par: {par} / 100 — la mejor puntuación que permite esta venta",
        "par-found": "Mejor encontrada hasta ahora: {par} / 100 (puede haber otra mejor)",
        "par-working": "Calculando el par…",
        "lost-more": "… y {n} menores ({points} puntos en total; el archivo de resultado las "
                     "detalla)",
        "par-beaten": "Nueva mejor marca: tu {you} supera la mejor puntuación encontrada hasta "
                      "ahora para esta venta ({was})",
    },
}


# where a region's usage differs (format 1.2 `language: es-MX`): key → text
_UI_REGIONAL: dict[str, dict[str, str]] = {
    "es-MX": {"checklist": "Calificación"},
}


class TextPlay:
    """The terminal front end for one game."""

    def __init__(self, game: Game, read_line: Callable[[], str | None],
                 out: IO[str], language: str | None = None,
                 on_step: Callable[[Game], None] | None = None, echo: bool = False,
                 par: AskPar | None = None) -> None:
        self.game = game
        self.echo = echo  # repeat each answer, so a transcript of piped input reads well
        self.par = par    # asks for par (a future); None: the debrief shows no par
        self.known_par: KnownPar | None = None  # par, once the debrief has shown it
        # keeps a score above the best found as the new best (the par cache's `new_best`)
        self.beat_par: Callable[[KnownPar, float], KnownPar] = _beaten
        self.words = Words(game.scenario, language)
        self.ui = {**_UI[self.words.language], **_UI_REGIONAL.get(self.words.locale, {})}
        self.read_line = read_line
        self.out = out
        self.on_step = on_step

    def run(self) -> Debrief:
        """Play to the end (or to the end of input) and print the debrief."""
        self.briefing()
        try:
            while not self.game.over:
                if not self.turn():
                    self.game.abandon()
                    self.say(self.ui["abandoned"])
                    break
        except KeyboardInterrupt:
            self.game.abandon()
            self.say("\n" + self.ui["abandoned"])
        report = debrief(self.game.rt, self.game.state)
        self.known_par = self.wait_for_par()
        self.print_debrief(report)
        return report

    def wait_for_par(self) -> KnownPar | None:
        """Par, waiting for its search if it has not finished (saying so on a terminal);
        None without a way to ask for it, when it failed, or on Ctrl-C while waiting."""
        if self.par is None:
            return None
        future = self.par()
        shown = not future.done() and _is_terminal(self.out)
        if shown:
            self.out.write(self.ui["par-working"])
            self.out.flush()
        try:
            return future.result()
        except (KeyboardInterrupt, Exception):
            return None
        finally:
            if shown:  # the notice goes; the debrief reads the same as without it
                self.out.write("\r" + " " * len(self.ui["par-working"]) + "\r")

    # --- output ---------------------------------------------------------------------------------

    def say(self, text: str = "", indent: str = "") -> None:
        """Print wrapped text."""
        if not text:
            self.out.write("\n")
            return
        for paragraph in text.splitlines() or [""]:
            wrapped = textwrap.wrap(paragraph, WIDTH, initial_indent=indent,
                                    subsequent_indent=indent) or [""]
            self.out.write("\n".join(wrapped) + "\n")

    def heading(self, text: str) -> None:
        """Print a heading with a rule under it."""
        self.out.write(f"\n{text}\n{'═' * min(WIDTH, max(len(text), 8))}\n")

    def show(self, lines: list[Line]) -> None:
        """Print what the engine says happened."""
        w = self.words
        for line in lines:
            if line.kind == "say":
                self.say(f"{w.name(line.speaker)}: {w.quote(line.text)}", "  ")
            elif line.kind == "you":
                self.say(f"{self.ui['you']}: {w.quote(tactic_label(line.text)[1])}", "  ")
            elif line.kind == "event":
                self.say(f"⚑ {self.ui['between']}: {line.text}", "  ")
            elif line.code == "close-failed":
                if line.text:
                    self.say(f"{w.name(self.game.state.path[-1].get('stakeholder'))}: "
                             f"{w.quote(line.text)}", "  ")
                self.say("• " + w.get("close-failed"), "  ")
                for code, params in line.params.get("reasons", []):
                    self.say(f"– {self.ui['why']}: {w.reason(code, params)}", "    ")
            elif line.code in ("close-won", "referral-won", "referral-lost", "qualified-out") \
                    and line.text:
                self.say("• " + w.note(line.code, line.params), "  ")
                self.say(line.text, "    ")
            elif line.code == "game-over":
                continue
            else:
                self.say("• " + w.note(line.code or "", line.params, line.text), "  ")

    def briefing(self) -> None:
        """Print the scenario's title and briefing."""
        s = self.game.scenario
        self.heading(f"{s.title} — {self.ui['briefing']}")
        self.say(f"{self.ui['account']}: {s.account.company}")
        self.say(f"{self.ui['product']}: {s.account.product}")
        if s.account.situation:
            self.say(s.account.situation)
        self.say()
        self.say(s.briefing)
        self.say(self.ui["turns"].format(n=s.turns))

    # --- input ----------------------------------------------------------------------------------

    def ask(self, labels: list[str]) -> int | None:
        """Number the labels, read a valid number; None at the end of input."""
        for i, label in enumerate(labels, 1):
            self.say(f"{i}. {label}", "  ")
        n = len(labels)
        wrong = 0
        while True:
            if wrong >= MAX_WRONG_LINES:  # input that is not someone typing: a file of junk
                self.say(self.ui["flood"].format(k=wrong))
                return None
            self.out.write(self.ui["choose"].format(n=n))
            self.out.flush()
            raw = self.read_line()
            if raw is None:
                self.out.write("\n")
                return None
            if self.echo:
                self.out.write(raw if raw.endswith("\n") else raw + "\n")
            raw = raw.strip()
            # isdecimal, not isdigit: '²' is a digit int() refuses; the length cap keeps
            # int() away from its limit on a line of thousands of digits
            if raw.isdecimal() and len(raw) <= 9 and 1 <= int(raw) <= n:
                return int(raw) - 1
            wrong += 1
            self.say(self.ui["hint"].format(n=n), "  ")

    def turn(self) -> bool:
        """One decision; False when the input has ended."""
        game, w = self.game, self.words
        state = game.state
        options = [(i, o) for i, o in enumerate(game.options()) if o.available]
        if state.phase == "between":
            board = deal_board(game.rt, state)
            self.say()
            self.say(self.ui["status"].format(
                turn=board.turn, turns=board.turns, stage=w.get(f"stage-{board.stage}"),
                interest=w.get(f"interest-{board.interest}")))
            self.say(self.ui["whom"])
            people = game.scenario.stakeholders
            labels = [w.get("opt-meet", name=people[o.stakeholder].name,
                            title=people[o.stakeholder].title) for _, o in options]
        else:
            labels = [self.option_label(o.key, o.text) for _, o in options]
        labels.append(self.ui["board"])
        picked = self.ask(labels)
        if picked is None:
            return False
        if picked == len(options):
            return self.board()
        self.show(game.choose(options[picked][0]))
        if self.on_step is not None:
            self.on_step(game)
        return True

    def option_label(self, key: str, text: str) -> str:
        """The words of an option (engine options have no authored text)."""
        if key == "leave":
            return self.words.get("opt-leave")
        if key == "referral:ask":
            return self.words.get("opt-referral-ask")
        if key == "referral:skip":
            return self.words.get("opt-referral-skip")
        return text

    def board(self) -> bool:
        """Show the deal board and let the trainee set role tags; False at the end of input."""
        game, w, ui = self.game, self.words, self.ui
        while True:
            board = deal_board(game.rt, game.state)
            self.heading(ui["board-title"])
            self.say(ui["status"].format(turn=board.turn, turns=board.turns,
                                         stage=w.get(f"stage-{board.stage}"),
                                         interest=w.get(f"interest-{board.interest}")))
            items = {card.id for card in board.items}  # format 1.2: "Budget?" until learnt
            checks = "  ".join(
                f"{w.get('check-' + k)} {'✔' if v else '✘'}" if v or k not in items
                else w.get("check-unknown", label=w.get("check-" + k))
                for k, v in board.checklist.items())
            self.say(f"{ui['checklist']}: {checks}")
            for card in board.items:
                if card.learnt:
                    found = ui["found-by"].format(who=w.name(card.by), turn=card.turn)
                    self.say(f"✔ {w.get('check-' + card.id)}: {w.fact(card.id)} — {found}", "  ")
            self.say(ui["people"] + ":")
            for card in board.people:
                tag = w.get(f"role-{card.tag}") if card.tag else w.get("role-none")
                self.say(f"- {card.name}, {card.title} — {w.get('mood-' + card.mood)} — [{tag}]",
                         "  ")
            self.say(ui["needs"] + ":")
            for need in board.needs:
                amount = f", {w.money(need.amount)}" if need.amount else ""
                pitched = (f"; {ui['pitched-to'].format(who=w.name(need.pitched_to))}"
                           if need.pitched_to else "")
                found = ui["found-by"].format(who=w.name(need.found_by), turn=need.found_turn)
                self.say(f"- {need.text} ({w.get('benefit-' + need.benefit)}{amount}) — "
                         f"{found}{pitched}", "  ")
            if not board.needs:
                self.say(ui["none"], "  ")
            if board.hints:
                self.say(ui["clues"] + ":")
                for hint in board.hints:
                    self.say(f"- {w.name(str(hint['about']))}: {hint['text']}", "  ")
            if board.objections:
                self.say(ui["objections"] + ":")
                for obj in board.objections:
                    self.say(f"- {w.name(str(obj['who']))}: {w.quote(str(obj['text']))} "
                             f"({ui['open'] if obj['state'] == 'open' else ui['resolved']})", "  ")
            self.say(f"{ui['savings']}: {ui['front-end']} "
                     f"{w.money(board.savings_pitched['front_end_savings'])}, {ui['back-end']} "
                     f"{w.money(board.savings_pitched['back_end_savings'])}")
            self.say()
            self.say(ui["tag-whom"])
            people = board.people
            picked = self.ask([f"{c.name}" for c in people] + [ui["back"]])
            if picked is None:
                return False
            if picked == len(people):
                return True
            person = people[picked]
            self.say(ui["tag-as"].format(name=person.name))
            role = self.ask([w.get(f"role-{r}") for r in ROLES] + [ui["clear"], ui["back"]])
            if role is None:
                return False
            if role < len(ROLES):
                game.tag(person.id, ROLES[role])
            elif role == len(ROLES):
                game.tag(person.id, None)
            if self.on_step is not None:
                self.on_step(game)

    def print_debrief(self, report: Debrief) -> None:
        """Print the score breakdown, the marked timeline and the missed opportunities."""
        w, ui = self.words, self.ui
        self.heading(ui["debrief"])
        outcome = w.outcome(report.outcome, report.disqualified)
        reason = w.get(f"end-{report.end_reason}") if report.end_reason else ""
        self.say(f"{ui['outcome']}: {outcome}" + (f" — {reason}" if reason else ""))
        self.say(f"{ui['score']}: {w.number(report.score.total)} / 100")
        v = report.verdict
        self.say(f"{'✔' if v.passed else '✘'} {w.get('verdict-passed' if v.passed else 'verdict-failed')}"
                 f" — {w.verdict(v)}")
        if self.known_par is not None:
            par = self.known_par
            if par.beaten_by(report.score.total):  # the search missed a path: this one is best
                self.known_par = self.beat_par(par, report.score.total)
                self.say(ui["par-beaten"].format(was=w.par(par.total, par.exact),
                                                 you=w.number(report.score.total)))
            else:
                self.say(ui["par" if par.exact else "par-found"].format(
                    par=w.number(par.total)))  # "best found so far" needs no ≈
        for name, (got, top) in report.score.competencies.items():
            if top == 0:
                continue
            filled = round(20 * got / top)
            bar = "█" * filled + "░" * (20 - filled)
            self.say(f"{w.get('comp-' + name):<22} {bar} {w.number(got):>5} / {top:.0f}", "  ")
        losses = report.biggest_losses()
        if losses and all(item.code == "said-nothing" for _, item in losses):
            # one reason for every competency: said once, for all the points
            self.say()
            self.say(w.get("lost-heading") + ":")
            self.say(f"{'−' + w.number(sum(i.points for _, i in losses)):>6}  "
                     f"{w.lost('said-nothing', {})}", "  ")
            losses = []
        if losses:
            self.say()
            self.say(w.get("lost-heading") + ":")
            for name, item in losses[:LOSSES_SHOWN]:
                when = f"T{item.turn} · " if item.turn is not None else ""
                self.say(f"{'−' + w.number(item.points):>6}  {when}{w.get('comp-' + name)}: "
                         f"{w.lost(item.code, item.params)}", "  ")
            rest = losses[LOSSES_SHOWN:]
            if rest:
                self.say(ui["lost-more"].format(
                    n=len(rest), points=w.number(sum(i.points for _, i in rest))), "  ")
        self.say()
        self.say(ui["timeline"] + ":")
        # Choices in order, each missed opportunity placed after the turn it was open in.
        missed = list(report.missed)
        for entry in report.timeline:
            while missed and missed[0].turn < entry["turn"]:
                self.print_missed(missed.pop(0))
            mark = entry["mark"]
            severity = f" ({w.get('severity-' + entry['severity'])})" if "severity" in entry else ""
            self.say(f"{MARKS[mark]} T{entry['turn']} {w.get('mark-' + mark)}{severity} — "
                     f"{w.name(entry['stakeholder'])}: {w.quote(entry['text'])}", "  ")
            if entry["feedback"]:
                self.say(f"{ui['feedback']}: {entry['feedback']}", "      ")
        for item in missed:
            self.print_missed(item)

    def print_missed(self, item: Missed) -> None:
        """Print one missed opportunity as a timeline entry."""
        w = self.words
        self.say(f"{MARKS['missed']} T{item.turn} {w.get('mark-missed')} — "
                 + w.missed(item.code, item.turn, item.params), "  ")


def _beaten(known: KnownPar, total: float) -> KnownPar:
    """The new best found, when a score beats the known one and nothing keeps it."""
    return replace(known, total=round(total, 1), exact=False)


LOSSES_SHOWN = 8        # reasons points were lost, biggest first, before "… and N smaller"
MAX_LINE = 1_000        # characters of a typed line that are read
MAX_WRONG_LINES = 100   # lines in a row that are not a choice before play stops


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def line_reader(stream: IO[str]) -> Callable[[], str | None]:
    """A reader of one line at a time from `stream`; None at the end. A line longer than
    `MAX_LINE` characters is cut there and the rest of it skipped unread into memory (a choice
    is a short number; a 20 MB line of junk must not take seconds)."""

    def read() -> str | None:
        line = stream.readline(MAX_LINE)
        if not line:
            return None
        if len(line) == MAX_LINE and not line.endswith("\n"):
            while (rest := stream.readline(1 << 16)) and not rest.endswith("\n"):
                pass
        return line

    return read
