"""Hypothesis strategies for the core: characters in any status, attributes, action sequences."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import strategies as st

from mockserver.domain.model import SYNTHESIS_POSES, Character, PendingSynthesis, Pose, Ref, Status, freeze_attributes

T0 = datetime(2026, 5, 8, 10, 0, 0, tzinfo=UTC)

times = st.integers(min_value=0, max_value=10**7).map(lambda s: T0 + timedelta(seconds=s))
poses = st.sampled_from(list(Pose))
live_statuses = st.sampled_from([Status.SYNTHESIZING, Status.REVIEWING, Status.READY, Status.FAILED])

short_text = st.text(min_size=0, max_size=40)
attributes = st.fixed_dictionaries(
    {},
    optional={
        "gender": short_text,
        "age": st.integers(min_value=0, max_value=150),
        "ethnicity": short_text,
        "hair_color": short_text,
        "hair_style": short_text,
        "eye_color": short_text,
        "body_type": short_text,
        "additional_details": st.text(max_size=500),
    },
)
names = st.text(min_size=1, max_size=120)


def _refs(character_id: str) -> tuple[Ref, ...]:
    return tuple(Ref(pose, f"https://storage.test/{character_id}/{pose.value}.png?token=t") for pose in SYNTHESIS_POSES)


@st.composite
def characters(draw: st.DrawFn, status: st.SearchStrategy[Status] = live_statuses) -> Character:
    """A coherent character: refs once synthesized, pending only while synthesizing, saved iff it says so."""
    chosen = draw(status)
    created = draw(times)
    updated = created + timedelta(seconds=draw(st.integers(0, 1000)))
    character_id = "char_01HXMQ7Z3K8Y2NABCDEFGHJKMR"
    saved = chosen is Status.READY or (chosen is not Status.REVIEWING and draw(st.booleans()))
    has_refs = chosen in (Status.REVIEWING, Status.READY) or draw(st.booleans())
    pending = None
    if chosen is Status.SYNTHESIZING:
        kind = draw(st.sampled_from(["create", "resynthesize", "regenerate"]))
        pending = PendingSynthesis(
            kind=kind,
            due_at=updated + timedelta(seconds=3),
            outcome=draw(st.sampled_from(["succeed", "fail"])),
            pose=draw(poses) if kind == "regenerate" else None,
        )
    return Character(
        id=character_id,
        team_id="team_a",
        name=draw(names),
        status=chosen,
        created_at=created,
        updated_at=updated,
        aurous_version="2026-05-15",
        refs=_refs(character_id) if has_refs else (),
        attributes=freeze_attributes(draw(st.none() | attributes)),
        error_message="Synthesis failed." if chosen is Status.FAILED else None,
        saved=saved,
        temp_upload_bytes=4 * 1_048_576 if chosen is Status.REVIEWING else 0,
        pending=pending,
    )


# Public actions a client can take on one character (the control API's force_status is not one).
actions = st.lists(
    st.one_of(
        st.tuples(st.just("save")),
        st.tuples(st.just("regenerate"), poses, st.sampled_from(["succeed", "fail"])),
        st.tuples(st.just("resynthesize"), st.sampled_from(["succeed", "fail"])),
        st.tuples(st.just("update"), names),
        st.tuples(st.just("wait"), st.integers(min_value=0, max_value=10)),
        st.tuples(st.just("retrieve")),
    ),
    max_size=25,
)


def make_character(status: Status, **changes: object) -> Character:
    """One plain, coherent example character in ``status`` (for example-based tests)."""
    character_id = "char_01HXMQ7Z3K8Y2NABCDEFGHJKMR"
    pending = (
        PendingSynthesis(kind="create", due_at=T0 + timedelta(seconds=3)) if status is Status.SYNTHESIZING else None
    )
    base = Character(
        id=character_id,
        team_id="team_a",
        name="Aurora the Adventurer",
        status=status,
        created_at=T0,
        updated_at=T0,
        aurous_version="2026-05-15",
        refs=() if status is Status.SYNTHESIZING else _refs(character_id),
        attributes=freeze_attributes({"gender": "female", "age": 30}),
        error_message="Synthesis failed." if status is Status.FAILED else None,
        saved=status is Status.READY,
        temp_upload_bytes=4 * 1_048_576 if status is Status.REVIEWING else 0,
        pending=pending,
        deleted_at=T0 if status is Status.DELETED else None,
    )
    if "attributes" in changes:
        changes["attributes"] = freeze_attributes(changes["attributes"])  # type: ignore[arg-type]
    return replace(base, **changes)  # type: ignore[arg-type]
