/**
 * T-cell priming in the tumour-draining lymph node, limited by the tumour-specific naive CD8 repertoire
 * (QSP-IO's structure: Sové 2020; Milberg 2019; Wang 2021). Naive tumour-specific CD8 cells (n clones,
 * scaled by antigenicity) come from the thymus, divide homeostatically and die in the body, and
 * recirculate through the draining nodes. In the node, mature DCs activate them and activation uses
 * them up: a cell primed is no longer naive, so a priming pulse and chronic priming draw on the same
 * clones and the node's supply (entry from the blood) bounds priming however many DCs there are.
 * Antigen-bearing DCs that did not mature (./dendritic-cells.ts) engage cognate naive cells too and
 * anergise them (lost to priming): the engaged cells split between the two kinds of DC in proportion to
 * their numbers.
 *
 * Each activated cell divides a number of times set by co-stimulation: CD28 and CTLA-4 compete for
 * CD80/86, so CTLA-4 blockade frees CD80/86 for CD28 and adds divisions [25]; activated cells leave as
 * 2^N effectors with N = N0 + N_costim·H_CD28 + N_IL2·H_help (IL-2 from CD4 help, lumped). Memory CD8
 * cells are recalled by the same DCs. The CD4 helper precursors are still a constant pool.
 */
import type { ModuleDecl } from "../model/types.js";
import { assumed, literature, param, qspio } from "./sources.js";

const parameters = [
  param(
    "k_act",
    23,
    "1/day",
    "Maximal activation rate of naive T cells by mature DCs",
    literature(
      "De Boer RJ & Perelson AS, J Theor Biol 1995;175:567-576; Robertson-Tessi M et al., J Theor Biol 2012;293:2-13",
      "as QSPIO-TNBC (Wang H et al., J Immunother Cancer 2021;9:e002100) parameters_NSCLC.m k_nCD8_act",
    ),
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
    "n_clones_cd8",
    92,
    "1",
    "Tumour-specific naive CD8 clones at antigenicity 1 (effective clones = n_clones_cd8·antigenicity)",
    literature(
      "Jafarnejad M et al., AAPS J 2019;21:79 and Forde PM et al., N Engl J Med 2018;378:1976-1986, as used in QSPIO-TNBC (Wang H et al., J Immunother Cancer 2021;9:e002100)",
      "QSPIO-TNBC parameters/parameters_NSCLC.m, n_clones_tum",
      "NSCLC value (TMB-derived)",
    ),
    { distribution: { kind: "lognormal", cv: 0.5 }, min: 0 },
  ),
  param(
    "div_cd8",
    1.11e6,
    "1",
    "Naive CD8 TCR diversity (distinct clones sharing thymic output and homeostatic proliferation)",
    literature("Robins HS et al., Blood 2009;114:4099-4107", "as QSPIO-TNBC parameters_NSCLC.m nCD8_div"),
  ),
  param(
    "Q_nCD8_thym",
    3.5e7,
    "cell/day",
    "Thymic output of naive CD8 T cells (all clones)",
    literature(
      "Bains I et al., J Immunol 2009;183:4329-4336; Ye P & Kirschner DE, J Immunol 2002;168:4968-4979",
      "as QSPIO-TNBC parameters_NSCLC.m Q_nCD8_thym",
    ),
  ),
  param(
    "k_nCD8_pro",
    3.2e8,
    "cell/day",
    "Maximal homeostatic (peripheral) proliferation of naive CD8 T cells (all clones)",
    literature(
      "den Braber I et al., Immunity 2012;36:288-297",
      "deuterium labelling; as QSPIO-TNBC parameters_NSCLC.m k_nCD8_pro",
    ),
  ),
  param(
    "K_nT_pro",
    1e9,
    "cell",
    "Naive T cells (all clones) for half-maximal homeostatic proliferation",
    literature("den Braber I et al., Immunity 2012;36:288-297", "as QSPIO-TNBC parameters_NSCLC.m K_nT_pro"),
  ),
  param(
    "k_nT_death",
    0.002,
    "1/day",
    "Death rate of naive T cells",
    literature(
      "den Braber I et al., Immunity 2012;36:288-297",
      "as QSPIO-TNBC parameters_NSCLC.m k_nT_death",
    ),
  ),
  param(
    "q_nCD8_LN_in",
    0.076,
    "1/day",
    "Entry of blood naive CD8 T cells into the tumour-draining lymph nodes",
    literature(
      "Autissier P et al., Cytometry A 2010;77:410-419",
      "steady-state naive T-cell levels; as QSPIO-TNBC parameters_NSCLC.m q_nCD8_LN_in",
    ),
  ),
  param(
    "q_nCD8_LN_out",
    1.8,
    "1/day",
    "Exit of naive CD8 T cells from the lymph nodes",
    literature(
      "Mandl JN et al., PNAS 2012;109:18036-18041",
      "as QSPIO-TNBC parameters_NSCLC.m q_nCD8_LN_out",
    ),
  ),
  param(
    "f_naive_blood",
    1 / 51,
    "1",
    "Share of the systemic naive pool in the blood (the rest in peripheral tissues)",
    literature(
      "den Braber I et al., Immunity 2012;36:288-297",
      "QSPIO-TNBC parameters_NSCLC.m sets peripheral naive T cells at 50× the blood pool (nCD8_P = 50·nCD8_C); blood share 1/51",
    ),
  ),
  param(
    "n_naive_cd4",
    1000,
    "cell",
    "Tumour-specific naive CD4 precursors engaged in the node (constant pool, at antigenicity 1)",
    assumed(
      "the value the CD8 node pool had before it was modelled (QSP-IO's naive CD8 values now give ~1.2e4 CD8 cells in the node at antigenicity 1); the CD4 pool is not yet depleted by activation",
    ),
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

/**
 * Naive CD8 cells per clone at homeostasis without priming: the positive root of
 * Q/div + (k_pro/div)·n/(K/div + n) = k_death·n.
 */
const NAIVE_PER_CLONE_REST =
  "(Q_nCD8_thym/div_cd8 + k_nCD8_pro/div_cd8 - k_nT_death*K_nT_pro/div_cd8 + sqrt((Q_nCD8_thym/div_cd8 + k_nCD8_pro/div_cd8 - k_nT_death*K_nT_pro/div_cd8)^2 + 4*k_nT_death*Q_nCD8_thym/div_cd8*K_nT_pro/div_cd8))/(2*k_nT_death)";
/** All tumour-specific naive CD8 cells at homeostasis (initial value; observables are not allowed there). */
const NAIVE_CD8_REST = `n_clones_cd8*antigenicity*${NAIVE_PER_CLONE_REST}`;

export function primingModule(): ModuleDecl {
  return {
    name: "priming",
    description: "CD8 and CD4 priming in the lymph node; CTLA-4 vs CD28 sets the number of divisions",
    parameters,
    species: [
      {
        name: "nCD8_sys",
        compartment: "blood",
        unit: "cell",
        initial: NAIVE_CD8_REST,
        description:
          "Tumour-specific naive CD8 T cells outside the draining nodes (blood and peripheral tissues lumped), all clones",
      },
      {
        name: "nCD8_LN",
        compartment: "lymph_node",
        unit: "cell",
        initial: `${NAIVE_CD8_REST}*f_naive_blood*q_nCD8_LN_in/q_nCD8_LN_out`,
        description: "Tumour-specific naive CD8 T cells in the tumour-draining lymph nodes, all clones",
      },
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
        name: "n_clones_eff_cd8",
        expression: "n_clones_cd8*antigenicity",
        unit: "1",
        description: "Tumour-specific naive CD8 clones (scaled by antigenicity)",
      },
      {
        name: "naive_per_clone_rest",
        expression: NAIVE_PER_CLONE_REST,
        unit: "cell",
        description:
          "Naive CD8 cells per clone at homeostasis without priming (thymic output + homeostatic proliferation = death)",
      },
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
        name: "naive_cd8_thymic_output",
        rate: "n_clones_eff_cd8*Q_nCD8_thym/div_cd8",
        changes: { nCD8_sys: 1 },
        evidence: ["sove2020", "wang2021"],
        description: "The thymus exports naive CD8 cells; each tumour-specific clone gets its share",
      },
      {
        name: "naive_cd8_homeostatic_proliferation",
        rate: "k_nCD8_pro/div_cd8*nCD8_sys*n_clones_eff_cd8/(n_clones_eff_cd8*K_nT_pro/div_cd8 + nCD8_sys + one_cell)",
        changes: { nCD8_sys: 1 },
        evidence: ["sove2020", "wang2021"],
        description: "Naive cells divide homeostatically, saturating per clone (IL-7-driven)",
      },
      {
        name: "naive_cd8_death",
        rate: "k_nT_death*nCD8_sys",
        changes: { nCD8_sys: -1 },
        evidence: ["sove2020", "wang2021"],
        description: "Death of naive CD8 cells",
      },
      {
        name: "naive_cd8_to_lymph_node",
        rate: "q_nCD8_LN_in*f_naive_blood*nCD8_sys",
        changes: { nCD8_sys: -1, nCD8_LN: 1 },
        evidence: ["sove2020", "wang2021"],
        description: "Naive CD8 cells in the blood enter the tumour-draining lymph nodes",
      },
      {
        name: "naive_cd8_from_lymph_node",
        rate: "q_nCD8_LN_out*nCD8_LN",
        changes: { nCD8_LN: -1, nCD8_sys: 1 },
        evidence: ["sove2020", "wang2021"],
        description: "Naive CD8 cells that met no cognate mature DC leave the node",
      },
      {
        name: "cd8_priming",
        rate: "k_act*H_mDC_LN*nCD8_LN",
        changes: { nCD8_LN: -1, aCD8_LN: 1 },
        evidence: ["review:25", "review:58", "sove2020", "wang2021"],
        description:
          "Mature DCs activate tumour-specific naive CD8 T cells in the node; activation uses the naive cells up",
      },
      {
        name: "cd8_anergy",
        rate: "k_act*tDC_LN/(mDC_LN + tDC_LN + K_mDC_LN)*nCD8_LN",
        changes: { nCD8_LN: -1 },
        evidence: ["review:23", "review:25"],
        description:
          "Naive CD8 cells engaged by antigen-bearing tolerogenic DCs are anergised and lost to priming",
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
