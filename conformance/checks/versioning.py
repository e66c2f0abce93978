"""Versioning: default, pin, echo header, malformed, unknown, and the frozen row version."""

from __future__ import annotations

from conformance.checks.base import UNKNOWN_ID, Kit, behaviour, character_body, expect_error, expect_status
from conformance.failures import FrozenVersionChanged, VersionNotHonoured

__all__: list[str] = []


def _echo(exchange) -> str | None:  # type: ignore[no-untyped-def]
    return exchange.header("aurous-version")


@behaviour("versioning")
def absent_version_applies_the_teams_pin(kit: Kit) -> None:
    """When absent: the team's pinned version; the applied version is echoed in the Aurous-Version header.
    (Both teams when their pins are known: a pin equal to the system default cannot tell the two apart.)"""
    teams = [(kit.client, kit.pinned_version)]
    if kit.other is not None and kit.other_pinned_version is not None:
        teams.append((kit.other, kit.other_pinned_version))
    for client, pin in teams:
        exchange = client.get("/v1/characters", params={"limit": 1})
        expect_status(exchange, 200, f"list without Aurous-Version ({client.team})")
        echoed = _echo(exchange)
        if pin is not None:
            if echoed != pin:
                raise VersionNotHonoured(
                    f"{client.team}: echoed {echoed!r}; the team is pinned to {pin}", exchange=exchange
                )
        elif echoed not in kit.contract.known_versions:
            known = kit.contract.known_versions
            raise VersionNotHonoured(f"echoed {echoed!r}, not a known version {known}", exchange=exchange)


@behaviour("versioning")
def unauthenticated_request_gets_the_system_default(kit: Kit) -> None:
    """Or the system default 2026-05-15 for unauthenticated requests (echoed on the 401 too)."""
    exchange = kit.client.get("/v1/characters", auth=False)
    expect_error(exchange, 401, code="missing_api_key", type="authentication", doing="list without a key")
    default = kit.contract.default_version
    if _echo(exchange) != default:
        raise VersionNotHonoured(
            f"unauthenticated request echoed {_echo(exchange)!r}; expected {default}", exchange=exchange
        )


@behaviour("versioning")
def requested_version_is_applied_and_echoed(kit: Kit) -> None:
    """Optional request header `Aurous-Version` (YYYY-MM-DD) pins the request; the applied version is echoed."""
    for version in kit.contract.known_versions:
        exchange = kit.client.get("/v1/characters", params={"limit": 1}, headers={"Aurous-Version": version})
        expect_status(exchange, 200, f"list with Aurous-Version {version}")
        if _echo(exchange) != version:
            raise VersionNotHonoured(f"sent {version}, echoed {_echo(exchange)!r}", exchange=exchange)


@behaviour("versioning")
def malformed_version_is_400_invalid_format(kit: Kit) -> None:
    """DECISION: a malformed value (fails the pattern): 400, type `invalid_request`, code `invalid_format`,
    `param: "Aurous-Version"`; the echo header is present on error responses too."""
    exchange = kit.client.get("/v1/characters", headers={"Aurous-Version": "15-05-2026"})
    expect_error(
        exchange, 400, code="invalid_format", type="invalid_request", param="Aurous-Version", doing="malformed version"
    )
    if _echo(exchange) is None:
        raise VersionNotHonoured("no Aurous-Version header on the 400", exchange=exchange)


@behaviour("versioning")
def unknown_version_is_400_unknown_version(kit: Kit) -> None:
    """A well-formed but unknown version: 400, type `invalid_request`, code `unknown_version`."""
    exchange = kit.client.get("/v1/characters", headers={"Aurous-Version": "1999-01-01"})
    expect_error(exchange, 400, code="unknown_version", type="invalid_request", doing="unknown version")
    if _echo(exchange) is None:
        raise VersionNotHonoured("no Aurous-Version header on the 400", exchange=exchange)


@behaviour("versioning")
def version_is_echoed_on_error_responses(kit: Kit) -> None:
    """The applied version is echoed on every response in the `Aurous-Version` response header (errors too)."""
    exchange = kit.client.get(
        f"/v1/characters/{UNKNOWN_ID}", headers={"Aurous-Version": kit.contract.known_versions[-1]}
    )
    expect_status(exchange, 404, "GET an unknown id")
    if _echo(exchange) != kit.contract.known_versions[-1]:
        raise VersionNotHonoured(
            f"404 echoed {_echo(exchange)!r}; expected {kit.contract.known_versions[-1]}", exchange=exchange
        )


@behaviour("versioning", needs=("ready",))
def row_version_is_frozen(kit: Kit) -> None:
    """Each character carries `aurous_version`: the contract version applied when the row was minted. It is
    frozen: later requests under another pin never change it."""
    character = kit.character("ready")
    minted = character.get("aurous_version")
    if minted not in kit.contract.known_versions:
        raise FrozenVersionChanged(f"new character carries aurous_version {minted!r}", exchange=kit.client.log[-1])
    other = next(v for v in kit.contract.known_versions if v != minted)
    patched = kit.client.patch(
        f"/v1/characters/{character['id']}",
        json_body={"name": "Renamed under another pin"},
        headers={"Aurous-Version": other},
    )
    expect_status(patched, 200, f"PATCH under Aurous-Version {other}")
    if character_body(patched).get("aurous_version") != minted:
        raise FrozenVersionChanged(
            f"PATCH under {other} changed aurous_version from {minted} to {character_body(patched).get('aurous_version')}",
            exchange=patched,
        )
    read = kit.client.get(f"/v1/characters/{character['id']}", headers={"Aurous-Version": other})
    expect_status(read, 200, f"GET under Aurous-Version {other}")
    if character_body(read).get("aurous_version") != minted:
        raise FrozenVersionChanged(
            f"read under {other} shows aurous_version {character_body(read).get('aurous_version')}", exchange=read
        )


@behaviour("versioning", needs=("ready",))
def row_version_is_the_version_applied_at_creation(kit: Kit) -> None:
    """`aurous_version`: the contract version applied when the row was minted (created)."""
    pin = kit.contract.known_versions[-1]
    pinned = kit.client.with_headers({"Aurous-Version": pin})
    character = kit.fixtures.get("ready", client=pinned)
    if character.get("aurous_version") != pin:
        raise FrozenVersionChanged(
            f"created under Aurous-Version {pin}, the row carries {character.get('aurous_version')!r}",
            exchange=kit.client.log[-1],
        )
