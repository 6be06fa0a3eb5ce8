/**
 * Closed-form serum concentrations of the linear model (no time-varying or saturable clearance):
 * superposition of bolus and zero-order infusion responses of the mammillary disposition.
 * Used to verify the ODE model and for quick estimates. Browser-safe.
 */
import { type Disposition, disposition } from "./disposition.js";
import type { IndividualPk } from "./individual-pk.js";
import type { DoseAdministration } from "./schedule.js";

/** Concentration (mg/L) at time t (days) after one dose; 0 before the dose. */
export function doseResponse(
  d: Disposition,
  dose: Pick<DoseAdministration, "day" | "amountMg" | "infusionHours">,
  t: number,
): number {
  const tau = t - dose.day;
  if (tau <= 0 && !(tau === 0 && dose.infusionHours === 0)) return 0;
  let c = 0;
  if (dose.infusionHours === 0) {
    for (let i = 0; i < d.lambdas.length; i++) c += d.coefficients[i] * Math.exp(-d.lambdas[i] * tau);
    return dose.amountMg * c;
  }
  const durationDays = dose.infusionHours / 24;
  const rate = dose.amountMg / durationDays;
  for (let i = 0; i < d.lambdas.length; i++) {
    const l = d.lambdas[i];
    const during = Math.min(tau, durationDays);
    // −expm1(−x) = 1 − e^(−x), accurate for small x.
    c += (d.coefficients[i] / l) * -Math.expm1(-l * during) * Math.exp(-l * (tau - during));
  }
  return rate * c;
}

/** Concentrations (mg/L = µg/mL) at `times` (days) for a list of doses. */
export function linearConcentrations(
  pk: IndividualPk,
  doses: readonly DoseAdministration[],
  times: ArrayLike<number>,
): Float64Array {
  const d = disposition(pk);
  const out = new Float64Array(times.length);
  for (let k = 0; k < times.length; k++) {
    let c = 0;
    for (const dose of doses) c += doseResponse(d, dose, times[k]);
    out[k] = c;
  }
  return out;
}
