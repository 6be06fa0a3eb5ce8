import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { IMMUNE_REFERENCE_COMMAND, immuneModelReference } from "../../src/immune/reference.js";

test("docs/immune-model-reference.md is generated from the model and up to date", () => {
  const published = readFileSync("docs/immune-model-reference.md", "utf8");
  assert.ok(published === immuneModelReference(), `stale: regenerate with ${IMMUNE_REFERENCE_COMMAND}`);
});
