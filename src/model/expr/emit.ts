/**
 * Expression tree → JavaScript source. `resolve` maps each symbol to a JS expression (e.g. "y[3]",
 * "p[7]", "t") and throws for unknown names. Comparisons and logic yield 1/0 like SBML; a piecewise
 * without `otherwise` yields NaN when no condition holds. The source is fully parenthesised and uses only
 * `Math` and the runtime object named `Fn` (FUNCTION_RUNTIME), see compileExprFunction.
 * Browser-safe.
 */
import { InputError } from "../../errors.js";
import type { Expr } from "./ast.js";
import {
  arityAccepts,
  builtinFunction,
  describeArity,
  FUNCTION_RUNTIME,
  type FunctionDef,
} from "./functions.js";

/** A JS literal for a number (parenthesised when negative). */
export function jsNumber(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Number.POSITIVE_INFINITY) return "Infinity";
  if (v === Number.NEGATIVE_INFINITY) return "(-Infinity)";
  if (Object.is(v, -0)) return "(-0)";
  return v < 0 ? `(${String(v)})` : String(v);
}

/** The table row for a call, or an InputError naming the function and what is accepted. */
export function checkedFunction(fn: string, argCount: number): FunctionDef {
  const def = builtinFunction(fn);
  if (!def) throw new InputError("function", fn, "a built-in function (see src/model/expr/functions.ts)");
  if (!arityAccepts(def, argCount)) {
    throw new InputError(`${fn}(…)`, `${argCount} argument(s)`, describeArity(def));
  }
  return def;
}

const truth = (s: string) => `(${s} !== 0)`;

export function emitJs(expr: Expr, resolve: (name: string) => string): string {
  const go = (e: Expr): string => {
    switch (e.kind) {
      case "num":
        return jsNumber(e.value);
      case "sym":
        return resolve(e.name);
      case "neg":
        return `(-${go(e.arg)})`;
      case "bin": {
        const l = go(e.left);
        const r = go(e.right);
        return e.op === "^" ? `Math.pow(${l}, ${r})` : `(${l} ${e.op} ${r})`;
      }
      case "call": {
        const def = checkedFunction(e.fn, e.args.length);
        return def.js(e.args.map(go));
      }
      case "cmp": {
        const op = e.op === "==" ? "===" : e.op === "!=" ? "!==" : e.op;
        return `(${go(e.left)} ${op} ${go(e.right)} ? 1 : 0)`;
      }
      case "logic": {
        const args = e.args.map((a) => truth(go(a)));
        if (e.op === "not") return `(${args[0]} ? 0 : 1)`;
        if (e.op === "xor") return `((${args.map((a) => `(${a} ? 1 : 0)`).join(" + ")}) % 2)`;
        return `(${args.join(e.op === "and" ? " && " : " || ")} ? 1 : 0)`;
      }
      case "piecewise": {
        let out = e.otherwise ? go(e.otherwise) : "NaN";
        for (let k = e.pieces.length - 1; k >= 0; k--) {
          out = `(${truth(go(e.pieces[k].cond))} ? ${go(e.pieces[k].value)} : ${out})`;
        }
        return out;
      }
    }
  };
  return go(expr);
}

/**
 * Compile an expression into a JS function of the named numeric arguments, e.g.
 * compileExprFunction(parseExpr("k*x"), ["k", "x"])(2, 3) === 6. Names not in `argNames` are errors.
 */
export function compileExprFunction(expr: Expr, argNames: string[]): (...args: number[]) => number {
  const known = new Set(argNames);
  const body = emitJs(expr, (name) => {
    if (!known.has(name)) throw new InputError("symbol", name, `one of ${argNames.join(", ") || "(none)"}`);
    return `a_${name}`;
  });
  const factory = new Function(
    "Fn",
    `return function(${argNames.map((n) => `a_${n}`).join(", ")}) { return ${body}; };`,
  );
  return factory(FUNCTION_RUNTIME) as (...args: number[]) => number;
}
