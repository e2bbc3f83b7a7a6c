"""The trainer's settings file: `settings.toml` in the data folder (beside the results
database; `QUALIFIED_DATA_DIR` moves both), so that `sync` and `import --lrs` need no flags
day to day. Every key is optional:

    [lrs]
    endpoint = "https://lrs.example.org/xapi"     # sync and import --lrs use it
    # the LRS's user and password stay in the environment (QUALIFIED_LRS_USER,
    # QUALIFIED_LRS_PASSWORD), never in this file

    [organisation]
    home_page = "https://training.example.org"    # starts activity ids and the players' xAPI
                                                  # account; set it before the first sync

    [class]
    since = 2026-11-02          # the class's first day: report --since, import --lrs since
    language = "es"             # report headings (en or es)

A command-line flag wins over the environment, which wins over this file. A file that does
not parse, an unknown key or a value of the wrong kind is a `SettingsError` naming the file,
the key and what to write instead — never a traceback, never silently ignored.
"""
from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from game.store.paths import default_data_dir

FILE_NAME = "settings.toml"
_KEYS: dict[str, dict[str, str]] = {
    "lrs": {"endpoint": "an http(s) address, e.g. \"https://lrs.example.org/xapi\""},
    "organisation": {"home_page": "an http(s) address, e.g. \"https://training.example.org\""},
    "class": {"since": "a date, e.g. 2026-11-02", "language": "\"en\" or \"es\""},
}
_SECRETS = ("password", "user", "username", "token", "secret", "key")


class SettingsError(ValueError):
    """The settings file cannot be used; the message says where and how to fix it."""


@dataclass(frozen=True)
class Settings:
    """What settings.toml says (None: not set)."""

    lrs_endpoint: str | None = None
    home_page: str | None = None
    since: date | None = None
    language: str | None = None
    path: Path | None = None     # the file read (None: there is none)


def settings_path(data_dir: Path | None = None) -> Path:
    """Where the settings file is (it may not exist)."""
    return (data_dir if data_dir is not None else default_data_dir()) / FILE_NAME


def load_settings(data_dir: Path | None = None) -> Settings:
    """The settings, or empty ones when there is no file. Raises SettingsError."""
    path = settings_path(data_dir)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings()
    except OSError as exc:
        raise SettingsError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if len(raw) > 64 * 1024:
        raise SettingsError(f"{path}: more than 64 kB — is this the settings file?")
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise SettingsError(f"{path}: not UTF-8 text; save it as UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: not valid TOML: {exc} (see README, 'Settings')") from None
    return _read(path, data)


def _read(path: Path, data: dict[str, Any]) -> Settings:
    for table, value in data.items():
        if table not in _KEYS:
            raise SettingsError(f"{path}: unknown table [{table}]{_did_you_mean(table, _KEYS)}"
                                f" — the tables are [lrs], [organisation] and [class]")
        if not isinstance(value, dict):
            raise SettingsError(f"{path}: {table} must be a table ([{table}] on its own line, "
                                f"its keys below)")
        for key in value:
            if table == "lrs" and key.lower() in _SECRETS:
                raise SettingsError(f"{path}: [lrs] {key}: credentials do not belong in this "
                                    f"file — set QUALIFIED_LRS_USER and QUALIFIED_LRS_PASSWORD "
                                    f"in the environment, and remove the line")
            if key not in _KEYS[table]:
                raise SettingsError(f"{path}: [{table}] unknown key {key!r}"
                                    f"{_did_you_mean(key, _KEYS[table])} — its keys are "
                                    f"{', '.join(_KEYS[table])}")
    lrs, org, klass = (data.get(t, {}) for t in ("lrs", "organisation", "class"))
    since = klass.get("since")
    if isinstance(since, datetime):
        since = since.date()
    if since is not None and not isinstance(since, date):
        raise SettingsError(f"{path}: [class] since must be {_KEYS['class']['since']} "
                            f"(no quotes)")
    language = klass.get("language")
    if language is not None and language not in ("en", "es"):
        raise SettingsError(f"{path}: [class] language must be {_KEYS['class']['language']}")
    return Settings(lrs_endpoint=_address(path, "lrs", "endpoint", lrs.get("endpoint")),
                    home_page=_address(path, "organisation", "home_page",
                                       org.get("home_page")),
                    since=since, language=language, path=path)


def _address(path: Path, table: str, key: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip().startswith(("http://", "https://")) \
            or any(ch.isspace() for ch in value.strip()):
        raise SettingsError(f"{path}: [{table}] {key} must be {_KEYS[table][key]}")
    return value.strip()


def _did_you_mean(word: str, choices: dict[str, Any]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""
