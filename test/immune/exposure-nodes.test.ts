/**
 * The exponential Rosenbrock node builder of the exposure inputs (src/immune/exposure-nodes.ts) against
 * tight Radau solves of the same modules: exact nodes for a linear module, the degree-7 Hermite interpolant
 * between the nodes within the tolerance for the nonlinear ones (time-varying clearance, saturable
 * clearance, a rate with explicit time), events at the first and last time, and failure reporting.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  type ExposureNodes,
  exposureNodes,
  rhsUsesTime,
  septicBasis,
} from "../../src/immune/exposure-nodes.js";
import { ModelCache } from "../../src/immune/model-cache.js";
import { compileModel } from "../../src/model/compile.js";
import type { CompiledModel } from "../../src/model/compiled.js";
import { solveOde } from "../../src/numerics/ode/solve.js";

const cache = new ModelCache();

/**
 * Value at t of the Hermite interpolant of degree 7 (values and first to third derivatives at both ends of
 * each segment; right-continuous at duplicated nodes), written independently of exposure.ts.
 */
function hermite(nodes: ExposureNodes, k: number, t: number, out: Float64Array): void {
  const T = nodes.times;
  let s = 0;
  while (s < T.length - 2 && T[s + 1] <= t) s++;
  const h = T[s + 1] - T[s];
  const x = (t - T[s]) / h;
  const u = 1 - x;
  const a = s * k;
  const b = a + k;
  // left-end basis (value, slope, curvature, third derivative); the right end mirrored
  const left = (z: number) => [
    (1 - z) ** 4 * (1 + 4 * z + 10 * z ** 2 + 20 * z ** 3),
    z * (1 - z) ** 4 * (1 + 4 * z + 10 * z ** 2),
    (z ** 2 * (1 - z) ** 4 * (1 + 4 * z)) / 2,
    (z ** 3 * (1 - z) ** 4) / 6,
  ];
  const l = left(x);
  const r = left(u);
  for (let i = 0; i < k; i++)
    out[i] =
      l[0] * nodes.values[a + i] +
      l[1] * h * nodes.slopes[a + i] +
      l[2] * h * h * nodes.curvatures[a + i] +
      l[3] * h ** 3 * nodes.thirdsLeft[a + i] +
      r[0] * nodes.values[b + i] -
      r[1] * h * nodes.slopes[b + i] +
      r[2] * h * h * nodes.curvatures[b + i] -
      r[3] * h ** 3 * nodes.thirdsRight[a + i];
}

interface Case {
  model: CompiledModel;
  p: Float64Array;
  events: { at: number; apply: (y: Float64Array) => void }[];
  t0: number;
  tEnd: number;
}

function drugCase(drug: string, doses: number[], amountMg: number, tEnd: number): Case {
  const model = cache.drugPk(drug);
  const p = model.defaultParameters();
  return {
    model,
    p,
    events: doses.map((at) => ({
      at,
      apply: (y: Float64Array) => model.applyEvent(`dose_${drug}`, y, p, { amountMg }),
    })),
    t0: 0,
    tEnd,
  };
}

/**
 * Largest deviation of the interpolated nodes from a Radau rtol 1e-13 solve, relative to each species'
 * largest value, at `times` (default: every ~1 h, off the event times).
 */
function deviation(c: Case, nodes: ExposureNodes, times?: number[]): number {
  const k = c.model.species.length;
  const at = times ?? [];
  if (times === undefined) for (let t = c.t0 + 0.00731; t < c.tEnd; t += 0.0417) at.push(t);
  const ref = solveOde(c.model.problem(c.p, c.t0, c.tEnd), {
    method: "radau5",
    rtol: 1e-13,
    atol: 1e-15,
    outputTimes: at,
    events: c.events,
    maxSteps: 1e7,
  });
  assert.equal(ref.status, "success", ref.message);
  const size = new Float64Array(k);
  for (const y of ref.y) for (let i = 0; i < k; i++) size[i] = Math.max(size[i], Math.abs(y[i]));
  const y = new Float64Array(k);
  let worst = 0;
  at.forEach((t, j) => {
    hermite(nodes, k, t, y);
    for (let i = 0; i < k; i++) worst = Math.max(worst, Math.abs(y[i] - ref.y[j][i]) / (size[i] || 1));
  });
  return worst;
}

function solve(c: Case, rtol: number, maxSteps?: number): ExposureNodes {
  return exposureNodes(c.model, c.p, c.model.initialState(c.p), c.events, c.t0, c.tEnd, rtol, 1e-12, {
    nonNegative: c.model.nonNegativeIndices,
    ...(maxSteps !== undefined ? { maxSteps } : {}),
  });
}

test("the degree-7 Hermite basis reproduces a degree-7 polynomial and its derivative", () => {
  const c = [0.3, -1.2, 0.7, 2.1, -0.4, 1.3, -0.9, 0.25];
  const poly = (t: number, d: number) => {
    let sum = 0;
    for (let j = d; j < 8; j++) {
      let f = 1;
      for (let i = 0; i < d; i++) f *= j - i;
      sum += c[j] * f * t ** (j - d);
    }
    return sum;
  };
  const t0 = 0.4;
  const h = 1.7;
  const ends = [0, 1, 2, 3].map((d) => poly(t0, d)).concat([0, 1, 2, 3].map((d) => poly(t0 + h, d)));
  const B = new Float64Array(8);
  const dB = new Float64Array(8);
  for (const x of [0, 0.1, 0.25, 0.5, 0.77, 1]) {
    septicBasis(x, h, B, dB);
    let value = 0;
    let slope = 0;
    for (let i = 0; i < 8; i++) {
      value += B[i] * ends[i];
      slope += dB[i] * ends[i];
    }
    assert.ok(Math.abs(value - poly(t0 + x * h, 0)) < 1e-12, `value at ${x}`);
    assert.ok(Math.abs(slope - poly(t0 + x * h, 1)) < 1e-12, `slope at ${x}`);
  }
});

test("a linear module (pembrolizumab, stationary clearance): nodes exact up to the series cut, interpolant within rtol", () => {
  const c = drugCase("pembrolizumab", [0, 21, 42, 63, 84, 105], 200, 180);
  const nodes = solve(c, 1e-6);
  assert.equal(nodes.status, "success", nodes.message);
  // at the nodes themselves (right limits at the doses): far below the tolerance (measured 5.7e-10 with
  // 45 steps over 180 days: only the φ-series cut at 1e-3 of the tolerance per step is left)
  const nodeTimes = [...new Set(nodes.times)].filter((t) => t > 0);
  const atNodes = deviation(c, nodes, nodeTimes);
  assert.ok(atNodes <= 1e-8, `nodes ${atNodes.toExponential(2)}`);
  // between them: the interpolant's error, held below the tolerance (measured 3.5e-7)
  const dense = deviation(c, nodes);
  assert.ok(dense <= 1e-6, `dense ${dense.toExponential(2)}`);
  assert.ok(dense > atNodes, "the interpolant, not the nodes, carries the error");
});

test("nonlinear modules follow a tight solve densely: time-varying (nivolumab) and saturable (durvalumab) clearance", () => {
  const nivolumab = drugCase(
    "nivolumab",
    Array.from({ length: 27 }, (_, j) => 14 * j),
    240,
    365,
  );
  const durvalumab = drugCase("durvalumab", [0, 28], 1500, 365);
  for (const [name, c] of [
    ["nivolumab q2w", nivolumab],
    ["durvalumab, washout to near Km", durvalumab],
  ] as const)
    for (const rtol of [1e-6, 5e-8]) {
      const nodes = solve(c, rtol);
      assert.equal(nodes.status, "success", nodes.message);
      const dev = deviation(c, nodes);
      // measured at rtol 1e-6 / 5e-8: nivolumab 3.6e-7 / 1.7e-8, durvalumab 1.1e-7 / 8.1e-9
      assert.ok(dev <= rtol, `${name} at rtol ${rtol}: ${dev.toExponential(2)}`);
    }
  // durvalumab falls to ~Km (0.344 mg/L, ~1.2 mg in 3.5 L) by day 365: the nonlinear remainder is used
  const last = durvalumab.model.speciesIndex("durvalumab_amount_central");
  const nodes = solve(durvalumab, 5e-8);
  assert.ok(nodes.values[(nodes.times.length - 1) * durvalumab.model.species.length + last] < 20);
});

test("a rate with explicit time (∂f/∂t through φ2 and in the curvature)", () => {
  const assumed = { kind: "assumed" as const, note: "test" };
  const model = compileModel({
    name: "pulsed",
    description: "first-order elimination of a periodically varying input",
    timeUnit: "day",
    modules: [
      {
        name: "m",
        description: "",
        compartments: [{ name: "c", size: 1, unit: "L", description: "", source: assumed }],
        species: [
          { name: "A", compartment: "c", unit: "mg", initial: 0, description: "" },
          { name: "B", compartment: "c", unit: "mg", initial: 0, description: "" },
        ],
        parameters: [
          { name: "kin", value: 20, unit: "mg/day", description: "", source: assumed },
          { name: "tau", value: 1.5, unit: "day", description: "", source: assumed },
          { name: "kel", value: 0.3, unit: "1/day", description: "", source: assumed },
          { name: "kab", value: 1.2, unit: "1/day", description: "", source: assumed },
        ],
        observables: [{ name: "wave", expression: "1 + 0.5 * sin(t / tau)", unit: "1", description: "" }],
        processes: [
          { name: "input", rate: "kin * wave", changes: { A: 1 }, evidence: ["review:14"], description: "" },
          {
            name: "transfer",
            rate: "kab * A",
            changes: { A: -1, B: 1 },
            evidence: ["review:14"],
            description: "",
          },
          {
            name: "elimination",
            rate: "kel * B",
            changes: { B: -1 },
            evidence: ["review:14"],
            description: "",
          },
        ],
        events: [
          {
            name: "bolus",
            arguments: [{ name: "amount", unit: "mg", description: "" }],
            assign: { A: "A + amount" },
            evidence: ["review:14"],
            description: "",
          },
        ],
      },
    ],
  });
  assert.equal(rhsUsesTime(model), true);
  assert.equal(rhsUsesTime(cache.drugPk("nivolumab")), false);
  const p = model.defaultParameters();
  const c: Case = {
    model,
    p,
    events: [
      { at: 0, apply: (y) => model.applyEvent("bolus", y, p, { amount: 50 }) },
      { at: 10, apply: (y) => model.applyEvent("bolus", y, p, { amount: 50 }) },
    ],
    t0: 0,
    tEnd: 30,
  };
  const nodes = solve(c, 1e-8);
  assert.equal(nodes.status, "success", nodes.message);
  const dev = deviation(c, nodes);
  assert.ok(dev <= 1e-8, `explicit time: ${dev.toExponential(2)}`); // measured 1.9e-10, 840 steps
  // without ∂f/∂t the nodes' derivatives are wrong and the interpolant is of second order only: twenty
  // times the steps do not reach the end (measured: 100 000 steps reach day 24)
  const wrong = exposureNodes(model, p, model.initialState(p), c.events, 0, 30, 1e-8, 1e-12, {
    usesTime: false,
    maxSteps: 20 * nodes.stats.steps,
  });
  assert.equal(wrong.status, "failure");
  assert.match(wrong.message, /maximum number of steps/);
});

test("events: pre- and post-event nodes at the same time, events at the first and last time, failure reported", () => {
  const c = drugCase("nivolumab", [0, 14, 28], 240, 28);
  const nodes = solve(c, 1e-7);
  assert.equal(nodes.status, "success", nodes.message);
  const k = c.model.species.length;
  const central = c.model.speciesIndex("nivolumab_amount_central");
  const T = nodes.times;
  for (const at of [0, 14, 28]) {
    const j = T.indexOf(at);
    assert.ok(j >= 0 && T[j + 1] === at, `pre/post nodes at ${at}`);
    const jump = nodes.values[(j + 1) * k + central] - nodes.values[j * k + central];
    assert.ok(Math.abs(jump - 240) < 1e-9, `jump ${jump} at ${at}`);
  }
  assert.equal(T[T.length - 1], 28);
  for (let j = 1; j < T.length; j++) assert.ok(T[j] >= T[j - 1]);
  // a step budget too small: failure with the reason, no NaN in what was built
  const failed = solve(c, 1e-7, 3);
  assert.equal(failed.status, "failure");
  assert.match(failed.message, /maximum number of steps \(3\)/);
  for (const v of failed.values) assert.ok(Number.isFinite(v));
});
