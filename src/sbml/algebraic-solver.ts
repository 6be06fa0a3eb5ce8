/**
 * Newton's method for the algebraic part of an SBML model (algebraic rules, fast-reaction equilibria):
 * find z with g(z) = 0, where z are value slots and g is generated code. Jacobian by forward differences,
 * dense LU with partial pivoting, backtracking on ‖g‖. Small systems (a handful of unknowns).
 * Browser-safe; all scratch arrays are allocated once per solver.
 */
export interface AlgebraicSystem {
  /** Value slots of the unknowns. */
  slots: Int32Array;
  /** Recomputes everything that depends on the unknowns (generated `derived(v)`). */
  update(v: Float64Array): void;
  /** Writes the residuals into r (generated). */
  residual(v: Float64Array, r: Float64Array): void;
  /**
   * Unknowns i for which z_i' = g_i(z) is a physical relaxation (fast-reaction extents, g_i their rates;
   * row i of g pairs with unknown i). When present, a failed Newton solve is retried by pseudo-transient
   * continuation (implicit Euler in a fictitious time with growing steps on those rows, the other rows
   * kept as constraints), which reaches the equilibrium the reactions would reach, not another root.
   */
  relaxing?: Int32Array;
}

export class AlgebraicSolver {
  private readonly n: number;
  private readonly r: Float64Array;
  private readonly r2: Float64Array;
  private readonly J: Float64Array;
  private readonly dz: Float64Array;
  private readonly z0: Float64Array;
  private readonly piv: Int32Array;
  private regularized = false;

  constructor(private readonly sys: AlgebraicSystem) {
    const n = sys.slots.length;
    this.n = n;
    this.r = new Float64Array(n);
    this.r2 = new Float64Array(n);
    this.J = new Float64Array(n * n);
    this.dz = new Float64Array(n);
    this.z0 = new Float64Array(n);
    this.piv = new Int32Array(n);
  }

  /** Solves in place (v's unknown slots are the initial guess); returns true on convergence. */
  solve(v: Float64Array, maxIter = 50): boolean {
    if (!this.sys.relaxing || this.sys.relaxing.length === 0) return this.newton(v, maxIter);
    const { n, z0 } = this;
    const slots = this.sys.slots;
    const guess = new Float64Array(n);
    for (let i = 0; i < n; i++) guess[i] = Number.isFinite(v[slots[i]]) ? v[slots[i]] : 0;
    // a singular Jacobian on the way means Newton may have jumped to a root the reactions never reach
    this.regularized = false;
    if (this.newton(v, maxIter) && !this.regularized) return true;
    for (let i = 0; i < n; i++) v[slots[i]] = guess[i];
    z0.fill(0);
    return this.relax(v) && this.newton(v, maxIter);
  }

  /** Pseudo-transient continuation toward a stable equilibrium of z' = g(z). */
  private relax(v: Float64Array): boolean {
    const { n, r, r2, J, dz, sys } = this;
    const slots = sys.slots;
    sys.update(v);
    sys.residual(v, r);
    let dtau = 0;
    for (let it = 0; it < 500; it++) {
      this.jacobian(v);
      if (dtau === 0) {
        let scale = 0;
        for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(J[i * n + i]));
        dtau = scale > 0 ? 0.1 / scale : 1;
      }
      // (I/dtau - J) dz = g
      for (let i = 0; i < n * n; i++) J[i] = -J[i];
      for (const i of sys.relaxing as Int32Array) J[i * n + i] += 1 / dtau;
      dz.set(r);
      if (!this.solveLinear(dz)) return false;
      for (let i = 0; i < n; i++) v[slots[i]] += dz[i];
      sys.update(v);
      sys.residual(v, r2);
      const before = maxAbs(r);
      const after = maxAbs(r2);
      if (!Number.isFinite(after)) return false;
      r.set(r2);
      dtau *= after < before ? 4 : 0.5;
      if (after < 1e-12 || dtau > 1e12) return true;
    }
    return false;
  }

  /**
   * Solves J x = b (b overwritten). A singular J (e.g. a fast reaction whose rate is identically zero
   * leaves its extent free) is retried with a small diagonal shift, which leaves free unknowns in place.
   */
  private solveLinear(b: Float64Array): boolean {
    const { n, J } = this;
    const copy = Float64Array.from(J);
    const rhs = Float64Array.from(b);
    if (luSolve(J, b, this.piv, n)) return true;
    this.regularized = true;
    let scale = 0;
    for (let i = 0; i < n * n; i++) scale = Math.max(scale, Math.abs(copy[i]));
    for (let i = 0; i < n; i++) copy[i * n + i] += 1e-10 * (scale + 1);
    b.set(rhs);
    J.set(copy);
    return luSolve(J, b, this.piv, n);
  }

  /** Forward-difference Jacobian of the residual at v (r holds the residual at v). */
  private jacobian(v: Float64Array): void {
    const { n, r, r2, J, sys } = this;
    const slots = sys.slots;
    for (let j = 0; j < n; j++) {
      const s = slots[j];
      const zj = v[s];
      const h = 1e-7 * Math.max(Math.abs(zj), 1e-6);
      v[s] = zj + h;
      sys.update(v);
      sys.residual(v, r2);
      for (let i = 0; i < n; i++) J[i * n + j] = (r2[i] - r[i]) / h;
      v[s] = zj;
    }
    sys.update(v);
  }

  private newton(v: Float64Array, maxIter: number): boolean {
    const { n, r, r2, J, dz, z0, sys } = this;
    const slots = sys.slots;
    for (let i = 0; i < n; i++) if (!Number.isFinite(v[slots[i]])) v[slots[i]] = 0;
    sys.update(v);
    sys.residual(v, r);
    let norm = maxAbs(r);
    for (let iter = 0; iter < maxIter; iter++) {
      if (norm === 0) return true;
      for (let j = 0; j < n; j++) {
        const s = slots[j];
        const zj = v[s];
        const h = 1e-7 * Math.max(Math.abs(zj), 1e-6);
        v[s] = zj + h;
        sys.update(v);
        sys.residual(v, r2);
        for (let i = 0; i < n; i++) J[i * n + j] = (r2[i] - r[i]) / h;
        v[s] = zj;
      }
      for (let i = 0; i < n; i++) dz[i] = -r[i];
      if (!this.solveLinear(dz)) return false;
      for (let i = 0; i < n; i++) z0[i] = v[slots[i]];
      let lambda = 1;
      let accepted = false;
      for (let k = 0; k < 30; k++) {
        for (let i = 0; i < n; i++) v[slots[i]] = z0[i] + lambda * dz[i];
        sys.update(v);
        sys.residual(v, r2);
        const n2 = maxAbs(r2);
        if (Number.isFinite(n2) && (n2 < norm || n2 === 0)) {
          accepted = true;
          r.set(r2);
          norm = n2;
          break;
        }
        lambda *= 0.5;
      }
      let small = true;
      for (let i = 0; i < n; i++) {
        const z = v[slots[i]];
        if (Math.abs(lambda * dz[i]) > 1e-14 + 1e-12 * Math.abs(z)) small = false;
      }
      if (!accepted) {
        // no decrease: accept only if the residual is already at rounding level
        for (let i = 0; i < n; i++) v[slots[i]] = z0[i];
        sys.update(v);
        return small || norm < 1e-9;
      }
      if (small) return true;
    }
    return norm < 1e-9;
  }
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const x = Math.abs(a[i]);
    if (!(x <= m)) m = x; // NaN propagates
  }
  return m;
}

/** Solves A x = b in place (b becomes x); A is destroyed. Returns false when singular. */
function luSolve(A: Float64Array, b: Float64Array, piv: Int32Array, n: number): boolean {
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.abs(A[k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const a = Math.abs(A[i * n + k]);
      if (a > best) {
        best = a;
        p = i;
      }
    }
    if (!(best > 0) || !Number.isFinite(best)) return false;
    piv[k] = p;
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const tmp = A[k * n + j];
        A[k * n + j] = A[p * n + j];
        A[p * n + j] = tmp;
      }
      const tb = b[k];
      b[k] = b[p];
      b[p] = tb;
    }
    const akk = A[k * n + k];
    for (let i = k + 1; i < n; i++) {
      const f = A[i * n + k] / akk;
      if (f === 0) continue;
      for (let j = k + 1; j < n; j++) A[i * n + j] -= f * A[k * n + j];
      b[i] -= f * b[k];
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let j = i + 1; j < n; j++) s -= A[i * n + j] * b[j];
    b[i] = s / A[i * n + i];
  }
  return true;
}
