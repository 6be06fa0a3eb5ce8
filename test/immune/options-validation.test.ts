/** Options of simulatePatient and ModelCache are checked, not silently reinterpreted. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../../src/errors.js";
import { ModelCache } from "../../src/immune/model-cache.js";
import { type SimulateOptions, simulatePatient } from "../../src/immune/simulate.js";
import { twoLesionPatient } from "../fixtures/immune/two-lesion-patient.js";

test("a mistyped exposure option is an InputError naming the field", () => {
  const s = twoLesionPatient({ horizonDays: 1 });
  assert.throws(
    () => simulatePatient(undefined, s, { exposure: "inputs" } as unknown as SimulateOptions),
    (e: unknown) => e instanceof InputError && /exposure/.test(e.message),
  );
});

test("reuseBurnIn accepts booleans and positive whole numbers only", () => {
  for (const bad of [Number.POSITIVE_INFINITY, Number.NaN, -3, 0.5])
    assert.throws(() => new ModelCache({ reuseBurnIn: bad }), InputError, String(bad));
  assert.equal(new ModelCache({ reuseBurnIn: 8 }).reusesBurnIn, true);
  assert.equal(new ModelCache({ reuseBurnIn: false }).reusesBurnIn, false);
});

test("rtol outside (0, 1) is an InputError naming rtol (a negative one made the scaled start state NaN)", () => {
  const s = twoLesionPatient({ horizonDays: 1 });
  for (const bad of [0, -1e-4, Number.NaN, 1, 2, "1e-6" as unknown as number])
    assert.throws(
      () => simulatePatient(undefined, s, { rtol: bad }),
      (e: unknown) => e instanceof InputError && /^rtol/.test(e.message),
      String(bad),
    );
});
