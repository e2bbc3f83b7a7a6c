"""The game's own words in English and Spanish: notes, reasons, labels, the debrief.

The engine hands out codes with parameters; `Words` turns them into text in one language,
using the scenario for names (a stakeholder's name, a need's description). A scenario written
for a region (format 1.2: `language: es-MX`, `en-GB`…) gets the base language's words with the
region's own usage where it differs (`REGIONAL`): Spain says "cliente potencial cualificado",
Mexico "prospecto calificado".
"""
from __future__ import annotations

import re
from typing import Any

from game.schema import LANGUAGE_PATTERN, Scenario, base_language

LANGUAGES = ("en", "es")

_TEXT: dict[str, dict[str, str]] = {
    # notes from the engine
    "meeting": {"en": "Turn {turn}: you meet {who}.", "es": "Turno {turn}: te reúnes con {who}."},
    "conversation-dry": {"en": "{who} has nothing more to discuss today.",
                         "es": "{who} no tiene nada más que hablar hoy."},
    "out-of-time": {"en": "{who} has to go to another meeting.",
                    "es": "{who} tiene que irse a otra reunión."},
    "need-found": {"en": "Need discovered: {need} ({benefit}).",
                   "es": "Necesidad descubierta: {need} ({benefit})."},
    "hint": {"en": "Clue about {about}: {text}", "es": "Pista sobre {about}: {text}"},
    "interest": {"en": "The prospect's interest is now: {level}.",
                 "es": "El interés del cliente ahora es: {level}."},
    "interest-later": {"en": "They are keener than they show yet: interest builds one level a "
                             "meeting, so this shows at your next meeting (now: {level}).",
                       "es": "Les interesa más de lo que muestran todavía: el interés sube un "
                             "nivel por reunión y esto se notará en la próxima (ahora: {level})."},
    "objection-raised": {"en": "Objection from {who}: “{text}”",
                         "es": "Objeción de {who}: «{text}»"},
    "objection-resolved": {"en": "Objection answered: “{objection}”",
                           "es": "Objeción resuelta: «{objection}»"},
    "counter-failed": {"en": "That answer does not settle the objection: “{objection}”",
                       "es": "Esa respuesta no resuelve la objeción: «{objection}»"},
    "counter-unneeded": {"en": "Nobody has raised that concern right now.",
                         "es": "Nadie ha planteado esa duda por ahora."},
    "pitch-premature": {"en": "Too early: you pitched a benefit before discovering a need it "
                              "answers.",
                        "es": "Demasiado pronto: presentaste un beneficio sin haber descubierto "
                              "una necesidad a la que responda."},
    "pitch-irrelevant": {"en": "{who} does not have that need; the pitch falls flat ({need}).",
                         "es": "{who} no tiene esa necesidad; el argumento no convence ({need})."},
    "pitch-landed": {"en": "The benefit lands with {who}: {need}.",
                     "es": "El beneficio convence a {who}: {need}."},
    "pitch-repeated": {"en": "{who} has heard that benefit already: {need}.",
                       "es": "{who} ya había oído ese beneficio: {need}."},
    "introduced": {"en": "You can now meet {who}.", "es": "Ya puedes reunirte con {who}."},
    "close-won": {"en": "Deal closed at {value}!", "es": "¡Venta cerrada por {value}!"},
    "close-failed": {"en": "The close does not go through.", "es": "El cierre no prospera."},
    "referral-moment": {"en": "{who} is now your customer. Ask for a referral?",
                        "es": "{who} ya es tu cliente. ¿Pides una referencia?"},
    "referral-won": {"en": "Referral won.", "es": "Referencia conseguida."},
    "referral-lost": {"en": "No referral this time.", "es": "Esta vez no hay referencia."},
    "game-over": {"en": "The attempt is over: {outcome}.", "es": "Fin del intento: {outcome}."},
    # format 1.2: qualification items and walking away
    "learned": {"en": "You now know {item}: {fact}", "es": "Ya conoces {item}: {fact}"},
    "qualified-out": {"en": "You qualified the prospect out on turn {turn} — the right call.",
                      "es": "Descartaste al cliente en el turno {turn}: la decisión correcta."},
    "walked-away": {"en": "You thanked them and walked away from the deal on turn {turn}.",
                    "es": "Diste las gracias y te retiraste de la venta en el turno {turn}."},
    # close reasons
    "why-not-decision-maker": {"en": "{who} cannot sign this purchase.",
                               "es": "{who} no puede firmar esta compra."},
    "why-need": {"en": "not enough needs discovered ({known} of {needed}).",
                 "es": "no has descubierto suficientes necesidades ({known} de {needed})."},
    "why-interest": {"en": "interest is too low ({level}; needs {needed}).",
                     "es": "el interés es demasiado bajo ({level}; hace falta {needed})."},
    "why-interest-builds": {"en": "interest is too low ({level}; needs {needed}) — it rises at "
                                  "most one level a meeting.",
                            "es": "el interés es demasiado bajo ({level}; hace falta {needed}): "
                                  "sube como mucho un nivel por reunión."},
    "why-authority": {"en": "authority is not established: who signs, and have you met them?",
                      "es": "no has confirmado la autoridad: ¿quién firma y te has reunido con "
                            "esa persona?"},
    "why-stance": {"en": "the decision-maker is not convinced yet.",
                   "es": "quien decide todavía no lo ve claro."},
    "why-not-ready": {"en": "no commitment yet — check who signs, how they see the deal, and any "
                            "concern still open.",
                      "es": "todavía no hay compromiso: revisa quién firma, cómo ve el acuerdo "
                            "esa persona y si queda alguna duda abierta."},
    "why-objection": {"en": "an objection from {who} still stands: “{objection}”",
                      "es": "sigue en pie una objeción de {who}: «{objection}»"},
    "why-learned": {"en": "you have not found out {items} yet.",
                    "es": "todavía no has averiguado {items}."},
    # option texts made by the engine
    "opt-leave": {"en": "Thank them and end the meeting.", "es": "Agradecer y terminar la reunión."},
    "opt-referral-ask": {"en": "Ask for a referral.", "es": "Pedir una referencia."},
    "opt-referral-skip": {"en": "Thank them and leave.", "es": "Agradecer y marcharse."},
    "opt-meet": {"en": "Meet {name}, {title}", "es": "Reunirte con {name}, {title}"},
    # reasons an option is closed
    "reason-needs-introduction": {"en": "needs an introduction", "es": "necesita una presentación"},
    "reason-already-said": {"en": "already said", "es": "ya dicho"},
    "reason-objection-not-heard": {"en": "you have not heard that objection",
                                   "es": "todavía no has oído esa objeción"},
    "reason-other": {"en": "not possible yet", "es": "todavía no es posible"},
    # missed opportunities
    "missed-need-not-pitched": {
        "en": "On turn {turn} {who} mentioned “{need}” — a benefit ({benefit}) you never "
              "pitched.",
        "es": "En el turno {turn} {who} mencionó «{need}»: un beneficio de {benefit} que nunca "
              "presentaste."},
    "missed-question-not-asked": {
        "en": "On turn {turn}, asking {who} “{text}” would have revealed: {needs}.",
        "es": "En el turno {turn}, preguntar a {who} «{text}» habría revelado: {needs}."},
    "missed-objection-open": {
        "en": "{who}'s objection from turn {turn} was never answered: “{objection}”",
        "es": "La objeción de {who} del turno {turn} nunca se resolvió: «{objection}»"},
    "missed-influencer-not-met": {"en": "You never met {who}, who sways the decision.",
                                  "es": "Nunca te reuniste con {who}, que influye en la decisión."},
    "missed-saboteur-not-tagged": {"en": "You did not spot {who} as a saboteur.",
                                   "es": "No identificaste a {who} como saboteador/a."},
    "missed-decision-maker-not-tagged": {"en": "You did not tag {who} as the decision-maker.",
                                         "es": "No marcaste a {who} como quien decide."},
    "missed-tag-without-evidence": {
        "en": "You tagged {who} before you had seen anything about them — a guess earns nothing.",
        "es": "Etiquetaste a {who} antes de saber nada de esa persona: una conjetura no puntúa."},
    "missed-wrong-tag": {"en": "You tagged {who} as {role}, which they are not.",
                         "es": "Marcaste a {who} como {role}, y no lo es."},
    "missed-item-not-learned": {
        "en": "You never found out {item} (“{fact}”): on turn {turn}, asking {who} “{text}” "
              "would have told you.",
        "es": "Nunca averiguaste {item} («{fact}»): en el turno {turn}, preguntar a {who} "
              "«{text}» te lo habría dicho."},
    "missed-item-never-learned": {"en": "You never found out {item}: “{fact}”.",
                                  "es": "Nunca averiguaste {item}: «{fact}»."},
    "missed-competitor-champion": {
        "en": "{who} backed the competitor, {name}, and you never found out about it.",
        "es": "{who} apoyaba a la competencia, {name}, y nunca llegaste a saberlo."},
    "missed-walk-away-not-taken": {
        "en": "This deal was not one to chase: once you had established {after}, walking away "
              "politely (offered from turn {turn}) was the right call.",
        "es": "Esta venta no había que perseguirla: tras confirmar {after}, retirarte con "
              "educación (posible desde el turno {turn}) era la decisión correcta."},
    "severity-word-minor": {"en": "minor", "es": "leve"},
    "severity-word-major": {"en": "major", "es": "importante"},
    "severity-word-critical": {"en": "critical", "es": "grave"},
    "severity-minor": {"en": "minor", "es": "leve"},
    "severity-major": {"en": "major", "es": "importante"},
    "severity-critical": {"en": "critical — fails the attempt", "es": "grave: suspende el intento"},
    # what cost points (game/losses.py); "-anon" when the debrief may not name the person
    "lost-heading": {"en": "What cost you points", "es": "Dónde perdiste puntos"},
    "lost-need-not-found": {"en": "A need you never uncovered: “{need}”.",
                            "es": "Una necesidad que no llegaste a descubrir: «{need}»."},
    "lost-checklist-need": {"en": "Not enough needs found before your first close.",
                            "es": "No habías descubierto bastantes necesidades antes del primer "
                                  "cierre."},
    "lost-checklist-interest": {"en": "Interest was too low at your first close.",
                                "es": "El interés era demasiado bajo en tu primer cierre."},
    "lost-checklist-authority": {"en": "Authority was not established at your first close: who "
                                       "signs, met, with a clear clue.",
                                 "es": "No habías confirmado la autoridad en tu primer cierre: "
                                       "quién firma, reunido y con una pista clara."},
    "lost-decision-maker-not-tagged": {"en": "{who}, the decision-maker, was not tagged as such.",
                                       "es": "No marcaste a {who} como quien decide, y lo era."},
    "lost-decision-maker-not-tagged-anon": {"en": "The decision-maker was not tagged.",
                                            "es": "No marcaste a quien decide."},
    "lost-tag-blind": {"en": "You tagged {who} as the decision-maker before seeing anything "
                             "about them: a guess earns nothing.",
                       "es": "Marcaste a {who} como quien decide antes de saber nada de esa "
                             "persona: una conjetura no puntúa."},
    "lost-tag-blind-anon": {"en": "A role tag set before any evidence: a guess earns nothing.",
                            "es": "Una etiqueta puesta sin pruebas: una conjetura no puntúa."},
    "lost-influencer-not-tagged": {"en": "{who}, an influencer, was not tagged (on evidence).",
                                   "es": "No marcaste (con pruebas) a {who}, que influye en la "
                                         "decisión."},
    "lost-influencer-not-tagged-anon": {"en": "An influencer was not tagged.",
                                        "es": "No marcaste a alguien que influye en la decisión."},
    "lost-premature-close": {"en": "A close before the prospect was qualified (×{n}).",
                             "es": "Un cierre antes de cualificar al cliente (×{n})."},
    "lost-wrong-tag": {"en": "Someone tagged {role} who is not (×{n}).",
                       "es": "Alguien marcado como {role} sin serlo (×{n})."},
    "lost-saboteur-not-tagged": {"en": "{who} worked against the deal and was not tagged a "
                                       "saboteur.",
                                 "es": "{who} frenaba la venta y no lo marcaste como "
                                       "saboteador/a."},
    "lost-saboteur-not-tagged-anon": {"en": "A saboteur was not tagged.",
                                      "es": "No marcaste a quien frenaba la venta."},
    "lost-objection-open": {"en": "An objection you heard and never answered: “{objection}”",
                            "es": "Una objeción que oíste y no respondiste: «{objection}»"},
    "lost-objection-not-heard": {"en": "A saboteur's objection you never brought into the open: "
                                       "“{objection}”",
                                 "es": "Una objeción del saboteador que nunca sacaste a la luz: "
                                       "«{objection}»"},
    "lost-objection-not-heard-anon": {"en": "An objection you never brought into the open.",
                                      "es": "Una objeción que nunca sacaste a la luz."},
    "lost-wrong-counter": {"en": "An answer that did not settle the objection (×{n}).",
                           "es": "Una respuesta que no resolvió la objeción (×{n})."},
    "lost-need-not-pitched": {"en": "A need you found but never pitched: “{need}”.",
                              "es": "Una necesidad que descubriste y no presentaste: «{need}»."},
    "lost-need-not-found-to-pitch": {"en": "A benefit you could not pitch, its need never found: "
                                           "“{need}”.",
                                     "es": "Un beneficio que no pudiste presentar porque no "
                                           "descubriste la necesidad: «{need}»."},
    "lost-saving-not-shown": {"en": "No {benefit} shown.",
                              "es": "No mostraste ningún {benefit}."},
    "lost-bad-pitch": {"en": "A pitch too early or to someone without that need (×{n}).",
                       "es": "Una presentación demasiado pronto o a quien no tenía esa "
                             "necesidad (×{n})."},
    "lost-deal-not-won": {"en": "The deal was not won ({outcome}).",
                          "es": "La venta no se ganó ({outcome})."},
    "lost-turns-used": {"en": "Meetings used to close: {turns}. Fewer leave more of the quarter.",
                        "es": "Reuniones hasta el cierre: {turns}. Cuantas menos, más "
                              "trimestre te queda."},
    "lost-discount": {"en": "Closed at a discount ({value}): no back-end saving was shown.",
                      "es": "Cierre con descuento ({value}): no mostraste ningún ahorro en "
                            "gastos indirectos."},
    "lost-trust": {"en": "Trust of the people you met: {trust} of 1.",
                   "es": "Confianza de las personas con quienes te reuniste: {trust} de 1."},
    "lost-nobody-met": {"en": "You met nobody: no relationship to score.",
                        "es": "No te reuniste con nadie: no hay relación que puntuar."},
    "lost-said-nothing": {"en": "You said nothing: an attempt without a single choice earns no "
                                "points.",
                          "es": "No dijiste nada: un intento sin una sola elección no suma "
                                "puntos."},
    "lost-referral-not-asked": {"en": "No referral asked for (a happy customer's leads).",
                                "es": "No pediste una referencia (los contactos de un cliente "
                                      "satisfecho)."},
    "lost-referral-not-given": {"en": "The referral was not given: their trust was too low.",
                                "es": "No te dieron la referencia: su confianza era baja."},
    "lost-mistake": {"en": "A {severity} mistake with {who}: “{text}”",
                     "es": "Un error {severity} con {who}: «{text}»"},
    "lost-checklist-item": {"en": "You had not found out {item} by your first close (or the end).",
                            "es": "No habías averiguado {item} en tu primer cierre (o al "
                                  "final)."},
    "lost-after-not-established": {
        "en": "Not established before you walked away (or by the end): {item}.",
        "es": "Sin confirmar antes de retirarte (o al final): {item}."},
    "lost-not-disqualified": {
        "en": "You chased a deal that was not there to win: once you knew {after}, walking away "
              "was the right call.",
        "es": "Perseguiste una venta que no se podía ganar: tras confirmar {after}, lo correcto "
              "era retirarse."},
    "lost-walked-away-unqualified": {
        "en": "You walked away before establishing {missing}: a guess, not a qualification.",
        "es": "Te retiraste sin confirmar {missing}: una conjetura, no una cualificación."},
    "lost-walked-away-wrong-reason": {
        "en": "You walked away for the wrong reason: “{text}” — walking away was right here, but "
              "not for that reason.",
        "es": "Te retiraste por el motivo equivocado: «{text}». Retirarse era lo correcto, pero "
              "no por ese motivo."},
    "lost-walked-away": {"en": "You walked away from a deal that was there to win.",
                         "es": "Te retiraste de una venta que se podía ganar."},
    "lost-turns-used-out": {
        "en": "Meetings used before qualifying the prospect out: {turns}. Finding out sooner "
              "leaves more of the quarter.",
        "es": "Reuniones hasta descartar al cliente: {turns}. Averiguarlo antes deja más "
              "trimestre."},
    # the pass verdict
    "verdict-passed": {"en": "Passed", "es": "Aprobado"},
    "verdict-failed": {"en": "Not passed", "es": "No aprobado"},
    "verdict-practice": {"en": "practice — you had seen this cast's roles before",
                         "es": "práctica: ya habías visto los papeles de este reparto"},
    "pass-passed": {"en": "The deal is won, the score reaches the pass mark ({mark}) and no "
                          "critical mistake was made.",
                    "es": "La venta está ganada, la puntuación llega al aprobado ({mark}) y no "
                          "hubo ningún error grave."},
    "pass-critical-mistake": {"en": "A critical mistake fails the attempt whatever the score: "
                                    "“{text}”",
                              "es": "Un error grave suspende el intento sea cual sea la "
                                    "puntuación: «{text}»"},
    "pass-not-won": {"en": "The deal was not won — an attempt passes only with a won deal.",
                     "es": "La venta no se ganó: solo se aprueba con la venta ganada."},
    "pass-below-pass-mark": {"en": "The score is below the pass mark ({mark}).",
                             "es": "La puntuación no llega al aprobado ({mark})."},
    "pass-passed-disqualified": {
        "en": "You qualified the prospect out on turn {turn} — the right call, once you had "
              "established {after}; the score reaches the pass mark ({mark}) and no critical mistake "
              "was made.",
        "es": "Descartaste al cliente en el turno {turn}, la decisión correcta, tras confirmar "
              "{after}; la puntuación llega al aprobado ({mark}) y no hubo ningún error grave."},
    "pass-below-pass-mark-disqualified": {
        "en": "You qualified the prospect out on turn {turn} — the right call — but the score is "
              "below the pass mark ({mark}).",
        "es": "Descartaste al cliente en el turno {turn}, la decisión correcta, pero la "
              "puntuación no llega al aprobado ({mark})."},
    "pass-walked-away-unqualified": {
        "en": "You walked away on turn {turn} before finding out {missing} — the right call in "
              "the end, but a guess: establish it first, then qualify the prospect out.",
        "es": "Te retiraste en el turno {turn} sin haber averiguado {missing}: al final era lo "
              "correcto, pero fue una conjetura. Averígualo primero y después descarta al "
              "cliente."},
    "pass-walked-away-wrong-reason": {
        "en": "You walked away on turn {turn} for the wrong reason (“{text}”): walking away was "
              "the right call, but what you had found out pointed to another reason — give the "
              "one the replies tell you.",
        "es": "Te retiraste en el turno {turn} por el motivo equivocado («{text}»): retirarse era "
              "lo correcto, pero lo que averiguaste apuntaba a otro motivo; da el que te dicen "
              "las respuestas."},
    "pass-not-disqualified": {
        "en": "This deal was not one to chase: once you had established {after}, walking away "
              "politely was the right call — chasing it to the end or closing fails.",
        "es": "Esta venta no había que perseguirla: tras confirmar {after}, lo correcto era "
              "retirarse con educación; perseguirla hasta el final o intentar cerrarla "
              "suspende."},
    "missed-referral-not-asked": {"en": "You won the deal but never asked for a referral.",
                                  "es": "Ganaste la venta pero no pediste una referencia."},
    # labels
    "stage-lead": {"en": "lead", "es": "contacto"},
    "stage-prospect": {"en": "prospect", "es": "interesado"},
    "stage-qualified_prospect": {"en": "qualified prospect", "es": "cualificado"},
    "stage-customer": {"en": "customer", "es": "cliente"},
    "role-decision_maker": {"en": "decision-maker", "es": "quien decide"},
    "role-influencer": {"en": "influencer", "es": "influyente"},
    "role-saboteur": {"en": "saboteur", "es": "saboteador/a"},
    "role-user": {"en": "user", "es": "usuario/a"},
    "role-gatekeeper": {"en": "gatekeeper", "es": "filtro"},
    "role-none": {"en": "not tagged", "es": "sin etiqueta"},
    "benefit-easier": {"en": "easier work", "es": "trabajo más fácil"},
    "benefit-support": {"en": "better support", "es": "mejor soporte"},
    "benefit-efficiency": {"en": "efficiency", "es": "eficiencia"},
    "benefit-front_end_savings": {"en": "front-end saving", "es": "ahorro inicial"},
    "benefit-back_end_savings": {"en": "back-end saving", "es": "ahorro en gastos indirectos"},
    "interest-0": {"en": "none", "es": "ninguno"},
    "interest-1": {"en": "wants information", "es": "quiere información"},
    "interest-2": {"en": "curious", "es": "con curiosidad"},
    "interest-3": {"en": "evaluating", "es": "evaluando"},
    "interest-4": {"en": "comparing options", "es": "comparando opciones"},
    "mood-hostile": {"en": "hostile", "es": "actitud hostil"},
    "mood-sceptical": {"en": "sceptical", "es": "actitud escéptica"},
    "mood-neutral": {"en": "neutral", "es": "actitud neutral"},
    "mood-warm": {"en": "warm", "es": "actitud receptiva"},
    "mood-keen": {"en": "keen", "es": "actitud entusiasta"},
    "mood-unknown": {"en": "not met yet", "es": "sin conocer"},
    "mark-good": {"en": "good", "es": "bien"},
    "mark-neutral": {"en": "neutral", "es": "neutral"},
    "mark-mistake": {"en": "mistake", "es": "error"},
    "mark-missed": {"en": "missed", "es": "no aprovechada"},
    "outcome-won": {"en": "won", "es": "ganada"},
    "outcome-lost": {"en": "lost", "es": "perdida"},
    "outcome-abandoned": {"en": "abandoned", "es": "abandonada"},
    "outcome-None": {"en": "in progress", "es": "en curso"},
    "outcome-disqualified": {"en": "qualified out", "es": "descartada a tiempo"},
    "end-out-of-turns": {"en": "the quarter ended before the deal closed",
                         "es": "el trimestre terminó antes de cerrar la venta"},
    "end-closes-exhausted": {"en": "too many failed close attempts",
                             "es": "demasiados intentos de cierre fallidos"},
    "end-closed": {"en": "the deal was closed", "es": "la venta se cerró"},
    "end-abandoned": {"en": "the attempt was stopped", "es": "el intento se interrumpió"},
    "end-walked-away": {"en": "you walked away from the deal", "es": "te retiraste de la venta"},
    "comp-discovery": {"en": "Discovery", "es": "Descubrimiento"},
    "comp-qualification": {"en": "Qualification", "es": "Cualificación"},
    "comp-saboteurs": {"en": "Saboteurs", "es": "Saboteadores"},
    "comp-value_pitch": {"en": "Value pitch", "es": "Propuesta de valor"},
    "comp-closing": {"en": "Closing", "es": "Cierre"},
    "comp-relationship": {"en": "Relationship", "es": "Relación"},
    "check-need": {"en": "Need", "es": "Necesidad"},
    "check-interest": {"en": "Interest", "es": "Interés"},
    "check-authority": {"en": "Authority", "es": "Autoridad"},
    # format 1.2: the qualification items, as a checklist row and inside a sentence
    "check-budget": {"en": "Budget", "es": "Presupuesto"},
    # a declared qualification item not learnt yet, as the board and the terminal show it
    "check-unknown": {"en": "{label}?", "es": "¿{label}?"},
    "check-timing": {"en": "Timing", "es": "Plazos"},
    "check-decision_process": {"en": "Decision process", "es": "Proceso de decisión"},
    "check-competitor": {"en": "Competition", "es": "Competencia"},
    "item-need": {"en": "the need", "es": "la necesidad"},
    "item-interest": {"en": "their interest", "es": "su interés"},
    "item-authority": {"en": "who signs", "es": "quién firma"},
    "item-budget": {"en": "the budget", "es": "el presupuesto"},
    "item-timing": {"en": "the timing", "es": "los plazos"},
    "item-decision_process": {"en": "the decision process", "es": "el proceso de decisión"},
    "item-competitor": {"en": "the competition", "es": "la competencia"},
    "and": {"en": "and", "es": "y"},
}

# Spanish-speaking regions that write figures as English does — 3,800 and 63.5 — where Spain
# and most of South America write 3.800 and 63,5 (format 1.2 regional tags)
POINT_DECIMALS = frozenset({"es-MX", "es-US", "es-PR", "es-DO", "es-GT", "es-HN", "es-NI",
                            "es-SV", "es-PA"})

# Where a region's usage differs from its base language's (format 1.2 `language: es-MX`…):
# code → text. Spain reads "prospecto" as a medicine leaflet and says "cualificado"; Mexico says
# "prospecto calificado" and "calificar".
REGIONAL: dict[str, dict[str, str]] = {
    "es-ES": {
        "stage-prospect": "cliente potencial",
        "stage-qualified_prospect": "cliente potencial cualificado",
    },
    "es-MX": {
        "stage-prospect": "prospecto",
        "stage-qualified_prospect": "prospecto calificado",
        "comp-qualification": "Calificación",
        "interest": "El interés del prospecto ahora es: {level}.",
        "lost-premature-close": "Un cierre antes de calificar al prospecto (×{n}).",
        "lost-walked-away-unqualified": "Te retiraste sin confirmar {missing}: una conjetura, "
                                        "no una calificación.",
        "qualified-out": "Descalificaste al prospecto en el turno {turn}: la decisión correcta.",
        "outcome-disqualified": "descalificada a tiempo",
        "lost-turns-used-out": "Juntas hasta descalificar al prospecto: {turns}. Averiguarlo "
                               "antes deja más trimestre.",
        "pass-passed-disqualified": "Descalificaste al prospecto en el turno {turn}, la decisión "
                                    "correcta, tras confirmar {after}; la puntuación llega al "
                                    "aprobado ({mark}) y no hubo ningún error grave.",
        "pass-below-pass-mark-disqualified": "Descalificaste al prospecto en el turno {turn}, la "
                                             "decisión correcta, pero la puntuación no llega al "
                                             "aprobado ({mark}).",
        "pass-walked-away-unqualified": "Te retiraste en el turno {turn} sin haber averiguado "
                                        "{missing}: al final era lo correcto, pero fue una "
                                        "conjetura. Averígualo primero y después descalifica "
                                        "al prospecto.",
    },
}


def mood(stance: float) -> str:
    """A rough read of someone's stance, as a word code (hostile … keen)."""
    if stance < -0.5:
        return "hostile"
    if stance < -0.15:
        return "sceptical"
    if stance < 0.15:
        return "neutral"
    if stance < 0.5:
        return "warm"
    return "keen"


def locale_for(scenario_language: str, asked: str | None = None) -> str:
    """The language tag words are given in: `asked` (e.g. `play --lang es`) when given — the
    scenario's own regional tag when `asked` is its base language — else the scenario's."""
    if not asked:
        return scenario_language
    if asked == base_language(scenario_language):
        return scenario_language  # `--lang es` on an es-MX scenario keeps Mexico's usage
    return asked


class Words:
    """Text in one language for one scenario. `language` is the base language (en or es) the
    words are in; `locale` the regional tag whose usage they follow (`es-MX`), or the same."""

    def __init__(self, scenario: Scenario, language: str | None = None) -> None:
        self.scenario = scenario
        asked = language if language and re.fullmatch(LANGUAGE_PATTERN, language) else None
        self.locale = locale_for(scenario.language, asked)
        self.language = base_language(self.locale)
        self._regional = REGIONAL.get(self.locale, {})
        # a decimal comma and grouping points (3.800; 63,5), or as English writes figures
        self._comma = self.language == "es" and self.locale not in POINT_DECIMALS

    def get(self, code: str, **params: Any) -> str:
        """The text for `code`, with `params` filled in; unknown codes show as themselves."""
        template = self._regional.get(code)
        if template is None:
            entry = _TEXT.get(code)
            if entry is None:
                return code
            template = entry.get(self.language) or entry["en"]
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            return template

    def name(self, sid: str | None) -> str:
        """A stakeholder's name ("—" for nobody)."""
        person = self.scenario.stakeholders.get(sid or "")
        return person.name if person else "—"

    def need(self, nid: str) -> str:
        """A need's description."""
        need = self.scenario.needs.get(nid)
        return need.text if need else nid

    def objection(self, oid: str) -> str:
        """An objection's words."""
        objection = self.scenario.objections.get(oid)
        return objection.text if objection else oid

    def money(self, amount: float) -> str:
        """An amount in the deal's currency, grouped the way the language (and region) writes
        it: 12,000 in English and in Mexico, 12.000 in Spain."""
        text = f"{amount:,.0f}"
        if self._comma:
            text = text.replace(",", ".")
        return f"{text} {self.scenario.account.currency}"

    def note(self, code: str, params: dict[str, Any], text: str = "") -> str:
        """Word an engine note (a `Line` of kind note). A `line` parameter is the scenario's own
        wording of the note (format 1.2: `close.won_line`, `referral.moment`), filled in the
        same way."""
        p = dict(params)
        own = p.pop("line", None)
        for key in ("who", "about"):
            if key in p:
                p[key] = self.name(p[key])
        if "need" in p:
            need = self.scenario.needs.get(p["need"])
            p["benefit"] = self.get(f"benefit-{need.benefit}") if need else ""
            p["need"] = self.need(p["need"])
        if "objection" in p:
            p["objection"] = self.objection(p["objection"])
        if "role" in p:
            p["role"] = self.get(f"role-{p['role']}")
        if "level" in p:
            p["level"] = self.get(f"interest-{p['level']}")
        if "value" in p:
            p["value"] = self.money(p["value"])
        if "outcome" in p:
            p["outcome"] = self.outcome(p["outcome"], bool(p.get("disqualified")))
        if "needs" in p:
            p["needs"] = ", ".join(self.need(n) for n in p["needs"])
        if "item" in p:  # a qualification item (format 1.2), with what was learnt
            item = str(p["item"])
            if "fact" not in p:
                p["fact"] = self.fact(item)
            p["item"] = self.get(f"item-{item}")
        for key in ("items", "after", "missing"):
            if key in p:
                p[key] = self.items(p[key])
        p["text"] = text or p.get("text", "")
        if isinstance(own, str) and own:
            try:
                return own.format(**p)
            except (KeyError, IndexError, ValueError, AttributeError):
                return own
        return self.get(code, **p)

    def fact(self, item: str) -> str:
        """What the scenario says was learnt about a qualification item (format 1.2): its text,
        and for the competitor its name first ("RouteMax — shortlisted last month…")."""
        qualification = self.scenario.qualification
        found = getattr(qualification, item, None) if qualification is not None else None
        if found is None:
            return ""
        name = getattr(found, "name", None)
        return f"{name} — {found.text}" if name else found.text

    def items(self, ids: Any) -> str:
        """Checklist and qualification items in a sentence: "the budget, the timing and who
        signs"."""
        words = [self.get(f"item-{i}") for i in (ids if isinstance(ids, (list, tuple)) else [ids])]
        if len(words) <= 1:
            return "".join(words)
        return f"{', '.join(words[:-1])} {self.get('and')} {words[-1]}"

    def outcome(self, outcome: str | None, disqualified: bool = False) -> str:
        """won / lost / abandoned as a word — "qualified out" for an attempt that rightly walked
        away (its outcome is lost, by the result contract)."""
        return self.get("outcome-disqualified" if disqualified else f"outcome-{outcome}")

    def reason(self, code: str, params: dict[str, Any]) -> str:
        """Word a close-failure reason."""
        if code == "interest" and params.get("builds"):  # format 1.3
            code = "interest-builds"
        return self.note(f"why-{code}", params)

    def pass_reason(self, reason: str, mark: int, critical: tuple[str, ...] = ()) -> str:
        """Why an attempt passed or not, in a sentence (the first critical mistake quoted)."""
        text = self.choice_text(critical[0]) if critical else ""
        return self.get(f"pass-{reason}", mark=mark, text=text)

    def verdict(self, verdict: Any) -> str:
        """Why an attempt passed or not (a `game.scoring.Verdict`), in a sentence — with the
        turn and what was established when the prospect was qualified out (format 1.2)."""
        if not verdict.after:
            return self.pass_reason(verdict.reason, verdict.pass_mark, verdict.critical)
        code = f"pass-{verdict.reason}" + ("-disqualified" if verdict.disqualified else "")
        said = getattr(verdict, "exit", None)  # the walk-away choice, for the wrong reason
        return self.get(code, mark=verdict.pass_mark, turn=verdict.turn,
                        after=self.items(verdict.after), missing=self.items(verdict.missing),
                        text=self.choice_text(said) if said else "")

    def choice_text(self, key: str) -> str:
        """The words of the choice with engine key `key` ("stakeholder/node/index"; "" if none)."""
        sid, nid, index = key.split("/")
        person = self.scenario.stakeholders.get(sid)
        node = person.conversation.nodes.get(nid) if person else None
        return node.choices[int(index)].text if node is not None and \
            int(index) < len(node.choices) else ""

    def lost(self, code: str, params: dict[str, Any]) -> str:
        """Word a reason points were lost (game/losses.py)."""
        p = dict(params)
        if code in ("decision-maker-not-tagged", "tag-blind", "influencer-not-tagged",
                    "saboteur-not-tagged", "objection-not-heard") and not p:
            return self.get(f"lost-{code}-anon")
        if "benefit" in p:
            p["benefit"] = self.get(f"benefit-{p['benefit']}")
        if "severity" in p:
            p["severity"] = self.get(f"severity-word-{p['severity']}")
        if "key" in p:
            p["text"] = self.choice_text(str(p.pop("key")))
        if "trust" in p:
            p["trust"] = self.number(float(p["trust"]), 2)
        return self.note(f"lost-{code}", p)

    def quote(self, text: str) -> str:
        """Words quoted the way the language does: “…” in English; «…» in Spanish, with quotes
        inside nested as «…“…”…». A text already quoted whole is not quoted twice."""
        if self.language == "es":
            if text.startswith("«") and text.endswith("»"):
                text = text[1:-1]
            return "«" + text.replace("«", "“").replace("»", "”") + "»"
        if text.startswith("“") and text.endswith("”"):
            return text
        return f"“{text}”"

    def par(self, total: float, exact: bool) -> str:
        """Par as shown: `91.9`, or `≈95.5` when only the best found (a decimal comma in Spanish)."""
        return ("" if exact else "≈") + self.number(total)

    def number(self, value: float, digits: int = 1) -> str:
        """A figure the way the language writes it (a decimal comma in Spanish, but not in
        Mexico, Central America and the Caribbean: `POINT_DECIMALS`)."""
        text = f"{value:.{digits}f}"
        return text.replace(".", ",") if self._comma else text

    def missed(self, code: str, turn: int, params: dict[str, Any]) -> str:
        """Word a missed opportunity."""
        return self.note(f"missed-{code}", {**params, "turn": turn})


_LABEL = re.compile(r"\s*\[([^\[\]\n]{1,40})\]\s*")


def tactic_label(text: str) -> tuple[str, str]:
    """(label, words) of an option's text: "[Pitch] It saves…" → ("Pitch", "It saves…");
    ("", text) when it has no label (or nothing would be left to say). A tutorial names each
    option's tactic so; the label is shown beside the option, never spoken."""
    found = _LABEL.match(text)
    if found is None or found.end() == len(text):
        return "", text
    return found.group(1).strip(), text[found.end():]
