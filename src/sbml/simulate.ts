/**
 * simulateSbml: time course of an SBML model. The ODE is integrated by `solveOde` piecewise between
 * event times; the SBML event semantics are applied here at each stop: triggers located as terminal
 * state events (root finding on switching functions), then fired on a false→true transition, delayed
 * executions held in a queue ordered by time and priority, persistence, `initialValue`,
 * `useValuesFromTriggerTime`, events at t0 and cascades at one instant. Models with `delay()` are
 * integrated by the method of steps over a dense history. A budget of right-hand-side evaluations bounds
 * the work (no hangs). Browser-safe.
 */
import { InputError } from "../errors.js";
import { solveOde } from "../numerics/ode/solve.js";
import type { OdeMethod, StateEvent } from "../numerics/ode/types.js";
import { createRng } from "../numerics/rng/random-stream.js";
import { type CompiledEvent, type CompiledSbml, compileSbml, type DelayLookup } from "./compile-sbml.js";
import { DelayHistory } from "./delay-history.js";
import { readSbml } from "./read-sbml.js";

export interface SimulateSbmlOptions {
  /** Output times (ascending). Alternatively start/duration/steps as in the test suite's settings. */
  outputTimes?: ArrayLike<number>;
  start?: number;
  duration?: number;
  steps?: number;
  /** Columns to report (default: every species, then non-constant compartments and parameters). */
  variables?: string[];
  /** Species reported as amounts / as concentrations (otherwise: the symbol's own value). */
  amounts?: string[];
  concentrations?: string[];
  rtol?: number;
  atol?: number;
  method?: OdeMethod;
  /**
   * Work budget: right-hand-side evaluations plus delayed-value lookups before the run is stopped as
   * too costly (deterministic, unlike the wall-clock limit).
   */
  maxRhsEvaluations?: number;
  /** Seed of the random order of simultaneous events with equal priority (default 1). */
  seed?: number;
  /** Wall-clock limit in milliseconds (checked inside the integration; `performance.now()`). */
  timeLimitMs?: number;
}

export interface SbmlTimeCourse {
  time: Float64Array;
  /** One column per requested variable, in the requested order. */
  columns: Record<string, Float64Array>;
  variables: string[];
  status: "success" | "failure";
  message: string;
  rhsEvaluations: number;
}

class BudgetExceeded extends Error {}

interface Pending {
  event: number;
  time: number;
  values?: number[];
  seq: number;
}

function outputGrid(options: SimulateSbmlOptions): Float64Array {
  if (options.outputTimes !== undefined) {
    const t = Float64Array.from(options.outputTimes);
    if (t.length === 0) throw new InputError("outputTimes", [], "at least one time");
    for (let i = 0; i < t.length; i++) {
      if (!Number.isFinite(t[i]) || (i > 0 && t[i] < t[i - 1])) {
        throw new InputError(`outputTimes[${i}]`, t[i], "finite, ascending times");
      }
    }
    return t;
  }
  const start = options.start ?? 0;
  const duration = options.duration;
  const steps = options.steps;
  if (duration === undefined || !(duration >= 0))
    throw new InputError("duration", duration, "a non-negative number");
  if (steps === undefined || !Number.isInteger(steps) || steps < 1)
    throw new InputError("steps", steps, "a positive integer");
  const t = new Float64Array(steps + 1);
  for (let i = 0; i <= steps; i++) t[i] = start + (duration * i) / steps;
  return t;
}

/** Parses, compiles and simulates an SBML document. */
export function simulateSbml(xmlText: string, options: SimulateSbmlOptions = {}): SbmlTimeCourse {
  const compiled = compileSbml(readSbml(xmlText));
  return simulateCompiled(compiled, options);
}

function defaultVariables(m: CompiledSbml): string[] {
  const out = m.model.species.map((s) => s.id);
  for (const c of m.model.compartments) if (!c.constant) out.push(c.id);
  for (const p of m.model.parameters) if (!p.constant) out.push(p.id);
  return out;
}

/** Simulates an already compiled model. */
export function simulateCompiled(m: CompiledSbml, options: SimulateSbmlOptions = {}): SbmlTimeCourse {
  const times = outputGrid(options);
  const variables = options.variables ?? defaultVariables(m);
  const amounts = new Set(options.amounts ?? []);
  const concentrations = new Set(options.concentrations ?? []);
  const extract = variables.map((name) =>
    columnExtractor(m, name, amounts.has(name), concentrations.has(name)),
  );
  const columns: Record<string, Float64Array> = {};
  const cols = variables.map((name) => {
    const c = new Float64Array(times.length).fill(Number.NaN);
    columns[name] = c;
    return c;
  });
  const rtol = options.rtol ?? 1e-10;
  const atol = options.atol ?? 1e-14;
  const budget = options.maxRhsEvaluations ?? 2_000_000;
  const method = options.method ?? "rodas5";
  // solveOde needs at least one component: a model without state gets one constant dummy component
  const n = Math.max(1, m.nState);
  const t0 = times[0] as number;
  const tEnd = times[times.length - 1] as number;

  let rhsEvaluations = 0;
  const timeLimit = options.timeLimitMs ?? Number.POSITIVE_INFINITY;
  const started = performance.now();
  const init = m.initial(t0);
  const y = new Float64Array(n);
  y.set(init.y);
  const v = init.v;
  const vWork = Float64Array.from(v);
  const vOut = Float64Array.from(v);
  const dydtWork = new Float64Array(n);
  let lookups = 0;
  const tick = () => {
    // delayed-value lookups count toward the same work budget as right-hand-side evaluations
    if (++rhsEvaluations > budget) throw new BudgetExceeded(`stopped: more than ${budget} units of work`);
    if ((++lookups & 1023) === 0 && performance.now() - started > timeLimit) {
      throw new BudgetExceeded(`stopped: time limit of ${timeLimit} ms exceeded`);
    }
  };
  const history = m.delayArgs.length > 0 ? new DelayHistory(m, Float64Array.from(v), n, tick) : undefined;
  const D: DelayLookup = history ? history.lookup : () => Number.NaN;

  const rhs = (t: number, yy: Float64Array, dydt: Float64Array): void => {
    if (++rhsEvaluations > budget) throw new BudgetExceeded(`stopped: more than ${budget} units of work`);
    if ((rhsEvaluations & 255) === 0 && performance.now() - started > timeLimit) {
      throw new BudgetExceeded(`stopped: time limit of ${timeLimit} ms exceeded`);
    }
    if (!m.fill(t, yy, vWork, D)) {
      dydt.fill(Number.NaN);
      return;
    }
    m.rates(vWork, dydt);
    if (m.nState === 0) dydt[0] = 0;
  };

  // the generated Jacobian (forward-mode derivative code) when the model has one
  const vJac = Float64Array.from(v);
  const gJac = new Float64Array(m.nValues * m.nState);
  const generatedJacobian = m.jacobian;
  const jacobianOption =
    generatedJacobian && m.nState > 0
      ? {
          jacobian: (t: number, yy: Float64Array, J: Float64Array) => {
            m.fill(t, yy, vJac, D);
            generatedJacobian(vJac, J, gJac);
          },
        }
      : {};

  let nextOut = 0;
  const recordRow = (i: number, t: number, yy: Float64Array) => {
    vOut.set(v);
    m.fill(t, yy, vOut, D);
    for (let c = 0; c < cols.length; c++)
      (cols[c] as Float64Array)[i] = (extract[c] as (v: Float64Array) => number)(vOut);
  };
  const recordAt = (t: number) => {
    while (nextOut < times.length && (times[nextOut] as number) <= t) {
      recordRow(nextOut, t, y);
      nextOut++;
    }
  };

  // ---- event state ----
  const rng = createRng(options.seed ?? 1);
  const events = m.events;
  const prev = events.map((e) => e.event.initialValue);
  let pending: Pending[] = [];
  let seq = 0;
  const fire = (k: number, t: number) => {
    const ce = events[k] as CompiledEvent;
    const delay = ce.delay ? ce.delay(v) : 0;
    const p: Pending = { event: k, time: delay > 0 ? t + delay : t, seq: seq++ };
    if (ce.event.useValuesFromTriggerTime) p.values = ce.values.map((f) => f(v));
    pending.push(p);
  };
  const updateTriggers = (t: number) => {
    for (let k = 0; k < events.length; k++) {
      const ce = events[k] as CompiledEvent;
      if (!ce.event.trigger) continue;
      const cur = ce.trigger(v) !== 0;
      if (cur && !prev[k]) fire(k, t);
      else if (!cur && prev[k] && !ce.event.persistent) pending = pending.filter((p) => p.event !== k);
      prev[k] = cur;
    }
  };
  const refill = (t: number) => {
    if (!m.fill(t, y, v, D)) throw new NumericalFailure(`algebraic rules could not be solved at t = ${t}`);
    m.fillEventDelays(v, D);
  };
  const execute = (p: Pending, t: number) => {
    const ce = events[p.event] as CompiledEvent;
    const values = p.values ?? ce.values.map((f) => f(v));
    // non-species targets first (compartment sizes), then species (their amount uses the new size)
    const order = ce.targets.map((_, i) => i);
    const isSpecies = (i: number) => m.species.has(ce.targets[i] as string);
    // a compartment resized by an event keeps the amounts in it: species whose state is their
    // concentration (rate rules) are rescaled, unless the event sets them itself
    const resized = new Set(
      ce.targets.filter((name, i) => !isSpecies(i) && m.model.compartments.some((c) => c.id === name)),
    );
    const keep: { id: string; amount: number }[] = [];
    if (resized.size > 0) {
      for (const sp of m.species.values()) {
        if (!sp.valueIsState || sp.amountValued || ce.targets.includes(sp.id)) continue;
        const comp = m.model.species.find((s) => s.id === sp.id)?.compartment as string;
        if (resized.has(comp))
          keep.push({ id: sp.id, amount: (v[sp.slot] as number) * (v[sp.compartmentSlot] as number) });
      }
    }
    // every assignment uses the state before the event: species first (a concentration becomes an
    // amount with the compartment size before the event), then compartments and parameters
    for (const i of order) if (isSpecies(i)) m.assign(ce.targets[i] as string, values[i] as number, y, v);
    for (const i of order) if (!isSpecies(i)) m.assign(ce.targets[i] as string, values[i] as number, y, v);
    refill(t);
    for (const { id, amount } of keep) {
      const sp = m.species.get(id);
      if (sp) m.assign(id, amount / (v[sp.compartmentSlot] as number), y, v);
    }
    refill(t);
  };
  const processEventsAt = (t: number) => {
    refill(t);
    updateTriggers(t);
    for (let guard = 0; ; guard++) {
      if (guard > 10_000) throw new NumericalFailure(`more than 10000 event executions at t = ${t}`);
      const due = pending.filter((p) => p.time <= t);
      if (due.length === 0) break;
      // highest priority first; equal explicit priorities are drawn at random (SBML L3: their order
      // is random) from the seeded stream; without priorities, in order of triggering
      const priorities = due.map(priorityOf);
      const top = Math.max(...priorities);
      const tied = due.filter((_, i) => priorities[i] === top);
      tied.sort((a, b) => a.time - b.time || a.seq - b.seq);
      let best = tied[0] as Pending;
      if (tied.length > 1 && top !== Number.NEGATIVE_INFINITY) {
        best = tied[Math.min(tied.length - 1, Math.floor(rng.uniform() * tied.length))] as Pending;
      }
      pending = pending.filter((p) => p !== best);
      execute(best, t);
      updateTriggers(t);
    }
  };
  const priorityOf = (p: Pending): number => {
    const f = (events[p.event] as CompiledEvent).priority;
    if (!f) return Number.NEGATIVE_INFINITY;
    const x = f(v);
    return Number.isNaN(x) ? Number.NEGATIVE_INFINITY : x;
  };

  // ---- state events for solveOde ----
  const vEv = Float64Array.from(v);
  let stopT = Number.NaN;
  const stopY = new Float64Array(n);
  const capture = (yy: Float64Array, t: number) => {
    if (Number.isNaN(stopT)) {
      stopT = t;
      stopY.set(yy);
    }
  };
  // Every comparison in the triggers and in the right-hand side is a terminal state event: the
  // integration stops where any of them switches, and the SBML event logic runs there.
  const stateEvents: StateEvent[] = [];
  for (const g of m.discontinuities) {
    stateEvents.push({
      when: (t, yy) => {
        m.fill(t, yy, vEv, D);
        return signConsistent(g.cond(vEv), g.switching(vEv));
      },
      terminal: true,
      apply: capture,
    });
  }

  // steps no longer than 1/20 of the run, so a condition that switches twice within one step is still seen
  const hMaxOption = stateEvents.length > 0 && tEnd > t0 ? { hMax: (tEnd - t0) / 20 } : {};

  const pushHistory = (t: number, yy: Float64Array) => {
    if (!history) return;
    rhs(t, yy, dydtWork);
    history.push(t, yy, dydtWork);
  };

  let status: "success" | "failure" = "success";
  let message = `reached t = ${tEnd}`;
  try {
    refill(t0);
    vWork.set(v);
    vEv.set(v);
    pushHistory(t0, y);
    let t = t0;
    let stalls = 0;
    for (;;) {
      processEventsAt(t);
      vWork.set(v);
      vEv.set(v);
      if (history && history.lastTime === t) pushHistory(t, y);
      recordAt(t);
      if (t >= tEnd) break;
      let tNext = tEnd;
      for (const p of pending) if (p.time > t && p.time < tNext) tNext = p.time;
      if (history && m.delaysInDynamics) {
        // method of steps: a chunk no longer than the shortest delay sees only the recorded past;
        // shorter (vanishing) delays are handled by iterating the chunk on its own provisional history
        const span = Math.abs(tEnd - t0) || 1;
        let minDelay = Number.POSITIVE_INFINITY;
        for (const f of m.delayTimes) {
          const d = f(v);
          if (d < minDelay) minDelay = d;
        }
        const chunk = minDelay > span / 1000 ? minDelay : span / 100;
        // (a chunk end within rounding of the next stop would leave a segment too short to integrate)
        if (t + chunk < tNext - 1e-9 * span) tNext = t + chunk;
      }
      // at most 64 output times per solveOde call (its output rows are allocated up front; a run cut
      // short by an event would otherwise allocate every remaining row again and again)
      const outs: number[] = [];
      for (let i = nextOut; i < times.length && (times[i] as number) < tNext; i++) {
        if ((times[i] as number) <= t) continue;
        if (!history && outs.length === 64) {
          tNext = times[i] as number;
          break;
        }
        outs.push(times[i] as number);
      }
      outs.push(tNext);
      const solveSegment = () => {
        stopT = Number.NaN;
        const sol = solveOde(
          { f: rhs, ...jacobianOption, y0: y, t0: t, tEnd: tNext, autonomous: m.autonomous },
          history
            ? { method, rtol, atol, events: stateEvents, maxSteps: 1_000_000, ...hMaxOption }
            : {
                method,
                rtol,
                atol,
                events: stateEvents,
                outputTimes: outs,
                maxSteps: 1_000_000,
                ...hMaxOption,
              },
        );
        if (sol.status !== "success") throw new NumericalFailure(`ODE solver: ${sol.message}`);
        return sol;
      };
      let sol = solveSegment();
      if (history && history.beyond > 0) {
        // the chunk looked past the recorded history: iterate on provisional histories (waveform relaxation)
        const base = history.length;
        let prevEnd = Float64Array.from(sol.y[sol.y.length - 1] as Float64Array);
        for (let iter = 0; iter < 20; iter++) {
          history.truncate(base);
          for (let i = 0; i < sol.t.length; i++) {
            const ti = sol.t[i] as number;
            if (ti > t) pushHistory(ti, sol.y[i] as Float64Array);
          }
          history.beyond = 0;
          sol = solveSegment();
          const end = sol.y[sol.y.length - 1] as Float64Array;
          let close = true;
          for (let i = 0; i < n; i++) {
            if (
              !(
                Math.abs((end[i] as number) - (prevEnd[i] as number)) <=
                1e-9 * (Math.abs(end[i] as number) + 1e-9)
              )
            )
              close = false;
          }
          prevEnd = Float64Array.from(end);
          if (close) break;
        }
        history.truncate(base);
      }
      const tStop = Number.isNaN(stopT) ? tNext : stopT;
      if (history) {
        // step mode: rows are the accepted steps (plus the stop point); interpolate the outputs
        const firstNew = history.lastTime;
        for (let i = 0; i < sol.t.length; i++) {
          const ti = sol.t[i] as number;
          if (ti > firstNew && ti <= tStop) pushHistory(ti, sol.y[i] as Float64Array);
        }
        const yTmp = new Float64Array(n);
        while (nextOut < times.length && (times[nextOut] as number) < tStop) {
          history.stateAt(times[nextOut] as number, yTmp);
          recordRow(nextOut, times[nextOut] as number, yTmp);
          nextOut++;
        }
      } else {
        for (let i = 0; i < sol.t.length; i++) {
          const ti = sol.t[i] as number;
          if (ti >= tStop) break;
          while (nextOut < times.length && (times[nextOut] as number) <= t) nextOut++;
          if (nextOut < times.length && times[nextOut] === ti) {
            recordRow(nextOut, ti, sol.y[i] as Float64Array);
            nextOut++;
          }
        }
      }
      const yStart = Float64Array.from(y);
      if (Number.isNaN(stopT)) {
        const last = sol.y[sol.y.length - 1];
        if (!last || sol.t[sol.t.length - 1] !== tNext)
          throw new NumericalFailure(`ODE solver stopped before t = ${tNext}`);
        y.set(last);
      } else y.set(stopY);
      // quantities that only events change stay bit-identical (interpolation would perturb them by
      // rounding, enough to flip a comparison such as |Q - R| > maxdiff)
      for (const k of m.piecewiseConstantStates) y[k] = yStart[k] as number;
      if (tStop <= t) {
        if (++stalls > 1000)
          throw new NumericalFailure(`no progress past t = ${t} (an event or discontinuity repeats)`);
      } else stalls = 0;
      t = tStop;
    }
  } catch (err) {
    if (err instanceof BudgetExceeded) {
      status = "failure";
      message = err.message;
    } else if (err instanceof NumericalFailure) {
      status = "failure";
      message = err.message;
    } else throw err;
  }
  return { time: times, columns, variables, status, message, rhsEvaluations };
}

class NumericalFailure extends Error {}

/**
 * The switching function with its sign forced to agree with the condition: where the condition is
 * false at g = 0 (a strict comparison at its boundary) the value is a tiny negative number, so the
 * crossing into "true" is still seen as a sign change after a restart at the boundary.
 */
function signConsistent(cond: number, g: number): number {
  if (cond !== 0) return g > 0 ? g : Number.MIN_VALUE;
  return g < 0 ? g : -Number.MIN_VALUE;
}

function columnExtractor(
  m: CompiledSbml,
  name: string,
  asAmount: boolean,
  asConcentration: boolean,
): (v: Float64Array) => number {
  const sp = m.species.get(name);
  if (sp) {
    const { slot, compartmentSlot: c, amountValued, amountSlot } = sp;
    if (asAmount) {
      if (amountSlot >= 0) return (v) => v[amountSlot] as number;
      return amountValued ? (v) => v[slot] as number : (v) => (v[slot] as number) * (v[c] as number);
    }
    if (asConcentration) {
      if (amountValued) return (v) => (v[slot] as number) / (v[c] as number);
      return (v) => v[slot] as number;
    }
    return (v) => v[slot] as number;
  }
  const slot = m.slotOf(name);
  if (slot === undefined || name.startsWith("#") || name.startsWith("@")) {
    throw new InputError(
      "variables",
      name,
      "the id of a species, compartment, parameter, species reference or reaction",
    );
  }
  return (v) => v[slot] as number;
}
