/**
 * The interpreted reference: walks the tree. Same semantics as emit.ts (comparisons and logic give
 * 1/0; a piecewise without `otherwise` gives NaN when no condition holds). Browser-safe.
 */
import type { Expr } from "./ast.js";
import { checkedFunction } from "./emit.js";

export function evaluateExpr(expr: Expr, lookup: (name: string) => number): number {
  const go = (e: Expr): number => {
    switch (e.kind) {
      case "num":
        return e.value;
      case "sym":
        return lookup(e.name);
      case "neg":
        return -go(e.arg);
      case "bin": {
        const l = go(e.left);
        const r = go(e.right);
        switch (e.op) {
          case "+":
            return l + r;
          case "-":
            return l - r;
          case "*":
            return l * r;
          case "/":
            return l / r;
          case "^":
            return l ** r;
        }
        break;
      }
      case "call":
        return checkedFunction(e.fn, e.args.length).evaluate(e.args.map(go));
      case "cmp": {
        const l = go(e.left);
        const r = go(e.right);
        const ok =
          e.op === "<"
            ? l < r
            : e.op === "<="
              ? l <= r
              : e.op === ">"
                ? l > r
                : e.op === ">="
                  ? l >= r
                  : e.op === "=="
                    ? l === r
                    : l !== r;
        return ok ? 1 : 0;
      }
      case "logic": {
        const v = e.args.map((a) => go(a) !== 0);
        if (e.op === "not") return v[0] ? 0 : 1;
        if (e.op === "and") return v.every(Boolean) ? 1 : 0;
        if (e.op === "or") return v.some(Boolean) ? 1 : 0;
        return v.filter(Boolean).length % 2;
      }
      case "piecewise": {
        for (const piece of e.pieces) if (go(piece.cond) !== 0) return go(piece.value);
        return e.otherwise ? go(e.otherwise) : Number.NaN;
      }
    }
    return Number.NaN;
  };
  return go(expr);
}
