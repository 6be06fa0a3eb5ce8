/**
 * ModelCache({ reuseBurnIn }): treatment arms of one patient share the burn-in; the trajectories are the
 * same numbers as without reuse, the reused runs count no burn-in steps, and a different patient or
 * solver setting does not reuse.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { ModelCache } from "../../src/immune/model-cache.js";
import { simulatePatient } from "../../src/immune/simulate.js";
import type { Scenario } from "../../src/scenario/schema.js";

const arm = (startDay: number): Scenario => ({
  patient: { tumourType: "NSCLC", phenotype: { immune: "intermediate", pdl1: "low" }, weightKg: 70 },
  lesions: [
    { id: "primary", site: "lung", longestDiameterMm: 30 },
    { id: "distant", site: "lung", longestDiameterMm: 20 },
  ],
  treatments: [
    { kind: "cryoablation", lesion: "primary", day: 0 },
    { kind: "ici", regimen: "nivolumab 240 mg q2w", startDay },
  ],
  horizonDays: 120,
  outputs: { everyDays: 5 },
});

test("arms of one patient settle once; results equal those without reuse", () => {
  const plain = new ModelCache();
  const reusing = new ModelCache({ reuseBurnIn: true });
  assert.equal(plain.reusesBurnIn, false);
  assert.equal(reusing.reusesBurnIn, true);
  const first = simulatePatient(undefined, arm(0), { cache: reusing });
  for (const start of [0, 14, -7]) {
    const a = simulatePatient(undefined, arm(start), { cache: plain });
    const b = simulatePatient(undefined, arm(start), { cache: reusing });
    assert.equal(b.status, "success", b.message);
    assert.deepEqual(b.columnNames, a.columnNames);
    for (const name of a.columnNames) assert.deepEqual([...b.columns[name]], [...a.columns[name]], name);
    // the reusing run solved no burn-in: fewer steps by exactly the burn-in's
    assert.ok(b.stats.steps < a.stats.steps, `${b.stats.steps} vs ${a.stats.steps}`);
  }
  const burnInSteps = first.stats.steps - simulatePatient(undefined, arm(0), { cache: reusing }).stats.steps;
  assert.ok(burnInSteps > 20, `burn-in steps ${burnInSteps}`);
  // another patient (a parameter differs) or another tolerance settles anew
  const other = simulatePatient({ k_pdl1: 1.5 }, arm(0), { cache: reusing });
  const otherPlain = simulatePatient({ k_pdl1: 1.5 }, arm(0), { cache: plain });
  assert.equal(other.stats.steps, otherPlain.stats.steps);
  const tight = simulatePatient(undefined, arm(0), { cache: reusing, rtol: 1e-7 });
  const tightPlain = simulatePatient(undefined, arm(0), { cache: plain, rtol: 1e-7 });
  assert.equal(tight.stats.steps, tightPlain.stats.steps);
});

test("the kept burn-ins are bounded (least recently used dropped)", () => {
  const c = new ModelCache({ reuseBurnIn: 2 });
  for (const k of ["a", "b", "c"]) c.keepBurnIn(k, Float64Array.of(1));
  assert.equal(c.burnIn("a"), undefined);
  assert.ok(c.burnIn("b") && c.burnIn("c"));
  c.burnIn("b");
  c.keepBurnIn("d", Float64Array.of(2));
  assert.equal(c.burnIn("c"), undefined);
  assert.ok(c.burnIn("b") && c.burnIn("d"));
});
