import assert from "node:assert/strict";
import { test } from "node:test";
import type { Expr } from "../../src/model/expr/ast.js";
import { evaluateExpr } from "../../src/model/expr/evaluate.js";
import { switchingFunction } from "../../src/sbml/trigger-switch.js";

const sym = (name: string): Expr => ({ kind: "sym", name });
const num = (value: number): Expr => ({ kind: "num", value });
const lt = (a: Expr, b: Expr): Expr => ({ kind: "cmp", op: "<", left: a, right: b });
const geq = (a: Expr, b: Expr): Expr => ({ kind: "cmp", op: ">=", left: a, right: b });

test("the switching function's sign follows the condition away from its boundary", () => {
  // window 0.5 <= t and t < 1, or x >= 3, and not (x >= 10)
  const cond: Expr = {
    kind: "logic",
    op: "and",
    args: [
      {
        kind: "logic",
        op: "or",
        args: [
          { kind: "logic", op: "and", args: [geq(sym("t"), num(0.5)), lt(sym("t"), num(1))] },
          geq(sym("x"), num(3)),
        ],
      },
      { kind: "logic", op: "not", args: [geq(sym("x"), num(10))] },
    ],
  };
  const g = switchingFunction(cond);
  for (const t of [0, 0.25, 0.7, 0.9, 1.2, 2]) {
    for (const x of [0, 2, 4, 12]) {
      const env = (n: string): number => (n === "t" ? t : x);
      const truth: boolean = evaluateExpr(cond, env) !== 0;
      const s: number = evaluateExpr(g, env);
      assert.equal(s > 0, truth, `t=${t} x=${x}: g=${s}`);
    }
  }
});
