/**
 * The interpreted reference: walks the declared expression trees for every evaluation, with each
 * symbol's value converted to base units on lookup. Slow and simple; compiled code is tested against it.
 * Browser-safe.
 */
import { inlineObservables, type ModelAnalysis } from "./analyze.js";
import type { Expr } from "./expr/ast.js";
import { dependsOn, differentiate } from "./expr/derivative.js";
import { evaluateExpr } from "./expr/evaluate.js";
import { BUILTIN_CONSTANTS } from "./expr/functions.js";

function lookupFor(
  a: ModelAnalysis,
  t: number,
  y: ArrayLike<number>,
  p: ArrayLike<number>,
  obs: Map<string, number>,
) {
  return (name: string): number => {
    const s = a.symbols.get(name);
    if (!s) return BUILTIN_CONSTANTS[name] ?? Number.NaN;
    switch (s.kind) {
      case "species":
        return y[s.index] * s.unit.scale;
      case "parameter":
      case "compartment":
      case "input":
        return p[s.index] * s.unit.scale;
      case "time":
        return t * s.unit.scale;
      case "observable": {
        const v = obs.get(name);
        if (v === undefined) throw new Error(`observable ${name} used before it was computed`);
        return v;
      }
      default:
        return Number.NaN;
    }
  };
}

/** Observables in base units, by name. */
function observablesBase(
  a: ModelAnalysis,
  t: number,
  y: ArrayLike<number>,
  p: ArrayLike<number>,
): Map<string, number> {
  const obs = new Map<string, number>();
  const lookup = lookupFor(a, t, y, p, obs);
  for (const i of a.observableOrder)
    obs.set(a.observables[i].decl.name, evaluateExpr(a.observables[i].expr, lookup));
  return obs;
}

export function interpretRhs(
  a: ModelAnalysis,
  t: number,
  y: ArrayLike<number>,
  p: ArrayLike<number>,
  dydt: Float64Array,
): void {
  const lookup = lookupFor(a, t, y, p, observablesBase(a, t, y, p));
  dydt.fill(0);
  for (const proc of a.processes) {
    const r = evaluateExpr(proc.rate, lookup);
    for (const term of proc.terms) {
      dydt[term.species] += (r * evaluateExpr(term.coefficient, lookup)) / term.targetScale;
    }
  }
}

export function interpretObservables(
  a: ModelAnalysis,
  t: number,
  y: ArrayLike<number>,
  p: ArrayLike<number>,
  out: Float64Array,
): void {
  const obs = observablesBase(a, t, y, p);
  a.observables.forEach((o, i) => {
    out[i] = (obs.get(o.decl.name) ?? Number.NaN) / o.unit.scale;
  });
}

/**
 * An interpreted Jacobian: the symbolic derivatives are prepared once (observables inlined), then every
 * call walks the trees. The reference against which the compiled Jacobian's speed is measured.
 */
export function interpretedJacobian(
  a: ModelAnalysis,
): (t: number, y: ArrayLike<number>, p: ArrayLike<number>, J: Float64Array) => void {
  const n = a.species.length;
  const names = a.species.map((s) => s.decl.name);
  const entries: { row: number; col: number; factor: Expr; d: Expr }[] = [];
  for (const proc of a.processes) {
    const inlined = inlineObservables(proc.base, a.observables);
    names.forEach((name, j) => {
      if (!dependsOn(inlined, name)) return;
      const d = differentiate(inlined, name);
      for (const term of proc.terms) entries.push({ row: term.species, col: j, factor: term.factor, d });
    });
  }
  return (t, y, p, J) => {
    J.fill(0);
    const lookup = (name: string): number => {
      const s = a.symbols.get(name);
      if (!s) return BUILTIN_CONSTANTS[name] ?? Number.NaN;
      if (s.kind === "species") return y[s.index];
      if (s.kind === "parameter" || s.kind === "compartment" || s.kind === "input") return p[s.index];
      if (s.kind === "time") return t;
      return Number.NaN;
    };
    for (const e of entries)
      J[e.row * n + e.col] += evaluateExpr(e.factor, lookup) * evaluateExpr(e.d, lookup);
  };
}
