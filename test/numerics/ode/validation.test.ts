import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError } from "../../../src/errors.js";
import { solveOde } from "../../../src/numerics/ode/index.js";
import type { OdeOptions, OdeProblem } from "../../../src/numerics/ode/types.js";

const good: OdeProblem = { f: (_t, y, d) => void (d[0] = -y[0]), y0: [1], t0: 0, tEnd: 1 };

function expectField(problem: OdeProblem, options: OdeOptions, field: string) {
  assert.throws(
    () => solveOde(problem, options),
    (e: unknown) =>
      e instanceof InputError && e.field === field && e.message.startsWith(`${field}: expected`),
    `expected an InputError naming ${field}`,
  );
}

describe("solveOde input validation names the argument", () => {
  it("y0 empty, not finite", () => {
    expectField({ ...good, y0: [] }, {}, "problem.y0");
    expectField({ ...good, y0: [Number.NaN] }, {}, "problem.y0[0]");
    expectField({ ...good, y0: [1, Number.POSITIVE_INFINITY] }, {}, "problem.y0[1]");
  });
  it("y0 of the wrong length for atol", () => {
    expectField(good, { atol: [1e-6, 1e-6] }, "options.atol");
  });
  it("tEnd before t0, non-finite times", () => {
    expectField({ ...good, tEnd: -1 }, {}, "problem.tEnd");
    expectField({ ...good, t0: Number.NaN }, {}, "problem.t0");
  });
  it("tolerances ≤ 0", () => {
    expectField(good, { rtol: 0 }, "options.rtol");
    expectField(good, { rtol: -1e-6 }, "options.rtol");
    expectField(good, { atol: 0 }, "options.atol");
    expectField({ ...good, y0: [1, 2], f: () => {} }, { atol: [1e-6, -1] }, "options.atol[1]");
  });
  it("event time outside [t0, tEnd]", () => {
    expectField(good, { events: [{ at: 2, apply: () => {} }] }, "options.events[0].at");
    expectField(
      good,
      {
        events: [
          { at: 0.5, apply: () => {} },
          { at: -0.1, apply: () => {} },
        ],
      },
      "options.events[1].at",
    );
  });
  it("outputTimes unsorted or outside", () => {
    expectField(good, { outputTimes: [0, 0.5, 0.2] }, "options.outputTimes[2]");
    expectField(good, { outputTimes: [0, 1.5] }, "options.outputTimes[1]");
  });
  it("unknown method, bad maxSteps, bad nonNegative index", () => {
    expectField(good, { method: "euler" as never }, "options.method");
    expectField(good, { method: "rodas4" as never }, "options.method");
    expectField(good, { method: "bdf", maxOrder: 6 }, "options.maxOrder");
    expectField(good, { maxSteps: 0 }, "options.maxSteps");
    expectField(good, { nonNegative: [3] }, "options.nonNegative[0]");
  });
  it("f missing", () => {
    expectField({ ...good, f: undefined as never }, {}, "problem.f");
  });
  it("tEnd === t0 returns the initial point", () => {
    const s = solveOde({ ...good, tEnd: 0 }, {});
    assert.equal(s.status, "success");
    assert.deepEqual(Array.from(s.t), [0]);
  });
});
