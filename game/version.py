"""The game's version: one place, read by `--version` and by pyproject.toml (setuptools)."""

__version__ = "1.0.0"
