/**
 * T-cell priming in the tumour-draining lymph node. Mature DCs activate tumour-specific naive CD8 and
 * CD4 T cells; each activated cell divides a number of times that depends on co-stimulation: CD28 and
 * CTLA-4 compete for CD80/86, so CTLA-4 blockade frees CD80/86 for CD28 and adds divisions [25]. This is
 * QSP-IO's form (Sové 2020; Wang 2021): activated cells leave as 2^N effectors with
 * N = N0 + N_costim·H_CD28 + N_IL2·H_help (IL-2 from CD4 help, lumped). Memory CD8 cells are recalled
 * by the same DCs.
 *
 * Only mature (immunogenic) DCs prime. Antigen-bearing DCs that did not mature (./dendritic-cells.ts)
 * engage cognate naive T cells too, and those cells are anergised, not primed: the naive cells recruited
 * per day split between the two kinds of DC in proportion to their numbers (H_mDC_LN has tDC_LN in its
 * denominator; the anergised share is tDC_LN/(mDC_LN + tDC_LN + K_mDC_LN) and leaves no effectors).
 * Priming therefore follows mature-DC presentation, not the amount of antigen, and a large DAMP-poor
 * tumour does not prime more. The naive precursor pool is held constant (anergy does not deplete it).
 */
import type { ModuleDecl } from "../model/types.js";
import { assumed, literature, param, qspio } from "./sources.js";

const parameters = [
  param(
    "k_act",
    20,
    "1/day",
    "Maximal activation rate of naive T cells by mature DCs",
    qspio("k_act", "QSP-IO cites doi:10.1038/psp.2014.30"),
  ),
  param(
    "k_pro",
    1,
    "1/day",
    "Rate at which activated T cells complete expansion and leave the lymph node",
    qspio("k_pro", "QSP-IO cites doi:10.1126/science.1260044"),
  ),
  param(
    "N0",
    12,
    "1",
    "Divisions of an activated T cell without CD28 co-stimulation or help",
    assumed(
      "chosen so that full co-stimulation and help give 15-17 divisions, QSP-IO's N0 = 15 plus N_IL2 = 2",
    ),
  ),
  param(
    "N_costim",
    3,
    "1",
    "Extra divisions at full CD28 engagement",
    assumed(
      "CD28 co-stimulation adds a few divisions (Wang 2021 uses a co-stimulation term of this form); value not checked against its table",
    ),
  ),
  param(
    "N_IL2",
    2,
    "1",
    "Extra divisions with maximal IL-2 (CD4 help)",
    qspio("N_IL2", "QSP-IO cites doi:10.1126/science.1260044"),
  ),
  param(
    "kappa_ctla4",
    3,
    "1",
    "Strength of CTLA-4 competition with CD28 for CD80/86 (H_CD28 = 1/(1 + kappa·free CTLA-4 fraction))",
    literature(
      "van der Merwe PA et al., J Exp Med 1997;185:393-403",
      "CD80 binds CTLA-4 with ~10-fold higher affinity than CD28",
      "kappa = 3 assumed (affinity advantage offset by lower CTLA-4 surface expression)",
    ),
  ),
  param(
    "K_mDC_LN",
    5e6,
    "cell",
    "Mature DCs in the lymph node for half-maximal priming",
    assumed("above the steady-state number so that priming is not saturated before treatment"),
  ),
  param(
    "n_naive_cd8",
    1000,
    "cell",
    "Tumour-specific naive CD8 precursors reachable in the draining lymph nodes (at antigenicity 1)",
    assumed(
      "precursor frequencies of ~1e-5-1e-6 per specificity over tens of neoantigens; scaled by antigenicity",
    ),
    { distribution: { kind: "lognormal", cv: 0.5 }, min: 0 },
  ),
  param(
    "n_naive_cd4",
    1000,
    "cell",
    "Tumour-specific naive CD4 precursors (at antigenicity 1)",
    assumed("same as CD8 precursors"),
    { distribution: { kind: "lognormal", cv: 0.5 }, min: 0 },
  ),
  param(
    "K_help",
    1000,
    "cell",
    "Activated CD4 cells for half-maximal help (IL-2) to CD8 expansion",
    assumed("order of the activated CD4 pool at baseline priming"),
  ),
  param(
    "k_recall",
    2,
    "1/day",
    "Maximal recall rate of memory CD8 cells by mature DCs",
    assumed("memory cells respond faster than naive ones; value not measured here"),
  ),
  param(
    "N_recall",
    4,
    "1",
    "Divisions of a recalled memory CD8 cell before its daughters act as effectors",
    assumed("secondary expansion is fast but each recall adds only a few divisions; value assumed"),
  ),
  param(
    "antigenicity",
    1,
    "1",
    "Tumour antigenicity (neoantigen load, TMB): scales the tumour-specific T-cell repertoire [29]",
    assumed("1 = an immunogenic (hot) tumour; cold presets lower it"),
    { distribution: { kind: "lognormal", cv: 0.6 }, min: 0, max: 5 },
  ),
];

export function primingModule(): ModuleDecl {
  return {
    name: "priming",
    description: "CD8 and CD4 priming in the lymph node; CTLA-4 vs CD28 sets the number of divisions",
    parameters,
    species: [
      {
        name: "aCD8_LN",
        compartment: "lymph_node",
        unit: "cell",
        initial: 0,
        description: "Activated (dividing) CD8 T cells",
      },
      {
        name: "aCD4_LN",
        compartment: "lymph_node",
        unit: "cell",
        initial: 0,
        description: "Activated (dividing) CD4 helper T cells",
      },
    ],
    observables: [
      {
        name: "H_mDC_LN",
        expression: "mDC_LN/(mDC_LN + tDC_LN + K_mDC_LN)",
        unit: "1",
        description:
          "Share of cognate naive T cells engaged per unit time by mature DCs (tolerogenic DCs take the rest) (0..1)",
      },
      {
        name: "H_CD28",
        expression: "1/(1 + kappa_ctla4*(1 - ctla4_occupancy))",
        unit: "1",
        description: "CD28 engagement of CD80/86 left by CTLA-4 (0..1)",
      },
      {
        name: "H_help",
        expression: "aCD4_LN/(aCD4_LN + K_help)",
        unit: "1",
        description: "CD4 help / IL-2 (0..1)",
      },
      {
        name: "divisions_cd8",
        expression: "N0 + N_costim*H_CD28 + N_IL2*H_help",
        unit: "1",
        description: "Divisions of an activated CD8 T cell",
      },
      {
        name: "divisions_cd4",
        expression: "N0 + N_costim*H_CD28",
        unit: "1",
        description: "Divisions of an activated CD4 T cell",
      },
      {
        name: "effector_output_cd8",
        expression: "k_pro*aCD8_LN*2^divisions_cd8",
        unit: "cell/day",
        description: "Effector CD8 cells leaving the lymph node per day",
      },
    ],
    processes: [
      {
        name: "cd8_priming",
        rate: "k_act*H_mDC_LN*antigenicity*n_naive_cd8",
        changes: { aCD8_LN: 1 },
        evidence: ["review:25", "review:58", "sove2020"],
        description:
          "Mature DCs activate tumour-specific naive CD8 T cells (naive pool replenished, held constant)",
      },
      {
        name: "cd4_priming",
        rate: "k_act*H_mDC_LN*antigenicity*n_naive_cd4",
        changes: { aCD4_LN: 1 },
        evidence: ["review:25", "sove2020"],
        description: "Mature DCs activate tumour-specific naive CD4 helper T cells",
      },
      {
        name: "memory_recall",
        rate: "k_recall*H_mDC_LN*Mem_B*2^N_recall",
        changes: { CD8_B: 1 },
        evidence: ["review:58"],
        description:
          "Memory CD8 cells re-activated by antigen-loaded DCs yield effectors (the memory pool self-renews)",
      },
      {
        name: "cd8_expansion_exit",
        rate: "k_pro*aCD8_LN",
        changes: { aCD8_LN: -1 },
        evidence: ["sove2020"],
        description:
          "Activated CD8 cells finish dividing (the daughters are counted by cd8_clonal_expansion)",
      },
      {
        name: "cd8_clonal_expansion",
        rate: "effector_output_cd8",
        changes: { CD8_B: 1 },
        evidence: ["review:25", "sove2020", "wang2021"],
        description: "Each activated CD8 cell yields 2^N effectors in the blood; CTLA-4 vs CD28 sets N",
      },
      {
        name: "cd4_expansion_exit",
        rate: "k_pro*aCD4_LN",
        changes: { aCD4_LN: -1 },
        evidence: ["sove2020"],
        description: "Activated CD4 cells finish dividing",
      },
      {
        name: "cd4_clonal_expansion",
        rate: "k_pro*aCD4_LN*2^divisions_cd4",
        changes: { Th_B: 1 },
        evidence: ["review:25", "sove2020"],
        description: "Each activated CD4 cell yields 2^N helper cells in the blood",
      },
    ],
  };
}
