"""Per-host politeness: one request at a time per host, and a pause between two.

Every request of the crawler (robots.txt, retries, redirect hops) goes through
``HostClock.slot(host)``, which holds the host's lock for the whole exchange, so
parallel workers can only ever overlap on *different* hosts.
"""
from __future__ import annotations

import random
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

DEFAULT_DELAY = 1.0
DEFAULT_JITTER = 0.5


@dataclass
class _Host:
    lock: threading.Lock = field(default_factory=threading.Lock)
    next_allowed: float = 0.0
    delay: float | None = None  # per-host override (site rate or Crawl-delay)
    jitter: float | None = None
    requests: int = 0
    waited: float = 0.0


class HostClock:
    """When each host may be asked next.

    The pause after each request is ``delay * (1 + U(0, jitter))``: jitter only
    lengthens it, so the delay is a floor. ``defer`` pushes the next request
    back (Retry-After, backoff).
    """

    def __init__(self, delay: float = DEFAULT_DELAY, jitter: float = DEFAULT_JITTER,
                 *, seed: int | None = None, sleep=time.sleep, clock=time.monotonic):
        self.delay = delay
        self.jitter = jitter
        self._hosts: dict[str, _Host] = {}
        self._guard = threading.Lock()
        self._rng = random.Random(seed)
        self._sleep = sleep
        self._clock = clock

    def _host(self, host: str) -> _Host:
        with self._guard:
            return self._hosts.setdefault(host, _Host())

    def set_delay(self, host: str, delay: float, jitter: float | None = None) -> None:
        """The host's own delay (its site profile's rate), replacing the default."""
        entry = self._host(host)
        entry.delay = delay
        if jitter is not None:
            entry.jitter = jitter

    def raise_delay(self, host: str, delay: float) -> None:
        """At least ``delay`` for this host (robots.txt Crawl-delay can only slow us down)."""
        entry = self._host(host)
        entry.delay = max(delay, self.delay if entry.delay is None else entry.delay)

    def delay_for(self, host: str) -> float:
        entry = self._host(host)
        return self.delay if entry.delay is None else entry.delay

    def defer(self, host: str, seconds: float) -> None:
        entry = self._host(host)
        entry.next_allowed = max(entry.next_allowed, self._clock() + seconds)

    @contextmanager
    def slot(self, host: str):
        """Wait for the host's turn, hold it during the request, then set the next turn."""
        entry = self._host(host)
        with entry.lock:
            wait = entry.next_allowed - self._clock()
            if wait > 0:
                entry.waited += wait
                self._sleep(wait)
            try:
                yield
            finally:
                entry.requests += 1
                delay = self.delay_for(host)
                with self._guard:
                    jitter = self.jitter if entry.jitter is None else entry.jitter
                    pause = delay * (1.0 + self._rng.uniform(0.0, jitter)) if delay else 0.0
                entry.next_allowed = max(entry.next_allowed, self._clock() + pause)

    def stats(self) -> dict[str, dict]:
        return {h: {"requests": e.requests, "waited_s": round(e.waited, 3),
                    "delay_s": self.delay_for(h)} for h, e in self._hosts.items()}
