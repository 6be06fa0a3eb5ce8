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

/**
 * The language generated source is written in: how an expression and a number literal are written. The
 * helpers below are shared with other code generators (bench/immune/c-model.ts writes C with them).
 */
export interface SourceTarget {
  emit(expr: Expr, resolve: (name: string) => string): string;
  number(v: number): string;
}

export const JS_TARGET: SourceTarget = { emit: emitJs, number: jsNumber };

/** Source of each name: species y[i], parameters, compartments and inputs p[i], observables o<i>, time t. */
export function resolver(
  a: ModelAnalysis,
  extra?: Map<string, string>,
  target: SourceTarget = JS_TARGET,
): (name: string) => string {
  return (name) => {
    const ex = extra?.get(name);
    if (ex) return ex;
    const s = a.symbols.get(name);
    if (!s) {
      if (name in BUILTIN_CONSTANTS) return target.number(BUILTIN_CONSTANTS[name]);
      throw new InputError("symbol", name, "a declared name");
    }
    switch (s.kind) {
      case "species":
        return `y[${s.index}]`;
      case "parameter":
      case "compartment":
      case "input":
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

/** One signed term of a sum: `negative` terms are written after " - " (or a leading "-"). */
export interface SignedTerm {
  negative: boolean;
  text: string;
}

/** Times a factor expression: "r", "-r", "2*r", "(expr)*r"; a negative number factor gives a negative term. */
export function scaled(
  factor: Expr,
  term: string,
  resolve: (n: string) => string,
  target: SourceTarget = JS_TARGET,
): SignedTerm {
  if (factor.kind === "num") {
    const v = factor.value;
    const negative = v < 0 || Object.is(v, -0);
    const mag = Math.abs(v);
    return { negative, text: mag === 1 ? term : `${target.number(mag)} * ${term}` };
  }
  return { negative: false, text: `${target.emit(factor, resolve)} * ${term}` };
}

/** A sum of signed terms as source (JS or C): "a - b + c", "-a + b"; "0" when empty. */
export function sumSource(terms: readonly SignedTerm[]): string {
  if (terms.length === 0) return "0";
  return terms
    .map((term, i) =>
      i === 0 ? (term.negative ? `-${term.text}` : term.text) : `${term.negative ? "-" : "+"} ${term.text}`,
    )
    .join(" ");
}

/** Observables needed (transitively) by expressions, in dependency order. */
export function neededObservables(a: ModelAnalysis, exprs: Expr[]): number[] {
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

/** How generated statements hold intermediate values: function locals, or slots of a work array `w`. */
export interface Holder {
  ref(local: string): string;
  def(local: string, expr: string): string;
  size(): number;
}

const localHolder = (): Holder => ({ ref: (l) => l, def: (l, e) => `const ${l} = ${e};`, size: () => 0 });

function slotHolder(): Holder {
  const slots = new Map<string, number>();
  const idx = (l: string) => {
    let i = slots.get(l);
    if (i === undefined) {
      i = slots.size;
      slots.set(l, i);
    }
    return i;
  };
  return { ref: (l) => `w[${idx(l)}]`, def: (l, e) => `w[${idx(l)}] = ${e};`, size: () => slots.size };
}

/** √ε: forward-difference step relative to max(|y_j|, 1). */
const FD_STEP = jsNumber(Math.sqrt(Number.EPSILON));

/** Above this much source a function is split into chunks (V8 does not optimise very large functions). */
const MAX_CHUNK_CHARS = 12_000;

/**
 * One function `name(params)` from statements; when the statements are long, several chunk functions
 * sharing the work array `w` (statements are never split).
 */
function assemble(
  name: string,
  params: string,
  statements: string[],
  holder: Holder,
  prelude: string[] = [],
): string {
  const chunks: string[][] = [[]];
  let chars = 0;
  for (const st of statements) {
    if (chars + st.length > MAX_CHUNK_CHARS && chunks[chunks.length - 1].length) {
      chunks.push([]);
      chars = 0;
    }
    chunks[chunks.length - 1].push(st);
    chars += st.length;
  }
  const out = ['"use strict";', ...prelude];
  if (holder.size() > 0) out.push(`const w = new Float64Array(${holder.size()});`);
  if (chunks.length === 1) {
    out.push(`return function ${name}(${params}) {`, ...chunks[0].map((st) => `  ${st}`), "};");
    return out.join("\n");
  }
  chunks.forEach((c, i) => {
    out.push(`function ${name}_${i}(${params}) {`, ...c.map((st) => `  ${st}`), "}");
  });
  out.push(
    `return function ${name}(${params}) {`,
    ...chunks.map((_, i) => `  ${name}_${i}(${params});`),
    "};",
  );
  return out.join("\n");
}

/** Right-hand side statements: needed observables, each rate once, then the sums. */
export function rhsStatements(a: ModelAnalysis, h: Holder, target: SourceTarget = JS_TARGET): string[] {
  const n = a.species.length;
  const obsRef = new Map(a.observables.map((o, k) => [o.decl.name, h.ref(`o${k}`)]));
  const resolve = resolver(a, obsRef, target);
  const out: string[] = [];
  for (const k of neededObservables(
    a,
    a.processes.map((p) => p.base),
  )) {
    out.push(h.def(`o${k}`, target.emit(a.observables[k].base, resolve)));
  }
  const sums: SignedTerm[][] = Array.from({ length: n }, () => []);
  a.processes.forEach((proc, k) => {
    out.push(`${h.def(`r${k}`, target.emit(proc.base, resolve))} // ${proc.decl.name}`);
    for (const term of proc.terms)
      sums[term.species].push(scaled(term.factor, h.ref(`r${k}`), resolve, target));
  });
  sums.forEach((terms, i) => {
    out.push(`dydt[${i}] = ${sumSource(terms)};`);
  });
  return out;
}

/**
 * Jacobian statements. Chain rule through observables: each needed observable's gradient g<k>_<j> =
 * ∂o_k/∂y_j is computed once (from its direct partials and the gradients of the observables it uses),
 * then each rate's partial is its direct partial plus Σ_m ∂r/∂o_m · g<m>_<j>. Rates (or observables they
 * use) containing a function without derivative rule fall back to forward differences on the inlined rate.
 */
export function jacobianStatements(
  a: ModelAnalysis,
  h: Holder,
  options: {
    /** Language of the statements (default JavaScript). */
    target?: SourceTarget;
    /** The statement storing entry `index` (in pattern order) at row-major `key` (default `J[key] = sum;`). */
    assign?: (key: number, index: number, sum: string) => string;
    /** false: a rate without derivative throws NotDifferentiableError instead of differencing (JS only). */
    finiteDifferences?: boolean;
  } = {},
): { statements: string[]; fdRates: string[]; pattern: number[] } {
  const target = options.target ?? JS_TARGET;
  const emit = (e: Expr) => target.emit(e, resolve);
  const assign = options.assign ?? ((key: number, _index: number, sum: string) => `J[${key}] = ${sum};`);
  const differences = options.finiteDifferences ?? true;
  const n = a.species.length;
  const speciesNames = a.species.map((s) => s.decl.name);
  const obsRef = new Map(a.observables.map((o, k) => [o.decl.name, h.ref(`o${k}`)]));
  const resolve = resolver(a, obsRef, target);
  const out: string[] = [];
  const fdRates: string[] = [];
  const neededObs = neededObservables(
    a,
    a.processes.map((p) => p.base),
  );
  for (const k of neededObs) out.push(h.def(`o${k}`, emit(a.observables[k].base)));
  const isZero = (d: Expr) => d.kind === "num" && d.value === 0;
  const directRefs = (e: Expr) => {
    const species: number[] = [];
    const obs: number[] = [];
    for (const nm of symbolsOf(e)) {
      const sym = a.symbols.get(nm);
      if (sym?.kind === "species") species.push(sym.index);
      else if (sym?.kind === "observable") obs.push(sym.index);
    }
    return { species, obs };
  };
  /** Partial derivatives of `base` with respect to species j, through observables; null if none. */
  const partials = (base: Expr, refs: { species: number[]; obs: number[] }, deps: number[]) => {
    const dObs = new Map(refs.obs.map((m) => [m, differentiate(base, a.observables[m].decl.name)]));
    const result: [number, string][] = [];
    for (const j of deps) {
      const terms: string[] = [];
      if (refs.species.includes(j)) {
        const d = differentiate(base, speciesNames[j]);
        if (!isZero(d)) terms.push(emit(d));
      }
      for (const [m, dm] of dObs) {
        if (!isZero(dm) && gradient.has(`${m}_${j}`)) terms.push(`${emit(dm)} * ${h.ref(`g${m}_${j}`)}`);
      }
      if (terms.length) result.push([j, terms.join(" + ")]);
    }
    return result;
  };
  const obsDeps = new Map<number, Set<number>>();
  const gradient = new Set<string>();
  const nonDiffObs = new Set<number>();
  for (const k of neededObs) {
    const base = a.observables[k].base;
    const refs = directRefs(base);
    const deps = new Set<number>(refs.species);
    for (const m of refs.obs) for (const j of obsDeps.get(m) ?? []) deps.add(j);
    obsDeps.set(k, deps);
    if (refs.obs.some((m) => nonDiffObs.has(m))) {
      nonDiffObs.add(k);
      continue;
    }
    try {
      for (const [j, text] of partials(
        base,
        refs,
        [...deps].sort((x, y) => x - y),
      )) {
        out.push(h.def(`g${k}_${j}`, text));
        gradient.add(`${k}_${j}`);
      }
    } catch (err) {
      if (!(err instanceof NotDifferentiableError) || !differences) throw err;
      nonDiffObs.add(k);
    }
  }
  const entries = new Map<number, SignedTerm[]>(); // i*n+j → terms
  const addEntries = (proc: AnalyzedProcess, j: number, local: string) => {
    for (const term of proc.terms) {
      const key = term.species * n + j;
      const list = entries.get(key) ?? [];
      list.push(scaled(term.factor, local, resolve, target));
      entries.set(key, list);
    }
  };
  let fd = false;
  a.processes.forEach((proc, k) => {
    const refs = directRefs(proc.base);
    const depSet = new Set<number>(refs.species);
    for (const m of refs.obs) for (const j of obsDeps.get(m) ?? []) depSet.add(j);
    const deps = [...depSet].sort((x, y) => x - y);
    try {
      if (refs.obs.some((m) => nonDiffObs.has(m))) throw new NotDifferentiableError("an observable");
      for (const [j, text] of partials(proc.base, refs, deps)) {
        out.push(h.def(`d${k}_${j}`, text));
        addEntries(proc, j, h.ref(`d${k}_${j}`));
      }
    } catch (err) {
      if (!(err instanceof NotDifferentiableError) || !differences) throw err;
      // Forward differences on the scratch copy ys of y (set once per call, restored after each column),
      // with the rate as a function defined once per compiled model (no allocation per call).
      // Step h = √ε·max(|y_j|, 1) (a relative step would vanish at y_j = 0), and the divisor is the step
      // actually represented, (y_j + h) − y_j.
      fd = true;
      const inlined = inlineObservables(proc.base, a.observables);
      const fdResolve = resolver(a, new Map(speciesNames.map((nm, j) => [nm, `ys[${j}]`])));
      fdRates.push(`function fdRate${k}(t, ys, p) { return ${emitJs(inlined, fdResolve)}; }`);
      // one statement group (never split across chunks); names are unique per process
      const block = [`const base${k} = fdRate${k}(t, ys, p);`];
      for (const j of deps) {
        block.push(
          `ys[${j}] = y[${j}] + ${FD_STEP} * Math.max(Math.abs(y[${j}]), 1);`,
          `${h.def(`fd${k}_${j}`, `(fdRate${k}(t, ys, p) - base${k}) / (ys[${j}] - y[${j}])`)} ys[${j}] = y[${j}];`,
        );
        addEntries(proc, j, h.ref(`fd${k}_${j}`));
      }
      out.push(block.join("\n  "));
    }
  });
  const keys = [...entries.keys()].sort((x, y) => x - y);
  keys.forEach((key, index) => {
    out.push(assign(key, index, sumSource(entries.get(key) ?? [])));
  });
  if (fd) out.unshift("ys.set(y);");
  return { statements: out, fdRates, pattern: keys };
}

/** Small bodies use locals in one function; large ones use the work array, split into chunks. */
function build(
  name: string,
  params: string,
  make: (h: Holder) => { statements: string[]; prelude?: string[] },
): string {
  const local = make(localHolder());
  const size = local.statements.reduce((acc, st) => acc + st.length, 0);
  if (size <= MAX_CHUNK_CHARS) return assemble(name, params, local.statements, localHolder(), local.prelude);
  const h = slotHolder();
  const slotted = make(h);
  return assemble(name, params, slotted.statements, h, slotted.prelude);
}

export function generateCode(a: ModelAnalysis): GeneratedCode {
  const n = a.species.length;
  const resolve = resolver(a);
  const rhs = build("rhs", "t, y, dydt, p", (h) => ({ statements: rhsStatements(a, h) }));
  let pattern: number[] = [];
  const jacobian = build("jacobian", "t, y, J, p", (h) => {
    const j = jacobianStatements(a, h);
    // Entries outside the pattern are never written: J is zeroed the first time a buffer is seen (see
    // CompiledModel.jacobian), and every pattern entry is assigned on every call.
    j.statements.unshift("if (J !== lastJ) { J.fill(0); lastJ = J; }");
    pattern = j.pattern;
    const prelude = ["let lastJ = null;"];
    if (j.fdRates.length) prelude.push(`const ys = new Float64Array(${n});`, ...j.fdRates);
    return { statements: j.statements, prelude };
  });

  // ---- observe ----
  const observe = build("observe", "t, y, p, out", (h) => {
    const obsResolve = resolver(a, new Map(a.observables.map((o, k) => [o.decl.name, h.ref(`o${k}`)])));
    const statements = a.observableOrder.map((k) =>
      h.def(`o${k}`, emitJs(a.observables[k].base, obsResolve)),
    );
    a.observables.forEach((o, i) => {
      const v = h.ref(`o${i}`);
      statements.push(`out[${i}] = ${o.unit.scale === 1 ? v : `${v} / ${jsNumber(o.unit.scale)}`};`);
    });
    return { statements };
  });

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
    rhs,
    jacobian,
    observe,
    initial: initLines.join("\n"),
    events,
    pattern: { rows: pattern.map((k) => Math.floor(k / n)), cols: pattern.map((k) => k % n) },
  };
}
