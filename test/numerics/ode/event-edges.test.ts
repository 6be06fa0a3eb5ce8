import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { solveOde } from "../../../src/numerics/ode/index.js";
import type { OdeProblem } from "../../../src/numerics/ode/types.js";

/** y' = 1 from y(0) = 0: y(t) = t + (jumps). */
const ramp: OdeProblem = { f: (_t, _y, d) => void (d[0] = 1), y0: [0], t0: 0, tEnd: 3, autonomous: true };
const add = (v: number) => (y: Float64Array) => void (y[0] += v);

describe("event edge cases", () => {
  for (const method of ["rodas5", "radau5", "bdf", "dopri5"] as const) {
    it(`${method}: a scheduled event at tEnd is applied and shows in the tEnd row`, () => {
      const s = solveOde(ramp, { method, outputTimes: [0, 3], events: [{ at: 3, apply: add(100) }] });
      assert.equal(s.status, "success", s.message);
      assert.ok(Math.abs(s.y[1][0] - 103) < 1e-9);
      assert.equal(s.events.length, 1);
    });
    it(`${method}: a state event 1e-9 before a scheduled event in the same step: both, in time order`, () => {
      const s = solveOde(ramp, {
        method,
        outputTimes: [3],
        events: [
          { at: 2, apply: add(10), name: "dose" },
          { when: (_t, y) => y[0] - (2 - 1e-9), direction: 1, apply: add(1), name: "threshold" },
        ],
      });
      assert.equal(s.status, "success", s.message);
      assert.deepEqual(
        s.events.map((e) => e.name),
        ["threshold", "dose"],
      );
      assert.ok(Math.abs(s.y[0][0] - 14) < 1e-9, `${s.y[0][0]}`);
    });
    it(`${method}: scheduled events 1e-15 apart are taken as simultaneous (no step-size underflow)`, () => {
      const s = solveOde(ramp, {
        method,
        outputTimes: [3],
        events: [
          { at: 1, apply: add(1) },
          { at: 1 + 1e-15, apply: add(2) },
        ],
      });
      assert.equal(s.status, "success", s.message);
      assert.ok(Math.abs(s.y[0][0] - 6) < 1e-9);
      assert.equal(s.events.length, 2);
    });
  }
  it("duplicated output times give duplicated rows; step mode times never decrease", () => {
    const s = solveOde(ramp, { outputTimes: [1, 1, 2] });
    assert.deepEqual(Array.from(s.t), [1, 1, 2]);
    assert.equal(s.y[0][0], s.y[1][0]);
    const steps = solveOde(ramp, { events: [{ at: 1.5, apply: add(1) }] });
    for (let i = 1; i < steps.t.length; i++) assert.ok(steps.t[i] >= steps.t[i - 1]);
    assert.equal(steps.t[0], 0);
    assert.equal(steps.t[steps.t.length - 1], 3);
  });
  it("nonNegative as an index list clamps only those components", () => {
    const s = solveOde(
      {
        f: (_t, _y, d) => {
          d[0] = -1;
          d[1] = -1;
        },
        y0: [0.5, 0.5],
        t0: 0,
        tEnd: 1,
      },
      { method: "rodas5", nonNegative: [1], outputTimes: [1] },
    );
    assert.ok(Math.abs(s.y[0][0] + 0.5) < 1e-9);
    assert.equal(s.y[0][1], 0);
  });
  it("a state event that is exactly zero at t0 does not fire there", () => {
    const s = solveOde(ramp, { events: [{ when: (_t, y) => y[0], terminal: true }] });
    assert.equal(s.events.length, 0);
    assert.equal(s.status, "success");
  });
  it("an event making the state non-finite is a failure, not NaN rows", () => {
    const s = solveOde(ramp, {
      outputTimes: [0, 1, 2, 3],
      events: [{ at: 1.5, apply: (y: Float64Array) => void (y[0] = Number.NaN) }],
    });
    assert.equal(s.status, "failure");
    assert.match(s.message, /t = 1\.5/);
    assert.equal(s.t.length, 2);
  });
  it("hMax bounds every step", () => {
    const s = solveOde(ramp, { method: "rodas5", hMax: 0.1 });
    for (let i = 1; i < s.t.length; i++) assert.ok(s.t[i] - s.t[i - 1] <= 0.1 + 1e-12);
  });
});
