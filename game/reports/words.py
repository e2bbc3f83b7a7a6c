"""The reports' own words in English and Spanish, and missed opportunities worded without a
turn so that the same miss in many attempts reads as one line."""
from __future__ import annotations

from typing import Any

from game.schema import base_language

REPORT_LANGUAGES = ("en", "es")

_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "title": "Qualified — training report", "player": "Player", "scenario": "Scenario",
        "seed": "Seed", "started": "Started", "duration": "Time", "outcome": "Outcome",
        "total": "Total", "won": "won", "lost": "lost", "abandoned": "abandoned",
        "disqualified": "qualified out",
        "unfinished": "unfinished", "empty": "No attempts recorded yet.",
        "empty-filtered": "No attempts match these filters.",
        "overview": "Class overview", "players": "Players", "attempts": "Attempts",
        "finished": "Finished", "win-rate": "Deals won", "average": "Average score",
        "verdict": "Verdict", "passed": "passed", "failed": "not passed",
        "lost-points": "Where the class lost points", "lost-points-note":
            "Average points lost per finished attempt, by reason (practice attempts left out).",
        "practice": "practice", "pass-rate": "Passed (practice apart)",
        "median-time": "Median time", "distribution": "Scores of finished attempts",
        "progress": "Each player's progress", "progress-note":
            "Total score of each finished attempt, oldest first; the dashed line is the pass "
            "mark.",
        "competencies": "Average per competency", "competencies-note":
            "Share of each competency's maximum, over finished attempts.",
        "heatmap": "Who struggles with what", "heatmap-note":
            "Each player's average share of each competency's maximum, coloured by the scale "
            "below (red: struggling).",
        "scale": "Share of the maximum", "band-0": "under 20%", "band-1": "20–39%",
        "band-2": "40–59%", "band-3": "60–79%", "band-4": "80% or more",
        "band-none": "no finished attempt",
        "nothing-missed": "No opportunity was missed in these attempts.",
        "missed": "Most-missed opportunities", "missed-note":
            "How many finished attempts let each opportunity pass.",
        "all-attempts": "All attempts", "filters": "Filters", "generated": "Generated",
        "none": "none", "since": "since", "best": "Best", "last": "Latest",
        "of": "of", "times": "attempts",
        "hidden": "Hidden to fit {width} columns: {columns} — widen the terminal, or use "
                  "--format csv for every column.",
        "comp-discovery": "Discovery", "comp-qualification": "Qualification",
        "comp-saboteurs": "Saboteurs", "comp-value_pitch": "Value pitch",
        "comp-closing": "Closing", "comp-relationship": "Relationship",
    },
    "es": {
        "title": "Qualified — informe de formación", "player": "Participante",
        "scenario": "Escenario", "seed": "Semilla", "started": "Inicio", "duration": "Tiempo",
        "outcome": "Resultado", "total": "Total", "won": "ganada", "lost": "perdida",
        "disqualified": "descartada a tiempo",
        "abandoned": "abandonada", "unfinished": "sin terminar",
        "empty": "Todavía no hay intentos registrados.",
        "empty-filtered": "Ningún intento cumple estos filtros.",
        "overview": "Resumen de la clase", "players": "Participantes", "attempts": "Intentos",
        "finished": "Terminados", "win-rate": "Ventas ganadas",
        "verdict": "Veredicto", "passed": "aprobado", "failed": "no aprobado",
        "lost-points": "Dónde pierde puntos la clase", "lost-points-note":
            "Puntos perdidos de media por intento terminado, por motivo (sin las prácticas).",
        "practice": "práctica", "pass-rate": "Aprobados (sin prácticas)",
        "average": "Puntuación media", "median-time": "Tiempo mediano",
        "distribution": "Puntuaciones de los intentos terminados",
        "progress": "Progreso de cada participante", "progress-note":
            "Puntuación total de cada intento terminado, del más antiguo al más reciente; la "
            "línea discontinua es el aprobado.",
        "competencies": "Media por competencia", "competencies-note":
            "Porcentaje del máximo de cada competencia, en los intentos terminados.",
        "heatmap": "Quién tiene dificultades con qué", "heatmap-note":
            "Media de cada participante sobre el máximo de cada competencia, con los colores "
            "de la escala de abajo (rojo: dificultades).",
        "scale": "Porcentaje del máximo", "band-0": "menos del 20 %", "band-1": "20–39 %",
        "band-2": "40–59 %", "band-3": "60–79 %", "band-4": "80 % o más",
        "band-none": "ningún intento terminado",
        "nothing-missed": "En estos intentos no se dejó pasar ninguna oportunidad.",
        "missed": "Oportunidades más perdidas", "missed-note":
            "Cuántos intentos terminados dejaron pasar cada oportunidad.",
        "all-attempts": "Todos los intentos", "filters": "Filtros", "generated": "Generado",
        "none": "ninguno", "since": "desde", "best": "Mejor", "last": "Último",
        "of": "de", "times": "intentos",
        "hidden": "Ocultas para caber en {width} columnas: {columns}; amplía la terminal o usa "
                  "--format csv para verlas todas.",
        "comp-discovery": "Descubrimiento", "comp-qualification": "Cualificación",
        "comp-saboteurs": "Saboteadores", "comp-value_pitch": "Propuesta de valor",
        "comp-closing": "Cierre", "comp-relationship": "Relación",
    },
}

# Missed opportunities, worded in the scenario's language, without the turn.
_MISSED: dict[str, dict[str, str]] = {
    "need-not-pitched": {"en": "Found “{need}” but never pitched it",
                         "es": "Descubrió «{need}» pero nunca lo presentó"},
    "question-not-asked": {"en": "Never asked {who}: “{text}”",
                           "es": "Nunca preguntó a {who}: «{text}»"},
    "objection-open": {"en": "Left {who}'s objection unanswered: “{objection}”",
                       "es": "Dejó sin resolver la objeción de {who}: «{objection}»"},
    "influencer-not-met": {"en": "Never met {who}, who sways the decision",
                           "es": "Nunca se reunió con {who}, que influye en la decisión"},
    "saboteur-not-tagged": {"en": "Did not spot {who} as a saboteur",
                            "es": "No identificó a {who} como saboteador/a"},
    "decision-maker-not-tagged": {"en": "Did not tag {who} as the decision-maker",
                                  "es": "No marcó a {who} como quien decide"},
    "referral-not-asked": {"en": "Won the deal but never asked for a referral",
                           "es": "Ganó la venta pero no pidió una referencia"},
    # format 1.2
    "item-not-learned": {"en": "Never found out {item}, though a question was offered",
                         "es": "Nunca averiguó {item}, aunque tuvo la pregunta a mano"},
    "item-never-learned": {"en": "Never found out {item}", "es": "Nunca averiguó {item}"},
    "competitor-champion": {"en": "Never found out about the competitor {who} backed",
                            "es": "Nunca supo de la competencia que apoyaba {who}"},
    "walk-away-not-taken": {"en": "Chased a deal that was right to walk away from",
                            "es": "Persiguió una venta de la que lo correcto era retirarse"},
}

_ITEMS: dict[str, tuple[str, str]] = {  # qualification items (format 1.2) in a sentence
    "budget": ("the budget", "el presupuesto"), "timing": ("the timing", "los plazos"),
    "decision_process": ("the decision process", "el proceso de decisión"),
    "competitor": ("the competition", "la competencia"),
}


class ReportWords:
    """The report's labels in one language."""

    def __init__(self, language: str | None = None) -> None:
        self.language = language if language in REPORT_LANGUAGES else "en"

    def __call__(self, code: str) -> str:
        """The label for `code` (the code itself if unknown)."""
        return _TEXT[self.language].get(code, _TEXT["en"].get(code, code))

    def outcome(self, outcome: str | None, disqualified: bool = False) -> str:
        """won / lost / abandoned, or unfinished for None; "qualified out" for an attempt that
        rightly walked away (format 1.2: its outcome is lost, by the result contract)."""
        return self("disqualified" if disqualified else outcome or "unfinished")


def missed_text(code: str, params: dict[str, Any], info: dict[str, Any]) -> str:
    """A missed opportunity in the scenario's language, using the names saved with the
    attempt (`info`), so the scenario file is not needed."""
    language = base_language(info.get("language"))  # es-MX → es
    entry = _MISSED.get(code)
    if entry is None:
        return code
    people = info.get("stakeholders", {})
    values = {
        "who": people.get(params.get("who"), params.get("who") or "—"),
        "need": info.get("needs", {}).get(params.get("need"), params.get("need", "")),
        "objection": info.get("objections", {}).get(params.get("objection"),
                                                    params.get("objection", "")),
        "text": params.get("text", ""),
        "item": _ITEMS.get(str(params.get("item")), (params.get("item", ""),) * 2)[
            language == "es"],
    }
    return entry[language].format(**values)


# what cost points (game/losses.py), by kind of reason, for the class report
_LOST_KINDS: dict[str, tuple[str, str]] = {
    "need-not-found": ("Needs never uncovered", "Necesidades sin descubrir"),
    "checklist-need": ("Closing before enough needs were found",
                       "Cerrar sin haber descubierto bastantes necesidades"),
    "checklist-interest": ("Closing with too little interest", "Cerrar con poco interés"),
    "checklist-authority": ("Closing before authority was established",
                            "Cerrar sin confirmar la autoridad"),
    "decision-maker-not-tagged": ("The decision-maker not identified",
                                  "No identificar a quien decide"),
    "tag-blind": ("Role tags guessed without evidence", "Etiquetas puestas sin pruebas"),
    "influencer-not-tagged": ("Influencers not identified", "No identificar a quien influye"),
    "premature-close": ("Premature closes", "Cierres prematuros"),
    "wrong-tag": ("Wrong role tags", "Etiquetas de papel equivocadas"),
    "saboteur-not-tagged": ("Saboteurs not spotted", "Saboteadores sin detectar"),
    "objection-open": ("Objections heard and left unanswered", "Objeciones oídas sin responder"),
    "objection-not-heard": ("Objections never brought into the open",
                            "Objeciones que nunca salieron a la luz"),
    "wrong-counter": ("Answers that did not settle an objection",
                      "Respuestas que no resolvieron una objeción"),
    "need-not-pitched": ("Needs found but never pitched", "Necesidades sin presentar"),
    "need-not-found-to-pitch": ("Benefits that could not be pitched (need not found)",
                                "Beneficios sin presentar (necesidad sin descubrir)"),
    "saving-not-shown": ("Savings (front end, back end) not shown",
                         "Ahorros (iniciales, indirectos) sin mostrar"),
    "bad-pitch": ("Premature or irrelevant pitches", "Presentaciones prematuras o irrelevantes"),
    "deal-not-won": ("Deals not won", "Ventas no ganadas"),
    "turns-used": ("Meetings used to close", "Reuniones hasta el cierre"),
    "discount": ("Discounts given", "Descuentos concedidos"),
    "trust": ("Trust not earned", "Confianza no ganada"),
    "nobody-met": ("Nobody met", "Sin reuniones"),
    "said-nothing": ("Attempts without a single choice", "Intentos sin una sola elección"),
    "referral-not-asked": ("Referrals not asked for", "Referencias no pedidas"),
    "referral-not-given": ("Referrals not given", "Referencias no conseguidas"),
    "mistake": ("Mistakes the trainer marked", "Errores marcados por el formador"),
    # format 1.2
    "checklist-item": ("Closing before the budget, timing… were found out",
                       "Cerrar sin haber averiguado el presupuesto, los plazos…"),
    "after-not-established": ("Walking away before establishing what it rests on",
                              "Retirarse sin confirmar en qué se basa"),
    "not-disqualified": ("Deals chased that were right to walk away from",
                         "Ventas perseguidas de las que lo correcto era retirarse"),
    "walked-away-unqualified": ("Walking away on a guess", "Retirarse por una conjetura"),
    "walked-away-wrong-reason": ("Walking away for the wrong reason",
                                 "Retirarse por el motivo equivocado"),
    "walked-away": ("Walking away from deals there to win",
                    "Retirarse de ventas que se podían ganar"),
    "turns-used-out": ("Meetings used before qualifying out",
                       "Reuniones hasta descartar al cliente"),
}


def lost_kind(code: str, language: str) -> str:
    """A kind of reason points were lost, for a class table (English or Spanish)."""
    entry = _LOST_KINDS.get(code)
    if entry is None:
        return code
    return entry[1] if language == "es" else entry[0]
