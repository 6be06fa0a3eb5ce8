import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { Expr } from "../../../src/model/expr/ast.js";
import { differentiate, NotDifferentiableError } from "../../../src/model/expr/derivative.js";
import { evaluateExpr } from "../../../src/model/expr/evaluate.js";
import { builtinFunctions } from "../../../src/model/expr/functions.js";
import { parseExpr } from "../../../src/model/expr/parse.js";
import { printExpr } from "../../../src/model/expr/print.js";
import { simplify } from "../../../src/model/expr/simplify.js";
import { smoothExpr } from "./arbitrary.js";

const at = (e: Expr, vars: Record<string, number>) => evaluateExpr(e, (n) => vars[n] ?? Number.NaN);

/** Central difference with Richardson extrapolation. */
function fd(e: Expr, name: string, vars: Record<string, number>): number {
  const d = (h: number) =>
    (at(e, { ...vars, [name]: vars[name] + h }) - at(e, { ...vars, [name]: vars[name] - h })) / (2 * h);
  const h = 1e-3 * Math.max(1, Math.abs(vars[name]));
  return (4 * d(h / 2) - d(h)) / 3;
}

function close(a: number, b: number, rtol: number, what: string) {
  assert.ok(Math.abs(a - b) <= rtol * Math.max(1, Math.abs(a), Math.abs(b)), `${what}: ${a} vs ${b}`);
}

test("simplification folds constants and 0/1 identities", () => {
  assert.equal(
    printExpr(simplify(parseExpr("0*x + 1*y + (z - 0)/1 + w^1 + q^0 + 2*3"))),
    "y + z + w + 1 + 6",
  );
  assert.equal(printExpr(differentiate(parseExpr("k*x"), "x")), "k");
  assert.equal(printExpr(differentiate(parseExpr("k*y"), "x")), "0");
  assert.equal(printExpr(differentiate(parseExpr("x^3"), "x")), "3 * x^2");
  assert.equal(printExpr(differentiate(parseExpr("piecewise(x, t < 1, 0)"), "x")), "piecewise(1, t < 1, 0)");
});

test("derivatives of random smooth trees agree with finite differences", () => {
  fc.assert(
    fc.property(
      smoothExpr,
      fc.double({ min: 0.2, max: 1.5, noNaN: true }),
      fc.double({ min: -1, max: 1, noNaN: true }),
      (e, x, y) => {
        const vars = { x, y };
        const v = at(e, vars);
        fc.pre(Number.isFinite(v) && Math.abs(v) < 1e6);
        for (const name of ["x", "y"]) {
          const exact = at(differentiate(e, name), vars);
          const approx = fd(e, name, vars);
          fc.pre(Number.isFinite(approx) && Math.abs(approx) < 1e5);
          close(exact, approx, 1e-5, `d/d${name} ${printExpr(e)}`);
        }
      },
    ),
    { numRuns: 300 },
  );
});

test("every table function's derivative rule agrees with finite differences", () => {
  const points: Record<string, number[][]> = {
    log: [[0.7], [2, 5]],
    root: [[3, 2.5]],
    pow: [[1.7, 2.3]],
    min: [[0.3, 1.2, 2]],
    max: [[0.3, 1.2, 2]],
    hill: [[0.8, 1.3, 2.5]],
    mm: [[0.8, 1.3]],
    acosh: [[1.7]],
    asec: [[1.7]],
    acsc: [[1.7]],
    acoth: [[1.7]],
    asech: [[0.6]],
    acsch: [[1.7]],
  };
  let checked = 0;
  for (const def of builtinFunctions()) {
    if (!def.partials) continue;
    const arity = typeof def.arity === "number" ? def.arity : def.arity[0];
    const sets = points[def.name] ?? [Array.from({ length: arity }, (_, i) => 0.37 + 1.1 * i)];
    for (const vals of sets) {
      const names = vals.map((_, i) => `a${i}`);
      const e: Expr = { kind: "call", fn: def.name, args: names.map((name) => ({ kind: "sym", name })) };
      const vars = Object.fromEntries(names.map((n, i) => [n, vals[i]]));
      for (const n of names) {
        close(at(differentiate(e, n), vars), fd(e, n, vars), 1e-6, `${def.name} d/d${n}`);
        checked++;
      }
    }
  }
  assert.ok(checked > 40);
});

test("hill's derivative is finite where the signal is zero", () => {
  for (const name of ["x", "K", "n"]) {
    const d = evaluateExpr(
      differentiate(parseExpr("hill(x, K, n)"), name),
      (s) => ({ x: 0, K: 6, n: 2 })[s] ?? Number.NaN,
    );
    assert.ok(d === 0, `${name}: ${d}`);
  }
});

test("a function without derivative rule says so", () => {
  assert.throws(() => differentiate(parseExpr("factorial(x)"), "x"), NotDifferentiableError);
  assert.equal(printExpr(differentiate(parseExpr("factorial(n)*x"), "x")), "factorial(n)");
});
