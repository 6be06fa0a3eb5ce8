/**
 * MathML (the subset SBML Levels 2 and 3 allow) → the shared expression tree `Expr`.
 * Function definitions are inlined (their lambda bodies substituted), csymbols become reserved symbols
 * (`@time`, `@avogadro`) or the special calls `delay(x, d)` and `rateOf(x)`, which the SBML compiler
 * lowers itself. Units on `cn` are ignored (they carry no value). Browser-safe.
 */
import { InputError } from "../errors.js";
import type { Expr } from "../model/expr/ast.js";
import { MATHML_UNARY_FUNCTIONS } from "../model/expr/mathml-names.js";
import type { XmlElement } from "./xml-tree.js";

/** Reserved symbol for simulation time (`csymbol .../time`); not a valid SBML SId, so it cannot clash. */
export const TIME_SYMBOL = "@time";
/** Avogadro's constant as the SBML L3 specification fixes it (L3V1 section 3.4.6; CODATA 2006). */
export const AVOGADRO = 6.02214179e23;

const CSYMBOL_TIME = "http://www.sbml.org/sbml/symbols/time";
const CSYMBOL_DELAY = "http://www.sbml.org/sbml/symbols/delay";
const CSYMBOL_AVOGADRO = "http://www.sbml.org/sbml/symbols/avogadro";
const CSYMBOL_RATEOF = "http://www.sbml.org/sbml/symbols/rateOf";

const RELATIONS: Record<string, "<" | "<=" | ">" | ">=" | "==" | "!="> = {
  lt: "<",
  leq: "<=",
  gt: ">",
  geq: ">=",
  eq: "==",
  neq: "!=",
};

/** Where a piece of MathML sits, for error messages ("reaction R1 kinetic law"). */
export interface MathContext {
  where: string;
  /** Function definitions by id: raw lambda elements, converted lazily. */
  functions: Map<string, XmlElement>;
  /** Cache of converted function definitions. */
  converted?: Map<string, { args: string[]; body: Expr }>;
}

const num = (value: number): Expr => ({ kind: "num", value });

/** Converts the content of a `<math>` element (its single child) into an Expr. */
export function mathToExpr(math: XmlElement, ctx: MathContext): Expr {
  const kids = math.children.filter((c) => c.name !== "annotation" && c.name !== "annotation-xml");
  if (kids.length !== 1)
    throw new InputError(`${ctx.where} math`, kids.length, "exactly one MathML expression");
  return convert(kids[0] as XmlElement, ctx);
}

/** Converts a function definition's `<math><lambda>` into its argument names and body. */
export function lambdaOf(id: string, ctx: MathContext): { args: string[]; body: Expr } {
  ctx.converted ??= new Map();
  const cached = ctx.converted.get(id);
  if (cached) return cached;
  const math = ctx.functions.get(id);
  if (!math) throw new InputError(`${ctx.where}`, id, "a defined function");
  const lambda = math.children.find((c) => c.name === "lambda" || c.name === "semantics");
  const lam = lambda?.name === "semantics" ? lambda.children.find((c) => c.name === "lambda") : lambda;
  if (!lam) throw new InputError(`functionDefinition ${id}`, "no lambda", "a <lambda> element");
  const args: string[] = [];
  let bodyEl: XmlElement | undefined;
  for (const c of lam.children) {
    if (c.name === "bvar") {
      const ci = c.children.find((x) => x.name === "ci");
      if (!ci) throw new InputError(`functionDefinition ${id} bvar`, "empty", "a <ci> name");
      args.push(ci.text);
    } else bodyEl = c;
  }
  if (!bodyEl) throw new InputError(`functionDefinition ${id}`, "no body", "a lambda body");
  // Guard against recursion while converting the body.
  ctx.converted.set(id, { args, body: num(Number.NaN) });
  const body = convert(bodyEl, { ...ctx, where: `functionDefinition ${id}` });
  const result = { args, body };
  ctx.converted.set(id, result);
  return result;
}

function convert(el: XmlElement, ctx: MathContext): Expr {
  switch (el.name) {
    case "cn":
      return num(parseCn(el, ctx));
    case "ci":
      return { kind: "sym", name: el.text };
    case "true":
      return num(1);
    case "false":
      return num(0);
    case "pi":
      return num(Math.PI);
    case "exponentiale":
      return num(Math.E);
    case "infinity":
      return num(Number.POSITIVE_INFINITY);
    case "notanumber":
      return num(Number.NaN);
    case "csymbol":
      return csymbolValue(el, ctx);
    case "semantics": {
      const first = el.children.find((c) => c.name !== "annotation" && c.name !== "annotation-xml");
      if (!first) throw new InputError(`${ctx.where} semantics`, "empty", "a MathML expression");
      return convert(first, ctx);
    }
    case "piecewise":
      return piecewise(el, ctx);
    case "apply":
      return apply(el, ctx);
    default:
      throw new InputError(`${ctx.where} MathML`, `<${el.name}>`, "a supported MathML element");
  }
}

function parseCn(el: XmlElement, ctx: MathContext): number {
  const type = el.attrs.type ?? "real";
  const parts = el.textParts.filter((p) => p.length > 0);
  const parseNumber = (s: string): number => {
    const t = s.trim();
    if (/^[-+]?inf(inity)?$/i.test(t)) return t.startsWith("-") ? -Infinity : Infinity;
    if (/^nan$/i.test(t)) return Number.NaN;
    const v = Number(t);
    if (t === "" || Number.isNaN(v)) throw new InputError(`${ctx.where} <cn>`, s, "a number");
    return v;
  };
  if (type === "e-notation") {
    if (parts.length !== 2)
      throw new InputError(`${ctx.where} <cn type="e-notation">`, el.text, "mantissa <sep/> exponent");
    return parseNumber(`${parts[0]}e${parts[1]}`);
  }
  if (type === "rational") {
    if (parts.length !== 2)
      throw new InputError(`${ctx.where} <cn type="rational">`, el.text, "numerator <sep/> denominator");
    return parseNumber(parts[0] as string) / parseNumber(parts[1] as string);
  }
  if (type === "integer" || type === "real" || type === "double") return parseNumber(el.text);
  throw new InputError(`${ctx.where} <cn type>`, type, "integer, real, double, e-notation or rational");
}

function csymbolValue(el: XmlElement, ctx: MathContext): Expr {
  const url = (el.attrs.definitionURL ?? "").trim();
  if (url === CSYMBOL_TIME) return { kind: "sym", name: TIME_SYMBOL };
  if (url === CSYMBOL_AVOGADRO) return num(AVOGADRO);
  throw new InputError(`${ctx.where} csymbol`, url, "time or avogadro (delay and rateOf only as functions)");
}

function piecewise(el: XmlElement, ctx: MathContext): Expr {
  const pieces: { value: Expr; cond: Expr }[] = [];
  let otherwise: Expr | undefined;
  for (const c of el.children) {
    if (c.name === "piece") {
      const [v, cond] = c.children;
      if (!v || !cond)
        throw new InputError(`${ctx.where} <piece>`, c.children.length, "a value and a condition");
      pieces.push({ value: convert(v, ctx), cond: convert(cond, ctx) });
    } else if (c.name === "otherwise") {
      const v = c.children[0];
      if (!v) throw new InputError(`${ctx.where} <otherwise>`, "empty", "a value");
      otherwise = convert(v, ctx);
    }
  }
  return otherwise === undefined ? { kind: "piecewise", pieces } : { kind: "piecewise", pieces, otherwise };
}

function chainRelation(op: "<" | "<=" | ">" | ">=" | "==" | "!=", args: Expr[], ctx: MathContext): Expr {
  if (args.length < 2) throw new InputError(`${ctx.where} relation`, args.length, "at least two arguments");
  const cmps: Expr[] = [];
  for (let i = 0; i + 1 < args.length; i++) {
    cmps.push({ kind: "cmp", op, left: args[i] as Expr, right: args[i + 1] as Expr });
  }
  return cmps.length === 1 ? (cmps[0] as Expr) : { kind: "logic", op: "and", args: cmps };
}

function foldBinary(op: "+" | "*", args: Expr[], identity: number): Expr {
  if (args.length === 0) return num(identity);
  let acc = args[0] as Expr;
  for (let i = 1; i < args.length; i++) acc = { kind: "bin", op, left: acc, right: args[i] as Expr };
  return acc;
}

function apply(el: XmlElement, ctx: MathContext): Expr {
  const [head, ...rest] = el.children;
  if (!head) throw new InputError(`${ctx.where} <apply>`, "empty", "an operator");
  let qualifier: Record<string, Expr> = {};
  const operands: XmlElement[] = [];
  for (const r of rest) {
    if (r.name === "logbase" || r.name === "degree") {
      const q = r.children[0];
      if (!q) throw new InputError(`${ctx.where} <${r.name}>`, "empty", "a value");
      qualifier = { ...qualifier, [r.name]: convert(q, ctx) };
    } else operands.push(r);
  }
  const name = head.name;
  if (name === "ci") return inlineFunction(head.text, operands, ctx);
  if (name === "csymbol") {
    const url = (head.attrs.definitionURL ?? "").trim();
    const args = operands.map((o) => convert(o, ctx));
    if (url === CSYMBOL_DELAY) {
      if (args.length !== 2) throw new InputError(`${ctx.where} delay`, args.length, "two arguments");
      return { kind: "call", fn: "delay", args };
    }
    if (url === CSYMBOL_RATEOF) {
      if (args.length !== 1 || args[0]?.kind !== "sym") {
        throw new InputError(`${ctx.where} rateOf`, args.length, "one argument naming a model variable");
      }
      return { kind: "call", fn: "rateOf", args };
    }
    throw new InputError(`${ctx.where} csymbol function`, url, "delay or rateOf");
  }
  const args = operands.map((o) => convert(o, ctx));
  const arity = (n: number): void => {
    if (args.length !== n) throw new InputError(`${ctx.where} <${name}>`, args.length, `${n} argument(s)`);
  };
  const unary = MATHML_UNARY_FUNCTIONS[name];
  if (unary) {
    arity(1);
    return { kind: "call", fn: unary, args };
  }
  const rel = RELATIONS[name];
  if (rel) return chainRelation(rel, args, ctx);
  switch (name) {
    case "plus":
      return foldBinary("+", args, 0);
    case "times":
      return foldBinary("*", args, 1);
    case "minus":
      if (args.length === 1) return { kind: "neg", arg: args[0] as Expr };
      arity(2);
      return { kind: "bin", op: "-", left: args[0] as Expr, right: args[1] as Expr };
    case "divide":
      arity(2);
      return { kind: "bin", op: "/", left: args[0] as Expr, right: args[1] as Expr };
    case "power":
      arity(2);
      return { kind: "bin", op: "^", left: args[0] as Expr, right: args[1] as Expr };
    case "root": {
      arity(1);
      const degree = qualifier.degree;
      if (!degree) return { kind: "call", fn: "sqrt", args };
      return {
        kind: "bin",
        op: "^",
        left: args[0] as Expr,
        right: { kind: "bin", op: "/", left: num(1), right: degree },
      };
    }
    case "log": {
      arity(1);
      const base = qualifier.logbase;
      if (!base) return { kind: "call", fn: "log10", args };
      return {
        kind: "bin",
        op: "/",
        left: { kind: "call", fn: "ln", args },
        right: { kind: "call", fn: "ln", args: [base] },
      };
    }
    case "and":
      return args.length === 0 ? num(1) : { kind: "logic", op: "and", args };
    case "or":
      return args.length === 0 ? num(0) : { kind: "logic", op: "or", args };
    case "xor":
      return args.length === 0 ? num(0) : { kind: "logic", op: "xor", args };
    case "not":
      arity(1);
      return { kind: "logic", op: "not", args };
    case "implies":
      arity(2);
      return {
        kind: "logic",
        op: "or",
        args: [{ kind: "logic", op: "not", args: [args[0] as Expr] }, args[1] as Expr],
      };
    case "max":
    case "min":
      if (args.length === 0) throw new InputError(`${ctx.where} <${name}>`, 0, "at least one argument");
      return { kind: "call", fn: name, args };
    case "rem":
    case "quotient":
      arity(2);
      return { kind: "call", fn: name, args };
    default:
      throw new InputError(`${ctx.where} MathML operator`, `<${name}>`, "a supported MathML operator");
  }
}

function inlineFunction(id: string, operands: XmlElement[], ctx: MathContext): Expr {
  if (!ctx.functions.has(id))
    throw new InputError(`${ctx.where} <apply><ci>`, id, "the id of a function definition");
  const fn = lambdaOf(id, ctx);
  const args = operands.map((o) => convert(o, ctx));
  if (args.length !== fn.args.length) {
    throw new InputError(`${ctx.where} call of ${id}`, args.length, `${fn.args.length} argument(s)`);
  }
  const bindings = new Map<string, Expr>();
  fn.args.forEach((name, i) => {
    bindings.set(name, args[i] as Expr);
  });
  return substitute(fn.body, bindings);
}

/** Replaces symbols by expressions (used to inline lambdas and local parameters). */
export function substitute(expr: Expr, bindings: Map<string, Expr>): Expr {
  switch (expr.kind) {
    case "num":
      return expr;
    case "sym":
      return bindings.get(expr.name) ?? expr;
    case "neg":
      return { kind: "neg", arg: substitute(expr.arg, bindings) };
    case "bin":
      return {
        kind: "bin",
        op: expr.op,
        left: substitute(expr.left, bindings),
        right: substitute(expr.right, bindings),
      };
    case "call":
      return { kind: "call", fn: expr.fn, args: expr.args.map((a) => substitute(a, bindings)) };
    case "cmp":
      return {
        kind: "cmp",
        op: expr.op,
        left: substitute(expr.left, bindings),
        right: substitute(expr.right, bindings),
      };
    case "logic":
      return { kind: "logic", op: expr.op, args: expr.args.map((a) => substitute(a, bindings)) };
    case "piecewise": {
      const pieces = expr.pieces.map((p) => ({
        value: substitute(p.value, bindings),
        cond: substitute(p.cond, bindings),
      }));
      return expr.otherwise === undefined
        ? { kind: "piecewise", pieces }
        : { kind: "piecewise", pieces, otherwise: substitute(expr.otherwise, bindings) };
    }
  }
}
