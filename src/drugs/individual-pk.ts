/**
 * A patient's PK parameters from a population model and covariates (body weight, albumin):
 * power effects (x/ref)^θ and linear effects 1 + θ·(x − ref), applied as the source papers define them.
 * Browser-safe.
 */
import { checkAlbuminGPerL, checkWeightKg } from "./covariate-ranges.js";
import type { CovariateEffect, PkParameterName, PopulationPk } from "./types.js";
import { isSimulatedTimeVarying } from "./types.js";

export interface PatientCovariates {
  /** Body weight; default: the analysis' reference weight. */
  weightKg?: number;
  /** Serum albumin; default: the analysis' reference albumin. */
  albuminGPerL?: number;
}

export interface IndividualPk {
  clLPerDay: number;
  vcL: number;
  qLPerDay: number;
  vpL: number;
  q2LPerDay?: number;
  vp2L?: number;
  timeVarying?: { emax: number; t50Days: number; hill: number };
  saturable?: { vmaxMgPerDay: number; kmMgPerL: number };
}

export function covariateFactor(effect: CovariateEffect, value: number): number {
  return effect.form === "power"
    ? (value / effect.reference) ** effect.coefficient
    : 1 + effect.coefficient * (value - effect.reference);
}

/** Product of the covariate effects on one parameter. */
export function parameterFactor(
  pk: PopulationPk,
  parameter: PkParameterName,
  covariates: PatientCovariates,
): number {
  let factor = 1;
  for (const effect of pk.covariates) {
    if (effect.parameter !== parameter) continue;
    const value =
      effect.covariate === "weightKg"
        ? (covariates.weightKg ?? pk.referenceWeightKg)
        : (covariates.albuminGPerL ?? pk.referenceAlbuminGPerL ?? effect.reference);
    factor *= covariateFactor(effect, value);
  }
  return factor;
}

export function individualPk(pk: PopulationPk, covariates: PatientCovariates = {}): IndividualPk {
  if (covariates.weightKg !== undefined) checkWeightKg(covariates.weightKg);
  if (covariates.albuminGPerL !== undefined) checkAlbuminGPerL(covariates.albuminGPerL);
  const f = (p: PkParameterName) => parameterFactor(pk, p, covariates);
  const out: IndividualPk = {
    clLPerDay: pk.clLPerDay.value * f("cl"),
    vcL: pk.vcL.value * f("vc"),
    qLPerDay: pk.qLPerDay.value * f("q"),
    vpL: pk.vpL.value * f("vp"),
  };
  if (pk.q2LPerDay && pk.vp2L) {
    out.q2LPerDay = pk.q2LPerDay.value * f("q2");
    out.vp2L = pk.vp2L.value * f("vp2");
  }
  const tv = pk.timeVaryingClearance;
  if (isSimulatedTimeVarying(tv))
    out.timeVarying = { emax: tv.emax.value, t50Days: tv.t50Days.value, hill: tv.hill.value };
  if (pk.saturableClearance)
    out.saturable = {
      vmaxMgPerDay: pk.saturableClearance.vmaxMgPerDay.value,
      kmMgPerL: pk.saturableClearance.kmMgPerL.value,
    };
  return out;
}

/** Clearance at `daysSinceFirstDose` (the sigmoid-Emax time course when the model has one). */
export function clearanceAt(pk: IndividualPk, daysSinceFirstDose: number): number {
  if (!pk.timeVarying || daysSinceFirstDose <= 0) return pk.clLPerDay;
  const r = (daysSinceFirstDose / pk.timeVarying.t50Days) ** pk.timeVarying.hill;
  return pk.clLPerDay * Math.exp((pk.timeVarying.emax * r) / (1 + r));
}

/** Clearance once the time-varying change is complete (t → ∞). */
export function steadyStateClearance(pk: IndividualPk): number {
  return pk.timeVarying ? pk.clLPerDay * Math.exp(pk.timeVarying.emax) : pk.clLPerDay;
}
