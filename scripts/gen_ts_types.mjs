// Generate the TypeScript types of the contract (clients/typescript/aurous-api.d.ts) with openapi-typescript,
// pinned in package.json. The file is checked in so a frontend can copy it without Node tools; CI checks it:
//
//   node scripts/gen_ts_types.mjs           write clients/typescript/aurous-api.d.ts
//   node scripts/gen_ts_types.mjs --check   exit 1 if the checked-in file is not what openapi.yaml gives
//   (--target=PATH checks or writes another file)
//
// The Node API is used rather than the CLI, which would read redocly.yaml (the linters' config) as a list
// of APIs to generate.
import { readFile, writeFile } from "node:fs/promises";
import openapiTS, { astToString } from "openapi-typescript";

const root = new URL("../", import.meta.url);
const targetArg = process.argv.find((arg) => arg.startsWith("--target="));
const target = targetArg
  ? new URL(targetArg.slice("--target=".length), `file://${process.cwd()}/`)
  : new URL("clients/typescript/aurous-api.d.ts", root);
const banner =
  "// Generated from openapi.yaml by scripts/gen_ts_types.mjs (openapi-typescript). Do not edit by hand:\n" +
  "// run `node scripts/gen_ts_types.mjs`.\n\n";

const ast = await openapiTS(new URL("openapi.yaml", root));
const generated = banner + astToString(ast);

if (process.argv.includes("--check")) {
  const current = await readFile(target, "utf8").catch(() => "");
  if (current !== generated) {
    console.error(`${target.pathname} is out of date with openapi.yaml: run node scripts/gen_ts_types.mjs`);
    process.exit(1);
  }
} else {
  await writeFile(target, generated);
  console.log(`types: ${target.pathname}`);
}
