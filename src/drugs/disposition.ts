/**
 * Linear mammillary disposition (central + one or two peripheral compartments): exponents λ_i and
 * central unit-impulse coefficients c_i, so that after a bolus D at t = 0, C(t) = D · Σ c_i e^(−λ_i t).
 * c_i = Π_k (k_k1 − λ_i) / (Vc · Π_{j≠i} (λ_j − λ_i)) over the peripheral compartments k.
 * The terminal half-life is ln 2 / min λ_i. Browser-safe.
 */
import type { IndividualPk } from "./individual-pk.js";

export interface Disposition {
  /** Exponents, ascending (λ_0 is the terminal one), 1/day. */
  lambdas: number[];
  /** Concentration per mg of bolus, mg/L per mg, for each exponent. */
  coefficients: number[];
}

/** Real roots of x³ + a x² + b x + c (all real for a mammillary model), ascending. */
function cubicRoots(a: number, b: number, c: number): number[] {
  const p = b - (a * a) / 3;
  const q = (2 * a * a * a) / 27 - (a * b) / 3 + c;
  const m = 2 * Math.sqrt(Math.max(0, -p / 3));
  const arg = m === 0 ? 0 : Math.max(-1, Math.min(1, (3 * q) / (p * m)));
  const theta = Math.acos(arg) / 3;
  const roots = [0, 1, 2].map((k) => m * Math.cos(theta - (2 * Math.PI * k) / 3) - a / 3);
  return roots.sort((x, y) => x - y);
}

/** Disposition exponents and coefficients at clearance `clLPerDay` (default: the baseline one). */
export function disposition(pk: IndividualPk, clLPerDay = pk.clLPerDay): Disposition {
  const k10 = clLPerDay / pk.vcL;
  const k12 = pk.qLPerDay / pk.vcL;
  const k21 = pk.qLPerDay / pk.vpL;
  const returns = [k21];
  let lambdas: number[];
  if (pk.q2LPerDay !== undefined && pk.vp2L !== undefined) {
    const k13 = pk.q2LPerDay / pk.vcL;
    const k31 = pk.q2LPerDay / pk.vp2L;
    returns.push(k31);
    // det(λI − K) for the 3-compartment mammillary model, as a cubic in s = −λ.
    const a = k10 + k12 + k13 + k21 + k31;
    const b = k10 * k21 + k10 * k31 + k12 * k31 + k13 * k21 + k21 * k31;
    const c = k10 * k21 * k31;
    lambdas = cubicRoots(-a, b, -c);
  } else {
    const sum = k10 + k12 + k21;
    const prod = k10 * k21;
    const disc = Math.sqrt(sum * sum - 4 * prod);
    // Product form for the small root avoids cancellation.
    const big = (sum + disc) / 2;
    lambdas = [prod / big, big];
  }
  const coefficients = lambdas.map((li, i) => {
    let num = 1;
    for (const kr of returns) num *= kr - li;
    let den = pk.vcL;
    lambdas.forEach((lj, j) => {
      if (j !== i) den *= lj - li;
    });
    return num / den;
  });
  return { lambdas, coefficients };
}

export function terminalHalfLifeDays(pk: IndividualPk, clLPerDay = pk.clLPerDay): number {
  return Math.LN2 / disposition(pk, clLPerDay).lambdas[0];
}

/**
 * Effective half-life at dosing interval τ: the half-life of the one-compartment drug with the same
 * AUC accumulation ratio R = AUC(0–∞) / AUC(0–τ) of one dose, t½ = ln 2 · τ / ln(R/(R − 1)).
 * For multi-compartment antibodies this is what "half-life" in labels usually reflects (e.g. the
 * tislelizumab EU label's 23.8 days, where the deepest eigenvalue gives about 36 days).
 */
export function effectiveHalfLifeDays(pk: IndividualPk, tauDays: number, clLPerDay = pk.clLPerDay): number {
  const d = disposition(pk, clLPerDay);
  let total = 0;
  let firstInterval = 0;
  d.coefficients.forEach((c, i) => {
    const l = d.lambdas[i];
    total += c / l;
    firstInterval += (c / l) * -Math.expm1(-l * tauDays);
  });
  const r = total / firstInterval;
  return (Math.LN2 * tauDays) / Math.log(r / (r - 1));
}
