"""Player names: kept as typed (NFC), matched without regard to case."""
from __future__ import annotations

import sqlite3
import unicodedata

MAX_NAME = 80


def clean_name(name: str) -> str:
    """The name in NFC with inner runs of spaces collapsed; ValueError if unusable."""
    text = " ".join(unicodedata.normalize("NFC", str(name)).split())
    if not text:
        raise ValueError("a player name cannot be empty")
    if len(text) > MAX_NAME:
        raise ValueError(f"a player name has at most {MAX_NAME} characters")
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co") for ch in text):
        raise ValueError("a player name cannot contain control characters")
    return text


def name_key(name: str) -> str:
    """The key two spellings of one player share ("Núñez" and "NÚÑEZ")."""
    return unicodedata.normalize("NFC", clean_name(name).casefold())


def sort_key(name: str) -> tuple[str, str]:
    """Alphabetical order as people expect it: "Álvaro" before "Núñez" before "Óscar"."""
    plain = "".join(ch for ch in unicodedata.normalize("NFD", name)
                    if not unicodedata.combining(ch))
    return plain.casefold(), name


def player_id(conn: sqlite3.Connection, name: str, created: str, *, create: bool) -> int | None:
    """The player's row id, creating the player if asked (inside the caller's transaction)."""
    key = name_key(name)
    row = conn.execute("SELECT id FROM players WHERE key = ?", (key,)).fetchone()
    if row is not None:
        return int(row[0])
    if not create:
        return None
    cur = conn.execute("INSERT INTO players (name, key, created) VALUES (?, ?, ?)",
                       (clean_name(name), key, created))
    return int(cur.lastrowid or 0)
