/**
 * The interface between the solve loop (events, output, failures) and one integration method.
 * A stepper owns its work arrays (allocated once in its constructor) and its step-size control.
 */
import type { OdeMethod } from "./types.js";

export type MethodName = Exclude<OdeMethod, "auto">;

export interface Stepper {
  readonly method: MethodName;
  /** Time and state after the last accepted step (y is owned by the stepper; read, never keep). */
  readonly t: number;
  readonly y: Float64Array;
  /** Start of the last accepted step (the dense output covers [tPrev, t]). */
  readonly tPrev: number;
  /** The step size the controller proposes for the next step. */
  readonly hNext: number;
  /**
   * (Re)starts at (t, y): after the initial point and after every discontinuity. Drops all history
   * (FSAL value, step-size memory); keeps work arrays. h0 > 0 fixes the first step size.
   */
  start(t: number, y: Float64Array, h0: number | undefined, span: number): void;
  /** Advances by one accepted step that ends at or before tStop (exactly at tStop when it reaches it).
   * Returns null on success, or a failure message (the state stays at the last accepted step). */
  step(tStop: number): string | null;
  /** Dense output: the solution at time s in [tPrev, t], written into out. */
  interpolate(s: number, out: Float64Array): void;
}

export const UNIT_ROUNDOFF = 2.220446049250313e-16;

/** Step size too small to make progress at time t. */
export function stepUnderflow(t: number, h: number): boolean {
  return !(h > 10 * UNIT_ROUNDOFF * Math.max(Math.abs(t), 1e-300));
}

export function underflowMessage(t: number, h: number): string {
  return `step size underflow (h = ${h.toExponential(3)}) at t = ${t}`;
}
