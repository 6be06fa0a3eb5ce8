/**
 * Dense LU factorisation with partial pivoting, in place on a row-major n×n Float64Array
 * (LAPACK dgetrf/dgetrs semantics, written for small dense systems: no blocking, no allocation).
 */

/**
 * Factorises a (row-major n×n) in place into L (unit lower, below the diagonal) and U; piv[k] is the row
 * swapped with row k. Returns false when a zero pivot is met (singular matrix).
 */
export function luFactor(a: Float64Array, n: number, piv: Int32Array): boolean {
  for (let k = 0; k < n; k++) {
    let p = k;
    let maxAbs = Math.abs(a[k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(a[i * n + k]);
      if (v > maxAbs) {
        maxAbs = v;
        p = i;
      }
    }
    piv[k] = p;
    if (maxAbs === 0 || !Number.isFinite(maxAbs)) return false;
    const rowK = k * n;
    if (p !== k) {
      const rowP = p * n;
      for (let j = 0; j < n; j++) {
        const tmp = a[rowK + j];
        a[rowK + j] = a[rowP + j];
        a[rowP + j] = tmp;
      }
    }
    const inv = 1 / a[rowK + k];
    for (let i = k + 1; i < n; i++) {
      const rowI = i * n;
      const lik = a[rowI + k] * inv;
      a[rowI + k] = lik;
      if (lik !== 0) {
        for (let j = k + 1; j < n; j++) a[rowI + j] -= lik * a[rowK + j];
      }
    }
  }
  return true;
}

/** Solves A x = b in place (b becomes x) with the factors from luFactor. */
export function luSolve(a: Float64Array, n: number, piv: Int32Array, b: Float64Array): void {
  for (let k = 0; k < n; k++) {
    const p = piv[k];
    if (p !== k) {
      const tmp = b[k];
      b[k] = b[p];
      b[p] = tmp;
    }
  }
  for (let i = 1; i < n; i++) {
    const row = i * n;
    let s = b[i];
    for (let j = 0; j < i; j++) s -= a[row + j] * b[j];
    b[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    const row = i * n;
    let s = b[i];
    for (let j = i + 1; j < n; j++) s -= a[row + j] * b[j];
    b[i] = s / a[row + i];
  }
}

/**
 * Complex LU with partial pivoting (pivot by |re|+|im|): the matrix is (ar + i·ai), both row-major n×n,
 * factorised in place. Returns false on a zero pivot.
 */
export function luFactorComplex(ar: Float64Array, ai: Float64Array, n: number, piv: Int32Array): boolean {
  for (let k = 0; k < n; k++) {
    let p = k;
    let maxAbs = Math.abs(ar[k * n + k]) + Math.abs(ai[k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(ar[i * n + k]) + Math.abs(ai[i * n + k]);
      if (v > maxAbs) {
        maxAbs = v;
        p = i;
      }
    }
    piv[k] = p;
    if (maxAbs === 0 || !Number.isFinite(maxAbs)) return false;
    const rowK = k * n;
    if (p !== k) {
      const rowP = p * n;
      for (let j = 0; j < n; j++) {
        let tmp = ar[rowK + j];
        ar[rowK + j] = ar[rowP + j];
        ar[rowP + j] = tmp;
        tmp = ai[rowK + j];
        ai[rowK + j] = ai[rowP + j];
        ai[rowP + j] = tmp;
      }
    }
    const pr = ar[rowK + k];
    const pi = ai[rowK + k];
    const den = pr * pr + pi * pi;
    const invR = pr / den;
    const invI = -pi / den;
    for (let i = k + 1; i < n; i++) {
      const rowI = i * n;
      const xr = ar[rowI + k];
      const xi = ai[rowI + k];
      const lr = xr * invR - xi * invI;
      const li = xr * invI + xi * invR;
      ar[rowI + k] = lr;
      ai[rowI + k] = li;
      if (lr !== 0 || li !== 0) {
        for (let j = k + 1; j < n; j++) {
          const ur = ar[rowK + j];
          const ui = ai[rowK + j];
          ar[rowI + j] -= lr * ur - li * ui;
          ai[rowI + j] -= lr * ui + li * ur;
        }
      }
    }
  }
  return true;
}

/** Solves (ar + i·ai)(xr + i·xi) = (br + i·bi) in place with the factors from luFactorComplex. */
export function luSolveComplex(
  ar: Float64Array,
  ai: Float64Array,
  n: number,
  piv: Int32Array,
  br: Float64Array,
  bi: Float64Array,
): void {
  for (let k = 0; k < n; k++) {
    const p = piv[k];
    if (p !== k) {
      let tmp = br[k];
      br[k] = br[p];
      br[p] = tmp;
      tmp = bi[k];
      bi[k] = bi[p];
      bi[p] = tmp;
    }
  }
  for (let i = 1; i < n; i++) {
    const row = i * n;
    let sr = br[i];
    let si = bi[i];
    for (let j = 0; j < i; j++) {
      const lr = ar[row + j];
      const li = ai[row + j];
      sr -= lr * br[j] - li * bi[j];
      si -= lr * bi[j] + li * br[j];
    }
    br[i] = sr;
    bi[i] = si;
  }
  for (let i = n - 1; i >= 0; i--) {
    const row = i * n;
    let sr = br[i];
    let si = bi[i];
    for (let j = i + 1; j < n; j++) {
      const ur = ar[row + j];
      const ui = ai[row + j];
      sr -= ur * br[j] - ui * bi[j];
      si -= ur * bi[j] + ui * br[j];
    }
    const dr = ar[row + i];
    const di = ai[row + i];
    const den = dr * dr + di * di;
    br[i] = (sr * dr + si * di) / den;
    bi[i] = (si * dr - sr * di) / den;
  }
}
