/**
 * OdeProblem.jacobianPattern: a declared structure replaces the learnt one (same sparse LU, no probe
 * Jacobian, no pattern scan) and lets finite differences group columns from the first Jacobian.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError } from "../../../src/errors.js";
import { solveOde } from "../../../src/numerics/ode/index.js";
import type { OdeProblem } from "../../../src/numerics/ode/types.js";

// decay chain A_0 → A_1 → … → A_{n−1} with rates spread over 4 decades (stiff), plus a slow return
// A_{n−1} → A_0: bidiagonal Jacobian with one corner entry. Its entries are constants, so the learnt
// and the declared pattern coincide.
const n = 16;
const rate = Float64Array.from({ length: n }, (_, i) => 10 ** ((4 * ((i * 5) % n)) / (n - 1)));
const back = 0.05;
const f = (_t: number, y: Float64Array, d: Float64Array): void => {
  for (let i = 0; i < n; i++) d[i] = -rate[i] * y[i];
  for (let i = 1; i < n; i++) d[i] += rate[i - 1] * y[i - 1];
  d[n - 1] -= back * y[n - 1];
  d[0] += back * y[n - 1];
};
const jacobian = (_t: number, _y: Float64Array, J: Float64Array): void => {
  for (let i = 0; i < n; i++) J[i * n + i] = -rate[i];
  for (let i = 1; i < n; i++) J[i * n + i - 1] = rate[i - 1];
  J[(n - 1) * n + n - 1] -= back;
  J[n - 1] += back;
};
const pattern: number[] = [n - 1];
for (let i = 0; i < n; i++) pattern.push(i * n + i);
for (let i = 1; i < n; i++) pattern.push(i * n + i - 1);
const y0 = Array.from({ length: n }, (_, i) => (i === 0 ? 1 : 0));
const base: OdeProblem = { f, y0, t0: 0, tEnd: 50, autonomous: true };
const outputTimes = [0.01, 0.1, 1, 10, 50];

describe("declared Jacobian pattern", () => {
  const reference = solveOde(
    { ...base, jacobian },
    { method: "radau5", rtol: 1e-12, atol: 1e-14, outputTimes },
  );
  for (const method of ["rodas5", "radau5", "bdf"] as const) {
    it(`${method}, analytic Jacobian: same solution as the learnt pattern, without the probe Jacobian`, () => {
      const learnt = solveOde({ ...base, jacobian }, { method, rtol: 1e-8, atol: 1e-12, outputTimes });
      const declared = solveOde(
        { ...base, jacobian, jacobianPattern: pattern },
        { method, rtol: 1e-8, atol: 1e-12, outputTimes },
      );
      assert.equal(declared.status, "success", declared.message);
      assert.equal(declared.stats.steps, learnt.stats.steps);
      assert.equal(declared.stats.jacobianEvals, learnt.stats.jacobianEvals - 1);
      for (let r = 0; r < outputTimes.length; r++)
        for (let i = 0; i < n; i++) {
          assert.ok(Math.abs(declared.y[r][i] - learnt.y[r][i]) <= 1e-13 + 1e-10 * Math.abs(learnt.y[r][i]));
          assert.ok(
            Math.abs(declared.y[r][i] - reference.y[r][i]) < 1e-6 * Math.max(1e-3, reference.y[r][i]),
          );
        }
    });
  }
  it("finite differences group columns from the first Jacobian: fewer right-hand sides, same accuracy", () => {
    const learnt = solveOde(base, { method: "rodas5", rtol: 1e-8, atol: 1e-12, outputTimes });
    const declared = solveOde(
      { ...base, jacobianPattern: pattern },
      { method: "rodas5", rtol: 1e-8, atol: 1e-12, outputTimes },
    );
    assert.equal(declared.status, "success", declared.message);
    assert.ok(
      declared.stats.rhsEvals < learnt.stats.rhsEvals,
      `${declared.stats.rhsEvals} vs ${learnt.stats.rhsEvals}`,
    );
    for (let r = 0; r < outputTimes.length; r++)
      for (let i = 0; i < n; i++)
        assert.ok(Math.abs(declared.y[r][i] - reference.y[r][i]) < 1e-6 * Math.max(1e-3, reference.y[r][i]));
  });
  it("rejects positions outside the n×n matrix, naming the entry", () => {
    for (const bad of [-1, n * n, 2.5, Number.NaN]) {
      assert.throws(
        () => solveOde({ ...base, jacobian, jacobianPattern: [0, bad] }),
        (e: unknown) => e instanceof InputError && e.field === "problem.jacobianPattern[1]",
      );
    }
  });
});
