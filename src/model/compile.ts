/**
 * compileModel: declarations → validated, unit-checked, compiled model. The right-hand side, Jacobian,
 * observables, initial values and events are generated as JavaScript once (codegen.ts) and turned into
 * functions with `new Function` (browser-safe, no eval of user data beyond parsed expressions).
 * Per-patient parameters are a Float64Array, so a new patient needs no recompilation.
 */
import { InputError } from "../errors.js";
import type { OdeProblem } from "../numerics/ode/types.js";
import { type AnalyzeOptions, analyzeModel, type ModelAnalysis } from "./analyze.js";
import { generateCode } from "./codegen.js";
import type { CompiledModel, CompiledParameter } from "./compiled.js";
import { FUNCTION_RUNTIME } from "./expr/functions.js";
import type { CompartmentDecl, ModelDecl, ParameterDecl } from "./types.js";

type Rhs = (t: number, y: Float64Array, dydt: Float64Array, p: Float64Array) => void;
type Observe = (t: number, y: Float64Array, p: Float64Array, out: Float64Array) => void;
type Initial = (p: Float64Array, y: Float64Array) => void;
type EventFn = (t: number, y: Float64Array, p: Float64Array, a: Float64Array) => void;

function build<T>(source: string): T {
  return new Function("Fn", source)(FUNCTION_RUNTIME) as T;
}

export function compileModel(model: ModelDecl, options: AnalyzeOptions = {}): CompiledModel {
  const analysis = analyzeModel(model, options);
  return compileAnalysis(analysis);
}

export function compileAnalysis(a: ModelAnalysis): CompiledModel {
  const code = generateCode(a);
  const rhs = build<Rhs>(code.rhs);
  const jacobian = build<Rhs>(code.jacobian);
  const observe = build<Observe>(code.observe);
  const initial = build<Initial>(code.initial);
  const events = new Map<string, { fn: EventFn; args: string[]; usesTime: boolean }>();
  for (const ev of a.events) {
    events.set(ev.decl.name, {
      fn: build<EventFn>(code.events.get(ev.decl.name) ?? ""),
      args: ev.args.map((x) => x.name),
      usesTime: ev.usesTime,
    });
  }
  const n = a.species.length;
  const model = a.model;

  const species = a.species.map((s) => ({
    name: s.decl.name,
    index: s.index,
    unit: s.decl.unit,
    compartment: s.decl.compartment,
    module: s.module,
    description: s.decl.description,
    nonNegative: s.decl.nonNegative ?? true,
  }));
  const parameters: CompiledParameter[] = a.parameters.map((p) => {
    if (p.kind === "parameter") {
      const d = p.decl as ParameterDecl;
      return {
        name: d.name,
        index: p.index,
        kind: "parameter",
        value: d.value,
        unit: d.unit,
        module: p.module,
        description: d.description,
        source: d.source,
        ...(d.distribution ? { distribution: d.distribution } : {}),
        ...(d.min !== undefined ? { min: d.min } : {}),
        ...(d.max !== undefined ? { max: d.max } : {}),
      };
    }
    const c = p.decl as CompartmentDecl;
    return {
      name: c.name,
      index: p.index,
      kind: "compartment",
      value: c.size,
      unit: c.unit,
      module: p.module,
      description: c.description,
      ...(c.source ? { source: c.source } : {}),
    };
  });
  const inputs = a.inputs.map((x) => ({
    name: x.decl.name,
    index: x.index,
    unit: x.decl.unit,
    module: x.module,
    description: x.decl.description,
  }));
  const slots = parameters.length + inputs.length;
  const defaults = new Float64Array(slots);
  for (const q of parameters) defaults[q.index] = q.value;
  const inputIdx = new Map(inputs.map((x) => [x.name, x.index]));
  const speciesIdx = new Map(species.map((s) => [s.name, s.index]));
  const paramIdx = new Map(parameters.map((p) => [p.name, p.index]));
  const obsIdx = new Map(a.observables.map((o) => [o.decl.name, o.index]));
  const lookup = (map: Map<string, number>, name: string, what: string) => {
    const i = map.get(name);
    if (i === undefined)
      throw new InputError(
        what,
        name,
        `one of ${[...map.keys()].join(", ") || "(none)"} in model "${model.name}"`,
      );
    return i;
  };
  const checkP = (p: Float64Array) => {
    if (!(p instanceof Float64Array) || p.length !== slots) {
      throw new InputError(
        "parameters",
        p,
        `a Float64Array of ${slots} values (model "${model.name}"${inputs.length ? `: ${parameters.length} parameters and ${inputs.length} inputs` : ""})`,
      );
    }
  };

  const compiled: CompiledModel = {
    name: model.name,
    description: model.description,
    timeUnit: a.timeUnit,
    decl: model,
    compartments: a.parameters
      .filter((p) => p.kind === "compartment")
      .map((p) => ({ ...(p.decl as CompartmentDecl), module: p.module })),
    species,
    parameters,
    inputs,
    observables: a.observables.map((o) => ({
      name: o.decl.name,
      index: o.index,
      unit: o.decl.unit,
      module: o.module,
      description: o.decl.description,
      expression: o.expr,
    })),
    processes: a.processes.map((p) => ({
      name: p.decl.name,
      module: p.module,
      description: p.decl.description,
      rate: p.rate,
      changes: p.terms.map((t) => ({
        species: a.species[t.species].decl.name,
        index: t.species,
        coefficient: t.coefficient,
      })),
      evidence: [...(p.decl.evidence ?? [])],
    })),
    events: a.events.map((e) => ({
      name: e.decl.name,
      module: e.module,
      description: e.decl.description,
      arguments: (e.decl.arguments ?? []).map((x) => ({ ...x })),
      evidence: [...(e.decl.evidence ?? [])],
    })),
    nonNegativeIndices: species.filter((s) => s.nonNegative).map((s) => s.index),
    jacobianPattern: { rows: Int32Array.from(code.pattern.rows), cols: Int32Array.from(code.pattern.cols) },
    speciesIndex: (name) => lookup(speciesIdx, name, "species"),
    parameterIndex: (name) => lookup(paramIdx, name, "parameter"),
    inputIndex: (name) => lookup(inputIdx, name, "input"),
    observableIndex: (name) => lookup(obsIdx, name, "observable"),
    defaultParameters: () => defaults.slice(),
    checkParameters(p) {
      checkP(p);
      for (const q of parameters) {
        const v = p[q.index];
        if (!Number.isFinite(v))
          throw new InputError(`parameters.${q.name}`, v, `a finite number (${q.unit})`);
        if (q.kind === "compartment" && !(v > 0))
          throw new InputError(`parameters.${q.name}`, v, `a positive compartment size (${q.unit})`);
        if (q.min !== undefined && v < q.min)
          throw new InputError(`parameters.${q.name}`, v, `at least ${q.min} ${q.unit}`);
        if (q.max !== undefined && v > q.max)
          throw new InputError(`parameters.${q.name}`, v, `at most ${q.max} ${q.unit}`);
      }
    },
    initialState(p) {
      checkP(p);
      const y = new Float64Array(n);
      initial(p, y);
      return y;
    },
    rhs,
    jacobian,
    observe,
    applyEvent(name, y, p, args, t) {
      const ev = events.get(name);
      if (!ev)
        throw new InputError(
          "event",
          name,
          `one of ${[...events.keys()].join(", ") || "(none)"} in model "${model.name}"`,
        );
      for (const key of Object.keys(args)) {
        if (!ev.args.includes(key)) {
          throw new InputError(
            `event "${name}"`,
            key,
            `one of its arguments (${ev.args.join(", ") || "none"})`,
          );
        }
      }
      const values = new Float64Array(ev.args.length);
      ev.args.forEach((arg, k) => {
        const v = args[arg];
        if (typeof v !== "number" || !Number.isFinite(v)) {
          throw new InputError(
            `event "${name}".${arg}`,
            v,
            "a finite number (every argument of the event is required)",
          );
        }
        values[k] = v;
      });
      if (t !== undefined && !Number.isFinite(t))
        throw new InputError(`event "${name}".t`, t, "a finite time (model time unit) or none");
      if (t === undefined && ev.usesTime)
        throw new InputError(
          `event "${name}".t`,
          t,
          `the time of the event (its assignments use t; pass it as applyEvent's 5th argument, ${a.timeUnit})`,
        );
      ev.fn(t ?? Number.NaN, y, p, values);
    },
    problem(p, t0, tEnd, y0) {
      checkP(p);
      const start = y0 ? Float64Array.from(y0) : compiled.initialState(p);
      if (start.length !== n) throw new InputError("y0", y0, `${n} initial values (model "${model.name}")`);
      const problem: OdeProblem = {
        f: (t, y, dydt) => rhs(t, y, dydt, p),
        jacobian: (t, y, J) => jacobian(t, y, J, p),
        y0: start,
        t0,
        tEnd,
      };
      return problem;
    },
    source: { rhs: code.rhs, jacobian: code.jacobian, observe: code.observe },
  };
  return compiled;
}
