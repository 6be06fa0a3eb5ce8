import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { simulatePk } from "../../src/drugs/simulate-pk.js";

/** SciPy reference solutions: test/fixtures/drugs/make_pk_reference.py (Radau, rtol 1e-12). */
interface ReferenceCase {
  drug: string;
  regimen: string;
  weightKg: number;
  days: number[];
  serumUgPerMl: number[];
}

const fixture = JSON.parse(readFileSync("test/fixtures/drugs/pk-reference.json", "utf8")) as {
  cases: ReferenceCase[];
};

describe("simulatePk against SciPy reference solutions of the nonlinear models", () => {
  for (const ref of fixture.cases) {
    it(`${ref.drug} ${ref.regimen}: relative error < 1e-6 on the daily grid`, () => {
      const sim = simulatePk({
        drug: ref.drug,
        regimen: ref.regimen,
        weightKg: ref.weightKg,
        days: ref.days[ref.days.length - 1],
        rtol: 1e-10,
        atol: 1e-12,
      });
      assert.deepEqual(sim.days, ref.days);
      const scale = Math.max(...ref.serumUgPerMl);
      for (let i = 0; i < ref.days.length; i++) {
        const err =
          Math.abs(sim.serumUgPerMl[i] - ref.serumUgPerMl[i]) / Math.max(ref.serumUgPerMl[i], 1e-4 * scale);
        assert.ok(
          err < 1e-6,
          `day ${ref.days[i]}: ${sim.serumUgPerMl[i]} vs ${ref.serumUgPerMl[i]} (${err})`,
        );
      }
    });
  }
});
