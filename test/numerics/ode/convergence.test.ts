import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { solveOde } from "../../../src/numerics/ode/index.js";
import type { OdeProblem } from "../../../src/numerics/ode/types.js";

/** y1' = 1 + y1² (y1 = tan t), y2' = −2t·y2² (y2 = 1/(1+t²)): nonlinear, non-autonomous, smooth on [0, 1]. */
const problem: OdeProblem = {
  f(t, y, d) {
    d[0] = 1 + y[0] * y[0];
    d[1] = -2 * t * y[1] * y[1];
  },
  jacobian(t, y, J) {
    J[0] = 2 * y[0];
    J[1] = 0;
    J[2] = 0;
    J[3] = -4 * t * y[1];
  },
  y0: [0, 1],
  t0: 0,
  tEnd: 1,
};
const exact = [Math.tan(1), 0.5];

/** Least-squares slope of log(error) against log(h). */
function slope(hs: number[], errs: number[]): number {
  const x = hs.map(Math.log);
  const y = errs.map(Math.log);
  const mx = x.reduce((a, b) => a + b) / x.length;
  const my = y.reduce((a, b) => a + b) / y.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < x.length; i++) {
    num += (x[i] - mx) * (y[i] - my);
    den += (x[i] - mx) ** 2;
  }
  return num / den;
}

/** Logistic y1' = y1(1 − y1) and y2' = −2t·y2² on [0, 3]: nonlinear, non-autonomous, analytic. */
const smooth: OdeProblem = {
  f(t, y, d) {
    d[0] = y[0] * (1 - y[0]);
    d[1] = -2 * t * y[1] * y[1];
  },
  y0: [0.1, 1],
  t0: 0,
  tEnd: 3,
};
const smoothExact = [1 / (1 + 9 * Math.exp(-3)), 0.1];

describe("observed order of convergence", () => {
  for (const method of ["rodas5", "radau5", "dopri5"] as const) {
    // dopri5's error is pre-asymptotic at h = 0.3 on this problem: its sequence starts one halving later
    const hs = method === "dopri5" ? [0.15, 0.075, 0.0375, 0.01875] : [0.3, 0.15, 0.075, 0.0375];
    it(`${method}: fixed steps h = ${hs[0]} … ${hs[3]} give order 5 ± 0.5`, () => {
      const errs = hs.map((h) => {
        const s = solveOde(smooth, { method, fixedStep: h, rtol: 1e-13, atol: 1e-13 });
        assert.equal(s.status, "success", s.message);
        assert.equal(s.stats.steps, Math.round(3 / h));
        const y = s.y[s.y.length - 1];
        return Math.max(Math.abs(y[0] - smoothExact[0]), Math.abs(y[1] - smoothExact[1]));
      });
      const p = slope(hs, errs);
      assert.ok(Math.abs(p - 5) <= 0.5, `observed order ${p.toFixed(2)}`);
    });
  }
  for (const method of ["rodas5", "radau5", "bdf", "dopri5"] as const) {
    it(`${method}: dense output is accurate between steps (≤ 1e-6 at rtol 1e-8)`, () => {
      const times = Array.from({ length: 101 }, (_, i) => i / 100);
      const s = solveOde(problem, { method, rtol: 1e-8, atol: 1e-10, outputTimes: times });
      assert.equal(s.t.length, 101);
      assert.ok(s.stats.steps < 100, "steps were not shortened to the output grid");
      let worst = 0;
      for (let i = 0; i < times.length; i++) {
        const t = times[i];
        worst = Math.max(worst, Math.abs(s.y[i][0] - Math.tan(t)), Math.abs(s.y[i][1] - 1 / (1 + t * t)));
      }
      assert.ok(worst < 1e-6, `worst dense-output error ${worst}`);
    });
  }
  // BDF of order k is verified with fixed steps for k = 1, 2: for k ≥ 3 the lower-order start-up steps
  // dominate a fixed-step global error; the higher orders are verified by the Bari accuracy tests
  for (const k of [1, 2]) {
    it(`bdf limited to order ${k}: fixed steps give order ${k} ± 0.5`, () => {
      const hs = [0.03, 0.015, 0.0075, 0.00375];
      const errs = hs.map((h) => {
        const s = solveOde(smooth, { method: "bdf", maxOrder: k, fixedStep: h, rtol: 1e-12, atol: 1e-12 });
        assert.equal(s.status, "success", s.message);
        const y = s.y[s.y.length - 1];
        return Math.max(Math.abs(y[0] - smoothExact[0]), Math.abs(y[1] - smoothExact[1]));
      });
      const p = slope(hs, errs);
      assert.ok(Math.abs(p - k) <= 0.5, `observed order ${p.toFixed(2)}`);
    });
  }
  it("auto: without a Jacobian a non-stiff problem stays explicit (dopri5); with one it uses rodas5", () => {
    const { jacobian: _j, ...noJacobian } = problem;
    const s = solveOde(noJacobian, { rtol: 1e-8 });
    assert.equal(s.method, "dopri5");
    assert.ok(Math.abs(s.y[s.y.length - 1][0] - exact[0]) < 1e-6);
    assert.equal(solveOde(problem, { rtol: 1e-8 }).method, "rodas5");
  });
  it("auto: without a Jacobian a stiff problem (ROBER) switches to rodas5 and stays accurate", () => {
    const rober: OdeProblem = {
      f(_t, y, d) {
        d[0] = -0.04 * y[0] + 1e4 * y[1] * y[2];
        d[2] = 3e7 * y[1] * y[1];
        d[1] = -d[0] - d[2];
      },
      y0: [1, 0, 0],
      t0: 0,
      tEnd: 1e5,
    };
    const s = solveOde(rober, { rtol: 1e-6, atol: 1e-14 });
    assert.equal(s.status, "success");
    assert.equal(s.method, "rodas5");
    assert.ok(s.stats.steps < 2000, `${s.stats.steps} steps`);
  });
});
