/**
 * A boolean expression (an event trigger, a piecewise condition) → a real-valued switching function
 * that is positive where the condition holds and changes sign where it switches, so the ODE engine's
 * root finder can locate the switching time. Comparisons become differences, `and` the minimum, `or`
 * the maximum, `not` the negation; anything else becomes a ±1 step (still bracketed by the root finder).
 * At a located root the condition itself is re-evaluated, so strict vs non-strict comparisons only
 * matter at the exact crossing. Browser-safe.
 */
import type { Expr } from "../model/expr/ast.js";

const step = (cond: Expr): Expr => ({
  kind: "piecewise",
  pieces: [{ value: { kind: "num", value: 1 }, cond }],
  otherwise: { kind: "num", value: -1 },
});

export function switchingFunction(expr: Expr): Expr {
  switch (expr.kind) {
    case "num":
      return { kind: "num", value: expr.value !== 0 ? 1 : -1 };
    case "cmp":
      if (expr.op === "<" || expr.op === "<=")
        return { kind: "bin", op: "-", left: expr.right, right: expr.left };
      if (expr.op === ">" || expr.op === ">=")
        return { kind: "bin", op: "-", left: expr.left, right: expr.right };
      return step(expr);
    case "logic":
      if (expr.op === "not") return { kind: "neg", arg: switchingFunction(expr.args[0] as Expr) };
      if (expr.op === "and") return { kind: "call", fn: "min", args: expr.args.map(switchingFunction) };
      if (expr.op === "or") return { kind: "call", fn: "max", args: expr.args.map(switchingFunction) };
      if (expr.args.length === 2) {
        return {
          kind: "neg",
          arg: {
            kind: "bin",
            op: "*",
            left: switchingFunction(expr.args[0] as Expr),
            right: switchingFunction(expr.args[1] as Expr),
          },
        };
      }
      return step(expr);
    default:
      return step(expr);
  }
}
