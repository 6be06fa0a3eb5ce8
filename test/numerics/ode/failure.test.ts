import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { solveOde } from "../../../src/numerics/ode/index.js";

describe("numerical failure is reported, never NaN", () => {
  for (const method of ["rodas5", "radau5", "bdf", "dopri5", "auto"] as const) {
    it(`${method}: y' = y², y(0) = 1 to t = 2 fails near the blow-up at t = 1`, () => {
      const s = solveOde({ f: (_t, y, d) => void (d[0] = y[0] * y[0]), y0: [1], t0: 0, tEnd: 2 }, { method });
      assert.equal(s.status, "failure");
      const m = /t = ([0-9.e+-]+)/.exec(s.message);
      assert.ok(m, s.message);
      assert.ok(Math.abs(Number(m[1]) - 1) < 1e-3, s.message);
      assert.ok(s.t.length > 0);
      assert.ok(s.t[s.t.length - 1] < 1.001);
      for (const row of s.y) for (const v of row) assert.ok(Number.isFinite(v));
    });
  }
  it("maxSteps: failure with the time reached; output rows only up to there", () => {
    const s = solveOde(
      { f: (t, _y, d) => void (d[0] = Math.cos(t)), y0: [0], t0: 0, tEnd: 100 },
      { method: "dopri5", maxSteps: 10, rtol: 1e-10, outputTimes: [0, 50, 100] },
    );
    assert.equal(s.status, "failure");
    assert.match(s.message, /maximum number of steps \(10\) reached at t = /);
    assert.equal(s.t.length, 1);
    assert.equal(s.y.length, 1);
  });
  it("an f returning NaN everywhere after t = 1 fails cleanly", () => {
    const s = solveOde(
      { f: (t, _y, d) => void (d[0] = t > 1 ? Number.NaN : 1), y0: [0], t0: 0, tEnd: 2 },
      { method: "rodas5" },
    );
    assert.equal(s.status, "failure");
    for (const row of s.y) assert.ok(Number.isFinite(row[0]));
  });
});
