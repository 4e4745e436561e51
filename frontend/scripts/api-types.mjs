// Writes the front end's view of the API from the backend's OpenAPI schema (the JSON that
// `manage.py spectacular` prints), so that no payload shape, limit or enum is copied by hand:
//   src/types/api.ts        the payload types (openapi-typescript)
//   src/types/api-rules.ts  the request fields' limits and the enums, as values forms can use
// Usage: node scripts/api-types.mjs <schema.json> [--check]
// With --check nothing is written; the exit status is 1 when a committed file differs from what
// the schema generates. `make api-types` and `make api-types-check` produce the schema and run this.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import * as prettier from "prettier";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const TYPES_FILE = join(root, "src", "types", "api.ts");
const RULES_FILE = join(root, "src", "types", "api-rules.ts");

const HEADER = `/**
 * Generated from the backend's OpenAPI schema by \`make api-types\` (frontend/scripts/api-types.mjs).
 * Do not edit: change the backend and regenerate. \`make frontend-test\` fails when this file no
 * longer matches the schema.
 */
`;

/** The JSON Schema keywords that limit a value; these are what a form must keep to. */
const LIMITS = [
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minLength",
  "maxLength",
  "pattern",
  "minItems",
  "maxItems",
];

function limitsOf(schema) {
  const found = Object.fromEntries(LIMITS.filter((key) => schema[key] !== undefined).map((key) => [key, schema[key]]));
  const items = schema.items ? limitsOf(schema.items) : {};
  return Object.keys(items).length > 0 ? { ...found, items } : found;
}

/** `{ [request schema]: { [field]: limits } }` for every request body field that has a limit. */
function requestRules(schemas) {
  const rules = {};
  for (const [name, schema] of Object.entries(schemas)) {
    if (!name.endsWith("Request")) continue;
    const fields = {};
    for (const [field, property] of Object.entries(schema.properties ?? {})) {
      const limits = limitsOf(property);
      if (Object.keys(limits).length > 0) fields[field] = limits;
    }
    if (Object.keys(fields).length > 0) rules[name] = fields;
  }
  return rules;
}

function enums(schemas) {
  return Object.fromEntries(
    Object.entries(schemas)
      .filter(([, schema]) => Array.isArray(schema.enum))
      .map(([name, schema]) => [name, schema.enum]),
  );
}

function rulesSource(schema) {
  const schemas = schema.components?.schemas ?? {};
  return `${HEADER}
/** The limits the API puts on each request body's fields, by schema name and field. */
export const requestRules = ${JSON.stringify(requestRules(schemas))} as const;

/** Every enum of the API, by schema name, in the schema's order. */
export const apiEnums = ${JSON.stringify(enums(schemas))} as const;
`;
}

async function typesSource(schema) {
  // A field with a default may be left out of a request: keep it optional (openapi-typescript
  // would otherwise make it required). Responses list their required fields explicitly.
  const ast = await openapiTS(schema, { silent: true, defaultNonNullable: false });
  return `${HEADER}\n${astToString(ast)}`;
}

async function formatted(file, source) {
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(source, { ...options, filepath: file });
}

function readOrEmpty(file) {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/** The first lines where the two texts differ, for the message that says what changed. */
function firstDifference(committed, generated) {
  const a = committed.split("\n");
  const b = generated.split("\n");
  const line = a.findIndex((text, index) => text !== b[index]);
  const at = line === -1 ? a.length : line;
  const show = (lines, sign) =>
    lines
      .slice(at, at + 4)
      .map((text) => `  ${sign} ${text}`)
      .join("\n");
  return `  first difference at line ${at + 1}:\n${show(a, "-")}\n${show(b, "+")}`;
}

async function main() {
  const [schemaPath, flag] = process.argv.slice(2);
  if (!schemaPath || (flag && flag !== "--check")) {
    console.error("usage: node scripts/api-types.mjs <schema.json> [--check]");
    process.exit(2);
  }
  const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
  const outputs = [
    [TYPES_FILE, await formatted(TYPES_FILE, await typesSource(schema))],
    [RULES_FILE, await formatted(RULES_FILE, rulesSource(schema))],
  ];
  let stale = 0;
  for (const [file, text] of outputs) {
    const name = relative(root, file);
    const committed = readOrEmpty(file);
    if (committed === text) {
      console.log(`${name}: up to date with the schema`);
    } else if (flag === "--check") {
      stale += 1;
      console.error(`${name}: out of date with the backend's schema\n${firstDifference(committed, text)}`);
    } else {
      writeFileSync(file, text);
      console.log(`${name}: written`);
    }
  }
  if (stale > 0) {
    console.error("Run `make api-types` and commit the result.");
    process.exit(1);
  }
}

await main();
