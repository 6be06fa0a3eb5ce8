/**
 * Checks solveOde's arguments and normalises them; every problem throws an InputError naming the argument.
 */
import { InputError } from "../../errors.js";
import type { OdeEvent, OdeMethod, OdeOptions, OdeProblem, ScheduledEvent, StateEvent } from "./types.js";

/** The methods solveOde offers. */
const METHODS: readonly OdeMethod[] = ["auto", "rodas5", "radau5", "bdf", "dopri5"];

export interface ValidatedOde {
  n: number;
  y0: Float64Array;
  t0: number;
  tEnd: number;
  method: OdeMethod;
  rtol: number;
  atol: Float64Array;
  outputTimes: Float64Array | null;
  /** Scheduled events with their index in options.events, stably sorted by time. */
  scheduled: { event: ScheduledEvent; index: number }[];
  stateEvents: { event: StateEvent; index: number }[];
  maxSteps: number;
  h0: number | undefined;
  hMax: number;
  fixedStep: number;
  maxOrder: number;
  nonNegative: boolean | number[] | undefined;
}

export function isScheduledEvent(e: OdeEvent): e is ScheduledEvent {
  return typeof (e as ScheduledEvent).at === "number" || (e as StateEvent).when === undefined;
}

function positive(field: string, v: unknown): number {
  if (typeof v !== "number" || !(v > 0) || !Number.isFinite(v))
    throw new InputError(field, v, "a finite number > 0");
  return v;
}

export function validateOde(problem: OdeProblem, options: OdeOptions): ValidatedOde {
  if (problem === null || typeof problem !== "object")
    throw new InputError("problem", problem, "an OdeProblem object");
  if (typeof problem.f !== "function")
    throw new InputError("problem.f", problem.f, "a function f(t, y, dydt)");
  if (problem.jacobian !== undefined && typeof problem.jacobian !== "function")
    throw new InputError("problem.jacobian", problem.jacobian, "a function jacobian(t, y, J) or undefined");
  const y0In = problem.y0;
  if (y0In === null || typeof y0In !== "object" || typeof y0In.length !== "number" || y0In.length < 1)
    throw new InputError("problem.y0", y0In, "a non-empty array of finite numbers");
  const n = y0In.length;
  const y0 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = y0In[i];
    if (typeof v !== "number" || !Number.isFinite(v))
      throw new InputError(`problem.y0[${i}]`, v, "a finite number (y0 must be an array of finite numbers)");
    y0[i] = v;
  }
  const { t0, tEnd } = problem;
  if (typeof t0 !== "number" || !Number.isFinite(t0))
    throw new InputError("problem.t0", t0, "a finite number");
  if (typeof tEnd !== "number" || !Number.isFinite(tEnd))
    throw new InputError("problem.tEnd", tEnd, "a finite number");
  if (tEnd < t0) throw new InputError("problem.tEnd", tEnd, `a time >= t0 = ${t0}`);
  const pattern = problem.jacobianPattern;
  if (pattern !== undefined) {
    if (pattern === null || typeof pattern !== "object" || typeof pattern.length !== "number")
      throw new InputError("problem.jacobianPattern", pattern, "an array of positions i*n + j, or undefined");
    for (let k = 0; k < pattern.length; k++) {
      const p = pattern[k];
      if (!Number.isInteger(p) || p < 0 || p >= n * n)
        throw new InputError(
          `problem.jacobianPattern[${k}]`,
          p,
          `an integer position i*n + j in [0, ${n * n - 1}]`,
        );
    }
  }

  const method = options.method ?? "auto";
  if (!METHODS.includes(method))
    throw new InputError("options.method", method, `one of ${METHODS.join(", ")}`);
  const rtol = options.rtol === undefined ? 1e-6 : positive("options.rtol", options.rtol);
  const atol = new Float64Array(n);
  const atolIn = options.atol ?? 1e-9;
  if (typeof atolIn === "number") atol.fill(positive("options.atol", atolIn));
  else {
    if (typeof atolIn !== "object" || atolIn.length !== n)
      throw new InputError("options.atol", atolIn, `a number > 0 or an array of ${n} numbers > 0`);
    for (let i = 0; i < n; i++) atol[i] = positive(`options.atol[${i}]`, atolIn[i]);
  }

  let outputTimes: Float64Array | null = null;
  if (options.outputTimes !== undefined) {
    const ot = options.outputTimes;
    if (ot === null || typeof ot !== "object" || typeof ot.length !== "number")
      throw new InputError("options.outputTimes", ot, "an array of times");
    outputTimes = new Float64Array(ot.length);
    for (let i = 0; i < ot.length; i++) {
      const v = ot[i];
      if (typeof v !== "number" || !Number.isFinite(v) || v < t0 || v > tEnd)
        throw new InputError(`options.outputTimes[${i}]`, v, `a time within [t0, tEnd] = [${t0}, ${tEnd}]`);
      if (i > 0 && v < outputTimes[i - 1])
        throw new InputError(
          `options.outputTimes[${i}]`,
          v,
          `times sorted ascending (previous ${outputTimes[i - 1]})`,
        );
      outputTimes[i] = v;
    }
  }

  const scheduled: { event: ScheduledEvent; index: number }[] = [];
  const stateEvents: { event: StateEvent; index: number }[] = [];
  const events = options.events ?? [];
  if (!Array.isArray(events)) throw new InputError("options.events", events, "an array of events");
  events.forEach((e, index) => {
    const field = `options.events[${index}]`;
    if (e === null || typeof e !== "object")
      throw new InputError(field, e, "a scheduled event {at, apply} or a state event {when}");
    if (isScheduledEvent(e)) {
      const at = e.at;
      if (typeof at !== "number" || !Number.isFinite(at) || at < t0 || at > tEnd)
        throw new InputError(`${field}.at`, at, `a time within [t0, tEnd] = [${t0}, ${tEnd}]`);
      if (typeof e.apply !== "function")
        throw new InputError(`${field}.apply`, e.apply, "a function apply(y)");
      scheduled.push({ event: e, index });
    } else {
      if (typeof e.when !== "function")
        throw new InputError(`${field}.when`, e.when, "a function when(t, y)");
      if (e.direction !== undefined && e.direction !== -1 && e.direction !== 0 && e.direction !== 1)
        throw new InputError(`${field}.direction`, e.direction, "-1, 0 or 1");
      if (e.apply !== undefined && typeof e.apply !== "function")
        throw new InputError(`${field}.apply`, e.apply, "a function apply(y, t) or undefined");
      stateEvents.push({ event: e, index });
    }
  });
  scheduled.sort((a, b) => a.event.at - b.event.at || a.index - b.index);

  const maxSteps = options.maxSteps ?? 100_000;
  if (!Number.isInteger(maxSteps) || maxSteps < 1)
    throw new InputError("options.maxSteps", maxSteps, "a positive integer");
  const h0 = options.h0 === undefined ? undefined : positive("options.h0", options.h0);
  const hMax = options.hMax === undefined ? Number.POSITIVE_INFINITY : positive("options.hMax", options.hMax);
  const fixedStep = options.fixedStep === undefined ? 0 : positive("options.fixedStep", options.fixedStep);
  const maxOrder = options.maxOrder ?? 5;
  if (!Number.isInteger(maxOrder) || maxOrder < 1 || maxOrder > 5)
    throw new InputError("options.maxOrder", maxOrder, "an integer from 1 to 5");
  const nn = options.nonNegative;
  if (nn !== undefined && typeof nn !== "boolean") {
    if (!Array.isArray(nn))
      throw new InputError("options.nonNegative", nn, "true, false or an array of indices");
    nn.forEach((i, k) => {
      if (!Number.isInteger(i) || i < 0 || i >= n)
        throw new InputError(`options.nonNegative[${k}]`, i, `an index in [0, ${n - 1}]`);
    });
  }
  return {
    n,
    y0,
    t0,
    tEnd,
    method,
    rtol,
    atol,
    outputTimes,
    scheduled,
    stateEvents,
    maxSteps,
    h0,
    hMax,
    fixedStep,
    maxOrder,
    nonNegative: nn,
  };
}
