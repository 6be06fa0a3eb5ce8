import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { InputError } from "../../../src/errors.js";
import { compileExprFunction, emitJs } from "../../../src/model/expr/emit.js";
import { evaluateExpr } from "../../../src/model/expr/evaluate.js";
import { builtinFunctions } from "../../../src/model/expr/functions.js";
import { parseExpr } from "../../../src/model/expr/parse.js";
import { anyExpr } from "./arbitrary.js";

const NAMES = ["x", "y", "k_1", "Kd", "T2"];

test("emitted JS and the interpreter agree on random trees", () => {
  fc.assert(
    fc.property(
      anyExpr,
      fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 5, maxLength: 5 }),
      (e, vals) => {
        const f = compileExprFunction(e, NAMES);
        const lookup = (n: string) => vals[NAMES.indexOf(n)];
        assert.ok(Object.is(f(...vals), evaluateExpr(e, lookup)));
      },
    ),
    { numRuns: 500 },
  );
});

test("every table function: emitted JS equals the table evaluator", () => {
  for (const def of builtinFunctions()) {
    const n = typeof def.arity === "number" ? def.arity : def.arity[0] + 1;
    const names = Array.from({ length: n }, (_, i) => `a${i}`);
    const vals = names.map((_, i) => 0.6 + 0.7 * i);
    if (def.name === "factorial") vals[0] = 5;
    const e = parseExpr(`${def.name}(${names.join(", ")})`);
    const f = compileExprFunction(e, names);
    assert.ok(Object.is(f(...vals), def.evaluate(vals)), def.name);
  }
  assert.equal(compileExprFunction(parseExpr("factorial(5)"), [])(), 120);
  assert.equal(compileExprFunction(parseExpr("hill(2, 2, 3)"), [])(), 0.5);
  assert.equal(compileExprFunction(parseExpr("arcsin(1)"), [])(), Math.PI / 2);
});

test("resolve decides what each symbol becomes; unknown functions and wrong arity are input errors", () => {
  assert.equal(
    emitJs(parseExpr("k*x"), (n) => (n === "k" ? "p[0]" : "y[2]")),
    "(p[0] * y[2])",
  );
  assert.throws(
    () => emitJs(parseExpr("foo(x)"), (n) => n),
    (e: unknown) => e instanceof InputError && /foo/.test(e.message),
  );
  assert.throws(
    () => emitJs(parseExpr("exp(x, y)"), (n) => n),
    /exp\(…\): expected 1 argument, got "2 argument\(s\)"/,
  );
  assert.throws(() => compileExprFunction(parseExpr("k*z"), ["k"]), /symbol: expected one of k, got "z"/);
});
