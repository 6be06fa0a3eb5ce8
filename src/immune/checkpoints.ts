/**
 * Checkpoints. PD-L1 on tumour and myeloid cells is induced by IFN-γ; PD-1–PD-L1 complexes in the
 * T-cell–tumour synapse (their density a Hill function H_PD1 as in QSP-IO) inhibit killing and drive
 * exhaustion [25]. Antibodies act through the receptor occupancy observables of the pharmacology module
 * (occupancy_pd1, occupancy_pdl1, occupancy_ctla4): a blocked PD-1 or PD-L1 cannot form the complex;
 * a blocked CTLA-4 leaves CD80/86 to CD28 at priming (./priming.ts).
 */
import type { ModuleDecl, ObservableDecl, ProcessDecl, SpeciesDecl } from "../model/types.js";
import { at, slots } from "./lesion-names.js";
import { assumed, param, qspio } from "./sources.js";

/** Which checkpoint targets have a drug in the model (their occupancy observables exist). */
export interface BlockadeTargets {
  pd1: boolean;
  pdl1: boolean;
  ctla4: boolean;
}

const parameters = [
  param(
    "pdl1_expression",
    1,
    "1",
    "Baseline PD-L1 expression of the tumour (relative; 1 = high expresser, TPS ≥ 50 %)",
    assumed("phenotype knob; presets and the scenario set it"),
    { distribution: { kind: "lognormal", cv: 0.8 }, min: 0, max: 3 },
  ),
  param(
    "pdl1_ifng_induction",
    2,
    "1",
    "Maximal extra PD-L1 expression at saturating IFN-γ (adaptive resistance)",
    assumed("IFN-γ strongly induces PD-L1; fold-change not taken from a measurement"),
  ),
  param(
    "k_pdl1",
    1,
    "1/day",
    "Relaxation rate of PD-L1 expression",
    assumed("surface protein turnover about a day"),
  ),
  param(
    "pd1_pdl1_synapse_max",
    40,
    "1",
    "PD-1–PD-L1 complexes per µm² in the synapse at PD-L1 expression 1 with no antibody",
    assumed("chosen so that H_PD1 ≈ 0.8 at PD-L1 = 1 (QSP-IO computes the density from molecule numbers)"),
  ),
  param(
    "PD1_50",
    20,
    "1",
    "PD-1–PD-L1 complexes per µm² for half-maximal inhibition",
    qspio("PD1_50", "marked 'estimated' in QSP-IO; molecule/µm²"),
  ),
  param(
    "n_PD1",
    2,
    "1",
    "Hill coefficient of PD-1 inhibition",
    qspio("n_PD1", "marked 'estimated' in QSP-IO"),
  ),
];

function species(slot: number): SpeciesDecl[] {
  return [
    {
      name: at("PDL1", slot),
      compartment: at("lesion", slot),
      unit: "1",
      initial: "pdl1_expression",
      description: "PD-L1 expression in the lesion (relative)",
    },
  ];
}

function observables(slot: number): ObservableDecl[] {
  const l = (b: string) => at(b, slot);
  return [
    {
      name: l("pd1_pdl1_complex"),
      expression: `pd1_pdl1_synapse_max*${l("PDL1")}*(1 - pd1_occupancy)*(1 - pdl1_occupancy)`,
      unit: "1",
      description: "PD-1–PD-L1 complexes per µm² in the synapse",
    },
    {
      name: l("H_PD1"),
      expression: `${l("pd1_pdl1_complex")}^n_PD1/(${l("pd1_pdl1_complex")}^n_PD1 + PD1_50^n_PD1)`,
      unit: "1",
      description: "PD-1 inhibition of CD8 killing (0..1)",
    },
  ];
}

function processes(slot: number): ProcessDecl[] {
  const l = (b: string) => at(b, slot);
  return [
    {
      name: l("pdl1_induction"),
      rate: `k_pdl1*pdl1_expression*(1 + pdl1_ifng_induction*${l("H_IFNg")})`,
      changes: { [l("PDL1")]: 1 },
      evidence: ["review:25", "review:30"],
      description: "PD-L1 expression, induced by IFN-γ",
    },
    {
      name: l("pdl1_turnover"),
      rate: `k_pdl1*${l("PDL1")}`,
      changes: { [l("PDL1")]: -1 },
      evidence: ["review:25"],
      description: "Turnover of PD-L1",
    },
  ];
}

export function checkpointsModule(lesionCount: number, targets: BlockadeTargets): ModuleDecl {
  const occupancy = (present: boolean, id: string) => (present ? `occupancy_${id}` : "0");
  return {
    name: "checkpoints",
    description: "PD-1/PD-L1 in the synapse with IFN-γ-induced PD-L1; blockade via drug occupancy",
    parameters,
    species: slots(lesionCount).flatMap(species),
    observables: [
      {
        name: "pd1_occupancy",
        expression: occupancy(targets.pd1, "pd1"),
        unit: "1",
        description: "PD-1 receptor occupancy by antibody",
      },
      {
        name: "pdl1_occupancy",
        expression: occupancy(targets.pdl1, "pdl1"),
        unit: "1",
        description: "PD-L1 occupancy by antibody",
      },
      {
        name: "ctla4_occupancy",
        expression: occupancy(targets.ctla4, "ctla4"),
        unit: "1",
        description: "CTLA-4 occupancy by antibody",
      },
      ...slots(lesionCount).flatMap(observables),
    ],
    processes: slots(lesionCount).flatMap(processes),
  };
}
