/**
 * Suppression: regulatory T cells, MDSCs and M1/M2 macrophages.
 * Blood Tregs come from thymic/homeostatic production and from conversion of conventional CD4 cells,
 * which needs TGF-β and FOXP3 induction. Cryoablation lowers TGF-β signalling → FOXP3 → conversion [22]
 * (the process `cryo_foxp3_suppression`); necrotic tissue releases latent TGF-β first (./cytokines.ts),
 * so blood Tregs rise for a few days, then fall: the seed's lung data (targets.json, treg-lung-cryo).
 * In lesions, Tregs, MDSCs and M2 macrophages inhibit killing [30]; cryoablation lowers MDSCs and shifts
 * macrophages from M2 to M1 [53][54] through the cytokines it releases.
 */
import type { ModuleDecl, ObservableDecl, ProcessDecl, SpeciesDecl } from "../model/types.js";
import { at, slots } from "./lesion-names.js";
import { assumed, fitted, param, qspio } from "./sources.js";

const TREG_TARGET =
  "treg-lung-cryo (blood Treg % of CD4 at days 0, 3, 30; src/immune/calibration-targets.ts)";

const parameters = [
  param(
    "CD4_B0",
    3.5e9,
    "cell",
    "Conventional CD4 T cells in the blood",
    assumed("about 700 CD4 cells/µL (normal adult range 500-1500) times 5 L of blood"),
    { distribution: { kind: "lognormal", cv: 0.3 } },
  ),
  param(
    "k_cd4_turnover",
    0.01,
    "1/day",
    "Turnover of conventional CD4 T cells",
    assumed("about 1 % per day for the mixed naive/memory pool"),
  ),
  param(
    "k_treg_death",
    0.1,
    "1/day",
    "Turnover of Tregs",
    assumed(
      "Tregs turn over fast (doubling ~8 days reported by Vukmanovic-Stejic et al., J Clin Invest 2006); 0.1/day not taken from a table",
    ),
  ),
  param(
    "s_treg",
    1.395e7,
    "cell/day",
    "Thymic and homeostatic production of Tregs into the blood",
    fitted(`baseline blood Treg % of ${TREG_TARGET}`),
    // cv from the seed's baseline spread (SD 2.07 around 7.89 %)
    { distribution: { kind: "lognormal", cv: 0.26 }, min: 0 },
  ),
  param(
    "k_treg_conversion",
    0.02,
    "1/day",
    "Maximal conversion of conventional CD4 cells into induced Tregs (TGF-β- and FOXP3-dependent)",
    assumed(
      "about half of blood Treg production by conversion at baseline; the split is not identifiable from three data points",
    ),
  ),
  param(
    "K_TGFb_conversion",
    8000,
    "pg/mL",
    "Blood TGF-β for half-maximal Treg conversion",
    assumed("four times the baseline blood TGF-β, so that conversion is far from saturation"),
  ),
  param(
    "k_foxp3",
    0.15,
    "1/day",
    "Relaxation of the FOXP3 inducibility of CD4 cells",
    assumed("FOXP3 programmes change over about a week"),
  ),
  param(
    "cryo_foxp3_suppression",
    0.63,
    "1",
    "Maximal cryo-induced suppression of TGF-β → FOXP3 signalling per fully ablated lesion [22]",
    fitted(`day-30 fall of ${TREG_TARGET}`),
    { min: 0, max: 1 },
  ),
  param(
    "k_cryo_suppression_decay",
    0.02,
    "1/day",
    "Decay of the cryo-induced suppression of TGF-β signalling",
    assumed("[22] reports lower Tregs a month after cryoablation; a month-long effect assumed"),
  ),
  param(
    "treg_infiltration",
    0.2,
    "1",
    "Treg entry into lesions relative to effector T cells",
    assumed(
      "only activated (CCR4+/CCR8+) Tregs home to tumours: a fifth of the effector entry rate per blood cell keeps lesion CD8:Treg ratios above 1 in inflamed tumours",
    ),
    { distribution: { kind: "lognormal", cv: 0.5 }, min: 0 },
  ),
  param(
    "k_mdsc_recruit",
    1e-3,
    "1/day",
    "MDSC recruitment per viable tumour cell (tumour-derived factors)",
    assumed("gives MDSC densities of ~1e6-1e7 per mL in a large lesion; not measured"),
    { distribution: { kind: "lognormal", cv: 0.5 }, min: 0 },
  ),
  param(
    "a_mdsc_il1b",
    1,
    "1",
    "Extra MDSC recruitment at saturating IL-1β",
    assumed("IL-1β drives MDSC expansion; magnitude assumed"),
  ),
  param("k_mdsc_death", 0.25, "1/day", "MDSC death", assumed("MDSCs live a few days")),
  param(
    "mac_density",
    2e7,
    "cell/mL",
    "Resting density of tumour-associated macrophages",
    assumed("TAMs a few % of tumour cells (1e9 cells/mL)"),
    { distribution: { kind: "lognormal", cv: 0.5 }, min: 0 },
  ),
  param("k_mac_turnover", 0.05, "1/day", "Macrophage turnover", assumed("tissue macrophages live weeks")),
  param(
    "a_mac_recruit",
    2,
    "1",
    "Extra monocyte recruitment at saturating IL-1β",
    assumed("inflammation recruits monocytes"),
  ),
  param(
    "f_M1_recruit",
    0.2,
    "1",
    "Fraction of recruited macrophages that are M1-like",
    assumed("tumours polarise TAMs towards M2"),
  ),
  param(
    "k_polarise",
    0.5,
    "1/day",
    "Maximal M1/M2 repolarisation rate",
    assumed("repolarisation within days"),
  ),
  param(
    "w_M2_suppression",
    0.25,
    "1",
    "Suppressive weight of an M2 macrophage relative to an MDSC",
    assumed("M2 macrophages suppress less per cell than MDSCs"),
  ),
  param(
    "i_myeloid",
    0.6,
    "1",
    "Maximal inhibition of killing by MDSCs and M2 macrophages [30]",
    assumed("QSP-IO-like saturating inhibition; magnitude assumed"),
  ),
  param(
    "K_myeloid",
    2e7,
    "cell/mL",
    "MDSC-equivalents per mL for half-maximal inhibition",
    assumed("of the order of the resting density"),
  ),
  literatureNoteParameter(),
];

/** Documented here so the docs list it: Treg numbers in blood in QSP-IO, for comparison. */
function literatureNoteParameter() {
  return param(
    "treg_blood_reference",
    2.5e8,
    "cell",
    "Natural Tregs in the blood in QSP-IO (for comparison with this model's baseline; not used in rates)",
    qspio("nTreg_C", "QSP-IO cites doi:10.3389/fimmu.2015.00171"),
  );
}

function lesionSpecies(slot: number): SpeciesDecl[] {
  const compartment = at("lesion", slot);
  const vol = `(${at("initial_tumour_cells", slot)}/rho_cell*ml_per_mm3)`;
  return [
    { name: at("Treg", slot), compartment, unit: "cell", initial: 0, description: "Tregs in the lesion" },
    {
      name: at("MDSC", slot),
      compartment,
      unit: "cell",
      initial: 0,
      description: "Myeloid-derived suppressor cells in the lesion",
    },
    {
      name: at("M1", slot),
      compartment,
      unit: "cell",
      initial: `f_M1_recruit*mac_density*${vol}`,
      description: "M1-like (pro-inflammatory) macrophages",
    },
    {
      name: at("M2", slot),
      compartment,
      unit: "cell",
      initial: `(1 - f_M1_recruit)*mac_density*${vol}`,
      description: "M2-like (suppressive) macrophages",
    },
  ];
}

function lesionObservables(slot: number): ObservableDecl[] {
  const l = (b: string) => at(b, slot);
  const dens = `(${l("MDSC")} + w_M2_suppression*${l("M2")})/${l("volume_ml")}`;
  return [
    {
      name: l("H_myeloid"),
      expression: `i_myeloid*${dens}/(${dens} + K_myeloid)`,
      unit: "1",
      description: "Inhibition of killing by MDSCs and M2 macrophages (0..i_myeloid)",
    },
  ];
}

function lesionProcesses(slot: number): ProcessDecl[] {
  const l = (b: string) => at(b, slot);
  return [
    {
      name: l("treg_trafficking"),
      rate: `treg_infiltration*${l("cd8_entry_rate")}*Treg_B`,
      changes: { Treg_B: -1, [l("Treg")]: 1 },
      evidence: ["review:22", "sove2020"],
      description: "Tregs enter the lesion from the blood",
    },
    {
      name: l("treg_death"),
      rate: `k_treg_death*${l("Treg")}`,
      changes: { [l("Treg")]: -1 },
      evidence: ["sove2020"],
      description: "Death of Tregs in the lesion",
    },
    {
      name: l("mdsc_recruitment"),
      rate: `k_mdsc_recruit*${l("tumour_cells")}*(1 + a_mdsc_il1b*${l("H_IL1b")})`,
      changes: { [l("MDSC")]: 1 },
      evidence: ["review:30", "review:54"],
      description: "Tumour cells (and IL-1β) recruit MDSCs; fewer tumour cells after ablation, fewer MDSCs",
    },
    {
      name: l("mdsc_death"),
      rate: `k_mdsc_death*${l("MDSC")}`,
      changes: { [l("MDSC")]: -1 },
      evidence: ["review:54"],
      description: "MDSC death",
    },
    {
      name: l("macrophage_recruitment_m1"),
      rate: `k_mac_turnover*mac_density*${l("volume_ml")}*(1 + a_mac_recruit*${l("H_IL1b")})*f_M1_recruit`,
      changes: { [l("M1")]: 1 },
      evidence: ["review:53", "review:54"],
      description: "Monocytes recruited and differentiated into M1-like macrophages",
    },
    {
      name: l("macrophage_recruitment_m2"),
      rate: `k_mac_turnover*mac_density*${l("volume_ml")}*(1 + a_mac_recruit*${l("H_IL1b")})*(1 - f_M1_recruit)`,
      changes: { [l("M2")]: 1 },
      evidence: ["review:53", "review:54"],
      description: "Monocytes recruited and differentiated into M2-like macrophages",
    },
    {
      name: l("m2_to_m1"),
      rate: `k_polarise*${l("M2")}*(${l("H_IFNg")} + ${l("H_TNFa")})/2`,
      changes: { [l("M2")]: -1, [l("M1")]: 1 },
      evidence: ["review:53", "review:54"],
      description: "IFN-γ and TNF-α repolarise M2 macrophages to M1 (the M2→M1 shift after cryoablation)",
    },
    {
      name: l("m1_to_m2"),
      rate: `k_polarise*${l("M1")}*(${l("H_IL10")} + ${l("H_TGFb")})/2`,
      changes: { [l("M1")]: -1, [l("M2")]: 1 },
      evidence: ["review:23", "review:30"],
      description: "IL-10 and TGF-β polarise macrophages to M2",
    },
    {
      name: l("m1_death"),
      rate: `k_mac_turnover*${l("M1")}`,
      changes: { [l("M1")]: -1 },
      evidence: ["review:53"],
      description: "Macrophage death (M1)",
    },
    {
      name: l("m2_death"),
      rate: `k_mac_turnover*${l("M2")}`,
      changes: { [l("M2")]: -1 },
      evidence: ["review:53"],
      description: "Macrophage death (M2)",
    },
  ];
}

export function suppressionModule(lesionCount: number): ModuleDecl {
  return {
    name: "suppression",
    description: "Tregs (with TGF-β → FOXP3 → conversion lowered by cryo), MDSCs, M1/M2 macrophages",
    parameters,
    species: [
      {
        name: "CD4_B",
        compartment: "blood",
        unit: "cell",
        initial: "CD4_B0",
        description: "Conventional CD4 T cells in the blood",
      },
      {
        name: "Treg_B",
        compartment: "blood",
        unit: "cell",
        initial: "s_treg/k_treg_death",
        description: "Regulatory T cells (CD4+CD25hi CD127lo/-) in the blood",
      },
      {
        name: "FOXP3_inducibility",
        compartment: "blood",
        unit: "1",
        initial: 1,
        description: "FOXP3 inducibility of conventional CD4 cells by TGF-β (1 = untreated)",
      },
      {
        name: "cryo_tgfb_suppression",
        compartment: "blood",
        unit: "1",
        initial: 0,
        description: "Cryo-induced suppression of TGF-β signalling (0 = none) [22]",
      },
      ...slots(lesionCount).flatMap(lesionSpecies),
    ],
    observables: slots(lesionCount).flatMap(lesionObservables),
    processes: [
      {
        name: "cd4_production",
        rate: "k_cd4_turnover*CD4_B0",
        changes: { CD4_B: 1 },
        evidence: ["sove2020"],
        description: "Homeostatic production of conventional CD4 cells",
      },
      {
        name: "cd4_death",
        rate: "k_cd4_turnover*CD4_B",
        changes: { CD4_B: -1 },
        evidence: ["sove2020"],
        description: "Death of conventional CD4 cells",
      },
      {
        name: "treg_production",
        rate: "s_treg",
        changes: { Treg_B: 1 },
        evidence: ["sove2020"],
        description: "Thymic and homeostatic production of Tregs",
      },
      {
        name: "treg_conversion",
        rate: "k_treg_conversion*CD4_B*H_TGFb_B*FOXP3_inducibility",
        changes: { CD4_B: -1, Treg_B: 1 },
        evidence: ["review:22"],
        description: "TGF-β → FOXP3 converts conventional CD4 cells into induced Tregs",
      },
      {
        name: "treg_death_blood",
        rate: "k_treg_death*Treg_B",
        changes: { Treg_B: -1 },
        evidence: ["sove2020"],
        description: "Treg turnover",
      },
      {
        name: "foxp3_relaxation",
        rate: "k_foxp3*((1 - cryo_tgfb_suppression) - FOXP3_inducibility)",
        changes: { FOXP3_inducibility: 1 },
        evidence: ["review:22"],
        description: "FOXP3 inducibility follows TGF-β signalling competence, lowered by cryoablation",
      },
      {
        name: "cryo_tgfb_suppression_decay",
        rate: "k_cryo_suppression_decay*cryo_tgfb_suppression",
        changes: { cryo_tgfb_suppression: -1 },
        evidence: ["review:22"],
        description: "The cryo-induced suppression of TGF-β signalling wears off",
      },
      ...slots(lesionCount).flatMap(lesionProcesses),
    ],
  };
}
