/**
 * Algebraic clean-up so generated Jacobian code stays small: constant folding, 0/1 identities
 * (x+0, x*1, x*0, x/1, x^1, x^0, 0/x), double negation, and pieces/logic with constant conditions.
 * Note x*0 → 0 drops NaN/Infinity propagation from x, which is what a Jacobian entry wants.
 * Browser-safe.
 */
import type { Expr } from "./ast.js";
import { num } from "./build.js";
import { evaluateExpr } from "./evaluate.js";
import { builtinFunction } from "./functions.js";

const isNum = (e: Expr): e is { kind: "num"; value: number } => e.kind === "num";
const isConst = (e: Expr, v: number): boolean => e.kind === "num" && e.value === v;

const noSymbols = (): number => Number.NaN;

export function simplify(expr: Expr): Expr {
  switch (expr.kind) {
    case "num":
    case "sym":
      return expr;
    case "neg": {
      const a = simplify(expr.arg);
      if (isNum(a)) return num(-a.value);
      if (a.kind === "neg") return a.arg;
      return { kind: "neg", arg: a };
    }
    case "bin":
      return simplifyBin(expr.op, simplify(expr.left), simplify(expr.right));
    case "call": {
      const args = expr.args.map(simplify);
      const out: Expr = { kind: "call", fn: expr.fn, args };
      if (builtinFunction(expr.fn) && args.every(isNum)) {
        const v = evaluateExpr(out, noSymbols);
        if (Number.isFinite(v)) return num(v);
      }
      return out;
    }
    case "cmp": {
      const l = simplify(expr.left);
      const r = simplify(expr.right);
      const out: Expr = { kind: "cmp", op: expr.op, left: l, right: r };
      return isNum(l) && isNum(r) ? num(evaluateExpr(out, noSymbols)) : out;
    }
    case "logic": {
      const args = expr.args.map(simplify);
      const out: Expr = { kind: "logic", op: expr.op, args };
      return args.every(isNum) ? num(evaluateExpr(out, noSymbols)) : out;
    }
    case "piecewise": {
      const pieces: { value: Expr; cond: Expr }[] = [];
      for (const p of expr.pieces) {
        const cond = simplify(p.cond);
        const value = simplify(p.value);
        if (isNum(cond)) {
          if (cond.value === 0) continue; // never taken
          if (pieces.length === 0) return value; // always taken first
          return { kind: "piecewise", pieces, otherwise: value };
        }
        pieces.push({ value, cond });
      }
      const otherwise = expr.otherwise ? simplify(expr.otherwise) : undefined;
      if (pieces.length === 0) return otherwise ?? num(Number.NaN);
      if (otherwise && pieces.every((p) => sameNumber(p.value, otherwise))) return otherwise;
      return otherwise ? { kind: "piecewise", pieces, otherwise } : { kind: "piecewise", pieces };
    }
  }
}

function sameNumber(a: Expr, b: Expr): boolean {
  return isNum(a) && isNum(b) && Object.is(a.value, b.value);
}

function simplifyBin(op: "+" | "-" | "*" | "/" | "^", l: Expr, r: Expr): Expr {
  if (isNum(l) && isNum(r)) {
    const v = evaluateExpr({ kind: "bin", op, left: l, right: r }, noSymbols);
    if (Number.isFinite(v)) return num(v);
  }
  switch (op) {
    case "+":
      if (isConst(l, 0)) return r;
      if (isConst(r, 0)) return l;
      if (r.kind === "neg") return simplifyBin("-", l, r.arg);
      break;
    case "-":
      if (isConst(r, 0)) return l;
      if (isConst(l, 0)) return r.kind === "neg" ? r.arg : isNum(r) ? num(-r.value) : { kind: "neg", arg: r };
      if (r.kind === "neg") return simplifyBin("+", l, r.arg);
      break;
    case "*":
      if (isConst(l, 0) || isConst(r, 0)) return num(0);
      if (isConst(l, 1)) return r;
      if (isConst(r, 1)) return l;
      if (isConst(l, -1)) return r.kind === "neg" ? r.arg : { kind: "neg", arg: r };
      if (isConst(r, -1)) return l.kind === "neg" ? l.arg : { kind: "neg", arg: l };
      if (l.kind === "neg" && r.kind === "neg") return simplifyBin("*", l.arg, r.arg);
      if (l.kind === "neg") return { kind: "neg", arg: simplifyBin("*", l.arg, r) };
      if (r.kind === "neg") return { kind: "neg", arg: simplifyBin("*", l, r.arg) };
      break;
    case "/":
      if (isConst(l, 0)) return num(0);
      if (isConst(r, 1)) return l;
      if (l.kind === "neg") return { kind: "neg", arg: simplifyBin("/", l.arg, r) };
      break;
    case "^":
      if (isConst(r, 0)) return num(1);
      if (isConst(r, 1)) return l;
      if (isConst(l, 1)) return num(1);
      break;
  }
  return { kind: "bin", op, left: l, right: r };
}
