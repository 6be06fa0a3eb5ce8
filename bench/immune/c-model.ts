/**
 * C source for a compiled model's right-hand side, Jacobian (structural nonzeros, chain rule through
 * observables, as src/model/codegen.ts does for JavaScript) and events, from the same analysis
 * (analyzeModel) and expression trees the model compiler uses: for bench/immune/cvode_immune.c, the
 * SUNDIALS CVODE reference of the immune benchmark. Bench-only code (not part of the library).
 *
 * Semantics follow src/model/expr/emit.ts (emitJs) and src/model/expr/functions.ts: comparisons and logic
 * yield 1/0; a piecewise without `otherwise` is NaN when no condition holds; hill and mm clamp x at 0;
 * min/max propagate NaN like Math.min/Math.max; `^` and pow follow Math.pow's special cases. Each rate
 * is computed once and accumulated with its stoichiometric factors in the order codegen.ts uses, so
 * the C right-hand side reproduces the JavaScript one to round-off.
 */
import type { ModelAnalysis } from "../../src/model/analyze.js";
import {
  type Holder,
  jacobianStatements,
  rhsStatements,
  type SourceTarget,
  resolver as sharedResolver,
} from "../../src/model/codegen.js";
import type { Expr } from "../../src/model/expr/ast.js";
import { NotDifferentiableError } from "../../src/model/expr/derivative.js";

/** A C double literal that parses to exactly v (shortest round-trip digits; always a double). */
export function cNumber(v: number): string {
  if (Number.isNaN(v)) return "NAN";
  if (v === Number.POSITIVE_INFINITY) return "INFINITY";
  if (v === Number.NEGATIVE_INFINITY) return "(-INFINITY)";
  if (Object.is(v, -0)) return "(-0.0)";
  let s = String(v);
  if (!/[.eE]/.test(s)) s += ".0";
  return v < 0 ? `(${s})` : s;
}

/** C helpers with the semantics of the JavaScript runtime (Math.* and FUNCTION_RUNTIME). */
export const C_RUNTIME = `
static inline double cx_max2(double a, double b) { return (a != a || b != b) ? NAN : (a > b ? a : (b > a ? b : (signbit(a) ? b : a))); }
static inline double cx_min2(double a, double b) { return (a != a || b != b) ? NAN : (a < b ? a : (b < a ? b : (signbit(a) ? a : b))); }
/* Math.pow: NaN exponent gives NaN (C: pow(1, NaN) = 1); |x| = 1 with infinite exponent gives NaN */
static inline double cx_pow(double x, double y) {
  if (y != y) return NAN;
  if (isinf(y) && fabs(x) == 1.0) return NAN;
  return pow(x, y);
}
static inline double cx_sign(double x) { return x > 0 ? 1.0 : (x < 0 ? -1.0 : x); }
static inline double cx_hill(double x, double k, double n) { double xn = cx_pow(cx_max2(x, 0.0), n); return xn / (cx_pow(k, n) + xn); }
static inline double cx_mm(double x, double k) { double xc = cx_max2(x, 0.0); return xc / (k + xc); }
static inline double cx_factorial(double x) {
  if (!(x >= 0) || floor(x) != x) return NAN;
  double r = 1.0;
  for (double k = 2; k <= x; k++) r *= k;
  return r;
}
`;

const fold = (args: string[], f: string): string =>
  args.length === 1 ? `(${args[0]} + 0.0)` : args.slice(1).reduce((acc, a) => `${f}(${acc}, ${a})`, args[0]);

/** C source of a built-in call from its argument sources (as functions.ts defines each function). */
function cCall(fn: string, a: string[]): string {
  const name = { arcsin: "asin", arccos: "acos", arctan: "atan", ceiling: "ceil", power: "pow" }[fn] ?? fn;
  switch (name) {
    case "exp":
    case "sqrt":
    case "floor":
    case "ceil":
    case "sin":
    case "cos":
    case "tan":
    case "sinh":
    case "cosh":
    case "tanh":
    case "asin":
    case "acos":
    case "atan":
    case "asinh":
    case "acosh":
    case "atanh":
    case "log10":
    case "log2":
      return `${name}(${a[0]})`;
    case "abs":
      return `fabs(${a[0]})`;
    case "ln":
      return `log(${a[0]})`;
    case "log":
      return a.length === 1 ? `log(${a[0]})` : `(log(${a[1]})/log(${a[0]}))`;
    case "root":
      return `cx_pow(${a[1]}, 1.0/(${a[0]}))`;
    case "sign":
      return `cx_sign(${a[0]})`;
    case "pow":
      return `cx_pow(${a[0]}, ${a[1]})`;
    case "min":
      return fold(a, "cx_min2");
    case "max":
      return fold(a, "cx_max2");
    case "factorial":
      return `cx_factorial(${a[0]})`;
    case "sec":
      return `(1.0/cos(${a[0]}))`;
    case "csc":
      return `(1.0/sin(${a[0]}))`;
    case "cot":
      return `(1.0/tan(${a[0]}))`;
    case "sech":
      return `(1.0/cosh(${a[0]}))`;
    case "csch":
      return `(1.0/sinh(${a[0]}))`;
    case "coth":
      return `(1.0/tanh(${a[0]}))`;
    case "asec":
      return `acos(1.0/(${a[0]}))`;
    case "acsc":
      return `asin(1.0/(${a[0]}))`;
    case "acot":
      return `atan(1.0/(${a[0]}))`;
    case "asech":
      return `acosh(1.0/(${a[0]}))`;
    case "acsch":
      return `asinh(1.0/(${a[0]}))`;
    case "acoth":
      return `atanh(1.0/(${a[0]}))`;
    case "hill":
      return `cx_hill(${a.join(", ")})`;
    case "mm":
      return `cx_mm(${a.join(", ")})`;
    case "rem":
      return `fmod(${a[0]}, ${a[1]})`;
    case "quotient":
      return `trunc(${a[0]} / ${a[1]})`;
    default:
      throw new Error(`bench/immune/c-model.ts: no C form for the built-in function ${fn}()`);
  }
}

const truth = (s: string) => `(${s} != 0)`;

/** Expression tree → C source (fully parenthesised), symbols through `resolve`. */
export function emitC(expr: Expr, resolve: (name: string) => string): string {
  const go = (e: Expr): string => {
    switch (e.kind) {
      case "num":
        return cNumber(e.value);
      case "sym":
        return resolve(e.name);
      case "neg":
        return `(-${go(e.arg)})`;
      case "bin": {
        const l = go(e.left);
        const r = go(e.right);
        return e.op === "^" ? `cx_pow(${l}, ${r})` : `(${l} ${e.op} ${r})`;
      }
      case "call":
        return cCall(e.fn, e.args.map(go));
      case "cmp":
        return `(${go(e.left)} ${e.op} ${go(e.right)} ? 1.0 : 0.0)`;
      case "logic": {
        const args = e.args.map((a) => truth(go(a)));
        if (e.op === "not") return `(${args[0]} ? 0.0 : 1.0)`;
        if (e.op === "xor") return `fmod(${args.map((a) => `(${a} ? 1.0 : 0.0)`).join(" + ")}, 2.0)`;
        return `(${args.join(e.op === "and" ? " && " : " || ")} ? 1.0 : 0.0)`;
      }
      case "piecewise": {
        let out = e.otherwise ? go(e.otherwise) : "NAN";
        for (let k = e.pieces.length - 1; k >= 0; k--)
          out = `(${truth(go(e.pieces[k].cond))} ? ${go(e.pieces[k].value)} : ${out})`;
        return out;
      }
    }
  };
  return go(expr);
}

/** C as a target of the shared code-generation helpers of src/model/codegen.ts. */
const C_TARGET: SourceTarget = { emit: emitC, number: cNumber };
/** Intermediate values as C locals. */
const C_LOCALS: Holder = { ref: (l) => l, def: (l, e) => `const double ${l} = ${e};`, size: () => 0 };
const resolver = (a: ModelAnalysis, extra?: Map<string, string>) => sharedResolver(a, extra, C_TARGET);

export interface CModel {
  /** C translation unit: model_rhs, model_jac (null body when not differentiable), model_event, tables. */
  source: string;
  n: number;
  /** Jacobian nonzeros (row, col), in the order model_jac writes its values; empty without Jacobian. */
  pattern: { rows: number[]; cols: number[] };
  /** Event names in the order of model_event's `kind` argument, with their argument names. */
  events: { name: string; args: string[] }[];
  hasJacobian: boolean;
}

/**
 * Jacobian body: values of the structural nonzeros into jv[] (pattern order), by codegen.ts's chain rule
 * through observables written as C; null when a rate has no derivative (no finite differences here).
 */
function jacobianBody(a: ModelAnalysis): { lines: string[]; keys: number[] } | null {
  try {
    const j = jacobianStatements(a, C_LOCALS, {
      target: C_TARGET,
      assign: (_key, index, sum) => `jv[${index}] = ${sum};`,
      finiteDifferences: false,
    });
    return { lines: j.statements, keys: j.pattern };
  } catch (err) {
    if (err instanceof NotDifferentiableError) return null;
    throw err;
  }
}

export function generateC(a: ModelAnalysis): CModel {
  const n = a.species.length;
  const lines: string[] = [
    "/* Generated by bench/immune/c-model.ts from the model's analysis; do not edit. */",
    "#include <math.h>",
    C_RUNTIME,
    `#define MODEL_N ${n}`,
  ];

  // right-hand side: needed observables, each rate once, then the sums (as codegen.ts rhsStatements)
  lines.push(
    "static void model_rhs(double t, const double *restrict y, double *restrict dydt, const double *restrict p) {",
    "  (void)t;",
  );
  for (const st of rhsStatements(a, C_LOCALS, C_TARGET)) lines.push(`  ${st}`);
  lines.push("}");

  // Jacobian
  const jac = jacobianBody(a);
  const keys = jac?.keys ?? [];
  lines.push(`#define MODEL_NNZ ${keys.length}`, `#define MODEL_HAS_JAC ${jac ? 1 : 0}`);
  lines.push(
    `static const int model_jac_rows[${Math.max(keys.length, 1)}] = {${keys.map((k) => Math.floor(k / n)).join(",") || "0"}};`,
    `static const int model_jac_cols[${Math.max(keys.length, 1)}] = {${keys.map((k) => k % n).join(",") || "0"}};`,
    "static void model_jac(double t, const double *restrict y, double *restrict jv, const double *restrict p) {",
    "  (void)t; (void)y; (void)jv; (void)p;",
    ...(jac?.lines ?? []).map((l) => `  ${l}`),
    "}",
  );

  // events: assignments evaluated on the pre-event state, then written (as codegen.ts)
  lines.push(
    `#define MODEL_EVENTS ${a.events.length}`,
    "static int model_event(int kind, double t, double *restrict y, const double *restrict p, const double *restrict a) {",
    "  (void)t; (void)p; (void)a;",
    "  switch (kind) {",
  );
  a.events.forEach((ev, k) => {
    const evResolve = resolver(a, new Map(ev.args.map((arg, m) => [arg.name, `a[${m}]`])));
    lines.push(`  case ${k}: { /* ${ev.decl.name} */`);
    ev.assign.forEach((as, m) => {
      const scale = a.species[as.species].unit.scale;
      const v = emitC(as.base, evResolve);
      lines.push(`    const double v${m} = ${scale === 1 ? v : `(${v}) / ${cNumber(scale)}`};`);
    });
    ev.assign.forEach((as, m) => {
      lines.push(`    y[${as.species}] = v${m};`);
    });
    lines.push("    return 0; }");
  });
  lines.push("  default: return -1;", "  }", "}");
  return {
    source: `${lines.join("\n")}\n`,
    n,
    pattern: { rows: keys.map((k) => Math.floor(k / n)), cols: keys.map((k) => k % n) },
    events: a.events.map((e) => ({ name: e.decl.name, args: e.args.map((x) => x.name) })),
    hasJacobian: jac !== null,
  };
}
