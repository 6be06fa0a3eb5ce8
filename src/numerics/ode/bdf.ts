/**
 * Variable-order BDF (orders 1–5) in the backward-difference form of Shampine & Reichelt's ode15s
 * ("The MATLAB ODE suite", SIAM J. Sci. Comput. 18:1–22, 1997) with κ = 0 (plain BDF, not NDF), as also
 * used by SciPy's solve_ivp(method="BDF"): quasi-constant step size (the difference array is rescaled when
 * h changes), simplified Newton iterations with the Jacobian reused across steps and refreshed only when
 * Newton fails, the LU refactorised only when h or the order changes, order selection from the error
 * estimates of orders k−1, k, k+1 after k+1 equal steps, and the interpolating polynomial of the
 * differences as dense output.
 */
import { RealIterationMatrix, SparseStructure } from "../linalg/iteration-matrix.js";
import type { OdeContext } from "./context.js";
import { allFinite } from "./context.js";
import { type Stepper, stepUnderflow, UNIT_ROUNDOFF, underflowMessage } from "./stepper.js";

const MAX_ORDER = 5;
const NEWTON_MAXITER = 4;
const MIN_FACTOR = 0.2;
const MAX_FACTOR = 10;
/** γ_k = Σ_{j≤k} 1/j; α_k = γ_k (κ = 0); error constant of order k: 1/(k+1). */
const GAMMA = [0, 1, 1.5, 11 / 6, 25 / 12, 137 / 60, 49 / 20];
const ERROR_CONST = [1, 1 / 2, 1 / 3, 1 / 4, 1 / 5, 1 / 6, 1 / 7];

export class BdfStepper implements Stepper {
  readonly method = "bdf" as const;
  t = 0;
  tPrev = 0;
  readonly y: Float64Array;
  private h = 0;
  private order = 1;
  private equalSteps = 0;
  private jacCurrent = false;
  private luValid = false;
  private hasJac = false;
  private readonly newtonTol: number;
  /** Backward differences D[0..MAX_ORDER+2], each of length n (D[0] = y). */
  private readonly D: Float64Array;
  private readonly Dtmp: Float64Array;
  private readonly RU: Float64Array;
  private readonly R: Float64Array;
  private readonly U: Float64Array;
  private readonly J: Float64Array;
  private readonly M: RealIterationMatrix;
  private readonly yPred: Float64Array;
  private readonly psi: Float64Array;
  private readonly yNew: Float64Array;
  private readonly d: Float64Array;
  private readonly dy: Float64Array;
  private readonly f: Float64Array;
  private readonly scale: Float64Array;
  private readonly err: Float64Array;
  // dense output of the last step
  private readonly denseD: Float64Array;
  private denseOrder = 0;
  private denseH = 0;

  constructor(
    private readonly ctx: OdeContext,
    /** Highest order (1–5). */
    private readonly maxOrder = MAX_ORDER,
  ) {
    const n = ctx.n;
    const v = () => new Float64Array(n);
    this.y = v();
    this.D = new Float64Array((MAX_ORDER + 3) * n);
    this.Dtmp = new Float64Array((MAX_ORDER + 1) * n);
    this.RU = new Float64Array((MAX_ORDER + 1) ** 2);
    this.R = new Float64Array((MAX_ORDER + 1) ** 2);
    this.U = new Float64Array((MAX_ORDER + 1) ** 2);
    this.J = new Float64Array(n * n);
    this.M = new RealIterationMatrix(n, new SparseStructure(ctx.sparsity));
    this.yPred = v();
    this.psi = v();
    this.yNew = v();
    this.d = v();
    this.dy = v();
    this.f = v();
    this.scale = v();
    this.err = v();
    this.denseD = new Float64Array((MAX_ORDER + 1) * n);
    this.newtonTol = Math.max((10 * UNIT_ROUNDOFF) / ctx.rtol, Math.min(0.03, Math.sqrt(ctx.rtol)));
  }

  get hNext(): number {
    return this.h;
  }

  start(t: number, y: Float64Array, h0: number | undefined, span: number): void {
    const n = this.ctx.n;
    this.t = t;
    this.tPrev = t;
    this.y.set(y);
    this.ctx.rhs(t, this.y, this.f);
    this.h =
      h0 !== undefined && h0 > 0
        ? Math.min(h0, span)
        : this.ctx.initialStep(t, this.y, this.f, 1, span, this.dy, this.err);
    this.D.fill(0);
    this.D.set(this.y, 0);
    for (let i = 0; i < n; i++) this.D[n + i] = this.f[i] * this.h;
    this.order = 1;
    this.equalSteps = 0;
    this.hasJac = false;
    this.jacCurrent = false;
    this.luValid = false;
    this.denseOrder = 0;
    this.denseH = 0;
  }

  /** R(order, factor) of Shampine & Reichelt: R[i][j] = Π_{m=1..i} (m − 1 − factor·j)/m, row 0 ones. */
  private computeR(order: number, factor: number, out: Float64Array): void {
    const w = order + 1;
    for (let j = 0; j < w; j++) out[j] = 1;
    for (let i = 1; i < w; i++)
      for (let j = 0; j < w; j++) {
        const m = j === 0 ? 0 : (i - 1 - factor * j) / i;
        out[i * w + j] = out[(i - 1) * w + j] * m;
      }
  }

  /** Rescales D[0..order] for a step-size change by factor (h_new = factor·h). */
  private changeD(factor: number): void {
    const n = this.ctx.n;
    const order = this.order;
    const w = order + 1;
    const { R, U, RU, D, Dtmp } = this;
    this.computeR(order, factor, R);
    this.computeR(order, 1, U);
    for (let i = 0; i < w; i++)
      for (let j = 0; j < w; j++) {
        let s = 0;
        for (let k = 0; k < w; k++) s += R[i * w + k] * U[k * w + j];
        RU[i * w + j] = s;
      }
    // D[j] ← Σ_i RU[i][j] D[i]
    Dtmp.set(D.subarray(0, w * n));
    for (let j = 0; j < w; j++) {
      const off = j * n;
      for (let i = 0; i < n; i++) D[off + i] = 0;
      for (let k = 0; k < w; k++) {
        const c = RU[k * w + j];
        if (c === 0) continue;
        const src = k * n;
        for (let i = 0; i < n; i++) D[off + i] += c * Dtmp[src + i];
      }
    }
    this.equalSteps = 0;
    this.luValid = false;
  }

  private norm(v: Float64Array): number {
    const n = this.ctx.n;
    let s = 0;
    for (let i = 0; i < n; i++) s += (v[i] / this.scale[i]) ** 2;
    const r = Math.sqrt(s / n);
    return Number.isNaN(r) ? Number.POSITIVE_INFINITY : r;
  }

  step(tStop: number): string | null {
    const ctx = this.ctx;
    const n = ctx.n;
    const { D, yPred, psi, yNew, d, f, scale, err, J, M } = this;
    const t = this.t;
    for (;;) {
      // step size: bounded, clipped to tStop (rescaling the differences)
      let h = ctx.fixedStep > 0 ? ctx.fixedStep : Math.min(this.h, ctx.hMax);
      if (t + 1.01 * h >= tStop) h = tStop - t;
      if (h !== this.h) {
        this.changeD(h / this.h);
        this.h = h;
      }
      if (stepUnderflow(t, h)) return underflowMessage(t, h);
      const last = t + h >= tStop;
      const tNew = last ? tStop : t + h;
      const order = this.order;
      // predictor and ψ
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let k = 0; k <= order; k++) s += D[k * n + i];
        yPred[i] = s;
        scale[i] = ctx.atol[i] + ctx.rtol * Math.abs(s);
      }
      const alpha = GAMMA[order];
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let k = 1; k <= order; k++) s += D[k * n + i] * GAMMA[k];
        psi[i] = s / alpha;
      }
      const c = h / alpha;
      // simplified Newton, refreshing the Jacobian once when it fails with an old one
      let converged = false;
      let iterations = 0;
      for (;;) {
        if (!this.hasJac) {
          ctx.rhs(t, this.y, f);
          ctx.jacobian(t, this.y, f, J);
          this.hasJac = true;
          this.jacCurrent = true;
          this.luValid = false;
        }
        if (!this.luValid) {
          ctx.stats.factorizations++;
          // I − c·J = c·((1/c)·I − J): factor (1/c)·I − J and scale the right-hand side by 1/c
          if (!M.factor(J, 1 / c)) break;
          this.luValid = true;
        }
        converged = this.newton(tNew, c);
        iterations = this.newtonIterations;
        if (converged || this.jacCurrent) break;
        ctx.rhs(tNew, yPred, f);
        ctx.jacobian(tNew, yPred, f, J);
        this.jacCurrent = true;
        this.luValid = false;
      }
      if (!converged) {
        if (ctx.fixedStep > 0) return `Newton iteration did not converge with the fixed step at t = ${t}`;
        ctx.stats.rejected++;
        this.changeD(0.5);
        this.h = h * 0.5;
        continue;
      }
      const safety = (0.9 * (2 * NEWTON_MAXITER + 1)) / (2 * NEWTON_MAXITER + iterations);
      for (let i = 0; i < n; i++) {
        scale[i] = ctx.atol[i] + ctx.rtol * Math.abs(yNew[i]);
        err[i] = ERROR_CONST[order] * d[i];
      }
      const errNorm = this.norm(err);
      if (errNorm > 1 && ctx.fixedStep <= 0) {
        ctx.stats.rejected++;
        const factor = Math.max(MIN_FACTOR, safety * errNorm ** (-1 / (order + 1)));
        this.changeD(factor);
        this.h = h * factor;
        continue;
      }
      // accepted: update the differences
      ctx.stats.steps++;
      this.equalSteps++;
      this.jacCurrent = false;
      const o1 = (order + 1) * n;
      const o2 = (order + 2) * n;
      for (let i = 0; i < n; i++) {
        D[o2 + i] = d[i] - D[o1 + i];
        D[o1 + i] = d[i];
      }
      for (let k = order; k >= 0; k--) {
        const off = k * n;
        const nxt = (k + 1) * n;
        for (let i = 0; i < n; i++) D[off + i] += D[nxt + i];
      }
      this.denseD.set(D.subarray(0, (order + 1) * n));
      this.denseOrder = order;
      this.denseH = h;
      this.tPrev = t;
      this.t = tNew;
      this.y.set(D.subarray(0, n));
      if (ctx.clamp(this.y)) D.set(this.y, 0);
      if (this.equalSteps < order + 1) return null;
      // order selection from the error estimates of orders k−1, k, k+1
      let errM = Number.POSITIVE_INFINITY;
      let errP = Number.POSITIVE_INFINITY;
      if (order > 1) {
        for (let i = 0; i < n; i++) err[i] = ERROR_CONST[order - 1] * D[order * n + i];
        errM = this.norm(err);
      }
      if (order < this.maxOrder) {
        for (let i = 0; i < n; i++) err[i] = ERROR_CONST[order + 1] * D[(order + 2) * n + i];
        errP = this.norm(err);
      }
      const fM = errM === 0 ? Number.POSITIVE_INFINITY : errM ** (-1 / order);
      const f0 = errNorm === 0 ? Number.POSITIVE_INFINITY : errNorm ** (-1 / (order + 1));
      const fP = errP === 0 ? Number.POSITIVE_INFINITY : errP ** (-1 / (order + 2));
      let best = f0;
      let delta = 0;
      if (fM > best) {
        best = fM;
        delta = -1;
      }
      if (fP > best) {
        best = fP;
        delta = 1;
      }
      this.order = order + delta;
      // fixed steps: the order may change, the step size not
      const factor = ctx.fixedStep > 0 ? 1 : Math.min(MAX_FACTOR, safety * best);
      this.changeD(factor);
      this.h = h * factor;
      return null;
    }
  }

  /** Iterations used by the last call of newton(). */
  private newtonIterations = 0;

  /** Newton iterations on y = yPred + d, d = c·f(tNew, y) − ψ; result in yNew and d; true when converged. */
  private newton(tNew: number, c: number): boolean {
    const ctx = this.ctx;
    const n = ctx.n;
    const { yPred, psi, yNew, d, dy, f, M } = this;
    yNew.set(yPred);
    d.fill(0);
    let dyNormOld = -1;
    const invC = 1 / c;
    const fixed = ctx.fixedStep > 0;
    const maxIter = fixed ? 8 * NEWTON_MAXITER : NEWTON_MAXITER;
    for (let k = 0; k < maxIter; k++) {
      ctx.rhs(tNew, yNew, f);
      if (!allFinite(f)) return this.newtonDone(false, k + 1);
      // (I − cJ) dy = c f − ψ − d  ⇔  ((1/c) I − J) dy = f − (ψ + d)/c
      for (let i = 0; i < n; i++) dy[i] = f[i] - (psi[i] + d[i]) * invC;
      M.solve(dy);
      const dyNorm = this.norm(dy);
      const rate = dyNormOld >= 0 ? dyNorm / dyNormOld : -1;
      if (
        rate >= 0 &&
        (rate >= 1 || (!fixed && (rate ** (NEWTON_MAXITER - k) / (1 - rate)) * dyNorm > this.newtonTol))
      )
        return this.newtonDone(false, k + 1);
      for (let i = 0; i < n; i++) {
        yNew[i] += dy[i];
        d[i] += dy[i];
      }
      if (dyNorm === 0 || (rate >= 0 && (rate / (1 - rate)) * dyNorm < this.newtonTol))
        return this.newtonDone(true, k + 1);
      dyNormOld = dyNorm;
    }
    return this.newtonDone(false, maxIter);
  }

  private newtonDone(converged: boolean, iterations: number): boolean {
    this.newtonIterations = iterations;
    return converged;
  }

  interpolate(s: number, out: Float64Array): void {
    const n = this.ctx.n;
    const order = this.denseOrder;
    if (order === 0 || this.denseH === 0) {
      out.set(this.y);
      return;
    }
    const h = this.denseH;
    const D = this.denseD;
    for (let i = 0; i < n; i++) out[i] = D[i];
    let p = 1;
    for (let j = 0; j < order; j++) {
      // x_j = (s − (t − j·h)) / ((j + 1)·h)
      p *= (s - (this.t - j * h)) / ((j + 1) * h);
      const off = (j + 1) * n;
      for (let i = 0; i < n; i++) out[i] += D[off + i] * p;
    }
  }
}
