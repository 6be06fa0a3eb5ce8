/**
 * Tumour cells per lesion: growth, natural death, clearance of dead cells, the antigen-negative /
 * MHC-I-low clone (a resistance route), and the lesion's size (volume, longest diameter).
 *
 * Two tumour populations per lesion: C (antigen-presenting, killable by CD8 T cells) and Cr (antigen
 * loss or MHC-I down-regulation: invisible to CD8 T cells, partly visible to NK cells) [29].
 * Dead cells (D) stay in the lesion until cleared, so a freshly ablated lesion keeps its size for weeks.
 */
import type { ModuleDecl, ObservableDecl, ProcessDecl, SpeciesDecl } from "../model/types.js";
import { at, slots } from "./lesion-names.js";
import { assumed, param, qspio, qspioDerived } from "./sources.js";

export const tumourParameters = [
  param(
    "rho_cell",
    1e6,
    "cell/mm^3",
    "Density of tumour cells",
    qspio("rho_cell", "1e9 cell/mL = 1e6 cell/mm^3"),
  ),
  param(
    "k_growth",
    0.012,
    "1/day",
    "Tumour cell growth rate (logistic)",
    qspio("k_C_growth", "QSP-IO cites doi:10.1208/s12248-019-0302-5"),
    { distribution: { kind: "lognormal", cv: 0.5 }, min: 0, max: 0.2 },
  ),
  param(
    "C_max",
    4.19e12,
    "cell",
    "Carrying capacity of one lesion",
    qspioDerived("4/3·π·(D_T_max/2)^3·rho_cell with D_T_max = 20 cm and rho_cell = 1e9 cell/mL"),
  ),
  param(
    "k_C_death",
    1e-5,
    "1/day",
    "Immune-independent tumour cell death rate",
    qspio("k_C_death", "QSP-IO cites PMID 3156189"),
  ),
  param(
    "k_cell_clear",
    0.03,
    "1/day",
    "Clearance rate of dead tumour cells (the debris keeps an ablated lesion's size for weeks)",
    qspio("k_cell_clear", "marked 'estimated' in QSP-IO"),
  ),
  param(
    "mu_escape",
    1e-3,
    "1",
    "Fraction of tumour cell divisions giving an antigen-loss / MHC-I-low daughter (immunoediting) [29]",
    assumed(
      "order of magnitude for a selectable escape phenotype; makes acquired resistance possible, not fitted",
    ),
    { distribution: { kind: "loguniform", min: 1e-4, max: 1e-2 }, min: 0, max: 0.1 },
  ),
  param(
    "resistant_fraction",
    1e-3,
    "1",
    "Initial fraction of tumour cells that have lost antigen or MHC-I (pre-existing escape clone) [29]",
    assumed("small pre-existing escape clone; tumour-type presets and phenotypes override it"),
    { distribution: { kind: "loguniform", min: 1e-4, max: 1e-1 }, min: 0, max: 1 },
  ),
  param(
    "vmin_mm3",
    1,
    "mm^3",
    "Residual tissue volume of a lesion with no tumour cells (keeps densities finite)",
    assumed("1 mm^3: below CT resolution; only used to keep concentrations finite when a lesion is cleared"),
  ),
  param(
    "ml_per_mm3",
    0.001,
    "mL/mm^3",
    "Unit conversion",
    assumed("unit conversion: 1 mL = 1000 mm^3 (a definition, not a modelling choice)"),
  ),
  param(
    "one_cell",
    1,
    "cell",
    "One cell (keeps saturating fractions finite when populations are empty)",
    qspio("cell", "the 'cell' counter of QSP-IO rate laws"),
  ),
  param(
    "tumour_dynamics",
    1,
    "1",
    "Switch: 1 lets tumour cell numbers change; 0 freezes them (used only while the immune state settles before day 0)",
    assumed("numerical device for the pre-treatment burn-in, not biology"),
    { min: 0, max: 1 },
  ),
];

export function tumourSpecies(slot: number): SpeciesDecl[] {
  const l = (b: string) => at(b, slot);
  const compartment = at("lesion", slot);
  return [
    {
      name: l("C"),
      compartment,
      unit: "cell",
      initial: `${l("initial_tumour_cells")}*(1 - resistant_fraction)`,
      description: "Viable tumour cells presenting antigen on MHC-I",
    },
    {
      name: l("Cr"),
      compartment,
      unit: "cell",
      initial: `${l("initial_tumour_cells")}*resistant_fraction`,
      description: "Viable tumour cells that lost antigen or MHC-I (escape clone)",
    },
    {
      name: l("D"),
      compartment,
      unit: "cell",
      initial: 0,
      description: "Apoptotic (or immune-killed) dead tumour cells not yet cleared",
    },
    {
      name: l("Dnec"),
      compartment,
      unit: "cell",
      initial: 0,
      description: "Necrotic debris of ablated tumour cells, releasing antigen and DAMPs while it is cleared",
    },
    {
      name: l("debris_intact_fraction"),
      compartment,
      unit: "1",
      initial: 1,
      description: "Fraction of the necrotic debris' antigen that is intact (set by the last ablation)",
    },
  ];
}

export function tumourProcesses(slot: number): ProcessDecl[] {
  const l = (b: string) => at(b, slot);
  const crowding = `(1 - (${l("C")} + ${l("Cr")})/C_max)`;
  return [
    {
      name: l("tumour_growth"),
      rate: `tumour_dynamics*k_growth*${l("C")}*${crowding}`,
      changes: { [l("C")]: 1 },
      evidence: ["sove2020"],
      description: "Logistic growth of antigen-presenting tumour cells",
    },
    {
      name: l("escape_clone_growth"),
      rate: `tumour_dynamics*k_growth*${l("Cr")}*${crowding}`,
      changes: { [l("Cr")]: 1 },
      evidence: ["sove2020", "review:29"],
      description: "Logistic growth of the antigen-loss / MHC-I-low clone",
    },
    {
      name: l("antigen_loss"),
      rate: `tumour_dynamics*mu_escape*k_growth*${l("C")}`,
      changes: { [l("C")]: -1, [l("Cr")]: 1 },
      evidence: ["review:29"],
      description: "Antigen loss or MHC-I down-regulation in dividing tumour cells (immunoediting)",
    },
    {
      name: l("tumour_natural_death"),
      rate: `tumour_dynamics*k_C_death*${l("C")}`,
      changes: { [l("C")]: -1, [l("D")]: 1 },
      evidence: ["sove2020"],
      description: "Immune-independent death of tumour cells",
    },
    {
      name: l("escape_clone_natural_death"),
      rate: `tumour_dynamics*k_C_death*${l("Cr")}`,
      changes: { [l("Cr")]: -1, [l("D")]: 1 },
      evidence: ["sove2020"],
      description: "Immune-independent death of escape-clone cells",
    },
    {
      name: l("dead_cell_clearance"),
      rate: `k_cell_clear*${l("D")}`,
      changes: { [l("D")]: -1 },
      evidence: ["sove2020"],
      description: "Phagocytic clearance of dead tumour cells",
    },
    {
      name: l("necrotic_debris_clearance"),
      rate: `k_cell_clear*${l("Dnec")}`,
      changes: { [l("Dnec")]: -1 },
      evidence: ["sove2020", "review:16"],
      description:
        "Clearance of the necrotic ablation zone (releases antigen and DAMPs, see antigen-release)",
    },
  ];
}

export function tumourObservables(slot: number): ObservableDecl[] {
  const l = (b: string) => at(b, slot);
  return [
    {
      name: l("tumour_cells"),
      expression: `${l("C")} + ${l("Cr")}`,
      unit: "cell",
      description: "Viable tumour cells",
    },
    {
      name: l("volume_mm3"),
      expression: `(${l("C")} + ${l("Cr")} + ${l("D")} + ${l("Dnec")})/rho_cell + vmin_mm3`,
      unit: "mm^3",
      description: "Lesion volume: viable tumour cells, dead cells and necrotic debris",
    },
    {
      name: l("volume_ml"),
      expression: `${l("volume_mm3")}*ml_per_mm3`,
      unit: "mL",
      description: "Lesion volume in mL (for concentrations)",
    },
    {
      name: l("diameter_mm"),
      expression: `2*(0.238732414637843*${l("volume_mm3")})^(1/3)`,
      unit: "mm",
      description: "Longest diameter of the lesion, taken as that of a sphere of the lesion's volume",
    },
  ];
}

export function tumourParametersPerLesion(slot: number) {
  return [
    param(
      at("initial_tumour_cells", slot),
      1.41e10,
      "cell",
      `Tumour cells in lesion ${slot + 1} at the start (set from its longest diameter)`,
      assumed("placeholder for a 30 mm lesion; every scenario sets it from the lesion's diameter"),
    ),
  ];
}

export function tumourModule(lesionCount: number): ModuleDecl {
  return {
    name: "tumour",
    description: "Tumour cells per lesion: growth, death, escape clone, clearance, size",
    compartments: slots(lesionCount).map((s) => ({
      name: at("lesion", s),
      size: 1,
      unit: "1",
      description: `Lesion ${s + 1} (its volume is the observable ${at("volume_ml", s)})`,
    })),
    parameters: [...tumourParameters, ...slots(lesionCount).flatMap(tumourParametersPerLesion)],
    species: slots(lesionCount).flatMap(tumourSpecies),
    processes: slots(lesionCount).flatMap(tumourProcesses),
    observables: slots(lesionCount).flatMap(tumourObservables),
  };
}
