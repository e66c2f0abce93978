"""The images behind ``refs[].url``: ``GET /storage/characters/{id}/{pose}.png?expires=..&signature=..``.

A review screen built against the mock shows real pictures: a 256×256 PNG per character and pose, drawn
here with ``zlib`` alone — a background colour from the character id, a figure posed by the pose, and the
pose's name written across the bottom (also in a ``tEXt`` chunk). Deterministic: the same id and pose give
the same bytes. Served with ``Content-Type: image/png``, ``Content-Length``, ``ETag`` (a conditional GET is
304) and ``Cache-Control: private, max-age=<seconds until the URL expires>``.

The URL is the credential (no API key, as a signed storage URL): ``CharactersService.ref_image`` checks it
— altered 403 ``invalid_signature``, expired 410 ``url_expired``, character or ref gone 404. A pure ASGI
class inside Connexion's exception layer, whose handlers (app.py) render those errors in the envelope.
"""

from __future__ import annotations

import hashlib
import re
import struct
import zlib
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qs

from starlette.types import ASGIApp, Receive, Scope, Send

from mockserver.domain.errors import MethodNotAllowed, NotFound

__all__ = ["PREFIX", "RefImages", "render_ref_png"]

PREFIX = "/storage/characters/"
SIZE = 256
_PATH = re.compile(r"/storage/characters/([A-Za-z0-9_]{1,64})/([a-z]{1,16})\.png")

# A 5×7 pixel font: the letters of the five pose names.
_GLYPHS = {
    "a": ["00000", "00000", "01110", "00001", "01111", "10001", "01111"],
    "b": ["10000", "10000", "10110", "11001", "10001", "10001", "11110"],
    "c": ["00000", "00000", "01110", "10000", "10000", "10001", "01110"],
    "d": ["00001", "00001", "01101", "10011", "10001", "10001", "01111"],
    "e": ["00000", "00000", "01110", "10001", "11111", "10000", "01110"],
    "f": ["00110", "01001", "01000", "11100", "01000", "01000", "01000"],
    "h": ["10000", "10000", "10110", "11001", "10001", "10001", "10001"],
    "i": ["00100", "00000", "01100", "00100", "00100", "00100", "01110"],
    "k": ["10000", "10000", "10010", "10100", "11000", "10100", "10010"],
    "n": ["00000", "00000", "10110", "11001", "10001", "10001", "10001"],
    "o": ["00000", "00000", "01110", "10001", "10001", "10001", "01110"],
    "p": ["00000", "00000", "11110", "10001", "11110", "10000", "10000"],
    "r": ["00000", "00000", "10110", "11001", "10000", "10000", "10000"],
    "s": ["00000", "00000", "01111", "10000", "01110", "00001", "11110"],
    "t": ["01000", "01000", "11100", "01000", "01000", "01001", "00110"],
}
# Where the figure stands, per pose: (head centre x, head radius, body left, body right).
_FIGURES = {
    "portrait": (128, 58, 58, 198),
    "front": (128, 26, 92, 164),
    "side": (116, 26, 104, 146),
    "back": (128, 26, 92, 164),
    "other": (128, 20, 104, 152),
}


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


@lru_cache(maxsize=512)
def render_ref_png(character_id: str, pose: str) -> bytes:
    """The PNG of one ref: the same bytes for the same id and pose."""
    digest = hashlib.sha256(character_id.encode()).digest()
    background = bytes(160 + value % 96 for value in digest[:3])  # a light colour of this character
    figure = bytes(value // 3 for value in digest[3:6]) if pose != "back" else b"\x20\x20\x20"
    rows = [bytearray(background * SIZE) for _ in range(SIZE)]

    def paint(y: int, x0: int, x1: int, colour: bytes) -> None:
        x0, x1 = max(0, x0), min(SIZE, x1)
        if 0 <= y < SIZE and x0 < x1:
            rows[y][3 * x0 : 3 * x1] = colour * (x1 - x0)

    head_x, radius, body_left, body_right = _FIGURES.get(pose, _FIGURES["other"])
    head_y = 30 + radius
    for y in range(head_y - radius, head_y + radius + 1):
        half = int((radius * radius - (y - head_y) ** 2) ** 0.5)
        paint(y, head_x - half, head_x + half + 1, figure)
    for y in range(head_y + radius + 6, 200):
        paint(y, body_left, body_right, figure)
    for y in range(206, SIZE):  # the label band
        paint(y, 0, SIZE, b"\xff\xff\xff")
    scale, label = 5, pose[:8]
    x = (SIZE - len(label) * 6 * scale) // 2
    for letter in label:
        for row, bits in enumerate(_GLYPHS.get(letter, ["11111"] * 7)):
            for column, bit in enumerate(bits):
                if bit == "1":
                    for dy in range(scale):
                        paint(214 + row * scale + dy, x + column * scale, x + (column + 1) * scale, b"\x00\x00\x00")
        x += 6 * scale
    raw = b"".join(b"\x00" + bytes(row) for row in rows)  # filter type 0 on every scanline
    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            _chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 2, 0, 0, 0)),
            _chunk(b"tEXt", b"Pose\x00" + pose.encode()),
            _chunk(b"tEXt", b"Title\x00" + f"{character_id} {pose}".encode()),
            _chunk(b"IDAT", zlib.compress(raw, 9)),
            _chunk(b"IEND", b""),
        )
    )


class RefImages:
    def __init__(self, app: ASGIApp, *, service: Any, clock: Any) -> None:
        self.app = app
        self.service = service
        self.clock = clock

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(PREFIX):
            await self.app(scope, receive, send)
            return
        if scope["method"] not in ("GET", "HEAD"):
            raise MethodNotAllowed(("GET", "HEAD"))
        found = _PATH.fullmatch(scope["path"])
        if found is None:
            raise NotFound("No such image.")
        character_id, pose = found.groups()
        query = parse_qs(scope["query_string"].decode("latin-1"))
        expires = query.get("expires", [""])[0]
        self.service.ref_image(character_id, pose, expires, query.get("signature", [""])[0])
        body = render_ref_png(character_id, pose)
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        max_age = max(0, int(expires) - int(self.clock.now().timestamp()))
        headers = [
            (b"etag", etag.encode()),
            (b"cache-control", f"private, max-age={max_age}".encode()),
        ]
        if dict(scope["headers"]).get(b"if-none-match", b"").decode("latin-1") == etag:
            await send({"type": "http.response.start", "status": 304, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        headers += [(b"content-type", b"image/png"), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})
