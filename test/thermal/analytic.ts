/**
 * Closed-form pieces for the thermal verification tests: erf/erfc, the exponential integral E1 and a
 * bisection root finder. Test support only (not a test file).
 */

/** erf(x) by its Maclaurin series (|x| < 3) or from erfc's continued fraction; |error| < 1e-14. */
export function erf(x: number): number {
  if (x < 0) return -erf(-x);
  if (x >= 3) return 1 - erfc(x);
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (-x * x) / n;
    const add = term / (2 * n + 1);
    sum += add;
    if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

/** erfc(x); continued fraction (Lentz) for x ≥ 3. */
export function erfc(x: number): number {
  if (x < 3) return 1 - erf(x);
  // erfc(x) = exp(-x²)/√π · 1/(x + 1/2/(x + 1/(x + 3/2/(x + ...))))
  let f = x;
  const tiny = 1e-300;
  let C = f;
  let D = 0;
  for (let n = 1; n < 300; n++) {
    const a = n / 2;
    D = x + a * D;
    D = D === 0 ? tiny : 1 / D;
    C = x + a / C;
    if (C === 0) C = tiny;
    const delta = C * D;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

/** Exponential integral E1(x) = ∫_x^∞ e^{-s}/s ds for x > 0. */
export function expint1(x: number): number {
  if (!(x > 0)) throw new RangeError("E1 needs x > 0");
  if (x < 1) {
    const gamma = 0.5772156649015329;
    let sum = 0;
    let term = 1;
    for (let k = 1; k < 200; k++) {
      term *= -x / k;
      const add = -term / k;
      sum += add;
      if (Math.abs(add) < 1e-17) break;
    }
    return -gamma - Math.log(x) + sum;
  }
  // continued fraction (modified Lentz), Numerical-Recipes style form
  let b = x + 1;
  let c = 1e300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i++) {
    const an = -i * i;
    b += 2;
    d = 1 / (an * d + b);
    c = b + an / c;
    const del = c * d;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return h * Math.exp(-x);
}

export function bisect(f: (x: number) => number, lo: number, hi: number, tol = 1e-14): number {
  let flo = f(lo);
  if (flo * f(hi) > 0) throw new RangeError("bisect: root not bracketed");
  for (let i = 0; i < 200 && hi - lo > tol; i++) {
    const mid = 0.5 * (lo + hi);
    const fm = f(mid);
    if (fm * flo <= 0) hi = mid;
    else {
      lo = mid;
      flo = fm;
    }
  }
  return 0.5 * (lo + hi);
}
