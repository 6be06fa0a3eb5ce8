/**
 * The SBML Test Suite (copy in test/fixtures/sbml-test-suite): every case runs in-process with a
 * per-case limit. A ratchet: each case listed in passing-cases.txt must still pass (named on failure);
 * no case may crash; docs/sbml-conformance.md must agree with this run (regenerate it with
 * `npx tsx scripts/sbml-conformance.ts`).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { runSuiteDirectory } from "../../src/cli/commands/sbml.js";
import { conformanceMarkdown, isCoreCase, type SuiteCaseRecord } from "../../src/sbml/conformance-report.js";
import { KNOWN_LIMITATIONS } from "../../src/sbml/known-limitations.js";

const SUITE_DIR = "test/fixtures/sbml-test-suite";
const records: SuiteCaseRecord[] = runSuiteDirectory(SUITE_DIR, { timeLimitMs: 60_000 });
const byId = new Map(records.map((r) => [r.id, r]));

test("the suite copy is complete: 1214 cases, 1108 of them core", () => {
  assert.equal(records.length, 1214);
  assert.equal(records.filter((r) => isCoreCase(r.tags)).length, 1108);
});

test("no case crashes (an exception other than a reported refusal or failure)", () => {
  const crashed = records.filter((r) => r.reason.startsWith("crash:"));
  assert.deepEqual(
    crashed.map((r) => `${r.id}: ${r.reason}`),
    [],
  );
});

test("every case in the ratchet (test/sbml/passing-cases.txt) still passes", () => {
  const expected = readFileSync("test/sbml/passing-cases.txt", "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => /^\d{5}$/.test(l));
  assert.ok(expected.length > 1000, "the ratchet lists the passing cases");
  const regressions = expected
    .filter((id) => byId.get(id)?.verdict !== "pass")
    .map((id) => `${id}: ${byId.get(id)?.verdict ?? "missing"} ${byId.get(id)?.reason ?? ""}`);
  assert.deepEqual(regressions, []);
});

test("package cases (comp, fbc) are refused as unsupported, naming the package", () => {
  for (const r of records) {
    if (isCoreCase(r.tags)) continue;
    assert.equal(r.verdict, "unsupported", r.id);
    assert.match(r.reason, /package (comp|fbc)/, r.id);
  }
});

test("docs/sbml-conformance.md matches this run", () => {
  const committed = readFileSync("docs/sbml-conformance.md", "utf8");
  const fresh = conformanceMarkdown(records, "npx tsx scripts/sbml-conformance.ts", KNOWN_LIMITATIONS);
  assert.equal(committed, fresh, "stale: run `npx tsx scripts/sbml-conformance.ts` and commit the result");
});
