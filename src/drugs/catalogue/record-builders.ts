/** Small constructors that keep the catalogue records short and uniform. */
import type { Source } from "../../model/types.js";
import type { CovariateEffect, PkParameterName, Quantity, UnknownValue, Variability } from "../types.js";

export function q(value: number, unit: string, source: Source, verified = true): Quantity {
  return { value, unit, source, verified };
}

export function unverified(value: number, unit: string, source: Source): Quantity {
  return { value, unit, source, verified: false };
}

export function unknown(unit: string, note: string): UnknownValue {
  return { value: null, unit, note };
}

export function powerEffect(
  parameter: PkParameterName,
  covariate: CovariateEffect["covariate"],
  coefficient: number,
  reference: number,
  source: Source,
  verified = true,
): CovariateEffect {
  return { parameter, covariate, form: "power", coefficient, reference, source, verified };
}

/** CV on the natural scale of a log-normal with log-scale variance ω²: √(exp(ω²) − 1). */
export function cvFromOmegaSquared(omegaSquared: number): number {
  return Math.sqrt(Math.expm1(omegaSquared));
}

export function variabilityFromOmegaSquared(
  parameter: Variability["parameter"],
  omegaSquared: number,
  source: Source,
  sharedWith?: PkParameterName[],
): Variability {
  return {
    parameter,
    ...(sharedWith ? { sharedWith } : {}),
    cv: cvFromOmegaSquared(omegaSquared),
    source: {
      ...source,
      note: `${source.note ? `${source.note}; ` : ""}CV = √(exp(ω²) − 1) from ω² = ${omegaSquared}`,
    },
    verified: true,
  };
}

export function variabilityCv(parameter: Variability["parameter"], cv: number, source: Source): Variability {
  return { parameter, cv, source, verified: true };
}

/** mL/h → L/day. */
export function mlPerHourToLPerDay(mlPerHour: number): number {
  return (mlPerHour * 24) / 1000;
}
