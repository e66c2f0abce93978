"""Upload rules: the upload ticket, its signed content URL, and the deterministic pose classifier.

Shape is the spec's job: the ticket's fields, the PUT's media types and its 10 MiB limit are openapi.yaml's,
refused before these methods are called (``mockserver.validation``, the gateway's body limit). What is
left here is what JSON Schema cannot say: the extension matching the content type, the signature and the
URL's age, an upload used once, bytes PUT before use, the caller's team.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from ..ids import new_id
from .base import _CLASSIFIABLE, UPLOAD_CONTENT_TYPES, ServiceBase
from .errors import InvalidRequest, NotFound, UploadExpired, UploadInvalid
from .model import (
    UPLOAD_TTL,
    UPLOAD_URL_TTL,
    Pose,
    Upload,
)


class UploadRules(ServiceBase):
    # -- uploads -------------------------------------------------------------------------------------

    def init_upload(self, team_id: str, body: Mapping[str, Any]) -> Upload:
        """An upload ticket: PUT target valid 15 min, ticket valid 24 h.

        ``extension`` and ``content_type`` are required and must match (jpg/jpeg: image/jpeg, png:
        image/png, webp: image/webp), else 400 parameter_invalid_combination, param extension.
        """
        self.complete_due()
        content_type, extension, filename = body["content_type"], body["extension"], body.get("filename")
        if UPLOAD_CONTENT_TYPES[extension] != content_type:
            raise InvalidRequest(
                f"Extension {extension!r} does not match content_type {content_type!r} "
                "(jpg/jpeg: image/jpeg, png: image/png, webp: image/webp).",
                code="parameter_invalid_combination",
                param="extension",
            )
        now = self.clock.now()
        upload_id = new_id("upl", now)
        upload = Upload(
            id=upload_id,
            team_id=team_id,
            filename=filename or f"upload.{extension}",
            extension=extension,
            content_type=content_type,
            signature=secrets.token_urlsafe(24),
            created_at=now,
            url_expires_at=now + UPLOAD_URL_TTL,
            expires_at=now + UPLOAD_TTL,
        )
        self.store.put_upload(upload)
        return upload

    def put_upload_content(self, upload_id: str, signature: str, data: bytes) -> None:
        """The signed PUT target: no team, the signature authorises. Re-PUT before use replaces the bytes.

        Unknown upload or wrong signature: NotFound. URL older than 15 min: UploadExpired.
        """
        self.complete_due()
        upload = self.store.get_upload(upload_id)
        if upload is None or not hmac.compare_digest(upload.signature.encode(), (signature or "").encode()):
            # A 404 for a path id has `param: null` (openapi.yaml, Error.param; the spec's examples).
            raise NotFound("No such upload, or the signature does not match.", param=None)
        if self.clock.now() >= upload.url_expires_at:
            raise UploadExpired(f"The upload URL of {upload_id} has expired; request a new one with uploads/init.")
        if upload.consumed:
            raise UploadInvalid(f"Upload {upload_id} was already used to create a character.", param=None)
        if not data:  # the spec sets no minLength on the bytes; an empty image is refused here
            raise InvalidRequest("The upload body is empty.", code="invalid_format", param="body")
        pose, confidence = classify(data, upload.filename)
        self.store.put_upload(replace(upload, size_bytes=len(data), pose=pose, confidence=confidence, classified=False))

    def classify_upload(self, team_id: str, upload_id: str) -> dict[str, Any]:
        """{upload_id, pose, confidence}, deterministic from the bytes.

        Another team's upload: NotFound. Unknown, expired, consumed or bytes not yet PUT: UploadInvalid.
        """
        self.complete_due()
        upload = self.store.get_upload(upload_id)
        if upload is not None and upload.team_id != team_id:
            raise NotFound(f"No upload with id {upload_id!r}.", param="upload_id")
        upload = self._usable_upload(upload, upload_id, self.clock.now(), param="upload_id")
        if not upload.classified:
            self.store.put_upload(replace(upload, classified=True))
        return {"upload_id": upload.id, "pose": (upload.pose or Pose.OTHER).value, "confidence": upload.confidence}


def classify(data: bytes, filename: str = "") -> tuple[Pose, float]:
    """Deterministic pose classification: a pose named in the filename wins (so tests can steer it),
    otherwise the bytes' hash picks one."""
    lowered = filename.lower()
    for pose in (Pose.PORTRAIT, Pose.FRONT, Pose.SIDE, Pose.BACK):
        if pose.value in lowered:
            return pose, 0.97
    digest = hashlib.sha256(data).digest()
    return _CLASSIFIABLE[digest[0] % len(_CLASSIFIABLE)], round(0.55 + digest[1] / 255 * 0.4, 2)
