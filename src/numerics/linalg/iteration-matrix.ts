/**
 * The linear systems of implicit ODE methods: (d·I − J) x = b (real) and ((dr + i·di)·I − J) x = b
 * (complex, Radau IIA). Dense LU with partial pivoting, or, when the learnt Jacobian pattern makes it
 * worthwhile, a sparse LU on the fill-reducing symbolic structure (SymbolicLu) in its static order.
 *
 * Pivot rule of the sparse path (threshold pivoting with a growth safeguard; cf. Duff, Erisman & Reid,
 * "Direct Methods for Sparse Matrices", 2nd ed. 2017, §5.4 and §13): the static diagonal pivot of step k is
 * accepted when |a_kk| > PIVOT_THRESHOLD · max_{i>k} |a_ik| (active column), which bounds every multiplier
 * by 1/PIVOT_THRESHOLD, and the factorisation is accepted when the growth max|U| / max|A| stays at most
 * GROWTH_LIMIT (the backward error of the LU is ≈ n·ε·growth·‖A‖). Otherwise that factorisation falls back
 * to the dense LU with partial pivoting. PIVOT_THRESHOLD is 1e-8: with 1e-3 the badly scaled iteration
 * matrices of QSP models (species from pg/mL to 1e10 cells) sent most factorisations of the immune patient
 * model to the dense fallback; at 1e-8 none fall back, both its scaled and unscaled paths come closer to an
 * rtol 1e-9 reference, and the growth safeguard still rejects unstable factorisations (tests).
 * No allocation after construction except when the Jacobian pattern grows (new symbolic analysis).
 */
import { luFactor, luFactorComplex, luSolve, luSolveComplex } from "./lu.js";
import { type SparsityTracker, SymbolicLu } from "./sparsity.js";

/** Smallest accepted |pivot| relative to the largest entry below it in its active column. */
export const PIVOT_THRESHOLD = 1e-8;
/** Largest accepted element growth max|U| / max|A| of a sparse factorisation (backward error ≲ 1e-8·‖A‖). */
export const GROWTH_LIMIT = 1e8;
/** Use the sparse path when the filled pattern holds at most this fraction of n² … */
const MAX_DENSITY = 0.4;
/** … and n is at least this. */
const MIN_SPARSE_N = 10;
/** After a sparse attempt fell back to dense, this many factorisations go straight to dense. */
const DENSE_AFTER_FALLBACK = 20;

/** Symbolic analysis shared by the real and complex matrices of one solve. */
export class SparseStructure {
  symbolic: SymbolicLu | null = null;
  private seenVersion = -1;
  constructor(readonly tracker: SparsityTracker | null) {}

  /** Current symbolic factorisation (recomputed when the pattern grew), or null for dense. */
  current(): SymbolicLu | null {
    const tr = this.tracker;
    if (tr === null || tr.n < MIN_SPARSE_N) return null;
    if (tr.version !== this.seenVersion) {
      this.seenVersion = tr.version;
      const s = new SymbolicLu(tr.n, tr.mask);
      this.symbolic = s.density <= MAX_DENSITY ? s : null;
    }
    return this.symbolic;
  }
}

export class RealIterationMatrix {
  private readonly a: Float64Array;
  private readonly piv: Int32Array;
  private readonly x: Float64Array;
  private sym: SymbolicLu | null = null;
  /** Sparse factorisations that fell back to dense pivoting. */
  fallbacks = 0;
  private denseLeft = 0;

  constructor(
    private readonly n: number,
    private readonly structure: SparseStructure,
  ) {
    this.a = new Float64Array(n * n);
    this.piv = new Int32Array(n);
    this.x = new Float64Array(n);
  }

  /** Factorises d·I − J; false when singular. */
  factor(J: Float64Array, d: number): boolean {
    const n = this.n;
    const a = this.a;
    const sym = this.denseLeft > 0 ? null : this.structure.current();
    if (this.denseLeft > 0) this.denseLeft--;
    if (sym !== null) {
      const { filled, src, dst, diag } = sym;
      for (let p = 0; p < filled.length; p++) a[filled[p]] = 0;
      for (let p = 0; p < src.length; p++) a[dst[p]] = -J[src[p]];
      for (let q = 0; q < n; q++) a[diag[q]] += d;
      if (factorSparseReal(a, n, sym, maxAbs(a, filled))) {
        this.sym = sym;
        return true;
      }
      this.fallbacks++;
      this.denseLeft = DENSE_AFTER_FALLBACK;
    }
    this.sym = null;
    for (let p = 0; p < n * n; p++) a[p] = -J[p];
    for (let i = 0; i < n; i++) a[i * n + i] += d;
    return luFactor(a, n, this.piv);
  }

  /** Solves in place (b becomes x). */
  solve(b: Float64Array): void {
    const sym = this.sym;
    if (sym === null) {
      luSolve(this.a, this.n, this.piv, b);
      return;
    }
    const n = this.n;
    const a = this.a;
    const x = this.x;
    const { perm, belowStart, below, rightStart, right } = sym;
    for (let q = 0; q < n; q++) x[q] = b[perm[q]];
    for (let k = 0; k < n; k++) {
      const xk = x[k];
      if (xk !== 0)
        for (let p = belowStart[k]; p < belowStart[k + 1]; p++) x[below[p]] -= a[below[p] * n + k] * xk;
    }
    for (let k = n - 1; k >= 0; k--) {
      let s = x[k];
      const row = k * n;
      for (let p = rightStart[k]; p < rightStart[k + 1]; p++) s -= a[row + right[p]] * x[right[p]];
      x[k] = s / a[row + k];
    }
    for (let q = 0; q < n; q++) b[perm[q]] = x[q];
  }
}

/** Largest |a[p]| over the given positions. */
function maxAbs(a: Float64Array, positions: Int32Array): number {
  let m = 0;
  for (let p = 0; p < positions.length; p++) m = Math.max(m, Math.abs(a[positions[p]]));
  return m;
}

/** Largest |re| + |im| over the given positions. */
function maxAbsComplex(ar: Float64Array, ai: Float64Array, positions: Int32Array): number {
  let m = 0;
  for (let p = 0; p < positions.length; p++)
    m = Math.max(m, Math.abs(ar[positions[p]]) + Math.abs(ai[positions[p]]));
  return m;
}

/**
 * In-place LU of the permuted matrix on the filled pattern, static diagonal pivots; aMax = max|A|.
 * False (a is then garbage) when a pivot fails the threshold test or the growth exceeds GROWTH_LIMIT.
 */
export function factorSparseReal(a: Float64Array, n: number, sym: SymbolicLu, aMax: number): boolean {
  const { belowStart, below, rightStart, right } = sym;
  const uLimit = GROWTH_LIMIT * aMax;
  for (let k = 0; k < n; k++) {
    const row = k * n;
    const pivot = a[row + k];
    let colMax = 0;
    for (let p = belowStart[k]; p < belowStart[k + 1]; p++)
      colMax = Math.max(colMax, Math.abs(a[below[p] * n + k]));
    if (!(Math.abs(pivot) > PIVOT_THRESHOLD * colMax) || !Number.isFinite(pivot)) return false;
    const r0 = rightStart[k];
    const r1 = rightStart[k + 1];
    // row k of U is final now: growth check
    let uMax = Math.abs(pivot);
    for (let q = r0; q < r1; q++) uMax = Math.max(uMax, Math.abs(a[row + right[q]]));
    if (!(uMax <= uLimit)) return false;
    const inv = 1 / pivot;
    for (let p = belowStart[k]; p < belowStart[k + 1]; p++) {
      const ri = below[p] * n;
      const l = a[ri + k] * inv;
      a[ri + k] = l;
      if (l !== 0) for (let q = r0; q < r1; q++) a[ri + right[q]] -= l * a[row + right[q]];
    }
  }
  return true;
}

export class ComplexIterationMatrix {
  private readonly ar: Float64Array;
  private readonly ai: Float64Array;
  private readonly piv: Int32Array;
  private readonly xr: Float64Array;
  private readonly xi: Float64Array;
  private sym: SymbolicLu | null = null;
  fallbacks = 0;
  private denseLeft = 0;

  constructor(
    private readonly n: number,
    private readonly structure: SparseStructure,
  ) {
    this.ar = new Float64Array(n * n);
    this.ai = new Float64Array(n * n);
    this.piv = new Int32Array(n);
    this.xr = new Float64Array(n);
    this.xi = new Float64Array(n);
  }

  /** Factorises (dr + i·di)·I − J; false when singular. */
  factor(J: Float64Array, dr: number, di: number): boolean {
    const n = this.n;
    const { ar, ai } = this;
    const sym = this.denseLeft > 0 ? null : this.structure.current();
    if (this.denseLeft > 0) this.denseLeft--;
    if (sym !== null) {
      const { filled, src, dst, diag } = sym;
      for (let p = 0; p < filled.length; p++) {
        ar[filled[p]] = 0;
        ai[filled[p]] = 0;
      }
      for (let p = 0; p < src.length; p++) ar[dst[p]] = -J[src[p]];
      for (let q = 0; q < n; q++) {
        ar[diag[q]] += dr;
        ai[diag[q]] = di;
      }
      if (factorSparseComplex(ar, ai, n, sym, maxAbsComplex(ar, ai, filled))) {
        this.sym = sym;
        return true;
      }
      this.fallbacks++;
      this.denseLeft = DENSE_AFTER_FALLBACK;
    }
    this.sym = null;
    for (let p = 0; p < n * n; p++) {
      ar[p] = -J[p];
      ai[p] = 0;
    }
    for (let i = 0; i < n; i++) {
      ar[i * n + i] += dr;
      ai[i * n + i] = di;
    }
    return luFactorComplex(ar, ai, n, this.piv);
  }

  solve(br: Float64Array, bi: Float64Array): void {
    const sym = this.sym;
    if (sym === null) {
      luSolveComplex(this.ar, this.ai, this.n, this.piv, br, bi);
      return;
    }
    const n = this.n;
    const { ar, ai, xr, xi } = this;
    const { perm, belowStart, below, rightStart, right } = sym;
    for (let q = 0; q < n; q++) {
      xr[q] = br[perm[q]];
      xi[q] = bi[perm[q]];
    }
    for (let k = 0; k < n; k++) {
      const ur = xr[k];
      const ui = xi[k];
      if (ur === 0 && ui === 0) continue;
      for (let p = belowStart[k]; p < belowStart[k + 1]; p++) {
        const pos = below[p] * n + k;
        const lr = ar[pos];
        const li = ai[pos];
        xr[below[p]] -= lr * ur - li * ui;
        xi[below[p]] -= lr * ui + li * ur;
      }
    }
    for (let k = n - 1; k >= 0; k--) {
      let sr = xr[k];
      let si = xi[k];
      const row = k * n;
      for (let p = rightStart[k]; p < rightStart[k + 1]; p++) {
        const j = right[p];
        const vr = ar[row + j];
        const vi = ai[row + j];
        sr -= vr * xr[j] - vi * xi[j];
        si -= vr * xi[j] + vi * xr[j];
      }
      const dr = ar[row + k];
      const dI = ai[row + k];
      const den = dr * dr + dI * dI;
      xr[k] = (sr * dr + si * dI) / den;
      xi[k] = (si * dr - sr * dI) / den;
    }
    for (let q = 0; q < n; q++) {
      br[perm[q]] = xr[q];
      bi[perm[q]] = xi[q];
    }
  }
}

/** Complex counterpart of factorSparseReal (magnitudes as |re| + |im|). */
function factorSparseComplex(
  ar: Float64Array,
  ai: Float64Array,
  n: number,
  sym: SymbolicLu,
  aMax: number,
): boolean {
  const { belowStart, below, rightStart, right } = sym;
  const uLimit = GROWTH_LIMIT * aMax;
  for (let k = 0; k < n; k++) {
    const row = k * n;
    const pr = ar[row + k];
    const pi = ai[row + k];
    const pAbs = Math.abs(pr) + Math.abs(pi);
    let colMax = 0;
    for (let p = belowStart[k]; p < belowStart[k + 1]; p++) {
      const pos = below[p] * n + k;
      colMax = Math.max(colMax, Math.abs(ar[pos]) + Math.abs(ai[pos]));
    }
    if (!(pAbs > PIVOT_THRESHOLD * colMax) || !Number.isFinite(pAbs)) return false;
    let uMax = pAbs;
    for (let q = rightStart[k]; q < rightStart[k + 1]; q++)
      uMax = Math.max(uMax, Math.abs(ar[row + right[q]]) + Math.abs(ai[row + right[q]]));
    if (!(uMax <= uLimit)) return false;
    const den = pr * pr + pi * pi;
    const invR = pr / den;
    const invI = -pi / den;
    const r0 = rightStart[k];
    const r1 = rightStart[k + 1];
    for (let p = belowStart[k]; p < belowStart[k + 1]; p++) {
      const ri = below[p] * n;
      const xr = ar[ri + k];
      const xi = ai[ri + k];
      const lr = xr * invR - xi * invI;
      const li = xr * invI + xi * invR;
      ar[ri + k] = lr;
      ai[ri + k] = li;
      if (lr === 0 && li === 0) continue;
      for (let q = r0; q < r1; q++) {
        const j = right[q];
        const ur = ar[row + j];
        const ui = ai[row + j];
        ar[ri + j] -= lr * ur - li * ui;
        ai[ri + j] -= lr * ui + li * ur;
      }
    }
  }
  return true;
}
