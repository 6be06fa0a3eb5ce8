/**
 * Dimensional analysis of an expression. Numbers are dimensionless, except the literal 0, which takes
 * any dimension. Sums, differences, comparisons, min/max and piecewise values need equal dimensions;
 * powers of dimensioned bases need constant exponents; exp/log/trig need dimensionless arguments;
 * hill(x, K, n) and mm(x, K) need x and K alike and give a dimensionless result. Browser-safe.
 */
import type { Expr } from "./expr/ast.js";
import { FUNCTION_ALIASES } from "./expr/functions.js";
import { printExpr } from "./expr/print.js";
import { simplify } from "./expr/simplify.js";
import {
  DIMENSIONLESS,
  type Dims,
  divide,
  formatDims,
  isDimensionless,
  multiply,
  power,
  sameDimension,
  type Unit,
} from "./units.js";

/** The dimension of a sub-expression; `null` = the literal 0 (any dimension). */
type Dim = Unit | null;

export class UnitMismatch extends Error {
  override name = "UnitMismatch";
}

function fail(what: string, e: Expr): never {
  throw new UnitMismatch(`${what} in \`${printExpr(e)}\``);
}

const show = (d: Dim) => (d ? formatDims(d.dims) : "any");

function same(a: Dim, b: Dim, e: Expr, what: string): Dim {
  if (a === null) return b;
  if (b === null) return a;
  if (!sameDimension(a, b)) fail(`${what} ${show(a)} and ${show(b)}`, e);
  return a;
}

function needDimensionless(d: Dim, e: Expr, what: string): void {
  if (d !== null && !isDimensionless(d)) fail(`${what} needs a dimensionless argument, got ${show(d)}`, e);
}

function constantValue(e: Expr): number | undefined {
  const s = simplify(e);
  return s.kind === "num" ? s.value : undefined;
}

/**
 * Dimension of `expr` given each symbol's unit, or null when the whole expression is the literal 0
 * (fits any unit). UnitMismatch names the offending sub-expression.
 */
export function unitOfExpr(expr: Expr, symbolUnit: (name: string) => Unit): Unit | null {
  const go = (e: Expr): Dim => {
    switch (e.kind) {
      case "num":
        return e.value === 0 ? null : DIMENSIONLESS;
      case "sym":
        return symbolUnit(e.name);
      case "neg":
        return go(e.arg);
      case "bin": {
        const l = go(e.left);
        const r = go(e.right);
        switch (e.op) {
          case "+":
          case "-":
            return same(l, r, e, e.op === "+" ? "cannot add" : "cannot subtract");
          case "*":
            return l === null || r === null ? null : multiply(l, r);
          case "/":
            return l === null ? null : r === null ? fail("division by the literal 0", e) : divide(l, r);
          case "^": {
            needDimensionless(r, e, "an exponent");
            if (l === null || isDimensionless(l)) return l;
            const k = constantValue(e.right);
            if (k === undefined) fail(`a base with unit ${show(l)} needs a constant exponent`, e);
            return power(l, k);
          }
        }
        break;
      }
      case "call": {
        const a = e.args.map(go);
        const fn = FUNCTION_ALIASES[e.fn] ?? e.fn; // power(V, 2) is pow(V, 2)
        switch (fn) {
          case "sqrt":
            return a[0] === null ? null : power(a[0], 0.5);
          case "root": {
            needDimensionless(a[0], e, "root's degree");
            const k = constantValue(e.args[0]);
            if (a[1] === null || isDimensionless(a[1])) return a[1];
            if (k === undefined) fail("root of a dimensioned value needs a constant degree", e);
            return power(a[1], 1 / k);
          }
          case "pow": {
            needDimensionless(a[1], e, "an exponent");
            if (a[0] === null || isDimensionless(a[0])) return a[0];
            const k = constantValue(e.args[1]);
            if (k === undefined) fail(`a base with unit ${show(a[0])} needs a constant exponent`, e);
            return power(a[0], k);
          }
          case "abs":
          case "floor":
          case "ceil":
            return a[0];
          case "sign":
            return DIMENSIONLESS;
          case "min":
          case "max":
            return a.reduce((acc, d) => same(acc, d, e, `${fn}() of`), null as Dim);
          case "hill":
            same(a[0], a[1], e, "hill(x, K, n) needs x and K alike, got");
            needDimensionless(a[2], e, "hill's coefficient n");
            return DIMENSIONLESS;
          case "mm":
            same(a[0], a[1], e, "mm(x, K) needs x and K alike, got");
            return DIMENSIONLESS;
          default:
            for (const d of a) needDimensionless(d, e, `${e.fn}()`);
            return DIMENSIONLESS;
        }
      }
      case "cmp":
        same(go(e.left), go(e.right), e, "cannot compare");
        return DIMENSIONLESS;
      case "logic":
        for (const x of e.args) go(x);
        return DIMENSIONLESS;
      case "piecewise": {
        let d: Dim = null;
        for (const p of e.pieces) {
          go(p.cond);
          d = same(d, go(p.value), e, "piecewise values");
        }
        if (e.otherwise) d = same(d, go(e.otherwise), e, "piecewise values");
        return d;
      }
    }
    return DIMENSIONLESS;
  };
  return go(expr);
}

export type { Dims };
