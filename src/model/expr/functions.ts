/**
 * The one table of built-in functions. Parsing, JavaScript emission, interpreted evaluation and
 * symbolic differentiation all read it, so adding a function is adding one row:
 *   name, arity, `js` (JS source from argument sources), `evaluate`, and `partials` (the partial
 *   derivative with respect to each argument, as expressions) — omit `partials` for a function that
 *   has none (e.g. factorial): differentiate() then throws NotDifferentiableError and the compiler falls
 *   back to finite differences for the affected Jacobian entries.
 * Emitted JS uses only `Math` plus, for a few rows, the runtime object bound to the name `Fn`
 * (FUNCTION_RUNTIME); see emit.ts `compileExprFunction`.
 * Browser-safe.
 */
import type { Expr } from "./ast.js";
import { add, call, cmp, div, ifElse, mul, neg, num, pow, sub } from "./build.js";

export interface FunctionDef {
  name: string;
  /** Fixed arity, or [min, max] (max may be Infinity). */
  arity: number | [number, number];
  /** JS source computing the function from its argument sources (already parenthesised). */
  js(args: string[]): string;
  evaluate(args: number[]): number;
  /** ∂f/∂args[i] for each i, as expressions over the argument expressions. Absent: not differentiable. */
  partials?(args: Expr[]): Expr[];
  description: string;
}

function factorial(x: number): number {
  if (!(x >= 0) || Math.floor(x) !== x) return Number.NaN;
  let r = 1;
  for (let k = 2; k <= x; k++) r *= k;
  return r;
}

/** Helpers referenced from emitted code as `Fn.<name>`. */
export const FUNCTION_RUNTIME = {
  factorial,
  /** x clamped at 0: solver stage values may dip below 0, and (−x)^n is NaN for non-integer n. */
  hill(x: number, k: number, n: number): number {
    const xn = Math.max(x, 0) ** n;
    return xn / (k ** n + xn);
  },
  /** x clamped at 0, so x = −K (a slightly negative stage value) cannot divide by zero. */
  mm(x: number, k: number): number {
    const xc = Math.max(x, 0);
    return xc / (k + xc);
  },
} as const;

const m1 = (name: string) => (a: string[]) => `Math.${name}(${a[0]})`;
const one = num(1);
const two = num(2);

const rows: FunctionDef[] = [
  {
    name: "exp",
    arity: 1,
    js: m1("exp"),
    evaluate: (a) => Math.exp(a[0]),
    partials: (a) => [call("exp", a[0])],
    description: "e^x",
  },
  {
    name: "ln",
    arity: 1,
    js: m1("log"),
    evaluate: (a) => Math.log(a[0]),
    partials: (a) => [div(one, a[0])],
    description: "natural logarithm",
  },
  {
    name: "log",
    arity: [1, 2],
    js: (a) => (a.length === 1 ? `Math.log(${a[0]})` : `(Math.log(${a[1]})/Math.log(${a[0]}))`),
    evaluate: (a) => (a.length === 1 ? Math.log(a[0]) : Math.log(a[1]) / Math.log(a[0])),
    partials: (a) =>
      a.length === 1
        ? [div(one, a[0])]
        : [
            neg(div(call("ln", a[1]), mul(a[0], pow(call("ln", a[0]), two)))),
            div(one, mul(a[1], call("ln", a[0]))),
          ],
    description: "log(x): natural logarithm; log(b, x): logarithm of x to base b (SBML convention)",
  },
  {
    name: "log10",
    arity: 1,
    js: m1("log10"),
    evaluate: (a) => Math.log10(a[0]),
    partials: (a) => [div(one, mul(a[0], num(Math.LN10)))],
    description: "base-10 logarithm",
  },
  {
    name: "log2",
    arity: 1,
    js: m1("log2"),
    evaluate: (a) => Math.log2(a[0]),
    partials: (a) => [div(one, mul(a[0], num(Math.LN2)))],
    description: "base-2 logarithm",
  },
  {
    name: "sqrt",
    arity: 1,
    js: m1("sqrt"),
    evaluate: (a) => Math.sqrt(a[0]),
    partials: (a) => [div(one, mul(two, call("sqrt", a[0])))],
    description: "square root",
  },
  {
    name: "root",
    arity: 2,
    js: (a) => `Math.pow(${a[1]}, 1/(${a[0]}))`,
    evaluate: (a) => a[1] ** (1 / a[0]),
    partials: (a) => {
      const r = call("root", a[0], a[1]);
      return [neg(div(mul(r, call("ln", a[1])), pow(a[0], two))), div(r, mul(a[0], a[1]))];
    },
    description: "root(n, x): n-th root of x",
  },
  {
    name: "abs",
    arity: 1,
    js: m1("abs"),
    evaluate: (a) => Math.abs(a[0]),
    partials: (a) => [call("sign", a[0])],
    description: "absolute value",
  },
  {
    name: "sign",
    arity: 1,
    js: m1("sign"),
    evaluate: (a) => Math.sign(a[0]),
    partials: () => [num(0)],
    description: "sign (-1, 0, 1)",
  },
  {
    name: "pow",
    arity: 2,
    js: (a) => `Math.pow(${a[0]}, ${a[1]})`,
    evaluate: (a) => a[0] ** a[1],
    partials: (a) => [mul(a[1], pow(a[0], sub(a[1], one))), mul(pow(a[0], a[1]), call("ln", a[0]))],
    description: "pow(x, y) = x^y",
  },
  {
    name: "min",
    arity: [1, Number.POSITIVE_INFINITY],
    js: (a) => `Math.min(${a.join(", ")})`,
    evaluate: (a) => Math.min(...a),
    partials: (a) => a.map((_, i) => isArgMin(a, i, "<")),
    description: "smallest argument",
  },
  {
    name: "max",
    arity: [1, Number.POSITIVE_INFINITY],
    js: (a) => `Math.max(${a.join(", ")})`,
    evaluate: (a) => Math.max(...a),
    partials: (a) => a.map((_, i) => isArgMin(a, i, ">")),
    description: "largest argument",
  },
  {
    name: "floor",
    arity: 1,
    js: m1("floor"),
    evaluate: (a) => Math.floor(a[0]),
    partials: () => [num(0)],
    description: "round down",
  },
  {
    name: "ceil",
    arity: 1,
    js: m1("ceil"),
    evaluate: (a) => Math.ceil(a[0]),
    partials: () => [num(0)],
    description: "round up",
  },
  {
    name: "factorial",
    arity: 1,
    js: (a) => `Fn.factorial(${a[0]})`,
    evaluate: (a) => factorial(a[0]),
    description: "n! for a non-negative integer n",
  },
  trig(
    "sin",
    (x) => Math.sin(x),
    (a) => call("cos", a),
  ),
  trig(
    "cos",
    (x) => Math.cos(x),
    (a) => neg(call("sin", a)),
  ),
  trig(
    "tan",
    (x) => Math.tan(x),
    (a) => pow(call("sec", a), two),
  ),
  trig(
    "sec",
    (x) => 1 / Math.cos(x),
    (a) => mul(call("sec", a), call("tan", a)),
    "(1/Math.cos(X))",
  ),
  trig(
    "csc",
    (x) => 1 / Math.sin(x),
    (a) => neg(mul(call("csc", a), call("cot", a))),
    "(1/Math.sin(X))",
  ),
  trig(
    "cot",
    (x) => 1 / Math.tan(x),
    (a) => neg(pow(call("csc", a), two)),
    "(1/Math.tan(X))",
  ),
  trig(
    "sinh",
    (x) => Math.sinh(x),
    (a) => call("cosh", a),
  ),
  trig(
    "cosh",
    (x) => Math.cosh(x),
    (a) => call("sinh", a),
  ),
  trig(
    "tanh",
    (x) => Math.tanh(x),
    (a) => pow(call("sech", a), two),
  ),
  trig(
    "sech",
    (x) => 1 / Math.cosh(x),
    (a) => neg(mul(call("sech", a), call("tanh", a))),
    "(1/Math.cosh(X))",
  ),
  trig(
    "csch",
    (x) => 1 / Math.sinh(x),
    (a) => neg(mul(call("csch", a), call("coth", a))),
    "(1/Math.sinh(X))",
  ),
  trig(
    "coth",
    (x) => 1 / Math.tanh(x),
    (a) => neg(pow(call("csch", a), two)),
    "(1/Math.tanh(X))",
  ),
  trig(
    "asin",
    (x) => Math.asin(x),
    (a) => div(one, call("sqrt", sub(one, pow(a, two)))),
  ),
  trig(
    "acos",
    (x) => Math.acos(x),
    (a) => neg(div(one, call("sqrt", sub(one, pow(a, two))))),
  ),
  trig(
    "atan",
    (x) => Math.atan(x),
    (a) => div(one, add(one, pow(a, two))),
  ),
  trig(
    "asinh",
    (x) => Math.asinh(x),
    (a) => div(one, call("sqrt", add(pow(a, two), one))),
  ),
  trig(
    "acosh",
    (x) => Math.acosh(x),
    (a) => div(one, call("sqrt", sub(pow(a, two), one))),
  ),
  trig(
    "atanh",
    (x) => Math.atanh(x),
    (a) => div(one, sub(one, pow(a, two))),
  ),
  trig(
    "asec",
    (x) => Math.acos(1 / x),
    (a) => div(one, mul(call("abs", a), call("sqrt", sub(pow(a, two), one)))),
    "Math.acos(1/(X))",
  ),
  trig(
    "acsc",
    (x) => Math.asin(1 / x),
    (a) => neg(div(one, mul(call("abs", a), call("sqrt", sub(pow(a, two), one))))),
    "Math.asin(1/(X))",
  ),
  trig(
    "acot",
    (x) => Math.atan(1 / x),
    (a) => neg(div(one, add(one, pow(a, two)))),
    "Math.atan(1/(X))",
  ),
  trig(
    "asech",
    (x) => Math.acosh(1 / x),
    (a) => neg(div(one, mul(a, call("sqrt", sub(one, pow(a, two)))))),
    "Math.acosh(1/(X))",
  ),
  trig(
    "acsch",
    (x) => Math.asinh(1 / x),
    (a) => neg(div(one, mul(call("abs", a), call("sqrt", add(one, pow(a, two)))))),
    "Math.asinh(1/(X))",
  ),
  trig(
    "acoth",
    (x) => Math.atanh(1 / x),
    (a) => div(one, sub(one, pow(a, two))),
    "Math.atanh(1/(X))",
  ),
  {
    name: "hill",
    arity: 3,
    js: (a) => `Fn.hill(${a.join(", ")})`,
    evaluate: (a) => FUNCTION_RUNTIME.hill(a[0], a[1], a[2]),
    partials: (a) => {
      const [x, k, n] = a;
      const h = call("hill", x, k, n);
      const xc = call("max", x, num(0)); // the clamp of FUNCTION_RUNTIME.hill
      const denom2 = pow(add(pow(k, n), pow(xc, n)), two); // (K^n + x^n)^2
      // written without division by x or K so that x = 0 gives 0 (n > 1), not 0/0; 0 below x = 0
      return [
        ifElse(cmp(">=", x, num(0)), div(mul(mul(n, pow(x, sub(n, one))), pow(k, n)), denom2), num(0)),
        neg(div(mul(mul(n, pow(k, sub(n, one))), pow(xc, n)), denom2)),
        ifElse(cmp(">", x, num(0)), mul(mul(h, sub(one, h)), sub(call("ln", x), call("ln", k))), num(0)),
      ];
    },
    description: "hill(x, K, n) = x^n/(K^n + x^n): Hill activation, 1/2 at x = K; x < 0 counts as 0",
  },
  {
    name: "mm",
    arity: 2,
    js: (a) => `Fn.mm(${a.join(", ")})`,
    evaluate: (a) => FUNCTION_RUNTIME.mm(a[0], a[1]),
    partials: (a) => {
      const [x, k] = a;
      const xc = call("max", x, num(0)); // the clamp of FUNCTION_RUNTIME.mm
      return [
        ifElse(cmp(">=", x, num(0)), div(k, pow(add(k, x), two)), num(0)),
        neg(div(xc, pow(add(k, xc), two))),
      ];
    },
    description: "mm(x, K) = x/(K + x): Michaelis–Menten saturation, 1/2 at x = K; x < 0 counts as 0",
  },
  {
    name: "rem",
    arity: 2,
    js: (a) => `(${a[0]} % ${a[1]})`,
    evaluate: (a) => a[0] % a[1],
    partials: (a) => [one, neg(call("quotient", a[0], a[1]))],
    description: "rem(a, b): remainder of a/b with the sign of a (MathML rem, SBML L3V2)",
  },
  {
    name: "quotient",
    arity: 2,
    js: (a) => `Math.trunc(${a[0]} / ${a[1]})`,
    evaluate: (a) => Math.trunc(a[0] / a[1]),
    partials: () => [num(0), num(0)],
    description: "quotient(a, b): integer part of a/b, rounded toward zero (MathML quotient, SBML L3V2)",
  },
];

/** d/dx of min/max with respect to argument i: 1 where argument i is the first extremal one, else 0. */
function isArgMin(a: Expr[], i: number, better: "<" | ">"): Expr {
  if (a.length === 1) return one;
  let cond: Expr | undefined;
  for (let j = 0; j < a.length; j++) {
    if (j === i) continue;
    const c = cmp(j < i ? better : better === "<" ? "<=" : ">=", a[i], a[j]);
    cond = cond ? { kind: "logic", op: "and", args: [cond, c] } : c;
  }
  return ifElse(cond ?? one, one, num(0));
}

function trig(
  name: string,
  f: (x: number) => number,
  d: (a: Expr) => Expr,
  jsTemplate?: string,
): FunctionDef {
  return {
    name,
    arity: 1,
    js: jsTemplate ? (a) => jsTemplate.replace("X", a[0]) : m1(name),
    evaluate: (a) => f(a[0]),
    partials: (a) => [d(a[0])],
    description: name,
  };
}

/** Alternative names (MathML / other tools) mapped to the table's name. */
export const FUNCTION_ALIASES: Record<string, string> = {
  arcsin: "asin",
  arccos: "acos",
  arctan: "atan",
  arcsinh: "asinh",
  arccosh: "acosh",
  arctanh: "atanh",
  arcsec: "asec",
  arccsc: "acsc",
  arccot: "acot",
  arcsech: "asech",
  arccsch: "acsch",
  arccoth: "acoth",
  ceiling: "ceil",
  power: "pow",
};

const table = new Map<string, FunctionDef>(rows.map((r) => [r.name, r]));

/** The definition of a built-in function (aliases accepted), or undefined. */
export function builtinFunction(name: string): FunctionDef | undefined {
  return table.get(FUNCTION_ALIASES[name] ?? name);
}

/** Every built-in function, in table order. */
export function builtinFunctions(): readonly FunctionDef[] {
  return rows;
}

/** Whether `count` arguments suit the function's arity. */
export function arityAccepts(def: FunctionDef, count: number): boolean {
  if (typeof def.arity === "number") return count === def.arity;
  return count >= def.arity[0] && count <= def.arity[1];
}

/** Human wording of an arity, for error messages. */
export function describeArity(def: FunctionDef): string {
  if (typeof def.arity === "number") return `${def.arity} argument${def.arity === 1 ? "" : "s"}`;
  const [lo, hi] = def.arity;
  return hi === Number.POSITIVE_INFINITY ? `at least ${lo} argument(s)` : `${lo} to ${hi} arguments`;
}

/**
 * Named constants a symbol may resolve to when no declaration of that name exists
 * (MathML's pi, exponentiale, true, false, infinity, notanumber).
 */
export const BUILTIN_CONSTANTS: Readonly<Record<string, number>> = {
  pi: Math.PI,
  exponentiale: Math.E,
  true: 1,
  false: 0,
  infinity: Number.POSITIVE_INFINITY,
  notanumber: Number.NaN,
};
