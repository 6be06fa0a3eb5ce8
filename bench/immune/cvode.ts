/**
 * SUNDIALS CVODE on exactly the problem simulatePatient solves with `exposure: "ode"` (drug PK modules in
 * the ODE, doses as scheduled events): same compiled structure, parameter vector, initial state, burn-in
 * (tumour dynamics off for burnInDays from the initial state), events, output times and tolerances.
 * The model's right-hand side, Jacobian and events are generated as C (./c-model.ts) and built with
 * ./cvode_immune.c. Used by bench/immune-cvode.bench.ts and test/bench/c-model.test.ts.
 *
 * Tolerances: simulatePatient integrates z = y / scale with atol_z = atol / scale and the weight
 * atol_z + rtol·|z|, i.e. atol + rtol·|y| in y: CVODE on y with the same per-species atol vector (cells
 * 1e-2, everything else 1e-9 of its unit) and rtol uses the same error weights.
 */
import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ModelCache } from "../../src/immune/model-cache.js";
import { patientModel } from "../../src/immune/patient-model.js";
import { scenarioParameters } from "../../src/immune/simulate.js";
import { treatmentPlan } from "../../src/immune/treatment-plan.js";
import { analyzeModel } from "../../src/model/analyze.js";
import type { CompiledModel } from "../../src/model/compiled.js";
import type { Scenario } from "../../src/scenario/schema.js";
import {
  type BuildResult,
  benchBuildDir,
  buildCDriver,
  CVODE_DENSE_LIBS,
  CVODE_KLU_LIBS,
} from "../c-build.js";
import { type CModel, generateC } from "./c-model.js";

const here = new URL(".", import.meta.url).pathname;

/** The problem simulatePatient(…, { exposure: "ode" }) solves, as plain numbers. */
export interface ImmuneProblem {
  model: CompiledModel;
  cModel: CModel;
  /** Parameter vector of the treatment period (tumour dynamics on). */
  p: Float64Array;
  dynamicsIndex: number;
  /** Initial state of the burn-in (initialState with tumour dynamics off, as simulatePatient). */
  y0: Float64Array;
  atol: Float64Array;
  nonNegative: Uint8Array;
  burnInDays: number;
  t0: number;
  tEnd: number;
  outputTimes: number[];
  events: { at: number; kind: number; args: number[] }[];
}

/** As simulate.ts absoluteTolerances (not exported there): cells 1e-2, everything else 1e-9. */
function absoluteTolerances(model: CompiledModel): Float64Array {
  return Float64Array.from(model.species, (s) => (s.unit === "cell" ? 1e-2 : 1e-9));
}

export function immuneProblem(
  scenario: Scenario,
  cache = new ModelCache(),
  burnInDays = 90,
  everyDays = scenario.outputs?.everyDays ?? 1,
): ImmuneProblem {
  const plan = treatmentPlan(scenario);
  const structure = { ...plan.structure, exposure: "ode" as const };
  const model = cache.get(structure);
  // the same declarations analysed again: the C is generated from the analysis compileModel uses
  const cModel = generateC(analyzeModel(patientModel(structure)));
  if (cModel.n !== model.species.length) throw new Error("C model and compiled model differ in size");
  const p = scenarioParameters(model, { ...plan.parameters, ...(scenario.parameters ?? {}) }, {});
  const dynamicsIndex = model.parameterIndex("tumour_dynamics");
  const pBurn = p.slice();
  pBurn[dynamicsIndex] = 0;
  const y0 = model.initialState(pBurn);
  const outputTimes: number[] = [];
  for (let k = 0; ; k++) {
    const t = plan.t0 + k * everyDays;
    if (t > plan.tEnd + 1e-9) break;
    outputTimes.push(Math.min(t, plan.tEnd));
  }
  if (outputTimes[outputTimes.length - 1] < plan.tEnd) outputTimes.push(plan.tEnd);
  const kinds = new Map(cModel.events.map((e, k) => [e.name, k]));
  const events = plan.events
    .filter((e) => e.day <= plan.tEnd && kinds.has(e.event))
    .map((e) => {
      const kind = kinds.get(e.event) ?? -1;
      return { at: e.day, kind, args: cModel.events[kind].args.map((a) => e.args[a]) };
    })
    .sort((a, b) => a.at - b.at);
  for (const e of events)
    if (e.args.some((v) => typeof v !== "number" || !Number.isFinite(v)))
      throw new Error(`event ${cModel.events[e.kind].name} at day ${e.at}: missing argument`);
  return {
    model,
    cModel,
    p,
    dynamicsIndex,
    y0,
    atol: absoluteTolerances(model),
    nonNegative: Uint8Array.from(model.species, (s) => (s.nonNegative ? 1 : 0)),
    burnInDays,
    t0: plan.t0,
    tEnd: plan.tEnd,
    outputTimes,
    events,
  };
}

const fmt = (v: number) => {
  if (!Number.isFinite(v)) throw new Error(`non-finite input number ${v}`);
  return v.toPrecision(17);
};
const line = (v: ArrayLike<number>) => Array.from(v, fmt).join(" ");

export type BuiltDriver = BuildResult;

/**
 * Writes the generated model into `dir` and builds the driver there (dense and KLU linear solvers).
 */
export function buildImmuneDriver(problem: ImmuneProblem, dir = benchBuildDir()): BuiltDriver {
  writeFileSync(join(dir, "immune_model.c"), problem.cModel.source);
  return buildCDriver(
    "cvode_immune",
    join(here, "cvode_immune.c"),
    [...CVODE_DENSE_LIBS, ...CVODE_KLU_LIBS],
    [dir],
    dir,
  );
}

export type LinearSolver = "dense" | "klu" | "dense-dq";
const LINSOL: Record<LinearSolver, number> = { dense: 0, klu: 1, "dense-dq": 2 };

export interface CvodeRun {
  flag: number;
  message: string;
  reps: number;
  medianUs: number;
  minUs: number;
  steps: number;
  rhsEvals: number;
  rhsEvalsForJacobian: number;
  jacobianEvals: number;
  linearSolverSetups: number;
  newtonIterations: number;
  newtonConvFails: number;
  errorTestFails: number;
  jacobianNonzeros: number;
  /** State at each output time (post-event at event times, as simulatePatient). */
  states: number[][];
}

/** Runs the driver; its JSON writes non-finite numbers as "NaN", "Infinity", "-Infinity". */
function exec(exe: string, mode: "run" | "check", input: string): unknown {
  const file = join(benchBuildDir(), `cvode_immune_${mode}_${process.pid}.txt`);
  writeFileSync(file, input);
  let out: string;
  try {
    out = execFileSync(exe, [mode, file], { encoding: "utf8", maxBuffer: 256 << 20, timeout: 600_000 });
  } finally {
    rmSync(file, { force: true });
  }
  return JSON.parse(out, (_, v) =>
    v === "NaN" ? Number.NaN : v === "Infinity" ? Infinity : v === "-Infinity" ? -Infinity : v,
  );
}

export function runCvode(
  exe: string,
  problem: ImmuneProblem,
  rtol: number,
  reps: number,
  linearSolver: LinearSolver,
  restartWithLastStep = false,
  maxOrder = 5,
): CvodeRun {
  const pr = problem;
  const input = [
    `${pr.model.species.length} ${pr.p.length}`,
    line(pr.p),
    String(pr.dynamicsIndex),
    line(pr.y0),
    line(pr.atol),
    line(pr.nonNegative),
    `${fmt(rtol)} ${fmt(pr.burnInDays)} ${fmt(pr.t0)} ${fmt(pr.tEnd)}`,
    `${pr.outputTimes.length} ${line(pr.outputTimes)}`,
    String(pr.events.length),
    ...pr.events.map((e) => `${fmt(e.at)} ${e.kind} ${e.args.length} ${line(e.args)}`),
    `${reps} ${LINSOL[linearSolver]} ${maxOrder} ${restartWithLastStep ? 1 : 0}`,
  ].join("\n");
  const r = exec(exe, "run", input) as CvodeRun;
  if (r.flag < 0) throw new Error(`CVODE failed: ${r.message}`);
  return r;
}

/**
 * The C right-hand side and Jacobian nonzeros at the given states (parameters p), and the CPU time of
 * one call of each (µs, at the first state).
 */
export function evaluateC(
  exe: string,
  problem: ImmuneProblem,
  p: Float64Array,
  states: { t: number; y: ArrayLike<number> }[],
): { states: { f: number[]; jac: number[] }[]; rhsUs: number; jacobianUs: number } {
  const input = [
    `${problem.model.species.length} ${p.length}`,
    line(p),
    String(states.length),
    ...states.map((s) => `${fmt(s.t)} ${line(s.y)}`),
  ].join("\n");
  return exec(exe, "check", input) as {
    states: { f: number[]; jac: number[] }[];
    rhsUs: number;
    jacobianUs: number;
  };
}

/**
 * Largest relative difference between the C and the compiled (JavaScript) right-hand side and
 * Jacobian over the given states: |c − js| / max(|js|, floor) per component, where the floor is
 * 1e-12 of the largest magnitude of that state's vector (a component that cancels to ~0 is compared on
 * the vector's scale). Equal non-finite values count as equal; `nonFinite` counts the right-hand side's
 * non-finite components (states far from any trajectory may produce them).
 */
export function compareWithCompiled(
  exe: string,
  problem: ImmuneProblem,
  p: Float64Array,
  states: { t: number; y: Float64Array }[],
): {
  rhs: number;
  jacobian: number;
  worstRhs: string;
  worstJacobian: string;
  nonFinite: number;
  cRhsUs: number;
  cJacobianUs: number;
} {
  const { model, cModel } = problem;
  const n = model.species.length;
  const evaluated = evaluateC(exe, problem, p, states);
  const c = evaluated.states;
  const dydt = new Float64Array(n);
  const J = new Float64Array(n * n);
  let rhs = 0;
  let jacobian = 0;
  let worstRhs = "";
  let worstJacobian = "";
  let nonFinite = 0;
  // equal values (NaN and NaN, or the same infinity, included) differ by 0
  const rel = (a: number, b: number, floor: number) =>
    Object.is(a, b) || a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(b), floor);
  states.forEach((s, k) => {
    model.rhs(s.t, s.y, dydt, p);
    const fMax = dydt.reduce((m, v) => (Number.isFinite(v) ? Math.max(m, Math.abs(v)) : m), 0);
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(dydt[i])) nonFinite++;
      const d = rel(c[k].f[i], dydt[i], 1e-12 * fMax);
      if (!(d <= rhs)) {
        rhs = d;
        worstRhs = `state ${k}, d${model.species[i].name}/dt: C ${c[k].f[i]}, JS ${dydt[i]}`;
      }
    }
    J.fill(0);
    model.jacobian(s.t, s.y, J, p);
    const jMax = J.reduce((m, v) => (Number.isFinite(v) ? Math.max(m, Math.abs(v)) : m), 0);
    const seen = new Set<number>();
    cModel.pattern.rows.forEach((i, e) => {
      const j = cModel.pattern.cols[e];
      seen.add(i * n + j);
      const d = rel(c[k].jac[e], J[i * n + j], 1e-12 * jMax);
      if (!(d <= jacobian)) {
        jacobian = d;
        worstJacobian = `state ${k}, J[${model.species[i].name}, ${model.species[j].name}]: C ${c[k].jac[e]}, JS ${J[i * n + j]}`;
      }
    });
    // the compiled Jacobian has no nonzero outside the C pattern
    for (let q = 0; q < n * n; q++)
      if (!seen.has(q) && J[q] !== 0) {
        jacobian = Number.POSITIVE_INFINITY;
        worstJacobian = `state ${k}: JS entry (${Math.floor(q / n)}, ${q % n}) = ${J[q]} outside the C pattern`;
      }
  });
  return {
    rhs,
    jacobian,
    worstRhs,
    worstJacobian,
    nonFinite,
    cRhsUs: evaluated.rhsUs,
    cJacobianUs: evaluated.jacobianUs,
  };
}
