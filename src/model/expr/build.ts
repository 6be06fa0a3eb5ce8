/** Constructors for expression nodes (used by derivative rules and simplification). */
import type { Expr } from "./ast.js";

export const num = (value: number): Expr => ({ kind: "num", value });
export const sym = (name: string): Expr => ({ kind: "sym", name });
export const neg = (arg: Expr): Expr => ({ kind: "neg", arg });
export const add = (left: Expr, right: Expr): Expr => ({ kind: "bin", op: "+", left, right });
export const sub = (left: Expr, right: Expr): Expr => ({ kind: "bin", op: "-", left, right });
export const mul = (left: Expr, right: Expr): Expr => ({ kind: "bin", op: "*", left, right });
export const div = (left: Expr, right: Expr): Expr => ({ kind: "bin", op: "/", left, right });
export const pow = (left: Expr, right: Expr): Expr => ({ kind: "bin", op: "^", left, right });
export const call = (fn: string, ...args: Expr[]): Expr => ({ kind: "call", fn, args });
export const cmp = (op: "<" | "<=" | ">" | ">=" | "==" | "!=", left: Expr, right: Expr): Expr => ({
  kind: "cmp",
  op,
  left,
  right,
});
/** piecewise(value if cond, else otherwise). */
export const ifElse = (cond: Expr, value: Expr, otherwise: Expr): Expr => ({
  kind: "piecewise",
  pieces: [{ value, cond }],
  otherwise,
});
