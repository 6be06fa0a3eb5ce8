/**
 * What every stepper shares during one solve: the counted right-hand side, the Jacobian (analytic or by
 * forward differences), the weighted error norm and the nonNegative clamp. Allocated once per solve.
 */
import { ColumnColoring } from "../linalg/column-coloring.js";
import { SparsityTracker } from "../linalg/sparsity.js";
import { zeroStats } from "./stats.js";
import type { OdeProblem, OdeStats } from "./types.js";

const SQRT_EPS = Math.sqrt(2.220446049250313e-16);

export class OdeContext {
  readonly n: number;
  readonly stats: OdeStats = zeroStats();
  /** Scratch for finite differences. */
  private readonly yPert: Float64Array;
  private readonly fPert: Float64Array;
  private readonly clampIdx: Int32Array | null;
  /** Union of the Jacobian nonzeros seen in this solve (drives the sparse LU). */
  readonly sparsity: SparsityTracker;
  private patternProbed = false;
  /** True when the problem declared its Jacobian pattern (problem.jacobianPattern): nothing to learn. */
  private readonly patternDeclared: boolean;
  /**
   * The declared positions, each once: before an analytic Jacobian call only these are zeroed (every other
   * entry is structurally zero, so it still holds the 0 it started with: n² writes per call saved).
   */
  private readonly declaredPositions: Int32Array | null;
  private coloring: ColumnColoring | null = null;
  private coloringVersion = -1;
  /** Finite-difference Jacobians since the last full (uncompressed) one. */
  private sinceFullFd = 0;

  constructor(
    private readonly problem: OdeProblem,
    n: number,
    readonly rtol: number,
    /** Absolute tolerance per component. */
    readonly atol: Float64Array,
    readonly hMax: number,
    nonNegative: boolean | number[] | undefined,
    readonly maxSteps: number,
    /** > 0: constant step size, every step accepted. */
    readonly fixedStep = 0,
    /** Length of the integration interval (scale of the time perturbation of the pattern probe). */
    readonly timeScale = 1,
  ) {
    this.n = n;
    this.yPert = new Float64Array(n);
    this.fPert = new Float64Array(n);
    this.sparsity = new SparsityTracker(n);
    const declared = problem.jacobianPattern;
    this.patternDeclared = declared !== undefined;
    if (declared !== undefined) {
      this.sparsity.declare(declared);
      this.patternProbed = true;
      const mask = this.sparsity.mask;
      const positions: number[] = [];
      for (let p = 0; p < mask.length; p++) if (mask[p] !== 0) positions.push(p);
      this.declaredPositions = Int32Array.from(positions);
    } else this.declaredPositions = null;
    if (nonNegative === true) this.clampIdx = Int32Array.from({ length: n }, (_, i) => i);
    else if (Array.isArray(nonNegative) && nonNegative.length > 0)
      this.clampIdx = Int32Array.from(nonNegative);
    else this.clampIdx = null;
  }

  get hasAnalyticJacobian(): boolean {
    return this.problem.jacobian !== undefined;
  }

  /** True when f does not depend on t explicitly (problem.autonomous): ∂f/∂t is then skipped. */
  get autonomous(): boolean {
    return this.problem.autonomous === true;
  }

  rhs(t: number, y: Float64Array, dydt: Float64Array): void {
    this.stats.rhsEvals++;
    this.problem.f(t, y, dydt);
  }

  /**
   * J = ∂f/∂y at (t, y); fy must hold f(t, y) (used by forward differences). Forward differences use
   * the increment √ε·max(|y_j|, atol_j/rtol): relative to the component, or to the smallest magnitude the
   * tolerances resolve (so tiny components, e.g. ROBER's y2 ≈ 1e-13, get a proportionate increment).
   */
  jacobian(t: number, y: Float64Array, fy: Float64Array, J: Float64Array): void {
    if (!this.patternProbed) this.probePattern(t, y, J);
    this.evaluateJacobian(t, y, fy, J);
    if (!this.patternDeclared) this.sparsity.observe(J);
  }

  /**
   * Before the first Jacobian of a solve: evaluates one at a perturbed state and time as well, so that
   * entries that vanish at the initial point (species starting at 0) enter the pattern. J is scratch.
   */
  private probePattern(t: number, y: Float64Array, J: Float64Array): void {
    this.patternProbed = true;
    const n = this.n;
    const yp = new Float64Array(n);
    const fp = new Float64Array(n);
    for (let i = 0; i < n; i++)
      yp[i] = y[i] + (0.01 * Math.abs(y[i]) + 1e-3 * (1 + this.atol[i])) * (1 + 0.37 * (i % 5));
    // and at a later time, for entries that vanish at t0 (terms proportional to t)
    const tp = t + 1e-3 * Math.max(Math.abs(t), this.timeScale);
    this.rhs(tp, yp, fp);
    this.evaluateJacobian(tp, yp, fp, J);
    this.sparsity.observe(J);
  }

  private evaluateJacobian(t: number, y: Float64Array, fy: Float64Array, J: Float64Array): void {
    this.stats.jacobianEvals++;
    const jac = this.problem.jacobian;
    if (jac !== undefined) {
      // a Jacobian may write only its nonzeros: zero J first (only the declared positions when declared)
      const declared = this.declaredPositions;
      if (declared === null) J.fill(0);
      else for (let p = 0; p < declared.length; p++) J[declared[p]] = 0;
      jac(t, y, J);
      return;
    }
    const n = this.n;
    const yp = this.yPert;
    const fp = this.fPert;
    yp.set(y);
    const coloring = this.compressedColoring();
    if (coloring !== null) {
      this.sinceFullFd++;
      this.groupedDifferences(t, y, fy, J, coloring);
      return;
    }
    this.sinceFullFd = 0;
    for (let j = 0; j < n; j++) {
      const yj = y[j];
      const delta = SQRT_EPS * Math.max(Math.abs(yj), this.atol[j] / this.rtol);
      yp[j] = yj + delta;
      const dy = yp[j] - yj;
      this.rhs(t, yp, fp);
      const inv = 1 / dy;
      for (let i = 0; i < n; i++) J[i * n + j] = (fp[i] - fy[i]) * inv;
      yp[j] = yj;
    }
  }

  /**
   * Column groups for compressed finite differences, or null for a full one: null until the pattern has
   * been seen twice (probe and first Jacobian), when grouping saves less than a quarter of the columns, and
   * every 25th Jacobian (a full one refreshes the pattern, so entries that appear later are not missed).
   * A declared pattern is complete: grouping starts at once and no full one is needed.
   */
  private compressedColoring(): ColumnColoring | null {
    const tr = this.sparsity;
    if (!this.patternDeclared && (this.stats.jacobianEvals < 3 || this.sinceFullFd >= 24)) return null;
    if (this.coloringVersion !== tr.version) {
      this.coloringVersion = tr.version;
      const c = new ColumnColoring(this.n, tr.mask);
      this.coloring = c.groups <= 0.75 * this.n ? c : null;
    }
    return this.coloring;
  }

  /** Forward differences perturbing each group of structurally independent columns at once. */
  private groupedDifferences(
    t: number,
    y: Float64Array,
    fy: Float64Array,
    J: Float64Array,
    c: ColumnColoring,
  ): void {
    const n = this.n;
    const yp = this.yPert;
    const fp = this.fPert;
    J.fill(0);
    for (let g = 0; g < c.groups; g++) {
      const g0 = c.groupStart[g];
      const g1 = c.groupStart[g + 1];
      for (let p = g0; p < g1; p++) {
        const j = c.cols[p];
        yp[j] = y[j] + SQRT_EPS * Math.max(Math.abs(y[j]), this.atol[j] / this.rtol);
      }
      this.rhs(t, yp, fp);
      for (let p = g0; p < g1; p++) {
        const j = c.cols[p];
        const inv = 1 / (yp[j] - y[j]);
        for (let r = c.rowStart[j]; r < c.rowStart[j + 1]; r++) {
          const i = c.rows[r];
          J[i * n + j] = (fp[i] - fy[i]) * inv;
        }
        yp[j] = y[j];
      }
    }
  }

  /**
   * ∂f/∂t at (t, y) by a forward difference into dfdt (zero when the problem is autonomous); fy = f(t, y).
   */
  timeDerivative(t: number, y: Float64Array, fy: Float64Array, dfdt: Float64Array): void {
    if (this.autonomous) {
      dfdt.fill(0);
      return;
    }
    const delta = Math.sqrt(2.220446049250313e-16 * Math.max(1e-5, Math.abs(t)));
    const tp = t + delta;
    this.rhs(tp, y, this.fPert);
    const inv = 1 / (tp - t);
    const n = this.n;
    for (let i = 0; i < n; i++) dfdt[i] = (this.fPert[i] - fy[i]) * inv;
  }

  /** RMS norm of e weighted by atol_i + rtol·max(|a_i|, |b_i|) (Hairer–Wanner). */
  errorNorm(e: Float64Array, a: Float64Array, b: Float64Array): number {
    const n = this.n;
    const rtol = this.rtol;
    const atol = this.atol;
    let s = 0;
    for (let i = 0; i < n; i++) {
      const sc = atol[i] + rtol * Math.max(Math.abs(a[i]), Math.abs(b[i]));
      const r = e[i] / sc;
      s += r * r;
    }
    const norm = Math.sqrt(s / n);
    return Number.isNaN(norm) ? Number.POSITIVE_INFINITY : norm;
  }

  /** Sets negative entries of the nonNegative components to 0; true when something changed. */
  clamp(y: Float64Array): boolean {
    const idx = this.clampIdx;
    if (idx === null) return false;
    let changed = false;
    for (let k = 0; k < idx.length; k++) {
      const i = idx[k];
      if (y[i] < 0) {
        y[i] = 0;
        changed = true;
      }
    }
    return changed;
  }

  /**
   * Starting step size (Hairer, Nørsett & Wanner 1993, §II.4, routine HINIT) for a method of order p;
   * f0 = f(t, y). Uses one extra right-hand side evaluation. tmp1/tmp2 are scratch vectors.
   */
  initialStep(
    t: number,
    y: Float64Array,
    f0: Float64Array,
    order: number,
    span: number,
    tmp1: Float64Array,
    tmp2: Float64Array,
  ): number {
    const n = this.n;
    let d0 = 0;
    let d1 = 0;
    for (let i = 0; i < n; i++) {
      const sk = this.atol[i] + this.rtol * Math.abs(y[i]);
      d0 += (y[i] / sk) ** 2;
      d1 += (f0[i] / sk) ** 2;
    }
    d0 = Math.sqrt(d0 / n);
    d1 = Math.sqrt(d1 / n);
    let h = d0 <= 1e-10 || d1 <= 1e-10 ? 1e-6 : 0.01 * (d0 / d1);
    h = Math.min(h, this.hMax, span);
    for (let i = 0; i < n; i++) tmp1[i] = y[i] + h * f0[i];
    this.rhs(t + h, tmp1, tmp2);
    let d2 = 0;
    for (let i = 0; i < n; i++) {
      const sk = this.atol[i] + this.rtol * Math.abs(y[i]);
      d2 += ((tmp2[i] - f0[i]) / sk) ** 2;
    }
    d2 = Math.sqrt(d2 / n) / h;
    const der = Math.max(d1, d2);
    const h1 = der <= 1e-15 ? Math.max(1e-6, h * 1e-3) : (0.01 / der) ** (1 / (order + 1));
    const h0 = Math.min(100 * h, h1, this.hMax, span);
    return h0 > 0 && Number.isFinite(h0) ? h0 : Math.min(1e-6, span);
  }
}

/** True when every entry is finite. */
export function allFinite(y: Float64Array): boolean {
  for (let i = 0; i < y.length; i++) if (!Number.isFinite(y[i])) return false;
  return true;
}
