/** fast-check generators of random expression trees (shared by the expression tests). */
import fc from "fast-check";
import type { Expr } from "../../../src/model/expr/ast.js";

const names = ["x", "y", "k_1", "Kd", "T2"];

/** Any tree that printExpr/parseExpr should round-trip (no NaN/Infinity literals, no neg of a literal folded). */
export const anyExpr: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc
      .double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })
      .map((v): Expr => ({ kind: "num", value: v === 0 ? 0 : v })),
    fc.constantFrom(...names).map((name): Expr => ({ kind: "sym", name })),
    tie("e").map((arg): Expr => ({ kind: "neg", arg })),
    fc
      .record({ op: fc.constantFrom("+", "-", "*", "/", "^" as const), left: tie("e"), right: tie("e") })
      .map((r): Expr => ({ kind: "bin", ...r }) as Expr),
    fc
      .record({ fn: fc.constantFrom("exp", "sin"), a: tie("e") })
      .map(({ fn, a }): Expr => ({ kind: "call", fn, args: [a] })),
    fc
      .array(tie("e"), { minLength: 1, maxLength: 3 })
      .map((args): Expr => ({ kind: "call", fn: "max", args })),
    fc.tuple(tie("e"), tie("e"), tie("e")).map((args): Expr => ({ kind: "call", fn: "hill", args })),
    fc
      .record({
        op: fc.constantFrom("<", "<=", ">", ">=", "==", "!=" as const),
        left: tie("e"),
        right: tie("e"),
      })
      .map((r): Expr => ({ kind: "cmp", ...r }) as Expr),
    fc
      .record({
        op: fc.constantFrom("and", "or", "xor" as const),
        args: fc.array(tie("e"), { minLength: 2, maxLength: 3 }),
      })
      .map((r): Expr => ({ kind: "logic", ...r }) as Expr),
    tie("e").map((a): Expr => ({ kind: "logic", op: "not", args: [a] })),
    fc
      .record({
        pieces: fc.array(
          fc.tuple(tie("e"), tie("e")).map(([value, cond]) => ({ value, cond })),
          { minLength: 1, maxLength: 2 },
        ),
        otherwise: fc.option(tie("e"), { nil: undefined }),
      })
      .map(
        (r): Expr =>
          r.otherwise
            ? { kind: "piecewise", pieces: r.pieces, otherwise: r.otherwise }
            : { kind: "piecewise", pieces: r.pieces },
      ),
  ),
})).e;

/** Smooth trees over x and y (for derivative checks): +, -, *, /, ^ with small integer exponents, smooth functions. */
export const smoothExpr: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: "small", maxDepth: 5 },
    fc.double({ min: 0.5, max: 3, noNaN: true }).map((value): Expr => ({ kind: "num", value })),
    fc.constantFrom("x", "y").map((name): Expr => ({ kind: "sym", name })),
    tie("e").map((arg): Expr => ({ kind: "neg", arg })),
    fc
      .record({ op: fc.constantFrom("+", "-", "*" as const), left: tie("e"), right: tie("e") })
      .map((r): Expr => ({ kind: "bin", ...r }) as Expr),
    tie("e").map(
      (e): Expr => ({
        kind: "bin",
        op: "/",
        left: e,
        right: { kind: "call", fn: "exp", args: [{ kind: "sym", name: "y" }] },
      }),
    ),
    fc
      .record({ b: tie("e"), n: fc.integer({ min: 1, max: 3 }) })
      .map(({ b, n }): Expr => ({ kind: "bin", op: "^", left: b, right: { kind: "num", value: n } })),
    fc
      .record({ fn: fc.constantFrom("sin", "cos", "tanh", "atan"), a: tie("e") })
      .map(({ fn, a }): Expr => ({ kind: "call", fn, args: [a] })),
    tie("e").map(
      (a): Expr => ({
        kind: "call",
        fn: "hill",
        args: [
          { kind: "call", fn: "exp", args: [a] },
          { kind: "num", value: 1.3 },
          { kind: "num", value: 2 },
        ],
      }),
    ),
    tie("e").map(
      (a): Expr => ({
        kind: "call",
        fn: "mm",
        args: [
          { kind: "call", fn: "exp", args: [a] },
          { kind: "sym", name: "x" },
        ],
      }),
    ),
  ),
})).e;
