"""The reports' own words in English and Spanish, and missed opportunities worded without a
turn so that the same miss in many attempts reads as one line."""
from __future__ import annotations

from typing import Any

REPORT_LANGUAGES = ("en", "es")

_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "title": "Qualified — training report", "player": "Player", "scenario": "Scenario",
        "seed": "Seed", "started": "Started", "duration": "Time", "outcome": "Outcome",
        "total": "Total", "won": "won", "lost": "lost", "abandoned": "abandoned",
        "unfinished": "unfinished", "empty": "No attempts recorded yet.",
        "empty-filtered": "No attempts match these filters.",
        "overview": "Class overview", "players": "Players", "attempts": "Attempts",
        "finished": "Finished", "win-rate": "Deals won", "average": "Average score",
        "verdict": "Verdict", "passed": "passed", "failed": "not passed",
        "practice": "practice", "pass-rate": "Passed (practice apart)",
        "median-time": "Median time", "distribution": "Scores of finished attempts",
        "progress": "Each player's progress", "progress-note":
            "Total score of each finished attempt, oldest first; the dashed line is the pass "
            "mark.",
        "competencies": "Average per competency", "competencies-note":
            "Share of each competency's maximum, over finished attempts.",
        "heatmap": "Who struggles with what", "heatmap-note":
            "Each player's average share of each competency's maximum (red: struggling).",
        "missed": "Most-missed opportunities", "missed-note":
            "How many finished attempts let each opportunity pass.",
        "all-attempts": "All attempts", "filters": "Filters", "generated": "Generated",
        "none": "none", "since": "since", "best": "Best", "last": "Latest",
        "of": "of", "times": "attempts",
        "comp-discovery": "Discovery", "comp-qualification": "Qualification",
        "comp-saboteurs": "Saboteurs", "comp-value_pitch": "Value pitch",
        "comp-closing": "Closing", "comp-relationship": "Relationship",
    },
    "es": {
        "title": "Qualified — informe de formación", "player": "Participante",
        "scenario": "Escenario", "seed": "Semilla", "started": "Inicio", "duration": "Tiempo",
        "outcome": "Resultado", "total": "Total", "won": "ganada", "lost": "perdida",
        "abandoned": "abandonada", "unfinished": "sin terminar",
        "empty": "Todavía no hay intentos registrados.",
        "empty-filtered": "Ningún intento cumple estos filtros.",
        "overview": "Resumen de la clase", "players": "Participantes", "attempts": "Intentos",
        "finished": "Terminados", "win-rate": "Ventas ganadas",
        "verdict": "Veredicto", "passed": "aprobado", "failed": "no aprobado",
        "practice": "práctica", "pass-rate": "Aprobados (sin prácticas)",
        "average": "Puntuación media", "median-time": "Tiempo mediano",
        "distribution": "Puntuaciones de los intentos terminados",
        "progress": "Progreso de cada participante", "progress-note":
            "Puntuación total de cada intento terminado, del más antiguo al más reciente; la "
            "línea discontinua es el aprobado.",
        "competencies": "Media por competencia", "competencies-note":
            "Porcentaje del máximo de cada competencia, en los intentos terminados.",
        "heatmap": "Quién tiene dificultades con qué", "heatmap-note":
            "Media de cada participante sobre el máximo de cada competencia (rojo: "
            "dificultades).",
        "missed": "Oportunidades más perdidas", "missed-note":
            "Cuántos intentos terminados dejaron pasar cada oportunidad.",
        "all-attempts": "Todos los intentos", "filters": "Filtros", "generated": "Generado",
        "none": "ninguno", "since": "desde", "best": "Mejor", "last": "Último",
        "of": "de", "times": "intentos",
        "comp-discovery": "Descubrimiento", "comp-qualification": "Calificación",
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
}


class ReportWords:
    """The report's labels in one language."""

    def __init__(self, language: str | None = None) -> None:
        self.language = language if language in REPORT_LANGUAGES else "en"

    def __call__(self, code: str) -> str:
        """The label for `code` (the code itself if unknown)."""
        return _TEXT[self.language].get(code, _TEXT["en"].get(code, code))

    def outcome(self, outcome: str | None) -> str:
        """won / lost / abandoned, or unfinished for None."""
        return self(outcome or "unfinished")


def missed_text(code: str, params: dict[str, Any], info: dict[str, Any]) -> str:
    """A missed opportunity in the scenario's language, using the names saved with the
    attempt (`info`), so the scenario file is not needed."""
    language = info.get("language") if info.get("language") in REPORT_LANGUAGES else "en"
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
    }
    return entry[language].format(**values)
