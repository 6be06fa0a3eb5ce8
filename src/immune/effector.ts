/**
 * Effector T cells: CD8 effectors and CD4 helpers leave the lymph node into the blood, exchange with
 * peripheral tissues, and traffic to EVERY lesion (the abscopal route) [18][19][58]; in a lesion CD8
 * cells kill antigen-presenting tumour cells with QSP-IO's law
 *   k·C·T/(C_tot + T + 1)·T/(T + r·Treg + 1)·(1 − H_TGFβ)(1 − H_PD1)(1 − H_myeloid)(1 − H_NET)
 * (Milberg 2019, Sové 2020), are exhausted by tumour cells (through PD-1) and by Tregs, and a few
 * become long-lived memory cells.
 */
import type { ModuleDecl, ObservableDecl, ProcessDecl, SpeciesDecl } from "../model/types.js";
import { at, slots } from "./lesion-names.js";
import { assumed, literature, param, qspio, qspioDerived } from "./sources.js";

const parameters = [
  param(
    "k_kill",
    18,
    "1/day",
    "Maximal tumour cell killing rate per CD8 T cell",
    qspio("k_C_Tcell", "marked 'estimated' in QSP-IO"),
  ),
  param(
    "r_treg_kill",
    11,
    "1",
    "Weight of Tregs against CD8 cells in the killing law T/(T + r·Treg + 1)",
    assumed(
      "the form and the value 11 as quoted for QSP-IO (Wang 2021) in the project's SCIENCE.md; not checked against the paper",
    ),
  ),
  param(
    "k_teff_death",
    0.2,
    "1/day",
    "Death rate of effector T cells (contraction)",
    assumed(
      "effector contraction over 1-2 weeks; QSP-IO's k_death = 2/day is used there with far larger clonal expansion",
    ),
  ),
  param(
    "q_T_in",
    9.65e-4,
    "1/(day*mL)",
    "Rate of T-cell entry into a lesion per mL of lesion",
    qspioDerived("k_mig·rho_adh·gamma_T = 1e-12/min/cell · 1e8 cell/cm^3 · 0.0067, in 1/day per mL"),
  ),
  param(
    "infiltration",
    1,
    "1",
    "T-cell infiltration of the lesions (1 = inflamed; immune-excluded/cold tumours lower) [29]",
    assumed("phenotype knob: 1 hot, ~0.1 cold"),
    { distribution: { kind: "lognormal", cv: 0.6 }, min: 0, max: 5 },
  ),
  param(
    "a_chemokine",
    3,
    "1",
    "Extra T/NK-cell entry at saturating IFN-γ (CXCL9/10)",
    assumed(
      "inflammation raises infiltration of ablated and distant lesions [18][19]; magnitude not quantified",
    ),
  ),
  param(
    "q_P_in",
    0.5,
    "1/day",
    "Effector and memory T-cell exit from blood to peripheral tissues",
    assumed(
      "QSP-IO's derived q_P_in (~580/day) makes blood a negligible pool; a slower exchange keeps blood counts readable",
    ),
  ),
  param(
    "q_P_out",
    1,
    "1/day",
    "T-cell return from peripheral tissues to blood",
    qspio("q_P_out", "QSP-IO cites doi:10.1038/psp.2014.30"),
  ),
  param(
    "k_exh_tumour",
    0.1,
    "1/day",
    "Maximal exhaustion of CD8 cells by tumour cells (via PD-1)",
    qspio("k_Tcell", "marked 'estimated' in QSP-IO"),
  ),
  param(
    "k_exh_treg",
    0.1,
    "1/day",
    "Maximal exhaustion of CD8 cells by Tregs",
    qspio("k_Treg", "marked 'estimated' in QSP-IO"),
  ),
  param(
    "k_exh_death",
    0.1,
    "1/day",
    "Death of exhausted CD8 cells",
    assumed("exhausted cells persist for weeks"),
  ),
  param(
    "k_mem",
    0.01,
    "1/day",
    "Formation of memory cells from circulating effectors",
    assumed("about 5 % of effectors survive contraction as memory (0.01/(0.01 + 0.2))"),
  ),
  param(
    "Mem_max",
    1e6,
    "cell",
    "Capacity of the tumour-specific memory CD8 pool (homeostatic niche)",
    assumed(
      "no measurement of the size of a human tumour-specific memory CD8 pool was found; virus-specific memory pools are far larger (CMV- or EBV-specific cells can be several % of all CD8 T cells), so 1e6 is a conservative bound on the memory-recall loop, not a measured capacity (sensitivity in docs/immune-model.md)",
    ),
  ),
  param(
    "k_mem_death",
    0.003,
    "1/day",
    "Death of memory CD8 cells",
    literature(
      "Macallan DC et al., Eur J Immunol 2003;33:2316-2326",
      "deuterium labelling",
      "memory T-cell half-lives of months; 0.003/day ≈ 230 days assumed within that range",
    ),
  ),
];

function lesionSpecies(slot: number): SpeciesDecl[] {
  const compartment = at("lesion", slot);
  return [
    {
      name: at("CD8", slot),
      compartment,
      unit: "cell",
      initial: 0,
      description: "Effector CD8 T cells in the lesion",
    },
    {
      name: at("CD8ex", slot),
      compartment,
      unit: "cell",
      initial: 0,
      description: "Exhausted CD8 T cells in the lesion",
    },
    {
      name: at("Th", slot),
      compartment,
      unit: "cell",
      initial: 0,
      description: "CD4 helper T cells in the lesion",
    },
    {
      name: at("Mem", slot),
      compartment,
      unit: "cell",
      initial: 0,
      description: "Tumour-specific memory CD8 cells patrolling the lesion",
    },
  ];
}

function lesionObservables(slot: number): ObservableDecl[] {
  const l = (b: string) => at(b, slot);
  return [
    {
      name: l("kill_cd8"),
      expression:
        `k_kill*${l("C")}*${l("CD8")}/(${l("C")} + ${l("Cr")} + ${l("CD8")} + one_cell)` +
        `*${l("CD8")}/(${l("CD8")} + r_treg_kill*${l("Treg")} + one_cell)` +
        `*(1 - ${l("H_TGFb_kill")})*(1 - ${l("H_PD1")})*(1 - ${l("H_myeloid")})*(1 - ${l("H_NET")})`,
      unit: "cell/day",
      description: "Tumour cells killed by CD8 T cells per day (QSP-IO form)",
    },
    {
      name: l("cd8_entry_rate"),
      expression: `q_T_in*infiltration*${l("volume_ml")}*(1 + a_chemokine*${l("H_IFNg")})`,
      unit: "1/day",
      description: "Per-cell rate of T-cell entry from blood into the lesion",
    },
  ];
}

function lesionProcesses(slot: number): ProcessDecl[] {
  const l = (b: string) => at(b, slot);
  return [
    {
      name: l("cd8_trafficking"),
      rate: `${l("cd8_entry_rate")}*CD8_B`,
      changes: { CD8_B: -1, [l("CD8")]: 1 },
      evidence: ["review:18", "review:19", "review:25", "sove2020"],
      description: "Effector CD8 cells enter the lesion from the blood (all lesions, ablated or not)",
    },
    {
      name: l("memory_trafficking"),
      rate: `${l("cd8_entry_rate")}*Mem_B`,
      changes: { Mem_B: -1, [l("Mem")]: 1 },
      evidence: ["review:18", "review:19", "review:58"],
      description: "Circulating memory CD8 cells enter every lesion as effectors do",
    },
    {
      name: l("memory_return"),
      rate: `q_P_out*${l("Mem")}`,
      changes: { [l("Mem")]: -1, Mem_B: 1 },
      evidence: ["sove2020"],
      description:
        "Memory cells leave the lesion back to the circulation (same rate as from peripheral tissue)",
    },
    {
      name: l("memory_death_lesion"),
      rate: `k_mem_death*${l("Mem")}`,
      changes: { [l("Mem")]: -1 },
      evidence: ["review:58"],
      description: "Death of memory cells in the lesion",
    },
    {
      name: l("memory_recall_in_lesion"),
      rate: `k_recall*${l("Mem")}*${l("C")}/(${l("C")} + ${l("Cr")} + ${l("Mem")} + one_cell)*(1 - ${l("H_PD1")})*2^N_recall`,
      changes: { [l("CD8")]: 1 },
      evidence: ["review:54", "review:58", "review:25"],
      description:
        "Memory cells meeting their antigen on tumour cells re-expand into effectors in the lesion (self-renewing pool); PD-1–PD-L1 holds recall back, blockade releases it; antigen-loss clones are not recognised",
    },
    {
      name: l("th_trafficking"),
      rate: `${l("cd8_entry_rate")}*Th_B`,
      changes: { Th_B: -1, [l("Th")]: 1 },
      evidence: ["review:54", "sove2020"],
      description: "CD4 helper cells enter the lesion from the blood",
    },
    {
      name: l("cd8_killing"),
      rate: `tumour_dynamics*${l("kill_cd8")}`,
      changes: { [l("C")]: -1, [l("D")]: 1 },
      evidence: ["review:25", "review:30", "milberg2019", "sove2020"],
      description: "CD8 killing, inhibited by PD-1/PD-L1, Tregs, TGF-β, MDSCs/M2 macrophages and NETs",
    },
    {
      name: l("cd8_exhaustion_by_tumour"),
      rate: `k_exh_tumour*${l("CD8")}*(${l("C")} + ${l("Cr")})/(${l("C")} + ${l("Cr")} + ${l("CD8")} + one_cell)*${l("H_PD1")}`,
      changes: { [l("CD8")]: -1, [l("CD8ex")]: 1 },
      evidence: ["review:25", "sove2020"],
      description: "Chronic antigen and PD-1 signalling exhaust CD8 cells",
    },
    {
      name: l("cd8_exhaustion_by_treg"),
      rate: `k_exh_treg*${l("CD8")}*${l("Treg")}/(${l("C")} + ${l("Cr")} + ${l("CD8")} + ${l("Treg")} + one_cell)`,
      changes: { [l("CD8")]: -1, [l("CD8ex")]: 1 },
      evidence: ["review:22", "sove2020"],
      description: "Tregs inactivate CD8 cells",
    },
    {
      name: l("cd8_death"),
      rate: `k_teff_death*${l("CD8")}`,
      changes: { [l("CD8")]: -1 },
      evidence: ["sove2020"],
      description: "Death of effector CD8 cells in the lesion",
    },
    {
      name: l("exhausted_cd8_death"),
      rate: `k_exh_death*${l("CD8ex")}`,
      changes: { [l("CD8ex")]: -1 },
      evidence: ["sove2020"],
      description: "Death of exhausted CD8 cells",
    },
    {
      name: l("th_death"),
      rate: `k_teff_death*${l("Th")}`,
      changes: { [l("Th")]: -1 },
      evidence: ["sove2020"],
      description: "Death of helper cells in the lesion",
    },
  ];
}

export function effectorModule(lesionCount: number): ModuleDecl {
  return {
    name: "effector",
    description:
      "Effector CD8 and helper CD4 T cells: circulation, trafficking to all lesions, killing, exhaustion, memory",
    parameters,
    species: [
      {
        name: "CD8_B",
        compartment: "blood",
        unit: "cell",
        initial: 0,
        description: "Tumour-specific effector CD8 cells in the blood",
      },
      {
        name: "CD8_P",
        compartment: "peripheral",
        unit: "cell",
        initial: 0,
        description: "Tumour-specific effector CD8 cells in peripheral tissues",
      },
      {
        name: "Mem_B",
        compartment: "blood",
        unit: "cell",
        initial: 0,
        description: "Tumour-specific memory CD8 cells (circulating pool)",
      },
      {
        name: "Th_B",
        compartment: "blood",
        unit: "cell",
        initial: 0,
        description: "Tumour-specific CD4 helper cells in the blood",
      },
      ...slots(lesionCount).flatMap(lesionSpecies),
    ],
    observables: slots(lesionCount).flatMap(lesionObservables),
    processes: [
      {
        name: "cd8_to_peripheral",
        rate: "q_P_in*CD8_B",
        changes: { CD8_B: -1, CD8_P: 1 },
        evidence: ["sove2020"],
        description: "Effector CD8 cells leave the blood for peripheral tissues",
      },
      {
        name: "cd8_from_peripheral",
        rate: "q_P_out*CD8_P",
        changes: { CD8_P: -1, CD8_B: 1 },
        evidence: ["sove2020"],
        description: "Effector CD8 cells return from peripheral tissues",
      },
      {
        name: "cd8_death_blood",
        rate: "k_teff_death*CD8_B",
        changes: { CD8_B: -1 },
        evidence: ["sove2020"],
        description: "Effector death in blood",
      },
      {
        name: "cd8_death_peripheral",
        rate: "k_teff_death*CD8_P",
        changes: { CD8_P: -1 },
        evidence: ["sove2020"],
        description: "Effector death in peripheral tissues",
      },
      {
        name: "th_death_blood",
        rate: "k_teff_death*Th_B",
        changes: { Th_B: -1 },
        evidence: ["sove2020"],
        description: "Helper death in blood",
      },
      {
        name: "memory_formation",
        rate: "k_mem*CD8_B*(1 - Mem_B/Mem_max)",
        changes: { CD8_B: -1, Mem_B: 1 },
        evidence: ["review:58"],
        description: "Circulating effectors surviving contraction become memory cells",
      },
      {
        name: "memory_death",
        rate: "k_mem_death*Mem_B",
        changes: { Mem_B: -1 },
        evidence: ["review:58"],
        description: "Death of memory cells",
      },
      ...slots(lesionCount).flatMap(lesionProcesses),
    ],
  };
}
