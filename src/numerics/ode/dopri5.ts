/**
 * Dormand–Prince 5(4) explicit Runge–Kutta with FSAL, PI step-size control, Shampine's 4th-order dense
 * output and Hairer's stiffness detection. Coefficients: Dormand & Prince (1980), J. Comput. Appl. Math.
 * 6:19–26; dense output d1..d7: Shampine (1986), Math. Comp. 46:135–150; control and stiffness test as in
 * Hairer, Nørsett & Wanner (1993) "Solving ODEs I", §II.4–II.6 and code DOPRI5.
 */
import type { OdeContext } from "./context.js";
import { allFinite } from "./context.js";
import { type Stepper, stepUnderflow, underflowMessage } from "./stepper.js";

const C2 = 0.2;
const C3 = 0.3;
const C4 = 0.8;
const C5 = 8 / 9;
const A21 = 0.2;
const A31 = 3 / 40;
const A32 = 9 / 40;
const A41 = 44 / 45;
const A42 = -56 / 15;
const A43 = 32 / 9;
const A51 = 19372 / 6561;
const A52 = -25360 / 2187;
const A53 = 64448 / 6561;
const A54 = -212 / 729;
const A61 = 9017 / 3168;
const A62 = -355 / 33;
const A63 = 46732 / 5247;
const A64 = 49 / 176;
const A65 = -5103 / 18656;
const A71 = 35 / 384;
const A73 = 500 / 1113;
const A74 = 125 / 192;
const A75 = -2187 / 6784;
const A76 = 11 / 84;
const E1 = 71 / 57600;
const E3 = -71 / 16695;
const E4 = 71 / 1920;
const E5 = -17253 / 339200;
const E6 = 22 / 525;
const E7 = -1 / 40;
const D1 = -12715105075 / 11282082432;
const D3 = 87487479700 / 32700410799;
const D4 = -10690763975 / 1880347072;
const D5 = 701980252875 / 199316789632;
const D6 = -1453857185 / 822651844;
const D7 = 69997945 / 29380423;

const SAFE = 0.9;
const BETA = 0.04;
const EXPO1 = 0.2 - BETA * 0.75;
const FACC1 = 1 / 0.2; // largest decrease 5×
const FACC2 = 1 / 10; // largest increase 10×

export class Dopri5Stepper implements Stepper {
  readonly method = "dopri5" as const;
  t = 0;
  tPrev = 0;
  readonly y: Float64Array;
  /** Set when the stiffness test fired 15 times (Hairer's DOPRI5 rule); "auto" then switches. */
  stiff = false;
  /** Accepted steps in this solve (not reset by restarts). */
  accepted = 0;
  private h = 0;
  private hPrevStep = 0;
  private facOld = 1e-4;
  private rejectedLast = false;
  private firstStep = true;
  private nonStiffCount = 0;
  private stiffCount = 0;
  private readonly k1: Float64Array;
  private readonly k2: Float64Array;
  private readonly k3: Float64Array;
  private readonly k4: Float64Array;
  private readonly k5: Float64Array;
  private readonly k6: Float64Array;
  private readonly k7: Float64Array;
  private readonly y1: Float64Array;
  private readonly ySti: Float64Array;
  private readonly err: Float64Array;
  private readonly r1: Float64Array;
  private readonly r2: Float64Array;
  private readonly r3: Float64Array;
  private readonly r4: Float64Array;
  private readonly r5: Float64Array;

  constructor(private readonly ctx: OdeContext) {
    const n = ctx.n;
    this.y = new Float64Array(n);
    this.k1 = new Float64Array(n);
    this.k2 = new Float64Array(n);
    this.k3 = new Float64Array(n);
    this.k4 = new Float64Array(n);
    this.k5 = new Float64Array(n);
    this.k6 = new Float64Array(n);
    this.k7 = new Float64Array(n);
    this.y1 = new Float64Array(n);
    this.ySti = new Float64Array(n);
    this.err = new Float64Array(n);
    this.r1 = new Float64Array(n);
    this.r2 = new Float64Array(n);
    this.r3 = new Float64Array(n);
    this.r4 = new Float64Array(n);
    this.r5 = new Float64Array(n);
  }

  get hNext(): number {
    return this.h;
  }

  start(t: number, y: Float64Array, h0: number | undefined, span: number): void {
    this.t = t;
    this.tPrev = t;
    this.y.set(y);
    this.ctx.rhs(t, this.y, this.k1);
    this.h =
      h0 !== undefined && h0 > 0
        ? Math.min(h0, span)
        : this.ctx.initialStep(t, this.y, this.k1, 5, span, this.k2, this.k3);
    this.facOld = 1e-4;
    this.rejectedLast = false;
    this.firstStep = true;
    this.r1.set(this.y);
    this.r2.fill(0);
    this.r3.fill(0);
    this.r4.fill(0);
    this.r5.fill(0);
  }

  step(tStop: number): string | null {
    const ctx = this.ctx;
    const n = ctx.n;
    const { y, y1, k1, k2, k3, k4, k5, k6, k7, ySti, err } = this;
    const t = this.t;
    for (;;) {
      let h = ctx.fixedStep > 0 ? ctx.fixedStep : Math.min(this.h, ctx.hMax);
      let last = false;
      if (t + 1.01 * h >= tStop) {
        h = tStop - t;
        last = true;
      }
      if (stepUnderflow(t, h)) return underflowMessage(t, h);
      for (let i = 0; i < n; i++) y1[i] = y[i] + h * A21 * k1[i];
      ctx.rhs(t + C2 * h, y1, k2);
      for (let i = 0; i < n; i++) y1[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i]);
      ctx.rhs(t + C3 * h, y1, k3);
      for (let i = 0; i < n; i++) y1[i] = y[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
      ctx.rhs(t + C4 * h, y1, k4);
      for (let i = 0; i < n; i++) y1[i] = y[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
      ctx.rhs(t + C5 * h, y1, k5);
      for (let i = 0; i < n; i++)
        ySti[i] = y[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
      const tNew = last ? tStop : t + h;
      ctx.rhs(tNew, ySti, k6);
      for (let i = 0; i < n; i++)
        y1[i] = y[i] + h * (A71 * k1[i] + A73 * k3[i] + A74 * k4[i] + A75 * k5[i] + A76 * k6[i]);
      ctx.rhs(tNew, y1, k7);
      for (let i = 0; i < n; i++)
        err[i] = h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
      let e = ctx.errorNorm(err, y, y1);
      if (!allFinite(y1) || !allFinite(k7)) e = Number.POSITIVE_INFINITY;
      const fac11 = e ** EXPO1;
      if (e <= 1 || (ctx.fixedStep > 0 && Number.isFinite(e))) {
        // accepted
        let fac = fac11 / this.facOld ** BETA;
        fac = Math.max(FACC2, Math.min(FACC1, fac / SAFE));
        let hNew = h / fac;
        this.facOld = Math.max(e, 1e-4);
        if (this.rejectedLast) hNew = Math.min(hNew, h);
        this.detectStiffness(h);
        // dense output coefficients (Hairer's CONT array)
        const { r1, r2, r3, r4, r5 } = this;
        for (let i = 0; i < n; i++) {
          const yd0 = y[i];
          const ydiff = y1[i] - yd0;
          const bspl = h * k1[i] - ydiff;
          r1[i] = yd0;
          r2[i] = ydiff;
          r3[i] = bspl;
          r4[i] = ydiff - h * k7[i] - bspl;
          r5[i] = h * (D1 * k1[i] + D3 * k3[i] + D4 * k4[i] + D5 * k5[i] + D6 * k6[i] + D7 * k7[i]);
        }
        const clamped = ctx.clamp(y1);
        this.tPrev = t;
        this.t = tNew;
        this.hPrevStep = h;
        y.set(y1);
        if (clamped) ctx.rhs(tNew, y, k1);
        else k1.set(k7);
        this.h = hNew;
        this.rejectedLast = false;
        this.firstStep = false;
        ctx.stats.steps++;
        this.accepted++;
        return null;
      }
      ctx.stats.rejected++;
      this.rejectedLast = true;
      if (!Number.isFinite(e)) this.h = h * 0.1;
      else this.h = h / Math.min(FACC1, fac11 / SAFE);
      if (this.firstStep) this.h = Math.min(this.h, h * 0.1);
    }
  }

  /**
   * For "auto": switch to a stiff method when the stiffness test fired, or after 1000 accepted steps
   * (at tight tolerances round-off can blur the test on stiff problems; a stiff method is then cheaper).
   */
  get suggestsStiffSolver(): boolean {
    return this.stiff || this.accepted >= 1000;
  }

  /** Hairer's DOPRI5 test: h·|λ| estimated from the last two stages exceeds 3.25 fifteen times. */
  private detectStiffness(h: number): void {
    const n = this.ctx.n;
    let stNum = 0;
    let stDen = 0;
    for (let i = 0; i < n; i++) {
      stNum += (this.k7[i] - this.k6[i]) ** 2;
      stDen += (this.y1[i] - this.ySti[i]) ** 2;
    }
    if (stDen > 0 && h * Math.sqrt(stNum / stDen) > 3.25) {
      this.nonStiffCount = 0;
      this.stiffCount++;
      if (this.stiffCount >= 15) this.stiff = true;
    } else {
      this.nonStiffCount++;
      if (this.nonStiffCount >= 6) this.stiffCount = 0;
    }
  }

  interpolate(s: number, out: Float64Array): void {
    const n = this.ctx.n;
    const h = this.hPrevStep;
    if (h === 0) {
      out.set(this.y);
      return;
    }
    const theta = (s - this.tPrev) / h;
    const theta1 = 1 - theta;
    const { r1, r2, r3, r4, r5 } = this;
    for (let i = 0; i < n; i++)
      out[i] = r1[i] + theta * (r2[i] + theta1 * (r3[i] + theta * (r4[i] + theta1 * r5[i])));
  }
}
