"""Par in the window: asked for in the background when an attempt starts, shown on the debrief
once it has come. game/analysis/par_service.py does the work, in a worker process so that the
search never holds up a frame; par_cache.py keeps every par found, so a replay has it at once.

    ctx.par = ParWatch(ctx.data_dir)   # the window's entry points switch par on (None: off)
    ctx.par.start(session)             # flow: when an attempt starts or resumes
    ctx.par.state(session)             # the debrief: ParState(working, known, was)
    ctx.par.close()                    # when the window closes

When a search ends, a `PAR_READY` event is posted: it wakes the loop sleeping on the event
queue, and the debrief redraws once. Nothing polls, so an idle window stays idle.
"""
from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame

if TYPE_CHECKING:
    from game.analysis.par_cache import KnownPar, ParCache
    from game.analysis.par_service import ParService, Runner
    from game.ui.session import Session

PAR_READY = pygame.event.custom_type()
REMEMBERED = 4  # attempts whose par request is kept (the current one and a few before)


@dataclass(frozen=True)
class ParState:
    """What the debrief can say about par: still being worked out, known, or neither (the
    search failed or par is off)."""

    working: bool = False
    known: KnownPar | None = None
    was: KnownPar | None = None   # the best found before this attempt beat it


NO_PAR = ParState()
WORKING = ParState(working=True)


class ParWatch:
    """The window's par requests; the service (and its worker) starts on the first one, so
    that nothing of the analyser is loaded before the title screen is up."""

    def __init__(self, data_dir: Path | None = None, runner: Runner = "process", *,
                 cache: ParCache | None = None) -> None:
        self.data_dir = data_dir
        self.runner: Runner = runner
        self.cache = cache  # None: the data folder's (tests pass their own)
        self.service: ParService | None = None
        self._asked: list[tuple[Session, Future[KnownPar | None]]] = []
        self._settled: tuple[Session, ParState] | None = None  # a finished attempt's par

    def start(self, session: Session) -> None:
        """Ask for par of `session`'s scenario and seed (at once from the cache when known)."""
        if self._future(session) is not None:
            return
        if self.service is None:
            from game.analysis.par_cache import ParCache
            from game.analysis.par_service import ParService

            cache = self.cache if self.cache is not None else ParCache(self.data_dir)
            self.service = ParService(cache, runner=self.runner)
        future = self.service.request(session.runtime, session.seed)
        self._asked = self._asked[-(REMEMBERED - 1):] + [(session, future)]
        future.add_done_callback(_wake)

    def state(self, session: Session) -> ParState:
        """Par of `session` as it stands now."""
        future = self._future(session)
        if future is None:
            return NO_PAR
        if not future.done():
            return WORKING
        known = future.result()
        if known is None:
            return NO_PAR
        settled = self._settled
        if settled is not None and settled[0] is session:
            return settled[1]
        state = ParState(known=known)
        if session.game.over and self.service is not None:
            # par never shows below a score reached: an attempt that beats it is the new best
            from game.analysis.par_cache import new_best

            total = session.debrief().score.total
            if known.beaten_by(total):
                now = new_best(self.service.cache, session.runtime, session.seed, known, total)
                state = ParState(known=now, was=known)
            # worked out once: the debrief asks every frame, the attempt no longer changes
            self._settled = (session, state)
        return state

    def wait(self, session: Session, timeout: float | None = None) -> ParState:
        """Par of `session`, waiting up to `timeout` seconds for it (tests, the result file)."""
        future = self._future(session)
        if future is not None:
            try:
                future.exception(timeout)
            except TimeoutError:
                pass
        return self.state(session)

    def close(self) -> None:
        """Stop the worker (a search under way is abandoned; what was found is kept)."""
        if self.service is not None:
            self.service.close()

    def _future(self, session: Session) -> Future[KnownPar | None] | None:
        for asked, future in self._asked:
            if asked is session:
                return future
        return None


def _wake(_: Any) -> None:
    """Wake the window's loop (called in the service's thread; posting is thread-safe)."""
    try:
        pygame.event.post(pygame.event.Event(PAR_READY))
    except pygame.error:
        pass  # the window has closed
