/**
 * A failed drug-exposure solve (input form) fails the simulation before the burn-in: the trajectory says
 * "drug exposure failed: …" and counts no immune solver work. A zero central volume (nivolumab_Vc = 0,
 * absurd on purpose) makes the serum concentration 0/0 in the PK solve, which stops with a step-size
 * underflow at t = 0 (and would make the burn-in fail too: 1026 rejected steps when it still ran).
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { simulatePatient } from "../../src/immune/simulate.js";
import { twoLesionPatient } from "../fixtures/immune/two-lesion-patient.js";

it("a failed drug exposure returns the failure before any burn-in", () => {
  const t = simulatePatient({ nivolumab_Vc: 0 }, twoLesionPatient({ horizonDays: 30 }));
  assert.equal(t.status, "failure");
  assert.match(t.message, /^drug exposure failed: PK of nivolumab: /);
  assert.deepEqual(t.stats, { steps: 0, rejected: 0, rhsEvals: 0, jacobianEvals: 0, factorizations: 0 });
  assert.ok(t.exposureStats && t.exposureStats.rejected > 0, "the PK solve did run");
  assert.equal(t.days.length, 0);
  assert.deepEqual(t.columnNames, []);
});

it("an absurd clearance fails within the PK step budget, without a dopri5 attempt that could not do better", () => {
  // nivolumab_CL = 1e12 L/day: the exponential integrator's steps are limited by its φ-series (about
  // like an explicit method's), so it runs out of steps; dopri5 (smaller stability region) is not tried
  const t = simulatePatient({ nivolumab_CL: 1e12 }, twoLesionPatient({ horizonDays: 30 }));
  assert.equal(t.status, "failure");
  assert.match(
    t.message,
    /^drug exposure failed: PK of nivolumab: exponential: maximum number of steps \(100000\)/,
  );
  assert.doesNotMatch(t.message, /dopri5/);
  assert.ok(t.exposureStats && t.exposureStats.steps <= 100_000, `${t.exposureStats?.steps}`);
});

it("a zero volume: the exponential integrator fails, dopri5 is tried as the fallback, both failures reported", () => {
  const t = simulatePatient({ nivolumab_Vc: 0 }, twoLesionPatient({ horizonDays: 30 }));
  assert.match(t.message, /PK of nivolumab: exponential: .*; dopri5: /);
});
