/**
 * Symbolic differentiation ∂expr/∂name, simplified. Comparisons and logic are piecewise constant (∂ = 0);
 * piecewise differentiates each value under the same conditions; calls use the chain rule with the
 * partial derivatives in functions.ts. A function without derivative rule → NotDifferentiableError
 * (the compiler then uses finite differences). Browser-safe.
 */
import type { Expr } from "./ast.js";
import { add, call, div, mul, neg, num, pow, sub } from "./build.js";
import { checkedFunction } from "./emit.js";
import { simplify } from "./simplify.js";

export class NotDifferentiableError extends Error {
  override name = "NotDifferentiableError";
  constructor(readonly fn: string) {
    super(`${fn}() has no derivative rule`);
  }
}

/** Whether `name` occurs in the expression. */
export function dependsOn(expr: Expr, name: string): boolean {
  switch (expr.kind) {
    case "num":
      return false;
    case "sym":
      return expr.name === name;
    case "neg":
      return dependsOn(expr.arg, name);
    case "bin":
    case "cmp":
      return dependsOn(expr.left, name) || dependsOn(expr.right, name);
    case "call":
    case "logic":
      return expr.args.some((a) => dependsOn(a, name));
    case "piecewise":
      return (
        expr.pieces.some((p) => dependsOn(p.value, name) || dependsOn(p.cond, name)) ||
        (expr.otherwise !== undefined && dependsOn(expr.otherwise, name))
      );
  }
}

export function differentiate(expr: Expr, name: string): Expr {
  return simplify(raw(simplify(expr), name));
}

function raw(e: Expr, x: string): Expr {
  if (!dependsOn(e, x)) return num(0);
  switch (e.kind) {
    case "num":
      return num(0);
    case "sym":
      return num(e.name === x ? 1 : 0);
    case "neg":
      return neg(raw(e.arg, x));
    case "bin": {
      const u = e.left;
      const v = e.right;
      switch (e.op) {
        case "+":
          return add(raw(u, x), raw(v, x));
        case "-":
          return sub(raw(u, x), raw(v, x));
        case "*":
          return add(mul(raw(u, x), v), mul(u, raw(v, x)));
        case "/":
          if (!dependsOn(v, x)) return div(raw(u, x), v);
          return div(sub(mul(raw(u, x), v), mul(u, raw(v, x))), pow(v, num(2)));
        case "^":
          if (!dependsOn(v, x)) return mul(mul(v, pow(u, sub(v, num(1)))), raw(u, x));
          // d(u^v) = u^v (v' ln u + v u'/u)
          return mul(pow(u, v), add(mul(raw(v, x), call("ln", u)), div(mul(v, raw(u, x)), u)));
      }
      break;
    }
    case "call": {
      const def = checkedFunction(e.fn, e.args.length);
      const partials = def.partials?.(e.args);
      let out: Expr = num(0);
      e.args.forEach((a, i) => {
        if (!dependsOn(a, x)) return;
        if (!partials) throw new NotDifferentiableError(e.fn);
        out = add(out, mul(partials[i], raw(a, x)));
      });
      return out;
    }
    case "cmp":
    case "logic":
      return num(0);
    case "piecewise":
      return {
        kind: "piecewise",
        pieces: e.pieces.map((p) => ({ cond: p.cond, value: raw(p.value, x) })),
        ...(e.otherwise ? { otherwise: raw(e.otherwise, x) } : {}),
      };
  }
  return num(0);
}
