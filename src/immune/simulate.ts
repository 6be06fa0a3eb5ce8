/**
 * simulatePatient(params, scenario) → Trajectory: one patient, one ODE solve of the immune model (after a
 * burn-in that lets the immune state settle around the untreated tumour), with ablations as exact
 * scheduled events. Drug exposure enters by default as inputs from a separate PK solve (exposure.ts),
 * so doses are no events of the immune solve; `exposure: "ode"` solves the drug modules inside the same
 * ODE system with the doses as scheduled events instead. Browser-safe.
 */
import { InputError } from "../errors.js";
import type { CompiledModel } from "../model/compiled.js";
import { solveOde } from "../numerics/ode/solve.js";
import { addStats, zeroStats } from "../numerics/ode/stats.js";
import type { OdeMethod, OdeProblem, OdeStats, ScheduledEvent } from "../numerics/ode/types.js";
import type { Scenario } from "../scenario/schema.js";
import { coloredJacobian } from "./colored-jacobian.js";
import { type ExposureSolution, solveExposure } from "./exposure.js";
import { ModelCache } from "./model-cache.js";
import { structureKey } from "./patient-model.js";
import type { Trajectory } from "./trajectory.js";
import { treatmentPlan } from "./treatment-plan.js";

export interface SimulateOptions {
  /** Compiled models to reuse (a cohort passes one cache for all its patients). */
  cache?: ModelCache;
  method?: Exclude<OdeMethod, "auto" | "dopri5">;
  rtol?: number;
  /** Days of burn-in before the simulation starts, with tumour cell numbers frozen (default 90). */
  burnInDays?: number;
  /** Output interval in days (default: the scenario's outputs.everyDays, or 1). */
  everyDays?: number;
  /**
   * Jacobian given to the solver: "symbolic" (default; the compiler's generated Jacobian, exact and
   * ~5x cheaper per call than differences), "colored" (coloured finite differences on the compiler's
   * pattern) or "solver" (the solver's own differences).
   */
  jacobian?: "colored" | "symbolic" | "solver";
  /**
   * Integrate the state divided by a per-species scale (default true): cell counts (~1e6–1e11) and
   * concentrations (~1e-3–1e3) then enter the Jacobian on comparable scales, so the solver's sparse LU
   * keeps its pivots instead of falling back to a dense factorisation. Same method, same error norm.
   */
  scaled?: boolean;
  /** Largest step in days (default: none). */
  hMax?: number;
  /**
   * How drug exposure enters (see patient-model.ts): "input" (default) from a separate PK solve, doses
   * being no events of the immune solve; "ode" with the drug modules as species of the one solve.
   */
  exposure?: "input" | "ode";
}

/** The first columns of every trajectory, in this order (per lesion: one column per lesion id). */
export const KEY_COLUMNS = [
  "treg_pct_cd4_blood",
  "cd8_per_mm3_*",
  "diameter_mm_*",
  "pd1_occupancy",
  "ifng_pg_per_ml_blood",
  "il10_pg_per_ml_blood",
];

/** Parameter vector for a scenario: model defaults, then the scenario's values, then `params`. */
export function scenarioParameters(
  model: CompiledModel,
  scenarioValues: Record<string, number>,
  params: Record<string, number>,
): Float64Array {
  const p = model.defaultParameters();
  const set = (name: string, value: number, field: string) => {
    let index: number;
    try {
      index = model.parameterIndex(name);
    } catch {
      throw new InputError(field, name, "the name of a model parameter (see docs/immune-model.md)");
    }
    if (!Number.isFinite(value)) throw new InputError(`${field}.${name}`, value, "a finite number");
    const decl = model.parameters[index];
    if ((decl.min !== undefined && value < decl.min) || (decl.max !== undefined && value > decl.max))
      throw new InputError(
        `${field}.${name}`,
        value,
        `a number between ${decl.min ?? "-∞"} and ${decl.max ?? "∞"}`,
      );
    p[index] = value;
  };
  for (const [name, value] of Object.entries(scenarioValues)) set(name, value, "scenario");
  for (const [name, value] of Object.entries(params)) set(name, value, "parameters");
  return p;
}

/** Structural nonzeros of a compiled model as positions i·n + j, each once (computed once per model). */
const positions = new WeakMap<CompiledModel, Int32Array>();
function patternPositions(model: CompiledModel): Int32Array {
  let pos = positions.get(model);
  if (pos === undefined) {
    const n = model.species.length;
    const at = new Set<number>();
    const { rows, cols } = model.jacobianPattern;
    for (let k = 0; k < rows.length; k++) at.add(rows[k] * n + cols[k]);
    pos = Int32Array.from(at);
    positions.set(model, pos);
  }
  return pos;
}

/**
 * The ODE problem in scaled variables z = y / scale (scale = 1 everywhere reproduces y itself). By default
 * the Jacobian is a coloured finite-difference one instead of the generated symbolic one: a right-hand-side
 * call takes ~1 µs and the structural pattern lets one call fill many columns (18 calls for 82 columns).
 * Allocation only here (once per solve).
 */
function problemOf(
  model: CompiledModel,
  p: Float64Array,
  t0: number,
  tEnd: number,
  scale: Float64Array,
  fdScale: Float64Array,
  jacobian: NonNullable<SimulateOptions["jacobian"]>,
  y0: ArrayLike<number> | undefined,
  exposure: ExposureSolution | null,
): OdeProblem {
  const n = model.species.length;
  const full = model.problem(p, t0, tEnd, y0);
  const y = new Float64Array(n);
  const z0 = new Float64Array(n);
  for (let i = 0; i < n; i++) z0[i] = full.y0[i] / scale[i];
  const f = exposure
    ? (t: number, z: Float64Array, dz: Float64Array): void => {
        for (let i = 0; i < n; i++) y[i] = z[i] * scale[i];
        exposure.write(t, p);
        full.f(t, y, dz);
        for (let i = 0; i < n; i++) dz[i] /= scale[i];
      }
    : (t: number, z: Float64Array, dz: Float64Array): void => {
        for (let i = 0; i < n; i++) y[i] = z[i] * scale[i];
        full.f(t, y, dz);
        for (let i = 0; i < n; i++) dz[i] /= scale[i];
      };
  // with exposure inputs f depends on t (the Rosenbrock methods then difference ∂f/∂t)
  const problem: OdeProblem = { f, autonomous: exposure === null, y0: z0, t0: full.t0, tEnd: full.tEnd };
  if (jacobian === "solver") return problem;
  const pos = patternPositions(model);
  let evaluate: (t: number, z: Float64Array, J: Float64Array) => void;
  if (jacobian === "colored") {
    const zScale = new Float64Array(n);
    for (let i = 0; i < n; i++) zScale[i] = fdScale[i] / scale[i];
    evaluate = coloredJacobian(n, model.jacobianPattern, f, zScale).jacobian;
  } else {
    // ∂(f_i/s_i)/∂z_j = J_ij · s_j / s_i
    const factor = Float64Array.from(pos, (q) => scale[q % n] / scale[Math.floor(q / n)]);
    evaluate = (t: number, z: Float64Array, J: Float64Array): void => {
      for (let i = 0; i < n; i++) y[i] = z[i] * scale[i];
      exposure?.write(t, p);
      model.jacobian(t, y, J, p);
      for (let k = 0; k < pos.length; k++) J[pos[k]] *= factor[k];
    };
  }
  // The compiler's structural pattern is declared to the solver: its sparse LU is built on it once per
  // solve (otherwise it learns the pattern from the nonzeros it sees and redoes its symbolic LU whenever
  // entries that vanish at the current state, e.g. of a species at 0, become nonzero later).
  problem.jacobian = evaluate;
  problem.jacobianPattern = pos;
  return problem;
}

/** Absolute tolerances per species: cells to a hundredth of a cell, everything else to 1e-9 of its unit. */
function absoluteTolerances(model: CompiledModel): Float64Array {
  const atol = new Float64Array(model.species.length);
  for (const s of model.species) atol[s.index] = s.unit === "cell" ? 1e-2 : 1e-9;
  return atol;
}

/** Output name of an observable: the slot tag (…_l2) replaced by the lesion id (…_distant). */
function outputName(name: string, lesionIds: string[]): string {
  const m = /_l(\d+)$/.exec(name);
  if (!m) return name;
  const slot = Number(m[1]) - 1;
  return slot < lesionIds.length ? `${name.slice(0, -m[0].length + 1)}${lesionIds[slot]}` : name;
}

/** Output names of a model's observables for some lesion ids, in column order (computed once per pair). */
const columnLayouts = new WeakMap<CompiledModel, Map<string, { names: string[]; order: number[] }>>();
function columnLayout(model: CompiledModel, lesionIds: string[]): { names: string[]; order: number[] } {
  let byIds = columnLayouts.get(model);
  if (byIds === undefined) {
    byIds = new Map();
    columnLayouts.set(model, byIds);
  }
  const key = JSON.stringify(lesionIds);
  let layout = byIds.get(key);
  if (layout === undefined) {
    const names = model.observables.map((o) => outputName(o.name, lesionIds));
    layout = { names, order: columnOrder(names, lesionIds) };
    byIds.set(key, layout);
  }
  return layout;
}

function columnOrder(names: string[], lesionIds: string[]): number[] {
  const rank = (name: string): number => {
    for (let k = 0; k < KEY_COLUMNS.length; k++) {
      const key = KEY_COLUMNS[k];
      if (key.endsWith("*") ? lesionIds.some((id) => name === key.slice(0, -1) + id) : name === key) return k;
    }
    return KEY_COLUMNS.length;
  };
  return names.map((_, i) => i).sort((a, b) => rank(names[a]) - rank(names[b]) || a - b);
}

export function simulatePatient(
  params: Record<string, number> | undefined,
  scenario: Scenario,
  options: SimulateOptions = {},
): Trajectory {
  const plan = treatmentPlan(scenario);
  const cache = options.cache ?? new ModelCache();
  if (options.exposure !== undefined && options.exposure !== "input" && options.exposure !== "ode")
    throw new InputError("exposure", options.exposure, '"input" or "ode"');
  const inputExposure = (options.exposure ?? "input") === "input" && plan.structure.drugs.length > 0;
  const model = cache.get({ ...plan.structure, exposure: inputExposure ? "input" : "ode" });
  const p = scenarioParameters(model, { ...plan.parameters, ...(scenario.parameters ?? {}) }, params ?? {});
  const method = options.method ?? "rodas5";
  const rtol = options.rtol ?? 1e-6;
  if (typeof rtol !== "number" || !(rtol > 0 && rtol < 1))
    throw new InputError("rtol", options.rtol, "a relative tolerance in (0, 1), e.g. 1e-6");
  const atol = absoluteTolerances(model);
  const fdScale = atol.map((a) => a / rtol);
  const jacobian = options.jacobian ?? "symbolic";
  const n = model.species.length;
  const nonNegative = [...model.nonNegativeIndices];
  const lesionIds = scenario.lesions.map((l) => l.id);
  const { t0, tEnd } = plan;
  // Drug exposure from its own solve (input form); its doses are then none of the immune solve's events.
  const exposure = inputExposure
    ? solveExposure(model, cache, plan.structure.drugs, plan.events, p, t0, tEnd, rtol)
    : null;
  const modelEvents = new Set(model.events.map((e) => e.name));
  let stats: OdeStats = zeroStats();
  const emptyResult = (message: string, resultMethod: string): Trajectory => ({
    days: new Float64Array(0),
    columnNames: [],
    columns: {},
    units: {},
    lesionIds,
    events: [],
    status: "failure",
    message,
    stats,
    ...(exposure ? { exposureStats: exposure.stats } : {}),
    method: resultMethod,
    rtol,
  });
  // a failed drug exposure fails the simulation before any immune solve (no burn-in run for nothing)
  if (exposure && exposure.status !== "success")
    return emptyResult(`drug exposure failed: ${exposure.message}`, method);

  // Burn-in: the immune state settles around the untreated tumour, whose cell numbers are frozen.
  const dynamicsIndex = model.parameterIndex("tumour_dynamics");
  const dynamics = p[dynamicsIndex];
  p[dynamicsIndex] = 0;
  const burnInDays = options.burnInDays ?? 90;
  const y0 = model.initialState(p);
  // Scale of each species: its initial magnitude, or the smallest magnitude the tolerances resolve.
  const scale = new Float64Array(n).fill(1);
  if (options.scaled ?? true) for (let i = 0; i < n; i++) scale[i] = Math.max(Math.abs(y0[i]), fdScale[i]);
  const zAtol = atol.map((a, i) => a / scale[i]);
  const solverOptions = {
    method,
    rtol,
    atol: zAtol,
    nonNegative,
    ...(options.hMax ? { hMax: options.hMax } : {}),
  };
  // before treatment the drug state is its initial one (no drug): constant inputs, autonomous burn-in
  exposure?.writeInitial(p);
  // a cache that keeps burn-ins (ModelCache({ reuseBurnIn })) returns the settled state of an identical
  // burn-in (same structure, parameters and solver settings): the same numbers the solve would give
  const burnInKey = cache.reusesBurnIn
    ? [
        structureKey({ ...plan.structure, exposure: inputExposure ? "input" : "ode" }),
        burnInDays,
        method,
        rtol,
        jacobian,
        options.scaled ?? true,
        options.hMax ?? 0,
        ...p,
      ].join(",")
    : "";
  const reused = cache.reusesBurnIn ? cache.burnIn(burnInKey) : undefined;
  const burnIn = reused
    ? null
    : solveOde(problemOf(model, p, 0, burnInDays, scale, fdScale, jacobian, y0, null), {
        ...solverOptions,
        outputTimes: [burnInDays],
      });
  p[dynamicsIndex] = dynamics;
  if (burnIn) stats = burnIn.stats;
  const every = options.everyDays ?? scenario.outputs?.everyDays ?? 1;
  if (burnIn && (burnIn.status !== "success" || burnIn.y.length === 0))
    return emptyResult(`burn-in failed: ${burnIn.message}`, burnIn.method);
  const yStart = reused ? reused.slice() : Float64Array.from(burnIn?.y[0] ?? [], (z, i) => z * scale[i]);
  if (cache.reusesBurnIn && !reused) cache.keepBurnIn(burnInKey, yStart.slice());

  const times: number[] = [];
  for (let k = 0; ; k++) {
    const t = t0 + k * every;
    if (t > tEnd + 1e-9) break;
    times.push(Math.min(t, tEnd));
  }
  if (times[times.length - 1] < tEnd) times.push(tEnd);
  const yWork = new Float64Array(n);
  const events: ScheduledEvent[] = plan.events
    .filter((e) => e.day <= tEnd && modelEvents.has(e.event))
    .map((e) => ({
      at: e.day,
      name: e.event,
      apply: (z: Float64Array) => {
        for (let i = 0; i < n; i++) yWork[i] = z[i] * scale[i];
        // the exposure inputs at the event time, for an assignment that reads an input (none does now:
        // the ablations read species and parameters). Without this p holds what the solver's last f call
        // wrote, also at the event time with rodas5, radau5 and bdf (measured), but that is up to the
        // method. At a dose time: the exposure before the dose (exposure_break events sort after the model
        // events of the same time), as in the "ode" form, which applies an ablation before a same-day dose.
        exposure?.write(e.day, p);
        model.applyEvent(e.event, yWork, p, e.args);
        for (let i = 0; i < n; i++) z[i] = yWork[i] / scale[i];
      },
    }));
  // exposure inputs: the solve stops at each discontinuity of the drug state (no change of the immune
  // state there); the steps before see its left limit, those after its right limit
  if (exposure)
    for (const at of exposure.breaks)
      events.push({ at, name: "exposure_break", keepsState: true, apply: () => exposure.cross(at) });
  events.sort((a, b) => a.at - b.at);
  // the treatment period is scaled by the settled state (species that start at 0 have grown by now)
  if (options.scaled ?? true)
    for (let i = 0; i < n; i++) {
      scale[i] = Math.max(Math.abs(yStart[i]), fdScale[i]);
      zAtol[i] = atol[i] / scale[i];
    }
  exposure?.begin(t0);
  const sol = solveOde(problemOf(model, p, t0, tEnd, scale, fdScale, jacobian, yStart, exposure), {
    ...solverOptions,
    outputTimes: times,
    events,
    maxSteps: 200000,
  });
  exposure?.end();
  stats = addStats(stats, sol.stats);
  for (const z of sol.y) for (let i = 0; i < n; i++) z[i] *= scale[i];

  const nObs = model.observables.length;
  const obs = new Float64Array(nObs);
  const raw = model.observables.map(() => new Float64Array(sol.t.length));
  for (let i = 0; i < sol.t.length; i++) {
    exposure?.write(sol.t[i], p);
    model.observe(sol.t[i], sol.y[i], p, obs);
    for (let k = 0; k < nObs; k++) raw[k][i] = obs[k];
  }
  const { names, order } = columnLayout(model, lesionIds);
  const columns: Record<string, Float64Array> = {};
  const units: Record<string, string> = {};
  const columnNames: string[] = [];
  for (const k of order) {
    columnNames.push(names[k]);
    columns[names[k]] = raw[k];
    units[names[k]] = model.observables[k].unit;
  }
  let status = sol.status;
  // a PK fallback (dopri5 nodes instead of the exponential integrator's) is said in the message
  let message = exposure?.message ? `${sol.message}; drug exposure: ${exposure.message}` : sol.message;
  if (status === "success")
    for (const name of columnNames)
      if (columns[name].some((v) => !Number.isFinite(v))) {
        status = "failure";
        message = `observable ${name} is not finite`;
        break;
      }
  return {
    days: sol.t,
    columnNames,
    columns,
    units,
    lesionIds,
    events: plan.events.flatMap((e) => (e.report && e.day <= tEnd ? [e.report] : [])),
    status,
    message,
    stats,
    ...(exposure ? { exposureStats: exposure.stats } : {}),
    method: sol.method,
    rtol,
  };
}
