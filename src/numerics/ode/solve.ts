/**
 * solveOde: the integration loop around one stepper. It owns output (every accepted step, or dense output at
 * outputTimes), scheduled events (exact, restart after each), state events (root finding on the dense
 * output), the nonNegative clamp, the step budget and failure reporting. Contract: ./types.ts.
 */
import { BdfStepper } from "./bdf.js";
import { OdeContext } from "./context.js";
import { Dopri5Stepper } from "./dopri5.js";
import { findRootIllinois } from "./event-root.js";
import { Radau5Stepper } from "./radau5.js";
import { Rodas5PStepper } from "./rodas5p.js";
import { type MethodName, type Stepper, UNIT_ROUNDOFF } from "./stepper.js";
import type { FiredEvent, OdeOptions, OdeProblem, OdeSolution } from "./types.js";
import { validateOde } from "./validate.js";

function createStepper(method: MethodName, ctx: OdeContext, maxOrder: number): Stepper {
  switch (method) {
    case "dopri5":
      return new Dopri5Stepper(ctx);
    case "radau5":
      return new Radau5Stepper(ctx);
    case "bdf":
      return new BdfStepper(ctx, maxOrder);
    default:
      return new Rodas5PStepper(ctx);
  }
}

/** Collects output rows: preallocated for outputTimes, appended per accepted step otherwise. */
class OutputRecorder {
  readonly times: number[] = [];
  readonly rows: Float64Array[] = [];
  /** Index of the next output time still to be written (outputTimes mode). */
  next = 0;
  constructor(
    readonly outputTimes: Float64Array | null,
    n: number,
  ) {
    if (outputTimes !== null)
      for (let i = 0; i < outputTimes.length; i++) this.rows.push(new Float64Array(n));
  }

  /** Step mode: append a copy of y at t. */
  push(t: number, y: Float64Array): void {
    if (this.outputTimes !== null) return;
    this.times.push(t);
    this.rows.push(Float64Array.from(y));
  }

  /** outputTimes mode: true when the next output time is < t (or <= t when inclusive). */
  due(t: number, inclusive: boolean): boolean {
    const ot = this.outputTimes;
    if (ot === null || this.next >= ot.length) return false;
    return inclusive ? ot[this.next] <= t : ot[this.next] < t;
  }

  finish(): { t: Float64Array; y: Float64Array[] } {
    if (this.outputTimes === null) return { t: Float64Array.from(this.times), y: this.rows };
    return { t: this.outputTimes.slice(0, this.next), y: this.rows.slice(0, this.next) };
  }
}

function sameValues(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** True when time a is at or before b up to round-off (events this close are taken as simultaneous). */
function reached(a: number, b: number): boolean {
  return a <= b + 64 * UNIT_ROUNDOFF * Math.max(1, Math.abs(b));
}

/**
 * Fraction of the last step-size proposal used as the first step after a scheduled event (measured on
 * the immune patient simulation, 53 doses: Rodas5P 0.3 → fewer steps, no more rejections; Radau IIA needs
 * 0.1: at 0.3 or more its first Newton iterations fail and ~50 steps are rejected).
 */
const RESTART_FRACTION = { rodas5: 0.3, radau5: 0.1 } as const;

/**
 * First step after a restart at scheduled events: for the one-step stiff methods (Rodas5P, Radau IIA)
 * RESTART_FRACTION of the step the controller proposed before the event (all of it when every event
 * there kept the state: an input discontinuity, see RESUMES_AFTER_KEPT_STATE), clipped to the remaining
 * span; undefined (a fresh estimate) for the others and when there is no valid proposal. Scheduled
 * events are jumps in the state at a known time, mostly small against the state (doses into a
 * pharmacokinetic compartment), so the previous scale is a good start and costs no estimate; the step is still under error control, so one that is too large after a big jump is rejected
 * and shrunk. BDF is excluded: its restart at order 1 needs the conservative estimate (restarting from
 * the proposal of a high-order step caused hundreds of rejections on the immune model).
 */
function restartStep(stepper: Stepper, remaining: number, keptState: boolean): number | undefined {
  const m = stepper.method;
  if (m !== "rodas5" && m !== "radau5") return undefined;
  const h = (keptState ? 1 : RESTART_FRACTION[m]) * stepper.hNext;
  return h > 0 && Number.isFinite(h) ? Math.min(h, remaining) : undefined;
}

/**
 * Methods that go on without a restart after scheduled events that all kept the state (measured on the
 * immune patient simulation, 53 exposure breaks: BDF at rtol 1e-4 888 → 609 steps and 58 → 15 Jacobians,
 * at 1e-6 1435 → 1029 steps, at the same accuracy; Rodas5P 408 → 406 steps at 1e-6). Radau IIA restarts
 * (from the full proposal): it keeps f(t, y) of the step end, computed before the stop's events switched
 * the input, as the base of its difference Jacobian and of its error estimate, so resuming would need
 * that refreshed (a review measured: with it refreshed, 286 steps/4 rejected at rtol 1e-6 vs 286/3
 * restarting, at 1e-4 179/9 vs 177/3 — no gain worth the hook).
 */
const RESUMES_AFTER_KEPT_STATE: ReadonlySet<MethodName> = new Set(["rodas5", "bdf"]);

/** Solves y' = f(t, y) on [t0, tEnd]; see OdeProblem / OdeOptions / OdeSolution for the contract. */
export function solveOde(problem: OdeProblem, options: OdeOptions = {}): OdeSolution {
  const v = validateOde(problem, options);
  const { n, t0, tEnd } = v;
  const ctx = new OdeContext(
    problem,
    n,
    v.rtol,
    v.atol,
    v.hMax,
    v.nonNegative,
    v.maxSteps,
    v.fixedStep,
    tEnd - t0 || 1,
  );
  const auto = v.method === "auto";
  // "auto": Rodas5P when the problem supplies a Jacobian (the caller expects stiffness); otherwise Dopri5
  // with stiffness detection, switching to Rodas5P for the rest of the solve (see Dopri5Stepper)
  let method: MethodName = auto
    ? problem.jacobian !== undefined
      ? "rodas5"
      : "dopri5"
    : (v.method as MethodName);
  let stepper = createStepper(method, ctx, v.maxOrder);
  const out = new OutputRecorder(v.outputTimes, n);
  const fired: FiredEvent[] = [];
  const yCur = new Float64Array(n);
  const yTmp = new Float64Array(n);
  const nState = v.stateEvents.length;
  const gPrev = new Float64Array(nState);
  const gNew = new Float64Array(nState);
  const roots = new Float64Array(nState);
  const span = tEnd - t0;
  let t = t0;
  yCur.set(v.y0);
  let sched = 0;
  let status: "success" | "failure" = "success";
  let message = "";

  const emitUpTo = (limit: number, inclusive: boolean, interp: boolean) => {
    const ot = out.outputTimes;
    if (ot === null) return;
    while (out.due(limit, inclusive)) {
      const row = out.rows[out.next];
      const s = ot[out.next];
      if (interp && s < stepper.t) stepper.interpolate(s, row);
      else row.set(interp ? stepper.y : yCur);
      ctx.clamp(row);
      out.next++;
    }
  };
  const evalStateEvents = (tt: number, y: Float64Array, g: Float64Array) => {
    for (let k = 0; k < nState; k++) g[k] = v.stateEvents[k].event.when(tt, y);
  };
  /** Whether every event applied by the last applyScheduledAt declared keepsState. */
  let keptState = true;
  /** Applies every scheduled event at time tt (state in yCur); returns true when one was applied. */
  const applyScheduledAt = (tt: number): boolean => {
    let any = false;
    keptState = true;
    while (sched < v.scheduled.length && reached(v.scheduled[sched].event.at, tt)) {
      const { event, index } = v.scheduled[sched];
      event.apply(yCur);
      if (event.keepsState !== true) keptState = false;
      fired.push(event.name === undefined ? { t: tt, index } : { t: tt, index, name: event.name });
      sched++;
      any = true;
    }
    return any;
  };
  const failIfNonFinite = (tt: number): boolean => {
    for (let i = 0; i < n; i++)
      if (!Number.isFinite(yCur[i])) {
        status = "failure";
        message = `an event made the state non-finite (component ${i}) at t = ${tt}`;
        return true;
      }
    return false;
  };

  // initial point: pre-event row, events at t0, post-event row
  out.push(t0, yCur);
  let done = false;
  if (v.scheduled.length > 0 && v.scheduled[0].event.at === t0) {
    applyScheduledAt(t0);
    if (failIfNonFinite(t0)) done = true;
    else {
      ctx.clamp(yCur);
      out.push(t0, yCur);
    }
  }
  if (!done) {
    emitUpTo(t0, true, false);
    stepper.start(t0, yCur, v.h0, span);
    evalStateEvents(t0, yCur, gPrev);
  }
  const gAt = (k: number) => (s: number) => {
    stepper.interpolate(s, yTmp);
    return v.stateEvents[k].event.when(s, yTmp);
  };

  /** yCur holds the state at t (a scheduled time): apply the events, record, restart. False on failure. */
  const scheduledStop = (): boolean => {
    applyScheduledAt(t);
    if (failIfNonFinite(t)) return false;
    ctx.clamp(yCur);
    out.push(t, yCur);
    emitUpTo(t, true, false);
    if (t < tEnd) {
      // the stepper is at this point with this state: not after a state event located inside its last
      // step, not when an event said it keeps the state but changed it, not a stepper just created
      let here = stepper.t === t && sameValues(stepper.y, yCur);
      if (auto && method === "dopri5" && (stepper as Dopri5Stepper).suggestsStiffSolver) {
        method = "rodas5";
        stepper = createStepper(method, ctx, v.maxOrder);
        here = false;
      }
      // events that kept the state (a discontinuity of an input, not of y), the stepper here: Rodas5P
      // and BDF carry on with their step size, Jacobian and history (BDF's differences are of y,
      // continuous here; the step after the stop is under error control like any other); Radau IIA
      // restarts from the full proposal, Dopri5 afresh (the first stage of both is f from before the
      // discontinuity). Otherwise the restart of any scheduled event.
      const kept = keptState && here;
      if (!kept || !RESUMES_AFTER_KEPT_STATE.has(stepper.method))
        stepper.start(t, yCur, restartStep(stepper, tEnd - t, kept), tEnd - t);
      evalStateEvents(t, yCur, gPrev);
    }
    return true;
  };

  while (!done && t < tEnd) {
    const tStop = sched < v.scheduled.length ? Math.min(tEnd, v.scheduled[sched].event.at) : tEnd;
    if (reached(tStop, t)) {
      // the next stop lies within round-off of t: take it without a step (the state does not change)
      yCur.set(stepper.y);
      t = tStop;
      if (sched < v.scheduled.length && reached(v.scheduled[sched].event.at, t)) {
        if (!scheduledStop()) break;
      } else {
        emitUpTo(t, true, false);
        out.push(t, yCur);
        break;
      }
      continue;
    }
    if (ctx.stats.steps >= v.maxSteps) {
      status = "failure";
      message = `maximum number of steps (${v.maxSteps}) reached at t = ${t}`;
      break;
    }
    const failure = stepper.step(tStop);
    if (failure !== null) {
      status = "failure";
      message = `${stepper.method}: ${failure}`;
      break;
    }
    const tPrev = stepper.tPrev;
    const tNew = stepper.t;

    // state events: earliest crossing in (tPrev, tNew] that applies or terminates
    let tCut = Number.POSITIVE_INFINITY;
    if (nState > 0) {
      evalStateEvents(tNew, stepper.y, gNew);
      for (let k = 0; k < nState; k++) {
        roots[k] = Number.NaN;
        const a = gPrev[k];
        const b = gNew[k];
        const dir = v.stateEvents[k].event.direction ?? 0;
        const rising = a < 0 && b >= 0;
        const falling = a > 0 && b <= 0;
        if ((rising && dir >= 0) || (falling && dir <= 0))
          roots[k] = findRootIllinois(gAt(k), tPrev, a, tNew, b);
      }
      // record pure observers (no apply, not terminal); find the first root that changes the trajectory
      for (let k = 0; k < nState; k++) {
        const e = v.stateEvents[k].event;
        if (!Number.isNaN(roots[k]) && (e.apply !== undefined || e.terminal === true))
          tCut = Math.min(tCut, roots[k]);
      }
      let anyObserved = false;
      for (let k = 0; k < nState; k++) {
        const e = v.stateEvents[k].event;
        if (!Number.isNaN(roots[k]) && e.apply === undefined && e.terminal !== true && roots[k] <= tCut)
          anyObserved = true;
      }
      if (anyObserved) {
        // only when something fired (no allocation on ordinary steps)
        const observed: { t: number; k: number }[] = [];
        for (let k = 0; k < nState; k++) {
          const e = v.stateEvents[k].event;
          if (!Number.isNaN(roots[k]) && e.apply === undefined && e.terminal !== true && roots[k] <= tCut)
            observed.push({ t: roots[k], k });
        }
        observed.sort((p, q) => p.t - q.t || p.k - q.k);
        for (const { t: tr, k } of observed) {
          const { event, index } = v.stateEvents[k];
          fired.push(event.name === undefined ? { t: tr, index } : { t: tr, index, name: event.name });
        }
      }
    }

    if (tCut !== Number.POSITIVE_INFINITY) {
      // discontinuity at tCut: output before it, apply every event located there (in order), restart
      emitUpTo(tCut, false, true);
      stepper.interpolate(tCut, yCur);
      ctx.clamp(yCur);
      out.push(tCut, yCur);
      const tol = 1e-12 * Math.max(1, Math.abs(tCut));
      let terminal = false;
      for (let k = 0; k < nState; k++) {
        if (Number.isNaN(roots[k]) || roots[k] - tCut > tol) continue;
        const { event, index } = v.stateEvents[k];
        if (event.apply === undefined && event.terminal !== true) continue;
        event.apply?.(yCur, tCut);
        fired.push(event.name === undefined ? { t: tCut, index } : { t: tCut, index, name: event.name });
        if (event.terminal === true) terminal = true;
      }
      t = tCut;
      if (failIfNonFinite(t)) break;
      ctx.clamp(yCur);
      out.push(t, yCur);
      emitUpTo(t, true, false);
      if (terminal) {
        message = `terminated by a state event at t = ${t}`;
        done = true;
        break;
      }
      if (sched < v.scheduled.length && reached(v.scheduled[sched].event.at, t)) {
        // a scheduled event at the same time as the state event: applied after it
        if (!scheduledStop()) break;
      } else if (t < tEnd) {
        stepper.start(t, yCur, undefined, tEnd - t);
        evalStateEvents(t, yCur, gPrev);
      }
      continue;
    }

    t = tNew;
    gPrev.set(gNew);
    const atScheduled = sched < v.scheduled.length && reached(v.scheduled[sched].event.at, tNew);
    emitUpTo(tNew, !atScheduled, true);
    out.push(tNew, stepper.y);
    if (atScheduled) {
      yCur.set(stepper.y);
      if (!scheduledStop()) break;
    } else if (auto && method === "dopri5" && (stepper as Dopri5Stepper).suggestsStiffSolver && t < tEnd) {
      // "auto": the explicit method detected stiffness; continue from here with Rodas5P
      yCur.set(stepper.y);
      method = "rodas5";
      stepper = createStepper(method, ctx, v.maxOrder);
      stepper.start(t, yCur, undefined, tEnd - t);
    }
  }
  if (status === "success" && message === "") message = `reached tEnd = ${tEnd}`;
  const { t: times, y: rows } = out.finish();
  return { t: times, y: rows, status, message, stats: { ...ctx.stats }, events: fired, method };
}
