/**
 * Stochastic SBML Test Suite cases (RandomEventExecution): simultaneous events with equal priority run in
 * random order. They must pass for other seeds than the default too — the statistics they check (neither
 * too even nor too uneven) hold only if every choice is a fresh fair draw and quantities that only events
 * change are carried exactly between integration segments.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { runSuiteCase } from "../../src/sbml/test-suite-case.js";

const DIR = "test/fixtures/sbml-test-suite";

for (const id of ["00962", "01588"]) {
  test(`case ${id} passes with seeds 2 and 3`, () => {
    const files = {
      id,
      sbml: readFileSync(`${DIR}/${id}/${id}-sbml-l3v2.xml`, "utf8"),
      settings: readFileSync(`${DIR}/${id}/${id}-settings.txt`, "utf8"),
      results: readFileSync(`${DIR}/${id}/${id}-results.csv`, "utf8"),
    };
    for (const seed of [2, 3]) {
      const r = runSuiteCase(files, { seed, timeLimitMs: 60_000 });
      assert.equal(r.verdict, "pass", `seed ${seed}: ${r.reason}`);
    }
  });
}
