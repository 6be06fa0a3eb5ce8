import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { luFactor, luSolve } from "../../../src/numerics/linalg/lu.js";
import { solveOde } from "../../../src/numerics/ode/index.js";

/** y' = A y with A = S·diag(λ)·S⁻¹ (λ < 0): exact y(t) = S·diag(e^{λt})·S⁻¹·y0. */
describe("property: linear systems y' = Ay with random stable A match the matrix exponential", () => {
  for (const method of ["rodas5", "radau5", "bdf", "dopri5"] as const) {
    it(`${method}: relative error ≤ 1e-6 at rtol 1e-9`, () => {
      const n = 3;
      fc.assert(
        fc.property(
          fc.array(fc.double({ min: -0.5, max: 0.5, noNaN: true }), { minLength: n * n, maxLength: n * n }),
          fc.array(fc.double({ min: 0.1, max: method === "dopri5" ? 5 : 500, noNaN: true }), {
            minLength: n,
            maxLength: n,
          }),
          fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: n, maxLength: n }),
          (noise, rates, y0) => {
            const S = new Float64Array(n * n);
            for (let i = 0; i < n * n; i++) S[i] = noise[i] + (i % (n + 1) === 0 ? 2 : 0);
            const lu = S.slice();
            const piv = new Int32Array(n);
            assert.ok(luFactor(lu, n, piv));
            // Sinv columns
            const Sinv = new Float64Array(n * n);
            for (let j = 0; j < n; j++) {
              const e = new Float64Array(n);
              e[j] = 1;
              luSolve(lu, n, piv, e);
              for (let i = 0; i < n; i++) Sinv[i * n + j] = e[i];
            }
            const A = new Float64Array(n * n);
            for (let i = 0; i < n; i++)
              for (let j = 0; j < n; j++) {
                let s = 0;
                for (let k = 0; k < n; k++) s += S[i * n + k] * -rates[k] * Sinv[k * n + j];
                A[i * n + j] = s;
              }
            const tEnd = 2;
            const sol = solveOde(
              {
                f: (_t, y, d) => {
                  for (let i = 0; i < n; i++) {
                    let s = 0;
                    for (let j = 0; j < n; j++) s += A[i * n + j] * y[j];
                    d[i] = s;
                  }
                },
                jacobian: (_t, _y, J) => J.set(A),
                y0,
                t0: 0,
                tEnd,
                autonomous: true,
              },
              { method, rtol: 1e-9, atol: 1e-12, outputTimes: [0.5, tEnd] },
            );
            assert.equal(sol.status, "success", sol.message);
            const c = new Float64Array(n);
            for (let k = 0; k < n; k++) {
              let s = 0;
              for (let j = 0; j < n; j++) s += Sinv[k * n + j] * y0[j];
              c[k] = s;
            }
            const scale = Math.max(1e-3, ...y0.map(Math.abs));
            for (const [row, t] of [
              [0, 0.5],
              [1, tEnd],
            ] as const) {
              for (let i = 0; i < n; i++) {
                let exact = 0;
                for (let k = 0; k < n; k++) exact += S[i * n + k] * Math.exp(-rates[k] * t) * c[k];
                const err = Math.abs(sol.y[row][i] - exact) / scale;
                assert.ok(err < 1e-6, `t=${t} i=${i}: ${sol.y[row][i]} vs ${exact}`);
              }
            }
          },
        ),
        { numRuns: 40, seed: 20260101 },
      );
    });
  }
});
