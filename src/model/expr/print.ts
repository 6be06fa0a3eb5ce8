/**
 * Expression tree → readable text that parseExpr reads back to the same tree (minimal parentheses).
 * Used for documentation and comments in exports. Browser-safe.
 */
import type { Expr } from "./ast.js";

const PREC_ATOM = 9;

function prec(e: Expr): number {
  switch (e.kind) {
    case "num":
      return e.value < 0 || Object.is(e.value, -0) ? 7 : PREC_ATOM;
    case "sym":
    case "call":
    case "piecewise":
      return PREC_ATOM;
    case "neg":
      return 7;
    case "bin":
      return e.op === "^" ? 8 : e.op === "*" || e.op === "/" ? 6 : 5;
    case "cmp":
      return 4;
    case "logic":
      return e.op === "not" ? 3 : e.op === "and" ? 2 : 1;
  }
}

function numberText(v: number): string {
  if (Number.isNaN(v)) return "notanumber";
  if (v === Number.POSITIVE_INFINITY) return "infinity";
  if (v === Number.NEGATIVE_INFINITY) return "-infinity";
  return String(v);
}

export function printExpr(expr: Expr): string {
  const wrap = (e: Expr, parens: boolean) => (parens ? `(${printExpr(e)})` : printExpr(e));
  switch (expr.kind) {
    case "num":
      return numberText(expr.value);
    case "sym":
      return expr.name;
    case "neg":
      // -(2) keeps a negation of a literal distinct from the literal -2
      return `-${wrap(expr.arg, prec(expr.arg) < 7 || expr.arg.kind === "num")}`;
    case "bin": {
      const p = prec(expr);
      if (expr.op === "^")
        return `${wrap(expr.left, prec(expr.left) <= 8)}^${wrap(expr.right, prec(expr.right) < 7)}`;
      return `${wrap(expr.left, prec(expr.left) < p)} ${expr.op} ${wrap(expr.right, prec(expr.right) <= p)}`;
    }
    case "call":
      return `${expr.fn}(${expr.args.map(printExpr).join(", ")})`;
    case "cmp":
      return `${wrap(expr.left, prec(expr.left) < 4)} ${expr.op} ${wrap(expr.right, prec(expr.right) <= 4)}`;
    case "logic": {
      if (expr.op === "not") return `not ${wrap(expr.args[0], prec(expr.args[0]) < 3)}`;
      const p = prec(expr);
      return expr.args.map((a) => wrap(a, prec(a) <= p)).join(` ${expr.op} `);
    }
    case "piecewise": {
      const parts = expr.pieces.flatMap((piece) => [printExpr(piece.value), printExpr(piece.cond)]);
      if (expr.otherwise) parts.push(printExpr(expr.otherwise));
      return `piecewise(${parts.join(", ")})`;
    }
  }
}
