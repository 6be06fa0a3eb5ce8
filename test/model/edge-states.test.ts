/**
 * States at zero and slightly below zero (solver stage values), the finite-difference fallback at
 * y = 0, clamped hill/mm, and the Jacobian buffer contract.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { analyzeModel } from "../../src/model/analyze.js";
import { compileAnalysis, compileModel } from "../../src/model/compile.js";
import { differentiate } from "../../src/model/expr/derivative.js";
import { evaluateExpr } from "../../src/model/expr/evaluate.js";
import { FUNCTION_RUNTIME } from "../../src/model/expr/functions.js";
import { parseExpr } from "../../src/model/expr/parse.js";
import { interpretRhs } from "../../src/model/interpret.js";
import { getModel, modelNames } from "../../src/model/registry.js";
import type { ModelDecl } from "../../src/model/types.js";
import { chainModel } from "./chain-model.js";

const assumed = { kind: "assumed" as const, note: "test" };

/** X, Y in cells; rates with hill (non-integer n), mm and a rate needing finite differences (factorial). */
function edgeModel(): ModelDecl {
  return {
    name: "edge",
    description: "hill, mm and finite differences near zero",
    modules: [
      {
        name: "m",
        description: "",
        compartments: [{ name: "c", size: 1, unit: "1", description: "" }],
        species: [
          { name: "X", compartment: "c", unit: "cell", initial: 0, description: "" },
          { name: "Y", compartment: "c", unit: "cell", initial: 1000, description: "" },
        ],
        parameters: [
          { name: "k", value: 0.7, unit: "1/day", description: "", source: assumed },
          { name: "K", value: 50, unit: "cell", description: "", source: assumed },
          { name: "v", value: 30, unit: "cell/day", description: "", source: assumed },
          { name: "one", value: 1, unit: "cell", description: "", source: assumed },
        ],
        observables: [{ name: "f", expression: "factorial(floor(Y/one/500))", unit: "1", description: "" }],
        processes: [
          {
            name: "act",
            rate: "v*hill(X, K, 2.5)",
            changes: { Y: 1 },
            evidence: ["review:14"],
            description: "",
          },
          { name: "sat", rate: "v*mm(X, K)", changes: { X: -1 }, evidence: ["review:14"], description: "" },
          // ∂/∂X = k·f exactly; X + Y with Y = 1000 hides a step of 1e-16 entirely
          {
            name: "fd",
            rate: "k*(X + Y)*f",
            changes: { X: -1 },
            evidence: ["review:14"],
            description: "",
          },
        ],
      },
    ],
  };
}

test("hill and mm clamp x at 0: no NaN for x < 0 with non-integer n, no division by zero at x = -K", () => {
  assert.equal(FUNCTION_RUNTIME.hill(-1e-12, 1, 2.5), 0);
  assert.equal(FUNCTION_RUNTIME.hill(-3, 2, 0.7), 0);
  assert.equal(FUNCTION_RUNTIME.mm(-2, 2), 0);
  assert.equal(FUNCTION_RUNTIME.mm(-1e-12, 2), 0);
  assert.ok(Math.abs(FUNCTION_RUNTIME.hill(2, 2, 2.5) - 0.5) < 1e-15);
  // derivatives: 0 below x = 0 (the clamped function is constant there), finite, and the usual formula above
  for (const [text, x] of [
    ["hill(x, K, n)", -1e-12],
    ["hill(x, K, n)", -5],
    ["mm(x, K)", -2],
    ["mm(x, K)", -1e-12],
  ] as const) {
    const e = parseExpr(text);
    for (const v of ["x", "K", "n"]) {
      const d = evaluateExpr(differentiate(e, v), (name) => ({ x, K: 2, n: 2.5 })[name] ?? Number.NaN);
      assert.ok(Number.isFinite(d), `${text} ∂/∂${v} at x = ${x}: ${d}`);
      if (v !== "n") assert.ok(d === 0, `${text} ∂/∂${v} at x = ${x}: ${d}`); // ±0
    }
  }
  const dmm = evaluateExpr(
    differentiate(parseExpr("mm(x, K)"), "x"),
    (n) => ({ x: 0, K: 4 })[n] ?? Number.NaN,
  );
  assert.equal(dmm, 0.25); // right derivative K/(K+x)^2 at 0
});

test("finite-difference fallback at y = 0: step √ε·max(|y|, 1), not a vanishing relative step", () => {
  const m = compileModel(edgeModel());
  const p = m.defaultParameters();
  const y = Float64Array.from([0, 1000]); // f = factorial(2) = 2
  const J = new Float64Array(4);
  m.jacobian(0, y, J, p);
  // dX/dt includes −k·(X+Y)·f − v·mm(X, K): ∂/∂X = −k·f − v/K = −1.4 − 0.6
  const exact = -0.7 * 2 - 30 / 50;
  assert.ok(Math.abs(J[0] - exact) <= 1e-5 * Math.abs(exact), `J[X,X] = ${J[0]}, exact ${exact}`);
  // a large component: the divisor is the step actually represented
  const big = Float64Array.from([3.000000123e9, 1000]);
  m.jacobian(0, big, J, p);
  const exactBig = -0.7 * 2 - (30 * 50) / (50 + 3.000000123e9) ** 2;
  assert.ok(Math.abs(J[0] - exactBig) <= 1e-6 * Math.abs(exactBig), `J[X,X] = ${J[0]} at X = 3e9`);
});

test("registered and test models: rhs and Jacobian finite at zero and slightly negative states", () => {
  const decls: [string, ModelDecl][] = [
    ...modelNames().map((n): [string, ModelDecl] => [n, getModel(n)]),
    ["chain60", chainModel(60)],
    ["edge", edgeModel()],
  ];
  for (const [name, decl] of decls) {
    const a = analyzeModel(decl);
    const m = compileAnalysis(a);
    const p = m.defaultParameters();
    const y0 = m.initialState(p);
    const n = y0.length;
    const f = new Float64Array(n);
    const slow = new Float64Array(n);
    const one = new Float64Array(n);
    const J = new Float64Array(n * n);
    for (const fill of [0, -1e-12, -1e-6]) {
      // every other species at `fill`, the rest at their initial values (or 1 when those are 0)
      const y = Float64Array.from(y0, (v, i) => (i % 2 === 0 ? fill : v === 0 ? 1 : v));
      m.rhs(0, y, f, p);
      interpretRhs(a, 0, y, p, slow);
      // magnitude of the individual terms, so cancellation does not inflate the relative error
      const terms = new Float64Array(n);
      for (const proc of a.processes) {
        interpretRhs({ ...a, processes: [proc] }, 0, y, p, one);
        for (let i = 0; i < n; i++) terms[i] += Math.abs(one[i]);
      }
      for (let i = 0; i < n; i++) {
        assert.ok(Number.isFinite(f[i]), `${name} dydt[${i}] = ${f[i]} at y = ${fill}`);
        assert.ok(Math.abs(f[i] - slow[i]) <= 1e-12 * Math.max(terms[i], 1e-300), `${name} dydt[${i}]`);
      }
      m.jacobian(0, y, J, p);
      const bad = J.findIndex((v) => !Number.isFinite(v));
      assert.equal(bad, -1, `${name} J[${Math.floor(bad / n)},${bad % n}] = ${J[bad]} at y = ${fill}`);
    }
  }
});

test("edge model: analytic and finite-difference Jacobian entries at y = 0 match one-sided differences", () => {
  const m = compileModel(edgeModel());
  const p = m.defaultParameters();
  const y = Float64Array.from([0, 1000]);
  const J = new Float64Array(4);
  m.jacobian(0, y, J, p);
  const f0 = new Float64Array(2);
  const f1 = new Float64Array(2);
  m.rhs(0, y, f0, p);
  const h = 1e-7;
  const yp = Float64Array.from([h, 1000]);
  m.rhs(0, yp, f1, p);
  for (let i = 0; i < 2; i++) {
    const fd = (f1[i] - f0[i]) / h;
    assert.ok(Math.abs(J[i * 2] - fd) <= 1e-5 * Math.max(Math.abs(fd), 1), `J[${i},X] ${J[i * 2]} vs ${fd}`);
  }
});

test("Jacobian: off-pattern entries are zeroed in a new buffer, pattern entries rewritten on every call", () => {
  const m = compileModel(chainModel(60));
  const p = m.defaultParameters();
  const y = m.initialState(p).map((v) => v + 1);
  const n = y.length;
  const J = new Float64Array(n * n).fill(Number.NaN);
  m.jacobian(0, y, J, p);
  const first = J.slice();
  assert.ok(first.every(Number.isFinite));
  for (let k = 0; k < m.jacobianPattern.rows.length; k++) {
    J[m.jacobianPattern.rows[k] * n + m.jacobianPattern.cols[k]] = Number.NaN;
  }
  m.jacobian(0, y, J, p);
  assert.deepEqual(J, first);
  assert.doesNotMatch(m.source.jacobian, /\+ -/);
  assert.doesNotMatch(m.source.rhs, /\+ -/);
});
