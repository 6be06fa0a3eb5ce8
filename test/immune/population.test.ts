import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { ModelCache } from "../../src/immune/model-cache.js";
import { patientModel } from "../../src/immune/patient-model.js";
import { simulatePatient } from "../../src/immune/simulate.js";
import { twoLesionPatient } from "../fixtures/immune/two-lesion-patient.js";

const cache = new ModelCache();

/** Parameters with a population distribution, and their declared ranges. */
const distributed = patientModel({ lesionCount: 2, drugs: [] })
  .modules.flatMap((m) => m.parameters ?? [])
  .filter((p) => p.distribution);

test("patient-level parameters carry distributions", () => {
  const names = distributed.map((p) => p.name);
  for (const n of [
    "k_growth",
    "antigenicity",
    "infiltration",
    "pdl1_expression",
    "s_treg",
    "n_clones_cd8",
    "sting_competence",
  ])
    assert.ok(names.includes(n), n);
});

test("virtual patients drawn across the distributions simulate without failure, negative cells or NaN", () => {
  const scenario = twoLesionPatient({ horizonDays: 90, everyDays: 3 });
  // Each parameter multiplied by a factor in [1/3, 3] (log-uniform), clipped to its declared range.
  const patient = fc.tuple(...distributed.map(() => fc.double({ min: -1, max: 1, noNaN: true })));
  fc.assert(
    fc.property(patient, (z) => {
      const params: Record<string, number> = {};
      distributed.forEach((p, i) => {
        let v = p.value * 3 ** z[i];
        if (p.max !== undefined) v = Math.min(v, p.max);
        if (p.min !== undefined) v = Math.max(v, p.min);
        params[p.name] = v;
      });
      const t = simulatePatient(params, scenario, { cache });
      assert.equal(t.status, "success", `${t.message} for ${JSON.stringify(params)}`);
      for (const name of t.columnNames) {
        const col = t.columns[name];
        assert.ok(col.every(Number.isFinite), name);
        if (/_per_mm3_|diameter|pct|pg_per_ml|occupancy/.test(name))
          assert.ok(
            col.every((v) => v >= -1e-9),
            name,
          );
      }
    }),
    { numRuns: 8, seed: 20261125 },
  );
});
