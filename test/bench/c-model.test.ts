/**
 * The C that bench/immune/c-model.ts generates for the CVODE reference of the immune benchmark computes
 * what the compiled JavaScript computes: expression semantics (clamps of hill/mm, NaN in min/max,
 * Math.pow's special cases, piecewise without otherwise, logic) and the immune model's right-hand side
 * and Jacobian at several states. Needs gcc (and libsundials-dev for the driver); CI installs both
 * (.ci/run), so a failed build fails the suite instead of skipping.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { buildCDriver } from "../../bench/c-build.js";
import { C_RUNTIME, cNumber, emitC } from "../../bench/immune/c-model.js";
import { buildImmuneDriver, compareWithCompiled, immuneProblem } from "../../bench/immune/cvode.js";
import { ModelCache } from "../../src/immune/model-cache.js";
import { compileExprFunction } from "../../src/model/expr/emit.js";
import { parseExpr } from "../../src/model/expr/parse.js";
import { NSCLC_INTERMEDIATE, twoLesionPatient } from "../fixtures/immune/two-lesion-patient.js";

const dir = mkdtempSync(join(tmpdir(), "cryoimmune-c-model-"));

const EXPRESSIONS = [
  "hill(x, k, n)",
  "mm(x, k)",
  "min(x, y)",
  "max(x, y, k)",
  "max(x)",
  "x^y",
  "pow(x, n)",
  "root(n, x)",
  "piecewise(x, x < y, y, x > k)",
  "piecewise(1, x <= 0, 2)",
  "(x > 0 and y > 0) + 2*(x > 0 or y > 0) + 4*(x > 0 xor y > 0 xor k > 0) + 8*(not x == y) + 16*(x != k)",
  "exp(-x) + ln(abs(y) + 1) + log(2, k + 3) + log10(k + 1) + sqrt(k)",
  "sign(x) + floor(y) + ceil(x) + rem(x, k) + quotient(y, k)",
  "factorial(n) + sin(x) * cos(y) + tanh(x) + sec(y) + atan(x)",
];
const ARGS = ["x", "y", "k", "n"];
const POINTS = [
  [0.5, 2, 1.5, 2],
  [-0.25, 3, 0.7, 3],
  [0, 0, 2, 1],
  [1, Number.NaN, 1, 2],
  [-8, 1 / 3, 2, 0.5],
  [1, Number.POSITIVE_INFINITY, 4, 5],
  [-1e-12, -2.5, 1e-3, 4],
  [3, 3, 3, 0],
];

test("C expressions (bench/immune/c-model.ts emitC) evaluate as the compiled JavaScript", () => {
  const fns = EXPRESSIONS.map(
    (text, k) =>
      `static double e${k}(double x, double y, double k, double n) { (void)x; (void)y; (void)k; (void)n; return ${emitC(parseExpr(text), (name) => name)}; }`,
  );
  const source = [
    "#include <math.h>",
    "#include <stdio.h>",
    C_RUNTIME,
    ...fns,
    `static const double P[${POINTS.length}][4] = {${POINTS.map((p) => `{${p.map(cNumber).join(",")}}`).join(",")}};`,
    "int main(void) {",
    `  for (int i = 0; i < ${POINTS.length}; i++) {`,
    ...EXPRESSIONS.map(
      (_, k) =>
        `    { double v = e${k}(P[i][0], P[i][1], P[i][2], P[i][3]); if (isfinite(v)) printf("%.17g\\n", v); else printf("%s\\n", v != v ? "NaN" : v > 0 ? "Infinity" : "-Infinity"); }`,
    ),
    "  }",
    "  return 0;",
    "}",
  ].join("\n");
  const file = join(dir, "expr.c");
  writeFileSync(file, source);
  const built = buildCDriver("expr", file, [], [], dir);
  assert.ok(built.exe, built.reason);
  const out = execFileSync(built.exe, { encoding: "utf8" }).trim().split("\n").map(Number);
  const js = EXPRESSIONS.map((text) => compileExprFunction(parseExpr(text), ARGS));
  let row = 0;
  for (const p of POINTS)
    js.forEach((f, k) => {
      const want = f(...p);
      const got = out[row++];
      const same =
        Object.is(want, got) ||
        (Number.isNaN(want) && Number.isNaN(got)) ||
        Math.abs(got - want) <= 1e-14 * Math.abs(want);
      assert.ok(same, `${EXPRESSIONS[k]} at (${p.join(", ")}): C ${got}, JavaScript ${want}`);
    });
  assert.equal(row, out.length);
});

test("the generated C immune model (right-hand side, Jacobian) equals the compiled model to 1e-12", () => {
  const scenario = twoLesionPatient({ patient: NSCLC_INTERMEDIATE, horizonDays: 730, everyDays: 7 });
  const pr = immuneProblem(scenario, new ModelCache());
  const built = buildImmuneDriver(pr, dir);
  assert.ok(built.exe, built.reason);
  // the initial state, states scaled by deterministic factors 0.3–3, and one with small negative entries
  const states = [{ t: 0, y: pr.y0 }];
  for (let s = 1; s <= 4; s++)
    states.push({
      t: 10 * s,
      y: pr.y0.map((v, i) => (v + 1e-3 * ((i * s) % 7)) * (0.3 + ((i * 7 + s * 3) % 10) / 3.7)),
    });
  states.push({ t: 50, y: pr.y0.map((v, i) => (i % 5 === 0 ? -1e-6 * (1 + v) : v)) });
  const c = compareWithCompiled(built.exe, pr, pr.p, states);
  assert.ok(c.rhs <= 1e-12, `right-hand side differs by ${c.rhs}: ${c.worstRhs}`);
  assert.ok(c.jacobian <= 1e-12, `Jacobian differs by ${c.jacobian}: ${c.worstJacobian}`);
  assert.equal(c.nonFinite, 0);
  // a change of the state changes f (the comparison is not of constants)
  assert.ok(pr.cModel.pattern.rows.length > pr.model.species.length);
});
