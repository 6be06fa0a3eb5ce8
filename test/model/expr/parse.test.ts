import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { InputError } from "../../../src/errors.js";
import { ExprSyntaxError, parseExpr } from "../../../src/model/expr/parse.js";
import { printExpr } from "../../../src/model/expr/print.js";
import { anyExpr } from "./arbitrary.js";

test("precedence: * over +, ^ right-associative, unary minus below ^", () => {
  assert.equal(printExpr(parseExpr("1 + 2*3")), "1 + 2 * 3");
  assert.deepEqual(parseExpr("2^3^2"), parseExpr("2^(3^2)"));
  assert.deepEqual(parseExpr("-x^2"), { kind: "neg", arg: parseExpr("x^2") });
  assert.deepEqual(parseExpr("2^-3"), {
    kind: "bin",
    op: "^",
    left: { kind: "num", value: 2 },
    right: { kind: "num", value: -3 },
  });
  assert.deepEqual(parseExpr("a - b - c"), parseExpr("(a - b) - c"));
  assert.deepEqual(parseExpr("a / b * c"), parseExpr("(a / b) * c"));
});

test("numbers in every notation", () => {
  for (const [text, v] of [
    ["1e-3", 1e-3],
    ["2.5E+4", 2.5e4],
    [".5", 0.5],
    ["3.", 3],
    ["-7", -7],
  ] as const) {
    assert.deepEqual(parseExpr(text), { kind: "num", value: v });
  }
});

test("calls, comparisons, logic and piecewise", () => {
  assert.deepEqual(parseExpr("max(a, b, 1)"), {
    kind: "call",
    fn: "max",
    args: [
      { kind: "sym", name: "a" },
      { kind: "sym", name: "b" },
      { kind: "num", value: 1 },
    ],
  });
  const e = parseExpr("x < 1 and not y >= 2 or z");
  assert.equal(e.kind, "logic");
  assert.equal(printExpr(e), "x < 1 and not y >= 2 or z");
  const pw = parseExpr("piecewise(1, t < 3, 2, t < 5, 0)");
  assert.equal(pw.kind, "piecewise");
  if (pw.kind === "piecewise") {
    assert.equal(pw.pieces.length, 2);
    assert.deepEqual(pw.otherwise, { kind: "num", value: 0 });
  }
  assert.deepEqual(parseExpr("a && b || c"), parseExpr("(a and b) or c"));
});

test("syntax errors name the text, the column and what was expected", () => {
  const cases: [string, number, RegExp][] = [
    ["k*(x+", 6, /expected an operand/],
    ["k*(x+1", 7, /closing the parenthesis opened at column 3/],
    ["2 3", 3, /an operator or the end/],
    ["a $ b", 3, /"\$"/],
    ["f(a b)", 5, /closing the arguments of f\(/],
    ["", 1, /an expression/],
    ["2*piecewise()", 3, /at least one value/],
  ];
  for (const [text, column, re] of cases) {
    assert.throws(
      () => parseExpr(text),
      (err: unknown) => {
        assert.ok(err instanceof ExprSyntaxError && err instanceof InputError);
        assert.equal(err.column, column, text);
        assert.match(err.message, re);
        assert.match(err.message, new RegExp(`at column ${column}`));
        assert.ok(err.message.includes(JSON.stringify(text)));
        return true;
      },
    );
  }
});

test("print → parse round-trips random trees", () => {
  fc.assert(
    fc.property(anyExpr, (e) => {
      assert.deepEqual(parseExpr(printExpr(e)), e);
    }),
    { numRuns: 500 },
  );
});
