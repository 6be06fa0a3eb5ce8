/**
 * Cell death from a voxel's thermal history. Every rule returns the killed fraction of the voxel's
 * cells, split into necrotic and apoptotic death, and the intact-antigen fraction of the killed cells.
 *
 * Cryo rules (Gage & Baust, Cryobiology 1998;37:171 and 2009;59:229, "Mechanisms of tissue injury in
 * cryosurgery" / "Cryosurgery in the treatment of cancer"):
 * - `gage-baust` (default): lethal (necrosis, killed fraction 1) if Tmin ≤ −40 °C; or if Tmin ≤ −20 °C
 *   after ≥ 2 freeze cycles or after a hold of ≥ 5 min below −20 °C (the hold length is assumed).
 * - `fixed-20`: lethal at Tmin ≤ −20 °C. `fixed-40`: lethal at Tmin ≤ −40 °C only.
 * - `cooling-rate`: lethal if Tmin ≤ −40 °C, or Tmin ≤ −20 °C when the cooling rate through −5…−20 °C
 *   was ≥ 25 °C/min (fast cooling favours intracellular ice; threshold assumed), or after ≥ 2 cycles.
 * Between the lethal temperature and 0 °C every rule kills a graded share of cells by apoptosis,
 * linear in Tmin from 0 (at 0 °C) to 1 (at the lethal temperature) — the partial-death rim (linear
 * form assumed). Above 0 °C cells survive. Freezing does not denature protein: the antigen of cells
 * killed by cold stays intact (review [2][20]).
 *
 * Heat (comparator): Arrhenius damage Ω; killed fraction 1 − e^{−Ω}; cells with Ω ≥ 1 die by
 * coagulative necrosis, below that by apoptosis; the intact-antigen share of killed cells is e^{−Ω},
 * i.e. protein denaturation is assumed to follow the same Arrhenius kinetics as cell death (assumed;
 * heat denatures protein [2][20]). Combined: killed = 1 − (1 − k_cold)(1 − k_heat).
 */
import { InputError } from "../errors.js";

export type CryoDeathRule = "gage-baust" | "fixed-20" | "fixed-40" | "cooling-rate";
export const CRYO_DEATH_RULES: CryoDeathRule[] = ["gage-baust", "fixed-20", "fixed-40", "cooling-rate"];

export const HOLD_BELOW_MINUS20_S = 300;
export const FAST_COOLING_C_PER_MIN = 25;

export function checkDeathRule(rule: string, field = "deathRule"): CryoDeathRule {
  if (!(CRYO_DEATH_RULES as string[]).includes(rule))
    throw new InputError(field, rule, `one of ${CRYO_DEATH_RULES.join(", ")}`);
  return rule as CryoDeathRule;
}

export interface VoxelHistory {
  tMin: number;
  timeBelow20: number;
  coolingRate: number;
  freezeCycles: number;
  omega: number;
}

export interface VoxelDeath {
  killed: number;
  necrotic: number;
  apoptotic: number;
  /** Killed cells whose antigen is intact (a fraction of all cells, ≤ killed). */
  intactAntigen: number;
  /** True when the voxel is inside the lethal zone (cold or Ω ≥ 1). */
  lethal: boolean;
}

/** The lethal temperature the rule applies to this voxel, °C. */
export function lethalTemperature(rule: CryoDeathRule, h: VoxelHistory): number {
  switch (rule) {
    case "fixed-20":
      return -20;
    case "fixed-40":
      return -40;
    case "gage-baust":
      return h.freezeCycles >= 2 || h.timeBelow20 >= HOLD_BELOW_MINUS20_S ? -20 : -40;
    case "cooling-rate":
      return h.freezeCycles >= 2 || h.coolingRate >= FAST_COOLING_C_PER_MIN ? -20 : -40;
  }
}

export function voxelDeath(rule: CryoDeathRule, h: VoxelHistory, out: VoxelDeath): VoxelDeath {
  // cold
  const tl = lethalTemperature(rule, h);
  let cold = 0;
  let coldNecrotic = 0;
  if (h.tMin <= tl) {
    cold = 1;
    coldNecrotic = 1;
  } else if (h.tMin < 0) cold = h.tMin / tl;
  // heat
  const heat = h.omega > 0 ? 1 - Math.exp(-h.omega) : 0;
  const heatNecrotic = h.omega >= 1 ? heat : 0;
  const killed = 1 - (1 - cold) * (1 - heat);
  // attribute the overlap to cold first (cells frozen to death are not heated afterwards in practice)
  const heatOnly = killed - cold;
  const necrotic = cold * coldNecrotic + (heat > 0 ? (heatOnly * heatNecrotic) / heat : 0);
  out.killed = killed;
  out.necrotic = Math.min(necrotic, killed);
  out.apoptotic = killed - out.necrotic;
  out.intactAntigen = cold + heatOnly * Math.exp(-h.omega);
  out.lethal = cold >= 1 || h.omega >= 1;
  return out;
}
