import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { solveOde } from "../../../src/numerics/ode/index.js";
import type { OdeProblem } from "../../../src/numerics/ode/types.js";

const METHODS = ["rodas5", "radau5", "bdf", "dopri5"] as const;

describe("scheduled events: one-compartment PK with bolus doses vs closed form", () => {
  // A' = −k·A; doses: 100 at t0 = 0, at t = 5 two doses applied in order (+50, then ×2), 30 at t = 7.3
  const k = 0.3;
  const problem: OdeProblem = {
    f: (_t, y, d) => {
      d[0] = -k * y[0];
    },
    jacobian: (_t, _y, J) => {
      J[0] = -k;
    },
    y0: [0],
    t0: 0,
    tEnd: 12,
    autonomous: true,
  };
  const events = [
    { at: 7.3, apply: (y: Float64Array) => void (y[0] += 30), name: "dose 3" },
    { at: 0, apply: (y: Float64Array) => void (y[0] += 100), name: "dose 1" },
    { at: 5, apply: (y: Float64Array) => void (y[0] += 50), name: "dose 2a" },
    { at: 5, apply: (y: Float64Array) => void (y[0] *= 2), name: "dose 2b" },
  ];
  const closed = (t: number): number => {
    let a = 100 * Math.exp(-k * Math.min(t, 5));
    if (t < 5) return a;
    a = (a + 50) * 2 * Math.exp(-k * (Math.min(t, 7.3) - 5));
    if (t < 7.3) return a;
    return (a + 30) * Math.exp(-k * (t - 7.3));
  };
  const outputTimes = Array.from({ length: 13 }, (_, i) => i);
  for (const method of METHODS) {
    it(`${method}: every output within 1e-9 relative; output at an event time is after the event`, () => {
      const s = solveOde(problem, { method, rtol: 1e-12, atol: 1e-12, outputTimes, events });
      assert.equal(s.status, "success", s.message);
      assert.deepEqual(Array.from(s.t), outputTimes);
      for (let i = 0; i < outputTimes.length; i++) {
        const want = closed(outputTimes[i]);
        const rel = Math.abs(s.y[i][0] - want) / want;
        assert.ok(rel < 1e-9, `t = ${outputTimes[i]}: ${s.y[i][0]} vs ${want} (rel ${rel})`);
      }
      assert.equal(s.y[0][0], 100, "dose at t0 is in the t0 row");
      assert.deepEqual(
        s.events.map((e) => e.name),
        ["dose 1", "dose 2a", "dose 2b", "dose 3"],
      );
      assert.deepEqual(
        s.events.map((e) => e.t),
        [0, 5, 5, 7.3],
      );
    });
  }
  it("step mode records pre- and post-event rows at each dose time", () => {
    const s = solveOde(problem, { method: "rodas5", rtol: 1e-10, atol: 1e-12, events });
    const at5 = Array.from(s.t).flatMap((t, i) => (t === 5 ? [s.y[i][0]] : []));
    assert.equal(at5.length, 2);
    assert.ok(Math.abs(at5[0] - closed(4.999999999999)) < 1e-8);
    assert.ok(Math.abs(at5[1] - closed(5)) < 1e-8);
    for (let i = 1; i < s.t.length; i++) assert.ok(s.t[i] >= s.t[i - 1]);
  });
});

describe("state events", () => {
  const g = 9.81;
  const h0 = 10;
  // ball: y = [height, velocity]
  const ball: OdeProblem = {
    f: (_t, y, d) => {
      d[0] = y[1];
      d[1] = -g;
    },
    y0: [h0, 0],
    t0: 0,
    tEnd: 5,
  };
  const tImpact = Math.sqrt((2 * h0) / g);
  for (const method of METHODS) {
    it(`${method}: terminal ground impact located to 1e-10 relative`, () => {
      const s = solveOde(ball, {
        method,
        rtol: 1e-10,
        atol: 1e-12,
        events: [{ when: (_t, y) => y[0], terminal: true, name: "ground" }],
      });
      assert.equal(s.status, "success");
      assert.equal(s.events.length, 1);
      const tEv = s.events[0].t;
      assert.ok(Math.abs(tEv - tImpact) / tImpact < 1e-10, `${tEv} vs ${tImpact}`);
      assert.equal(s.t[s.t.length - 1], tEv);
      assert.match(s.message, /terminated/);
    });
    it(`${method}: non-terminal bounce (v → −0.9 v) gives the analytic second impact`, () => {
      const s = solveOde(ball, {
        method,
        rtol: 1e-10,
        atol: 1e-12,
        events: [
          { when: (_t, y) => y[0], direction: -1, apply: (y: Float64Array) => void (y[1] = -0.9 * y[1]) },
        ],
      });
      assert.equal(s.status, "success", s.message);
      const second = tImpact + (2 * 0.9 * g * tImpact) / g;
      assert.ok(s.events.length >= 2);
      assert.ok(Math.abs(s.events[1].t - second) / second < 1e-9, `${s.events[1].t} vs ${second}`);
    });
  }
  it("direction filter: a rising-only threshold does not fire on the way down; falling-only does", () => {
    const when = (_t: number, y: Float64Array) => y[0] - 5;
    const up = solveOde(ball, {
      method: "rodas5",
      rtol: 1e-10,
      atol: 1e-12,
      events: [{ when, direction: 1 }],
    });
    assert.equal(up.events.length, 0);
    const down = solveOde(ball, {
      method: "rodas5",
      rtol: 1e-10,
      atol: 1e-12,
      events: [{ when, direction: -1 }],
    });
    assert.equal(down.events.length, 1);
    const want = Math.sqrt((2 * 5) / g);
    assert.ok(Math.abs(down.events[0].t - want) / want < 1e-10);
    assert.equal(down.status, "success");
    assert.equal(down.t[down.t.length - 1], 5, "an observer event does not stop the solve");
  });
});

describe("nonNegative", () => {
  it("clamps a component that would undershoot zero", () => {
    // y' = −1 until y = 0 would go negative; clamped it stays ≥ 0
    const s = solveOde(
      { f: (_t, _y, d) => void (d[0] = -1), y0: [1], t0: 0, tEnd: 3 },
      { method: "rodas5", nonNegative: true, outputTimes: [0, 0.5, 2, 3] },
    );
    assert.ok(Math.abs(s.y[1][0] - 0.5) < 1e-9);
    for (const row of s.y) assert.ok(row[0] >= 0);
  });
});
