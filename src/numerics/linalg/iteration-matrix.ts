/**
 * The linear systems of implicit ODE methods: (d·I − J) x = b (real) and ((dr + i·di)·I − J) x = b
 * (complex, Radau IIA). Dense LU with partial pivoting, or, when the Jacobian pattern (declared or learnt)
 * makes it worthwhile, a sparse LU on the fill-reducing symbolic structure (SymbolicLu) in its static order.
 *
 * The symbolic analysis (ordering, filled pattern, index lists) is done once per pattern: per solve, when the
 * pattern grows, and shared between solves with the same pattern (a small cache keyed by the pattern's
 * content, e.g. every simulation of a cohort). A numeric factorisation on it is a loop over precomputed
 * positions in compact storage (no search, no allocation), and the triangular solves run along its rows.
 *
 * Pivot rule of the sparse path (threshold pivoting with a growth safeguard; cf. Duff, Erisman & Reid,
 * "Direct Methods for Sparse Matrices", 2nd ed. 2017, §5.4 and §13): the static diagonal pivot of step k is
 * accepted when |a_kk| > PIVOT_THRESHOLD · max_{i>k} |a_ik| (active column), which bounds every multiplier
 * by 1/PIVOT_THRESHOLD, and the factorisation is accepted when the growth max|U| / max|A| stays at most
 * GROWTH_LIMIT (the backward error of the LU is ≈ n·ε·growth·‖A‖). A failed pivot moves its variable to
 * the end of the order and the factorisation is retried (SparseStructure.defer); when that cannot help,
 * the factorisation falls back to the dense LU with partial pivoting (fresh pivots; see
 * DENSE_AFTER_FALLBACK). PIVOT_THRESHOLD is 1e-8: with 1e-3 the badly scaled iteration matrices of QSP
 * models (species from pg/mL to 1e10 cells) sent most factorisations of the immune patient model to the
 * dense fallback; at 1e-8 its scaled and unscaled paths come closer to an rtol 1e-9 reference, with the
 * deferral none of its simulations falls back, and the growth safeguard still rejects unstable
 * factorisations (tests).
 * No allocation after construction except when the Jacobian pattern changes (new symbolic analysis).
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
/**
 * After a sparse attempt fell back to dense, the next factorisations go straight to dense: 1 after an
 * isolated fallback, doubling with each fallback of the sparse attempt that follows, up to this many; a
 * sparse success resets it. (A failed sparse attempt costs a sparse factorisation, a few per cent of a dense
 * one at n ≈ 80, while every dense factorisation and solve instead of a sparse one costs ~10× more: on the
 * immune model the fallbacks are isolated, and a fixed 20 dense after each made them expensive.)
 */
const DENSE_AFTER_FALLBACK = 20;

/** Symbolic analyses of recent patterns (content-keyed), shared by all solves. */
const CACHE_SIZE = 8;
/** Patterns of larger systems are not kept (each entry holds an n² mask). */
const CACHE_MAX_N = 1000;
const cache: { n: number; hash: number; mask: Uint8Array; deferred: string; sym: SymbolicLu | null }[] = [];
/** Variables a solve may move to the end of the pivot order after a failed pivot (see SparseStructure.defer). */
const MAX_DEFERRED = 4;

function maskHash(mask: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let p = 0; p < mask.length; p++) if (mask[p] !== 0) h = Math.imul(h ^ p, 0x01000193);
  return h >>> 0;
}

function sameMask(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let p = 0; p < a.length; p++) if (a[p] !== b[p]) return false;
  return true;
}

/**
 * The symbolic LU of a pattern (with `deferred` variables eliminated last), or null when it is too dense to
 * pay off (analysed once per pattern and deferred list).
 */
export function analysePattern(
  n: number,
  mask: Uint8Array,
  deferred: readonly number[] = [],
): SymbolicLu | null {
  const hash = maskHash(mask);
  const key = deferred.join(",");
  for (const e of cache)
    if (e.n === n && e.hash === hash && e.deferred === key && sameMask(e.mask, mask)) return e.sym;
  const s = new SymbolicLu(n, mask, MAX_DENSITY, deferred);
  const sym = s.density <= MAX_DENSITY ? s : null;
  if (n <= CACHE_MAX_N) {
    if (cache.length >= CACHE_SIZE) cache.shift();
    cache.push({ n, hash, mask: mask.slice(), deferred: key, sym });
  }
  return sym;
}

/** Symbolic analysis shared by the real and complex matrices of one solve. */
export class SparseStructure {
  symbolic: SymbolicLu | null = null;
  private seenVersion = -1;
  /** Variables eliminated last in this solve, in the order their pivots failed. */
  private readonly deferred: number[] = [];
  constructor(readonly tracker: SparsityTracker | null) {}

  /** Current symbolic factorisation (looked up again when the pattern grew), or null for dense. */
  current(): SymbolicLu | null {
    const tr = this.tracker;
    if (tr === null || tr.n < MIN_SPARSE_N) return null;
    if (tr.version !== this.seenVersion) {
      this.seenVersion = tr.version;
      this.symbolic = analysePattern(tr.n, tr.mask, this.deferred);
    }
    return this.symbolic;
  }

  /**
   * The static diagonal pivot of variable `original` failed its threshold test: from now on (in this
   * solve) it is eliminated after all others, where its pivot is its Schur complement. Typical case: a
   * growing species (∂f_i/∂y_i > 0) whose diagonal d − J_ii cancels when d = 1/(hγ) comes close to
   * J_ii; eliminated last, the pivot is what is left after the couplings. False when it was deferred
   * already or MAX_DEFERRED variables are (the caller then uses the dense LU). Per solve, not shared
   * between solves (the results of a solve do not depend on what ran before it).
   */
  defer(original: number): boolean {
    const tr = this.tracker;
    if (tr === null || this.deferred.includes(original) || this.deferred.length >= MAX_DEFERRED) return false;
    this.deferred.push(original);
    this.seenVersion = tr.version;
    this.symbolic = analysePattern(tr.n, tr.mask, this.deferred);
    return true;
  }
}

/**
 * The choice between the sparse and the dense LU, shared by the real and complex matrices: the sparse
 * factorisation on the current symbolic structure first; after a failed pivot the same with that
 * variable deferred (SparseStructure.defer); when that is exhausted, the dense LU for the next
 * factorisations (DENSE_AFTER_FALLBACK backoff).
 */
class SparseFirst {
  /** Sparse factorisations that fell back to dense pivoting. */
  fallbacks = 0;
  /** Factorisations still to go straight to dense, and how many the next fallback sends there. */
  private denseLeft = 0;
  private backoff = 1;
  constructor(private readonly structure: SparseStructure) {}

  /**
   * The structure a sparse factorisation succeeded on, or null: use the dense LU. `attempt(sym)` fills
   * and factorises on sym and returns factorSparse*'s result (-1 on success).
   */
  factor(attempt: (sym: SymbolicLu) => number): SymbolicLu | null {
    if (this.denseLeft > 0) {
      this.denseLeft--;
      return null;
    }
    let sym = this.structure.current();
    if (sym === null) return null;
    for (;;) {
      const failed = attempt(sym);
      if (failed < 0) {
        this.backoff = 1;
        return sym;
      }
      // a failed pivot: try again with that variable eliminated last
      if (failed >= sym.n || !this.structure.defer(sym.perm[failed])) break;
      const next = this.structure.current();
      if (next === null) break;
      sym = next;
    }
    this.fallbacks++;
    this.denseLeft = this.backoff;
    this.backoff = Math.min(2 * this.backoff, DENSE_AFTER_FALLBACK);
    return null;
  }
}

export class RealIterationMatrix {
  /** Dense storage (fallback LU with partial pivoting), allocated when first needed. */
  private a: Float64Array = new Float64Array(0);
  private readonly piv: Int32Array;
  /** Compact storage of the sparse factors (SymbolicLu's rows). */
  private lu: Float64Array = new Float64Array(0);
  /** The symbolic structure of the current sparse factors; null when the dense LU is in use. */
  private sym: SymbolicLu | null = null;
  private readonly policy: SparseFirst;
  /** Arguments of the factorisation under way (read by the sparse attempt). */
  private J: Float64Array = new Float64Array(0);
  private d = 0;
  private readonly attempt = (sym: SymbolicLu): number => {
    if (this.lu.length !== sym.nnz) this.lu = new Float64Array(sym.nnz);
    const { lu, J, d } = this;
    const { src, dst, diag } = sym;
    lu.fill(0);
    for (let p = 0; p < src.length; p++) lu[dst[p]] = -J[src[p]];
    for (let q = 0; q < sym.n; q++) lu[diag[q]] += d;
    return factorSparseReal(lu, sym, maxAbs(lu));
  };

  constructor(
    private readonly n: number,
    structure: SparseStructure,
  ) {
    this.piv = new Int32Array(n);
    this.policy = new SparseFirst(structure);
  }

  /** Sparse factorisations that fell back to dense pivoting. */
  get fallbacks(): number {
    return this.policy.fallbacks;
  }

  /** Factorises d·I − J; false when singular. */
  factor(J: Float64Array, d: number): boolean {
    const n = this.n;
    this.J = J;
    this.d = d;
    this.sym = this.policy.factor(this.attempt);
    if (this.sym !== null) return true;
    if (this.a.length !== n * n) this.a = new Float64Array(n * n);
    const a = this.a;
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
    // rows in pivot order, b indexed by original component throughout (no permuted copy)
    const n = this.n;
    const lu = this.lu;
    const { perm, rowStart, origCol, diag } = sym;
    for (let i = 0; i < n; i++) {
      const r = perm[i];
      let s = b[r];
      for (let p = rowStart[i], e = diag[i]; p < e; p++) s -= lu[p] * b[origCol[p]];
      b[r] = s;
    }
    for (let i = n - 1; i >= 0; i--) {
      const r = perm[i];
      let s = b[r];
      const dp = diag[i];
      for (let p = dp + 1, e = rowStart[i + 1]; p < e; p++) s -= lu[p] * b[origCol[p]];
      b[r] = s / lu[dp];
    }
  }
}

/** Largest |v[p]|. */
function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let p = 0; p < v.length; p++) m = Math.max(m, Math.abs(v[p]));
  return m;
}

/** Largest |re| + |im|. */
function maxAbsComplex(vr: Float64Array, vi: Float64Array): number {
  let m = 0;
  for (let p = 0; p < vr.length; p++) m = Math.max(m, Math.abs(vr[p]) + Math.abs(vi[p]));
  return m;
}

/**
 * In-place LU of the permuted matrix held in lu (SymbolicLu's compact rows), static diagonal pivots;
 * aMax = max|A|. Returns -1 on success; otherwise lu is garbage and the result is the elimination step
 * k (0 ≤ k < n) whose pivot failed the threshold test, or n when the growth exceeded GROWTH_LIMIT.
 */
export function factorSparseReal(lu: Float64Array, sym: SymbolicLu, aMax: number): number {
  const { n, rowStart, diag, lStart, lPos, update } = sym;
  const uLimit = GROWTH_LIMIT * aMax;
  let op = 0;
  for (let k = 0; k < n; k++) {
    const dk = diag[k];
    const pivot = lu[dk];
    const l0 = lStart[k];
    const l1 = lStart[k + 1];
    let colMax = 0;
    for (let p = l0; p < l1; p++) colMax = Math.max(colMax, Math.abs(lu[lPos[p]]));
    if (!(Math.abs(pivot) > PIVOT_THRESHOLD * colMax) || !Number.isFinite(pivot)) return k;
    const u0 = dk + 1;
    const u1 = rowStart[k + 1];
    // row k of U is final now: growth check
    let uMax = Math.abs(pivot);
    for (let q = u0; q < u1; q++) uMax = Math.max(uMax, Math.abs(lu[q]));
    if (!(uMax <= uLimit)) return n;
    const inv = 1 / pivot;
    for (let p = l0; p < l1; p++) {
      const pos = lPos[p];
      const l = lu[pos] * inv;
      lu[pos] = l;
      if (l !== 0) for (let q = u0; q < u1; q++) lu[update[op++]] -= l * lu[q];
      else op += u1 - u0;
    }
  }
  return -1;
}

export class ComplexIterationMatrix {
  /** Dense storage (fallback LU with partial pivoting), allocated when first needed. */
  private ar: Float64Array = new Float64Array(0);
  private ai: Float64Array = new Float64Array(0);
  private readonly piv: Int32Array;
  private lr: Float64Array = new Float64Array(0);
  private li: Float64Array = new Float64Array(0);
  private sym: SymbolicLu | null = null;
  private readonly policy: SparseFirst;
  private J: Float64Array = new Float64Array(0);
  private dr = 0;
  private di = 0;
  private readonly attempt = (sym: SymbolicLu): number => {
    if (this.lr.length !== sym.nnz) {
      this.lr = new Float64Array(sym.nnz);
      this.li = new Float64Array(sym.nnz);
    }
    const { lr, li, J, dr, di } = this;
    const { src, dst, diag } = sym;
    lr.fill(0);
    li.fill(0);
    for (let p = 0; p < src.length; p++) lr[dst[p]] = -J[src[p]];
    for (let q = 0; q < sym.n; q++) {
      lr[diag[q]] += dr;
      li[diag[q]] = di;
    }
    return factorSparseComplex(lr, li, sym, maxAbsComplex(lr, li));
  };

  constructor(
    private readonly n: number,
    structure: SparseStructure,
  ) {
    this.piv = new Int32Array(n);
    this.policy = new SparseFirst(structure);
  }

  /** Sparse factorisations that fell back to dense pivoting. */
  get fallbacks(): number {
    return this.policy.fallbacks;
  }

  /** Factorises (dr + i·di)·I − J; false when singular. */
  factor(J: Float64Array, dr: number, di: number): boolean {
    const n = this.n;
    this.J = J;
    this.dr = dr;
    this.di = di;
    this.sym = this.policy.factor(this.attempt);
    if (this.sym !== null) return true;
    if (this.ar.length !== n * n) {
      this.ar = new Float64Array(n * n);
      this.ai = new Float64Array(n * n);
    }
    const { ar, ai } = this;
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
    const { lr, li } = this;
    const { perm, rowStart, origCol, diag } = sym;
    for (let i = 0; i < n; i++) {
      const r = perm[i];
      let sr = br[r];
      let si = bi[r];
      for (let p = rowStart[i], e = diag[i]; p < e; p++) {
        const j = origCol[p];
        const vr = lr[p];
        const vi = li[p];
        sr -= vr * br[j] - vi * bi[j];
        si -= vr * bi[j] + vi * br[j];
      }
      br[r] = sr;
      bi[r] = si;
    }
    for (let i = n - 1; i >= 0; i--) {
      const r = perm[i];
      let sr = br[r];
      let si = bi[r];
      const dp = diag[i];
      for (let p = dp + 1, e = rowStart[i + 1]; p < e; p++) {
        const j = origCol[p];
        const vr = lr[p];
        const vi = li[p];
        sr -= vr * br[j] - vi * bi[j];
        si -= vr * bi[j] + vi * br[j];
      }
      const dr = lr[dp];
      const dI = li[dp];
      const den = dr * dr + dI * dI;
      br[r] = (sr * dr + si * dI) / den;
      bi[r] = (si * dr - sr * dI) / den;
    }
  }
}

/** Complex counterpart of factorSparseReal (magnitudes as |re| + |im|). */
function factorSparseComplex(lr: Float64Array, li: Float64Array, sym: SymbolicLu, aMax: number): number {
  const { n, rowStart, diag, lStart, lPos, update } = sym;
  const uLimit = GROWTH_LIMIT * aMax;
  let op = 0;
  for (let k = 0; k < n; k++) {
    const dk = diag[k];
    const pr = lr[dk];
    const pi = li[dk];
    const pAbs = Math.abs(pr) + Math.abs(pi);
    const l0 = lStart[k];
    const l1 = lStart[k + 1];
    let colMax = 0;
    for (let p = l0; p < l1; p++) colMax = Math.max(colMax, Math.abs(lr[lPos[p]]) + Math.abs(li[lPos[p]]));
    if (!(pAbs > PIVOT_THRESHOLD * colMax) || !Number.isFinite(pAbs)) return k;
    const u0 = dk + 1;
    const u1 = rowStart[k + 1];
    let uMax = pAbs;
    for (let q = u0; q < u1; q++) uMax = Math.max(uMax, Math.abs(lr[q]) + Math.abs(li[q]));
    if (!(uMax <= uLimit)) return n;
    const den = pr * pr + pi * pi;
    const invR = pr / den;
    const invI = -pi / den;
    for (let p = l0; p < l1; p++) {
      const pos = lPos[p];
      const xr = lr[pos];
      const xi = li[pos];
      const mr = xr * invR - xi * invI;
      const mi = xr * invI + xi * invR;
      lr[pos] = mr;
      li[pos] = mi;
      if (mr === 0 && mi === 0) {
        op += u1 - u0;
        continue;
      }
      for (let q = u0; q < u1; q++) {
        const t = update[op++];
        const ur = lr[q];
        const ui = li[q];
        lr[t] -= mr * ur - mi * ui;
        li[t] -= mr * ui + mi * ur;
      }
    }
  }
  return -1;
}
