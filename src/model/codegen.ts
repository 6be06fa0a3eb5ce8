/**
 * JavaScript source for the right-hand side, the sparse-aware Jacobian, observables, initial values and
 * events of an analysed model. Each rate is computed once per call and accumulated with its
 * stoichiometric factors; Jacobian entries come from symbolic derivatives of the rates (observables
 * inlined), with finite differences only for rates containing a function without derivative rule.
 * Browser-safe (the caller turns the source into functions with `new Function`).
 */
import { InputError } from "../errors.js";
import { type AnalyzedProcess, inlineObservables, type ModelAnalysis, symbolsOf } from "./analyze.js";
import type { Expr } from "./expr/ast.js";
import { differentiate, NotDifferentiableError } from "./expr/derivative.js";
import { emitJs, jsNumber } from "./expr/emit.js";
import { BUILTIN_CONSTANTS } from "./expr/functions.js";

export interface GeneratedCode {
  rhs: string;
  jacobian: string;
  observe: string;
  initial: string;
  events: Map<string, string>;
  pattern: { rows: number[]; cols: number[] };
}

function resolver(a: ModelAnalysis, extra?: Map<string, string>): (name: string) => string {
  return (name) => {
    const ex = extra?.get(name);
    if (ex) return ex;
    const s = a.symbols.get(name);
    if (!s) {
      if (name in BUILTIN_CONSTANTS) return jsNumber(BUILTIN_CONSTANTS[name]);
      throw new InputError("symbol", name, "a declared name");
    }
    switch (s.kind) {
      case "species":
        return `y[${s.index}]`;
      case "parameter":
      case "compartment":
        return `p[${s.index}]`;
      case "observable":
        return `o${s.index}`;
      case "time":
        return "t";
      default:
        throw new InputError("symbol", name, "a declared name");
    }
  };
}

/** Times a factor expression: "r", "-r", "2*r", "(expr)*r". */
function scaled(factor: Expr, term: string, resolve: (n: string) => string): string {
  if (factor.kind === "num") {
    if (factor.value === 1) return term;
    if (factor.value === -1) return `-${term}`;
    return `${jsNumber(factor.value)} * ${term}`;
  }
  return `${emitJs(factor, resolve)} * ${term}`;
}

/** Observables needed (transitively) by expressions, in dependency order. */
function neededObservables(a: ModelAnalysis, exprs: Expr[]): number[] {
  const need = new Set<number>();
  const visit = (e: Expr) => {
    for (const n of symbolsOf(e)) {
      const s = a.symbols.get(n);
      if (s?.kind === "observable" && !need.has(s.index)) {
        need.add(s.index);
        visit(a.observables[s.index].base);
      }
    }
  };
  exprs.forEach(visit);
  return a.observableOrder.filter((i) => need.has(i));
}

function observableLines(a: ModelAnalysis, which: number[], resolve: (n: string) => string): string[] {
  return which.map((i) => `  const o${i} = ${emitJs(a.observables[i].base, resolve)};`);
}

export function generateCode(a: ModelAnalysis): GeneratedCode {
  const n = a.species.length;
  const resolve = resolver(a);

  // ---- rhs ----
  const rhsLines = ['"use strict";', "return function rhs(t, y, dydt, p) {"];
  rhsLines.push(
    ...observableLines(
      a,
      neededObservables(
        a,
        a.processes.map((p) => p.base),
      ),
      resolve,
    ),
  );
  const sums: string[][] = Array.from({ length: n }, () => []);
  a.processes.forEach((proc, k) => {
    rhsLines.push(`  const r${k} = ${emitJs(proc.base, resolve)}; // ${proc.decl.name}`);
    for (const term of proc.terms) sums[term.species].push(scaled(term.factor, `r${k}`, resolve));
  });
  sums.forEach((terms, i) => {
    rhsLines.push(`  dydt[${i}] = ${terms.length ? terms.join(" + ").replace(/\+ -/g, "- ") : "0"};`);
  });
  rhsLines.push("};");

  // ---- jacobian ----
  const speciesNames = a.species.map((s) => s.decl.name);
  const jacLines = ['"use strict";', "return function jacobian(t, y, J, p) {", "  J.fill(0);"];
  const entries = new Map<number, string[]>(); // i*n+j → terms
  const fdProcesses: { k: number; proc: AnalyzedProcess; inlined: Expr; deps: number[] }[] = [];
  a.processes.forEach((proc, k) => {
    const inlined = inlineObservables(proc.base, a.observables);
    const used = symbolsOf(inlined);
    const deps = speciesNames.map((name, j) => (used.has(name) ? j : -1)).filter((j) => j >= 0);
    let derivs: (Expr | undefined)[];
    try {
      derivs = deps.map((j) => differentiate(inlined, speciesNames[j]));
    } catch (err) {
      if (!(err instanceof NotDifferentiableError)) throw err;
      fdProcesses.push({ k, proc, inlined, deps });
      for (const j of deps) {
        for (const term of proc.terms) {
          const key = term.species * n + j;
          const list = entries.get(key) ?? [];
          list.push(scaled(term.factor, `fd${k}_${j}`, resolve));
          entries.set(key, list);
        }
      }
      return;
    }
    deps.forEach((j, m) => {
      const d = derivs[m];
      if (!d || (d.kind === "num" && d.value === 0)) return;
      jacLines.push(`  const d${k}_${j} = ${emitJs(d, resolve)};`);
      for (const term of proc.terms) {
        const key = term.species * n + j;
        const list = entries.get(key) ?? [];
        list.push(scaled(term.factor, `d${k}_${j}`, resolve));
        entries.set(key, list);
      }
    });
  });
  if (fdProcesses.length) {
    // forward differences on a scratch copy of y for rates without symbolic derivative
    jacLines.push("  ys.set(y);");
    for (const { k, inlined, deps } of fdProcesses) {
      const fdResolve = resolver(a, new Map(speciesNames.map((nm, j) => [nm, `ys[${j}]`])));
      jacLines.push(
        `  const rate${k} = () => ${emitJs(inlined, fdResolve)};`,
        `  const base${k} = rate${k}();`,
      );
      for (const j of deps) {
        jacLines.push(
          `  const h${k}_${j} = 1.4901161193847656e-8 * Math.max(Math.abs(y[${j}]), 1e-8);`,
          `  ys[${j}] = y[${j}] + h${k}_${j};`,
          `  const fd${k}_${j} = (rate${k}() - base${k}) / h${k}_${j};`,
          `  ys[${j}] = y[${j}];`,
        );
      }
    }
  }
  const keys = [...entries.keys()].sort((x, y) => x - y);
  for (const key of keys) {
    jacLines.push(`  J[${key}] = ${(entries.get(key) ?? []).join(" + ").replace(/\+ -/g, "- ")};`);
  }
  jacLines.push("};");
  if (fdProcesses.length) {
    jacLines.splice(1, 0, `const ys = new Float64Array(${n});`);
  }

  // ---- observe ----
  const obsLines = ['"use strict";', "return function observe(t, y, p, out) {"];
  obsLines.push(...observableLines(a, a.observableOrder, resolve));
  a.observables.forEach((o, i) => {
    obsLines.push(`  out[${i}] = ${o.unit.scale === 1 ? `o${i}` : `o${i} / ${jsNumber(o.unit.scale)}`};`);
  });
  obsLines.push("};");

  // ---- initial values ----
  const initLines = ['"use strict";', "return function initial(p, y) {"];
  a.species.forEach((s, i) => {
    if (typeof s.initial === "number") initLines.push(`  y[${i}] = ${jsNumber(s.initial)};`);
    else {
      const v = emitJs(s.initial, resolve);
      initLines.push(`  y[${i}] = ${s.unit.scale === 1 ? v : `(${v}) / ${jsNumber(s.unit.scale)}`};`);
    }
  });
  initLines.push("};");

  // ---- events ----
  const events = new Map<string, string>();
  for (const ev of a.events) {
    const argMap = new Map(ev.args.map((arg, k) => [arg.name, `a[${k}]`]));
    const evResolve = resolver(a, argMap);
    const lines = ['"use strict";', "return function event(t, y, p, a) {"];
    ev.assign.forEach((as, m) => {
      const scale = a.species[as.species].unit.scale;
      const v = emitJs(as.base, evResolve);
      lines.push(`  const v${m} = ${scale === 1 ? v : `(${v}) / ${jsNumber(scale)}`};`);
    });
    ev.assign.forEach((as, m) => {
      lines.push(`  y[${as.species}] = v${m};`);
    });
    lines.push("};");
    events.set(ev.decl.name, lines.join("\n"));
  }

  return {
    rhs: rhsLines.join("\n"),
    jacobian: jacLines.join("\n"),
    observe: obsLines.join("\n"),
    initial: initLines.join("\n"),
    events,
    pattern: { rows: keys.map((k) => Math.floor(k / n)), cols: keys.map((k) => k % n) },
  };
}
