"""How a mock server instance is configured: flags, a config file, and the demo teams.

A config file (TOML, or YAML when it ends in .yaml/.yml) may set any of these keys:

    lifecycle_variant = "review"        # or "auto_ready" (the 2026-06-19 changelog: no review step)
    rate_limits = true
    store = "redis://127.0.0.1:6379/0"   # or "memory" (the default)
    redis_prefix = "aurous-mock"
    [synthesis]
    seconds = 3.0                        # how long a synthesis takes on the mock's clock
    outcome = "succeed"                  # or "fail": how syntheses end unless a request says otherwise
    failure_message = "..."
    [[teams]]
    id = "team_acme"
    name = "Acme Studio"
    api_keys = ["al_live_<64 hex>"]
    revoked_keys = []
    pinned_version = "2026-05-15"
    credits = 100
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from mockserver.domain.model import Team
from mockserver.faults import FaultSettings


def demo_key(seed: str) -> str:
    """A stable, well-formed key, so the README and scripts can name the demo keys."""
    return "al_live_" + hashlib.sha256(seed.encode()).hexdigest()


DEMO_TEAMS: tuple[Team, ...] = (
    Team(
        id="team_01JDEMOACME0000000000000000",
        name="Acme Studio (demo)",
        api_keys=(demo_key("aurous-mock-demo-team-acme"),),
        revoked_keys=(demo_key("aurous-mock-demo-team-acme-revoked"),),
        pinned_version="2026-05-15",
        credits=1000,
    ),
    Team(
        id="team_01JDEMOGLOBEX00000000000000",
        name="Globex Pictures (demo)",
        api_keys=(demo_key("aurous-mock-demo-team-globex"),),
        revoked_keys=(),
        pinned_version="2026-06-19",
        credits=1000,
    ),
)


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 8000
    clock: Literal["real", "manual"] = "real"
    rate_limits: bool = True
    teams: tuple[Team, ...] = DEMO_TEAMS
    synthesis_seconds: float = 3.0
    synthesis_outcome: Literal["succeed", "fail"] = "succeed"
    failure_message: str = "Synthesis failed: the reference generator could not produce consistent poses."
    lifecycle_variant: Literal["review", "auto_ready"] = "review"
    # Serve retrieve and save straight from the gateway (see gateway.py); off = every request via Connexion.
    fast_lane: bool = True
    spec_path: Path | None = None
    # For frontend developers (app.create_app wires them; README "Using the mock from a browser").
    cors_origins: tuple[str, ...] = ()  # allowed browser origins; empty = any localhost origin; "*" = any
    control_token: str | None = None  # when set, /_mock needs X-Mock-Token: <token>
    state_file: Path | None = None  # keep the state across restarts
    state_save_seconds: float = 2.0  # how often a changed state is written (and always on clean shutdown)
    durability: Literal["interval", "durable"] = "interval"  # durable: each change fsynced before its response
    idempotency_max_keys: int = 10_000  # Idempotency-Key cache cap, oldest forgotten first (idempotency.py)
    fixtures: str | None = None  # a fixtures file (YAML/JSON) or a shipped scenario's name
    faults: FaultSettings = FaultSettings()
    request_log_size: int = 200  # GET /_mock/requests keeps this many
    # Host names /_mock answers to (control/hosts.py); None = any. The CLI sets the loopback names when it
    # binds to loopback; in-process apps (tests, library users) have no Host to defend.
    allowed_hosts: tuple[str, ...] | None = None
    # Where the state lives: "memory" (this process) or "redis://HOST:PORT/DB" (shared by every process
    # started with the same URL and prefix: uvicorn workers, replicas behind a load balancer).
    store: str = "memory"
    redis_prefix: str = "aurous-mock"  # key namespace, so several mocks can share one Redis
    workers: int = 1  # uvicorn worker processes (more than 1 needs the Redis store)

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def with_config_file(self, path: str | Path) -> Settings:
        return apply_config(self, load_config_file(path))


class ConfigError(ValueError):
    """A config file that cannot be used; the message says why."""


def load_config_file(path: str | Path) -> dict[str, Any]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror}") from None
    try:
        if path.suffix in (".yaml", ".yml"):
            import yaml

            data = yaml.safe_load(text) or {}
        else:
            data = tomllib.loads(text)
    except Exception as exc:  # both parsers' errors name the line; pass them on
        raise ConfigError(f"config file {path} is not valid: {exc}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"config file {path} must hold a table of settings")
    return data


_TEAM_KEYS = {"id", "name", "api_keys", "revoked_keys", "pinned_version", "credits"}


def apply_config(settings: Settings, data: dict[str, Any]) -> Settings:
    changes: dict[str, Any] = {}
    unknown = set(data) - {"lifecycle_variant", "rate_limits", "synthesis", "teams", "store", "redis_prefix"}
    if unknown:
        raise ConfigError(f"unknown config keys: {', '.join(sorted(unknown))}")
    if "lifecycle_variant" in data:
        if data["lifecycle_variant"] not in ("review", "auto_ready"):
            raise ConfigError("lifecycle_variant must be 'review' or 'auto_ready'")
        changes["lifecycle_variant"] = data["lifecycle_variant"]
    if "rate_limits" in data:
        changes["rate_limits"] = bool(data["rate_limits"])
    if "store" in data:
        changes["store"] = check_store(data["store"])
    if "redis_prefix" in data:
        changes["redis_prefix"] = check_prefix(data["redis_prefix"])
    synthesis = data.get("synthesis", {})
    if "seconds" in synthesis:
        seconds = float(synthesis["seconds"])
        if seconds < 0:
            raise ConfigError("synthesis.seconds must be 0 or more")
        changes["synthesis_seconds"] = seconds
    if "outcome" in synthesis:
        if synthesis["outcome"] not in ("succeed", "fail"):
            raise ConfigError("synthesis.outcome must be 'succeed' or 'fail'")
        changes["synthesis_outcome"] = synthesis["outcome"]
    if "failure_message" in synthesis:
        changes["failure_message"] = str(synthesis["failure_message"])
    if "teams" in data:
        changes["teams"] = tuple(_team(entry, position) for position, entry in enumerate(data["teams"], 1))
    return replace(settings, **changes)


def check_store(value: Any) -> str:
    """``memory`` or a ``redis://HOST:PORT/DB`` URL (checked in full by the Redis backend when it connects)."""
    if value == "memory" or (isinstance(value, str) and value.startswith(("redis://", "rediss://"))):
        return str(value)
    raise ConfigError(f"store must be memory or redis://HOST:PORT/DB, got {value!r}")


def check_prefix(value: Any) -> str:
    if not isinstance(value, str) or not value or any(c.isspace() for c in value):
        raise ConfigError(f"redis_prefix must be a non-empty name without spaces, got {value!r}")
    return value


def _team(entry: Any, position: int) -> Team:
    if not isinstance(entry, dict) or not {"id", "api_keys"} <= set(entry):
        raise ConfigError(f"team #{position} needs at least an id and api_keys")
    unknown = set(entry) - _TEAM_KEYS
    if unknown:
        raise ConfigError(f"team #{position} has unknown keys: {', '.join(sorted(unknown))}")
    return Team(
        id=str(entry["id"]),
        name=str(entry.get("name", entry["id"])),
        api_keys=tuple(entry["api_keys"]),
        revoked_keys=tuple(entry.get("revoked_keys", ())),
        pinned_version=entry.get("pinned_version"),
        credits=int(entry.get("credits", 100)),
    )
