/**
 * Antigen and danger signals per lesion. Dying tumour cells release tumour antigen (counted in
 * cell-equivalents) and DAMPs (HMGB1, ATP, calreticulin, lumped as one signal). Cryoablation adds to
 * these pools as an event (./ablation.ts): necrotic cells release much more DAMP than apoptotic ones,
 * freezing keeps antigen intact where heat denatures it [2][20], and calpain released by necrotic
 * cells cuts whole-protein antigen into peptides that dendritic cells cross-present better [17].
 */
import type { ModuleDecl, ObservableDecl, ProcessDecl, SpeciesDecl } from "../model/types.js";
import { at, slots } from "./lesion-names.js";
import { assumed, param, qspio } from "./sources.js";

export const antigenParameters = [
  param(
    "k_antigen_deg",
    2,
    "1/day",
    "Degradation of extracellular tumour antigen",
    qspio("k_xP_deg", "QSP-IO cites doi:10.1074/jbc.M112.448126"),
  ),
  param(
    "k_peptide_deg",
    2,
    "1/day",
    "Degradation of calpain-processed antigen peptides",
    assumed("same as whole antigen (QSP-IO k_xP_deg); no separate measurement"),
  ),
  param(
    "k_calpain",
    1,
    "1/day",
    "Maximal rate at which calpain from necrotic cells processes intact antigen into peptides [17]",
    assumed("about one day, the time scale of necrotic cell lysis; qualitative mechanism from [17]"),
  ),
  param(
    "w_denatured",
    0.2,
    "1",
    "Cross-presentation efficiency of denatured antigen relative to intact antigen [20]",
    assumed("heat-denatured protein is a poorer source of native epitopes; value not measured"),
    { min: 0, max: 1 },
  ),
  param(
    "w_peptide",
    3,
    "1",
    "Cross-presentation efficiency of calpain-processed peptides relative to intact antigen [17]",
    assumed(
      "[17] reports enhanced cross-priming with calpain-processed antigen; factor not quantified there",
    ),
    { min: 1, max: 20 },
  ),
  param(
    "immediate_release_fraction",
    0.2,
    "1",
    "Fraction of an ablated cell's antigen and DAMPs released at thaw (the rest as the necrotic zone breaks down)",
    assumed(
      "cell membranes rupture at thaw, but most of the ablation zone persists for weeks (clearance k_cell_clear)",
    ),
    { min: 0, max: 1 },
  ),
  param(
    "damp_per_necrotic_cell",
    1,
    "1",
    "DAMP released per necrotic cell (defines the DAMP unit: necrotic-cell-equivalents)",
    assumed("unit definition"),
  ),
  param(
    "damp_per_apoptotic_cell",
    0.05,
    "1",
    "DAMP released per apoptotic (or immune-killed) cell relative to a necrotic one",
    assumed("apoptosis is far less inflammatory than necrosis [16]; the ratio is not measured"),
    { min: 0, max: 1 },
  ),
  param(
    "k_damp_deg",
    2,
    "1/day",
    "Decay of DAMP signals in the lesion",
    assumed("same time constant as cytokines in QSP-IO (k_c = 2/day)"),
  ),
];

export function antigenSpecies(slot: number): SpeciesDecl[] {
  const compartment = at("lesion", slot);
  const s = (name: string, description: string): SpeciesDecl => ({
    name: at(name, slot),
    compartment,
    unit: "cell",
    initial: 0,
    description,
  });
  return [
    s("Ag", "Intact tumour antigen (cell-equivalents)"),
    s("AgDen", "Denatured tumour antigen (cell-equivalents)"),
    s("AgPep", "Calpain-processed antigen peptides (cell-equivalents)"),
    s("DAMP", "Danger signals HMGB1/ATP/calreticulin (necrotic-cell-equivalents)"),
  ];
}

export function antigenProcesses(slot: number): ProcessDecl[] {
  const l = (b: string) => at(b, slot);
  return [
    {
      name: l("antigen_release_from_killing"),
      rate: `${l("kill_cd8")} + ${l("kill_nk_C")} + tumour_dynamics*k_C_death*${l("C")}`,
      changes: { [l("Ag")]: 1 },
      evidence: ["review:16", "kosinsky2018"],
      description: "Tumour cells killed by T/NK cells or dying naturally release their antigen",
    },
    {
      name: l("damp_release_from_killing"),
      rate: `damp_per_apoptotic_cell*(${l("kill_cd8")} + ${l("kill_nk_C")} + ${l("kill_nk_Cr")})`,
      changes: { [l("DAMP")]: 1 },
      evidence: ["review:16"],
      description: "Immune-killed (mostly apoptotic) tumour cells release a little DAMP",
    },
    {
      name: l("antigen_release_from_necrotic_debris"),
      rate: `k_cell_clear*${l("Dnec")}*${l("debris_intact_fraction")}`,
      changes: { [l("Ag")]: 1 },
      evidence: ["review:16", "review:20"],
      description: "The necrotic ablation zone releases intact antigen as it breaks down (an antigen depot)",
    },
    {
      name: l("denatured_antigen_release_from_necrotic_debris"),
      rate: `k_cell_clear*${l("Dnec")}*(1 - ${l("debris_intact_fraction")})`,
      changes: { [l("AgDen")]: 1 },
      evidence: ["review:20"],
      description: "Denatured antigen released by the breaking-down ablation zone",
    },
    {
      name: l("damp_release_from_necrotic_debris"),
      rate: `damp_per_necrotic_cell*k_cell_clear*${l("Dnec")}`,
      changes: { [l("DAMP")]: 1 },
      evidence: ["review:16"],
      description: "Necrotic debris releases DAMPs (HMGB1, ATP) as it breaks down",
    },
    {
      name: l("antigen_degradation"),
      rate: `k_antigen_deg*${l("Ag")}`,
      changes: { [l("Ag")]: -1 },
      evidence: ["sove2020"],
      description: "Extracellular degradation of intact antigen",
    },
    {
      name: l("denatured_antigen_degradation"),
      rate: `k_antigen_deg*${l("AgDen")}`,
      changes: { [l("AgDen")]: -1 },
      evidence: ["sove2020"],
      description: "Extracellular degradation of denatured antigen",
    },
    {
      name: l("calpain_processing"),
      rate: `k_calpain*${l("Ag")}*${l("H_DAMP")}`,
      changes: { [l("Ag")]: -1, [l("AgPep")]: 1 },
      evidence: ["review:17"],
      description: "Calpain released by necrotic cells cuts intact antigen into cross-presentable peptides",
    },
    {
      name: l("peptide_degradation"),
      rate: `k_peptide_deg*${l("AgPep")}`,
      changes: { [l("AgPep")]: -1 },
      evidence: ["review:17"],
      description: "Degradation of processed peptides",
    },
    {
      name: l("damp_decay"),
      rate: `k_damp_deg*${l("DAMP")}`,
      changes: { [l("DAMP")]: -1 },
      evidence: ["review:16"],
      description: "Decay and clearance of DAMPs",
    },
  ];
}

export function antigenObservables(slot: number): ObservableDecl[] {
  const l = (b: string) => at(b, slot);
  return [
    {
      name: l("presentable_antigen_per_ml"),
      expression: `(${l("Ag")} + w_denatured*${l("AgDen")} + w_peptide*${l("AgPep")})/${l("volume_ml")}`,
      unit: "cell/mL",
      description: "Antigen available for DC uptake, weighted by cross-presentation efficiency",
    },
    {
      name: l("H_DAMP"),
      expression: `${l("DAMP")}/${l("volume_ml")}/(${l("DAMP")}/${l("volume_ml")} + K_DAMP)`,
      unit: "1",
      description: "Saturating DAMP signal (0..1)",
    },
  ];
}

export function antigenModule(lesionCount: number): ModuleDecl {
  return {
    name: "antigen-release",
    description: "Tumour antigen (intact, denatured, calpain-processed) and DAMPs per lesion",
    parameters: [
      ...antigenParameters,
      param(
        "K_DAMP",
        1e7,
        "cell/mL",
        "DAMP concentration for half-maximal effect (DC maturation, calpain activity)",
        assumed(
          "about 1 % of the necrotic cells of a freshly ablated lesion per mL: ablation saturates the signal, background death does not",
        ),
      ),
    ],
    species: slots(lesionCount).flatMap(antigenSpecies),
    processes: slots(lesionCount).flatMap(antigenProcesses),
    observables: slots(lesionCount).flatMap(antigenObservables),
  };
}
