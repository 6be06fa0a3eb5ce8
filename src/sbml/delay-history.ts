/**
 * Dense history of the state for `delay(x, d)`: the accepted steps of the integration with their
 * derivatives, interpolated by cubic Hermite polynomials (the method of steps: each integration chunk is
 * at most the shortest delay long, so every lookup falls in the recorded past). Before the start time
 * the initial values are used. Browser-safe.
 */
import type { CompiledSbml, DelayLookup } from "./compile-sbml.js";

const noDelay = (): number => Number.NaN;

export class DelayHistory {
  private readonly times: number[] = [];
  private readonly states: Float64Array[] = [];
  private readonly slopes: Float64Array[] = [];
  /** Scratch state/value arrays, one pair per nesting depth (a delayed expression may contain a delay). */
  private readonly scratchY: Float64Array[] = [];
  private readonly scratchV: Float64Array[] = [];
  private depth = 0;
  private pastTime = Number.NaN;
  private pastValues: Float64Array | undefined;
  /** Number of lookups past the end of the recorded history (they see the last recorded state). */
  beyond = 0;
  readonly lookup: DelayLookup;

  constructor(
    private readonly model: CompiledSbml,
    /** Values at the start (used for every time before it). */
    private readonly initialValues: Float64Array,
    /** Length of the integrated state (at least the model's state; the simulator may pad it). */
    private readonly stateLength: number = model.nState,
    /** Called on every lookup (the simulator checks its work budget here; it may throw). */
    private readonly tick: () => void = () => {},
  ) {
    this.lookup = (k, tau) => this.valueAt(k, tau);
  }

  get lastTime(): number {
    return this.times.length === 0 ? Number.NEGATIVE_INFINITY : (this.times[this.times.length - 1] as number);
  }

  /** Appends a point (t non-decreasing; a repeated t records a discontinuity: the later point wins after it). */
  push(t: number, y: Float64Array, dydt: Float64Array): void {
    this.times.push(t);
    this.states.push(Float64Array.from(y));
    this.slopes.push(Float64Array.from(dydt));
  }

  /** Number of recorded points. */
  get length(): number {
    return this.times.length;
  }

  /** Drops every point after the first `length` (undoes a provisional extension). */
  truncate(length: number): void {
    this.times.length = length;
    this.states.length = length;
    this.slopes.length = length;
  }

  /** Hermite interpolation of the state at tau into out; false when tau is before the history. */
  stateAt(tau: number, out: Float64Array): boolean {
    const ts = this.times;
    const n = ts.length;
    if (n === 0 || tau < (ts[0] as number)) return false;
    if (tau >= (ts[n - 1] as number)) {
      out.set(this.states[n - 1] as Float64Array);
      return true;
    }
    // last index i with ts[i] <= tau
    let lo = 0;
    let hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((ts[mid] as number) <= tau) lo = mid;
      else hi = mid;
    }
    const t0 = ts[lo] as number;
    const t1 = ts[lo + 1] as number;
    const y0 = this.states[lo] as Float64Array;
    const y1 = this.states[lo + 1] as Float64Array;
    const f0 = this.slopes[lo] as Float64Array;
    const f1 = this.slopes[lo + 1] as Float64Array;
    const h = t1 - t0;
    if (h <= 0) {
      out.set(y1);
      return true;
    }
    const s = (tau - t0) / h;
    const h00 = (1 + 2 * s) * (1 - s) * (1 - s);
    const h10 = s * (1 - s) * (1 - s);
    const h01 = s * s * (3 - 2 * s);
    const h11 = s * s * (s - 1);
    for (let i = 0; i < out.length; i++) {
      out[i] =
        h00 * (y0[i] as number) +
        h10 * h * (f0[i] as number) +
        h01 * (y1[i] as number) +
        h11 * h * (f1[i] as number);
    }
    return true;
  }

  private valueAt(k: number, tau: number): number {
    this.tick();
    const arg = this.model.delayArgs[k] as (v: Float64Array) => number;
    const d = this.depth;
    if (d > 20) return Number.NaN;
    if (this.scratchY.length <= d) {
      this.scratchY.push(new Float64Array(this.stateLength));
      this.scratchV.push(new Float64Array(this.model.nValues));
    }
    const y = this.scratchY[d] as Float64Array;
    const v = this.scratchV[d] as Float64Array;
    if (!this.stateAt(tau, y)) {
      // Before the start: the initial assignments evaluated at that earlier time (the model's own
      // account of its past), e.g. x = sin(10·time) seen through delay(x, 0.5).
      if (tau !== this.pastTime) {
        this.pastTime = tau;
        const past = this.model.initial(tau).v;
        if (this.model.rateOfSlots.length > 0) {
          // rates of change in that past: of the initial values as functions of time (central difference)
          const h = 1e-6 * Math.max(1, Math.abs(tau));
          const ahead = this.model.initial(tau + h).v;
          const behind = this.model.initial(tau - h).v;
          for (const { slot, of } of this.model.rateOfSlots) {
            past[slot] = ((ahead[of] as number) - (behind[of] as number)) / (2 * h);
          }
        }
        this.pastValues = past;
      }
      return arg(this.pastValues as Float64Array);
    }
    if (tau > this.lastTime) this.beyond++;
    this.depth++;
    try {
      v.set(this.initialValues);
      // a past state needs delayed values only when this argument depends on them
      this.model.fill(tau, y, v, this.model.delayArgUsesDelay[k] ? this.lookup : noDelay);
      return arg(v);
    } finally {
      this.depth--;
    }
  }
}
