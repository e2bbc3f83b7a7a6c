"""The window's own words in English and Spanish (the engine's words live in game.i18n).

`UIText(language).get(key, **params)`; an unknown key shows as itself so a gap is visible, never
a crash.
"""
from __future__ import annotations

from typing import Any

LANGUAGES: tuple[str, ...] = ("en", "es")
LANGUAGE_NAMES: dict[str, str] = {"en": "English", "es": "Español"}

_TEXT: dict[str, tuple[str, str]] = {
    # (English, Spanish)
    "app-title": ("Qualified", "Qualified"),
    "app-tagline": ("A sales-training game: from lead to customer",
                    "Un juego de formación en ventas: del contacto al cliente"),
    "title-play": ("Play", "Jugar"),
    "title-quit": ("Quit", "Salir"),
    "funnel-lead": ("lead", "contacto"),
    "funnel-prospect": ("prospect", "interesado"),
    "funnel-qualified_prospect": ("qualified prospect", "cualificado"),
    "funnel-customer": ("customer", "cliente"),
    "name-heading": ("Who is playing?", "¿Quién juega?"),
    "name-prompt": ("Type your name and press Enter.", "Escribe tu nombre y pulsa Intro."),
    "name-empty": ("Please type a name first.", "Escribe primero un nombre."),
    "picker-heading": ("Choose a scenario", "Elige un escenario"),
    "picker-player": ("Player: {name}", "Jugador: {name}"),
    "picker-none": ("No scenarios found in {folder}.", "No hay escenarios en {folder}."),
    "picker-loading": ("Loading scenarios…", "Cargando escenarios…"),
    "picker-broken": ("has errors — run: python main.py validate {file}",
                      "tiene errores: ejecuta python main.py validate {file}"),
    "picker-minutes": ("about {n} min", "unos {n} min"),
    "picker-best": ("best: {score}", "mejor: {score}"),
    "picker-cast": ("cast: {name}", "reparto: {name}"),
    "picker-cast-drawn": ("cast drawn by the seed", "reparto según la semilla"),
    "key-cast": ("fix the cast", "fijar reparto"),
    "difficulty-beginner": ("beginner", "inicial"),
    "difficulty-intermediate": ("intermediate", "intermedio"),
    "difficulty-advanced": ("advanced", "avanzado"),
    "briefing-heading": ("Briefing", "Información inicial"),
    "briefing-account": ("Account", "Cuenta"),
    "briefing-product": ("You sell", "Vendes"),
    "briefing-turns": ("Meetings before the quarter ends: {n}",
                       "Reuniones antes de que acabe el trimestre: {n}"),
    "briefing-people": ("The buying centre", "El centro de compras"),
    "briefing-start": ("Start", "Empezar"),
    "turn-clock": ("Turn {turn} of {turns}", "Turno {turn} de {turns}"),
    "turns-left": ("{n} left", "quedan {n}"),
    "turn-short": ("Turn {turn}", "Turno {turn}"),
    "stage": ("Stage", "Etapa"),
    "people": ("Buying centre", "Centro de compras"),
    "conversation": ("Conversation", "Conversación"),
    "your-options": ("Your options", "Tus opciones"),
    "whom": ("Whom do you meet next?", "¿Con quién te reúnes ahora?"),
    "you": ("You", "Tú"),
    "between": ("Between meetings", "Entre reuniones"),
    "in-meeting": ("in the meeting", "en la reunión"),
    "tag": ("Your tag", "Tu etiqueta"),
    "needs-intro": ("needs an introduction", "necesita una presentación"),
    "empty-log": ("Choose whom to meet first.", "Elige con quién reunirte primero."),
    "board-heading": ("Deal board", "Tablero de la venta"),
    "board-people": ("Buying centre — your role tags", "Centro de compras: tus etiquetas"),
    "board-qualification": ("Qualification", "Cualificación"),
    "board-interest": ("Interest: {level}", "Interés: {level}"),
    "board-needs": ("Needs found", "Necesidades descubiertas"),
    "board-none": ("none yet", "ninguna todavía"),
    "board-found": ("from {who}, turn {turn}", "de {who}, turno {turn}"),
    "board-pitched": ("pitched to {who}", "presentado a {who}"),
    "board-not-pitched": ("not pitched yet", "sin presentar"),
    "board-clues": ("Clues", "Pistas"),
    "board-objections": ("Objections", "Objeciones"),
    "board-open": ("open", "abierta"),
    "board-resolved": ("answered", "resuelta"),
    "board-savings": ("Savings pitched", "Ahorros presentados"),
    "board-front": ("front end", "inicial"),
    "board-back": ("back end", "indirecto"),
    "board-clear": ("clear", "quitar"),
    "board-help": ("↑↓ person · 1–5 role · 0 clear", "↑↓ persona · 1–5 rol · 0 quitar"),
    "outcome-heading": ("Close attempt", "Intento de cierre"),
    "outcome-ended": ("The attempt is over", "Fin del intento"),
    "outcome-why": ("Why not yet:", "Por qué todavía no:"),
    "outcome-referral": ("Referral", "Referencia"),
    "continue": ("Continue", "Continuar"),
    "debrief-heading": ("Debrief", "Análisis final"),
    "debrief-outcome": ("Outcome: {outcome}", "Resultado: {outcome}"),
    "debrief-score": ("Score", "Puntuación"),
    "debrief-deal": ("Deal value: {value}", "Valor de la venta: {value}"),
    "debrief-timeline": ("Timeline", "Cronología"),
    "debrief-legend": ("✓ good · ✗ mistake · ○ missed opportunity · – neutral",
                       "✓ bien · ✗ error · ○ oportunidad perdida · – neutral"),
    "debrief-missed": ("Missed opportunities", "Oportunidades perdidas"),
    "debrief-none": ("Nothing missed.", "No se perdió nada."),
    "debrief-empty": ("No choices were made.", "No se tomó ninguna decisión."),
    "debrief-coach": ("Coach: {text}", "Consejo: {text}"),
    "debrief-par-beaten": ("New best: you {you} (best found was {was})",
                           "Nueva mejor marca: tú {you} (la mejor encontrada era {was})"),
    "debrief-lost-more": ("… and {n} smaller ones ({points} points in all)",
                          "… y {n} menores ({points} puntos en total)"),
    "debrief-par": ("Par {par} · you {you}", "Par {par} · tú {you}"),
    "debrief-best": ("Best found {par} · you {you}", "Mejor encontrada {par} · tú {you}"),
    "debrief-par-exact": ("the best score this deal allows", "la mejor puntuación posible"),
    "debrief-par-found": ("not yet proven the best this deal allows",
                          "aún sin demostrar que sea la mejor posible"),
    "debrief-par-working": ("Working out par (the best score this deal allows)…",
                            "Calculando el par (la mejor puntuación posible)…"),
    "debrief-replay": ("Replay", "Repetir"),
    "debrief-next": ("Next", "Siguiente"),
    "debrief-next-to": ("Next: {title}", "Siguiente: {title}"),
    "debrief-next-pick": ("Choose another scenario", "Elegir otro escenario"),
    "key-title": ("title screen", "inicio"),
    "debrief-title": ("Title screen", "Pantalla de inicio"),
    "debrief-done": ("Done", "Terminar"),
    "pause-heading": ("Paused", "Pausa"),
    "pause-resume": ("Resume", "Continuar"),
    "pause-restart": ("Restart the scenario", "Reiniciar el escenario"),
    "pause-quit-title": ("Quit to the title screen (the attempt is kept)",
                         "Volver al inicio (el intento se guarda)"),
    "pause-quit": ("Quit (the attempt is kept)", "Salir (el intento se guarda)"),
    "toast-text-size": ("Text size {pct} %", "Tamaño del texto {pct} %"),
    "toast-contrast-on": ("High contrast on", "Alto contraste activado"),
    "toast-contrast-off": ("High contrast off", "Alto contraste desactivado"),
    "toast-sound-on": ("Sound on", "Sonido activado"),
    "toast-sound-off": ("Sound off", "Sonido desactivado"),
    "toast-language": ("Language: {name}", "Idioma: {name}"),
    "toast-language-later": ("Menus in {name} after this scenario; it stays in its own language",
                             "Menús en {name} tras este escenario; él sigue en su idioma"),
    "toast-unlocked": ("New scenario unlocked: {ids}", "Nuevo escenario desbloqueado: {ids}"),
    "toast-reloaded": ("Reloaded {file}: a fresh attempt, seed {seed}",
                       "{file} recargado: un intento nuevo, semilla {seed}"),
    "toast-reloaded-warnings": ("Reloaded {file} ({n} warnings — run validate): a fresh "
                                "attempt, seed {seed}",
                                "{file} recargado ({n} avisos: ejecuta validate): un intento "
                                "nuevo, semilla {seed}"),
    "toast-reload-no-file": ("This attempt has no scenario file to reload.",
                             "Este intento no tiene un archivo de escenario que recargar."),
    "toast-reload-still": ("The file still has errors.", "El archivo sigue teniendo errores."),
    "reload-heading": ("The scenario file has errors", "El archivo del escenario tiene errores"),
    "reload-summary": ("Errors: {errors} · warnings: {warnings}. The attempt under way is "
                       "unchanged.",
                       "Errores: {errors} · avisos: {warnings}. El intento en curso no ha "
                       "cambiado."),
    "reload-hint": ("Fix the file and press F5 again; Esc to go back.",
                    "Corrige el archivo y pulsa F5 otra vez; Esc para volver."),
    "resume-heading": ("Unfinished attempt", "Intento sin terminar"),
    "resume-text": ("You have an unfinished attempt at “{title}”: started {date}, turn {turn}, "
                    "{steps} actions saved.",
                    "Tienes un intento sin terminar de «{title}»: empezado el {date}, turno {turn}, "
                    "{steps} acciones guardadas."),
    "resume-resume": ("Resume it", "Continuarlo"),
    "resume-over": ("Start over", "Empezar de nuevo"),
    "resume-back": ("Back to the list", "Volver a la lista"),
    "resumed": ("Attempt resumed: turn {turn}, {steps} actions replayed.",
                "Intento reanudado: turno {turn}, {steps} acciones repetidas."),
    "picker-locked": ("locked — win the deal and its referral in “{source}”",
                      "bloqueado: gana la venta y su referencia en «{source}»"),
    "picker-locked-any": ("locked — win a referral to unlock it",
                          "bloqueado: consigue una referencia para desbloquearlo"),
    # key hints in the footer
    "key-choose": ("choose", "elegir"),
    "key-board": ("deal board", "tablero"),
    "key-person": ("person", "persona"),
    "key-role": ("role tag", "etiqueta"),
    "key-back": ("back", "volver"),
    "key-menu": ("menu", "menú"),
    "key-sound": ("sound", "sonido"),
    "key-language": ("language", "idioma"),
    "key-contrast": ("contrast", "contraste"),
    "key-bigger": ("larger text", "texto mayor"),
    "key-smaller": ("smaller text", "texto menor"),
    "key-scroll": ("scroll", "desplazar"),
    "key-continue": ("continue", "continuar"),
    "key-start": ("start", "empezar"),
    "key-quit": ("quit", "salir"),
    "key-replay": ("replay", "repetir"),
    "key-next": ("next", "siguiente"),
    "key-reload": ("reload file", "recargar archivo"),
}


# Where a region's usage differs (a scenario's `language: es-MX`, format 1.2): key → text, as
# game.i18n.REGIONAL does for the engine's words.
REGIONAL: dict[str, dict[str, str]] = {
    "es-ES": {"funnel-prospect": "cliente potencial",
              "funnel-qualified_prospect": "cliente potencial cualificado"},
    "es-MX": {"funnel-prospect": "prospecto", "funnel-qualified_prospect": "prospecto calificado",
              "board-qualification": "Calificación"},
}


class UIText:
    """The window's words in one language: `en` or `es`, or a regional tag of either (`es-MX`:
    the Spanish words with Mexico's usage where it differs). `language` is the base language."""

    def __init__(self, language: str) -> None:
        base = language.split("-", 1)[0] if isinstance(language, str) else ""
        self.language = base if base in LANGUAGES else "en"
        self._column = LANGUAGES.index(self.language)
        self._regional = REGIONAL.get(language, {}) if base in LANGUAGES else {}

    def get(self, key: str, **params: Any) -> str:
        """The text for `key` with `params` filled in."""
        entry = _TEXT.get(key)
        if entry is None:
            return key
        template = self._regional.get(key) or entry[self._column]
        try:
            return template.format(**params) if params else template
        except (KeyError, IndexError, ValueError):
            return template


def keys() -> list[str]:
    """Every key this module words (the tests check both languages are filled in)."""
    return list(_TEXT)
