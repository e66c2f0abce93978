"""refs[].url loads a real image (issue 10, item 19): PNG, deterministic, labelled, cached, expiring."""

from __future__ import annotations

import struct
import zlib
from urllib.parse import parse_qs, urlsplit

from tests.mockserver.wiring.conftest import assert_envelope, create, key_of

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SEVEN_DAYS = 7 * 24 * 3600


def chunks(png: bytes) -> dict[bytes, list[bytes]]:
    assert png[:8] == PNG_SIGNATURE
    found: dict[bytes, list[bytes]] = {}
    at = 8
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        kind, data = png[at + 4 : at + 8], png[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", png[at + 8 + length : at + 12 + length])
        assert crc == zlib.crc32(kind + data)
        found.setdefault(kind, []).append(data)
        at += 12 + length
    return found


def reviewing(client):
    key = key_of(client)
    character = create(client, key).json()
    client.post("/_mock/clock/advance", json={"seconds": 3})
    return key, client.get(f"/v1/characters/{character['id']}", headers={"X-Api-Key": key}).json()


def test_each_ref_url_serves_a_png_labelled_with_its_pose(client) -> None:
    _key, character = reviewing(client)

    for ref in character["refs"]:
        response = client.get(ref["url"])

        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "image/png"
        assert response.headers["content-length"] == str(len(response.content))
        found = chunks(response.content)
        width, height = struct.unpack(">II", found[b"IHDR"][0][:8])
        assert (width, height) == (256, 256)
        zlib.decompress(b"".join(found[b"IDAT"]))  # the pixels decode
        assert f"Pose\x00{ref['pose']}".encode() in found[b"tEXt"]
        assert urlsplit(ref["url"]).path == f"/storage/characters/{character['id']}/{ref['pose']}.png"
    assert [ref["pose"] for ref in character["refs"]] == ["portrait", "front", "side", "back"]


def test_the_image_is_deterministic_from_id_and_pose(client) -> None:
    key, character = reviewing(client)
    _key, other = reviewing(client)
    first, again = (client.get(character["refs"][1]["url"]).content for _ in range(2))

    assert first == again
    assert first != client.get(character["refs"][2]["url"]).content  # another pose
    assert first != client.get(other["refs"][1]["url"]).content  # another character


def test_the_image_carries_caching_headers_and_answers_a_conditional_get_with_304(client) -> None:
    _key, character = reviewing(client)
    url = character["refs"][0]["url"]

    response = client.get(url)
    cached = client.get(url, headers={"If-None-Match": response.headers["etag"]})

    assert response.headers["cache-control"].startswith("private, max-age=")
    assert 0 < int(response.headers["cache-control"].split("=")[1]) <= SEVEN_DAYS
    assert cached.status_code == 304 and cached.content == b""


def test_a_tampered_signature_is_403_in_the_envelope(client) -> None:
    _key, character = reviewing(client)
    url = character["refs"][0]["url"]
    tampered = url.replace("signature=", "signature=0")

    assert_envelope(client.get(tampered), 403, "invalid_signature")
    other_pose = url.replace("/portrait.png", "/back.png")
    assert_envelope(client.get(other_pose), 403, "invalid_signature")


def test_an_expired_url_is_410_and_fetching_the_character_again_gives_a_fresh_one(client) -> None:
    key, character = reviewing(client)
    url = character["refs"][0]["url"]
    expires = int(parse_qs(urlsplit(url).query)["expires"][0])

    client.post("/_mock/clock/advance", json={"seconds": SEVEN_DAYS + 1})

    assert_envelope(client.get(url), 410, "url_expired")
    fresh = client.get(f"/v1/characters/{character['id']}", headers={"X-Api-Key": key}).json()["refs"][0]["url"]
    assert int(parse_qs(urlsplit(fresh).query)["expires"][0]) > expires
    assert client.get(fresh).status_code == 200


def test_the_refs_of_a_deleted_character_are_404(client) -> None:
    key, character = reviewing(client)
    client.post(f"/v1/characters/{character['id']}/save", headers={"X-Api-Key": key})
    client.delete(f"/v1/characters/{character['id']}", headers={"X-Api-Key": key})

    assert_envelope(client.get(character["refs"][0]["url"]), 404, "resource_not_found")


def test_a_ref_url_stays_the_same_between_reads(client) -> None:
    key, character = reviewing(client)

    again = client.get(f"/v1/characters/{character['id']}", headers={"X-Api-Key": key}).json()

    assert again["refs"] == character["refs"]
