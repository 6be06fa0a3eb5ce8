/**
 * Validation and resolution of a model declaration: flattens the modules, checks names, sources,
 * evidence, units and references, parses every expression once, and rewrites expressions into base
 * units (each symbol multiplied by its unit's scale, see units.ts) so code generation and the
 * interpreter share one meaning. Every error is an InputError naming the declaration and what is wrong.
 * Browser-safe.
 */
import { InputError } from "../errors.js";
import { hasEvidence } from "../evidence/evidence.js";
import type { Expr } from "./expr/ast.js";
import { div, mul, num } from "./expr/build.js";
import { checkedFunction } from "./expr/emit.js";
import { BUILTIN_CONSTANTS } from "./expr/functions.js";
import { ExprSyntaxError, parseExpr } from "./expr/parse.js";
import { simplify } from "./expr/simplify.js";
import type {
  CompartmentDecl,
  Distribution,
  EventDecl,
  InputDecl,
  ModelDecl,
  ObservableDecl,
  ParameterDecl,
  ProcessDecl,
  SpeciesDecl,
} from "./types.js";
import { UnitMismatch, unitOfExpr } from "./unit-check.js";
import { DIMENSIONLESS, divide, formatDims, multiply, parseUnit, sameDimension, type Unit } from "./units.js";

export type SymbolKind = "species" | "parameter" | "compartment" | "input" | "observable" | "time";

export interface SymbolInfo {
  kind: SymbolKind;
  /** Index in y (species), p (parameters, then compartments, then inputs) or the observable list. */
  index: number;
  unit: Unit;
  module: string;
}

export interface AnalyzedSpecies {
  decl: SpeciesDecl;
  module: string;
  index: number;
  unit: Unit;
  /** Initial value in the species unit (number) or an expression in base units to divide by unit.scale. */
  initial: number | Expr;
}

export interface AnalyzedParameter {
  kind: "parameter" | "compartment";
  decl: ParameterDecl | CompartmentDecl;
  module: string;
  index: number;
  unit: Unit;
  value: number;
}

export interface AnalyzedInput {
  decl: InputDecl;
  module: string;
  /** Slot in the parameter vector (after parameters and compartments). */
  index: number;
  unit: Unit;
}

export interface AnalyzedObservable {
  decl: ObservableDecl;
  module: string;
  index: number;
  unit: Unit;
  expr: Expr;
  /** Expression in base units (observable references left as symbols). */
  base: Expr;
}

export interface AnalyzedTerm {
  species: number;
  /** Coefficient as declared. */
  coefficient: Expr;
  /** Factor turning the base-unit rate into d(species)/dt in the species unit per model time unit. */
  factor: Expr;
  /** Scale of (species unit)/(time unit): d(species)/dt = rate_base · coefficient_base / targetScale. */
  targetScale: number;
}

export interface AnalyzedProcess {
  decl: ProcessDecl;
  module: string;
  rate: Expr;
  /** Rate in base units, observable references left as symbols. */
  base: Expr;
  terms: AnalyzedTerm[];
}

export interface AnalyzedEvent {
  decl: EventDecl;
  module: string;
  args: { name: string; unit: Unit }[];
  /** species index → value in base units (observables inlined), to divide by the species unit scale. */
  assign: { species: number; base: Expr }[];
  /** Whether an assignment uses the time `t` (then applyEvent needs t). */
  usesTime: boolean;
}

export interface ModelAnalysis {
  model: ModelDecl;
  timeUnit: string;
  species: AnalyzedSpecies[];
  parameters: AnalyzedParameter[];
  /** Inputs, in declaration order; their slots follow the parameters in p. */
  inputs: AnalyzedInput[];
  observables: AnalyzedObservable[];
  /** Observable indices in dependency order. */
  observableOrder: number[];
  processes: AnalyzedProcess[];
  events: AnalyzedEvent[];
  symbols: ReadonlyMap<string, SymbolInfo>;
}

const RESERVED = new Set(["t", "and", "or", "not", "xor", "piecewise"]);
const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Names the declaration in error fields, e.g. `process "killing" (module "core")`. */
const where = (kind: string, name: string, module: string) => `${kind} "${name}" (module "${module}")`;

export function symbolsOf(e: Expr, out = new Set<string>()): Set<string> {
  switch (e.kind) {
    case "sym":
      out.add(e.name);
      break;
    case "neg":
      symbolsOf(e.arg, out);
      break;
    case "bin":
    case "cmp":
      symbolsOf(e.left, out);
      symbolsOf(e.right, out);
      break;
    case "call":
      for (const a of e.args) symbolsOf(a, out);
      break;
    case "logic":
      for (const a of e.args) symbolsOf(a, out);
      break;
    case "piecewise":
      for (const p of e.pieces) {
        symbolsOf(p.value, out);
        symbolsOf(p.cond, out);
      }
      if (e.otherwise) symbolsOf(e.otherwise, out);
      break;
    case "num":
      break;
  }
  return out;
}

/** Replace symbols by expressions (others untouched). */
export function substitute(e: Expr, f: (name: string) => Expr | undefined): Expr {
  const go = (x: Expr): Expr => {
    switch (x.kind) {
      case "num":
        return x;
      case "sym":
        return f(x.name) ?? x;
      case "neg":
        return { kind: "neg", arg: go(x.arg) };
      case "bin":
        return { kind: "bin", op: x.op, left: go(x.left), right: go(x.right) };
      case "cmp":
        return { kind: "cmp", op: x.op, left: go(x.left), right: go(x.right) };
      case "call":
        return { kind: "call", fn: x.fn, args: x.args.map(go) };
      case "logic":
        return { kind: "logic", op: x.op, args: x.args.map(go) };
      case "piecewise":
        return {
          kind: "piecewise",
          pieces: x.pieces.map((p) => ({ value: go(p.value), cond: go(p.cond) })),
          ...(x.otherwise ? { otherwise: go(x.otherwise) } : {}),
        };
    }
  };
  return go(e);
}

function checkFunctions(e: Expr, field: string, text: string): void {
  const go = (x: Expr): void => {
    if (x.kind === "call") {
      try {
        checkedFunction(x.fn, x.args.length);
      } catch (err) {
        if (err instanceof InputError)
          throw new InputError(field, text, `known functions with the right arguments (${err.message})`);
        throw err;
      }
    }
    if (x.kind === "call" || x.kind === "logic") x.args.forEach(go);
    else if (x.kind === "neg") go(x.arg);
    else if (x.kind === "bin" || x.kind === "cmp") {
      go(x.left);
      go(x.right);
    } else if (x.kind === "piecewise") {
      for (const p of x.pieces) {
        go(p.value);
        go(p.cond);
      }
      if (x.otherwise) go(x.otherwise);
    }
  };
  go(e);
}

/** How strictly analyzeModel checks sources. */
export interface AnalyzeOptions {
  /**
   * Require a source on every compartment whose size is a measured number (all but the dimensionless
   * placeholder size 1, unit "1"). Default true; false only for throwaway models in tests.
   */
  compartmentSources?: boolean;
}

/** A compartment of size 1 and unit "1" is a placeholder (a 0-D lesion), not a number needing a source. */
export const isPlaceholderCompartment = (c: CompartmentDecl): boolean =>
  c.size === 1 && c.unit.trim() === "1";

export function analyzeModel(model: ModelDecl, options: AnalyzeOptions = {}): ModelAnalysis {
  const timeUnit = model.timeUnit ?? "day";
  const timeU = unitIn(`model "${model.name}".timeUnit`, timeUnit);
  if (!sameDimension(timeU, parseUnit("day"))) {
    throw new InputError(`model "${model.name}".timeUnit`, timeUnit, "a unit of time (e.g. day)");
  }
  if (!Array.isArray(model.modules) || model.modules.length === 0) {
    throw new InputError(`model "${model.name}".modules`, model.modules, "at least one module");
  }

  // ---- names ----
  const owner = new Map<string, string>(); // name → description of its declaration
  const claim = (name: string, what: string, field: string) => {
    if (typeof name !== "string" || !NAME_RE.test(name)) {
      throw new InputError(
        `${field}.name`,
        name,
        "a name of letters, digits and _ not starting with a digit",
      );
    }
    if (RESERVED.has(name))
      throw new InputError(
        `${field}.name`,
        name,
        `a name other than the reserved ${[...RESERVED].join(", ")}`,
      );
    const prev = owner.get(name);
    if (prev) throw new InputError(`${field}.name`, name, `a name not already used (${prev} has it)`);
    owner.set(name, what);
  };
  const claimOther = (seen: Map<string, string>, name: string, what: string, field: string) => {
    const prev = seen.get(name);
    if (prev) throw new InputError(`${field}.name`, name, `a name not already used (${prev} has it)`);
    seen.set(name, what);
  };
  const moduleNames = new Map<string, string>();

  const symbols = new Map<string, SymbolInfo>();
  symbols.set("t", { kind: "time", index: -1, unit: timeU, module: "" });

  const parameters: AnalyzedParameter[] = [];
  const compartments: { decl: CompartmentDecl; module: string; unit: Unit }[] = [];
  const speciesDecls: { decl: SpeciesDecl; module: string; unit: Unit }[] = [];
  const inputDecls: { decl: InputDecl; module: string; unit: Unit }[] = [];
  const observableDecls: { decl: ObservableDecl; module: string; unit: Unit }[] = [];
  const processDecls: { decl: ProcessDecl; module: string }[] = [];
  const eventDecls: { decl: EventDecl; module: string }[] = [];
  const processNames = new Map<string, string>();
  const eventNames = new Map<string, string>();

  for (const mod of model.modules) {
    claimOther(moduleNames, mod.name, `module "${mod.name}"`, `model "${model.name}" module`);
    for (const c of mod.compartments ?? []) {
      const f = where("compartment", c.name, mod.name);
      claim(c.name, f, f);
      if (!Number.isFinite(c.size) || c.size <= 0)
        throw new InputError(`${f}.size`, c.size, "a positive finite number");
      compartments.push({ decl: c, module: mod.name, unit: unitIn(`${f}.unit`, c.unit) });
      if (c.source) checkSource(`${f}.source`, c.source);
      else if (options.compartmentSources !== false && !isPlaceholderCompartment(c))
        throw new InputError(
          `${f}.source`,
          c.source,
          `${SOURCE_EXPECTED} for its size ${c.size} ${c.unit} (only a size-1 compartment of unit "1" needs none)`,
        );
    }
    for (const p of mod.parameters ?? []) {
      const f = where("parameter", p.name, mod.name);
      claim(p.name, f, f);
      if (typeof p.value !== "number" || !Number.isFinite(p.value))
        throw new InputError(`${f}.value`, p.value, "a finite number");
      if (!p.source) throw new InputError(`${f}.source`, p.source, SOURCE_EXPECTED);
      checkSource(`${f}.source`, p.source);
      if (p.min !== undefined && p.value < p.min)
        throw new InputError(`${f}.value`, p.value, `at least min = ${p.min}`);
      if (p.max !== undefined && p.value > p.max)
        throw new InputError(`${f}.value`, p.value, `at most max = ${p.max}`);
      if (p.distribution) checkDistribution(`${f}.distribution`, p.distribution, p.value);
      parameters.push({
        kind: "parameter",
        decl: p,
        module: mod.name,
        index: parameters.length,
        unit: unitIn(`${f}.unit`, p.unit),
        value: p.value,
      });
    }
    if (mod.inputs !== undefined && !Array.isArray(mod.inputs))
      throw new InputError(
        `module "${mod.name}".inputs`,
        mod.inputs,
        "a list of { name, unit, description }",
      );
    for (const x of mod.inputs ?? []) {
      const f = where("input", x.name, mod.name);
      claim(x.name, f, f);
      inputDecls.push({ decl: x, module: mod.name, unit: unitIn(`${f}.unit`, x.unit) });
    }
    for (const s of mod.species ?? []) {
      const f = where("species", s.name, mod.name);
      claim(s.name, f, f);
      speciesDecls.push({ decl: s, module: mod.name, unit: unitIn(`${f}.unit`, s.unit) });
    }
    for (const o of mod.observables ?? []) {
      const f = where("observable", o.name, mod.name);
      claim(o.name, f, f);
      observableDecls.push({ decl: o, module: mod.name, unit: unitIn(`${f}.unit`, o.unit) });
    }
    for (const p of mod.processes ?? []) {
      const f = where("process", p.name, mod.name);
      claimOther(processNames, p.name, f, f);
      processDecls.push({ decl: p, module: mod.name });
    }
    for (const e of mod.events ?? []) {
      const f = where("event", e.name, mod.name);
      claimOther(eventNames, e.name, f, f);
      eventDecls.push({ decl: e, module: mod.name });
    }
  }

  // parameters first, then compartment sizes, all in p
  for (const c of compartments) {
    parameters.push({
      kind: "compartment",
      decl: c.decl,
      module: c.module,
      index: parameters.length,
      unit: c.unit,
      value: c.decl.size,
    });
  }
  for (const p of parameters)
    symbols.set(p.decl.name, { kind: p.kind, index: p.index, unit: p.unit, module: p.module });
  const inputs: AnalyzedInput[] = inputDecls.map((x, k) => ({ ...x, index: parameters.length + k }));
  for (const x of inputs)
    symbols.set(x.decl.name, { kind: "input", index: x.index, unit: x.unit, module: x.module });
  speciesDecls.forEach((s, i) => {
    symbols.set(s.decl.name, { kind: "species", index: i, unit: s.unit, module: s.module });
  });
  observableDecls.forEach((o, i) => {
    symbols.set(o.decl.name, { kind: "observable", index: i, unit: o.unit, module: o.module });
  });

  const unitOfSymbol = (name: string): Unit => {
    const s = symbols.get(name);
    if (s) return s.unit;
    return parseUnit("1"); // built-in constants
  };

  /** Parse + check names and functions; `allowed` limits the kinds of symbols. */
  const parse = (
    field: string,
    text: string,
    allowed: ReadonlySet<SymbolKind>,
    extra?: Map<string, Unit>,
  ): Expr => {
    if (typeof text !== "string") throw new InputError(field, text, "an expression written as text");
    let e: Expr;
    try {
      e = parseExpr(text);
    } catch (err) {
      if (err instanceof ExprSyntaxError) throw new InputError(field, text, err.expected, err.where);
      throw err;
    }
    checkFunctions(e, field, text);
    for (const name of symbolsOf(e)) {
      if (extra?.has(name)) continue;
      const s = symbols.get(name);
      if (!s) {
        if (name in BUILTIN_CONSTANTS) {
          if (!Number.isFinite(BUILTIN_CONSTANTS[name]))
            throw new InputError(
              field,
              text,
              `finite values only; "${name}" is not a number a model may use (declare a parameter instead)`,
            );
          continue;
        }
        throw new InputError(
          field,
          text,
          `only declared names; "${name}" is not declared in any module of model "${model.name}" (modules: ${model.modules.map((m) => m.name).join(", ")})`,
        );
      }
      if (!allowed.has(s.kind)) {
        throw new InputError(
          field,
          text,
          `no ${s.kind} here ("${name}" is a ${s.kind}; allowed: ${[...allowed].join(", ")})`,
        );
      }
    }
    return e;
  };

  const unitOf = (field: string, text: string, e: Expr, extra?: Map<string, Unit>): Unit | null => {
    try {
      return unitOfExpr(e, (n) => extra?.get(n) ?? unitOfSymbol(n));
    } catch (err) {
      if (err instanceof UnitMismatch) throw new InputError(field, text, `consistent units (${err.message})`);
      throw err;
    }
  };
  const expectUnit = (
    field: string,
    text: string,
    e: Expr,
    want: Unit,
    wantText: string,
    extra?: Map<string, Unit>,
  ) => {
    const got = unitOf(field, text, e, extra);
    if (got && !sameDimension(got, want)) {
      throw new InputError(
        field,
        `${text} [${formatDims(got.dims)}]`,
        `unit ${wantText} (${formatDims(want.dims)})`,
      );
    }
  };

  /** Symbols → value·scale (observables and extra names left alone). */
  const toBase = (e: Expr, extra?: Map<string, Unit>): Expr =>
    simplify(
      substitute(e, (name) => {
        const ex = extra?.get(name);
        if (ex) return ex.scale === 1 ? undefined : mul({ kind: "sym", name }, num(ex.scale));
        const s = symbols.get(name);
        if (!s || s.kind === "observable") return undefined;
        if (
          s.kind === "time" ||
          s.kind === "species" ||
          s.kind === "parameter" ||
          s.kind === "compartment" ||
          s.kind === "input"
        ) {
          return s.unit.scale === 1 ? undefined : mul({ kind: "sym", name }, num(s.unit.scale));
        }
        return undefined;
      }),
    );

  const ANY: ReadonlySet<SymbolKind> = new Set([
    "species",
    "parameter",
    "compartment",
    "input",
    "observable",
    "time",
  ]);
  const CONSTANT: ReadonlySet<SymbolKind> = new Set(["parameter", "compartment"]);

  // ---- species ----
  const species: AnalyzedSpecies[] = speciesDecls.map((s, index) => {
    const f = where("species", s.decl.name, s.module);
    const comp = symbols.get(s.decl.compartment);
    if (comp?.kind !== "compartment") {
      const known = compartments.map((c) => c.decl.name).join(", ") || "none declared";
      throw new InputError(`${f}.compartment`, s.decl.compartment, `a declared compartment (${known})`);
    }
    let initial: number | Expr;
    if (typeof s.decl.initial === "number") {
      if (!Number.isFinite(s.decl.initial))
        throw new InputError(`${f}.initial`, s.decl.initial, "a finite number");
      initial = s.decl.initial;
    } else {
      const e = parse(`${f}.initial`, s.decl.initial, CONSTANT);
      expectUnit(`${f}.initial`, s.decl.initial, e, s.unit, s.decl.unit);
      initial = toBase(e);
    }
    return { decl: s.decl, module: s.module, index, unit: s.unit, initial };
  });

  // ---- observables (may use each other; no cycles) ----
  const obsExprs = observableDecls.map((o) => {
    const f = where("observable", o.decl.name, o.module);
    return parse(`${f}.expression`, o.decl.expression, ANY);
  });
  const observableOrder = topologicalOrder(
    observableDecls.map((o) => o.decl.name),
    obsExprs,
    model.name,
  );
  const observables: AnalyzedObservable[] = observableDecls.map((o, index) => {
    const f = where("observable", o.decl.name, o.module);
    expectUnit(`${f}.expression`, o.decl.expression, obsExprs[index], o.unit, o.decl.unit);
    return {
      decl: o.decl,
      module: o.module,
      index,
      unit: o.unit,
      expr: obsExprs[index],
      base: toBase(obsExprs[index]),
    };
  });

  // ---- processes ----
  const perTime = (u: Unit) => divide(u, timeU);
  const processes: AnalyzedProcess[] = processDecls.map(({ decl, module }) => {
    const f = where("process", decl.name, module);
    checkEvidence(`${f}.evidence`, decl.evidence, 1);
    const rate = parse(`${f}.rate`, decl.rate, ANY);
    const rateUnit = unitOf(`${f}.rate`, decl.rate, rate);
    const entries = Object.entries(decl.changes ?? {});
    if (entries.length === 0)
      throw new InputError(`${f}.changes`, decl.changes, "at least one species with its coefficient");
    const terms = entries.map(([name, coef]): AnalyzedTerm => {
      const s = symbols.get(name);
      if (s?.kind !== "species") {
        throw new InputError(
          `${f}.changes`,
          name,
          `a declared species (known: ${speciesDecls.map((x) => x.decl.name).join(", ")})`,
        );
      }
      const cf = `${f}.changes.${name}`;
      let c: Expr;
      if (typeof coef === "number") {
        if (!Number.isFinite(coef)) throw new InputError(cf, coef, "a finite number or an expression");
        c = num(coef);
      } else c = parse(cf, coef, CONSTANT);
      const coefUnit = unitOf(cf, String(coef), c) ?? DIMENSIONLESS;
      const want = perTime(s.unit);
      if (rateUnit) {
        const got = multiply(rateUnit, coefUnit);
        if (!sameDimension(got, want)) {
          const coefText = typeof coef === "number" ? String(coef) : coef;
          const speciesUnit = speciesDecls[s.index].decl.unit;
          throw new InputError(
            `${f}.rate`,
            `${decl.rate} [${formatDims(rateUnit.dims)}]`,
            `a rate in ${formatDims(divide(want, coefUnit).dims)} (so that rate × coefficient ${coefText} of ${name} is d${name}/dt in ${speciesUnitText(speciesUnit)}/${timeUnit} = ${formatDims(want.dims)}), but the rate's unit is ${formatDims(rateUnit.dims)}`,
          );
        }
      }
      // d(species)/dt [species unit / time unit] = rate_base · coef_base / scale(species/time)
      const factor = simplify(div(toBase(c), num(want.scale)));
      return { species: s.index, coefficient: c, factor, targetScale: want.scale };
    });
    return { decl, module, rate, base: toBase(rate), terms };
  });

  // ---- events ----
  const events: AnalyzedEvent[] = eventDecls.map(({ decl, module }) => {
    const f = where("event", decl.name, module);
    checkEvidence(`${f}.evidence`, decl.evidence ?? [], 0);
    const argUnits = new Map<string, Unit>();
    if (decl.arguments !== undefined && !Array.isArray(decl.arguments))
      throw new InputError(`${f}.arguments`, decl.arguments, "a list of { name, unit } arguments");
    const args = (decl.arguments ?? []).map((a) => {
      if (!NAME_RE.test(a.name))
        throw new InputError(`${f}.arguments`, a.name, "a name of letters, digits and _");
      if (symbols.has(a.name))
        throw new InputError(
          `${f}.arguments`,
          a.name,
          `an argument name not used by a ${symbols.get(a.name)?.kind}`,
        );
      const unit = unitIn(`${f}.arguments.${a.name}.unit`, a.unit);
      argUnits.set(a.name, unit);
      return { name: a.name, unit };
    });
    const assign = Object.entries(decl.assign ?? {}).map(([name, text]) => {
      const s = symbols.get(name);
      if (s?.kind !== "species") throw new InputError(`${f}.assign`, name, "a declared species");
      const af = `${f}.assign.${name}`;
      const e = parse(af, text, ANY, argUnits);
      expectUnit(af, text, e, s.unit, speciesDecls[s.index].decl.unit, argUnits);
      return { species: s.index, base: inlineObservables(toBase(e, argUnits), observables) };
    });
    const usesTime = assign.some((as) => symbolsOf(as.base).has("t"));
    return { decl, module, args, assign, usesTime };
  });

  return {
    model,
    timeUnit,
    species,
    parameters,
    inputs,
    observables,
    observableOrder,
    processes,
    events,
    symbols,
  };
}

const speciesUnitText = (u: string) => (u.includes("/") || u.includes("*") ? `(${u})` : u);

function unitIn(field: string, text: string): Unit {
  try {
    return parseUnit(text);
  } catch (err) {
    if (err instanceof InputError) throw new InputError(field, text, err.expected);
    throw err;
  }
}

const SOURCE_EXPECTED = 'a source (literature citation, or "assumed"/"fitted" with a note)';

/** A list of at least `min` known evidence ids; the type is checked before any id. */
function checkEvidence(field: string, evidence: unknown, min: number): void {
  if (!Array.isArray(evidence) || evidence.some((id) => typeof id !== "string"))
    throw new InputError(field, evidence, "a list of evidence ids (strings)");
  if (evidence.length < min)
    throw new InputError(
      field,
      evidence,
      `at least ${min} evidence id (every process names the papers it rests on; see src/evidence)`,
    );
  for (const id of evidence) {
    if (!hasEvidence(id))
      throw new InputError(field, id, 'a known evidence id (e.g. "review:22", "sove2020"; see src/evidence)');
  }
}

function checkSource(field: string, src: { kind: string; citation?: string; note?: string }): void {
  const kinds = ["literature", "derived", "fitted", "assumed"];
  if (!kinds.includes(src.kind))
    throw new InputError(`${field}.kind`, src.kind, `one of ${kinds.join(", ")}`);
  if ((src.kind === "literature" || src.kind === "derived") && !src.citation?.trim()) {
    throw new InputError(`${field}.citation`, src.citation, `a citation (required for a ${src.kind} value)`);
  }
  if ((src.kind === "fitted" || src.kind === "assumed") && !src.note?.trim()) {
    throw new InputError(`${field}.note`, src.note, `a note saying why (required for an ${src.kind} value)`);
  }
}

function checkDistribution(field: string, d: Distribution, value: number): void {
  const finite = (x: unknown) => typeof x === "number" && Number.isFinite(x);
  switch (d.kind) {
    case "lognormal":
      if (!finite(d.cv) || d.cv <= 0)
        throw new InputError(`${field}.cv`, d.cv, "a positive coefficient of variation");
      if (!(value > 0))
        throw new InputError(`${field}`, value, "a positive parameter value (lognormal variability)");
      return;
    case "normal":
      if (!finite(d.sd) || d.sd <= 0)
        throw new InputError(`${field}.sd`, d.sd, "a positive standard deviation");
      return;
    case "uniform":
    case "loguniform":
      if (!finite(d.min) || !finite(d.max) || !(d.min < d.max)) {
        throw new InputError(field, d, "min < max, both finite");
      }
      if (d.kind === "loguniform" && !(d.min > 0))
        throw new InputError(`${field}.min`, d.min, "a positive lower bound (loguniform)");
      if (value < d.min || value > d.max)
        throw new InputError(`${field}`, d, `a range containing the value ${value}`);
      return;
    default:
      throw new InputError(
        `${field}.kind`,
        (d as { kind: unknown }).kind,
        "lognormal, normal, uniform or loguniform",
      );
  }
}

function topologicalOrder(names: string[], exprs: Expr[], modelName: string): number[] {
  const index = new Map(names.map((n, i) => [n, i]));
  const state = new Array<number>(names.length).fill(0); // 0 new, 1 visiting, 2 done
  const order: number[] = [];
  const visit = (i: number, path: string[]) => {
    if (state[i] === 2) return;
    if (state[i] === 1) {
      throw new InputError(
        `model "${modelName}" observables`,
        [...path, names[i]].join(" → "),
        "observables without circular definitions",
      );
    }
    state[i] = 1;
    for (const s of symbolsOf(exprs[i])) {
      const j = index.get(s);
      if (j !== undefined) visit(j, [...path, names[i]]);
    }
    state[i] = 2;
    order.push(i);
  };
  names.forEach((_, i) => {
    visit(i, []);
  });
  return order;
}

/** Replace observable symbols by their (recursively inlined) base-unit expressions. */
export function inlineObservables(e: Expr, observables: readonly AnalyzedObservable[]): Expr {
  const byName = new Map(observables.map((o) => [o.decl.name, o]));
  const memo = new Map<string, Expr>();
  const inline = (x: Expr): Expr =>
    substitute(x, (name) => {
      const o = byName.get(name);
      if (!o) return undefined;
      let v = memo.get(name);
      if (!v) {
        v = inline(o.base);
        memo.set(name, v);
      }
      return v;
    });
  return inline(e);
}
