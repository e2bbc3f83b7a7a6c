"""What can go wrong with the results database, each with what to do about it."""
from __future__ import annotations


class StoreError(RuntimeError):
    """The results database cannot be used; the message says why and what to do."""


class StoreLocked(StoreError):
    """Another program holds the database longer than the busy timeout."""


class NewerDatabase(StoreError):
    """The database was written by a newer version of the game; it is left untouched."""


class ResumeError(StoreError):
    """A saved attempt cannot be replayed (the scenario changed, or the record is damaged)."""
