// Generated from openapi.yaml by scripts/gen_ts_types.mjs (openapi-typescript). Do not edit by hand:
// run `node scripts/gen_ts_types.mjs`.

export interface paths {
    "/v1/characters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List characters
         * @description Pages through your team's live characters, newest first (`created_at` descending). Deleted characters
         *     never appear. Pass `limit` (1-100, default 20) and `starting_after` (the previous page's `next_cursor`);
         *     stop when `has_more` is false (`next_cursor` is then null). A cursor keeps working after its
         *     character is deleted; one that is not a character of your team on record is 400 `invalid_cursor`
         *     (**DECISION**). Free; bucket `characters_get`.
         */
        get: operations["listCharacters"];
        put?: never;
        /**
         * Create a character (upload flow or synthesize flow)
         * @description Creates a character by exactly one of two flows (sending both or neither is 400
         *     `parameter_invalid_combination`; the server enforces it, the schema does not):
         *
         *     | flow | body | 201 status | cost | bucket |
         *     |---|---|---|---|---|
         *     | upload | `upload_ids` (1-6) | `ready` (refs are the uploads) | 0 | `characters_post` |
         *     | synthesize | `generate: true` + `attributes` | `synthesizing` (or `reviewing` if it already finished) | 4 credits | `characters_synthesize` |
         *
         *     **Synthesize flow.** The platform generates four refs (`portrait`, `front`, `side`, `back`); the real
         *     service takes 30-90 s. Poll `GET /v1/characters/{id}` until `status` leaves `synthesizing`: `reviewing`
         *     (inspect `refs[]`, then `POST /v1/characters/{id}/save`, or regenerate / resynthesize / delete) or
         *     `failed` (`error_message` set; resynthesize to retry). Credits are charged when the request is
         *     accepted; not enough: 402 `insufficient_credits`.
         *
         *     **Upload flow.** Mint one ticket per image with `POST /v1/characters/uploads/init`, PUT the bytes to
         *     its `upload_url`, optionally classify, then create. The uploads are consumed. Free.
         *
         *     The row's `aurous_version` is the version applied to this request, frozen from now on.
         *
         *     **Idempotency** (**DECISION**, a gap in the docs): `Idempotency-Key` is accepted on both flows. Use it on
         *     the synthesize flow: a network retry without a key can charge twice.
         *
         *     Which bucket and cost apply is decided by the flow (`x-aurous-rate-limit-bucket` and
         *     `x-aurous-credit-cost` are objects keyed `upload_flow` / `synthesize_flow`): a body with `generate: true`
         *     is the synthesize flow, any other body the upload flow, including invalid ones.
         */
        post: operations["createCharacter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/characters/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Opaque character id (`char_...`). Deliberately no pattern: **DECISION** any id that does not name
                 *     a live character of your team (unknown, soft-deleted, another team's, or malformed) gets 404
                 *     `resource_not_found`, never 400, so the answer leaks nothing.
                 * @example char_01HXMQ7Z3K8Y2NABCDEFGHJKMR
                 */
                id: components["parameters"]["CharacterId"];
            };
            cookie?: never;
        };
        /**
         * Retrieve a character
         * @description Returns one live character of your team. Poll it while `status` is `synthesizing` (a few seconds
         *     apart; the bucket `characters_get` allows 120/min sustained). Free.
         */
        get: operations["retrieveCharacter"];
        put?: never;
        post?: never;
        /**
         * Delete a character
         * @description Deletes a character. A `reviewing` character (never saved) is hard-deleted: the row is gone. Any other
         *     is soft-deleted: `status: deleted`, `deleted_at` set, the row kept so its id stays unique. Either way
         *     it is 404 everywhere afterwards and absent from lists. Allowed in every state, `synthesizing`
         *     included (the running synthesis is abandoned). Free; no credits are refunded. Bucket
         *     `characters_post`.
         *
         *     **DECISION:** a repeated DELETE is 404 `resource_not_found` (deleted is 404 everywhere).
         */
        delete: operations["deleteCharacter"];
        options?: never;
        head?: never;
        /**
         * Update a character's name or attributes
         * @description Changes `name` and/or `attributes` (replaced whole, not merged; `null` clears them). Refs are
         *     immutable: use regenerate or resynthesize to change the look. Free; bucket `characters_post`.
         *
         *     **DECISION:** allowed in `reviewing`, `ready` and `failed`; a `synthesizing` character gets 400
         *     `invalid_request_error`. Any field other than `name` and `attributes`: 400 `parameter_unknown` with
         *     `param` naming the first rejected field. The status never changes.
         */
        patch: operations["updateCharacter"];
        trace?: never;
    };
    "/v1/characters/{id}/save": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Opaque character id (`char_...`). Deliberately no pattern: **DECISION** any id that does not name
                 *     a live character of your team (unknown, soft-deleted, another team's, or malformed) gets 404
                 *     `resource_not_found`, never 400, so the answer leaks nothing.
                 * @example char_01HXMQ7Z3K8Y2NABCDEFGHJKMR
                 */
                id: components["parameters"]["CharacterId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Save a reviewing character (move it to ready)
         * @description The publication step of the synthesize flow: moves a `reviewing` character to `ready`, deletes the
         *     temporary upload bytes of the synthesis pipeline, and makes the character usable as `character_id` on
         *     `POST /v1/images`. No body. Free, dispatches no inference: a pure state transition. Bucket
         *     `characters_post` (30/min sustained, burst 60).
         *
         *     | status before | result |
         *     |---|---|
         *     | `reviewing` | 200, now `ready`, `updated_at` set to now |
         *     | `ready` | 200, idempotent: the whole representation unchanged, `updated_at` included. Retry confidently. |
         *     | `synthesizing`, `failed` | 400 `invalid_request_error` (poll until `reviewing`; resynthesize a failed one) |
         *     | unknown, deleted, other team's, malformed id | 404 `resource_not_found` |
         *
         *     A saved character never returns to `reviewing`: after a later regenerate or resynthesize it comes back
         *     `ready` (**DECISION**). To redo refs before saving, use regenerate (one pose) or resynthesize (all
         *     four); to discard, delete.
         */
        post: operations["saveCharacter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/characters/{id}/refs/regenerate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Opaque character id (`char_...`). Deliberately no pattern: **DECISION** any id that does not name
                 *     a live character of your team (unknown, soft-deleted, another team's, or malformed) gets 404
                 *     `resource_not_found`, never 400, so the answer leaks nothing.
                 * @example char_01HXMQ7Z3K8Y2NABCDEFGHJKMR
                 */
                id: components["parameters"]["CharacterId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Regenerate one ref pose
         * @description Re-runs synthesis for one pose, leaving the other refs intact. Returns 200 with the character now
         *     `synthesizing`; poll it. When it completes, a character that was ever saved returns to `ready`, one
         *     that never was to `reviewing` (**DECISION**). If it fails, the character is `failed` with the previous
         *     refs kept. While `synthesizing` it cannot be used on `POST /v1/images`.
         *
         *     **DECISION:** allowed from `reviewing` and `ready`; `synthesizing` or `failed`: 400
         *     `invalid_request_error` (a failed character needs resynthesize). Costs 1 credit (402
         *     `insufficient_credits` when short). Bucket `characters_synthesize`. Send an `Idempotency-Key`: a retry
         *     without one can charge twice.
         */
        post: operations["regenerateRef"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/characters/{id}/resynthesize": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Opaque character id (`char_...`). Deliberately no pattern: **DECISION** any id that does not name
                 *     a live character of your team (unknown, soft-deleted, another team's, or malformed) gets 404
                 *     `resource_not_found`, never 400, so the answer leaks nothing.
                 * @example char_01HXMQ7Z3K8Y2NABCDEFGHJKMR
                 */
                id: components["parameters"]["CharacterId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resynthesize all ref poses
         * @description Re-runs the whole synthesis from the character's current attributes, producing a fresh set of four
         *     refs. Returns 200 with the character now `synthesizing`; poll it. When it completes, a character that
         *     was ever saved returns to `ready`, one that never was to `reviewing` (**DECISION**); if it fails, the
         *     character is `failed` and keeps its previous refs (**DECISION**).
         *
         *     Allowed from `reviewing`, `ready` and `failed`; `synthesizing`: 400 `invalid_request_error`. Costs 4
         *     credits, like a synthesize-flow create (402 `insufficient_credits` when short). Bucket
         *     `characters_synthesize`. The body is optional. Send an `Idempotency-Key`: a retry without one can charge
         *     again.
         */
        post: operations["resynthesizeCharacter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/characters/uploads/init": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mint a signed upload URL for one reference image
         * @description Step 1 of the upload flow. Returns an upload ticket: `upload_id` and a signed `upload_url`. Then:
         *
         *     1. `PUT` the image bytes to `upload_url` (no API key; within 15 minutes).
         *     2. Optionally `POST /v1/characters/uploads/classify` to detect the pose.
         *     3. `POST /v1/characters` with `upload_ids` (1-6 tickets) to create a `ready` character.
         *
         *     One ticket per image. The ticket lives 24 hours. Free; bucket `characters_post`.
         */
        post: operations["initUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/characters/uploads/{upload_id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Upload the bytes of an image (the signed upload URL)
         * @description The target of `upload_url`, documented here because it is part of this API (**DECISION**, see
         *     ARCHITECTURE): `{base}/v1/characters/uploads/{upload_id}/content?signature=<token>`. Like a real signed
         *     URL it takes **no API key** (`security: []`); the `signature` query parameter is required.
         *
         *     Body: the raw image bytes as `image/jpeg`, `image/png`, `image/webp` or `application/octet-stream`, at
         *     most 10 MiB (413 `payload_too_large`); another content type: 415 `unsupported_media_type`. 204 on
         *     success; a second PUT before the upload is consumed replaces the bytes.
         *
         *     Unknown upload or wrong signature: 404 `resource_not_found`. URL older than 15 minutes: 400
         *     `upload_expired` (mint a new ticket).
         *
         *     **Unmetered:** no rate-limit bucket, so its responses carry no `X-RateLimit-*` headers. Free.
         */
        put: operations["putUploadContent"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/characters/uploads/classify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Classify the pose of an uploaded image
         * @description Optional step of the upload flow: detects the pose (`portrait`, `front`, `side`, `back` or `other`) of
         *     an upload whose bytes were PUT, with a confidence score. Deterministic and free: the same upload gets
         *     the same answer every time. A ref that is never classified gets pose `other` on create.
         *
         *     Unknown, expired, already consumed, or bytes not yet PUT: 400 `upload_invalid`. Another team's upload:
         *     404 `resource_not_found`. Bucket `characters_post`.
         */
        post: operations["classifyUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/images": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an image (optionally anchored on a character)
         * @description Submits an image generation; returns 202 with the queued image. Costs 1 credit, deducted on acceptance
         *     (402 `insufficient_credits` when short). Bucket `images_post`. Send an `Idempotency-Key`.
         *
         *     With `character_id`, the character's refs anchor the identity. It must be `ready`: `synthesizing`,
         *     `reviewing` (not saved yet) or `failed` gets 400 `character_not_ready`, `param: character_id`. Unknown,
         *     deleted or another team's: 404 `resource_not_found` (**DECISION**: deleted is 404 everywhere; this
         *     overrides the images page, which says 400 for soft-deleted).
         */
        post: operations["createImage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the team's credit balance
         * @description Returns your team's credit balance. Free. **Unmetered:** no rate-limit bucket, so its responses carry
         *     no `X-RateLimit-*` headers.
         *
         *     Costs elsewhere: synthesize-flow create 4, resynthesize 4, regenerate 1, `POST /v1/images` 1;
         *     everything else 0 (delete refunds nothing).
         */
        get: operations["getBalance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook_endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the team's webhook endpoints
         * @description Every endpoint of your team, newest first, with `secret: null`. **DECISION:** a team has at most 16 endpoints, so the list is one page (`has_more: false`). Bucket `webhook_endpoints_get` (120/min, burst 240).
         */
        get: operations["listWebhookEndpoints"];
        put?: never;
        /**
         * Register a webhook endpoint
         * @description Mints an endpoint for your team, generates its signing secret and returns the secret **exactly once**, in `secret`; every later read has `secret: null` (rotate it with `rotate_secret`). `events: ["*"]` subscribes to every event type of today's taxonomy: the wildcard is expanded now, and event types added later are not added to this endpoint. Bucket `webhook_endpoints_post` (10/min, burst 10). Free.
         *
         *     `url` must be `https://` and at most 2048 characters; the real API rejects plain `http://`.
         *     **DECISION (local development):** plain `http://` is accepted when the host is a loopback address (`localhost`, `127.0.0.1`, `[::1]`), so an integrator can point the mock at a receiver on their own machine; the `url` schema's pattern says exactly this. **DECISION:** a team has at most 16 endpoints (400 `value_out_of_range`, `param: url`).
         *
         *     **DECISION (version):** the endpoint records the API version applied to this request in `api_version`; every event delivered to it is rendered in that version and says so in the envelope's `api_version`, whatever the team's pin later becomes. The character events (2026-06-19 changelog) apply across all version pins: an endpoint created under `2026-05-15` can subscribe to them.
         */
        post: operations["createWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook_endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Opaque endpoint id (`we_...`). No pattern: an unknown, deleted, other team's or malformed id gets 404 `resource_not_found`.
                 * @example we_01HXMQ7Z3K8Y2NABCDEFGHJKMN
                 */
                id: components["parameters"]["WebhookEndpointId"];
            };
            cookie?: never;
        };
        /**
         * Get a webhook endpoint
         * @description The endpoint's metadata and delivery health (`is_active`, `consecutive_failures`, `last_success_at`, `last_failure_at`). `secret` is always null on reads. Bucket `webhook_endpoints_get`.
         */
        get: operations["retrieveWebhookEndpoint"];
        put?: never;
        post?: never;
        /**
         * Cancel (delete) a webhook endpoint
         * @description Stops all deliveries to the endpoint: pending deliveries and scheduled retries are abandoned, never sent. The endpoint is gone (404 afterwards, and on a repeated DELETE). **DECISION:** the public docs name a per-endpoint cancel operation next to `test` and `rotate_secret` without a page this project could read; this contract spells it as `DELETE`, like deleting a character. Bucket `webhook_endpoints_post`.
         */
        delete: operations["deleteWebhookEndpoint"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook_endpoints/{id}/rotate_secret": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Opaque endpoint id (`we_...`). No pattern: an unknown, deleted, other team's or malformed id gets 404 `resource_not_found`.
                 * @example we_01HXMQ7Z3K8Y2NABCDEFGHJKMN
                 */
                id: components["parameters"]["WebhookEndpointId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the signing secret
         * @description Generates a new secret and returns it **once**, in `secret`. **DECISION:** the new secret applies at once to every later attempt, retries of earlier events included; there is no overlap window, so update your verifier before rotating (or accept both secrets for a moment). No body. Bucket `webhook_endpoints_post`.
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook_endpoints/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Opaque endpoint id (`we_...`). No pattern: an unknown, deleted, other team's or malformed id gets 404 `resource_not_found`.
                 * @example we_01HXMQ7Z3K8Y2NABCDEFGHJKMN
                 */
                id: components["parameters"]["WebhookEndpointId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fire a synthetic test delivery
         * @description Enqueues a real, signed delivery of a fixture payload of `event_type` to this endpoint; the envelope carries `synthetic: true` so receivers can filter test fires. `event_type` must be one the endpoint subscribes to (else 400 `invalid_request_error`, `param: event_type`); a disabled endpoint also gets that 400. Own bucket `webhooks_test` (30/min, burst 30) so it does not contend with other webhook calls. **DECISION:** 202 Accepted (the delivery happens afterwards); the mock's character fixture has id `char_00000000000000000000000000`, and event types outside this contract (image, video, usage) carry a placeholder object.
         */
        post: operations["testWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description Who the character is. Locked at v1.0 to these typed fields plus the free-text
         *     `additional_details` catch-all; any other key is rejected with 400 `parameter_unknown`.
         *     Null when unset. Every field is optional.
         *
         *     **DECISION (bounds):** the public docs give no limits, so this contract sets them: every string is at
         *     most 500 characters and `age` is an integer from 0 to 150. A value outside them gets 400
         *     `value_out_of_range` with `param` such as `attributes.age`.
         * @example {
         *       "gender": "female",
         *       "age": 28,
         *       "ethnicity": "east-asian",
         *       "hair_color": "black",
         *       "hair_style": "shoulder-length straight",
         *       "eye_color": "brown",
         *       "body_type": "athletic",
         *       "additional_details": "small scar above right eyebrow; warm smile"
         *     }
         */
        Attributes: {
            /**
             * @description Free-text gender, e.g. `female`, `male`, `non-binary`.
             * @example female
             */
            gender?: string;
            /**
             * @description Apparent age in years.
             * @example 28
             */
            age?: number;
            /**
             * @description Free-text ethnicity.
             * @example east-asian
             */
            ethnicity?: string;
            /**
             * @description Hair color.
             * @example black
             */
            hair_color?: string;
            /**
             * @description Hair style.
             * @example shoulder-length straight
             */
            hair_style?: string;
            /**
             * @description Eye color.
             * @example brown
             */
            eye_color?: string;
            /**
             * @description Body type.
             * @example athletic
             */
            body_type?: string;
            /**
             * @description Anything else that identifies the character.
             * @example small scar above right eyebrow; warm smile
             */
            additional_details?: string;
        } | null;
        /**
         * @description The pose of a reference image. Synthesis makes exactly four refs: `portrait`, `front`, `side`,
         *     `back`. `other` labels an uploaded image whose pose matches none of them (and any uploaded ref that
         *     was never classified).
         * @example front
         * @enum {string}
         */
        Pose: "portrait" | "front" | "side" | "back" | "other";
        /**
         * @description One reference image of a character.
         * @example {
         *       "pose": "front",
         *       "url": "https://api.aurous-labs.com/storage/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/front.png?token=tok_7f3a9c21e5b84d06&expires=1778234400"
         *     }
         */
        Ref: {
            pose: components["schemas"]["Pose"];
            /**
             * Format: uri
             * @description Opaque, expiring proxy URL of the image. Do not parse or store it: fetch the character
             *     again for a fresh URL. **DECISION** (what the reference mock serves there): `GET` needs no API
             *     key (the signed URL is the credential) and answers `image/png` with `Content-Length`, `ETag`
             *     (`If-None-Match` gives 304) and `Cache-Control: private, max-age=<seconds until expiry>`. A URL
             *     is good for 7 days from when the ref was made; after that it is 410 `url_expired`, and the
             *     character, fetched again, carries a fresh URL. An altered URL is 403 `invalid_signature`; a
             *     ref of a deleted character, or a pose it no longer has, is 404 `resource_not_found`. All in
             *     the error envelope.
             * @example https://api.aurous-labs.com/storage/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/front.png?token=tok_7f3a9c21e5b84d06&expires=1778234400
             */
            url: string;
        };
        /**
         * @description Lifecycle state.
         *
         *     - `synthesizing`: the synthesize pipeline (create, regenerate or resynthesize) is running.
         *     - `reviewing`: synthesis finished; inspect `refs[]`, then `POST /v1/characters/{id}/save`.
         *     - `ready`: usable as `character_id` on `POST /v1/images`.
         *     - `failed`: synthesis failed (`error_message` says why); `POST /v1/characters/{id}/resynthesize`
         *       retries.
         *     - `deleted`: soft-deleted. Never returned by this API: a deleted character is 404 everywhere and
         *       absent from lists; the value exists for completeness of the state machine.
         * @example ready
         * @enum {string}
         */
        CharacterStatus: "synthesizing" | "reviewing" | "ready" | "failed" | "deleted";
        /**
         * @description A reusable identity asset that anchors image generations (`character_id` on `POST /v1/images`).
         *     Every property is always present; the nullable ones are `null` when unset. Clients must ignore
         *     properties they do not know (later versions may add some).
         * @example {
         *       "id": "char_01HXMQ7Z3K8Y2NABCDEFGHJKMR",
         *       "object": "character",
         *       "name": "Aurora the Adventurer",
         *       "status": "ready",
         *       "refs": [
         *         {
         *           "pose": "portrait",
         *           "url": "https://api.aurous-labs.com/storage/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/portrait.png?token=tok_7f3a9c21e5b84d06&expires=1778234400"
         *         },
         *         {
         *           "pose": "front",
         *           "url": "https://api.aurous-labs.com/storage/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/front.png?token=tok_7f3a9c21e5b84d06&expires=1778234400"
         *         },
         *         {
         *           "pose": "side",
         *           "url": "https://api.aurous-labs.com/storage/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/side.png?token=tok_7f3a9c21e5b84d06&expires=1778234400"
         *         },
         *         {
         *           "pose": "back",
         *           "url": "https://api.aurous-labs.com/storage/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/back.png?token=tok_7f3a9c21e5b84d06&expires=1778234400"
         *         }
         *       ],
         *       "created_at": "2026-05-08T10:00:00Z",
         *       "updated_at": "2026-05-08T10:02:41Z",
         *       "client_reference_id": "bot_8472",
         *       "attributes": {
         *         "gender": "female",
         *         "age": 28,
         *         "ethnicity": "east-asian",
         *         "hair_color": "black",
         *         "hair_style": "shoulder-length straight",
         *         "eye_color": "brown",
         *         "body_type": "athletic",
         *         "additional_details": "small scar above right eyebrow; warm smile"
         *       },
         *       "error_message": null,
         *       "aurous_version": "2026-05-15"
         *     }
         */
        Character: {
            /**
             * @description Opaque character id (`char_` + ULID). Do not parse it.
             * @example char_01HXMQ7Z3K8Y2NABCDEFGHJKMR
             */
            id: string;
            /**
             * @description Object type discriminator.
             * @example character
             * @enum {string}
             */
            object: "character";
            /**
             * @description Display name, 1-120 characters (**DECISION**: the docs give no bound).
             * @example Aurora the Adventurer
             */
            name: string;
            status: components["schemas"]["CharacterStatus"];
            /**
             * @description Reference images: four (`portrait`, `front`, `side`, `back`) after synthesis, 1-6 for
             *     the upload flow, possibly none while the first synthesis runs. A failed resynthesize or
             *     regenerate keeps the previous refs (**DECISION**).
             */
            refs: components["schemas"]["Ref"][];
            /**
             * Format: date-time
             * @description Creation time, RFC 3339 UTC with `Z`.
             * @example 2026-05-08T10:00:00Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @description Last change, RFC 3339 UTC with `Z`. A no-op (saving an already `ready`
             *     character) leaves it unchanged.
             * @example 2026-05-08T10:02:41Z
             */
            updated_at: string;
            /**
             * @description The caller-supplied reference sent on create, echoed back; null if unset.
             * @example bot_8472
             */
            client_reference_id: string | null;
            attributes: components["schemas"]["Attributes"];
            /**
             * @description Why synthesis failed when `status` is `failed`; null otherwise.
             * @example null
             */
            error_message: string | null;
            /**
             * @description The contract version applied when this row was minted (created). Frozen: a
             *     later request under another `Aurous-Version` never changes it.
             * @example 2026-05-15
             */
            aurous_version: string;
        };
        /**
         * @description A page of the team's live characters, newest first (`created_at` descending).
         * @example {
         *       "object": "list",
         *       "data": [
         *         {
         *           "id": "char_01HXMQ7Z3K8Y2NABCDEFGHJKMR",
         *           "object": "character",
         *           "name": "Aurora the Adventurer",
         *           "status": "ready",
         *           "refs": [
         *             {
         *               "pose": "portrait",
         *               "url": "https://api.aurous-labs.com/storage/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/portrait.png?token=tok_7f3a9c21e5b84d06&expires=1778234400"
         *             },
         *             {
         *               "pose": "front",
         *               "url": "https://api.aurous-labs.com/storage/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/front.png?token=tok_7f3a9c21e5b84d06&expires=1778234400"
         *             },
         *             {
         *               "pose": "side",
         *               "url": "https://api.aurous-labs.com/storage/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/side.png?token=tok_7f3a9c21e5b84d06&expires=1778234400"
         *             },
         *             {
         *               "pose": "back",
         *               "url": "https://api.aurous-labs.com/storage/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/back.png?token=tok_7f3a9c21e5b84d06&expires=1778234400"
         *             }
         *           ],
         *           "created_at": "2026-05-08T10:00:00Z",
         *           "updated_at": "2026-05-08T10:02:41Z",
         *           "client_reference_id": "bot_8472",
         *           "attributes": {
         *             "gender": "female",
         *             "age": 28,
         *             "ethnicity": "east-asian",
         *             "hair_color": "black",
         *             "hair_style": "shoulder-length straight",
         *             "eye_color": "brown",
         *             "body_type": "athletic",
         *             "additional_details": "small scar above right eyebrow; warm smile"
         *           },
         *           "error_message": null,
         *           "aurous_version": "2026-05-15"
         *         }
         *       ],
         *       "has_more": true,
         *       "next_cursor": "char_01HXMQ7Z3K8Y2NABCDEFGHJKMR"
         *     }
         */
        CharacterList: {
            /**
             * @example list
             * @enum {string}
             */
            object: "list";
            /** @description Full character representations (the same shape as `GET /v1/characters/{id}`). */
            data: components["schemas"]["Character"][];
            /**
             * @description True when another page exists.
             * @example true
             */
            has_more: boolean;
            /**
             * @description The id of the last character of this page; pass it as `starting_after` for the
             *     next page. Null when `has_more` is false.
             * @example char_01HXMQ7Z3K8Y2NABCDEFGHJKMR
             */
            next_cursor: string | null;
        };
        /**
         * @description Confirmation of a delete.
         * @example {
         *       "id": "char_01HXMQ7Z3K8Y2NABCDEFGHJKMR",
         *       "object": "character",
         *       "deleted": true
         *     }
         */
        DeletedCharacter: {
            /** @example char_01HXMQ7Z3K8Y2NABCDEFGHJKMR */
            id: string;
            /**
             * @example character
             * @enum {string}
             */
            object: "character";
            /**
             * @example true
             * @enum {boolean}
             */
            deleted: true;
        };
        /**
         * @description The one error envelope of every non-2xx response. Branch retries on `type`, user-facing handling on
         *     `code` (stable across versions); show `message` to humans; quote `request_id` to support. The HTTP
         *     status is the canonical signal. No other error shape (RFC 7807 problem+json, HTML) is ever sent.
         * @example {
         *       "error": {
         *         "type": "invalid_request",
         *         "code": "missing_field",
         *         "message": "'name' is a required property.",
         *         "param": "name",
         *         "doc_url": "https://docs.aurous-labs.com/errors#missing_field",
         *         "request_id": "req_01HXEVA0V9B3330WSNH2A1K40E"
         *       }
         *     }
         */
        Error: {
            error: {
                /**
                 * @description Coarse class: `invalid_request` (400, 402, 409, 413, 415: fix the request, do not
                 *     retry as is), `authentication` (401), `not_found` (404), `rate_limit` (429: retry
                 *     after `Retry-After`), `server_error` (5xx: retry with backoff).
                 * @example invalid_request
                 * @enum {string}
                 */
                type: "invalid_request" | "authentication" | "not_found" | "rate_limit" | "server_error";
                /**
                 * @description Stable machine-readable code. The codes of an endpoint's own error table are
                 *     used verbatim (e.g. save: `invalid_request_error`, `resource_not_found`).
                 *     Used here: `missing_api_key`, `invalid_api_key`, `revoked_api_key`, `ambiguous_credentials`,
                 *     `invalid_format`, `unknown_version`, `missing_field`, `value_out_of_range`,
                 *     `parameter_invalid_combination`, `parameter_unknown`, `invalid_request_error`,
                 *     `upload_invalid`, `upload_expired`, `character_not_ready`, `invalid_cursor`,
                 *     `insufficient_credits`, `idempotency_key_in_use`, `payload_too_large`,
                 *     `unsupported_media_type`, `resource_not_found`, `method_not_allowed`,
                 *     `too_many_requests`, `internal_error`.
                 * @example missing_field
                 */
                code: string;
                /**
                 * @description Human-readable explanation.
                 * @example 'name' is a required property.
                 */
                message: string;
                /**
                 * @description The offending field (dotted path for nested body fields, e.g.
                 *     `attributes.age`), query parameter, or header (`Aurous-Version`,
                 *     `Idempotency-Key`, `Content-Type`); null when no single input is at fault.
                 *     A 404 for a path id (`id`, `upload_id`) has `param: null`; a 404 for an id
                 *     sent in the body names that field (`upload_ids`, `upload_id`,
                 *     `character_id`).
                 * @example name
                 */
                param: string | null;
                /**
                 * Format: uri
                 * @description `https://docs.aurous-labs.com/errors#<code>`.
                 * @example https://docs.aurous-labs.com/errors#missing_field
                 */
                doc_url: string;
                /**
                 * @description `req_` + 26-character ULID; the same value as the `Aurous-Request-Id` header.
                 * @example req_01HXMQ7Z3K8Y2NABCDEFGHJKMR
                 */
                request_id: string;
            };
        };
        /**
         * @description Exactly one flow per request:
         *
         *     - **Upload flow**: `upload_ids` (1-6 upload tickets whose bytes were PUT). `generate` absent or false.
         *     - **Synthesize flow**: `generate: true` and `attributes`. `upload_ids` absent.
         *
         *     Both or neither: 400 `parameter_invalid_combination` (`param: upload_ids`). This exclusivity is
         *     enforced by the server, not by the schema (a `oneOf` would turn the error into an unhelpful one).
         *     `generate: true` without `attributes`: 400 `missing_field`, `param: attributes`. Unknown fields:
         *     400 `parameter_unknown`, `param` naming the first one.
         * @example {
         *       "name": "Aurora the Adventurer",
         *       "client_reference_id": "bot_8472",
         *       "generate": true,
         *       "attributes": {
         *         "gender": "female",
         *         "age": 28,
         *         "ethnicity": "east-asian",
         *         "hair_color": "black",
         *         "hair_style": "shoulder-length straight",
         *         "eye_color": "brown",
         *         "body_type": "athletic",
         *         "additional_details": "small scar above right eyebrow; warm smile"
         *       }
         *     }
         */
        CreateCharacterRequest: {
            /**
             * @description Display name, 1-120 characters. **DECISION**: no control characters (U+0000-U+001F, U+007F-U+009F: NUL, tab, newline, ...): a name is one line of display text; such a name is a 400 `invalid_format` with `param: name`. Every string of every body must be valid Unicode: a lone surrogate (`"\ud800"`) is a 400 `invalid_format` naming the field.
             * @example Aurora the Adventurer
             */
            name: string;
            /**
             * @description Your own reference (e.g. a user id), at most 256 characters, echoed back on the character.
             * @example bot_8472
             */
            client_reference_id?: string | null;
            /**
             * @description `true` selects the synthesize flow (costs 4 credits); requires `attributes`.
             * @default false
             * @example true
             */
            generate: boolean;
            /**
             * @description Selects the upload flow: 1-6 distinct upload tickets of your team whose bytes were
             *     PUT. Each is consumed by the create. One that is unknown, expired (24 h), already
             *     consumed, or has no bytes yet: 400 `upload_invalid`, `param: upload_ids`; one of
             *     another team: 404 `resource_not_found`, `param: upload_ids` (**DECISION**).
             *     A ref's `pose` is its classified pose, or `other` when it was never classified.
             * @example [
             *       "upl_01HXMQ7Z3K8Y2NABCDEFGHJKMR"
             *     ]
             */
            upload_ids?: string[];
            attributes?: components["schemas"]["Attributes"];
        };
        /**
         * @description The mutable fields. Send only what changes; omitted fields are kept. `attributes` is replaced whole,
         *     never merged (`null` clears it). Any other field (`refs`, `status`, `id`, `aurous_version`, ...):
         *     400 `parameter_unknown` with `param` naming the first rejected field. An empty object: 400.
         * @example {
         *       "name": "Aurora the Bold",
         *       "attributes": {
         *         "gender": "female",
         *         "age": 28,
         *         "ethnicity": "east-asian",
         *         "hair_color": "silver",
         *         "hair_style": "shoulder-length straight",
         *         "eye_color": "brown",
         *         "body_type": "athletic",
         *         "additional_details": "small scar above right eyebrow; warm smile"
         *       }
         *     }
         */
        UpdateCharacterRequest: {
            /**
             * @description New display name, 1-120 characters, no control characters (as on create).
             * @example Aurora the Bold
             */
            name?: string;
            attributes?: components["schemas"]["Attributes"];
        };
        /**
         * @example {
         *       "pose": "front",
         *       "prompt_override": "soft studio lighting, neutral background"
         *     }
         */
        RegenerateRefRequest: {
            /**
             * @description The synthesized pose to redo. **DECISION:** only the four synthesized poses; `other`
             *     (which the docs list) labels uploaded images and cannot be synthesized: 400
             *     `invalid_format`, `param: pose`.
             * @example front
             * @enum {string}
             */
            pose: "portrait" | "front" | "side" | "back";
            /**
             * @description Forward-compatibility slot, at most 2000 characters. Accepted and **ignored**:
             *     it does not change the result (nor the idempotency comparison of the body).
             * @example soft studio lighting, neutral background
             */
            prompt_override?: string;
        };
        /**
         * @example {
         *       "force_all": true
         *     }
         */
        ResynthesizeRequest: {
            /**
             * @description Regenerate every pose even if some are populated. Default false; the whole ref set
             *     is replaced either way, so this is a forward-compatibility flag.
             * @default false
             * @example true
             */
            force_all: boolean;
        };
        /**
         * @description Describes one image to upload. `extension` must match `content_type` (`jpg`/`jpeg` with
         *     `image/jpeg`, `png` with `image/png`, `webp` with `image/webp`); a mismatch is 400
         *     `parameter_invalid_combination`, `param: extension`.
         * @example {
         *       "filename": "front-portrait.jpg",
         *       "extension": "jpg",
         *       "content_type": "image/jpeg"
         *     }
         */
        UploadInitRequest: {
            /**
             * @description Original filename, used for Content-Disposition only (not the storage key).
             * @example front-portrait.jpg
             */
            filename?: string;
            /**
             * @description File extension.
             * @example jpg
             * @enum {string}
             */
            extension: "jpeg" | "jpg" | "png" | "webp";
            /**
             * @description MIME type of the bytes you will PUT.
             * @example image/jpeg
             * @enum {string}
             */
            content_type: "image/jpeg" | "image/png" | "image/webp";
        };
        /**
         * @description A minted upload ticket. PUT the image bytes to `upload_url` within 15 minutes (`expires_at`); the
         *     ticket itself lives 24 hours, after which its bytes are evicted and `upload_id` is no longer
         *     accepted.
         * @example {
         *       "upload_id": "upl_01HXMQ7Z3K8Y2NABCDEFGHJKMR",
         *       "upload_url": "https://api.aurous-labs.com/v1/characters/uploads/upl_01HXMQ7Z3K8Y2NABCDEFGHJKMR/content?signature=sig_5c1e0f9a7b3d4e2f8a6c1b0d9e7f3a5c",
         *       "upload_headers": {
         *         "Content-Type": "image/jpeg"
         *       },
         *       "expires_at": "2026-05-08T10:15:00Z"
         *     }
         */
        UploadTicket: {
            /**
             * @description Upload ticket id; pass it to classify and to `POST /v1/characters` (`upload_ids`).
             * @example upl_01HXMQ7Z3K8Y2NABCDEFGHJKMR
             */
            upload_id: string;
            /**
             * Format: uri
             * @description Signed, unauthenticated PUT target:
             *     `{base}/v1/characters/uploads/{upload_id}/content?signature=<token>`. Send no API key
             *     to it. Treat it as opaque.
             * @example https://api.aurous-labs.com/v1/characters/uploads/upl_01HXMQ7Z3K8Y2NABCDEFGHJKMR/content?signature=sig_5c1e0f9a7b3d4e2f8a6c1b0d9e7f3a5c
             */
            upload_url: string;
            /**
             * @description Headers to send with the PUT (at least `Content-Type`).
             * @example {
             *       "Content-Type": "image/jpeg"
             *     }
             */
            upload_headers: {
                [key: string]: string;
            };
            /**
             * Format: date-time
             * @description When `upload_url` stops accepting the PUT (15 minutes after minting).
             * @example 2026-05-08T10:15:00Z
             */
            expires_at: string;
        };
        /**
         * @example {
         *       "upload_id": "upl_01HXMQ7Z3K8Y2NABCDEFGHJKMR"
         *     }
         */
        ClassifyRequest: {
            /**
             * @description An upload ticket of your team whose bytes were PUT.
             * @example upl_01HXMQ7Z3K8Y2NABCDEFGHJKMR
             */
            upload_id: string;
        };
        /**
         * @description The detected pose of an uploaded image. Deterministic: the same upload always gets the same answer.
         * @example {
         *       "upload_id": "upl_01HXMQ7Z3K8Y2NABCDEFGHJKMR",
         *       "pose": "front",
         *       "confidence": 0.92
         *     }
         */
        Classification: {
            /**
             * @description The upload, echoed.
             * @example upl_01HXMQ7Z3K8Y2NABCDEFGHJKMR
             */
            upload_id: string;
            pose: components["schemas"]["Pose"];
            /**
             * @description Classifier confidence, 0-1. Informative, not a gate.
             * @example 0.92
             */
            confidence: number;
        };
        /**
         * @description The subset of the image-generation request this contract covers: the prompt and an optional
         *     character anchor. (The real endpoint takes more generation parameters; they are outside the
         *     Characters contract and rejected here with 400 `parameter_unknown`.)
         * @example {
         *       "prompt": "Aurora hiking a misty mountain ridge at dawn, cinematic lighting",
         *       "character_id": "char_01HXMQ7Z3K8Y2NABCDEFGHJKMR"
         *     }
         */
        CreateImageRequest: {
            /**
             * @description What to generate, 1-4000 characters.
             * @example Aurora hiking a misty mountain ridge at dawn, cinematic lighting
             */
            prompt: string;
            /**
             * @description Anchor the identity on a character of your team. It must be `ready`:
             *     `synthesizing`, `reviewing` or `failed` gets 400 `character_not_ready`
             *     (`param: character_id`); unknown, deleted or another team's gets 404
             *     `resource_not_found` (**DECISION**: deleted is 404 everywhere, overriding the
             *     images page's 400).
             * @example char_01HXMQ7Z3K8Y2NABCDEFGHJKMR
             */
            character_id?: string | null;
        };
        /**
         * @description An accepted image generation. Processing is asynchronous (outside the Characters contract).
         * @example {
         *       "id": "img_01HXMQC4D8F2G6H0J3K5M7N9PQ",
         *       "object": "image",
         *       "status": "queued",
         *       "prompt": "Aurora hiking a misty mountain ridge at dawn, cinematic lighting",
         *       "character_id": "char_01HXMQ7Z3K8Y2NABCDEFGHJKMR",
         *       "credits_charged": 1,
         *       "created_at": "2026-05-08T10:05:12Z"
         *     }
         */
        Image: {
            /** @example img_01HXMQC4D8F2G6H0J3K5M7N9PQ */
            id: string;
            /**
             * @example image
             * @enum {string}
             */
            object: "image";
            /**
             * @description Always `queued` on acceptance.
             * @example queued
             * @enum {string}
             */
            status: "queued";
            /** @example Aurora hiking a misty mountain ridge at dawn, cinematic lighting */
            prompt: string;
            /**
             * @description The anchoring character, or null.
             * @example char_01HXMQ7Z3K8Y2NABCDEFGHJKMR
             */
            character_id: string | null;
            /**
             * @description Credits deducted for this generation (1).
             * @example 1
             */
            credits_charged: number;
            /**
             * Format: date-time
             * @example 2026-05-08T10:05:12Z
             */
            created_at: string;
        };
        /**
         * @description The team's credit balance.
         * @example {
         *       "credits": 1023,
         *       "held_credits": 0,
         *       "available_credits": 1023,
         *       "currency": "credit",
         *       "billing_mode": "metered"
         *     }
         */
        Balance: {
            /**
             * @description Total credits (available + held).
             * @example 1023
             */
            credits: number;
            /**
             * @description Credits held against pending generations (the mock holds nothing: 0).
             * @example 0
             */
            held_credits: number;
            /**
             * @description Spendable balance, `credits - held_credits`; what a paid request is checked against (402 when short).
             * @example 1023
             */
            available_credits: number;
            /**
             * @description Always `credit`.
             * @example credit
             * @enum {string}
             */
            currency: "credit";
            /**
             * @description Open enum, typed as a plain string: `metered` (charged and gated on
             *     `available_credits`) or `exempt` (never charged nor blocked). Treat unknown values
             *     as non-gating.
             * @example metered
             */
            billing_mode: string;
        };
        /**
         * @description An event type of the v1.0 taxonomy plus the character events of the 2026-06-19 changelog.
         * @example character.completed
         * @enum {string}
         */
        WebhookEventType: "image.completed" | "image.failed" | "image.cancelled" | "video.completed" | "video.failed" | "video.cancelled" | "character.completed" | "character.failed" | "character.cancelled" | "usage.balance_low" | "webhook.endpoint_disabled";
        CreateWebhookEndpointRequest: {
            /**
             * @description Where to POST events: `https://`, at most 2048 characters. **DECISION:** `http://` to a loopback host (`localhost`, `127.0.0.1`, `[::1]`) is accepted for local development.
             * @example https://api.acme.dev/aurous-webhook
             */
            url: string;
            /**
             * @description Event types to subscribe to; `["*"]` is every type of today's taxonomy, expanded now.
             * @example [
             *       "character.completed",
             *       "character.failed"
             *     ]
             */
            events: ("image.completed" | "image.failed" | "image.cancelled" | "video.completed" | "video.failed" | "video.cancelled" | "character.completed" | "character.failed" | "character.cancelled" | "usage.balance_low" | "webhook.endpoint_disabled" | "*")[];
            /**
             * @description A label for your dashboard.
             * @example Production webhook
             */
            description?: string | null;
            /**
             * @description Echoed on reads. At most 50 keys, string values of at most 500 characters.
             * @example {
             *       "env": "prod"
             *     }
             */
            metadata?: {
                [key: string]: string;
            };
        };
        TestWebhookRequest: {
            event_type: components["schemas"]["WebhookEventType"];
        };
        /** @description A webhook endpoint of your team. */
        WebhookEndpoint: {
            /**
             * @description Opaque endpoint id (`we_` + ULID).
             * @example we_01HXMQ7Z3K8Y2NABCDEFGHJKMN
             */
            id: string;
            /**
             * @example webhook_endpoint
             * @enum {string}
             */
            object: "webhook_endpoint";
            /** @example https://api.acme.dev/aurous-webhook */
            url: string;
            /** @description The subscription as stored (`*` already expanded). */
            events: components["schemas"]["WebhookEventType"][];
            /** @example Production webhook */
            description: string | null;
            /**
             * @example {
             *       "env": "prod"
             *     }
             */
            metadata: {
                [key: string]: string;
            };
            /**
             * @description **DECISION:** the version applied when the endpoint was created; events to it are rendered in it.
             * @example 2026-05-15
             */
            api_version: string;
            /**
             * @description A truncated preview of the active secret.
             * @example whsec_8jK...wxyz
             */
            secret_preview: string;
            /**
             * @description The signing secret (`whsec_...`): only in the responses of create and `rotate_secret`, null on every other read.
             * @example null
             */
            secret: string | null;
            /**
             * @description False once auto-disabled (>= 20 consecutive failed attempts and no success in 24 h).
             * @example true
             */
            is_active: boolean;
            /**
             * @description Failed attempts (non-2xx, timeout, connection or TLS error) since the last 2xx.
             * @example 0
             */
            consecutive_failures: number;
            /**
             * Format: date-time
             * @description The most recent 2xx delivery; null if never.
             * @example 2026-05-04T01:00:00Z
             */
            last_success_at: string | null;
            /**
             * Format: date-time
             * @description The most recent failed attempt; null if never.
             * @example 2026-05-04T01:00:00Z
             */
            last_failure_at: string | null;
            /**
             * Format: date-time
             * @description When the endpoint was created.
             * @example 2026-05-04T01:00:00Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @description When it last changed (secret rotated, disabled).
             * @example 2026-05-04T01:00:00Z
             */
            updated_at: string;
        };
        WebhookEndpointList: {
            /**
             * @example list
             * @enum {string}
             */
            object: "list";
            data: components["schemas"]["WebhookEndpoint"][];
            /** @example false */
            has_more: boolean;
            /** @example null */
            next_cursor: string | null;
        };
        DeletedWebhookEndpoint: {
            /** @example we_01HXMQ7Z3K8Y2NABCDEFGHJKMN */
            id: string;
            /**
             * @example webhook_endpoint
             * @enum {string}
             */
            object: "webhook_endpoint";
            /**
             * @example true
             * @enum {boolean}
             */
            deleted: true;
        };
        WebhookTestFire: {
            /**
             * @example webhook_test_fire
             * @enum {string}
             */
            object: "webhook_test_fire";
            /** @example we_01HXMQ7Z3K8Y2NABCDEFGHJKMN */
            endpoint_id: string;
            /** @example evt_01HXMQ7Z3K8Y2NABCDEFGHJKMP */
            event_id: string;
            /** @example true */
            enqueued: boolean;
        };
        /** @description **DECISION (envelope):** every delivery's body is one event: `{"id": "evt_...", "object": "event", "type", "created_at", "api_version", "synthetic", "data": {"object": ...}}`. `id` is the same for every endpoint and every retry or redelivery of one occurrence: deduplicate on it. `created_at` is when the event happened (the transition time on the mock's clock). `data.object` is the resource as `GET` would return it right after the event: a `Character` for `character.*` (its `client_reference_id` included), the `WebhookEndpoint` that was disabled (`secret: null`) for `webhook.endpoint_disabled`. */
        WebhookEvent: {
            /**
             * @description `evt_` + ULID.
             * @example evt_01HXMQ7Z3K8Y2NABCDEFGHJKMP
             */
            id: string;
            /**
             * @example event
             * @enum {string}
             */
            object: "event";
            type: components["schemas"]["WebhookEventType"];
            /**
             * Format: date-time
             * @description When the event happened.
             * @example 2026-05-04T01:00:00Z
             */
            created_at: string;
            /**
             * @description The receiving endpoint's `api_version`: the version `data.object` is rendered in.
             * @example 2026-05-15
             */
            api_version: string;
            /**
             * @description True for test fires (`POST /v1/webhook_endpoints/{id}/test`).
             * @example false
             */
            synthetic: boolean;
            data: {
                /** @description A `Character` for `character.*`, a `WebhookEndpoint` for `webhook.endpoint_disabled`. */
                object: components["schemas"]["Character"] | components["schemas"]["WebhookEndpoint"];
            };
        };
    };
    responses: {
        /**
         * @description Authentication failed: `type: authentication`, `code` one of `missing_api_key`, `invalid_api_key`,
         *     `revoked_api_key`, `ambiguous_credentials` (two different keys on one request), `param: null`. A 401 is answered before the request reaches a rate-limit bucket,
         *     so it carries no `X-RateLimit-*` headers; `Aurous-Version` echoes the requested version when it is
         *     well-formed and known, else the system default `2026-05-15` (an unauthenticated caller has no pin).
         */
        Unauthorized: {
            headers: {
                "Aurous-Version": components["headers"]["Aurous-Version"];
                "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description The team's available credits are below the operation's cost (`x-aurous-credit-cost`):
         *     `code: insufficient_credits`. Nothing is charged and no state changes.
         */
        InsufficientCredits: {
            headers: {
                "Aurous-Version": components["headers"]["Aurous-Version"];
                "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description The `Idempotency-Key` was already used by this team within 24 h with a different body (compared as
         *     canonical JSON) or on a different route, or the original request with this key is still running:
         *     `code: idempotency_key_in_use`, `param: "Idempotency-Key"`. Use a fresh key for a new intent.
         */
        IdempotencyKeyInUse: {
            headers: {
                "Aurous-Version": components["headers"]["Aurous-Version"];
                "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The JSON request body is larger than 1 MiB (1048576 bytes): `code: payload_too_large`. */
        PayloadTooLarge: {
            headers: {
                "Aurous-Version": components["headers"]["Aurous-Version"];
                "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description The request body is not `application/json` (check `Content-Type`): `code: unsupported_media_type`,
         *     `param: "Content-Type"`.
         */
        UnsupportedMediaType: {
            headers: {
                "Aurous-Version": components["headers"]["Aurous-Version"];
                "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description The operation's rate-limit bucket (`x-aurous-rate-limit-bucket`) has no token left for your team:
         *     `type: rate_limit`, `code: too_many_requests`, a message naming the bucket. Wait `Retry-After`
         *     seconds (or until `X-RateLimit-Reset`) and retry; `X-RateLimit-Remaining` is `0`.
         */
        TooManyRequests: {
            headers: {
                "Aurous-Version": components["headers"]["Aurous-Version"];
                "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The uploaded image is larger than 10 MiB (10485760 bytes): `code: payload_too_large`. Unmetered: no `X-RateLimit-*` headers. */
        UploadPayloadTooLarge: {
            headers: {
                "Aurous-Version": components["headers"]["Aurous-Version"];
                "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description The upload's `Content-Type` is not `image/jpeg`, `image/png`, `image/webp` or
         *     `application/octet-stream`: `code: unsupported_media_type`. Unmetered: no `X-RateLimit-*` headers.
         */
        UploadUnsupportedMediaType: {
            headers: {
                "Aurous-Version": components["headers"]["Aurous-Version"];
                "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description The server failed: `type: server_error`, `code: internal_error`, status 500, 502 or 503. Nothing the
         *     request asked for happened (no row changed, no credit charged); retry with backoff, with the same
         *     `Idempotency-Key` where the operation takes one. A deployment answers these on genuine faults only;
         *     the reference mock answers them when its fault switches say so (`--error-rate`,
         *     `PUT /_mock/faults`), after the request took its rate-limit token (so `X-RateLimit-*` are sent).
         */
        ServerError: {
            headers: {
                "Aurous-Version": components["headers"]["Aurous-Version"];
                "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description As `ServerError`, for an unmetered operation: no `X-RateLimit-*` headers. */
        ServerErrorUnmetered: {
            headers: {
                "Aurous-Version": components["headers"]["Aurous-Version"];
                "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /**
         * @description Optional API version pin (`YYYY-MM-DD`). Absent: your team's pinned version, or the system
         *     default `2026-05-15` for unauthenticated requests. Known: `2026-05-15`, `2026-06-19`. A malformed
         *     value gets 400 `invalid_format` (`param: Aurous-Version`, **DECISION**); a well-formed unknown one
         *     400 `unknown_version`. The applied version is echoed in the `Aurous-Version` response header.
         *     The schema lists the versions this contract knows (**DECISION**): a well-formed date outside
         *     that list is not a valid value here, which is exactly what the 400 `unknown_version` says.
         * @example 2026-05-15
         */
        AurousVersion: "2026-05-15" | "2026-06-19";
        /**
         * @description Any opaque value of 1-256 characters (a UUID v4 is recommended), scoped to your team. Same key and
         *     same body (canonical JSON) on the same route within 24 h: the cached 2xx is replayed with
         *     `Aurous-Idempotent-Replayed: true` and nothing is charged again. Same key with a different body or
         *     route, or while the original is still running: 409 `idempotency_key_in_use`. 4xx
         *     `invalid_request` originals are not cached. Without the header every call is processed anew (and
         *     charged anew).
         * @example c0a8e3f2-5b9d-4e61-8f27-3d4c1b2a9e07
         */
        IdempotencyKey: string;
        /**
         * @description Opaque character id (`char_...`). Deliberately no pattern: **DECISION** any id that does not name
         *     a live character of your team (unknown, soft-deleted, another team's, or malformed) gets 404
         *     `resource_not_found`, never 400, so the answer leaks nothing.
         * @example char_01HXMQ7Z3K8Y2NABCDEFGHJKMR
         */
        CharacterId: string;
        /**
         * @description Opaque upload id (`upl_...`). No pattern: an unknown or malformed id gets 404 `resource_not_found`.
         * @example upl_01HXMQ7Z3K8Y2NABCDEFGHJKMR
         */
        UploadId: string;
        /**
         * @description The signature token from `upload_url`. A wrong signature gets 404 `resource_not_found` (as for an unknown upload).
         * @example sig_5c1e0f9a7b3d4e2f8a6c1b0d9e7f3a5c
         */
        Signature: string;
        /**
         * @description Items per page, 1-100 (default 20). Outside the range: 400 `value_out_of_range`, `param: limit`.
         * @example 20
         */
        Limit: number;
        /**
         * @description Cursor: the `next_cursor` of the previous page (the id of its last character). Do not build
         *     cursors yourself. **DECISION:** a cursor keeps working after its character is soft-deleted;
         *     an id that is not a character of your team on record (unknown, another team's, hard-deleted,
         *     malformed) is 400 `invalid_cursor`, `param: starting_after`. A cursor is not a resource
         *     lookup, so this is not a 404.
         * @example char_01HXMQ7Z3K8Y2NABCDEFGHJKMR
         */
        StartingAfter: string;
        /**
         * @description Opaque endpoint id (`we_...`). No pattern: an unknown, deleted, other team's or malformed id gets 404 `resource_not_found`.
         * @example we_01HXMQ7Z3K8Y2NABCDEFGHJKMN
         */
        WebhookEndpointId: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description The API version applied to this request (the requested one, else the team pin, else the default
         *     `2026-05-15`). Present on every response, errors included; on a 400 for a malformed or unknown
         *     `Aurous-Version` it carries the version that would otherwise have applied.
         * @example 2026-05-15
         */
        "Aurous-Version": string;
        /**
         * @description This request's id (`req_` + ULID), on every response; equals `error.request_id` on errors.
         * @example req_01HXMQ7Z3K8Y2NABCDEFGHJKMR
         */
        "Aurous-Request-Id": string;
        /**
         * @description Capacity (burst) of the operation's rate-limit bucket for your team.
         * @example 60
         */
        "X-RateLimit-Limit": number;
        /**
         * @description Tokens left in the bucket after this request (0 on a 429).
         * @example 59
         */
        "X-RateLimit-Remaining": number;
        /**
         * @description Unix epoch second at which the bucket is full again.
         * @example 1778234460
         */
        "X-RateLimit-Reset": number;
        /**
         * @description Whole seconds to wait before the bucket has a token again (at least 1).
         * @example 2
         */
        "Retry-After": number;
        /**
         * @description Present (`true`) only when this 2xx is a replay of a cached response for the same `Idempotency-Key`; nothing was charged again.
         * @example true
         */
        "Aurous-Idempotent-Replayed": "true";
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listCharacters: {
        parameters: {
            query?: {
                /**
                 * @description Items per page, 1-100 (default 20). Outside the range: 400 `value_out_of_range`, `param: limit`.
                 * @example 20
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Cursor: the `next_cursor` of the previous page (the id of its last character). Do not build
                 *     cursors yourself. **DECISION:** a cursor keeps working after its character is soft-deleted;
                 *     an id that is not a character of your team on record (unknown, another team's, hard-deleted,
                 *     malformed) is 400 `invalid_cursor`, `param: starting_after`. A cursor is not a resource
                 *     lookup, so this is not a 404.
                 * @example char_01HXMQ7Z3K8Y2NABCDEFGHJKMR
                 */
                starting_after?: components["parameters"]["StartingAfter"];
            };
            header?: {
                /**
                 * @description Optional API version pin (`YYYY-MM-DD`). Absent: your team's pinned version, or the system
                 *     default `2026-05-15` for unauthenticated requests. Known: `2026-05-15`, `2026-06-19`. A malformed
                 *     value gets 400 `invalid_format` (`param: Aurous-Version`, **DECISION**); a well-formed unknown one
                 *     400 `unknown_version`. The applied version is echoed in the `Aurous-Version` response header.
                 *     The schema lists the versions this contract knows (**DECISION**): a well-formed date outside
                 *     that list is not a valid value here, which is exactly what the 400 `unknown_version` says.
                 * @example 2026-05-15
                 */
                "Aurous-Version"?: components["parameters"]["AurousVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of characters. */
            200: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "object": "list",
                     *       "data": [
                     *         {
                     *           "id": "char_01HXMQ7Z3K8Y2NABCDEFGHJKMR",
                     *           "object": "character",
                     *           "name": "Aurora the Adventurer",
                     *           "status": "ready",
                     *           "refs": [
                     *             {
                     *               "pose": "portrait",
                     *               "url": "https://api.aurous-labs.com/storage/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/portrait.png?token=tok_7f3a9c21e5b84d06&expires=1778234400"
                     *             },
                     *             {
                     *               "pose": "front",
                     *               "url": "https://api.aurous-labs.com/storage/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/front.png?token=tok_7f3a9c21e5b84d06&expires=1778234400"
                     *             },
                     *             {
                     *               "pose": "side",
                     *               "url": "https://api.aurous-labs.com/storage/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/side.png?token=tok_7f3a9c21e5b84d06&expires=1778234400"
                     *             },
                     *             {
                     *               "pose": "back",
                     *               "url": "https://api.aurous-labs.com/storage/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/back.png?token=tok_7f3a9c21e5b84d06&expires=1778234400"
                     *             }
                     *           ],
                     *           "created_at": "2026-05-08T10:00:00Z",
                     *           "updated_at": "2026-05-08T10:02:41Z",
                     *           "client_reference_id": "bot_8472",
                     *           "attributes": {
                     *             "gender": "female",
                     *             "age": 28,
                     *             "ethnicity": "east-asian",
                     *             "hair_color": "black",
                     *             "hair_style": "shoulder-length straight",
                     *             "eye_color": "brown",
                     *             "body_type": "athletic",
                     *             "additional_details": "small scar above right eyebrow; warm smile"
                     *           },
                     *           "error_message": null,
                     *           "aurous_version": "2026-05-15"
                     *         }
                     *       ],
                     *       "has_more": true,
                     *       "next_cursor": "char_01HXMQ7Z3K8Y2NABCDEFGHJKMR"
                     *     }
                     */
                    "application/json": components["schemas"]["CharacterList"];
                };
            };
            /** @description The request is invalid; `type: invalid_request`, `param` names the offending field or header (or is null). */
            400: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["ServerError"];
            503: components["responses"]["ServerError"];
        };
    };
    createCharacter: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Optional API version pin (`YYYY-MM-DD`). Absent: your team's pinned version, or the system
                 *     default `2026-05-15` for unauthenticated requests. Known: `2026-05-15`, `2026-06-19`. A malformed
                 *     value gets 400 `invalid_format` (`param: Aurous-Version`, **DECISION**); a well-formed unknown one
                 *     400 `unknown_version`. The applied version is echoed in the `Aurous-Version` response header.
                 *     The schema lists the versions this contract knows (**DECISION**): a well-formed date outside
                 *     that list is not a valid value here, which is exactly what the 400 `unknown_version` says.
                 * @example 2026-05-15
                 */
                "Aurous-Version"?: components["parameters"]["AurousVersion"];
                /**
                 * @description Any opaque value of 1-256 characters (a UUID v4 is recommended), scoped to your team. Same key and
                 *     same body (canonical JSON) on the same route within 24 h: the cached 2xx is replayed with
                 *     `Aurous-Idempotent-Replayed: true` and nothing is charged again. Same key with a different body or
                 *     route, or while the original is still running: 409 `idempotency_key_in_use`. 4xx
                 *     `invalid_request` originals are not cached. Without the header every call is processed anew (and
                 *     charged anew).
                 * @example c0a8e3f2-5b9d-4e61-8f27-3d4c1b2a9e07
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCharacterRequest"];
            };
        };
        responses: {
            /** @description The character was created (or, with `Aurous-Idempotent-Replayed: true`, the cached 201 of the original request was replayed). */
            201: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Aurous-Idempotent-Replayed": components["headers"]["Aurous-Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Character"];
                };
            };
            /** @description The request is invalid; `type: invalid_request`, `param` names the offending field or header (or is null). */
            400: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["InsufficientCredits"];
            /**
             * @description An upload in `upload_ids` belongs to another team (`code: resource_not_found`, `param: upload_ids`;
             *     **DECISION**, by analogy with classify).
             */
            404: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            409: components["responses"]["IdempotencyKeyInUse"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["ServerError"];
            503: components["responses"]["ServerError"];
        };
    };
    retrieveCharacter: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Optional API version pin (`YYYY-MM-DD`). Absent: your team's pinned version, or the system
                 *     default `2026-05-15` for unauthenticated requests. Known: `2026-05-15`, `2026-06-19`. A malformed
                 *     value gets 400 `invalid_format` (`param: Aurous-Version`, **DECISION**); a well-formed unknown one
                 *     400 `unknown_version`. The applied version is echoed in the `Aurous-Version` response header.
                 *     The schema lists the versions this contract knows (**DECISION**): a well-formed date outside
                 *     that list is not a valid value here, which is exactly what the 400 `unknown_version` says.
                 * @example 2026-05-15
                 */
                "Aurous-Version"?: components["parameters"]["AurousVersion"];
            };
            path: {
                /**
                 * @description Opaque character id (`char_...`). Deliberately no pattern: **DECISION** any id that does not name
                 *     a live character of your team (unknown, soft-deleted, another team's, or malformed) gets 404
                 *     `resource_not_found`, never 400, so the answer leaks nothing.
                 * @example char_01HXMQ7Z3K8Y2NABCDEFGHJKMR
                 */
                id: components["parameters"]["CharacterId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The character. */
            200: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "char_01HXMQ7Z3K8Y2NABCDEFGHJKMR",
                     *       "object": "character",
                     *       "name": "Aurora the Adventurer",
                     *       "status": "reviewing",
                     *       "refs": [
                     *         {
                     *           "pose": "portrait",
                     *           "url": "https://api.aurous-labs.com/storage/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/portrait.png?token=tok_7f3a9c21e5b84d06&expires=1778234400"
                     *         },
                     *         {
                     *           "pose": "front",
                     *           "url": "https://api.aurous-labs.com/storage/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/front.png?token=tok_7f3a9c21e5b84d06&expires=1778234400"
                     *         },
                     *         {
                     *           "pose": "side",
                     *           "url": "https://api.aurous-labs.com/storage/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/side.png?token=tok_7f3a9c21e5b84d06&expires=1778234400"
                     *         },
                     *         {
                     *           "pose": "back",
                     *           "url": "https://api.aurous-labs.com/storage/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/back.png?token=tok_7f3a9c21e5b84d06&expires=1778234400"
                     *         }
                     *       ],
                     *       "created_at": "2026-05-08T10:00:00Z",
                     *       "updated_at": "2026-05-08T10:02:41Z",
                     *       "client_reference_id": "bot_8472",
                     *       "attributes": {
                     *         "gender": "female",
                     *         "age": 28,
                     *         "ethnicity": "east-asian",
                     *         "hair_color": "black",
                     *         "hair_style": "shoulder-length straight",
                     *         "eye_color": "brown",
                     *         "body_type": "athletic",
                     *         "additional_details": "small scar above right eyebrow; warm smile"
                     *       },
                     *       "error_message": null,
                     *       "aurous_version": "2026-05-15"
                     *     }
                     */
                    "application/json": components["schemas"]["Character"];
                };
            };
            /**
             * @description The request is invalid; `type: invalid_request`, `param` names the offending field or header (or is null).
             *
             *     Only the `Aurous-Version` header can be invalid here.
             */
            400: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /**
             * @description No live character of your team has this id: unknown, soft-deleted, another team's, or malformed
             *     (`code: resource_not_found`, `param: null`). The answer never tells which.
             */
            404: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["ServerError"];
            503: components["responses"]["ServerError"];
        };
    };
    deleteCharacter: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Optional API version pin (`YYYY-MM-DD`). Absent: your team's pinned version, or the system
                 *     default `2026-05-15` for unauthenticated requests. Known: `2026-05-15`, `2026-06-19`. A malformed
                 *     value gets 400 `invalid_format` (`param: Aurous-Version`, **DECISION**); a well-formed unknown one
                 *     400 `unknown_version`. The applied version is echoed in the `Aurous-Version` response header.
                 *     The schema lists the versions this contract knows (**DECISION**): a well-formed date outside
                 *     that list is not a valid value here, which is exactly what the 400 `unknown_version` says.
                 * @example 2026-05-15
                 */
                "Aurous-Version"?: components["parameters"]["AurousVersion"];
            };
            path: {
                /**
                 * @description Opaque character id (`char_...`). Deliberately no pattern: **DECISION** any id that does not name
                 *     a live character of your team (unknown, soft-deleted, another team's, or malformed) gets 404
                 *     `resource_not_found`, never 400, so the answer leaks nothing.
                 * @example char_01HXMQ7Z3K8Y2NABCDEFGHJKMR
                 */
                id: components["parameters"]["CharacterId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The character was deleted. */
            200: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "char_01HXMQ7Z3K8Y2NABCDEFGHJKMR",
                     *       "object": "character",
                     *       "deleted": true
                     *     }
                     */
                    "application/json": components["schemas"]["DeletedCharacter"];
                };
            };
            /**
             * @description The request is invalid; `type: invalid_request`, `param` names the offending field or header (or is null).
             *
             *     Only the `Aurous-Version` header can be invalid here.
             */
            400: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /**
             * @description No live character of your team has this id: unknown, already deleted, another team's, or malformed
             *     (`code: resource_not_found`, `param: null`).
             */
            404: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["ServerError"];
            503: components["responses"]["ServerError"];
        };
    };
    updateCharacter: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Optional API version pin (`YYYY-MM-DD`). Absent: your team's pinned version, or the system
                 *     default `2026-05-15` for unauthenticated requests. Known: `2026-05-15`, `2026-06-19`. A malformed
                 *     value gets 400 `invalid_format` (`param: Aurous-Version`, **DECISION**); a well-formed unknown one
                 *     400 `unknown_version`. The applied version is echoed in the `Aurous-Version` response header.
                 *     The schema lists the versions this contract knows (**DECISION**): a well-formed date outside
                 *     that list is not a valid value here, which is exactly what the 400 `unknown_version` says.
                 * @example 2026-05-15
                 */
                "Aurous-Version"?: components["parameters"]["AurousVersion"];
            };
            path: {
                /**
                 * @description Opaque character id (`char_...`). Deliberately no pattern: **DECISION** any id that does not name
                 *     a live character of your team (unknown, soft-deleted, another team's, or malformed) gets 404
                 *     `resource_not_found`, never 400, so the answer leaks nothing.
                 * @example char_01HXMQ7Z3K8Y2NABCDEFGHJKMR
                 */
                id: components["parameters"]["CharacterId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCharacterRequest"];
            };
        };
        responses: {
            /** @description The updated character. */
            200: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "char_01HXMQ7Z3K8Y2NABCDEFGHJKMR",
                     *       "object": "character",
                     *       "name": "Aurora the Bold",
                     *       "status": "ready",
                     *       "refs": [
                     *         {
                     *           "pose": "portrait",
                     *           "url": "https://api.aurous-labs.com/storage/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/portrait.png?token=tok_7f3a9c21e5b84d06&expires=1778234400"
                     *         },
                     *         {
                     *           "pose": "front",
                     *           "url": "https://api.aurous-labs.com/storage/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/front.png?token=tok_7f3a9c21e5b84d06&expires=1778234400"
                     *         },
                     *         {
                     *           "pose": "side",
                     *           "url": "https://api.aurous-labs.com/storage/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/side.png?token=tok_7f3a9c21e5b84d06&expires=1778234400"
                     *         },
                     *         {
                     *           "pose": "back",
                     *           "url": "https://api.aurous-labs.com/storage/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/back.png?token=tok_7f3a9c21e5b84d06&expires=1778234400"
                     *         }
                     *       ],
                     *       "created_at": "2026-05-08T10:00:00Z",
                     *       "updated_at": "2026-05-08T11:30:00Z",
                     *       "client_reference_id": "bot_8472",
                     *       "attributes": {
                     *         "gender": "female",
                     *         "age": 28,
                     *         "ethnicity": "east-asian",
                     *         "hair_color": "silver",
                     *         "hair_style": "shoulder-length straight",
                     *         "eye_color": "brown",
                     *         "body_type": "athletic",
                     *         "additional_details": "small scar above right eyebrow; warm smile"
                     *       },
                     *       "error_message": null,
                     *       "aurous_version": "2026-05-15"
                     *     }
                     */
                    "application/json": components["schemas"]["Character"];
                };
            };
            /** @description The request is invalid; `type: invalid_request`, `param` names the offending field or header (or is null). */
            400: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /**
             * @description No live character of your team has this id: unknown, soft-deleted, another team's, or malformed
             *     (`code: resource_not_found`, `param: null`). The answer never tells which.
             */
            404: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["ServerError"];
            503: components["responses"]["ServerError"];
        };
    };
    saveCharacter: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Optional API version pin (`YYYY-MM-DD`). Absent: your team's pinned version, or the system
                 *     default `2026-05-15` for unauthenticated requests. Known: `2026-05-15`, `2026-06-19`. A malformed
                 *     value gets 400 `invalid_format` (`param: Aurous-Version`, **DECISION**); a well-formed unknown one
                 *     400 `unknown_version`. The applied version is echoed in the `Aurous-Version` response header.
                 *     The schema lists the versions this contract knows (**DECISION**): a well-formed date outside
                 *     that list is not a valid value here, which is exactly what the 400 `unknown_version` says.
                 * @example 2026-05-15
                 */
                "Aurous-Version"?: components["parameters"]["AurousVersion"];
            };
            path: {
                /**
                 * @description Opaque character id (`char_...`). Deliberately no pattern: **DECISION** any id that does not name
                 *     a live character of your team (unknown, soft-deleted, another team's, or malformed) gets 404
                 *     `resource_not_found`, never 400, so the answer leaks nothing.
                 * @example char_01HXMQ7Z3K8Y2NABCDEFGHJKMR
                 */
                id: components["parameters"]["CharacterId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The character is `ready` (saved now, or already saved). */
            200: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "char_01HXMQ7Z3K8Y2NABCDEFGHJKMR",
                     *       "object": "character",
                     *       "name": "Aurora the Adventurer",
                     *       "status": "ready",
                     *       "refs": [
                     *         {
                     *           "pose": "portrait",
                     *           "url": "https://api.aurous-labs.com/storage/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/portrait.png?token=tok_7f3a9c21e5b84d06&expires=1778234400"
                     *         },
                     *         {
                     *           "pose": "front",
                     *           "url": "https://api.aurous-labs.com/storage/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/front.png?token=tok_7f3a9c21e5b84d06&expires=1778234400"
                     *         },
                     *         {
                     *           "pose": "side",
                     *           "url": "https://api.aurous-labs.com/storage/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/side.png?token=tok_7f3a9c21e5b84d06&expires=1778234400"
                     *         },
                     *         {
                     *           "pose": "back",
                     *           "url": "https://api.aurous-labs.com/storage/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/back.png?token=tok_7f3a9c21e5b84d06&expires=1778234400"
                     *         }
                     *       ],
                     *       "created_at": "2026-05-08T10:00:00Z",
                     *       "updated_at": "2026-05-08T10:02:41Z",
                     *       "client_reference_id": "bot_8472",
                     *       "attributes": {
                     *         "gender": "female",
                     *         "age": 28,
                     *         "ethnicity": "east-asian",
                     *         "hair_color": "black",
                     *         "hair_style": "shoulder-length straight",
                     *         "eye_color": "brown",
                     *         "body_type": "athletic",
                     *         "additional_details": "small scar above right eyebrow; warm smile"
                     *       },
                     *       "error_message": null,
                     *       "aurous_version": "2026-05-15"
                     *     }
                     */
                    "application/json": components["schemas"]["Character"];
                };
            };
            /**
             * @description The request is invalid; `type: invalid_request`, `param` names the offending field or header (or is null).
             *
             *     `code: invalid_request_error` (the save page's own code, used verbatim, **DECISION**) when the
             *     character is `synthesizing` or `failed`.
             */
            400: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /**
             * @description Unknown id, soft-deleted character, another team's, or a malformed id: `code: resource_not_found`,
             *     `param: null`. Never distinguishes "does not exist" from "not yours".
             */
            404: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["ServerError"];
            503: components["responses"]["ServerError"];
        };
    };
    regenerateRef: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Optional API version pin (`YYYY-MM-DD`). Absent: your team's pinned version, or the system
                 *     default `2026-05-15` for unauthenticated requests. Known: `2026-05-15`, `2026-06-19`. A malformed
                 *     value gets 400 `invalid_format` (`param: Aurous-Version`, **DECISION**); a well-formed unknown one
                 *     400 `unknown_version`. The applied version is echoed in the `Aurous-Version` response header.
                 *     The schema lists the versions this contract knows (**DECISION**): a well-formed date outside
                 *     that list is not a valid value here, which is exactly what the 400 `unknown_version` says.
                 * @example 2026-05-15
                 */
                "Aurous-Version"?: components["parameters"]["AurousVersion"];
                /**
                 * @description Any opaque value of 1-256 characters (a UUID v4 is recommended), scoped to your team. Same key and
                 *     same body (canonical JSON) on the same route within 24 h: the cached 2xx is replayed with
                 *     `Aurous-Idempotent-Replayed: true` and nothing is charged again. Same key with a different body or
                 *     route, or while the original is still running: 409 `idempotency_key_in_use`. 4xx
                 *     `invalid_request` originals are not cached. Without the header every call is processed anew (and
                 *     charged anew).
                 * @example c0a8e3f2-5b9d-4e61-8f27-3d4c1b2a9e07
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /**
                 * @description Opaque character id (`char_...`). Deliberately no pattern: **DECISION** any id that does not name
                 *     a live character of your team (unknown, soft-deleted, another team's, or malformed) gets 404
                 *     `resource_not_found`, never 400, so the answer leaks nothing.
                 * @example char_01HXMQ7Z3K8Y2NABCDEFGHJKMR
                 */
                id: components["parameters"]["CharacterId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegenerateRefRequest"];
            };
        };
        responses: {
            /** @description Regeneration started; the character is `synthesizing`. */
            200: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Aurous-Idempotent-Replayed": components["headers"]["Aurous-Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "char_01HXMQ7Z3K8Y2NABCDEFGHJKMR",
                     *       "object": "character",
                     *       "name": "Aurora the Adventurer",
                     *       "status": "synthesizing",
                     *       "refs": [
                     *         {
                     *           "pose": "portrait",
                     *           "url": "https://api.aurous-labs.com/storage/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/portrait.png?token=tok_7f3a9c21e5b84d06&expires=1778234400"
                     *         },
                     *         {
                     *           "pose": "front",
                     *           "url": "https://api.aurous-labs.com/storage/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/front.png?token=tok_7f3a9c21e5b84d06&expires=1778234400"
                     *         },
                     *         {
                     *           "pose": "side",
                     *           "url": "https://api.aurous-labs.com/storage/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/side.png?token=tok_7f3a9c21e5b84d06&expires=1778234400"
                     *         },
                     *         {
                     *           "pose": "back",
                     *           "url": "https://api.aurous-labs.com/storage/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/back.png?token=tok_7f3a9c21e5b84d06&expires=1778234400"
                     *         }
                     *       ],
                     *       "created_at": "2026-05-08T10:00:00Z",
                     *       "updated_at": "2026-05-08T10:10:00Z",
                     *       "client_reference_id": "bot_8472",
                     *       "attributes": {
                     *         "gender": "female",
                     *         "age": 28,
                     *         "ethnicity": "east-asian",
                     *         "hair_color": "black",
                     *         "hair_style": "shoulder-length straight",
                     *         "eye_color": "brown",
                     *         "body_type": "athletic",
                     *         "additional_details": "small scar above right eyebrow; warm smile"
                     *       },
                     *       "error_message": null,
                     *       "aurous_version": "2026-05-15"
                     *     }
                     */
                    "application/json": components["schemas"]["Character"];
                };
            };
            /** @description The request is invalid; `type: invalid_request`, `param` names the offending field or header (or is null). */
            400: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["InsufficientCredits"];
            /**
             * @description No live character of your team has this id: unknown, soft-deleted, another team's, or malformed
             *     (`code: resource_not_found`, `param: null`). The answer never tells which.
             */
            404: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            409: components["responses"]["IdempotencyKeyInUse"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["ServerError"];
            503: components["responses"]["ServerError"];
        };
    };
    resynthesizeCharacter: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Optional API version pin (`YYYY-MM-DD`). Absent: your team's pinned version, or the system
                 *     default `2026-05-15` for unauthenticated requests. Known: `2026-05-15`, `2026-06-19`. A malformed
                 *     value gets 400 `invalid_format` (`param: Aurous-Version`, **DECISION**); a well-formed unknown one
                 *     400 `unknown_version`. The applied version is echoed in the `Aurous-Version` response header.
                 *     The schema lists the versions this contract knows (**DECISION**): a well-formed date outside
                 *     that list is not a valid value here, which is exactly what the 400 `unknown_version` says.
                 * @example 2026-05-15
                 */
                "Aurous-Version"?: components["parameters"]["AurousVersion"];
                /**
                 * @description Any opaque value of 1-256 characters (a UUID v4 is recommended), scoped to your team. Same key and
                 *     same body (canonical JSON) on the same route within 24 h: the cached 2xx is replayed with
                 *     `Aurous-Idempotent-Replayed: true` and nothing is charged again. Same key with a different body or
                 *     route, or while the original is still running: 409 `idempotency_key_in_use`. 4xx
                 *     `invalid_request` originals are not cached. Without the header every call is processed anew (and
                 *     charged anew).
                 * @example c0a8e3f2-5b9d-4e61-8f27-3d4c1b2a9e07
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /**
                 * @description Opaque character id (`char_...`). Deliberately no pattern: **DECISION** any id that does not name
                 *     a live character of your team (unknown, soft-deleted, another team's, or malformed) gets 404
                 *     `resource_not_found`, never 400, so the answer leaks nothing.
                 * @example char_01HXMQ7Z3K8Y2NABCDEFGHJKMR
                 */
                id: components["parameters"]["CharacterId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ResynthesizeRequest"];
            };
        };
        responses: {
            /** @description Resynthesis started; the character is `synthesizing`. */
            200: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Aurous-Idempotent-Replayed": components["headers"]["Aurous-Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "char_01HXMQ7Z3K8Y2NABCDEFGHJKMR",
                     *       "object": "character",
                     *       "name": "Aurora the Adventurer",
                     *       "status": "synthesizing",
                     *       "refs": [
                     *         {
                     *           "pose": "portrait",
                     *           "url": "https://api.aurous-labs.com/storage/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/portrait.png?token=tok_7f3a9c21e5b84d06&expires=1778234400"
                     *         },
                     *         {
                     *           "pose": "front",
                     *           "url": "https://api.aurous-labs.com/storage/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/front.png?token=tok_7f3a9c21e5b84d06&expires=1778234400"
                     *         },
                     *         {
                     *           "pose": "side",
                     *           "url": "https://api.aurous-labs.com/storage/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/side.png?token=tok_7f3a9c21e5b84d06&expires=1778234400"
                     *         },
                     *         {
                     *           "pose": "back",
                     *           "url": "https://api.aurous-labs.com/storage/characters/char_01HXMQ7Z3K8Y2NABCDEFGHJKMR/back.png?token=tok_7f3a9c21e5b84d06&expires=1778234400"
                     *         }
                     *       ],
                     *       "created_at": "2026-05-08T10:00:00Z",
                     *       "updated_at": "2026-05-08T10:12:00Z",
                     *       "client_reference_id": "bot_8472",
                     *       "attributes": {
                     *         "gender": "female",
                     *         "age": 28,
                     *         "ethnicity": "east-asian",
                     *         "hair_color": "black",
                     *         "hair_style": "shoulder-length straight",
                     *         "eye_color": "brown",
                     *         "body_type": "athletic",
                     *         "additional_details": "small scar above right eyebrow; warm smile"
                     *       },
                     *       "error_message": null,
                     *       "aurous_version": "2026-05-15"
                     *     }
                     */
                    "application/json": components["schemas"]["Character"];
                };
            };
            /** @description The request is invalid; `type: invalid_request`, `param` names the offending field or header (or is null). */
            400: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["InsufficientCredits"];
            /**
             * @description No live character of your team has this id: unknown, soft-deleted, another team's, or malformed
             *     (`code: resource_not_found`, `param: null`). The answer never tells which.
             */
            404: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            409: components["responses"]["IdempotencyKeyInUse"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["ServerError"];
            503: components["responses"]["ServerError"];
        };
    };
    initUpload: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Optional API version pin (`YYYY-MM-DD`). Absent: your team's pinned version, or the system
                 *     default `2026-05-15` for unauthenticated requests. Known: `2026-05-15`, `2026-06-19`. A malformed
                 *     value gets 400 `invalid_format` (`param: Aurous-Version`, **DECISION**); a well-formed unknown one
                 *     400 `unknown_version`. The applied version is echoed in the `Aurous-Version` response header.
                 *     The schema lists the versions this contract knows (**DECISION**): a well-formed date outside
                 *     that list is not a valid value here, which is exactly what the 400 `unknown_version` says.
                 * @example 2026-05-15
                 */
                "Aurous-Version"?: components["parameters"]["AurousVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UploadInitRequest"];
            };
        };
        responses: {
            /** @description The upload ticket. */
            201: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "upload_id": "upl_01HXMQ7Z3K8Y2NABCDEFGHJKMR",
                     *       "upload_url": "https://api.aurous-labs.com/v1/characters/uploads/upl_01HXMQ7Z3K8Y2NABCDEFGHJKMR/content?signature=sig_5c1e0f9a7b3d4e2f8a6c1b0d9e7f3a5c",
                     *       "upload_headers": {
                     *         "Content-Type": "image/jpeg"
                     *       },
                     *       "expires_at": "2026-05-08T10:15:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["UploadTicket"];
                };
            };
            /** @description The request is invalid; `type: invalid_request`, `param` names the offending field or header (or is null). */
            400: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["ServerError"];
            503: components["responses"]["ServerError"];
        };
    };
    putUploadContent: {
        parameters: {
            query: {
                /**
                 * @description The signature token from `upload_url`. A wrong signature gets 404 `resource_not_found` (as for an unknown upload).
                 * @example sig_5c1e0f9a7b3d4e2f8a6c1b0d9e7f3a5c
                 */
                signature: components["parameters"]["Signature"];
            };
            header?: {
                /**
                 * @description Optional API version pin (`YYYY-MM-DD`). Absent: your team's pinned version, or the system
                 *     default `2026-05-15` for unauthenticated requests. Known: `2026-05-15`, `2026-06-19`. A malformed
                 *     value gets 400 `invalid_format` (`param: Aurous-Version`, **DECISION**); a well-formed unknown one
                 *     400 `unknown_version`. The applied version is echoed in the `Aurous-Version` response header.
                 *     The schema lists the versions this contract knows (**DECISION**): a well-formed date outside
                 *     that list is not a valid value here, which is exactly what the 400 `unknown_version` says.
                 * @example 2026-05-15
                 */
                "Aurous-Version"?: components["parameters"]["AurousVersion"];
            };
            path: {
                /**
                 * @description Opaque upload id (`upl_...`). No pattern: an unknown or malformed id gets 404 `resource_not_found`.
                 * @example upl_01HXMQ7Z3K8Y2NABCDEFGHJKMR
                 */
                upload_id: components["parameters"]["UploadId"];
            };
            cookie?: never;
        };
        /** @description The raw image bytes, at most 10 MiB. */
        requestBody: {
            content: {
                "image/jpeg": string;
                "image/png": string;
                "image/webp": string;
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description The bytes were stored. */
            204: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is invalid; `type: invalid_request`, `param` names the offending field or header (or is null). */
            400: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown upload id or wrong signature (`code: resource_not_found`, `param: null`). */
            404: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["UploadPayloadTooLarge"];
            415: components["responses"]["UploadUnsupportedMediaType"];
            500: components["responses"]["ServerErrorUnmetered"];
            502: components["responses"]["ServerErrorUnmetered"];
            503: components["responses"]["ServerErrorUnmetered"];
        };
    };
    classifyUpload: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Optional API version pin (`YYYY-MM-DD`). Absent: your team's pinned version, or the system
                 *     default `2026-05-15` for unauthenticated requests. Known: `2026-05-15`, `2026-06-19`. A malformed
                 *     value gets 400 `invalid_format` (`param: Aurous-Version`, **DECISION**); a well-formed unknown one
                 *     400 `unknown_version`. The applied version is echoed in the `Aurous-Version` response header.
                 *     The schema lists the versions this contract knows (**DECISION**): a well-formed date outside
                 *     that list is not a valid value here, which is exactly what the 400 `unknown_version` says.
                 * @example 2026-05-15
                 */
                "Aurous-Version"?: components["parameters"]["AurousVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClassifyRequest"];
            };
        };
        responses: {
            /** @description The detected pose. */
            200: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "upload_id": "upl_01HXMQ7Z3K8Y2NABCDEFGHJKMR",
                     *       "pose": "front",
                     *       "confidence": 0.92
                     *     }
                     */
                    "application/json": components["schemas"]["Classification"];
                };
            };
            /** @description The request is invalid; `type: invalid_request`, `param` names the offending field or header (or is null). */
            400: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The upload belongs to another team (`code: resource_not_found`, `param: upload_id`). */
            404: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["ServerError"];
            503: components["responses"]["ServerError"];
        };
    };
    createImage: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Optional API version pin (`YYYY-MM-DD`). Absent: your team's pinned version, or the system
                 *     default `2026-05-15` for unauthenticated requests. Known: `2026-05-15`, `2026-06-19`. A malformed
                 *     value gets 400 `invalid_format` (`param: Aurous-Version`, **DECISION**); a well-formed unknown one
                 *     400 `unknown_version`. The applied version is echoed in the `Aurous-Version` response header.
                 *     The schema lists the versions this contract knows (**DECISION**): a well-formed date outside
                 *     that list is not a valid value here, which is exactly what the 400 `unknown_version` says.
                 * @example 2026-05-15
                 */
                "Aurous-Version"?: components["parameters"]["AurousVersion"];
                /**
                 * @description Any opaque value of 1-256 characters (a UUID v4 is recommended), scoped to your team. Same key and
                 *     same body (canonical JSON) on the same route within 24 h: the cached 2xx is replayed with
                 *     `Aurous-Idempotent-Replayed: true` and nothing is charged again. Same key with a different body or
                 *     route, or while the original is still running: 409 `idempotency_key_in_use`. 4xx
                 *     `invalid_request` originals are not cached. Without the header every call is processed anew (and
                 *     charged anew).
                 * @example c0a8e3f2-5b9d-4e61-8f27-3d4c1b2a9e07
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateImageRequest"];
            };
        };
        responses: {
            /** @description The generation was accepted and queued. */
            202: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Aurous-Idempotent-Replayed": components["headers"]["Aurous-Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "img_01HXMQC4D8F2G6H0J3K5M7N9PQ",
                     *       "object": "image",
                     *       "status": "queued",
                     *       "prompt": "Aurora hiking a misty mountain ridge at dawn, cinematic lighting",
                     *       "character_id": "char_01HXMQ7Z3K8Y2NABCDEFGHJKMR",
                     *       "credits_charged": 1,
                     *       "created_at": "2026-05-08T10:05:12Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Image"];
                };
            };
            /** @description The request is invalid; `type: invalid_request`, `param` names the offending field or header (or is null). */
            400: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["InsufficientCredits"];
            /**
             * @description `character_id` names no live character of your team: unknown, deleted, another team's or malformed
             *     (`code: resource_not_found`, `param: character_id`).
             */
            404: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            409: components["responses"]["IdempotencyKeyInUse"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["ServerError"];
            503: components["responses"]["ServerError"];
        };
    };
    getBalance: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Optional API version pin (`YYYY-MM-DD`). Absent: your team's pinned version, or the system
                 *     default `2026-05-15` for unauthenticated requests. Known: `2026-05-15`, `2026-06-19`. A malformed
                 *     value gets 400 `invalid_format` (`param: Aurous-Version`, **DECISION**); a well-formed unknown one
                 *     400 `unknown_version`. The applied version is echoed in the `Aurous-Version` response header.
                 *     The schema lists the versions this contract knows (**DECISION**): a well-formed date outside
                 *     that list is not a valid value here, which is exactly what the 400 `unknown_version` says.
                 * @example 2026-05-15
                 */
                "Aurous-Version"?: components["parameters"]["AurousVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The balance. */
            200: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "credits": 1023,
                     *       "held_credits": 0,
                     *       "available_credits": 1023,
                     *       "currency": "credit",
                     *       "billing_mode": "metered"
                     *     }
                     */
                    "application/json": components["schemas"]["Balance"];
                };
            };
            /**
             * @description The request is invalid; `type: invalid_request`, `param` names the offending field or header (or is null).
             *
             *     Only the `Aurous-Version` header can be invalid here.
             */
            400: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["ServerErrorUnmetered"];
            502: components["responses"]["ServerErrorUnmetered"];
            503: components["responses"]["ServerErrorUnmetered"];
        };
    };
    listWebhookEndpoints: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Optional API version pin (`YYYY-MM-DD`). Absent: your team's pinned version, or the system
                 *     default `2026-05-15` for unauthenticated requests. Known: `2026-05-15`, `2026-06-19`. A malformed
                 *     value gets 400 `invalid_format` (`param: Aurous-Version`, **DECISION**); a well-formed unknown one
                 *     400 `unknown_version`. The applied version is echoed in the `Aurous-Version` response header.
                 *     The schema lists the versions this contract knows (**DECISION**): a well-formed date outside
                 *     that list is not a valid value here, which is exactly what the 400 `unknown_version` says.
                 * @example 2026-05-15
                 */
                "Aurous-Version"?: components["parameters"]["AurousVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoints. */
            200: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "object": "list",
                     *       "data": [
                     *         {
                     *           "id": "we_01HXMQ7Z3K8Y2NABCDEFGHJKMN",
                     *           "object": "webhook_endpoint",
                     *           "url": "https://api.acme.dev/aurous-webhook",
                     *           "events": [
                     *             "character.completed",
                     *             "character.failed",
                     *             "character.cancelled"
                     *           ],
                     *           "description": "Production webhook",
                     *           "metadata": {
                     *             "env": "prod"
                     *           },
                     *           "api_version": "2026-05-15",
                     *           "secret_preview": "whsec_8jK...wxyz",
                     *           "secret": null,
                     *           "is_active": true,
                     *           "consecutive_failures": 0,
                     *           "last_success_at": "2026-05-04T01:00:00Z",
                     *           "last_failure_at": null,
                     *           "created_at": "2026-05-03T14:00:00Z",
                     *           "updated_at": "2026-05-03T14:00:00Z"
                     *         }
                     *       ],
                     *       "has_more": false,
                     *       "next_cursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookEndpointList"];
                };
            };
            /** @description The request is invalid; `type: invalid_request`, `param` names the offending field or header (or is null). */
            400: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["ServerError"];
            503: components["responses"]["ServerError"];
        };
    };
    createWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Optional API version pin (`YYYY-MM-DD`). Absent: your team's pinned version, or the system
                 *     default `2026-05-15` for unauthenticated requests. Known: `2026-05-15`, `2026-06-19`. A malformed
                 *     value gets 400 `invalid_format` (`param: Aurous-Version`, **DECISION**); a well-formed unknown one
                 *     400 `unknown_version`. The applied version is echoed in the `Aurous-Version` response header.
                 *     The schema lists the versions this contract knows (**DECISION**): a well-formed date outside
                 *     that list is not a valid value here, which is exactly what the 400 `unknown_version` says.
                 * @example 2026-05-15
                 */
                "Aurous-Version"?: components["parameters"]["AurousVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://api.acme.dev/aurous-webhook",
                 *       "events": [
                 *         "character.completed",
                 *         "character.failed",
                 *         "character.cancelled"
                 *       ],
                 *       "description": "Production webhook",
                 *       "metadata": {
                 *         "env": "prod"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["CreateWebhookEndpointRequest"];
            };
        };
        responses: {
            /** @description Endpoint created; `secret` is shown this once. */
            201: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "we_01HXMQ7Z3K8Y2NABCDEFGHJKMN",
                     *       "object": "webhook_endpoint",
                     *       "url": "https://api.acme.dev/aurous-webhook",
                     *       "events": [
                     *         "character.completed",
                     *         "character.failed",
                     *         "character.cancelled"
                     *       ],
                     *       "description": "Production webhook",
                     *       "metadata": {
                     *         "env": "prod"
                     *       },
                     *       "api_version": "2026-05-15",
                     *       "secret_preview": "whsec_8jK...wxyz",
                     *       "secret": "whsec_8jKpQ4nXabc1234abcdef567890wxyz",
                     *       "is_active": true,
                     *       "consecutive_failures": 0,
                     *       "last_success_at": null,
                     *       "last_failure_at": null,
                     *       "created_at": "2026-05-03T14:00:00Z",
                     *       "updated_at": "2026-05-03T14:00:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description The request is invalid; `type: invalid_request`, `param` names the offending field or header (or is null). */
            400: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["ServerError"];
            503: components["responses"]["ServerError"];
        };
    };
    retrieveWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Optional API version pin (`YYYY-MM-DD`). Absent: your team's pinned version, or the system
                 *     default `2026-05-15` for unauthenticated requests. Known: `2026-05-15`, `2026-06-19`. A malformed
                 *     value gets 400 `invalid_format` (`param: Aurous-Version`, **DECISION**); a well-formed unknown one
                 *     400 `unknown_version`. The applied version is echoed in the `Aurous-Version` response header.
                 *     The schema lists the versions this contract knows (**DECISION**): a well-formed date outside
                 *     that list is not a valid value here, which is exactly what the 400 `unknown_version` says.
                 * @example 2026-05-15
                 */
                "Aurous-Version"?: components["parameters"]["AurousVersion"];
            };
            path: {
                /**
                 * @description Opaque endpoint id (`we_...`). No pattern: an unknown, deleted, other team's or malformed id gets 404 `resource_not_found`.
                 * @example we_01HXMQ7Z3K8Y2NABCDEFGHJKMN
                 */
                id: components["parameters"]["WebhookEndpointId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint. */
            200: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "we_01HXMQ7Z3K8Y2NABCDEFGHJKMN",
                     *       "object": "webhook_endpoint",
                     *       "url": "https://api.acme.dev/aurous-webhook",
                     *       "events": [
                     *         "character.completed",
                     *         "character.failed",
                     *         "character.cancelled"
                     *       ],
                     *       "description": "Production webhook",
                     *       "metadata": {
                     *         "env": "prod"
                     *       },
                     *       "api_version": "2026-05-15",
                     *       "secret_preview": "whsec_8jK...wxyz",
                     *       "secret": null,
                     *       "is_active": true,
                     *       "consecutive_failures": 0,
                     *       "last_success_at": "2026-05-04T01:00:00Z",
                     *       "last_failure_at": null,
                     *       "created_at": "2026-05-03T14:00:00Z",
                     *       "updated_at": "2026-05-03T14:00:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description The request is invalid; `type: invalid_request`, `param` names the offending field or header (or is null). */
            400: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Unknown id, another team's endpoint, a deleted one, or a malformed id: `code: resource_not_found`. Never distinguishes "does not exist" from "not yours". */
            404: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["ServerError"];
            503: components["responses"]["ServerError"];
        };
    };
    deleteWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Optional API version pin (`YYYY-MM-DD`). Absent: your team's pinned version, or the system
                 *     default `2026-05-15` for unauthenticated requests. Known: `2026-05-15`, `2026-06-19`. A malformed
                 *     value gets 400 `invalid_format` (`param: Aurous-Version`, **DECISION**); a well-formed unknown one
                 *     400 `unknown_version`. The applied version is echoed in the `Aurous-Version` response header.
                 *     The schema lists the versions this contract knows (**DECISION**): a well-formed date outside
                 *     that list is not a valid value here, which is exactly what the 400 `unknown_version` says.
                 * @example 2026-05-15
                 */
                "Aurous-Version"?: components["parameters"]["AurousVersion"];
            };
            path: {
                /**
                 * @description Opaque endpoint id (`we_...`). No pattern: an unknown, deleted, other team's or malformed id gets 404 `resource_not_found`.
                 * @example we_01HXMQ7Z3K8Y2NABCDEFGHJKMN
                 */
                id: components["parameters"]["WebhookEndpointId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint was removed. */
            200: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "we_01HXMQ7Z3K8Y2NABCDEFGHJKMN",
                     *       "object": "webhook_endpoint",
                     *       "deleted": true
                     *     }
                     */
                    "application/json": components["schemas"]["DeletedWebhookEndpoint"];
                };
            };
            /** @description The request is invalid; `type: invalid_request`, `param` names the offending field or header (or is null). */
            400: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Unknown id, another team's endpoint, a deleted one, or a malformed id: `code: resource_not_found`. Never distinguishes "does not exist" from "not yours". */
            404: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["ServerError"];
            503: components["responses"]["ServerError"];
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Optional API version pin (`YYYY-MM-DD`). Absent: your team's pinned version, or the system
                 *     default `2026-05-15` for unauthenticated requests. Known: `2026-05-15`, `2026-06-19`. A malformed
                 *     value gets 400 `invalid_format` (`param: Aurous-Version`, **DECISION**); a well-formed unknown one
                 *     400 `unknown_version`. The applied version is echoed in the `Aurous-Version` response header.
                 *     The schema lists the versions this contract knows (**DECISION**): a well-formed date outside
                 *     that list is not a valid value here, which is exactly what the 400 `unknown_version` says.
                 * @example 2026-05-15
                 */
                "Aurous-Version"?: components["parameters"]["AurousVersion"];
            };
            path: {
                /**
                 * @description Opaque endpoint id (`we_...`). No pattern: an unknown, deleted, other team's or malformed id gets 404 `resource_not_found`.
                 * @example we_01HXMQ7Z3K8Y2NABCDEFGHJKMN
                 */
                id: components["parameters"]["WebhookEndpointId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Secret rotated; `secret` is shown this once. */
            200: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "we_01HXMQ7Z3K8Y2NABCDEFGHJKMN",
                     *       "object": "webhook_endpoint",
                     *       "url": "https://api.acme.dev/aurous-webhook",
                     *       "events": [
                     *         "character.completed",
                     *         "character.failed",
                     *         "character.cancelled"
                     *       ],
                     *       "description": "Production webhook",
                     *       "metadata": {
                     *         "env": "prod"
                     *       },
                     *       "api_version": "2026-05-15",
                     *       "secret_preview": "whsec_8jK...wxyz",
                     *       "secret": "whsec_8jKpQ4nXabc1234abcdef567890wxyz",
                     *       "is_active": true,
                     *       "consecutive_failures": 0,
                     *       "last_success_at": null,
                     *       "last_failure_at": null,
                     *       "created_at": "2026-05-03T14:00:00Z",
                     *       "updated_at": "2026-05-03T14:00:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description The request is invalid; `type: invalid_request`, `param` names the offending field or header (or is null). */
            400: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Unknown id, another team's endpoint, a deleted one, or a malformed id: `code: resource_not_found`. Never distinguishes "does not exist" from "not yours". */
            404: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["ServerError"];
            503: components["responses"]["ServerError"];
        };
    };
    testWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Optional API version pin (`YYYY-MM-DD`). Absent: your team's pinned version, or the system
                 *     default `2026-05-15` for unauthenticated requests. Known: `2026-05-15`, `2026-06-19`. A malformed
                 *     value gets 400 `invalid_format` (`param: Aurous-Version`, **DECISION**); a well-formed unknown one
                 *     400 `unknown_version`. The applied version is echoed in the `Aurous-Version` response header.
                 *     The schema lists the versions this contract knows (**DECISION**): a well-formed date outside
                 *     that list is not a valid value here, which is exactly what the 400 `unknown_version` says.
                 * @example 2026-05-15
                 */
                "Aurous-Version"?: components["parameters"]["AurousVersion"];
            };
            path: {
                /**
                 * @description Opaque endpoint id (`we_...`). No pattern: an unknown, deleted, other team's or malformed id gets 404 `resource_not_found`.
                 * @example we_01HXMQ7Z3K8Y2NABCDEFGHJKMN
                 */
                id: components["parameters"]["WebhookEndpointId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "event_type": "character.completed"
                 *     }
                 */
                "application/json": components["schemas"]["TestWebhookRequest"];
            };
        };
        responses: {
            /** @description Delivery enqueued. */
            202: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "object": "webhook_test_fire",
                     *       "endpoint_id": "we_01HXMQ7Z3K8Y2NABCDEFGHJKMN",
                     *       "event_id": "evt_01HXMQ7Z3K8Y2NABCDEFGHJKMP",
                     *       "enqueued": true
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookTestFire"];
                };
            };
            /** @description The request is invalid; `type: invalid_request`, `param` names the offending field or header (or is null). */
            400: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Unknown id, another team's endpoint, a deleted one, or a malformed id: `code: resource_not_found`. Never distinguishes "does not exist" from "not yours". */
            404: {
                headers: {
                    "Aurous-Version": components["headers"]["Aurous-Version"];
                    "Aurous-Request-Id": components["headers"]["Aurous-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["ServerError"];
            503: components["responses"]["ServerError"];
        };
    };
}
