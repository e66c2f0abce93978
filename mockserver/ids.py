"""Prefixed ULIDs: ``char_``, ``upl_``, ``img_``, ``req_``.

A ULID is 26 Crockford base32 characters: 10 for the millisecond timestamp, 16 for 80 random bits.
``new_id`` is monotonic per prefix: within one millisecond (or if the clock passed in steps back) the
random part is incremented instead of redrawn, so ids of one kind sort in creation order, which newest-first
pagination relies on. Clients must not parse ids; the mock only compares them.
"""

from __future__ import annotations

import os
import random
import threading
import time
from datetime import datetime

__all__ = ["ALPHABET", "new_id", "new_request_id", "observe", "ulid_of"]

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_PAIRS = [a + b for a in ALPHABET for b in ALPHABET]  # 10 bits -> two digits
_RANDOM_BITS = 80
_RANDOM_MAX = (1 << _RANDOM_BITS) - 1
_TIME_MAX = (1 << 48) - 1

_getrandbits = random.getrandbits
_lock = threading.Lock()
_last: dict[str, tuple[int, int]] = {}  # prefix -> (milliseconds, random part) of the last id minted


def _encode(value: int) -> str:
    # Unrolled: 1 digit + 12 pairs of digits + 1 digit = 26 digits (130 bits, the top 2 always zero).
    # base64.b32encode is pure Python on 3.11 and several times slower than this.
    p = _PAIRS
    return (
        ALPHABET[value >> 125]
        + p[(value >> 115) & 1023]
        + p[(value >> 105) & 1023]
        + p[(value >> 95) & 1023]
        + p[(value >> 85) & 1023]
        + p[(value >> 75) & 1023]
        + p[(value >> 65) & 1023]
        + p[(value >> 55) & 1023]
        + p[(value >> 45) & 1023]
        + p[(value >> 35) & 1023]
        + p[(value >> 25) & 1023]
        + p[(value >> 15) & 1023]
        + p[(value >> 5) & 1023]
        + ALPHABET[value & 31]
    )


def new_id(prefix: str, now: datetime) -> str:
    """A new ``<prefix>_<ULID>`` whose time part is ``now``; strictly increasing per prefix."""
    ms = min(int(now.timestamp() * 1000), _TIME_MAX)
    with _lock:
        last = _last.get(prefix)
        if last is not None and ms <= last[0]:
            ms, rand = last[0], last[1] + 1
            if rand > _RANDOM_MAX:  # 2**80 ids in one millisecond: borrow the next millisecond
                ms, rand = ms + 1, 0
        else:
            rand = int.from_bytes(os.urandom(10), "big")
        _last[prefix] = (ms, rand)
    return f"{prefix}_{_encode((ms << _RANDOM_BITS) | rand)}"


def observe(value: str) -> None:
    """An id minted by another process of the same shared mock (``--store redis``): this process's next id of
    that prefix sorts after it, so ids stay in creation order across processes (their mints take turns)."""
    prefix, _, ulid = value.partition("_")
    if ulid_of(value, prefix) is None:
        return
    number = 0
    for char in ulid:
        number = number * 32 + _DIGITS[char]
    seen = (number >> _RANDOM_BITS, number & _RANDOM_MAX)
    with _lock:
        last = _last.get(prefix)
        if last is None or seen > last:
            _last[prefix] = seen


def new_request_id() -> str:
    """A ``req_`` id from the wall clock, in a few microseconds.

    Not monotonic (request ids need not sort) and drawn from ``random`` rather than ``os.urandom``: a
    request id is a correlation handle, not a secret, and it is minted on every response.
    """
    return "req_" + _encode((time.time_ns() // 1_000_000 << _RANDOM_BITS) | _getrandbits(_RANDOM_BITS))


def ulid_of(value: str, prefix: str) -> str | None:
    """The ULID part of ``value`` if it is a well-formed ``<prefix>_<ULID>``, else None."""
    head, sep, ulid = value.partition("_")
    if head != prefix or not sep or len(ulid) != 26 or ulid[0] > "7" or not set(ulid) <= _ALPHABET_SET:
        return None
    return ulid


_ALPHABET_SET = frozenset(ALPHABET)
_DIGITS = {char: value for value, char in enumerate(ALPHABET)}
