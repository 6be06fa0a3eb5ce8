/**
 * One check for the patient covariates of the PK models (body weight, serum albumin), used by
 * simulatePk, individualPk, scheduleRegimen, pkModule and the `pk` command, so a bad value is reported
 * once, under the caller's field name (`weightKg`, `--weight-kg`, …), with one range.
 *
 * The ranges span the covariate ranges of the population PK analyses in the catalogue (body weights
 * of roughly 35–180 kg and albumin of roughly 20–55 g/L in the adult datasets of Bajaj 2017, Ahamadi
 * 2017, Stroh 2017, Baverel 2018, Budha 2023): values far outside them are extrapolations of the power
 * and linear covariate models. The limits themselves are assumed (rounded outward), not taken from one
 * table. Browser-safe.
 */
import { InputError } from "../errors.js";

export const WEIGHT_RANGE_KG: readonly [number, number] = [30, 200];
export const ALBUMIN_RANGE_G_PER_L: readonly [number, number] = [15, 60];

function checkRange(field: string, value: unknown, range: readonly [number, number], what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < range[0] || value > range[1])
    throw new InputError(
      field,
      value,
      `${what} between ${range[0]} and ${range[1]} (the covariate range of the population PK analyses)`,
    );
  return value;
}

/** The body weight, or InputError naming `field` (default "weightKg"). */
export function checkWeightKg(value: unknown, field = "weightKg"): number {
  return checkRange(field, value, WEIGHT_RANGE_KG, "a body weight in kg");
}

/** The serum albumin, or InputError naming `field` (default "albuminGPerL"). */
export function checkAlbuminGPerL(value: unknown, field = "albuminGPerL"): number {
  return checkRange(field, value, ALBUMIN_RANGE_G_PER_L, "a serum albumin in g/L");
}
