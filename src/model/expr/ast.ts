/**
 * Expression trees shared by the model language (rate laws written as text) and SBML import (MathML).
 * One representation, one compiler: both front ends produce these nodes.
 */
export type Expr =
  | { kind: "num"; value: number }
  /** A name: species, parameter, compartment, observable, local binding, or the reserved `t` (time). */
  | { kind: "sym"; name: string }
  | { kind: "neg"; arg: Expr }
  | { kind: "bin"; op: "+" | "-" | "*" | "/" | "^"; left: Expr; right: Expr }
  /** Built-in function call: exp, log, ln, log10, sqrt, abs, min, max, pow, hill, sin, cos, tan, ... */
  | { kind: "call"; fn: string; args: Expr[] }
  /** Comparison and logic yield 1 or 0. */
  | { kind: "cmp"; op: "<" | "<=" | ">" | ">=" | "==" | "!="; left: Expr; right: Expr }
  | { kind: "logic"; op: "and" | "or" | "xor" | "not"; args: Expr[] }
  /** piecewise(value1, cond1, value2, cond2, ..., otherwise?) */
  | { kind: "piecewise"; pieces: { value: Expr; cond: Expr }[]; otherwise?: Expr };
