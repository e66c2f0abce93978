// A typed client of the Characters API in a few lines: openapi-fetch + the generated types.
// Create a character (synthesize flow), wait for the review step, save it, and read it back.
// Compiled with `tsc --strict` in CI (tests/docs/test_typescript.py), and run against the mock there.
import createClient from "openapi-fetch";
import type { components, paths } from "./aurous-api.js";

export type Character = components["schemas"]["Character"];

export async function createSaveAndGet(baseUrl: string, apiKey: string, pollMs = 1000): Promise<Character> {
  const client = createClient<paths>({ baseUrl, headers: { "X-Api-Key": apiKey } });

  const created = await client.POST("/v1/characters", {
    body: { name: "Aurora", generate: true, attributes: { gender: "female", age: 28 } },
  });
  if (created.error) throw new Error(`create: ${created.error.error.code}: ${created.error.error.message}`);
  let character: Character = created.data;

  // Synthesis takes 30-90 s on the real service (3 s on the mock by default): poll until it leaves synthesizing.
  while (character.status === "synthesizing") {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    const polled = await client.GET("/v1/characters/{id}", { params: { path: { id: character.id } } });
    if (polled.error) throw new Error(`poll: ${polled.error.error.code}`);
    character = polled.data;
  }
  if (character.status === "failed") throw new Error(`synthesis failed: ${character.error_message}`);

  const saved = await client.POST("/v1/characters/{id}/save", { params: { path: { id: character.id } } });
  if (saved.error) throw new Error(`save: ${saved.error.error.code}: ${saved.error.error.message}`);

  const fetched = await client.GET("/v1/characters/{id}", { params: { path: { id: saved.data.id } } });
  if (fetched.error) throw new Error(`get: ${fetched.error.error.code}`);
  return fetched.data; // status: "ready"
}

// The types catch mistakes at compile time: each line below must fail to compile, or tsc reports it.
export function typeChecks(character: Character): void {
  // @ts-expect-error "approved" is not a status of the contract
  const status: Character["status"] = "approved";
  // @ts-expect-error a path the contract does not have
  void createClient<paths>({}).GET("/v1/character/{id}", { params: { path: { id: character.id } } });
  void status;
}
