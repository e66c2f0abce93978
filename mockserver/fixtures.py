"""Fixtures: a YAML or JSON file that seeds teams and characters in any state, at start and on every reset.

    description: One character per state.       # optional, shown by GET /_mock/scenarios
    teams: [...]                                # optional, as the config file's [[teams]]; at start only
    credits: {0: 0}                             # starting balance per team
    characters:
      - team: 0                                 # a team id, name, or position (0 = first); default 0
        id: char_01HXMQ7Z3K8Y2NABCDEFGHJKMR      # optional: stable across resets either way
        name: Aurora
        status: failed                          # synthesizing, reviewing, ready, failed, deleted
        error_message: "Synthesis failed: ..."  # failed (default: the configured failure message)
        attributes: {gender: female, age: 28}
        client_reference_id: my-42
        refs: [{pose: front, url: "https://..."}]   # default: four synthesized refs unless synthesizing/failed
        created_seconds_ago: 3600               # default 0
        aurous_version: "2026-05-15"            # default: the team's pin, else the system default
        due_in_seconds: 600                     # synthesizing: when it finishes (default: the synthesis time)
        outcome: fail                           # synthesizing: how it finishes (default: the configured one)
    rate_limits:                                # buckets that start empty (429 until they refill)
      - {team: 0, bucket: characters_synthesize}

``--fixtures`` takes a path, or the name of a scenario shipped in ``mockserver/scenarios/``. The file is
validated once (a ``FixtureError`` names the entry and field), ids are minted once, and ``seed`` puts the
same rows back on every reset.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from jsonschema import Draft4Validator

from mockserver.domain import lifecycle
from mockserver.domain.model import Character, Pose, Ref, Status, Team, freeze_attributes
from mockserver.ids import new_id, ulid_of
from mockserver.schema_messages import readable_message
from mockserver.settings import ConfigError

__all__ = ["SCENARIOS_DIR", "FixtureContract", "FixtureError", "Fixtures", "load_fixture_data", "scenario_names"]

SCENARIOS_DIR = Path(__file__).parent / "scenarios"
_TOP_KEYS = {"description", "teams", "credits", "characters", "rate_limits"}
_CHARACTER_KEYS = {
    "team", "id", "name", "status", "error_message", "attributes", "client_reference_id", "refs",
    "created_seconds_ago", "aurous_version", "due_in_seconds", "outcome",
}  # fmt: skip


_TEN_YEARS = 10 * 366 * 86_400


class FixtureError(ConfigError):
    """A fixtures file or body that cannot be used; the message names the entry and the field."""


# The fields of a seeded character the public API also takes on create: checked against the create
# body's own schemas, so that a seeded row is one the API could have made.
_PUBLIC_FIELDS = ("name", "client_reference_id", "attributes")


@dataclass(frozen=True)
class FixtureContract:
    """What fixtures read from the spec (given by the wiring; fixtures keep no copy): the default version,
    the ``Aurous-Version`` pattern, and the create body's schemas for a character's public fields."""

    default_version: str
    version_pattern: re.Pattern[str]
    character: Draft4Validator

    @classmethod
    def from_spec(cls, spec: dict[str, Any], *, default_version: str, version_pattern: str) -> FixtureContract:
        create = spec["components"]["schemas"]["CreateCharacterRequest"]
        schema = {
            "type": "object",
            "properties": {name: create["properties"][name] for name in _PUBLIC_FIELDS},
            "components": spec["components"],  # the target of the properties' #/components/... refs
        }
        return cls(default_version, re.compile(version_pattern), Draft4Validator(schema))

    def check_public_fields(self, entry: dict[str, Any], where: str) -> None:
        """Raise FixtureError naming the first field (``where.attributes.age``) the spec's schema refuses."""
        # null means "not set" in a fixture (the schemas' `nullable` is OpenAPI's, not JSON Schema's).
        fields = {name: entry[name] for name in _PUBLIC_FIELDS if entry.get(name) is not None}
        error = min(self.character.iter_errors(fields), key=lambda e: list(map(str, e.absolute_path)), default=None)
        if error is not None:
            field = ".".join(map(str, error.absolute_path))
            raise _fail(f"{where}.{field}" if field else where, readable_message(error))


def scenario_names() -> list[str]:
    return sorted(path.stem for path in SCENARIOS_DIR.glob("*.yaml"))


def load_fixture_data(source: str | Path) -> dict[str, Any]:
    """A fixtures file (YAML, or JSON when it ends in .json), or a shipped scenario by name."""
    path = Path(source)
    if not path.exists():
        shipped = SCENARIOS_DIR / f"{str(source).replace('-', '_')}.yaml"
        if shipped.exists():
            path = shipped
        else:
            raise FixtureError(
                f"no fixtures file {source!r}, and no shipped scenario of that name "
                f"(shipped: {', '.join(scenario_names())})"
            )
    try:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".json":
            data = json.loads(text)
        else:
            import yaml

            data = yaml.safe_load(text)
    except (OSError, ValueError) as exc:
        raise FixtureError(f"fixtures file {path} cannot be read: {exc}") from None
    except Exception as exc:  # yaml's errors name the line
        raise FixtureError(f"fixtures file {path} is not valid YAML: {exc}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FixtureError(f"fixtures file {path} must hold a mapping (description, teams, characters, ...)")
    return data


@dataclass(frozen=True)
class _Seed:
    character: Character  # as it would be created; its status is reached through lifecycle.force_status
    target: Status
    created_ago: float
    due_in: float | None
    outcome: str | None


def _fail(where: str, message: str) -> FixtureError:
    return FixtureError(f"fixtures: {where}: {message}")


class Fixtures:
    """Validated fixtures; ``seed`` applies them to a freshly reset service."""

    def __init__(self, data: dict[str, Any], teams: tuple[Team, ...], *, contract: FixtureContract) -> None:
        unknown = set(data) - _TOP_KEYS
        if unknown:
            raise _fail("top level", f"unknown keys {', '.join(sorted(map(str, unknown)))}")
        if not teams:
            raise _fail("teams", "there is no team to seed")
        self.teams = teams
        self.data = data  # as given: the shared store (--store redis) hands it to the other processes
        self.description = str(data.get("description") or "")
        self.credits: dict[str, int] = {}
        credits = data.get("credits") or {}
        if not isinstance(credits, dict):
            raise _fail("credits", "must map a team to a balance")
        for ref, value in credits.items():
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise _fail(f"credits[{ref}]", "must be a whole number, 0 or more")
            self.credits[self._team(ref, f"credits[{ref}]").id] = value
        characters = data.get("characters") or []
        if not isinstance(characters, list):
            raise _fail("characters", "must be a list")
        self.contract = contract
        self.seeds = [self._seed(entry, f"characters[{n}]") for n, entry in enumerate(characters)]
        ids = [seed.character.id for seed in self.seeds]
        if len(set(ids)) != len(ids):
            raise _fail("characters", "two characters have the same id")
        self.drained: list[tuple[str, str]] = []
        rate_limits = data.get("rate_limits") or []
        if not isinstance(rate_limits, list):
            raise _fail("rate_limits", "must be a list")
        for n, entry in enumerate(rate_limits):
            where = f"rate_limits[{n}]"
            if not isinstance(entry, dict) or not isinstance(entry.get("bucket"), str):
                raise _fail(where, "needs a bucket (and a team; default 0)")
            self.drained.append((self._team(entry.get("team", 0), where).id, entry["bucket"]))

    def _team(self, ref: Any, where: str) -> Team:
        if isinstance(ref, str) and ref.isdigit() and all(ref not in (t.id, t.name) for t in self.teams):
            ref = int(ref)  # JSON object keys are strings: "0" is the first team
        if isinstance(ref, int) and not isinstance(ref, bool):
            if 0 <= ref < len(self.teams):
                return self.teams[ref]
        else:
            for team in self.teams:
                if str(ref) in (team.id, team.name):
                    return team
        names = ", ".join(f"{n}: {team.id}" for n, team in enumerate(self.teams))
        raise _fail(where, f"no team {ref!r} (teams: {names})")

    def _seed(self, entry: Any, where: str) -> _Seed:
        if not isinstance(entry, dict):
            raise _fail(where, "must be a mapping")
        unknown = set(entry) - _CHARACTER_KEYS
        if unknown:
            raise _fail(where, f"unknown keys {', '.join(sorted(map(str, unknown)))}")
        team = self._team(entry.get("team", 0), f"{where}.team")
        try:
            status = Status(entry.get("status", "ready"))
        except ValueError:
            raise _fail(f"{where}.status", f"must be one of {', '.join(s.value for s in Status)}") from None
        character_id = entry.get("id") or new_id("char", datetime.now(UTC))
        if not isinstance(character_id, str) or ulid_of(character_id, "char") is None:
            raise _fail(f"{where}.id", "must be char_ followed by a 26-character ULID (Crockford base32)")
        self.contract.check_public_fields(entry, where)
        name = entry.get("name") or "Untitled character"
        attributes = entry.get("attributes")
        client_reference_id = entry.get("client_reference_id")
        version = entry.get("aurous_version")
        pattern = self.contract.version_pattern
        if version is not None and (not isinstance(version, str) or pattern.fullmatch(version) is None):
            raise _fail(f"{where}.aurous_version", "must be a date, YYYY-MM-DD")
        refs: tuple[Ref, ...] = ()
        if "refs" in entry:
            try:
                refs = tuple(Ref(Pose(r["pose"]), r["url"]) for r in entry["refs"])
                if not all(isinstance(ref.url, str) and 0 < len(ref.url) <= 2048 for ref in refs):
                    raise ValueError
            except (TypeError, KeyError, ValueError):
                raise _fail(f"{where}.refs", "must be a list of {pose, url}") from None
        numbers = {}
        for key in ("created_seconds_ago", "due_in_seconds"):
            value = entry.get(key)
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= _TEN_YEARS
            ):
                raise _fail(f"{where}.{key}", "must be a number of seconds, from 0 to ten years")
            numbers[key] = value
        outcome = entry.get("outcome")
        if outcome not in (None, "succeed", "fail"):
            raise _fail(f"{where}.outcome", "must be succeed or fail")
        error_message = entry.get("error_message")
        if error_message is not None and (not isinstance(error_message, str) or not 0 < len(error_message) <= 500):
            raise _fail(f"{where}.error_message", "must be a string of 1 to 500 characters")
        epoch = datetime.fromtimestamp(0, UTC)  # replaced at seed time
        character = Character(
            id=character_id,
            team_id=team.id,
            name=name,
            status=Status.REVIEWING,
            created_at=epoch,
            updated_at=epoch,
            aurous_version=version or team.pinned_version or self.contract.default_version,
            refs=refs,
            client_reference_id=client_reference_id,
            attributes=freeze_attributes(attributes),
            error_message=error_message,
        )
        return _Seed(character, status, numbers["created_seconds_ago"] or 0, numbers["due_in_seconds"], outcome)

    def seed(self, service: Any, limiter: Any) -> None:
        """Put the fixtures' rows, balances and empty buckets into a service that was just reset."""
        now = service.clock.now()
        settings = service.settings
        for team_id, credits in self.credits.items():
            service.set_credits(team_id, credits)
        for seed in self.seeds:
            created = now - timedelta(seconds=seed.created_ago)
            character = replace(seed.character, created_at=created, updated_at=created)
            due_in = settings.synthesis_seconds if seed.due_in is None else seed.due_in
            error_message = character.error_message
            if seed.target is Status.FAILED and error_message is None:
                error_message = settings.failure_message
            forced = lifecycle.force_status(
                character,
                seed.target,
                error_message,
                now=created,
                due_at=now + timedelta(seconds=due_in),
                outcome=seed.outcome or settings.synthesis_outcome,  # type: ignore[arg-type]
                storage_base_url=settings.storage_base_url,
            )
            if seed.target is Status.DELETED:  # a deleted row was once a saved character with refs
                refs = forced.refs or lifecycle.synthesized_refs(forced.id, settings.storage_base_url, now=created)
                forced = replace(forced, refs=refs, saved=True, temp_upload_bytes=0)
            service.put_seeded(forced)
        if limiter.enabled:
            stamp = now.timestamp()
            for team_id, bucket in self.drained:
                while limiter.take(team_id, bucket, stamp).allowed:
                    pass

    def check_buckets(self, buckets: Any) -> None:
        for n, (_team_id, bucket) in enumerate(self.drained):
            if bucket not in buckets:
                raise _fail(f"rate_limits[{n}].bucket", f"no bucket {bucket!r} (buckets: {', '.join(sorted(buckets))})")
