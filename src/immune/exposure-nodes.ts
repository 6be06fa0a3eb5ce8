/**
 * Hermite nodes of a drug module's solution, built by an exponential Rosenbrock integrator whose steps
 * are the nodes: the exposure of exposure.ts at a fraction of the cost of an explicit solve.
 *
 * A drug module is nearly linear: two or three compartments with linear exchange, a clearance that
 * changes slowly with time on treatment, at most a Michaelis–Menten term. Its fast mode (distribution,
 * half-life ~1.4 days for nivolumab) holds an explicit Runge–Kutta method at rtol 1e-7 to steps of about
 * half a day, well below what the Hermite interpolant between nodes needs. Exponential Rosenbrock
 * methods (Hochbruck, Ostermann & Schweitzer 2009, SIAM J. Numer. Anal. 47:786–803) linearise at every
 * step, u' = J u + g(u), and take the linear part exactly through the φ-functions of hJ: exact for an
 * affine module; for the others the error comes from the small nonlinear remainder only. Scheme exprb43
 * (order 4 with an embedded method of order 3; Hochbruck & Ostermann 2010, Acta Numerica 19:209–286,
 * §2.4), non-autonomous form (v = ∂f/∂t, by a forward difference, only when a rate uses t):
 *   U2 = y + (h/2) φ1(hJ/2) f + (h/2)² φ2(hJ/2) v
 *   U3 = y + h φ1(hJ) f + h² φ2(hJ) v + h φ1(hJ) D2
 *   y1 = y + h φ1(hJ) f + h² φ2(hJ) v + h φ3(hJ) (16 D2 − 2 D3) + h φ4(hJ) (−48 D2 + 12 D3)
 *   D_i = f(t + c_i h, U_i) − f − J (U_i − y) − c_i h v        (c2 = 1/2, c3 = 1)
 * The embedded solution leaves out the φ4 term, which is thus the local error estimate. φ_k act on
 * vectors through their Taylor series, cut where the next term is far below the tolerance; a step whose
 * series would lose digits to cancellation (h too large for the fastest mode) is halved.
 * Between nodes the state is the Hermite interpolant of degree 7 of the values and first to third
 * derivatives at both ends: f, g = f_t + J f, and g′ ≈ J g + J′ f + v′ with J′ and v′ (v = f_t) by
 * their difference over the segment (exact for a linear module, else first order in a slowly varying
 * term; a quintic on y, f, g alone needed 740 instead of 477 nodes on the benchmark scenario at the same
 * tolerance). One Jacobian per node serves the step, the curvature and the third derivatives.
 *
 * Step size: the larger of two errors, each in the weighted max norm of the tolerances,
 *  - the step's local error (the estimate above, order 4 → exponent 1/4);
 *  - the interpolant's own error, from its defect δ = p′ − f(t, p) at a quarter of the step: for the
 *    Hermite remainder e(s) = K s⁴(s − h)⁴, |e| ≤ K h⁸/256 and |e′(h/4)| = 108 K h⁷/8192, so
 *    max |e| ≈ 0.30 h |δ(h/4)| (exponent 1/8). This is what the immune solve sees between nodes, so it is
 *    controlled directly (defect control, cf. Enright & Hayes, "Robust and reliable defect control for
 *    Runge–Kutta methods", ACM TOMS 33(1), 2007).
 * Cost per accepted node: four right-hand sides (U2, U3, the new node, the defect point) and one
 * Jacobian (one more right-hand side when f depends on t explicitly).
 *
 * Scheduled events (doses, infusion starts and stops) end a step exactly at their time: the node before
 * them (left limit) and the node after them share the time, as solveOde records them.
 * Browser-safe; allocation when set up and when the node arrays grow.
 */
import type { CompiledModel } from "../model/compiled.js";
import type { Expr } from "../model/expr/ast.js";
import { zeroStats } from "../numerics/ode/stats.js";
import type { OdeStats } from "../numerics/ode/types.js";

/** An event of the drug module at a fixed time, changing the state in place. */
export interface NodeEvent {
  at: number;
  apply(y: Float64Array): void;
}

export interface ExposureNodes {
  /** Node times, non-decreasing; an event's time appears twice (before and after it). */
  times: Float64Array;
  /** Values, slopes and second derivatives, row-major (node × species). */
  values: Float64Array;
  slopes: Float64Array;
  curvatures: Float64Array;
  /**
   * Third derivatives at the two ends of each segment, row j for the segment from node j to node j+1
   * (zero where it has no length): J g + (J(t_{j+1}) − J(t_j)) f / h (+ the difference of ∂f/∂t), the
   * change of J along the segment by its difference — exact for a linear module, first order otherwise.
   */
  thirdsLeft: Float64Array;
  thirdsRight: Float64Array;
  stats: OdeStats;
  status: "success" | "failure";
  message: string;
  /** The exponential integrator ran out of its step budget (an explicit-type method would not do better). */
  outOfSteps?: boolean;
}

export interface ExposureNodeOptions {
  /** Species clamped at 0 (the compiled model's nonNegativeIndices). */
  nonNegative?: readonly number[];
  /** Most accepted steps (default 100 000). */
  maxSteps?: number;
  /** Whether a rate uses t explicitly (default: read from the model's expressions). */
  usesTime?: boolean;
  /** Expected number of nodes (preallocation, grown when exceeded; default 32 + 12 per event). */
  capacity?: number;
}

/** Bounds of the step-size change and the safety factor of the controller. */
const GROW_MAX = 4;
const SHRINK_MAX = 0.2;
const SAFETY = 0.9;
const EPS = 2.220446049250313e-16;
const SQRT_EPS = Math.sqrt(EPS);
/** A φ-series is cut when h × its next term is below this fraction of the tolerance in every species. */
const SERIES_TOL = 1e-3;
/** Most Taylor terms of a φ-series; a series not converged by then rejects the step. */
const MAX_TERMS = 40;
/**
 * Largest term of a φ-series relative to its first term |x|/k!: beyond it, cancellation costs digits →
 * smaller step (the sum can be several times smaller than the first term).
 */
const GROWTH_MAX = 100;
/** max |e| ≈ DEFECT_FACTOR · h · |δ(h/4)| for the septic Hermite interpolant (see the file comment). */
const DEFECT_FACTOR = 2048 / (27 * 256);
/** Basis values and derivatives at the defect point (work arrays). */
const B = new Float64Array(8);
const dB = new Float64Array(8);

/**
 * Basis of the two-point Hermite interpolant of degree 7 on a segment of length h at x = (t − t0)/h:
 * out[0..3] multiply y, y′, y″, y‴ at the left end, out[4..7] those at the right end; `d` (if given)
 * receives their derivatives in t. Left: (1−x)⁴(1 + 4x + 10x² + 20x³), x(1−x)⁴(1 + 4x + 10x²)·h,
 * x²(1−x)⁴(1 + 4x)·h²/2, x³(1−x)⁴·h³/6; right: the mirror images (odd ones with a sign change).
 */
export function septicBasis(x: number, h: number, out: Float64Array, d?: Float64Array): void {
  const u = 1 - x;
  const x2 = x * x;
  const x3 = x2 * x;
  const x4 = x3 * x;
  const u2 = u * u;
  const u3 = u2 * u;
  const u4 = u3 * u;
  const h2 = h * h;
  const h3 = h2 * h;
  out[0] = u4 * (1 + 4 * x + 10 * x2 + 20 * x3);
  out[1] = x * u4 * (1 + 4 * x + 10 * x2) * h;
  out[2] = 0.5 * x2 * u4 * (1 + 4 * x) * h2;
  out[3] = (x3 * u4 * h3) / 6;
  out[4] = x4 * (1 + 4 * u + 10 * u2 + 20 * u3);
  out[5] = -u * x4 * (1 + 4 * u + 10 * u2) * h;
  out[6] = 0.5 * u2 * x4 * (1 + 4 * u) * h2;
  out[7] = -(u3 * x4 * h3) / 6;
  if (d === undefined) return;
  d[0] = (-140 * x3 * u3) / h;
  d[1] = u3 * (1 + 3 * x + 6 * x2 - 70 * x3);
  d[2] = x * u3 * (1 + 3 * x - 14 * x2) * h;
  d[3] = (x2 * u3 * (3 - 7 * x) * h2) / 6;
  d[4] = (140 * x3 * u3) / h;
  d[5] = x3 * (1 + 3 * u + 6 * u2 - 70 * u3);
  d[6] = -u * x3 * (1 + 3 * u - 14 * u2) * h;
  d[7] = (u2 * x3 * (3 - 7 * u) * h2) / 6;
}
/** 1/m! for the φ-series. */
const INV_FACT = Float64Array.from({ length: MAX_TERMS + 5 }, (_, m) => {
  let x = 1;
  for (let j = 2; j <= m; j++) x /= j;
  return x;
});

const usesTimeCache = new WeakMap<CompiledModel, boolean>();

/** True when some process rate of `model` uses the time t explicitly (through observables too). */
export function rhsUsesTime(model: CompiledModel): boolean {
  let known = usesTimeCache.get(model);
  if (known === undefined) {
    known = findTime(model);
    usesTimeCache.set(model, known);
  }
  return known;
}

function findTime(model: CompiledModel): boolean {
  const observables = new Map(model.observables.map((o) => [o.name, o.expression]));
  const seen = new Set<string>();
  const uses = (e: Expr): boolean => {
    switch (e.kind) {
      case "num":
        return false;
      case "sym": {
        if (e.name === "t") return true;
        const o = observables.get(e.name);
        if (o === undefined || seen.has(e.name)) return false;
        seen.add(e.name);
        return uses(o);
      }
      case "neg":
        return uses(e.arg);
      case "bin":
      case "cmp":
        return uses(e.left) || uses(e.right);
      case "call":
      case "logic":
        return e.args.some(uses);
      case "piecewise":
        return (
          e.pieces.some((q) => uses(q.value) || uses(q.cond)) ||
          (e.otherwise !== undefined && uses(e.otherwise))
        );
    }
  };
  return model.processes.some((q) => uses(q.rate) || q.changes.some((c) => uses(c.coefficient)));
}

/** The integrator's state and work arrays (one per solve; fields keep the hot loops monomorphic). */
export class ExponentialNodeSolver {
  readonly n: number;
  readonly nnz: number;
  /** Structural Jacobian entries by row (CSR): row i holds entries rowStart[i] … rowStart[i+1]−1. */
  readonly rowStart: Int32Array;
  readonly jCol: Int32Array;
  /** Flat index of each structural Jacobian entry. */
  readonly jAt: Int32Array;
  readonly clampIdx: Int32Array;
  readonly stats: OdeStats = zeroStats();
  // current node: state, slope, ∂f/∂t, second derivative, Jacobian
  y: Float64Array;
  f: Float64Array;
  v: Float64Array;
  g: Float64Array;
  J: Float64Array;
  // trial node
  y1: Float64Array;
  f1: Float64Array;
  v1: Float64Array;
  g1: Float64Array;
  J1: Float64Array;
  // work
  readonly lin: Float64Array;
  readonly U: Float64Array;
  readonly D2: Float64Array;
  readonly D3: Float64Array;
  readonly w: Float64Array;
  /** Powers (hJ)^m of f, v, D2 and D3, row m (see powers). */
  readonly Pf: Float64Array;
  readonly Pv: Float64Array;
  readonly P2: Float64Array;
  readonly P3: Float64Array;
  readonly tmp: Float64Array;
  readonly est: Float64Array;
  /** Tolerance of each species at the current node (atol + rtol |y|), for the series cut. */
  readonly tolY: Float64Array;
  /** Step-size factor proposed by the last attempt. */
  factor = 1;
  // node storage
  count = 0;
  times: Float64Array;
  values: Float64Array;
  slopes: Float64Array;
  curvatures: Float64Array;
  thirdsLeft: Float64Array;
  thirdsRight: Float64Array;
  /** Third derivatives at both ends of the trial segment. */
  readonly t3L: Float64Array;
  readonly t3R: Float64Array;

  constructor(
    readonly model: CompiledModel,
    readonly p: Float64Array,
    readonly rtol: number,
    readonly atol: number,
    readonly usesTime: boolean,
    nonNegative: readonly number[],
    capacity: number,
  ) {
    const n = model.species.length;
    this.n = n;
    const { rows, cols } = model.jacobianPattern;
    this.nnz = rows.length;
    const order = Array.from({ length: this.nnz }, (_, q) => q).sort(
      (a, b) => rows[a] - rows[b] || cols[a] - cols[b],
    );
    this.rowStart = new Int32Array(n + 1);
    for (let q = 0; q < this.nnz; q++) this.rowStart[rows[q] + 1]++;
    for (let i = 0; i < n; i++) this.rowStart[i + 1] += this.rowStart[i];
    this.jCol = Int32Array.from(order, (q) => cols[q]);
    this.jAt = Int32Array.from(order, (q) => rows[q] * n + cols[q]);
    this.clampIdx = Int32Array.from(nonNegative);
    const vec = () => new Float64Array(n);
    this.y = vec();
    this.f = vec();
    this.v = vec();
    this.g = vec();
    this.J = new Float64Array(n * n);
    this.y1 = vec();
    this.f1 = vec();
    this.v1 = vec();
    this.g1 = vec();
    this.J1 = new Float64Array(n * n);
    this.lin = vec();
    this.U = vec();
    this.D2 = vec();
    this.D3 = vec();
    this.w = vec();
    this.Pf = new Float64Array(MAX_TERMS * n);
    this.Pv = new Float64Array(MAX_TERMS * n);
    this.P2 = new Float64Array(MAX_TERMS * n);
    this.P3 = new Float64Array(MAX_TERMS * n);
    this.tmp = vec();
    this.est = vec();
    this.tolY = vec();
    this.times = new Float64Array(capacity);
    this.values = new Float64Array(capacity * n);
    this.slopes = new Float64Array(capacity * n);
    this.curvatures = new Float64Array(capacity * n);
    this.thirdsLeft = new Float64Array(capacity * n);
    this.thirdsRight = new Float64Array(capacity * n);
    this.t3L = vec();
    this.t3R = vec();
  }

  rhs(t: number, x: Float64Array, out: Float64Array): void {
    this.model.rhs(t, x, out, this.p);
    this.stats.rhsEvals++;
  }

  /** out = M x over the structural entries. */
  mul(M: Float64Array, x: Float64Array, out: Float64Array): void {
    const { n, rowStart, jCol, jAt } = this;
    for (let i = 0; i < n; i++) {
      let acc = 0;
      for (let q = rowStart[i]; q < rowStart[i + 1]; q++) acc += M[jAt[q]] * x[jCol[q]];
      out[i] = acc;
    }
  }

  /**
   * f, J (non-finite entries, e.g. of x^a with a < 1 at x = 0, left out of the linear part: the
   * remainders D then carry them), v = ∂f/∂t and the second derivative g = v + J f at (t, x).
   */
  nodeData(t: number, x: Float64Array, f: Float64Array, J: Float64Array, v: Float64Array, g: Float64Array) {
    const n = this.n;
    this.rhs(t, x, f);
    this.model.jacobian(t, x, J, this.p);
    this.stats.jacobianEvals++;
    const { jAt, nnz } = this;
    for (let q = 0; q < nnz; q++) if (!Number.isFinite(J[jAt[q]])) J[jAt[q]] = 0;
    if (this.usesTime) {
      const tp = t + SQRT_EPS * Math.max(Math.abs(t), 1);
      this.rhs(tp, x, v);
      const inv = 1 / (tp - t);
      for (let i = 0; i < n; i++) v[i] = (v[i] - f[i]) * inv;
    }
    this.mul(J, f, g);
    for (let i = 0; i < n; i++) {
      const a = g[i] + v[i];
      // a second derivative that does not exist at the node leaves that node's curvature out: the
      // interpolant is still exact at the nodes, of lower order next to them
      g[i] = Number.isFinite(a) ? a : 0;
    }
  }

  /**
   * P[m] = (hJ)^m x (row m of P) for m < M, M the returned count: enough terms that c·|P[M−1]|/(M−1+k)!,
   * the last term of c·φ_k(hJ) x, is far below the tolerance in every species. −1 when the series would
   * not converge or would cancel (the step is then too large for the fastest mode).
   */
  powers(x: Float64Array, P: Float64Array, h: number, k: number, c: number): number {
    const { n, tolY, J, rowStart, jCol, jAt } = this;
    const cAbs = Math.abs(c);
    let size = 0;
    let small = true;
    for (let i = 0; i < n; i++) {
      const xi = x[i];
      P[i] = xi;
      size = Math.max(size, Math.abs(xi));
      if (cAbs * INV_FACT[k] * Math.abs(xi) > SERIES_TOL * tolY[i]) small = false;
    }
    if (small) return size === 0 ? 0 : 1;
    const limit = GROWTH_MAX * size * INV_FACT[k];
    for (let m = 1; m < MAX_TERMS; m++) {
      const a = (m - 1) * n;
      const b = a + n;
      const fact = INV_FACT[m + k];
      const cut = cAbs * fact;
      small = true;
      let norm = 0;
      for (let i = 0; i < n; i++) {
        let acc = 0;
        for (let q = rowStart[i]; q < rowStart[i + 1]; q++) acc += J[jAt[q]] * P[a + jCol[q]];
        const z = h * acc;
        P[b + i] = z;
        const az = Math.abs(z);
        if (az > norm) norm = az;
        if (cut * az > SERIES_TOL * tolY[i]) small = false;
      }
      // the term itself is negligible: the series ends before it
      if (small) return m;
      if (norm * fact > limit) return -1;
    }
    return -1;
  }

  clamp(x: Float64Array): void {
    const idx = this.clampIdx;
    for (let q = 0; q < idx.length; q++) if (x[idx[q]] < 0) x[idx[q]] = 0;
  }

  /** Records the current node; `segment`: the trial segment's third derivatives end at it (else 0). */
  push(t: number, segment: boolean): void {
    const n = this.n;
    if (this.count === this.times.length) {
      const grow = (a: Float64Array) => {
        const b = new Float64Array(2 * a.length);
        b.set(a);
        return b;
      };
      this.times = grow(this.times);
      this.values = grow(this.values);
      this.slopes = grow(this.slopes);
      this.curvatures = grow(this.curvatures);
      this.thirdsLeft = grow(this.thirdsLeft);
      this.thirdsRight = grow(this.thirdsRight);
    }
    const j = this.count++;
    this.times[j] = t;
    this.values.set(this.y, j * n);
    this.slopes.set(this.f, j * n);
    this.curvatures.set(this.g, j * n);
    if (j > 0 && segment) {
      this.thirdsLeft.set(this.t3L, (j - 1) * n);
      this.thirdsRight.set(this.t3R, (j - 1) * n);
    }
  }

  /**
   * One exprb43 step of size h from (t, y) with the interpolant's defect check; the trial node in
   * y1, f1, g1, J1. Returns the error (≤ 1: accept) and writes the step-size factor to this.factor.
   */
  attempt(t: number, h: number, tNew: number): number {
    const { n, y, f, v, J1, y1, f1, v1, g, g1, lin, U, D2, D3, w, tmp, est, tolY, Pf, Pv, P2, P3 } = this;
    const tv = this.usesTime;
    for (let i = 0; i < n; i++) tolY[i] = this.atol + this.rtol * Math.abs(y[i]);
    const hh = 0.5 * h;
    // lin = h φ1(hJ) f + h² φ2(hJ) v and U2 = y + (h/2) φ1(hJ/2) f + (h/2)² φ2(hJ/2) v, from the same
    // powers (hJ)^m f (and v): (hJ/2)^m = 2^−m (hJ)^m
    const Mf = this.powers(f, Pf, h, 1, h);
    const Mv = tv ? this.powers(v, Pv, h, 2, h * h) : 0;
    if (Mf < 0 || Mv < 0) return this.reject(0.5);
    for (let i = 0; i < n; i++) {
      let full = 0;
      let half = 0;
      let scale = 1;
      for (let m = 0; m < Mf; m++) {
        const q = Pf[m * n + i] * INV_FACT[m + 1];
        full += q;
        half += scale * q;
        scale *= 0.5;
      }
      lin[i] = h * full;
      U[i] = y[i] + hh * half;
    }
    if (tv)
      for (let i = 0; i < n; i++) {
        let full = 0;
        let half = 0;
        let scale = 1;
        for (let m = 0; m < Mv; m++) {
          const q = Pv[m * n + i] * INV_FACT[m + 2];
          full += q;
          half += scale * q;
          scale *= 0.5;
        }
        lin[i] += h * h * full;
        U[i] += hh * hh * half;
      }
    this.clamp(U);
    this.remainder(t + hh, hh, U, D2);
    // U3 = y + lin + h φ1(hJ) D2
    const M2 = this.powers(D2, P2, h, 1, h);
    if (M2 < 0) return this.reject(0.5);
    for (let i = 0; i < n; i++) {
      let acc = 0;
      for (let m = 0; m < M2; m++) acc += P2[m * n + i] * INV_FACT[m + 1];
      U[i] = y[i] + lin[i] + h * acc;
    }
    this.clamp(U);
    this.remainder(tNew, h, U, D3);
    // y1 = y + lin + h φ3(hJ)(16 D2 − 2 D3) + h φ4(hJ)(−48 D2 + 12 D3); estimate: the φ4 term
    const M3 = this.powers(D3, P3, h, 3, 12 * h);
    if (M3 < 0) return this.reject(0.5);
    for (let i = 0; i < n; i++) {
      let a3 = 0;
      let a4 = 0;
      for (let m = 0; m < Math.max(M2, M3); m++) {
        const d2 = m < M2 ? P2[m * n + i] : 0;
        const d3 = m < M3 ? P3[m * n + i] : 0;
        a3 += (16 * d2 - 2 * d3) * INV_FACT[m + 3];
        a4 += (-48 * d2 + 12 * d3) * INV_FACT[m + 4];
      }
      w[i] = h * a3;
      est[i] = h * a4;
    }
    for (let i = 0; i < n; i++) y1[i] = y[i] + lin[i] + w[i] + est[i];
    this.clamp(y1);
    for (let i = 0; i < n; i++) if (!Number.isFinite(y1[i])) return this.reject(0.1);
    this.nodeData(tNew, y1, f1, J1, v1, g1);
    let errLocal = 0;
    for (let i = 0; i < n; i++) {
      const sc = this.atol + this.rtol * Math.max(Math.abs(y[i]), Math.abs(y1[i]));
      errLocal = Math.max(errLocal, Math.abs(est[i]) / sc);
    }
    const { t3L, t3R } = this;
    this.segmentThirds(h);
    // the interpolant's defect at a quarter of the step
    const x = 0.25;
    septicBasis(x, h, B, dB);
    for (let i = 0; i < n; i++) {
      U[i] =
        B[0] * y[i] +
        B[1] * f[i] +
        B[2] * g[i] +
        B[3] * t3L[i] +
        B[4] * y1[i] +
        B[5] * f1[i] +
        B[6] * g1[i] +
        B[7] * t3R[i];
      w[i] =
        dB[0] * y[i] +
        dB[1] * f[i] +
        dB[2] * g[i] +
        dB[3] * t3L[i] +
        dB[4] * y1[i] +
        dB[5] * f1[i] +
        dB[6] * g1[i] +
        dB[7] * t3R[i];
    }
    this.rhs(t + x * h, U, tmp);
    let errInterp = 0;
    for (let i = 0; i < n; i++) {
      const sc = this.atol + this.rtol * Math.max(Math.abs(y[i]), Math.abs(y1[i]));
      errInterp = Math.max(errInterp, (DEFECT_FACTOR * h * Math.abs(w[i] - tmp[i])) / sc);
    }
    if (!(errLocal < Number.POSITIVE_INFINITY && errInterp < Number.POSITIVE_INFINITY))
      return this.reject(0.1);
    // SAFETY · err^(−1/4) and SAFETY · err^(−1/8), without Math.pow
    this.factor = Math.min(
      errLocal > 0 ? SAFETY / Math.sqrt(Math.sqrt(errLocal)) : GROW_MAX,
      errInterp > 0 ? SAFETY / Math.sqrt(Math.sqrt(Math.sqrt(errInterp))) : GROW_MAX,
    );
    return Math.max(errLocal, errInterp);
  }

  /** A failed attempt: the step is to shrink by `factor`. */
  reject(factor: number): number {
    this.factor = factor;
    return Number.POSITIVE_INFINITY;
  }

  /** D = f(s, U) − f − J (U − y) − c v, with c = s − t (the nonlinear remainder at U). */
  remainder(s: number, c: number, U: Float64Array, D: Float64Array): void {
    const { n, y, f, v, J, tmp } = this;
    for (let i = 0; i < n; i++) tmp[i] = U[i] - y[i];
    this.rhs(s, U, D);
    const tv = this.usesTime;
    for (let i = 0; i < n; i++) D[i] -= f[i] + (tv ? c * v[i] : 0);
    const { rowStart, jCol, jAt } = this;
    for (let i = 0; i < n; i++) {
      let acc = 0;
      for (let q = rowStart[i]; q < rowStart[i + 1]; q++) acc += J[jAt[q]] * tmp[jCol[q]];
      D[i] -= acc;
    }
  }

  /**
   * Third derivatives at both ends of the segment (length h) from the current node to the trial node:
   * J g + J′ f (+ v′), J′ and v′ by their difference over the segment (J f = g − v and J1 f1 = g1 − v1 at
   * the nodes; v = 0 without explicit time); exact for a linear module. Into t3L, t3R (U, w as work).
   */
  segmentThirds(h: number): void {
    const { n, f, v, g, J, f1, v1, g1, J1, U, w, t3L, t3R } = this;
    this.mul(J, g, t3L);
    this.mul(J1, g1, t3R);
    const inv = 1 / h;
    this.mul(J1, f, U);
    this.mul(J, f1, w);
    for (let i = 0; i < n; i++) {
      t3L[i] += (U[i] - g[i] + v1[i]) * inv;
      t3R[i] += (g1[i] - w[i] - v[i]) * inv;
      if (!Number.isFinite(t3L[i])) t3L[i] = 0;
      if (!Number.isFinite(t3R[i])) t3R[i] = 0;
    }
  }

  /** The trial node becomes the current one. */
  accept(): void {
    let s = this.y;
    this.y = this.y1;
    this.y1 = s;
    s = this.f;
    this.f = this.f1;
    this.f1 = s;
    s = this.v;
    this.v = this.v1;
    this.v1 = s;
    s = this.g;
    this.g = this.g1;
    this.g1 = s;
    s = this.J;
    this.J = this.J1;
    this.J1 = s;
  }

  result(status: "success" | "failure", message: string, outOfSteps = false): ExposureNodes {
    const m = this.count;
    const n = this.n;
    return {
      times: this.times.subarray(0, m),
      values: this.values.subarray(0, m * n),
      slopes: this.slopes.subarray(0, m * n),
      curvatures: this.curvatures.subarray(0, m * n),
      thirdsLeft: this.thirdsLeft.subarray(0, m * n),
      thirdsRight: this.thirdsRight.subarray(0, m * n),
      stats: this.stats,
      status,
      message,
      ...(outOfSteps ? { outOfSteps } : {}),
    };
  }
}

/**
 * Nodes of the solution of `model` (parameters p, initial state y0) on [t0, tEnd] with `events`
 * (sorted by time, each within [t0, tEnd]), at relative tolerance rtol and absolute tolerance atol.
 * Status "failure" (with the reason) when a step fails; the caller then falls back to another solver.
 */
export function exposureNodes(
  model: CompiledModel,
  p: Float64Array,
  y0: ArrayLike<number>,
  events: readonly NodeEvent[],
  t0: number,
  tEnd: number,
  rtol: number,
  atol: number,
  options: ExposureNodeOptions = {},
): ExposureNodes {
  const s = new ExponentialNodeSolver(
    model,
    p,
    rtol,
    atol,
    options.usesTime ?? rhsUsesTime(model),
    options.nonNegative ?? [],
    options.capacity ?? 32 + 12 * events.length,
  );
  const maxSteps = options.maxSteps ?? 100_000;
  let t = t0;
  let ev = 0;
  /** Applies the events at time t (all of them within round-off); records the node after them. */
  const applyEvents = (): boolean => {
    let any = false;
    while (ev < events.length && events[ev].at <= t + 64 * EPS * Math.max(1, Math.abs(t))) {
      events[ev++].apply(s.y);
      any = true;
    }
    if (!any) return true;
    for (let i = 0; i < s.n; i++) if (!Number.isFinite(s.y[i])) return false;
    s.clamp(s.y);
    s.nodeData(t, s.y, s.f, s.J, s.v, s.g);
    s.push(t, false);
    return true;
  };
  s.y.set(y0);
  s.nodeData(t, s.y, s.f, s.J, s.v, s.g);
  s.push(t, false);
  if (!applyEvents()) return s.result("failure", `an event made the state non-finite at t = ${t}`);
  const span = tEnd - t0;
  let h = 0;
  /** Step proposed after the first step of the previous interval (its doses have the same transient). */
  let hRestart = 0;
  /** At the start, or an event was just applied: the next step starts from hRestart. */
  let afterEvent = true;
  /** No step accepted since the last event. */
  let firstStep = true;
  let rejectedLast = false;
  while (t < tEnd) {
    const tStop = ev < events.length ? Math.min(events[ev].at, tEnd) : tEnd;
    if (afterEvent) {
      // first step: the previous interval's, or a tenth of the fastest rate's time scale
      let norm = 0;
      for (let q = 0; q < s.nnz; q++) norm = Math.max(norm, Math.abs(s.J[s.jAt[q]]));
      h = hRestart > 0 ? hRestart : norm > 0 ? 0.1 / norm : span;
      rejectedLast = false;
      afterEvent = false;
      firstStep = true;
    }
    if (s.stats.steps >= maxSteps)
      return s.result("failure", `maximum number of steps (${maxSteps}) reached at t = ${t}`, true);
    let last = false;
    if (t + 1.01 * h >= tStop) {
      h = tStop - t;
      last = true;
    }
    if (!(h > 0) || t + h === t) return s.result("failure", `step size underflow at t = ${t} (h = ${h})`);
    const tNew = last ? tStop : t + h;
    const err = s.attempt(t, h, tNew);
    const fac = s.factor;
    if (err <= 1) {
      s.stats.steps++;
      s.accept();
      t = tNew;
      s.push(t, true);
      const hOld = h;
      h *= Math.min(rejectedLast ? 1 : GROW_MAX, Math.max(SHRINK_MAX, fac));
      // the controller's step at the same point after the next event (same dose, same transient)
      if (firstStep && !last) hRestart = Math.min(h, GROW_MAX * hOld);
      firstStep = false;
      rejectedLast = false;
      if (t === tStop && ev < events.length) {
        if (!applyEvents()) return s.result("failure", `an event made the state non-finite at t = ${t}`);
        afterEvent = true;
      }
    } else {
      s.stats.rejected++;
      rejectedLast = true;
      h *= Math.max(SHRINK_MAX * 0.5, Math.min(1, fac));
    }
  }
  return s.result("success", `reached tEnd = ${tEnd}`);
}
