"""What the trainer's tools say — `validate`, `analyze` and `new` — in English and Spanish.

Problems and findings are values: a code, a place, and the words as a `Msg` (a catalog key and
its parameters). Only when they are shown are the words put in a language:

    Msg("unknown-need", ...).render("es")
    → "«license» no es ninguna necesidad (de `needs:`): corrige cómo está escrita o añádela
       — ¿quizá querías decir «licence»?"

`_TEXT` is the catalog: one entry per key, its English and its Spanish (of Spain: «» for quotes,
¿ ¡ and every accent), with the same placeholders (tests/test_messages_lang.py checks both, for
every code a rule, the loader or the YAML reader can give). A key is a problem's code, or the code
and a variant after a dot (`unknown-node.start`). A parameter is a plain value, or a value that
renders itself per language: a nested `Msg`, `Ids` (quoted names), `Shown` (a value from the
file, quoted) or `Trimmed` (a message without its final full stop).

The English of a problem is worked out once, when it is made (`Problem.message`), so sorting,
comparing and the English output stay as they were. Problems made by code that words them in
English only (the YAML reader, game/yamlsafe.py) are read back against the catalog's English
(`read_back`) to find their parameters.

Which language: `--lang` when given; else the scenario's `language:` (its base: `es-MX` → `es`);
for a file that cannot be read far enough to know, `fallback_language()` — QUALIFIED_LANG, else
the `[class] language` of settings.toml, else English.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from string import Formatter
from typing import Any

LANGUAGES = ("en", "es")
ENV_LANG = "QUALIFIED_LANG"


# --- values ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Msg:
    """Words not yet put in a language: a catalog key and its parameters (name, value) pairs."""

    key: str
    params: tuple[tuple[str, Any], ...] = ()

    def render(self, language: str = "en") -> str:
        """The words in `language` (English when the catalog has no such language)."""
        entry = _TEXT[self.key]
        template = entry.get(language) or entry["en"]
        values = {name: _shown(value, language) for name, value in self.params}
        return template.format_map(values)

    def param(self, name: str, default: Any = None) -> Any:
        """One parameter's value."""
        return dict(self.params).get(name, default)


def msg(key: str, /, **params: Any) -> Msg:
    """`Msg(key, params)`, written as keywords."""
    return Msg(key, tuple(params.items()))


NOTHING = Msg("nothing")  # an optional part left out ("" in every language)


@dataclass(frozen=True)
class Ids:
    """Names from the file, each quoted ('a', 'b' in English; «a», «b» in Spanish)."""

    items: tuple[str, ...]

    def render(self, language: str = "en") -> str:
        """The quoted names, separated by commas."""
        return ", ".join(quote(item, language) for item in self.items)


@dataclass(frozen=True)
class Shown:
    """A value as the file has it: text quoted and cut at 40 characters, numbers as written."""

    value: Any

    def render(self, language: str = "en") -> str:
        """`'four'` in English (Python's quoting, as the messages always had), `«four»` in
        Spanish; anything but text as Python writes it."""
        if language == "es" and isinstance(self.value, str):
            text = self.value if len(self.value) <= 38 else self.value[:37] + "…"
            return f"«{text}»"
        text = repr(self.value)
        return text if len(text) <= 40 else text[:37] + "…'"


@dataclass(frozen=True)
class Num:
    """A figure worked out (a trust, a share): 0.45 in English, 0,45 in Spanish; at most
    `digits` decimals, none when whole."""

    value: float
    digits: int = 2

    def render(self, language: str = "en") -> str:
        """The figure as the language writes it."""
        text = f"{round(self.value, self.digits):g}"
        return text.replace(".", ",") if language == "es" else text


@dataclass(frozen=True)
class Joined:
    """Several parts (words or plain text), each in the language, joined by `separator`."""

    parts: tuple[Any, ...]
    separator: str = ", "

    def render(self, language: str = "en") -> str:
        """The parts, rendered and joined."""
        return self.separator.join(str(_shown(part, language)) for part in self.parts)


@dataclass(frozen=True)
class Trimmed:
    """Words without their final full stop (to go on inside another sentence)."""

    words: Any

    def render(self, language: str = "en") -> str:
        """The words, in `language`, less a trailing '.'."""
        return str(_shown(self.words, language)).rstrip(".")


def quote(word: str, language: str = "en") -> str:
    """A name from the file, quoted: 'x' in English, «x» in Spanish."""
    return f"«{word}»" if language == "es" else f"'{word}'"


def _shown(value: Any, language: str) -> Any:
    render = getattr(value, "render", None)
    return render(language) if callable(render) else value


def did_you_mean(word: str, options: Iterable[str], *, cutoff: float = 0.6) -> Msg | None:
    """The " — did you mean 'x'?" hint when one of `options` is close to `word`, else None."""
    import difflib

    close = difflib.get_close_matches(word, list(options), n=1, cutoff=cutoff)
    return msg("hint.mean", word=close[0]) if close else None


def plural(key: str, count: int, /, **params: Any) -> Msg:
    """`key.one` for a count of 1, else `key.many`, with `n` = the count."""
    return msg(f"{key}.{'one' if count == 1 else 'many'}", n=count, **params)


# --- which language ----------------------------------------------------------------------------

def base_language(tag: Any) -> str | None:
    """'en' or 'es' from a language tag ('es', 'es-MX', 'en_GB'…), or None for anything else."""
    if not isinstance(tag, str):
        return None
    base = re.split(r"[-_]", tag.strip(), maxsplit=1)[0].lower()
    return base if base in LANGUAGES else None


_LANGUAGE_LINE = re.compile(r"^language:[ \t]*[\"']?([A-Za-z]{2}(?:[-_][A-Za-z0-9]{2,8})?)"
                            r"[\"']?[ \t]*(?:#.*)?\r?$", re.M)


def language_in_text(text: str) -> str | None:
    """The language a scenario's text declares on a `language:` line at the left margin, for a
    file too broken to read as YAML; None when there is no such line."""
    found = _LANGUAGE_LINE.search(text.lstrip("\ufeff"))
    return base_language(found.group(1)) if found else None


def fallback_language() -> str:
    """The trainer's language when the scenario does not tell: QUALIFIED_LANG, else the
    `[class] language` of settings.toml, else English. A broken settings file is not this
    command's business (`report` and `sync` say what is wrong with it): it is passed over."""
    chosen = base_language(os.environ.get(ENV_LANG))
    if chosen is not None:
        return chosen
    try:
        from game.settings import load_settings  # only now: it imports the store's paths

        return base_language(load_settings().language) or "en"
    except Exception:  # noqa: BLE001 — any unusable settings file means "not set" here
        return "en"


# --- reading English back ----------------------------------------------------------------------

def read_back(code: str, message: str) -> Msg | None:
    """The `Msg` whose English is `message`, among the keys of `code` (the code, or the code and
    a variant), or None. For problems made by code that words them only in English (the YAML
    reader, game/lint/qualification.py). A `hint` read back is itself read back ("— did you
    mean 'x'?"), so it is in the language too."""
    for key, pattern in _patterns(code):
        found = pattern.fullmatch(message)
        if found is not None:
            params = found.groupdict()
            if "hint" in params:
                params["hint"] = _hint(params["hint"])
            return Msg(key, tuple(params.items()))
    return None


def _hint(text: str) -> Any:
    """An English hint as words: `hint.mean`, `hint.existing` (its names as `Ids`)…"""
    if not text:
        return NOTHING
    words = read_back("hint", text)
    if words is None:
        return text
    if words.key == "hint.existing":
        listed = Ids(tuple(re.findall(r"'([^']*)'", str(words.param("listed")))))
        return msg("hint.existing", listed=listed)
    return words


@lru_cache(maxsize=None)
def _patterns(code: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The English of each key of `code` as a pattern, the one with the most fixed words first
    (so `undeclared-item.none`, which says "none yet", is tried before `undeclared-item`)."""
    out = []
    for key in _TEXT:
        if key != code and not key.startswith(code + "."):
            continue
        regex, fixed = [], 0
        for literal, field, _spec, _conv in Formatter().parse(_TEXT[key]["en"]):
            regex.append(re.escape(literal))
            fixed += len(literal)
            if field is not None:
                group = f"(?P={field})" if f"(?P<{field}>" in "".join(regex) else \
                    f"(?P<{field}>.*?)"
                regex.append(group)
        out.append((-fixed, key, re.compile("".join(regex), re.S)))
    return tuple((key, pattern) for _, key, pattern in sorted(out))


def placeholders(template: str) -> set[str]:
    """The names a template fills in."""
    return {field for _, field, _, _ in Formatter().parse(template) if field is not None}


# --- the catalog -------------------------------------------------------------------------------
# English first, exactly as the tools always said it; then the Spanish. A literal brace is
# written twice ({{ }}), as str.format wants.

_TEXT: dict[str, dict[str, str]] = {
    "nothing": {"en": "", "es": ""},

    # hints and small parts
    "hint.mean": {"en": " — did you mean '{word}'?", "es": " — ¿quizá querías decir «{word}»?"},
    "hint.existing": {"en": " (the ones that exist: {listed})", "es": " (existen: {listed})"},
    "hint.none-yet": {"en": " (there are none yet)", "es": " (aún no se ha declarado nada)"},
    "hint.set-flags": {
        "en": " — set it with `set_flags` in some choice's effects",
        "es": " — actívalo con `set_flags` en los efectos de alguna opción"},
    "field.named": {"en": "'{name}'", "es": "«{name}»"},
    "field.none": {"en": "the value", "es": "el valor"},
    "where.in": {"en": " in '{name}'", "es": " en «{name}»"},
    "where.top": {"en": " at the top level", "es": " en el nivel superior"},
    "value.none": {"en": "nothing (an empty value)", "es": "nada (un valor vacío)"},
    "value.bool": {"en": "{value} (true/false)", "es": "{value} (true/false)"},
    "value.number": {"en": "the number {value}", "es": "el número {value}"},
    "value.text": {"en": "the text {shown}", "es": "el texto {shown}"},
    "value.list": {"en": "a list", "es": "una lista"},
    "value.mapping": {"en": "a mapping", "es": "un mapa de claves"},
    "value.other": {"en": "{kind}", "es": "{kind}"},
    "type.text": {"en": "text", "es": "un texto"},
    "type.whole": {"en": "a whole number", "es": "un número entero"},
    "type.number": {"en": "a number", "es": "un número"},
    "type.bool": {"en": "true or false", "es": "true o false"},
    "type.mapping": {
        "en": "a mapping (key: value lines)",
        "es": "un mapa de claves (líneas clave: valor)"},
    "type.list": {
        "en": "a list (lines starting with '- ')",
        "es": "una lista (líneas que empiezan por '- ')"},
    "indent.margin": {"en": "at the left margin", "es": "en el margen izquierdo"},
    "indent.spaces.one": {"en": "indented by {n} space", "es": "sangrada {n} espacio"},
    "indent.spaces.many": {"en": "indented by {n} spaces", "es": "sangrada {n} espacios"},
    "kind.list": {"en": "list", "es": "la lista"},
    "kind.mapping": {"en": "dictionary", "es": "el mapa"},

    # --- reading the file (game/yamlsafe.py words these in English; read back) ---
    "no-file": {
        "en": "no such file — check the path and its spelling",
        "es": "no existe ese archivo: revisa la ruta y cómo está escrita"},
    "no-file.nul": {
        "en": "this path holds a character no file name can hold — check the path",
        "es": "esta ruta tiene un carácter que ningún nombre de archivo puede tener: revisa la "
              "ruta"},
    "no-file.folder": {
        "en": "no such file or folder — check the path and its spelling",
        "es": "no existe ese archivo ni esa carpeta: revisa la ruta y cómo está escrita"},
    "is-folder": {
        "en": "this is a folder, not a scenario file",
        "es": "esto es una carpeta, no un archivo de escenario"},
    "no-scenarios": {
        "en": "this folder holds no scenario files (.yaml or .yml)",
        "es": "esta carpeta no tiene archivos de escenario (.yaml o .yml)"},
    "unreadable": {
        "en": "cannot read the file: {reason}",
        "es": "no se puede leer el archivo: {reason}"},
    "too-large": {
        "en": "the file is {size} MB; scenarios are capped at {cap} MB — split it or remove unused "
              "material",
        "es": "el archivo ocupa {size} MB y un escenario puede ocupar como mucho {cap} MB: "
              "divídelo o quita el material que no se usa"},
    "too-large.over": {
        "en": "the file is over {cap} MB; scenarios are capped at that size",
        "es": "el archivo ocupa más de {cap} MB, el máximo para un escenario"},
    "not-utf8": {
        "en": "this is not UTF-8 text (byte 0x{byte}; the file was probably saved as Latin-1 or "
              "Windows-1252) — save it as UTF-8 (in your editor: Save As… → Encoding: UTF-8) and "
              "accents will survive",
        "es": "esto no es texto UTF-8 (byte 0x{byte}; seguramente el archivo se guardó como "
              "Latin-1 o Windows-1252): guárdalo como UTF-8 (en tu editor: Guardar como… → "
              "Codificación: UTF-8) y las tildes se conservarán"},
    "not-utf8.utf16": {
        "en": "the file is saved as UTF-16; save it as UTF-8 (in your editor: Save As… → Encoding: "
              "UTF-8)",
        "es": "el archivo está guardado como UTF-16; guárdalo como UTF-8 (en tu editor: Guardar "
              "como… → Codificación: UTF-8)"},
    "not-utf8.surrogate": {
        "en": "this text holds a broken character (a lone UTF-16 surrogate) that UTF-8 cannot "
              "store — retype the character",
        "es": "este texto tiene un carácter roto (un sustituto UTF-16 suelto) que UTF-8 no puede "
              "guardar: vuelve a escribir ese carácter"},
    "empty": {
        "en": "the file is empty — start from `python main.py new NAME`, which writes a scenario "
              "that validates",
        "es": "el archivo está vacío: empieza con `python main.py new NOMBRE`, que escribe un "
              "escenario válido"},
    "tab": {
        "en": "a tab character is used for indenting here; YAML indents with spaces only — replace "
              "the tabs with spaces",
        "es": "aquí se sangra con un tabulador; YAML solo sangra con espacios: cambia los "
              "tabuladores por espacios"},
    "syntax.control": {
        "en": "the file holds a control character YAML does not allow; delete it or retype the "
              "line",
        "es": "el archivo tiene un carácter de control que YAML no admite: bórralo o vuelve a "
              "escribir la línea"},
    "several-documents": {
        "en": "a second YAML document starts here; keep one scenario per file (remove the `---` "
              "line or split the file)",
        "es": "aquí empieza un segundo documento YAML; deja un escenario por archivo (quita la "
              "línea `---` o divide el archivo)"},
    "alias": {
        "en": "the alias *{name} is refused — write the value out in full; scenarios do not use "
              "anchors or aliases",
        "es": "el alias *{name} no se admite: escribe el valor completo; los escenarios no usan "
              "anclas ni alias"},
    "anchor": {
        "en": "the anchor &{name} is refused — write values out in full; scenarios do not use "
              "anchors or aliases",
        "es": "el ancla &{name} no se admite: escribe los valores completos; los escenarios no "
              "usan anclas ni alias"},
    "tag": {
        "en": "the tag {tag} is not allowed — scenarios hold plain values only and tags are never "
              "run; remove the tag",
        "es": "la etiqueta {tag} no se admite: un escenario solo tiene valores simples y las "
              "etiquetas nunca se ejecutan; quítala"},
    "tag.collection": {
        "en": "the tag {tag} is not allowed — scenarios hold plain values only; remove the tag",
        "es": "la etiqueta {tag} no se admite: un escenario solo tiene valores simples; quítala"},
    "tag.misfit": {
        "en": "the tag !!{kind} does not fit the value {value} — remove the tag",
        "es": "la etiqueta !!{kind} no encaja con el valor {value}: quítala"},
    "tag.key": {
        "en": "the tag {tag} is not allowed on a key",
        "es": "la etiqueta {tag} no se admite en una clave"},
    "complex-key": {
        "en": "a key must be a plain word followed by a colon",
        "es": "una clave debe ser una palabra simple seguida de dos puntos"},
    "duplicate-key": {
        "en": "the key '{key}' appears twice in this mapping (check lines {first} and {second}); "
              "keep one",
        "es": "la clave «{key}» aparece dos veces en este mapa (mira las líneas {first} y "
              "{second}); deja una"},
    "too-deep": {
        "en": "the file nests deeper than {depth} levels; a scenario never needs that — check the "
              "indentation",
        "es": "el archivo anida más de {depth} niveles, algo que un escenario nunca necesita: "
              "revisa la sangría"},
    "control-character": {
        "en": "this text holds the control character U+{code}, written as an escape in double "
              "quotes — a terminal would obey it (change its title, hide text); remove it",
        "es": "este texto tiene el carácter de control U+{code}, escrito como secuencia de escape "
              "entre comillas dobles; un terminal lo obedecería (cambiaría su título, ocultaría "
              "texto): quítalo"},
    "too-many-values": {
        "en": "the file holds more than {count} keys and values — far more than a scenario needs "
              "(a long one holds a few thousand); split it or remove unused material",
        "es": "el archivo tiene más de {count} claves y valores, muchos más de los que necesita un "
              "escenario (uno largo tiene unos pocos miles): divídelo o quita el material que no "
              "se usa"},
    "reload-failed": {
        "en": "the file could not be read again ({error}) — fix it and press F5 again",
        "es": "no se pudo volver a leer el archivo ({error}): corrígelo y pulsa F5 otra vez"},

    # --- slips in the YAML (game/yaml_mistakes.py) ---
    "unclosed-quote": {
        "en": "the text opened with {quote} here is never closed, so everything after it is read "
              "as part of it — add the closing {quote} where the text ends, on this line",
        "es": "el texto que se abre aquí con {quote} no se cierra nunca, así que todo lo que sigue "
              "se lee como parte de él: añade el {quote} de cierre donde acaba el texto, en esta "
              "línea"},
    "unclosed-bracket.list": {
        "en": "the [ opened here is never closed — end the list on this line: {mended}",
        "es": "el corchete [ que se abre aquí no se cierra nunca: termina la lista en esta misma "
              "línea: {mended}"},
    "unclosed-bracket.mapping": {
        "en": "the {{ opened here is never closed — end the mapping on this line: {mended}",
        "es": "la llave {{ que se abre aquí no se cierra nunca: termina el mapa en esta misma "
              "línea: {mended}"},
    "no-space-after-colon": {
        "en": "'{written}' has no space after the colon, so it reads as text, not as the key "
              "'{key}' — write it as {mended}",
        "es": "«{written}» no tiene un espacio después de los dos puntos, así que se lee como "
              "texto y no como la clave «{key}»: escríbelo así: {mended}"},
    "colon-in-text": {
        "en": "the text of '{key}' holds ': ' (a colon and a space), which YAML reads as the start "
              "of another key — put the whole text in double quotes: {key}: \"{shown}\"",
        "es": "el texto de «{key}» tiene ': ' (dos puntos y un espacio), que YAML lee como el "
              "comienzo de otra clave: pon todo el texto entre comillas dobles: {key}: "
              "\"{shown}\""},
    "wrong-indent.top": {
        "en": "'{key}' is {where}, but it belongs at the top level, where keys start at the left "
              "margin — remove the spaces before it",
        "es": "«{key}» está {where}, pero va en el nivel superior, donde las claves empiezan en el "
              "margen izquierdo: quita los espacios de delante"},
    "wrong-indent.under": {
        "en": "'{key}' is {where}, but it belongs under `{parent}:`, whose keys are indented by "
              "{target} spaces — indent this line by {target} spaces{block}",
        "es": "«{key}» está {where}, pero va dentro de `{parent}:`, cuyas claves llevan {target} "
              "espacios de sangría: sangra esta línea {target} espacios{block}"},
    "wrong-indent.under-above": {
        "en": "'{key}' is {where}, but it belongs under the key above it, whose keys are indented "
              "by {target} spaces — indent this line by {target} spaces{block}",
        "es": "«{key}» está {where}, pero va dentro de la clave de encima, cuyas claves llevan "
              "{target} espacios de sangría: sangra esta línea {target} espacios{block}"},
    "wrong-indent.block": {
        "en": " (the lines under it stay as they are)",
        "es": " (las líneas de debajo se quedan como están)"},
    # keys that read but sit at the wrong indentation (game/misplaced.py)
    "wrong-indent.pushed-out": {
        "en": "'{key}' is {where}, so it is not read as one of the {collection}; the entries of "
              "`{collection}:` are indented by {inner} spaces — {how}",
        "es": "«{key}» está {where}, así que no se lee como una de las entradas de "
              "`{collection}:`, que llevan {inner} espacios de sangría: {how}"},
    "wrong-indent.pulled-in": {
        "en": "'{key}' is indented by {col} spaces, so it reads as a new entry beside '{owner}' "
              "instead of a key of '{owner}'; the keys of '{owner}' are indented by {inner} spaces "
              "— {how}",
        "es": "«{key}» lleva {col} espacios de sangría, así que se lee como una entrada nueva "
              "junto a «{owner}» y no como una clave de «{owner}»; las claves de «{owner}» llevan "
              "{inner} espacios: {how}"},
    "how.line": {
        "en": "indent the line '{key}:' by {inner} spaces (the lines under it can stay)",
        "es": "sangra la línea «{key}:» {inner} espacios (las de debajo pueden quedarse como "
              "están)"},
    "how.block": {
        "en": "indent '{key}:' and every line under it by {more} more spaces",
        "es": "sangra «{key}:» y todas las líneas de debajo {more} espacios más"},
    # where reading stopped, in plain words
    "syntax": {
        "en": "the file cannot be read here — check the indentation, the colons and the quotes on "
              "this line and the one before",
        "es": "el archivo no se puede leer aquí: revisa la sangría, los dos puntos y las comillas "
              "de esta línea y de la anterior"},
    "syntax.mapping-values": {
        "en": "the file cannot be read here: a ': ' (a colon and a space) here is read as the "
              "start of a key — if it is part of a text, put the whole text in double quotes; if "
              "it is a key, put it on its own line",
        "es": "el archivo no se puede leer aquí: un ': ' (dos puntos y un espacio) se lee como el "
              "comienzo de una clave; si es parte de un texto, pon todo el texto entre comillas "
              "dobles; si es una clave, ponla en su propia línea"},
    "syntax.expected-key": {
        "en": "the file cannot be read here: this line does not line up with the keys above it — "
              "keys of one mapping start in the same column; check this line's indentation and the "
              "one before",
        "es": "el archivo no se puede leer aquí: esta línea no está alineada con las claves de "
              "encima (las claves de un mismo mapa empiezan en la misma columna); revisa la "
              "sangría de esta línea y de la anterior"},
    "syntax.expected-dash": {
        "en": "the file cannot be read here: this line does not line up with the list above it — "
              "each item starts with '- ' in the same column",
        "es": "el archivo no se puede leer aquí: esta línea no está alineada con la lista de "
              "encima (cada elemento empieza con '- ' en la misma columna)"},
    "syntax.block-end": {
        "en": "the file cannot be read here: this line is indented unlike the lines around it — "
              "line it up with the keys or list items it belongs to",
        "es": "el archivo no se puede leer aquí: esta línea tiene una sangría distinta de las de "
              "alrededor; alinéala con las claves o los elementos de la lista a los que pertenece"},
    "syntax.start-token": {
        "en": "the file cannot be read here: text cannot start with this character unless it is "
              "quoted — put the text in double quotes",
        "es": "el archivo no se puede leer aquí: un texto no puede empezar por este carácter sin "
              "comillas; pon el texto entre comillas dobles"},
    "syntax.expected-colon": {
        "en": "the file cannot be read here: a key here has no ': ' after it — write the key, a "
              "colon and a space, then the value",
        "es": "el archivo no se puede leer aquí: a esta clave no le sigue ': '; escribe la clave, "
              "dos puntos y un espacio, y luego el valor"},
    "syntax.end-of-stream": {
        "en": "the file cannot be read here: the file ends inside a quoted text or a [ … ] / {{ … "
              "}} — close it where it should end",
        "es": "el archivo no se puede leer aquí: el archivo termina dentro de un texto entre "
              "comillas o de un [ … ] / {{ … }}; ciérralo donde deba acabar"},
    "syntax.quoted": {
        "en": "the file cannot be read here: a quoted text here is not closed properly — check its "
              "closing quote",
        "es": "el archivo no se puede leer aquí: un texto entre comillas no se cierra bien; revisa "
              "la comilla de cierre"},
    "syntax.flow": {
        "en": "the file cannot be read here: a [ … ] or {{ … }} here is not written properly — "
              "items are separated by ', ' and it must be closed on the line it opens",
        "es": "el archivo no se puede leer aquí: un [ … ] o {{ … }} no está bien escrito; los "
              "elementos se separan con ', ' y debe cerrarse en la misma línea en que se abre"},
    "syntax.alias": {
        "en": "the file cannot be read here: '*' starts an alias, which scenarios do not use — put "
              "text starting with '*' in quotes",
        "es": "el archivo no se puede leer aquí: '*' empieza un alias, y los escenarios no los "
              "usan; pon entre comillas el texto que empiece por '*'"},
    "syntax.anchor": {
        "en": "the file cannot be read here: '&' starts an anchor, which scenarios do not use — "
              "put text starting with '&' in quotes",
        "es": "el archivo no se puede leer aquí: '&' empieza un ancla, y los escenarios no las "
              "usan; pon entre comillas el texto que empiece por '&'"},
    "syntax.block-scalar": {
        "en": "the file cannot be read here: the text after '|' or '>' must start on the next "
              "line, indented under the key",
        "es": "el archivo no se puede leer aquí: el texto que sigue a '|' o '>' debe empezar en la "
              "línea siguiente, sangrado bajo la clave"},

    # --- the format (game/loader.py) ---
    "not-mapping": {
        "en": "a scenario is a mapping of keys (id:, title:, language:, …), but this file holds "
              "{what} — start from `python main.py new NAME` for the shape",
        "es": "un escenario es un mapa de claves (id:, title:, language:, …), pero este archivo "
              "contiene {what}: parte de `python main.py new NOMBRE` para ver la forma"},
    "missing-key": {
        "en": "missing required key '{key}'{where} — add it",
        "es": "falta la clave obligatoria «{key}»{where}: añádela"},
    "unknown-key": {
        "en": "unknown key '{key}'{where}{hint}",
        "es": "clave desconocida «{key}»{where}{hint}"},
    "bad-id": {
        "en": "'{key}' is not a valid id: use letters, digits, '_' and '-' only (no spaces or "
              "accents), at most 64 characters",
        "es": "«{key}» no es un identificador válido: usa solo letras, cifras, '_' y '-' (sin "
              "espacios ni tildes), 64 caracteres como mucho"},
    "bad-id.value": {
        "en": "{field} is {value}, which is not a valid id: use letters, digits, '_' and '-' only "
              "(no spaces or accents)",
        "es": "{field} vale {value}, que no es un identificador válido: usa solo letras, cifras, "
              "'_' y '-' (sin espacios ni tildes)"},
    "bad-value": {
        "en": "{field} is {value}, but must be one of: {options}{hint}",
        "es": "{field} vale {value}, pero debe ser uno de estos: {options}{hint}"},
    "wrong-type": {
        "en": "{field} must be {kind}, not {value}",
        "es": "{field} debe ser {kind}, no {value}"},
    "wrong-type.finite": {
        "en": "{field} must be a finite number",
        "es": "{field} debe ser un número finito"},
    "out-of-range.ge": {
        "en": "{field} is {value}, but must be at least {bound}",
        "es": "{field} vale {value}, pero debe ser como mínimo {bound}"},
    "out-of-range.le": {
        "en": "{field} is {value}, but must be at most {bound}",
        "es": "{field} vale {value}, pero debe ser como máximo {bound}"},
    "out-of-range.gt": {
        "en": "{field} is {value}, but must be more than {bound}",
        "es": "{field} vale {value}, pero debe ser mayor que {bound}"},
    "out-of-range.lt": {
        "en": "{field} is {value}, but must be less than {bound}",
        "es": "{field} vale {value}, pero debe ser menor que {bound}"},
    "empty-value": {"en": "{field} must not be empty", "es": "{field} no puede estar vacío"},
    "too-long": {
        "en": "{field} is too long: {detail}",
        "es": "{field} es demasiado largo: {detail}"},
    "too-long.stakeholders": {
        "en": "the buying centre has {count} stakeholders; a scenario holds at most {limit} — a "
              "trainee cannot read more, and analysing the deal would take minutes. Keep the "
              "people who matter to the deal",
        "es": "el centro de compra tiene {count} personas y un escenario admite como mucho "
              "{limit}: quien juega no puede leer más, y analizar la venta llevaría minutos. Deja "
              "a las personas que importan para la venta"},
    "count.more": {"en": "more than that", "es": "demasiadas"},
    "detail.string.one": {
        "en": "string should have at most {n} character",
        "es": "debe tener como mucho {n} carácter"},
    "detail.string.many": {
        "en": "string should have at most {n} characters",
        "es": "debe tener como mucho {n} caracteres"},
    "detail.items.one": {
        "en": "{kind} should have at most {n} item after validation, not {actual}",
        "es": "{kind} debe tener como mucho {n} elemento, no {actual}"},
    "detail.items.many": {
        "en": "{kind} should have at most {n} items after validation, not {actual}",
        "es": "{kind} debe tener como mucho {n} elementos, no {actual}"},
    "invalid": {"en": "{field}: {detail}", "es": "{field}: {detail}"},

    # --- the meaning (game/lint/) ---
    "unknown-need": {
        "en": "'{word}' is not a need (under `needs:`): fix the spelling or add it{hint}",
        "es": "«{word}» no es ninguna necesidad (de `needs:`): corrige cómo está escrita o "
              "añádela{hint}"},
    "unknown-stakeholder": {
        "en": "'{word}' is not a stakeholder (under `stakeholders:`): fix the spelling or add "
              "it{hint}",
        "es": "«{word}» no es ninguna persona (de `stakeholders:`): corrige cómo está escrita o "
              "añádela{hint}"},
    "unknown-objection": {
        "en": "'{word}' is not an objection (under `objections:`): fix the spelling or add "
              "it{hint}",
        "es": "«{word}» no es ninguna objeción (de `objections:`): corrige cómo está escrita o "
              "añádela{hint}"},
    "unknown-node.start": {
        "en": "'{word}' is not a node of {name}'s conversation, so the meeting cannot start: fix "
              "the spelling or add it{hint}",
        "es": "«{word}» no es ningún nodo de la conversación de {name}, así que la reunión no "
              "puede empezar: corrige cómo está escrito o añádelo{hint}"},
    "unknown-node.elsewhere": {
        "en": "'{word}' is not a node of {name}'s conversation (it is in {other}'s; a choice moves "
              "only within its own conversation, or to `end`): fix the spelling or add it{hint}",
        "es": "«{word}» no es ningún nodo de la conversación de {name} (está en la de {other}; una "
              "opción solo lleva a nodos de su propia conversación, o a `end`): corrige cómo está "
              "escrito o añádelo{hint}"},
    "unknown-node": {
        "en": "'{word}' is not a node of {name}'s conversation (nor `end`): fix the spelling or "
              "add it{hint}",
        "es": "«{word}» no es ningún nodo de la conversación de {name} (ni `end`): corrige cómo "
              "está escrito o añádelo{hint}"},
    "self-influence": {
        "en": "{name} is listed as influencing themself; `influences` names the other people this "
              "stakeholder sways — remove this line",
        "es": "{name} aparece en su propia lista de `influences`, que nombra a las otras personas "
              "en las que influye: quita esta línea"},
    "duplicate-id": {
        "en": "choice {n} of node '{node}' has the id '{id}', like choice {first}; each choice of "
              "a node needs its own id — rename one",
        "es": "la opción {n} del nodo «{node}» tiene el identificador «{id}», igual que la opción "
              "{first}; cada opción de un nodo necesita el suyo: cambia uno"},
    "duplicate-text": {
        "en": "choice {n} of node '{node}' has the same text as choice {first}, so the trainee "
              "sees two identical options — reword one or remove it",
        "es": "la opción {n} del nodo «{node}» tiene el mismo texto que la opción {first}, así que "
              "quien juega ve dos opciones iguales: reescribe una o quítala"},
    "pitch-without-needs": {
        "en": "this choice is a pitch but pitches no need, so it can never count as a relevant "
              "pitch — add `effects: {{pitch: [need_id]}}` or change the tactic",
        "es": "esta opción es una presentación (pitch) pero no presenta ninguna necesidad, así que "
              "nunca contará como presentación pertinente: añade `effects: {{pitch: [need_id]}}` o "
              "cambia la táctica"},
    "pitch-on-other-tactic": {
        "en": "this choice pitches needs but its tactic is '{tactic}' — set `tactic: pitch`, or "
              "remove `pitch:` from its effects",
        "es": "esta opción presenta necesidades pero su táctica es «{tactic}»: pon `tactic: pitch` "
              "o quita `pitch:` de sus efectos"},
    "counter-without-objection": {
        "en": "this choice is a counter but answers no objection — add `effects: {{counter: "
              "{{objection: objection_id, using: counter_id}}}}` or change the tactic",
        "es": "esta opción es una respuesta a una objeción (counter) pero no responde a ninguna: "
              "añade `effects: {{counter: {{objection: objection_id, using: counter_id}}}}` o "
              "cambia la táctica"},
    "counter-on-other-tactic": {
        "en": "this choice counters an objection but its tactic is '{tactic}' — set `tactic: "
              "counter`, or remove `counter:` from its effects",
        "es": "esta opción responde a una objeción pero su táctica es «{tactic}»: pon `tactic: "
              "counter` o quita `counter:` de sus efectos"},
    "introduction-without-anyone": {
        "en": "this choice asks for an introduction but introduces nobody — add `effects: "
              "{{introduce: [stakeholder_id]}}` or change the tactic",
        "es": "esta opción pide una presentación pero no presenta a nadie: añade `effects: "
              "{{introduce: [stakeholder_id]}}` o cambia la táctica"},
    "referral-in-conversation": {
        "en": "the game asks for the referral itself after a won close (set it up under the "
              "top-level `referral:`); a referral choice inside a conversation is never scored as "
              "one — use another tactic or remove the choice",
        "es": "el juego pide la referencia por sí mismo después de un cierre ganado (se configura "
              "en `referral:`, en el nivel superior); una opción de referencia dentro de una "
              "conversación nunca puntúa como tal: usa otra táctica o quita la opción"},
    "event-without-person": {
        "en": "`{field}` in an event has no one to apply to: it means \"the person being met\", "
              "and events happen between meetings — use `{field}_of: {{stakeholder_id: amount}}`",
        "es": "`{field}` en un evento no tiene a quién aplicarse: significa «la persona de la "
              "reunión», y los eventos ocurren entre reuniones; usa `{field}_of: {{stakeholder_id: "
              "cantidad}}`"},
    "event-without-person.if": {
        "en": "`{field}` in an event's `if:` always holds: it tests \"the person being met\", and "
              "events happen between meetings — use a flag set by a choice instead",
        "es": "`{field}` en el `if:` de un evento siempre se cumple: mira a «la persona de la "
              "reunión», y los eventos ocurren entre reuniones; usa en su lugar un indicador "
              "(flag) que active una opción"},
    "event-trainee-action": {
        "en": "`{field}` in an event is scored as the trainee's own {field} (and as a mistake, "
              "since nobody is being met) — move it to a choice",
        "es": "`{field}` en un evento puntúa como si lo hiciera quien juega (y como un error, "
              "porque no hay nadie en la reunión): pásalo a una opción"},
    "unreachable-node": {
        "en": "node '{node}' of {name}'s conversation is never reached: no choice on the way from "
              "`start: {start}` has `next: {node}` — link to it or remove it",
        "es": "al nodo «{node}» de la conversación de {name} nunca se llega: ninguna opción en el "
              "camino desde `start: {start}` tiene `next: {node}`; enlázalo o quítalo"},
    "never-introduced": {
        "en": "{name} can only be met after an introduction, but no choice or event introduces "
              "them — add `effects: {{introduce: [{sid}]}}` to someone's introduction choice, or "
              "set `requires_introduction: false`",
        "es": "solo es posible reunirse con {name} después de una presentación, pero ninguna "
              "opción ni ningún evento hace esa presentación: añade `effects: {{introduce: "
              "[{sid}]}}` a la opción de presentación de alguien, o pon `requires_introduction: "
              "false`"},
    "dead-end": {
        "en": "node '{node}' of {name}'s conversation has no choices and does not end the meeting, "
              "so the meeting stops here with nothing to say — add choices or `end: true`",
        "es": "el nodo «{node}» de la conversación de {name} no tiene opciones y no termina la "
              "reunión, así que la reunión se queda aquí sin nada que decir: añade opciones o "
              "`end: true`"},
    "end-with-choices": {
        "en": "node '{node}' ends the meeting, so its {n} choice(s) are never offered — remove "
              "`end: true` or move the choices to another node",
        "es": "el nodo «{node}» termina la reunión, así que sus {n} opciones nunca se ofrecen: "
              "quita `end: true` o pasa las opciones a otro nodo"},
    "need-never-revealed": {
        "en": "need '{need}' is never revealed, so the trainee can never discover it — add "
              "`effects: {{reveal_needs: [{need}]}}` to a discovery choice",
        "es": "la necesidad «{need}» nunca se revela, así que quien juega no puede descubrirla: "
              "añade `effects: {{reveal_needs: [{need}]}}` a una pregunta de descubrimiento"},
    "need-without-holder": {
        "en": "no stakeholder has need '{need}' in `cares_about`, so pitching it can never be "
              "relevant to anyone — add it to the `cares_about` of whoever feels this pain",
        "es": "nadie tiene la necesidad «{need}» en `cares_about`, así que presentarla nunca será "
              "pertinente para nadie: añádela al `cares_about` de quien sufra ese problema"},
    "no-working-counter": {
        "en": "{name}'s objection '{objection}' can never be answered: no choice has `effects: "
              "{{counter: {{objection: {objection}, using: …}}}}` with `using` one of its counters "
              "({counters}) — add such a counter choice",
        "es": "la objeción «{objection}» de {name} nunca puede responderse: ninguna opción tiene "
              "`effects: {{counter: {{objection: {objection}, using: …}}}}` con un `using` de sus "
              "respuestas ({counters}); añade una opción así"},
    "objection-never-raised": {
        "en": "objection '{objection}' is never raised: no choice or event lists it in "
              "`raise_objections` — raise it somewhere or remove it",
        "es": "la objeción «{objection}» nunca se plantea: ninguna opción ni ningún evento la pone "
              "en `raise_objections`; plantéala en algún sitio o quítala"},
    "nobody-to-meet": {
        "en": "every stakeholder requires an introduction, so the trainee cannot hold a first "
              "meeting — let at least one person be met without one",
        "es": "todas las personas necesitan una presentación, así que quien juega no puede tener "
              "una primera reunión: permite reunirse con al menos una persona sin presentación"},
    "cannot-win.no-decision-maker": {
        "en": "nobody has `role: decision_maker`, so no close can ever succeed — give the person "
              "who signs off that role",
        "es": "nadie tiene `role: decision_maker`, así que ningún cierre puede salir bien: da ese "
              "papel a quien firma"},
    "several-decision-makers": {
        "en": "{name} is a decision-maker, and so is {first}; a scenario has exactly one — make "
              "the others influencers (or another role)",
        "es": "{name} decide, y {first} también; un escenario tiene exactamente una persona que "
              "decide: haz que las demás sean influyentes (u otro papel)"},
    "cannot-win.no-close": {
        "en": "cannot be won: {name} is the decision-maker, but no choice in their conversation "
              "has `tactic: close` — add a close attempt",
        "es": "no se puede ganar: {name} es quien decide, pero ninguna opción de su conversación "
              "tiene `tactic: close`; añade un intento de cierre"},
    "cannot-win.no-hint": {
        "en": "cannot be won: no clear role hint (one not marked `vague`) is about {name}, so the "
              "trainee can never establish who has authority — add `role_hints: [{{about: {sid}, "
              "text: …}}]` to an authority question's effects",
        "es": "no se puede ganar: ninguna pista clara de papel (sin `vague`) habla de {name}, así "
              "que quien juega nunca puede confirmar quién tiene la autoridad; añade `role_hints: "
              "[{{about: {sid}, text: …}}]` a los efectos de una pregunta de autoridad"},
    "cannot-win.interest": {
        "en": "cannot be won: a close needs interest {needed}, but all the choices and events "
              "together can only build {reachable} (counting +1 for each need that can be pitched "
              "to someone who cares about it) — lower `close.interest` or add interest to more "
              "choices",
        "es": "no se puede ganar: un cierre necesita un interés de {needed}, pero entre todas las "
              "opciones y eventos solo se llega a {reachable} (contando +1 por cada necesidad que "
              "se puede presentar a quien le importa); baja `close.interest` o añade interés a más "
              "opciones"},
    "cannot-win.interest-turns": {
        "en": "cannot be won: in format 1.3 interest builds one level a meeting, so a close "
              "needing interest {needed} waits for meeting {needed}, but the deal has only {turns} "
              "— lower `close.interest` or raise `turns`",
        "es": "no se puede ganar: en el formato 1.3 el interés sube un nivel por reunión, así que "
              "un cierre que necesita un interés de {needed} espera a la reunión {needed}, pero el "
              "trato solo tiene {turns}; baja `close.interest` o sube `turns`"},
    "cannot-win.needs": {
        "en": "cannot be won: a close needs {needed} discovered need(s), but only {revealable} can "
              "ever be revealed — lower `close.needs` or reveal more needs with `reveal_needs`",
        "es": "no se puede ganar: un cierre necesita {needed} necesidades descubiertas, pero solo "
              "se pueden revelar {revealable}; baja `close.needs` o revela más necesidades con "
              "`reveal_needs`"},
    "cannot-win.introduction": {
        "en": "cannot be won: {name}, the decision-maker, can only be met after an introduction "
              "and nothing introduces them — add `introduce: [{sid}]` to someone's introduction "
              "choice",
        "es": "no se puede ganar: con {name}, que decide, solo es posible reunirse después de una "
              "presentación, y nada hace esa presentación; añade `introduce: [{sid}]` a la opción "
              "de presentación de alguien"},
    "cannot-win.objection-decides": {
        "en": "once raised, objection '{objection}' blocks every close (it comes from {name}, who "
              "decides), and no choice answers it with one of its counters — add a counter choice",
        "es": "una vez planteada, la objeción «{objection}» bloquea cualquier cierre (viene de "
              "{name}, que decide), y ninguna opción la responde con una de sus respuestas: añade "
              "una opción de respuesta"},
    "cannot-win.objection-sways": {
        "en": "once raised, objection '{objection}' blocks every close (it comes from {name}, who "
              "sways the decision-maker), and no choice answers it with one of its counters — add "
              "a counter choice",
        "es": "una vez planteada, la objeción «{objection}» bloquea cualquier cierre (viene de "
              "{name}, que influye en quien decide), y ninguna opción la responde con una de sus "
              "respuestas: añade una opción de respuesta"},
    "flag-never-set": {
        "en": "flag '{flag}' is tested here but nothing ever sets it, so this never holds{hint}",
        "es": "aquí se comprueba el indicador «{flag}», pero nada lo activa nunca, así que nunca "
              "se cumple{hint}"},
    "variants-sampled": {
        "en": "{total} cast × need-set combinations: only {checked} of them, evenly spaced, were "
              "checked — fewer alternatives keep every variant checked",
        "es": "{total} combinaciones de reparto × conjunto de necesidades: solo se han comprobado "
              "{checked}, repartidas por igual; con menos alternativas se comprueban todas las "
              "variantes"},
    "in-variant": {
        "en": "in {which}: {message} (see line {line}, {code})",
        "es": "en {which}: {message} (mira la línea {line}, {code})"},
    "which.cast": {"en": "cast {i}/{n}", "es": "el reparto {i}/{n}"},
    "which.needs": {"en": "need set {i}/{n}", "es": "el conjunto de necesidades {i}/{n}"},
    "which.variants": {"en": "variant {names}{more}", "es": "la variante {names}{more}"},
    "which.more": {"en": " and {n} more", "es": " y {n} más"},
    "variant.cast": {"en": "cast {i}/{n}", "es": "reparto {i}/{n}"},
    "variant.needs": {"en": "needs {i}/{n}", "es": "necesidades {i}/{n}"},
    "variant.stance": {"en": "stance {who} {value}", "es": "postura de {who} {value}"},
    "variant.as-written": {"en": "as written", "es": "tal como está escrito"},
    "unknown-stakeholder.cast": {
        "en": "'{word}' is no stakeholder (under `stakeholders:`) — a cast gives roles to the "
              "people of the scenario: {people}",
        "es": "«{word}» no es ninguna persona (de `stakeholders:`): un reparto da papeles a las "
              "personas del escenario: {people}"},
    "unknown-stakeholder.cast-introduction": {
        "en": "'{word}' is no stakeholder (under `stakeholders:`) — `needs_introduction` lists "
              "people of the scenario: {people}",
        "es": "«{word}» no es ninguna persona (de `stakeholders:`): `needs_introduction` enumera "
              "personas del escenario: {people}"},
    "unknown-stakeholder.stances": {
        "en": "'{word}' is no stakeholder (under `stakeholders:`) — `stances:` gives a "
              "starting-stance range to people of the scenario",
        "es": "«{word}» no es ninguna persona (de `stakeholders:`): `stances:` da un intervalo de "
              "postura inicial a personas del escenario"},
    "duplicate-cast-name": {
        "en": "two casts are named '{name}' — a trainer picks a cast by its name (`play --cast "
              "NAME`), so each needs its own",
        "es": "hay dos repartos que se llaman «{name}»: se elige un reparto por su nombre (`play "
              "--cast NOMBRE`), así que cada uno necesita el suyo"},
    "unknown-need.need-set": {
        "en": "'{word}' is no need (under `needs:`; declared: {known}) — a need set lists which "
              "declared needs are active",
        "es": "«{word}» no es ninguna necesidad (de `needs:`; declaradas: {known}): un conjunto de "
              "necesidades enumera cuáles de las declaradas están activas"},
    "none-declared": {"en": "none declared", "es": "ninguna"},
    "bad-range": {
        "en": "the stance range of '{who}' runs backwards ({low} > {high}) — write it [low, high]: "
              "[{high}, {low}]",
        "es": "el intervalo de postura de «{who}» va al revés ({low} > {high}): escríbelo [mínimo, "
              "máximo]: [{high}, {low}]"},

    # --- validate's closing count ---
    "validate.summary": {
        "en": "{files}: {errors}, {warnings}",
        "es": "{files}: {errors}, {warnings}"},
    "validate.files.one": {
        "en": "{n} scenario file checked",
        "es": "{n} archivo de escenario revisado"},
    "validate.files.many": {
        "en": "{n} scenario files checked",
        "es": "{n} archivos de escenario revisados"},
    "validate.errors.one": {"en": "{n} error", "es": "{n} error"},
    "validate.errors.many": {"en": "{n} errors", "es": "{n} errores"},
    "validate.warnings.one": {"en": "{n} warning", "es": "{n} aviso"},
    "validate.warnings.many": {"en": "{n} warnings", "es": "{n} avisos"},

    # --- new ---
    "new.not-a-name": {
        "en": "new: '{name}' is not a file name — give a name such as harbour-dental; the file is "
              "written in the current folder (cd there first)",
        "es": "new: «{name}» no es un nombre de archivo: da un nombre como clinica-dental; el "
              "archivo se escribe en la carpeta actual (entra antes en ella con cd)"},
    "new.no-id": {
        "en": "new: '{name}' has no letter or digit to make an id from — give a name such as "
              "harbour-dental",
        "es": "new: «{name}» no tiene ninguna letra ni cifra con la que hacer un identificador: da "
              "un nombre como clinica-dental"},
    "new.exists": {
        "en": "new: {file} already exists here — nothing was written. Pick another name, or move "
              "the old file away first.",
        "es": "new: {file} ya existe aquí, así que no se ha escrito nada. Elige otro nombre o "
              "mueve antes el archivo antiguo a otro sitio."},
    "new.cannot-write": {
        "en": "new: cannot write {file}: {reason}",
        "es": "new: no se puede escribir {file}: {reason}"},
    "new.wrote": {
        "en": "wrote {file} — check it with: python main.py validate --strict {file}",
        "es": "escrito {file}; compruébalo con: python main.py validate --strict {file}"},

    # --- analyze: findings (game/analysis/findings.py) ---
    "finding.never-met": {
        "en": "{name} can never be met: they need an introduction and nothing reachable introduces "
              "them",
        "es": "con {name} nunca hay reunión: hace falta una presentación y nada alcanzable la "
              "hace"},
    "finding.unreachable-node": {
        "en": "node '{node}' of {name}'s conversation is never reached: no `next:` on the way from "
              "`start` leads to it",
        "es": "al nodo «{node}» de la conversación de {name} nunca se llega: ningún `next:` del "
              "camino desde `start` lleva a él"},
    "finding.dead-end": {
        "en": "node '{node}' of {name}'s conversation is a dead end: no choices and no `end: true`",
        "es": "el nodo «{node}» de la conversación de {name} es un callejón sin salida: no tiene "
              "opciones ni `end: true`"},
    "finding.need-never-revealed": {
        "en": "need '{need}' (“{text}”) is never revealed: nothing lists it in `reveal_needs`",
        "es": "la necesidad «{need}» («{text}») nunca se revela: nada la pone en `reveal_needs`"},
    "finding.need-never-pitched": {
        "en": "need '{need}' can be found but no reachable choice pitches it to someone who has "
              "it: value pitch cannot reach full marks",
        "es": "la necesidad «{need}» se puede descubrir, pero ninguna opción alcanzable se la "
              "presenta a quien la tiene: la propuesta de valor no puede llegar a la nota máxima"},
    "finding.objection-never-raised": {
        "en": "objection '{objection}' is never raised by anything reachable",
        "es": "nada alcanzable plantea la objeción «{objection}»"},
    "finding.objection-never-answered": {
        "en": "objection '{objection}' can be raised but no reachable choice answers it with one "
              "of its counters",
        "es": "la objeción «{objection}» se puede plantear, pero ninguna opción alcanzable la "
              "responde con una de sus respuestas"},
    "finding.objection-never-answered.saboteur": {
        "en": "objection '{objection}' can be raised but no reachable choice answers it with one "
              "of its counters — {name} is a saboteur, so the saboteurs competency cannot reach "
              "full marks",
        "es": "la objeción «{objection}» se puede plantear, pero ninguna opción alcanzable la "
              "responde con una de sus respuestas; {name} es saboteador/a, así que la competencia "
              "de saboteadores no puede llegar a la nota máxima"},
    "finding.cap-discovery": {
        "en": "discovery cannot reach full marks: {needs} can only be revealed in unreachable "
              "places",
        "es": "el descubrimiento no puede llegar a la nota máxima: nada alcanzable revela {needs}"},
    "finding.cap-no-decision-maker": {
        "en": "closing cannot score: nobody has `role: decision_maker`",
        "es": "el cierre no puede puntuar: nadie tiene `role: decision_maker`"},
    "finding.cap-no-close": {
        "en": "closing cannot score: no reachable choice of {name} (the decision-maker) is a close "
              "attempt",
        "es": "el cierre no puede puntuar: ninguna opción alcanzable de {name} (quien decide) es "
              "un intento de cierre"},
    "finding.never-visited": {
        "en": "node '{node}' of {name}'s conversation: random play never got here in {runs} runs",
        "es": "nodo «{node}» de la conversación de {name}: en {runs} partidas al azar no se llegó "
              "nunca aquí"},
    "finding.never-chosen": {
        "en": "{name}, node '{node}': “{text}” was never chosen in {runs} random runs",
        "es": "{name}, nodo «{node}»: «{text}» no se eligió nunca en {runs} partidas al azar"},
    "competency.discovery": {"en": "discovery", "es": "descubrimiento"},
    "competency.qualification": {"en": "qualification", "es": "cualificación"},
    "competency.saboteurs": {"en": "saboteurs", "es": "saboteadores"},
    "competency.value_pitch": {"en": "value_pitch", "es": "propuesta de valor"},
    "competency.closing": {"en": "closing", "es": "cierre"},
    "competency.relationship": {"en": "relationship", "es": "relación"},
    "finding.in-variant": {"en": " in {variant}", "es": " en la variante {variant}"},
    "finding.cap": {
        "en": "{competency} (par {score} of {top}{variant}): {why}",
        "es": "{competency} (par {score} de {top}{variant}): {why}"},
    "finding.cap-found": {
        "en": "{competency} (best found {score} of {top}{variant}): {why}",
        "es": "{competency} (lo mejor encontrado, {score} de {top}{variant}): {why}"},
    "finding.memorised-path-passes.no-variants": {
        "en": "the best path of one seed, replayed word for word, passes {rate} % of other seeds "
              "(at most {limit} % wanted): every seed has the same decision-maker and saboteur, "
              "so the words that won once win again. Add a top-level `variants:` key with two or "
              "more `casts:` in which someone else decides and someone else sabotages, and gate "
              "the clues and objections on each cast's flag (docs/authoring.md, `variants`)",
        "es": "el mejor camino de una semilla, repetido palabra por palabra, aprueba el {rate} % "
              "de las demás semillas (se busca como mucho un {limit} %): en todas las semillas "
              "decide y sabotea la misma persona, así que las palabras que ganaron una vez "
              "vuelven a ganar. Añade una clave `variants:` en el nivel superior con dos o más "
              "repartos (`casts:`) en los que decida otra persona y sabotee otra, y condiciona "
              "las pistas y las objeciones al flag de cada reparto (docs/authoring.md, "
              "`variants`)"},
    "finding.memorised-path-passes.no-casts": {
        "en": "the best path of one seed, replayed word for word, passes {rate} % of other seeds "
              "(at most {limit} % wanted): `variants:` has fewer than two casts, so every seed "
              "has the same decision-maker and saboteur. Add `casts:` — two or more, in which "
              "someone else decides and someone else sabotages — and gate the clues and "
              "objections on each cast's flag (docs/authoring.md, `variants`)",
        "es": "el mejor camino de una semilla, repetido palabra por palabra, aprueba el {rate} % "
              "de las demás semillas (se busca como mucho un {limit} %): `variants:` tiene menos "
              "de dos repartos, así que en todas las semillas decide y sabotea la misma persona. "
              "Añade `casts:` (dos o más, en los que decida otra persona y sabotee otra) y "
              "condiciona las pistas y las objeciones al flag de cada reparto "
              "(docs/authoring.md, `variants`)"},
    "finding.memorised-path-passes.same-roles": {
        "en": "the best path of one seed, replayed word for word, passes {rate} % of other seeds "
              "(at most {limit} % wanted): every cast has the same decision-maker and the same "
              "saboteurs, so the words that won once win again. Change the casts' `roles:` so "
              "that someone else decides or sabotages in each, and gate the clues and objections "
              "on each cast's flag (docs/authoring.md, `variants`)",
        "es": "el mejor camino de una semilla, repetido palabra por palabra, aprueba el {rate} % "
              "de las demás semillas (se busca como mucho un {limit} %): todos los repartos "
              "tienen la misma persona que decide y los mismos saboteadores, así que las palabras "
              "que ganaron una vez vuelven a ganar. Cambia los `roles:` de los repartos para que "
              "en cada uno decida o sabotee otra persona, y condiciona las pistas y las "
              "objeciones al flag de cada reparto (docs/authoring.md, `variants`)"},
    "finding.memorised-path-passes": {
        "en": "the best path of one seed, replayed word for word, passes {rate} % of other seeds "
              "(at most {limit} % wanted): the casts change who decides or sabotages, but the "
              "same words still win in most of them. Gate the clues, objections and "
              "introductions (`needs_introduction`) on each cast, so that what works with one "
              "decision-maker fails with another, or add a cast (docs/authoring.md, `variants`)",
        "es": "el mejor camino de una semilla, repetido palabra por palabra, aprueba el {rate} % "
              "de las demás semillas (se busca como mucho un {limit} %): los repartos cambian "
              "quién decide o sabotea, pero las mismas palabras siguen ganando en la mayoría. "
              "Condiciona a cada reparto las pistas, las objeciones y las presentaciones "
              "(`needs_introduction`), para que lo que funciona con quien decide en uno falle con "
              "quien decide en otro, o añade un reparto (docs/authoring.md, `variants`)"},
    "finding.strategy-passes": {
        "en": "the content-free strategy '{strategy}' passes {rate} % of seeds (wins {wins} %; at "
              "most {limit} % wanted). It {does}.{example} To make it fail: {fix} "
              "(docs/authoring.md, \"Scores that measure skill\")",
        "es": "la estrategia sin contenido «{strategy}» aprueba el {rate} % de las semillas (gana "
              "el {wins} %; se busca como mucho un {limit} %). Esta estrategia {does}.{example} "
              "Para que falle: {fix} (docs/authoring.md, «Scores that measure skill»)"},
    "finding.strategy-won": {
        "en": " On seed {seed}{variant}, it won, closing with {name} in meeting {turn} of {turns} "
              "(“{text}”) after {choices}, {mistakes}: the close asks for {needs}, interest "
              "{interest} and a stance of {stance}, and it had {had_needs}, interest "
              "{had_interest} and {name}'s stance at {had_stance}.",
        "es": " En la semilla {seed}{variant}, ganó cerrando con {name} en la reunión {turn} de "
              "{turns} («{text}») tras {choices}, {mistakes}: el cierre pide {needs}, interés "
              "{interest} y una postura de {stance}, y tenía {had_needs}, interés {had_interest} "
              "y la postura de {name} en {had_stance}."},
    "finding.strategy-walked": {
        "en": " On seed {seed}{variant}, it walked away in meeting {turn} of {turns} (“{text}”) "
              "after {choices}, {mistakes}, and that was the right call there.",
        "es": " En la semilla {seed}{variant}, se retiró en la reunión {turn} de {turns} "
              "(«{text}») tras {choices}, {mistakes}, y allí era lo correcto."},
    "finding.choices.one": {"en": "{n} choice", "es": "{n} opción"},
    "finding.choices.many": {"en": "{n} choices", "es": "{n} opciones"},
    "finding.mistakes.none": {"en": "none of them a mistake", "es": "ninguna de ellas un error"},
    "finding.mistakes.one": {"en": "{n} of them a mistake", "es": "{n} de ellas un error"},
    "finding.mistakes.many": {"en": "{n} of them mistakes", "es": "{n} de ellas errores"},
    "finding.needs.one": {"en": "{n} need", "es": "{n} necesidad"},
    "finding.needs.many": {"en": "{n} needs", "es": "{n} necesidades"},

    # --- analyze: what each content-free player does, and what defeats it
    # (game/analysis/strategies.py; `strategy.NAME` follows "It …" / "Esta estrategia …")
    "strategy.first": {
        "en": "always takes the first option open, reading nothing",
        "es": "elige siempre la primera opción abierta, sin leer nada"},
    "strategy.first.fix": {
        "en": "the first open option is a safe one almost everywhere — put a tempting mistake "
              "first in some nodes (`quality: mistake`, section 8) and the right move further "
              "down",
        "es": "la primera opción abierta es segura casi en todas partes; pon primero, en algunos "
              "nodos, un error tentador (`quality: mistake`, sección 8) y más abajo lo correcto"},
    "strategy.longest": {
        "en": "always says the longest thing on offer, and meets whoever it has met least",
        "es": "dice siempre lo más largo que se le ofrece y se reúne con quien menos ha visto"},
    "strategy.longest.fix": {
        "en": "the longest option is the right one too often — write some mistakes long and "
              "wordy, and some good answers short",
        "es": "la opción más larga es la correcta demasiadas veces; escribe algunos errores "
              "largos y prolijos, y algunas respuestas buenas cortas"},
    "strategy.tactic-order": {
        "en": "asks its questions first (discovery, authority, introductions), then pitches, "
              "answers objections and makes small talk, and closes as soon as a close is offered "
              "— reading no reply",
        "es": "pregunta primero (descubrimiento, autoridad, presentaciones), luego presenta "
              "valor, responde objeciones y charla, y cierra en cuanto se le ofrece un cierre, "
              "sin leer ninguna respuesta"},
    "strategy.tactic-order.fix": {
        "en": "saying everything in tactic order never falls into a mistake — put mistakes of "
              "every tactic where it looks (a question that pries, a pitch of a need nobody has, "
              "a counter that does not answer), and let the close need what only listening "
              "gives (a higher `close.stance`, an objection that blocks it until rightly "
              "answered)",
        "es": "decirlo todo por orden de táctica nunca cae en un error; pon errores de cada "
              "táctica donde mira (una pregunta indiscreta, una propuesta de una necesidad que "
              "nadie tiene, una respuesta que no responde) y haz que el cierre pida lo que solo "
              "da escuchar (un `close.stance` más alto, una objeción que lo bloquee hasta que se "
              "responda bien)"},
    "strategy.tactic-order-checklist": {
        "en": "says everything in tactic order (questions, pitches, answers to objections, small "
              "talk) and closes once the deal board ticks need and interest — reading no reply",
        "es": "lo dice todo por orden de táctica (preguntas, propuestas, respuestas a objeciones, "
              "charla) y cierra cuando el tablero marca necesidad e interés, sin leer ninguna "
              "respuesta"},
    "strategy.tactic-order-checklist.fix": {
        "en": "waiting for the board's ticks is all it takes — put mistakes of every tactic "
              "where it looks, and let the close need what the board does not show (the "
              "decision-maker's stance, an objection answered with the right counter)",
        "es": "esperar a que el tablero marque basta; pon errores de cada táctica donde mira y "
              "haz que el cierre pida lo que el tablero no muestra (la postura de quien decide, "
              "una objeción respondida con la respuesta correcta)"},
    "strategy.questions-first": {
        "en": "meets everyone asking only questions, then pitches, answers objections and closes "
              "once the board's checklist is green",
        "es": "se reúne con todo el mundo solo para preguntar; luego presenta valor, responde "
              "objeciones y cierra cuando la lista del tablero está completa"},
    "strategy.questions-first.fix": {
        "en": "asking everyone everything costs nothing — mark prying or careless questions as "
              "mistakes, let some questions cost stance or trust, and let the turn budget "
              "(`turns`) be too short to meet everyone twice",
        "es": "preguntarlo todo a todo el mundo no cuesta nada; marca como errores las preguntas "
              "indiscretas o descuidadas, haz que algunas cuesten postura o confianza y que el "
              "número de reuniones (`turns`) no alcance para verlos a todos dos veces"},
    "strategy.structural-tags": {
        "en": "says everything in tactic order, tags whoever needed an introduction as the "
              "decision-maker and whoever raised an objection as a saboteur, and closes with the "
              "one it tagged decision-maker",
        "es": "lo dice todo por orden de táctica, etiqueta como quien decide a quien necesitó "
              "presentación y como saboteador a quien planteó una objeción, y cierra con quien "
              "etiquetó como quien decide"},
    "strategy.structural-tags.fix": {
        "en": "who needs an introduction and who objects give the roles away — vary "
              "`needs_introduction` by cast, and let someone who is not a saboteur raise a fair "
              "objection",
        "es": "quién necesita presentación y quién objeta delatan los papeles; varía "
              "`needs_introduction` según el reparto y haz que alguien que no sabotea plantee una "
              "objeción razonable"},
    "strategy.clue-target": {
        "en": "says everything in tactic order, tags as decision-maker whoever most clear clues "
              "are about (without reading them), and closes with them",
        "es": "lo dice todo por orden de táctica, etiqueta como quien decide a la persona de la "
              "que tratan más pistas claras (sin leerlas) y cierra con ella"},
    "strategy.clue-target.fix": {
        "en": "the person most clues are about is the one who signs — give clues about people "
              "who do not decide too, and mark evasive ones `vague: true`",
        "es": "la persona de la que tratan más pistas es quien firma; da también pistas sobre "
              "quienes no deciden y marca las evasivas con `vague: true`"},
    "strategy.walk-away-early": {
        "en": "walks away as soon as a way out is offered, and until then says everything in "
              "tactic order",
        "es": "se retira en cuanto se le ofrece una salida y, hasta entonces, lo dice todo por "
              "orden de táctica"},
    "strategy.walk-away-early.fix": {
        "en": "walking away counts only once `disqualify.after` is established — list in `after` "
              "what qualifying the prospect out rests on (need, budget…), and offer the way out "
              "only once it can be known",
        "es": "retirarse solo cuenta cuando lo que pide `disqualify.after` está establecido; pon "
              "en `after` aquello en lo que se basa descartar al cliente (necesidad, "
              "presupuesto…) y ofrece la salida solo cuando se pueda saber"},
    "strategy.questions-then-walk-away": {
        "en": "says everything in tactic order, then walks away instead of closing",
        "es": "lo dice todo por orden de táctica y luego se retira en lugar de cerrar"},
    "strategy.questions-then-walk-away.fix": {
        "en": "walking away is right too often, or the questions alone tell when — make most "
              "casts deals to win, offer the way out with the same words in every cast, and let "
              "only the replies tell which deal this is",
        "es": "retirarse es lo correcto demasiadas veces, o las preguntas ya dicen cuándo; haz "
              "que la mayoría de los repartos sean ventas que ganar, ofrece la salida con las "
              "mismas palabras en todos y deja que solo las respuestas digan qué trato es"},
    "strategy.always-walk-away": {
        "en": "asks every question and makes every small talk not marked a mistake, then walks "
              "away giving the reason that is right in most casts",
        "es": "hace todas las preguntas y toda la charla que no están marcadas como error y "
              "luego se retira dando el motivo que es correcto en más repartos"},
    "strategy.always-walk-away.fix": {
        "en": "its one reason holds in too many casts — give walking away its reasons "
              "(`disqualify.reasons`), make a different one right in different casts, and let "
              "most casts be real deals",
        "es": "su único motivo vale en demasiados repartos; da motivos para retirarse "
              "(`disqualify.reasons`), haz que en repartos distintos sea correcto uno distinto y "
              "que la mayoría de los repartos sean ventas reales"},

    # --- analyze: why par falls short (game/analysis/ceilings.py) ---
    "why.turns-used": {
        "en": "the best path closes in meeting {turn} of {turns}, and only a close in the first "
              "meeting scores full marks",
        "es": "el mejor camino cierra en la reunión {turn} de {turns}, y solo un cierre en la "
              "primera reunión tiene la nota máxima"},
    "why.turns-used-out": {
        "en": "the best path qualifies the prospect out in meeting {turn} of {turns}, and only "
              "walking away in the first meeting scores full marks",
        "es": "el mejor camino descarta al cliente en la reunión {turn} de {turns}, y solo "
              "retirarse en la primera reunión tiene la nota máxima"},
    "why.checklist-item": {
        "en": "at the best path's first close, '{item}' is not learnt",
        "es": "en el primer cierre del mejor camino no se ha averiguado «{item}»"},
    "why.checklist-item.end": {
        "en": "the best path never closes, and at its end '{item}' is not learnt",
        "es": "el mejor camino no intenta ningún cierre, y al final no se ha averiguado «{item}»"},
    "why.after-not-established": {
        "en": "when the best path walks away, '{item}' is not established",
        "es": "cuando el mejor camino se retira, «{item}» no está establecido"},
    "why.not-disqualified": {
        "en": "the best path does not walk away, though walking away is the right call here",
        "es": "el mejor camino no se retira, aunque aquí retirarse es lo correcto"},
    "why.walked-away": {
        "en": "the best path walks away where walking away is not the right call",
        "es": "el mejor camino se retira donde retirarse no es lo correcto"},
    "why.walked-away-unqualified": {
        "en": "the best path walks away before establishing {missing}",
        "es": "el mejor camino se retira antes de establecer {missing}"},
    "why.trust": {
        "en": "the people met trust the seller {trust} on average, and full marks need 1",
        "es": "la confianza media en quien vende, entre las personas visitadas, es {trust}, y la "
              "nota máxima pide 1"},
    "why.deal-not-won": {
        "en": "the best path does not win the deal",
        "es": "el mejor camino no gana la venta"},
    "why.discount": {
        "en": "the deal closes at a {discount} % discount: the best path pitches no back-end "
              "saving",
        "es": "la venta se cierra con un {discount} % de descuento: el mejor camino no presenta "
              "ningún ahorro en gastos indirectos"},
    "why.referral-given": {
        "en": "given when the decision-maker's trust reaches {bar}; {name}'s trust ends at "
              "{reached} on the best path",
        "es": "se da cuando la confianza de quien decide llega a {bar}; la de {name} acaba en "
              "{reached} en el mejor camino"},
    "why.referral-refused.ceiling": {
        "en": "a referral is refused when the decision-maker's trust stays below {bar}: {name}'s "
              "trust can reach at most {most} here — add trust to choices in their conversation, "
              "or lower `referral.trust`",
        "es": "la referencia se niega si la confianza de quien decide se queda por debajo de "
              "{bar}: la de {name} puede llegar como mucho a {most} aquí; añade confianza a "
              "opciones de su conversación o baja `referral.trust`"},
    "why.referral-refused.path": {
        "en": "a referral is refused when the decision-maker's trust stays below {bar}: {name}'s "
              "trust ends at {reached} on the best path (at most {most} here, at the cost of other "
              "points)",
        "es": "la referencia se niega si la confianza de quien decide se queda por debajo de "
              "{bar}: la de {name} acaba en {reached} en el mejor camino (como mucho {most} aquí, "
              "a costa de otros puntos)"},
    "why.referral-no-deal": {
        "en": "no referral can be asked for without a won deal",
        "es": "sin una venta ganada no se puede pedir referencia"},
    "why.need-not-found": {
        "en": "need '{need}' is not found on the best path",
        "es": "el mejor camino no descubre la necesidad «{need}»"},
    "why.need-not-pitched": {
        "en": "need '{need}' is found but not pitched to anyone who has it on the best path",
        "es": "el mejor camino descubre la necesidad «{need}» pero no se la presenta a nadie que "
              "la tenga"},
    "why.need-not-found-to-pitch": {
        "en": "need '{need}' is not found on the best path, so it is never pitched",
        "es": "el mejor camino no descubre la necesidad «{need}», así que nunca la presenta"},
    "why.objection-open": {
        "en": "objection '{objection}' stays unanswered on the best path",
        "es": "la objeción «{objection}» se queda sin responder en el mejor camino"},
    "why.objection-not-heard": {
        "en": "objection '{objection}' is never raised on the best path, and a saboteur's "
              "objection scores only once answered",
        "es": "la objeción «{objection}» no se plantea en el mejor camino, y una objeción de un "
              "saboteador solo puntúa cuando se responde"},
    "why.decision-maker-not-tagged": {
        "en": "{name}, the decision-maker, cannot be tagged on evidence (met, named by a clue, or "
              "heard raising an objection) on the best path",
        "es": "en el mejor camino no se puede marcar a {name}, que decide, con pruebas (reunión, "
              "una pista sobre esa persona o una objeción suya)"},
    "why.decision-maker-not-tagged.anon": {
        "en": "the decision-maker cannot be tagged on evidence on the best path",
        "es": "en el mejor camino no se puede marcar con pruebas a quien decide"},
    "why.influencer-not-tagged": {
        "en": "{name}, an influencer, cannot be tagged on evidence (met, named by a clue, or heard "
              "raising an objection) on the best path",
        "es": "en el mejor camino no se puede marcar a {name}, que influye, con pruebas (reunión, "
              "una pista sobre esa persona o una objeción suya)"},
    "why.influencer-not-tagged.anon": {
        "en": "an influencer cannot be tagged on evidence on the best path",
        "es": "en el mejor camino no se puede marcar con pruebas a alguien que influye"},
    "why.saboteur-not-tagged": {
        "en": "{name}, a saboteur, cannot be tagged on evidence (met, named by a clue, or heard "
              "raising an objection) on the best path",
        "es": "en el mejor camino no se puede marcar a {name}, que sabotea, con pruebas (reunión, "
              "una pista sobre esa persona o una objeción suya)"},
    "why.saboteur-not-tagged.anon": {
        "en": "a saboteur cannot be tagged on evidence on the best path",
        "es": "en el mejor camino no se puede marcar con pruebas a quien sabotea"},
    "why.checklist-need": {
        "en": "at the best path's first close, not enough needs are found",
        "es": "en el primer cierre del mejor camino no se han descubierto bastantes necesidades"},
    "why.checklist-need.end": {
        "en": "the best path never closes, and at its end not enough needs are found",
        "es": "el mejor camino no intenta ningún cierre, y al final no se han descubierto "
              "bastantes necesidades"},
    "why.checklist-interest": {
        "en": "at the best path's first close, interest is below `close.interest`",
        "es": "en el primer cierre del mejor camino el interés no llega a `close.interest`"},
    "why.checklist-interest.end": {
        "en": "the best path never closes, and at its end interest is below `close.interest`",
        "es": "el mejor camino no intenta ningún cierre, y al final el interés no llega a "
              "`close.interest`"},
    "why.checklist-authority": {
        "en": "at the best path's first close, authority is not established (the decision-maker "
              "met, with a clear clue)",
        "es": "en el primer cierre del mejor camino no está confirmada la autoridad (reunión con "
              "quien decide y una pista clara)"},
    "why.checklist-authority.end": {
        "en": "the best path never closes, and at its end authority is not established (the "
              "decision-maker met, with a clear clue)",
        "es": "el mejor camino no intenta ningún cierre, y al final no está confirmada la "
              "autoridad (reunión con quien decide y una pista clara)"},
    "why.premature-close": {
        "en": "the best path tries {n} close(s) before the prospect is qualified",
        "es": "el mejor camino intenta {n} cierre(s) antes de cualificar al cliente"},
    "why.wrong-counter": {
        "en": "the best path gives {n} answer(s) that do not settle an objection",
        "es": "el mejor camino da {n} respuesta(s) que no resuelven una objeción"},
    "why.bad-pitch": {
        "en": "the best path makes {n} pitch(es) too early or to someone without the need",
        "es": "el mejor camino hace {n} presentación(es) demasiado pronto o a quien no tiene la "
              "necesidad"},
    "why.saving-not-shown.front_end_savings": {
        "en": "no front-end saving is pitched on the best path",
        "es": "el mejor camino no presenta ningún ahorro inicial"},
    "why.saving-not-shown.back_end_savings": {
        "en": "no back-end saving is pitched on the best path",
        "es": "el mejor camino no presenta ningún ahorro en gastos indirectos"},
    "why.mistake.minor": {
        "en": "the best path takes a choice of {name}'s you marked a minor mistake: “{text}”",
        "es": "el mejor camino toma una opción de {name} que marcaste como error leve: «{text}»"},
    "why.mistake.major": {
        "en": "the best path takes a choice of {name}'s you marked a major mistake: “{text}”",
        "es": "el mejor camino toma una opción de {name} que marcaste como error importante: "
              "«{text}»"},
    "why.mistake.critical": {
        "en": "the best path takes a choice of {name}'s you marked a critical mistake: “{text}”",
        "es": "el mejor camino toma una opción de {name} que marcaste como error grave: «{text}»"},
    "why.other": {
        "en": "the best path loses points here ({code})",
        "es": "el mejor camino pierde puntos aquí ({code})"},

    # --- analyze: the report (game/analysis/report.py) ---
    "report.par-exact": {"en": "PAR  {total} / 100  (exact)", "es": "PAR  {total} / 100  (exacto)"},
    "report.best-found": {
        "en": "BEST FOUND SO FAR  {total} / 100  ({ceiling}not proven best after {choices} choices "
              "searched)",
        "es": "LO MEJOR ENCONTRADO  {total} / 100  ({ceiling}sin demostrar que sea lo mejor tras "
              "explorar {choices} elecciones)"},
    "report.ceiling": {
        "en": "no path can reach more than {ceiling}; ",
        "es": "ningún camino puede pasar de {ceiling}; "},
    "report.outcome.won": {
        "en": "won in {turns} of {total} meetings{seed}",
        "es": "ganada en {turns} de {total} reuniones{seed}"},
    "report.outcome.lost": {
        "en": "lost in {turns} of {total} meetings{seed}",
        "es": "perdida en {turns} de {total} reuniones{seed}"},
    "report.outcome.other": {
        "en": "{outcome} in {turns} of {total} meetings{seed}",
        "es": "{outcome} en {turns} de {total} reuniones{seed}"},
    "report.seed-suffix": {"en": ", seed {seed}", "es": ", semilla {seed}"},
    "report.col-competency": {"en": "competency", "es": "competencia"},
    "report.col-max": {"en": "max", "es": "máx."},
    "report.why-heading": {
        "en": "why par is not full marks:",
        "es": "por qué el par no llega a la nota máxima:"},
    "report.why-rounding": {"en": "rounding", "es": "redondeo"},
    "report.referral": {"en": "referral: {words}", "es": "referencia: {words}"},
    "report.per-variant": {
        "en": "par per variant ({checked}):",
        "es": "par por variante ({checked}):"},
    "report.checked-all": {
        "en": "all {n} cast × need-set combinations",
        "es": "las {n} combinaciones de reparto × conjunto de necesidades"},
    "report.checked-stances": {
        "en": "one: only starting stances vary",
        "es": "una: solo varían las posturas iniciales"},
    "report.checked-sample": {
        "en": "{n} of {total} cast × need-set variants (an evenly spaced sample)",
        "es": "{n} de {total} variantes de reparto × conjunto de necesidades (una muestra "
              "repartida por igual)"},
    "report.col-variant": {"en": "variant", "es": "variante"},
    "report.col-seed": {"en": "seed", "es": "semilla"},
    "report.best-path": {"en": "best path:", "es": "mejor camino:"},
    "report.tags": {"en": "tag", "es": "etiquetas"},
    "report.meet": {"en": "meet {name}", "es": "reunión con {name}"},
    "report.leave": {"en": "(leave)", "es": "(terminar la reunión)"},
    "report.referral-ask": {"en": "ask for a referral", "es": "pedir una referencia"},
    "report.referral-skip": {"en": "(no referral)", "es": "(sin referencia)"},
    "report.random-heading": {
        "en": "RANDOM PLAY  {runs} runs (seed {seed}; a random role tag before {rate} % of "
              "choices)",
        "es": "JUEGO AL AZAR  {runs} partidas (semilla {seed}; una etiqueta de papel al azar antes "
              "del {rate} % de las elecciones)"},
    "report.random-scores": {
        "en": "won {won} %   score p10 {p10}  p50 {p50}  p90 {p90}   (80 % of par: {target})",
        "es": "ganadas {won} %   puntuación p10 {p10}  p50 {p50}  p90 {p90}   (80 % del par: "
              "{target})"},
    "report.random-runs": {
        "en": "{choices} choices and {meetings} meetings a run; ended by {ends}",
        "es": "{choices} elecciones y {meetings} reuniones por partida; terminan por {ends}"},
    "report.end.out-of-turns": {"en": "out of turns", "es": "fin del trimestre"},
    "report.end.closes-exhausted": {"en": "closes exhausted", "es": "cierres agotados"},
    "report.end.closed": {"en": "won", "es": "venta ganada"},
    "report.end.abandoned": {"en": "given up", "es": "abandono"},
    "report.end.walked-away": {"en": "walked away", "es": "retirada"},
    "report.variants-drawn": {
        "en": "{n} distinct variants drawn",
        "es": "{n} variantes distintas sorteadas"},
    "report.coverage-heading": {
        "en": "COVERAGE (share of random runs reaching each node)",
        "es": "COBERTURA (proporción de partidas al azar que llegan a cada nodo)"},
    "report.col-stakeholder": {"en": "stakeholder", "es": "persona"},
    "report.col-nodes": {"en": "nodes", "es": "nodos"},
    "report.col-reached": {"en": "reached", "es": "alcanzados"},
    "report.col-choices": {"en": "choices", "es": "opciones"},
    "report.col-taken": {"en": "taken", "es": "elegidas"},
    "report.col-least": {"en": "least reached node", "es": "nodo menos alcanzado"},
    "report.strategies-heading": {
        "en": "CONTENT-FREE STRATEGIES  seeds 0–{last} (pass mark {mark}; each should pass ≤ "
              "{limit} %)",
        "es": "ESTRATEGIAS SIN CONTENIDO  semillas 0–{last} (aprobado {mark}; ninguna debería "
              "aprobar más del {limit} %)"},
    "report.col-strategy": {"en": "strategy", "es": "estrategia"},
    "report.col-won": {"en": "won", "es": "ganadas"},
    "report.col-passed": {"en": "passed", "es": "aprobadas"},
    "report.col-mean": {"en": "mean", "es": "media"},
    "report.findings-heading": {"en": "FINDINGS ({n})", "es": "HALLAZGOS ({n})"},
    "report.none": {"en": "none", "es": "ninguno"},
    "report.line-suffix": {"en": " (line {line})", "es": " (línea {line})"},
    "report.more": {
        "en": "… and {n} more (--json lists them all)",
        "es": "… y {n} más (--json los muestra todos)"},
    "report.statistics-heading": {"en": "STATISTICS", "es": "ESTADÍSTICAS"},
    "report.col-role": {"en": "role", "es": "papel"},
    "report.col-words": {"en": "words", "es": "palabras"},
    "report.col-feedback": {"en": "feedback words", "es": "palabras de comentario"},
    "report.total": {"en": "total", "es": "total"},
    "report.counts": {
        "en": "{needs}, {objections}, {events}; briefing {briefing}",
        "es": "{needs}, {objections}, {events}; presentación de {briefing}"},
    "report.needs.one": {"en": "{n} need", "es": "{n} necesidad"},
    "report.needs.many": {"en": "{n} needs", "es": "{n} necesidades"},
    "report.objections.one": {"en": "{n} objection", "es": "{n} objeción"},
    "report.objections.many": {"en": "{n} objections", "es": "{n} objeciones"},
    "report.events.one": {"en": "{n} event", "es": "{n} evento"},
    "report.events.many": {"en": "{n} events", "es": "{n} eventos"},
    "report.words.one": {"en": "{n} word", "es": "{n} palabra"},
    "report.words.many": {"en": "{n} words", "es": "{n} palabras"},
    "report.minutes": {
        "en": "estimated play time along the par path: {minutes} min (the scenario says "
              "{declared})",
        "es": "tiempo de juego estimado por el camino del par: {minutes} min (el escenario dice "
              "{declared})"},

    # --- analyze: the command (game/cli/analyze_cmd.py) ---
    "analyze.has-errors": {
        "en": "{file}: cannot be analysed until these errors are fixed",
        "es": "{file}: no se puede analizar hasta que se corrijan estos errores"},
    "analyze.graph-format": {
        "en": "{file}: cannot tell the graph format from '{ext}' — name the file .dot or .gv "
              "(Graphviz) or .mmd or .md (Mermaid)",
        "es": "{file}: la extensión «{ext}» no dice en qué formato escribir el grafo; usa .dot o "
              ".gv (Graphviz), o .mmd o .md (Mermaid)"},
    "analyze.no-extension": {"en": "no extension", "es": "sin extensión"},
    "analyze.graph-unwritable": {
        "en": "{file}: cannot write the graph: {reason}",
        "es": "{file}: no se puede escribir el grafo: {reason}"},
    "analyze.graph-written": {"en": "graph written to {file}", "es": "grafo escrito en {file}"},
    "analyze.working": {
        "en": "searching for par, playing at random and by content-free strategies…",
        "es": "buscando el par, jugando al azar y con estrategias sin contenido…"},
    "analyze.progress": {"en": "random play", "es": "juego al azar"},
    "analyze.unreadable-path": {
        "en": "{file}: cannot read it: {reason}",
        "es": "{file}: no se puede leer: {reason}"},
    "analyze.not-json": {
        "en": "{file}: not a result file (JSON): {reason} — give the file `play --result-json` "
              "wrote",
        "es": "{file}: no es un archivo de resultado (JSON): {reason}; da el archivo que escribió "
              "`play --result-json`"},
    "analyze.not-result": {
        "en": "{file}: not a result file: it needs a `seed` and a `path` — give the file `play "
              "--result-json` wrote",
        "es": "{file}: no es un archivo de resultado: le faltan `seed` y `path`; da el archivo que "
              "escribió `play --result-json`"},
    "analyze.other-scenario": {
        "en": "{file}: an attempt at {other}, not at {this}",
        "es": "{file}: es un intento de {other}, no de {this}"},
    "analyze.damaged": {
        "en": "{file}: a step of its path lacks {what} — the file is damaged",
        "es": "{file}: a un paso de su camino le falta {what}; el archivo está dañado"},

    # --- qualification items and walking away (game/lint/qualification.py, format 1.2; it
    # words them in English, read back) ---
    "undeclared-item": {
        "en": "{where} names '{item}', which is not declared under `qualification:` (declared: "
              "{known}) — add `{item}: {{text: …}}` there, or fix the spelling{hint}",
        "es": "{where} nombra «{item}», que no está declarado en `qualification:` (declarados: "
              "{known}): añade allí `{item}: {{text: …}}` o corrige cómo está escrito{hint}"},
    "undeclared-item.none": {
        "en": "{where} names '{item}', which is not declared under `qualification:` (declared: "
              "none yet) — add `{item}: {{text: …}}` there, or fix the spelling{hint}",
        "es": "{where} nombra «{item}», que no está declarado en `qualification:` (todavía no hay "
              "ninguno declarado): añade allí `{item}: {{text: …}}` o corrige cómo está "
              "escrito{hint}"},
    "item-never-learned": {
        "en": "'{item}' is declared under `qualification:`, so a close needs it learnt, but no "
              "choice or event has `learn: [{item}]` — the deal can never be won; add it to the "
              "question that finds it out",
        "es": "«{item}» está declarado en `qualification:`, así que un cierre necesita "
              "averiguarlo, pero ninguna opción ni ningún evento tiene `learn: [{item}]`: la venta "
              "nunca se puede ganar; añádelo a la pregunta que lo averigua"},
    "walk-away-in-event": {
        "en": "`walk_away` in an event does nothing: nobody is being met between meetings, so "
              "nobody walks away — put it on a choice the trainee makes",
        "es": "`walk_away` en un evento no hace nada: entre reuniones no hay nadie reunido, así "
              "que nadie se retira; ponlo en una opción que elija quien juega"},
    "walk-away-without-disqualify": {
        "en": "this choice walks away, but the scenario has no `disqualify:`, so walking away is "
              "never the right call here — it only ends the attempt as not won; add `disqualify: "
              "{{when: …, after: […]}}` if some deals are not worth chasing",
        "es": "esta opción se retira de la venta, pero el escenario no tiene `disqualify:`, así "
              "que retirarse nunca es lo correcto aquí: solo termina el intento sin ganar; añade "
              "`disqualify: {{when: …, after: […]}}` si algunas ventas no merecen la pena"},
    "disqualify-without-walk-away": {
        "en": "`disqualify:` says when walking away is right, but no choice has `effects: "
              "{{walk_away: true}}`, so nobody can walk away and every such attempt fails — offer "
              "a polite exit from the first meeting on, with the same words in every cast",
        "es": "`disqualify:` dice cuándo es correcto retirarse, pero ninguna opción tiene "
              "`effects: {{walk_away: true}}`, así que nadie puede retirarse y todos esos intentos "
              "suspenden: ofrece una salida cortés desde la primera reunión, con las mismas "
              "palabras en todos los repartos"},
    "disqualify-always-right": {
        "en": "`disqualify:` has no `when`, so walking away is right in every attempt and no close "
              "can ever win — a player who always walks away once the questions are asked passes; "
              "set `when` to the flags of the casts or need sets with no deal to chase",
        "es": "`disqualify:` no tiene `when`, así que retirarse es lo correcto en todos los "
              "intentos y ningún cierre puede ganar: quien se retire siempre después de hacer las "
              "preguntas aprueba; pon en `when` los indicadores de los repartos o conjuntos de "
              "necesidades en los que no hay venta que perseguir"},
    "undeclared-reason": {
        "en": "this choice walks away giving the reason '{reason}', which `disqualify.reasons` "
              "does not declare (declared: {known}) — add `{reason}: {{when: …}}` there, or fix "
              "the spelling{hint}",
        "es": "esta opción se retira dando el motivo «{reason}», que `disqualify.reasons` no "
              "declara (declarados: {known}): añade allí `{reason}: {{when: …}}` o corrige cómo "
              "está escrito{hint}"},
    "undeclared-reason.none": {
        "en": "this choice walks away giving the reason '{reason}', which `disqualify.reasons` "
              "does not declare (declared: none yet) — add `{reason}: {{when: …}}` there, or fix "
              "the spelling{hint}",
        "es": "esta opción se retira dando el motivo «{reason}», que `disqualify.reasons` no "
              "declara (todavía no hay ninguno declarado): añade allí `{reason}: {{when: …}}` o "
              "corrige cómo está escrito{hint}"},
    "walk-away-without-reason": {
        "en": "this choice walks away without a reason (`walk_away: true`), but `disqualify:` "
              "lists reasons, so walking away with it is never the right call — give one of "
              "them: {reasons}",
        "es": "esta opción se retira sin dar motivo (`walk_away: true`), pero `disqualify:` "
              "enumera motivos, así que retirarse con ella nunca es lo correcto: da uno de "
              "ellos: {reasons}"},
    "reason-never-offered": {
        "en": "the reason '{reason}' is declared, but no choice walks away giving it "
              "(`walk_away: {reason}`), so where it is the right call nobody can walk away "
              "rightly — offer it as a polite exit from the first meeting on, with the same words "
              "in every cast",
        "es": "el motivo «{reason}» está declarado, pero ninguna opción se retira dándolo "
              "(`walk_away: {reason}`), así que donde es lo correcto nadie puede retirarse bien: "
              "ofrécelo como salida cortés desde la primera reunión, con las mismas palabras en "
              "todos los repartos"},
    "walk-away-oracle": {
        "en": "walking away is offered only in some casts (its `if` tests the flag '{flag}', which "
              "a cast or need set sets): the option itself tells the trainee whether to walk away "
              "— offer the same choice in every cast",
        "es": "retirarse solo se ofrece en algunos repartos (su `if` comprueba el indicador "
              "«{flag}», que activa un reparto o un conjunto de necesidades): la propia opción le "
              "dice a quien juega si debe retirarse; ofrece la misma opción en todos los repartos"},
}
