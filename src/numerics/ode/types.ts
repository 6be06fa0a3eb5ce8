/**
 * The contract of the ODE engine: problem → solveOde(problem, options) → solution.
 * Everything here is plain data; no biology, no I/O (browser-safe).
 */

/** Right-hand side and (optional) Jacobian of y' = f(t, y). */
export interface OdeProblem {
  /** Writes f(t, y) into dydt. Must not allocate in hot code; must not keep references to y or dydt. */
  f(t: number, y: Float64Array, dydt: Float64Array): void;
  /**
   * Writes ∂f/∂y into J (row-major n×n: J[i*n+j] = ∂f_i/∂y_j); J is zeroed before each call, so writing the
   * nonzeros is enough. Finite differences are used when absent.
   */
  jacobian?(t: number, y: Float64Array, J: Float64Array): void;
  /**
   * Optional: the structural nonzeros of ∂f/∂y as row-major positions i*n + j (duplicates allowed). Every
   * entry that can ever be nonzero must be listed: the sparse LU is built on this pattern once (no pattern
   * scan after each Jacobian, no probe Jacobian) and ignores entries outside it, and finite-difference
   * Jacobians group columns by it from the first evaluation. Absent: the pattern is learnt from the
   * Jacobians evaluated.
   */
  jacobianPattern?: ArrayLike<number>;
  y0: ArrayLike<number>;
  t0: number;
  tEnd: number;
  /** Optional: true when f does not depend on t explicitly; Rosenbrock methods then skip ∂f/∂t (one f call per step). */
  autonomous?: boolean;
}

/** A discontinuity at a known time (dose, ablation): apply(y) mutates the state in place. */
export interface ScheduledEvent {
  at: number;
  apply(y: Float64Array): void;
  /** Optional label used in messages and statistics. */
  name?: string;
  /**
   * Optional: true when apply leaves the state unchanged and only marks a known discontinuity of a time
   * function f reads (an input switching branch). When every event at that time says so, rodas5 and bdf
   * go on after the stop without a restart — same step size, Jacobian and history; radau5 restarts from
   * the step size its controller proposed, dopri5 with a fresh estimate. Checked: if apply changes y
   * anyway, the method restarts as after any event (docs/ode.md).
   */
  keepsState?: boolean;
}

/** A discontinuity when when(t, y) crosses zero (located by root finding). */
export interface StateEvent {
  when(t: number, y: Float64Array): number;
  /** +1: only rising crossings, -1: only falling, 0 (default): both. */
  direction?: -1 | 0 | 1;
  apply?(y: Float64Array, t: number): void;
  /** Stop the integration at the event (after apply). */
  terminal?: boolean;
  name?: string;
}

export type OdeEvent = ScheduledEvent | StateEvent;

export type OdeMethod = "auto" | "rodas5" | "radau5" | "bdf" | "dopri5";

export interface OdeOptions {
  method?: OdeMethod;
  rtol?: number;
  atol?: number | ArrayLike<number>;
  /** Times at which to report the solution (sorted ascending, within [t0, tEnd]); dense output, steps are not shortened. */
  outputTimes?: ArrayLike<number>;
  events?: OdeEvent[];
  /** true: clamp every component at 0; an index list: clamp those components. */
  nonNegative?: boolean | number[];
  maxSteps?: number;
  /** Initial step size (optional; estimated when absent). */
  h0?: number;
  /** Largest step size allowed (optional). */
  hMax?: number;
  /**
   * Constant step size without error control (convergence studies, reproducing fixed-step results).
   * Every step is accepted; radau5 still iterates Newton to its tolerance and fails if it cannot.
   */
  fixedStep?: number;
  /** bdf only: highest order used, 1–5 (default 5). */
  maxOrder?: number;
}

export interface OdeStats {
  steps: number;
  rejected: number;
  rhsEvals: number;
  jacobianEvals: number;
  factorizations: number;
}

/** Record of an event that fired during the solve. */
export interface FiredEvent {
  t: number;
  index: number;
  name?: string;
}

export interface OdeSolution {
  t: Float64Array;
  /** One row per output time; every accepted step when no outputTimes were given. */
  y: Float64Array[];
  status: "success" | "failure";
  message: string;
  stats: OdeStats;
  /** Events that fired, in order. */
  events: FiredEvent[];
  /** The method that actually ran ("auto" resolved). */
  method: Exclude<OdeMethod, "auto">;
}
