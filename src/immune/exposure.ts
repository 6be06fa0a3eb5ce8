/**
 * Drug exposure as inputs of the patient model (the input form of patient-model.ts). The PK/PD module
 * of a drug depends on nothing of the immune model, so it is solved on its own (the module compiled
 * alone, the patient's values of its parameters, its dose and infusion events) and its state enters the
 * immune solve as a function of time: doses are then no discontinuities of the 79-species stiff solve,
 * only of this small one.
 *
 * The PK solve is an exponential Rosenbrock integrator (exposure-nodes.ts: exprb43, exact for a linear
 * module, with the interpolant's own error under control); dopri5 with the same kind of nodes (without
 * that control between nodes) is the fallback when it fails other than by running out of steps, and
 * the fallback is reported in the solution's message (and the trajectory's). Between nodes the state is a Hermite interpolant of degree 7 of the node values and
 * their first to third derivatives (f, (∂f/∂y)·f + ∂f/∂t and its derivative), exact at the nodes and
 * right-continuous at a dose (the value after the dose from the dose time on, as the all-in-one solve
 * reports it). The PK solve runs at a relative tolerance below the immune solve's (PK_RTOL_FACTOR; not
 * below 1e-12 nor above 1e-4), so
 * the exposure is more accurate than in the all-in-one solve, which carries the PK species at the immune
 * tolerance. Measured (2026-11-25, rtol 1e-6, against a Radau rtol 1e-13 solve of the drug module alone;
 * largest deviation of the PK observables — serum, site, occupancies, clearance — relative to each one's
 * largest value): on the 730-day benchmark scenario (nivolumab 240 mg q2w) 4.8e-9 at the weekly output
 * days and 1.3e-8 anywhere (every hour), 477 steps; the previous dopri5 nodes (PK rtol 1e-7, quintic)
 * gave 1.3e-8 / 1.4e-8 with 1383 steps. The trajectory's PK columns against an all-in-one rtol 1e-10
 * solve: 1.0e-8 of their scale (2.5e-8 with the previous nodes; the all-in-one form at rtol 1e-6:
 * 3.3e-7). These are the regimens measured, not a bound for every regimen (nor is the immune columns'
 * ~2e-6 at rtol 1e-6: a pembrolizumab infusion from day −120 deviates 1.1e-5 in both forms,
 * docs/immune-model.md): test/immune/exposure-input.test.ts and test/immune/exposure-nodes.test.ts
 * assert them with margin.
 * Browser-safe; allocation only when built (once per simulation).
 */

import type { CompiledModel } from "../model/compiled.js";
import { solveOde } from "../numerics/ode/solve.js";
import { addStats, zeroStats } from "../numerics/ode/stats.js";
import type { OdeStats } from "../numerics/ode/types.js";
import {
  ExponentialNodeSolver,
  type ExposureNodes,
  exposureNodes,
  type NodeEvent,
  rhsUsesTime,
  septicBasis,
} from "./exposure-nodes.js";
import type { ModelCache } from "./model-cache.js";
import type { PlannedEvent } from "./treatment-plan.js";

/**
 * PK tolerance = immune rtol × this, within [PK_RTOL_MIN, PK_RTOL_MAX] (5e-8 at the default rtol 1e-6:
 * 477 exponential steps for two years of q2w nivolumab, PK columns 1.3e-8 of their scale from a tight
 * reference at any time; at 2e-8, 573 steps for 5.4e-9; at 5e-9, 751 steps for 1.4e-9). At looser immune
 * tolerances the PK follows (until this change, 2026-11-25, it was capped at 5e-8, which kept 477 steps, ~2 ms,
 * at every rtol): on the benchmark patient immune rtol 1e-3 → PK 5e-5, 173 steps, 1e-4 → 5e-6, 240 steps,
 * with the deviation of every column from the rtol 1e-10 reference unchanged to three digits (4.93e-4
 * and 8.49e-4 of the column maximum; lesion diameters 1.49e-4 and 2.07e-4 mm).
 */
export const PK_RTOL_FACTOR = 5e-2;
const PK_RTOL_MIN = 1e-12;
/**
 * Step budget of a PK solve: two years of q2w dosing take ~500 steps, a clearance 1000× the typical
 * ~4000; absurd parameters (e.g. clearance 1e12 L/day) fail within about a second instead of running
 * through a million steps and ~0.8 GB of nodes.
 */
const MAX_PK_STEPS = 100_000;
const PK_RTOL_MAX = 1e-4;
/** Absolute tolerance of the PK species (mg, mg/day, days, 0/1): far below any dose. */
const PK_ATOL = 1e-12;

/** One drug's solved exposure: Hermite nodes of its PK state and the input slots they fill. */
class DrugExposure {
  private seg = 0;
  /** Next break (dose, infusion start or stop) the immune solve has not passed; Infinity: none. */
  private cap = Number.POSITIVE_INFINITY;
  private nextBreak = 0;
  constructor(
    /** Slots in the patient parameter vector, in the PK model's species order. */
    private readonly slots: Int32Array,
    private readonly times: Float64Array,
    /** Node values, first and second derivatives, row-major (node × species). */
    private readonly values: Float64Array,
    private readonly slopes: Float64Array,
    private readonly curvatures: Float64Array,
    /** Third derivatives at the left and right end of each segment (row j: from node j to j+1). */
    private readonly thirdsLeft: Float64Array,
    private readonly thirdsRight: Float64Array,
    private readonly initial: Float64Array,
    /** Break times and, for each, the index of its first (pre-event) node (-1: none). */
    private readonly breaks: Float64Array,
    private readonly preNodes: Int32Array,
  ) {}

  /** Weights of the degree-7 Hermite interpolant at the point being written. */
  private readonly basis = new Float64Array(8);

  /** The immune solve starts at t0: values at or after a break not yet crossed are left limits. */
  begin(t0: number): void {
    this.nextBreak = 0;
    while (this.nextBreak < this.breaks.length && this.breaks[this.nextBreak] < t0) this.nextBreak++;
    this.cap = this.nextBreak < this.breaks.length ? this.breaks[this.nextBreak] : Number.POSITIVE_INFINITY;
  }

  /** The immune solve has reached time t and goes on past it (every break at or before t is crossed). */
  cross(t: number): void {
    while (this.nextBreak < this.breaks.length && this.breaks[this.nextBreak] <= t) this.nextBreak++;
    this.cap = this.nextBreak < this.breaks.length ? this.breaks[this.nextBreak] : Number.POSITIVE_INFINITY;
  }

  /** Back to right-continuous values everywhere (after the solve, for the observables). */
  end(): void {
    this.cap = Number.POSITIVE_INFINITY;
  }

  writeInitial(p: Float64Array): void {
    for (let i = 0; i < this.slots.length; i++) p[this.slots[i]] = this.initial[i];
  }

  write(t: number, p: Float64Array): void {
    const T = this.times;
    const last = T.length - 1;
    const k = this.slots.length;
    if (last === 0) {
      for (let i = 0; i < k; i++) p[this.slots[i]] = this.values[i];
      return;
    }
    // segment: the last node at or before t (right-continuous at a dose's duplicated node), or, at and
    // after a break the solve has not crossed yet, the segment ending at the break (left limit)
    let s = this.seg;
    const j = t >= this.cap ? this.preNodes[this.nextBreak] : -1;
    if (j >= 0) {
      if (j === 0) {
        for (let i = 0; i < k; i++) p[this.slots[i]] = this.values[i];
        return;
      }
      s = j - 1;
    } else if (t < T[s]) {
      // back (a rejected step, a restart): bisection for the last node at or before t
      let lo = 0;
      let hi = s;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (T[mid] <= t) lo = mid;
        else hi = mid;
      }
      s = lo;
    } else while (s < last - 1 && T[s + 1] <= t) s++;
    this.seg = s;
    const t0 = T[s];
    const h = T[s + 1] - t0;
    const a = s * k;
    const b = a + k;
    if (h === 0) {
      for (let i = 0; i < k; i++) p[this.slots[i]] = this.values[b + i];
      return;
    }
    // Hermite of degree 7: values and first to third derivatives at both ends
    const c = this.basis;
    septicBasis((t - t0) / h, h, c);
    const Y = this.values;
    const F = this.slopes;
    const G = this.curvatures;
    const L = this.thirdsLeft;
    const R = this.thirdsRight;
    for (let i = 0; i < k; i++)
      p[this.slots[i]] =
        c[0] * Y[a + i] +
        c[1] * F[a + i] +
        c[2] * G[a + i] +
        c[3] * L[a + i] +
        c[4] * Y[b + i] +
        c[5] * F[b + i] +
        c[6] * G[b + i] +
        c[7] * R[a + i];
  }
}

export interface ExposureSolution {
  /** Writes every drug's inputs at time t into p. */
  write(t: number, p: Float64Array): void;
  /** Writes every drug's initial (pre-treatment) PK state: the constant exposure of the burn-in. */
  writeInitial(p: Float64Array): void;
  /**
   * Times at which the exposure has a discontinuity (doses, infusion starts and stops): the immune
   * solve stops there (events without a state change) and calls cross(t) before it goes on, so that a
   * step ending at a break sees the exposure before it (its left limit) and the next one the exposure
   * after it. begin(t0) before the solve, end() after it (right-continuous values for the output).
   */
  breaks: number[];
  begin(t0: number): void;
  cross(t: number): void;
  end(): void;
  /** The PK solves' statistics, summed over drugs and over the attempts (a fallback adds its own). */
  stats: OdeStats;
  status: "success" | "failure";
  /** Failure: why. Success: "" or what was done instead of the exponential integrator (a fallback). */
  message: string;
}

/**
 * Solves the PK of every drug module in input form in `model` over [t0, tEnd] with the events of
 * `events` that belong to it, parameters taken by name from the patient vector `p`.
 */
export function solveExposure(
  model: CompiledModel,
  cache: ModelCache,
  drugs: readonly string[],
  events: readonly PlannedEvent[],
  p: Float64Array,
  t0: number,
  tEnd: number,
  rtol: number,
  method: "exponential" | "dopri5" = "exponential",
): ExposureSolution {
  let stats: OdeStats = zeroStats();
  const tracks: DrugExposure[] = [];
  const pkRtol = Math.min(PK_RTOL_MAX, Math.max(PK_RTOL_MIN, rtol * PK_RTOL_FACTOR));
  let status: "success" | "failure" = "success";
  let message = "";
  const notes: string[] = [];
  const exposureEvents = new Set<string>();
  const isExposureEvent = (name: string) => exposureEvents.has(name);
  for (const drug of drugs) {
    const pk = cache.drugPk(drug);
    const pp = pk.defaultParameters();
    for (const q of pk.parameters) pp[q.index] = p[model.parameterIndex(q.name)];
    const slots = Int32Array.from(pk.species, (s) => model.inputIndex(s.name));
    const names = new Set(pk.events.map((e) => e.name));
    for (const e of names) exposureEvents.add(e);
    const own = events.filter((e) => names.has(e.event) && e.day <= tEnd);
    // in time order (stable: simultaneous events in the plan's order, as solveOde applies them)
    const nodeEvents: NodeEvent[] = own
      .map((e) => ({ at: e.day, apply: (y: Float64Array) => pk.applyEvent(e.event, y, pp, e.args) }))
      .sort((a, b) => a.at - b.at);
    let nodes =
      method === "exponential"
        ? exposureNodes(pk, pp, pk.initialState(pp), nodeEvents, t0, tEnd, pkRtol, PK_ATOL, {
            nonNegative: pk.nonNegativeIndices,
            maxSteps: MAX_PK_STEPS,
          })
        : null;
    let failed = "";
    if (nodes !== null) {
      stats = addStats(stats, nodes.stats);
      if (nodes.status !== "success") failed = `exponential: ${nodes.message}`;
    }
    // dopri5 when asked for, or when the exponential integrator failed other than by running out of
    // steps (its steps are limited by the φ-series, roughly like an explicit method's: dopri5, whose
    // stability region is smaller, would not finish either)
    if (nodes === null || (nodes.status !== "success" && nodes.outOfSteps !== true)) {
      nodes = dopri5Nodes(pk, pp, nodeEvents, t0, tEnd, pkRtol);
      stats = addStats(stats, nodes.stats);
      // a fallback that succeeds is reported (its nodes have no defect control between them)
      if (failed !== "" && nodes.status === "success")
        notes.push(`PK of ${drug}: ${failed}; dopri5 nodes used instead`);
      else if (failed !== "") failed = `${failed}; dopri5: ${nodes.message}`;
    }
    if (nodes.status !== "success") {
      status = "failure";
      message = `PK of ${drug}: ${failed || nodes.message}`;
      break;
    }
    const { times, values, slopes, curvatures, thirdsLeft, thirdsRight } = nodes;
    const m = times.length;
    const breakTimes = [...new Set(own.map((e) => e.day))].sort((a, b) => a - b);
    // the pre-event node of each break (the solver records the state before and after its events), or
    // -1 for a break without such a pair (none expected: no jump there, values as anywhere else)
    const preNodes = Int32Array.from(breakTimes, (tb) => {
      for (let j = 0; j + 1 < m && times[j] <= tb; j++) if (times[j] === tb && times[j + 1] === tb) return j;
      return -1;
    });
    tracks.push(
      new DrugExposure(
        slots,
        times,
        values,
        slopes,
        curvatures,
        thirdsLeft,
        thirdsRight,
        pk.initialState(pp),
        Float64Array.from(breakTimes),
        preNodes,
      ),
    );
  }
  return {
    write(t, q) {
      for (const d of tracks) d.write(t, q);
    },
    writeInitial(q) {
      for (const d of tracks) d.writeInitial(q);
    },
    breaks: [
      ...new Set(events.filter((e) => e.day <= tEnd && isExposureEvent(e.event)).map((e) => e.day)),
    ].sort((a, b) => a - b),
    begin(t) {
      for (const d of tracks) d.begin(t);
    },
    cross(t) {
      for (const d of tracks) d.cross(t);
    },
    end() {
      for (const d of tracks) d.end();
    },
    stats,
    status,
    message: status === "success" ? notes.join("; ") : message,
  };
}

/**
 * Nodes from a dopri5 solve of the drug module (the fallback; also `method: "dopri5"`): its accepted
 * steps, with the node derivatives (f, J f + ∂f/∂t) and the segments' third derivatives computed as the
 * exponential integrator's (ExponentialNodeSolver), but without defect control between nodes.
 */
function dopri5Nodes(
  pk: CompiledModel,
  pp: Float64Array,
  events: readonly NodeEvent[],
  t0: number,
  tEnd: number,
  rtol: number,
): ExposureNodes {
  const solution = solveOde(pk.problem(pp, t0, tEnd), {
    method: "dopri5",
    rtol,
    atol: PK_ATOL,
    nonNegative: [...pk.nonNegativeIndices],
    events: events.map((e) => ({ at: e.at, apply: e.apply })),
    maxSteps: MAX_PK_STEPS,
  });
  const m = solution.t.length;
  const s = new ExponentialNodeSolver(pk, pp, rtol, PK_ATOL, rhsUsesTime(pk), [], Math.max(m, 1));
  for (let j = 0; j < m; j++) {
    const tj = solution.t[j];
    s.y1.set(solution.y[j]);
    s.nodeData(tj, s.y1, s.f1, s.J1, s.v1, s.g1);
    // the segment ending here (none at the first node, nor between the two nodes of an event)
    const h = j > 0 ? tj - solution.t[j - 1] : 0;
    if (h > 0) s.segmentThirds(h);
    s.accept();
    s.push(tj, h > 0);
  }
  // the solver's statistics (the node derivatives are not counted, as before)
  return { ...s.result(solution.status, solution.message), stats: solution.stats };
}
