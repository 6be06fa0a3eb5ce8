/**
 * Virtual patients for population checks: one draw of every between-patient random effect a drug's
 * PK module declares (log-normal, the published CV), as parameter values for simulatePk's
 * `parameters`. The typical value is the median (NONMEM convention, value · exp(η) with
 * η ~ N(0, ω²), ω² = ln(1 + CV²)), so a population of draws centres on the typical patient.
 * Covariates (weight, albumin) are not sampled: the caller chooses them. Browser-safe.
 */
import { InputError } from "../errors.js";
import type { RandomStream } from "../numerics/rng/index.js";
import { drugByName } from "./catalogue/index.js";
import { pkModule } from "./pk-module.js";
import { hasPopulationPk } from "./types.js";

/** Parameter values of one virtual patient of `drug` (only the parameters that carry variability). */
export function samplePkPatient(drug: string, rng: RandomStream): Record<string, number> {
  const record = drugByName(drug);
  if (!hasPopulationPk(record.pk))
    throw new InputError("drug", drug, `a drug with population PK in the catalogue (${record.pk.reason})`);
  const out: Record<string, number> = {};
  for (const p of pkModule(record).parameters ?? []) {
    const d = p.distribution;
    if (!d) continue;
    if (d.kind !== "lognormal")
      throw new InputError(`${p.name}.distribution`, d.kind, "a log-normal between-patient distribution");
    out[p.name] = p.value * Math.exp(Math.sqrt(Math.log1p(d.cv * d.cv)) * rng.normal());
  }
  return out;
}
