/**
 * Tissue thermal properties for the bioheat model, each value with its source. SI units:
 * W/m/K, J/m³/K (volumetric heat capacity ρc), J/m³ (volumetric latent heat), 1/s (volumetric
 * perfusion rate ω_b: m³ blood per m³ tissue per second), W/m³, °C.
 *
 * Unfrozen properties of organs are IT'IS tissue database (v4.1, 2022) mean values: density ρ, heat
 * capacity c, conductivity k, "heat transfer rate" (perfusion, mL/min/kg, converted to 1/s with the
 * tissue's density) and heat generation rate. † These IT'IS numbers were entered from memory and must be
 * checked against the database before they serve as a calibration target. A check on 2026-11-25 with the
 * project's search tool found the IT'IS database overview and its documentation (v2.5, 2014: the five
 * thermal quantities density, heat capacity, thermal conductivity, heat transfer rate (perfusion, per kg
 * tissue) and heat generation rate, merged with McIntosh & Anderson, Biophys Rev Lett 2010) but not the
 * value tables of any version, so no value below could be verified and every one keeps its †. Frozen
 * properties and latent heat are not in IT'IS; they follow Deng & Liu (2004) for water-rich tissue
 * (assumed transferable).
 */
import { InputError } from "../errors.js";

export interface SourcedValue {
  value: number;
  unit: string;
  source: string;
}

export interface Tissue {
  name: string;
  description: string;
  /** Conductivity of unfrozen / frozen tissue, W/m/K. */
  kUnfrozen: SourcedValue;
  kFrozen: SourcedValue;
  /** Volumetric heat capacity ρc of unfrozen / frozen tissue, J/m³/K. */
  cUnfrozen: SourcedValue;
  cFrozen: SourcedValue;
  /** Volumetric latent heat, J/m³. */
  latent: SourcedValue;
  /** Mushy range: fully frozen below tSolidusC, fully liquid above tLiquidusC. */
  tSolidusC: SourcedValue;
  tLiquidusC: SourcedValue;
  /** Volumetric blood perfusion ω_b, 1/s. */
  perfusion: SourcedValue;
  /** Metabolic heat q_m, W/m³. */
  metabolism: SourcedValue;
  /** Blood ρ_b c_b, J/m³/K, and arterial temperature, °C. */
  bloodHeatCapacity: SourcedValue;
  arterialC: SourcedValue;
  /** Starting temperature, °C (perfused tissue: the Pennes equilibrium T_b + q_m/(ω_b ρ_b c_b)). */
  initialC: SourcedValue;
}

const DENG = "Deng & Liu, Numer Heat Transfer A 2004 (generic tissue)";
const ITIS =
  "IT'IS tissue database v4.1 (2022), mean value †entered from memory; not verified (value tables not reachable on 2026-11-25)";

function v(value: number, unit: string, source: string): SourcedValue {
  return { value, unit, source };
}

/** ω_b in 1/s from an IT'IS heat-transfer rate in mL/min/kg and the tissue density in kg/m³. */
function perfusionFromItis(mlPerMinPerKg: number, densityKgM3: number): number {
  return (mlPerMinPerKg * 1e-6 * densityKgM3) / 60;
}

const BLOOD_RC = v(1000 * 4200, "J/m^3/K", `${DENG}: blood 1000 kg/m³ × 4200 J/kg/K`);
const ARTERIAL = v(37, "°C", DENG);

function pennesEquilibrium(perfusion: number, metabolism: number): number {
  return perfusion > 0 ? 37 + metabolism / (perfusion * BLOOD_RC.value) : 37;
}

function frozenDefaults(
  scale = 1,
  note = "",
): Pick<Tissue, "kFrozen" | "cFrozen" | "latent" | "tSolidusC" | "tLiquidusC"> {
  const src = note ? `${DENG}; ${note}` : `${DENG} (assumed to apply to this tissue)`;
  return {
    kFrozen: v(2.0 * scale, "W/m/K", src),
    cFrozen: v(1.8e6 * scale, "J/m^3/K", src),
    latent: v(250e6 * scale, "J/m^3", src),
    tSolidusC: v(-8, "°C", DENG),
    tLiquidusC: v(-1, "°C", DENG),
  };
}

function organ(
  name: string,
  description: string,
  rho: number,
  c: number,
  k: number,
  htrMlMinKg: number,
  hgrWPerKg: number,
  frozenScale = 1,
  frozenNote = "",
): Tissue {
  const perfusion = perfusionFromItis(htrMlMinKg, rho);
  const metabolism = hgrWPerKg * rho;
  return {
    name,
    description,
    kUnfrozen: v(k, "W/m/K", ITIS),
    cUnfrozen: v(rho * c, "J/m^3/K", `${ITIS}: ρ ${rho} kg/m³ × c ${c} J/kg/K`),
    ...frozenDefaults(frozenScale, frozenNote),
    perfusion: v(perfusion, "1/s", `${ITIS}: ${htrMlMinKg} mL/min/kg × ρ ${rho} kg/m³`),
    metabolism: v(metabolism, "W/m^3", `${ITIS}: ${hgrWPerKg} W/kg × ρ`),
    bloodHeatCapacity: BLOOD_RC,
    arterialC: ARTERIAL,
    initialC: v(pennesEquilibrium(perfusion, metabolism), "°C", "Pennes equilibrium (derived)"),
  };
}

const GENERIC: Tissue = {
  name: "generic",
  description: "Generic soft tissue of Deng & Liu (2004), the usual cryosurgery benchmark tissue",
  kUnfrozen: v(0.5, "W/m/K", DENG),
  kFrozen: v(2.0, "W/m/K", DENG),
  cUnfrozen: v(3.6e6, "J/m^3/K", DENG),
  cFrozen: v(1.8e6, "J/m^3/K", DENG),
  latent: v(250e6, "J/m^3", DENG),
  tSolidusC: v(-8, "°C", DENG),
  tLiquidusC: v(-1, "°C", DENG),
  perfusion: v(0.0005, "1/s", DENG),
  metabolism: v(4200, "W/m^3", DENG),
  bloodHeatCapacity: BLOOD_RC,
  arterialC: ARTERIAL,
  initialC: v(pennesEquilibrium(0.0005, 4200), "°C", "Pennes equilibrium 37 + q_m/(ω_b ρ_b c_b) (derived)"),
};

const WATER = "water/ice at 0 °C (CRC Handbook of Chemistry and Physics); assumed for 2 % agar gel";

const AGAR: Tissue = {
  name: "agar-gel",
  description: "Agar/gel phantom (no perfusion, no metabolism), e.g. Littrup et al. JVIR 2009 at 39 °C",
  kUnfrozen: v(0.57, "W/m/K", WATER),
  kFrozen: v(2.2, "W/m/K", WATER),
  cUnfrozen: v(4.18e6, "J/m^3/K", WATER),
  cFrozen: v(1.93e6, "J/m^3/K", `${WATER}: ice 2.1 kJ/kg/K × 917 kg/m³`),
  latent: v(334e6, "J/m^3", `${WATER}: 334 kJ/kg × 1000 kg/m³`),
  tSolidusC: v(-1, "°C", "assumed: gel freezes over a narrow range below 0 °C"),
  tLiquidusC: v(0, "°C", WATER),
  perfusion: v(0, "1/s", "phantom: no perfusion"),
  metabolism: v(0, "W/m^3", "phantom: no metabolism"),
  bloodHeatCapacity: BLOOD_RC,
  arterialC: ARTERIAL,
  initialC: v(39, "°C", "Littrup et al., JVIR 2009: high heat-load phantom at ~39 °C"),
};

/** The tissue catalogue by name. */
export const TISSUES: Readonly<Record<string, Tissue>> = {
  generic: GENERIC,
  liver: organ("liver", "Liver (IT'IS)", 1079, 3540, 0.52, 860, 9.93),
  "lung-inflated": organ(
    "lung-inflated",
    "Inflated lung (IT'IS); air-filled: frozen properties scaled by density (assumed)",
    394,
    3886,
    0.39,
    401,
    1.6,
    394 / 1050,
    "scaled by ρ_lung/ρ_water-rich tissue (394/1050) because only tissue water freezes (assumed)",
  ),
  "lung-flooded": organ(
    "lung-flooded",
    "Deflated/flooded lung (IT'IS 'Lung (deflated)'): fluid-filled, conducts like soft tissue",
    1050,
    3886,
    0.39,
    401,
    1.6,
  ),
  kidney: organ("kidney", "Kidney (IT'IS)", 1066, 3763, 0.53, 3795, 19.4),
  breast: organ(
    "breast",
    "Breast fat (IT'IS 'Breast Fat')",
    911,
    2348,
    0.21,
    47,
    0.7,
    0.5,
    "scaled ×0.5: fat holds about half the water (assumed)",
  ),
  prostate: organ("prostate", "Prostate (IT'IS)", 1045, 3760, 0.51, 394, 2.4),
  tumour: {
    ...GENERIC,
    name: "tumour",
    description: "Solid tumour: no IT'IS entry; Deng & Liu generic tissue with doubled perfusion (assumed)",
    perfusion: v(0.001, "1/s", "assumed: 2 × Deng & Liu generic tissue (tumour rims are well perfused)"),
    initialC: v(pennesEquilibrium(0.001, 4200), "°C", "Pennes equilibrium (derived)"),
  },
  "agar-gel": AGAR,
};

export function tissueNames(): string[] {
  return Object.keys(TISSUES);
}

export function getTissue(name: string, field = "tissue"): Tissue {
  const t = TISSUES[name];
  if (!t) throw new InputError(field, name, `one of ${tissueNames().join(", ")}`);
  return t;
}

/** The scalar numbers the solver needs, from a Tissue (optionally overriding the starting temperature). */
export interface TissueNumbers {
  kUnfrozen: number;
  kFrozen: number;
  cUnfrozen: number;
  cFrozen: number;
  latent: number;
  tSolidusC: number;
  tLiquidusC: number;
  /** ω_b ρ_b c_b, W/m³/K. */
  perfusionCoefficient: number;
  metabolism: number;
  arterialC: number;
  initialC: number;
}

export function tissueNumbers(t: Tissue): TissueNumbers {
  return {
    kUnfrozen: t.kUnfrozen.value,
    kFrozen: t.kFrozen.value,
    cUnfrozen: t.cUnfrozen.value,
    cFrozen: t.cFrozen.value,
    latent: t.latent.value,
    tSolidusC: t.tSolidusC.value,
    tLiquidusC: t.tLiquidusC.value,
    perfusionCoefficient: t.perfusion.value * t.bloodHeatCapacity.value,
    metabolism: t.metabolism.value,
    arterialC: t.arterialC.value,
    initialC: t.initialC.value,
  };
}
