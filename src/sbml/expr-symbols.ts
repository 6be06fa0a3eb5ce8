/** Symbol collection and bottom-up rewriting of expression trees (used by the SBML compiler). */
import type { Expr } from "../model/expr/ast.js";

/** Every symbol name occurring in the expression, added to `into`. */
export function collectSymbols(expr: Expr, into: Set<string> = new Set()): Set<string> {
  switch (expr.kind) {
    case "num":
      break;
    case "sym":
      into.add(expr.name);
      break;
    case "neg":
      collectSymbols(expr.arg, into);
      break;
    case "bin":
    case "cmp":
      collectSymbols(expr.left, into);
      collectSymbols(expr.right, into);
      break;
    case "call":
    case "logic":
      for (const a of expr.args) collectSymbols(a, into);
      break;
    case "piecewise":
      for (const p of expr.pieces) {
        collectSymbols(p.value, into);
        collectSymbols(p.cond, into);
      }
      if (expr.otherwise) collectSymbols(expr.otherwise, into);
      break;
  }
  return into;
}

/** Rewrites the tree bottom-up: `f` sees each node after its children were rewritten. */
export function rewriteExpr(expr: Expr, f: (e: Expr) => Expr): Expr {
  const go = (e: Expr): Expr => {
    switch (e.kind) {
      case "num":
      case "sym":
        return f(e);
      case "neg":
        return f({ kind: "neg", arg: go(e.arg) });
      case "bin":
        return f({ kind: "bin", op: e.op, left: go(e.left), right: go(e.right) });
      case "cmp":
        return f({ kind: "cmp", op: e.op, left: go(e.left), right: go(e.right) });
      case "call":
        return f({ kind: "call", fn: e.fn, args: e.args.map(go) });
      case "logic":
        return f({ kind: "logic", op: e.op, args: e.args.map(go) });
      case "piecewise": {
        const pieces = e.pieces.map((p) => ({ value: go(p.value), cond: go(p.cond) }));
        return f(
          e.otherwise === undefined
            ? { kind: "piecewise", pieces }
            : { kind: "piecewise", pieces, otherwise: go(e.otherwise) },
        );
      }
    }
  };
  return go(expr);
}
