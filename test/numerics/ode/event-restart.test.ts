/**
 * Restart after a scheduled event: Rodas5P and Radau IIA start from a fraction of the step proposed before
 * the event. The first step after the event is still under error control, so a jump into fast dynamics
 * (the proposal far too large for them) is resolved to the requested accuracy.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { solveOde } from "../../../src/numerics/ode/index.js";
import type { OdeProblem } from "../../../src/numerics/ode/types.js";

describe("first step after a scheduled event", () => {
  // y = [u, k, c]: u' = −k·(u − c), k and c constant between events. Until te = 5 the decay is slow
  // (k = 0.1, c = 0) and the controller proposes long steps; the event switches to k = 1000, c = 2: a
  // boundary layer of width 1e-3 that the proposal (≫ 1e-3) would step over.
  const te = 5;
  const problem: OdeProblem = {
    f: (_t, y, d) => {
      d[0] = -y[1] * (y[0] - y[2]);
      d[1] = 0;
      d[2] = 0;
    },
    jacobian: (_t, y, J) => {
      J[0] = -y[1];
      J[1] = -(y[0] - y[2]);
      J[2] = y[1];
    },
    y0: [1, 0.1, 0],
    t0: 0,
    tEnd: 8,
    autonomous: true,
  };
  const events = [
    {
      at: te,
      apply: (y: Float64Array) => {
        y[1] = 1000;
        y[2] = 2;
      },
    },
  ];
  const ue = Math.exp(-0.1 * te);
  const exact = (t: number): number =>
    t <= te ? Math.exp(-0.1 * t) : 2 + (ue - 2) * Math.exp(-1000 * (t - te));
  const outputTimes = [1, 4.9, 5, 5.0002, 5.0005, 5.001, 5.003, 5.01, 6, 8];
  for (const method of ["rodas5", "radau5", "bdf"] as const)
    it(`${method}: the boundary layer after the event is resolved to 1e-8 relative`, () => {
      const s = solveOde(problem, { method, rtol: 1e-10, atol: 1e-12, outputTimes, events });
      assert.equal(s.status, "success", s.message);
      assert.equal(s.t.length, outputTimes.length);
      for (let i = 0; i < outputTimes.length; i++) {
        const u = exact(outputTimes[i]);
        const err = Math.abs(s.y[i][0] - u) / Math.abs(u);
        assert.ok(err < 1e-8, `t = ${outputTimes[i]}: ${s.y[i][0]} vs ${u} (relative error ${err})`);
      }
    });

  it("rodas5: the step proposed before the event is too large afterwards, and error control rejects it", () => {
    const s = solveOde(problem, { method: "rodas5", rtol: 1e-8, atol: 1e-10, events });
    assert.equal(s.status, "success", s.message);
    // the step before the event was long: the restart proposal is far above the layer width 1e-3
    const at = s.t.indexOf(te);
    assert.ok(at > 1 && te - s.t[at - 1] > 0.01, `last step before the event ${te - s.t[at - 1]}`);
    assert.ok(s.stats.rejected >= 1, `rejected ${s.stats.rejected}`);
    // and the first accepted step after it is inside the layer
    const first = s.t[s.t.lastIndexOf(te) + 1] - te;
    assert.ok(first < 1e-3, `first step after the event ${first}`);
    assert.ok(Math.abs(s.y[s.y.length - 1][0] - exact(8)) < 1e-7);
  });
});
