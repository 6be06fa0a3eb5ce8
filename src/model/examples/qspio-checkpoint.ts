/**
 * A QSP-IO module set: the PD-1 checkpoint synapse between a CD8+ T cell and a cancer cell, with
 * anti-PD-1 antibody binding (including bivalent cross-arm binding), and Hill inhibition of T-cell
 * killing by PD-1 ligation. Structure after the QSP-IO checkpoint and T-cell modules (Sové et al. 2020;
 * Milberg et al. 2019); parameter values, units and primary sources as listed in the QSP-IO TNBC
 * parameter file (parameters_TNBC.m, Wang et al. 2021), each primary source named below.
 *
 * The 2-D synapse rate constants are the 3-D ones divided by the synapse gap d_syn (QSP-IO's
 * kon_2D = kon_3D/d_syn); unit conversion, including Avogadro's number, is done by the compiler.
 * The anti-PD-1 concentration at the synapse is an input parameter (a PK module sets it).
 */
import type { ModelDecl, Source } from "../types.js";

const QSPIO =
  "QSP-IO TNBC parameter file parameters_TNBC.m (Wang et al., J Immunother Cancer 2021; Sové et al., CPT Pharmacometrics Syst Pharmacol 2020)";
const lit = (primary: string): Source => ({
  kind: "literature",
  citation: `${primary}, as tabulated in the ${QSPIO}`,
});

export const qspioCheckpoint: ModelDecl = {
  name: "qspio-checkpoint",
  description:
    "PD-1/PD-L1/PD-L2 binding in the T cell–cancer cell synapse with anti-PD-1, and PD-1-dependent inhibition of T-cell killing (QSP-IO modules).",
  timeUnit: "day",
  modules: [
    {
      name: "synapse",
      description:
        "PD-1 on the T cell, PD-L1/PD-L2 on the cancer cell and anti-PD-1, as surface densities in the synapse.",
      compartments: [
        {
          name: "syn",
          size: 37.8,
          unit: "um^2",
          description: "Immunological synapse area between a CD8+ T cell and a cancer cell.",
          source: lit("Jansson et al. 2005 (PMID 16034096)"),
        },
      ],
      species: [
        {
          name: "PD1",
          compartment: "syn",
          unit: "molecule/um^2",
          initial: "T8_PD1/(pi*D_Tcell^2)",
          description: "Free PD-1 on the T cell (total PD-1 over the T-cell surface area πD²).",
        },
        {
          name: "PDL1",
          compartment: "syn",
          unit: "molecule/um^2",
          initial: "C_PDL1/(pi*D_cell^2)",
          description: "Free PD-L1 on the cancer cell.",
        },
        {
          name: "PDL2",
          compartment: "syn",
          unit: "molecule/um^2",
          initial: "r_PDL2C*C_PDL1/(pi*D_cell^2)",
          description: "Free PD-L2 on the cancer cell.",
        },
        {
          name: "PD1_PDL1",
          compartment: "syn",
          unit: "molecule/um^2",
          initial: 0,
          description: "PD-1–PD-L1 complexes.",
        },
        {
          name: "PD1_PDL2",
          compartment: "syn",
          unit: "molecule/um^2",
          initial: 0,
          description: "PD-1–PD-L2 complexes.",
        },
        {
          name: "PD1_aPD1",
          compartment: "syn",
          unit: "molecule/um^2",
          initial: 0,
          description: "PD-1 bound by one arm of anti-PD-1.",
        },
        {
          name: "PD1_aPD1_PD1",
          compartment: "syn",
          unit: "molecule/um^2",
          initial: 0,
          description: "Anti-PD-1 bridging two PD-1 molecules.",
        },
      ],
      parameters: [
        {
          name: "d_syn",
          value: 3,
          unit: "nm",
          description: "Synapse gap (kd_2D = kd_3D·d_syn)",
          source: lit("Jansson et al. 2005 (PMID 16034096)"),
        },
        {
          name: "D_Tcell",
          value: 6.94,
          unit: "um",
          description: "T-cell diameter",
          source: lit("Chapman et al. 1981 (PMID 6975780)"),
        },
        {
          name: "D_cell",
          value: 17,
          unit: "um",
          description: "Cancer-cell diameter",
          source: lit("Abramczyk et al. 2015 (PMID 25730442)"),
        },
        {
          name: "T8_PD1",
          value: 3.1e3 * 20 * 0.45,
          unit: "molecule",
          description: "PD-1 molecules per CD8+ T cell (3.1e3·20·0.45 in QSP-IO)",
          source: lit(
            "Cheng et al. 2013 (PMID 23417675); Mkrtichyan 2012 (PMID 22837483); Gatalica 2014 (PMID 25392179)",
          ),
        },
        {
          name: "C_PDL1",
          value: (8e4 * 20 * 0.45) / 6,
          unit: "molecule",
          description: "Baseline PD-L1 molecules per cancer cell (8e4·20/6·0.45 in QSP-IO)",
          source: lit(
            "Cheng 2013 (PMID 23417675); Mkrtichyan 2012; Shin 2017 (PMID 27903500); Gatalica 2014",
          ),
        },
        {
          name: "r_PDL2C",
          value: 0.07,
          unit: "1",
          description: "PD-L2/PD-L1 ratio on cancer cells",
          source: lit("Cheng et al. 2013 (PMID 23417675)"),
        },
        {
          name: "kon_PD1_PDL1_3D",
          value: 0.18,
          unit: "1/(uM*s)",
          description: "PD-1–PD-L1 association rate (3-D)",
          source: lit("Cheng et al. 2013 (PMID 23417675)"),
        },
        {
          name: "kd_PD1_PDL1",
          value: 8.2,
          unit: "uM",
          description: "PD-1–PD-L1 dissociation constant (3-D)",
          source: lit("Cheng et al. 2013 (PMID 23417675)"),
        },
        {
          name: "kon_PD1_PDL2_3D",
          value: 0.24,
          unit: "1/(uM*s)",
          description: "PD-1–PD-L2 association rate (3-D)",
          source: lit("Cheng et al. 2013 (PMID 23417675)"),
        },
        {
          name: "kd_PD1_PDL2",
          value: 2.3,
          unit: "uM",
          description: "PD-1–PD-L2 dissociation constant (3-D)",
          source: lit("Cheng et al. 2013 (PMID 23417675)"),
        },
        {
          name: "kon_PD1_aPD1",
          value: 6.7e5,
          unit: "1/(M*s)",
          description: "Anti-PD-1 association rate",
          source: lit("Wang et al. 2014 (PMID 24872026); Brown et al. 2020 (PMID 32134960)"),
        },
        {
          name: "kd_PD1_aPD1",
          value: 4,
          unit: "nM",
          description: "Anti-PD-1 dissociation constant",
          source: lit("Wang et al. 2014 (PMID 24872026); Brown et al. 2020 (PMID 32134960)"),
        },
        {
          name: "Chi_PD1_aPD1_3D",
          value: 100,
          unit: "1",
          description: "Antibody cross-arm binding efficiency (3-D; divided by d_syn for the synapse)",
          source: {
            kind: "assumed",
            note: "QSP-IO estimate 'based on Wang 2014 (PMID 24872026)'; not measured.",
          },
        },
        {
          name: "aPD1",
          value: 0,
          unit: "nM",
          description: "Free anti-PD-1 concentration available to the synapse (input from a PK module)",
          source: {
            kind: "assumed",
            note: "Scenario input: 0 = no drug; QSP-IO computes it as tumour aPD1 over the available volume fraction.",
          },
          min: 0,
        },
      ],
      processes: [
        {
          name: "PD1_PDL1_binding",
          rate: "kon_PD1_PDL1_3D/d_syn*PD1*PDL1 - kon_PD1_PDL1_3D*kd_PD1_PDL1*PD1_PDL1",
          changes: { PD1: -1, PDL1: -1, PD1_PDL1: 1 },
          evidence: ["sove2020", "milberg2019", "cheng2013", "review:25"],
          description: "Reversible PD-1–PD-L1 binding in the synapse (koff = kon·kd).",
        },
        {
          name: "PD1_PDL2_binding",
          rate: "kon_PD1_PDL2_3D/d_syn*PD1*PDL2 - kon_PD1_PDL2_3D*kd_PD1_PDL2*PD1_PDL2",
          changes: { PD1: -1, PDL2: -1, PD1_PDL2: 1 },
          evidence: ["sove2020", "milberg2019", "cheng2013"],
          description: "Reversible PD-1–PD-L2 binding in the synapse.",
        },
        {
          name: "PD1_aPD1_binding",
          rate: "2*kon_PD1_aPD1*PD1*aPD1 - kon_PD1_aPD1*kd_PD1_aPD1*PD1_aPD1",
          changes: { PD1: -1, PD1_aPD1: 1 },
          evidence: ["sove2020", "milberg2019", "review:25"],
          description: "First arm of the bivalent antibody binds PD-1 (factor 2: two arms).",
        },
        {
          name: "PD1_aPD1_crossarm",
          rate: "Chi_PD1_aPD1_3D/d_syn*kon_PD1_aPD1*PD1*PD1_aPD1 - 2*kon_PD1_aPD1*kd_PD1_aPD1*PD1_aPD1_PD1",
          changes: { PD1: -1, PD1_aPD1: -1, PD1_aPD1_PD1: 1 },
          evidence: ["sove2020", "milberg2019"],
          description:
            "The free arm of bound anti-PD-1 captures a second PD-1 (factor 2 on unbinding: two arms).",
        },
      ],
      observables: [
        {
          name: "PD1_ligated",
          expression: "PD1_PDL1 + PD1_PDL2",
          unit: "molecule/um^2",
          description: "PD-1 engaged by its ligands (the inhibitory signal).",
        },
        {
          name: "PD1_occupancy",
          expression: "(PD1_aPD1 + 2*PD1_aPD1_PD1)/(PD1 + PD1_ligated + PD1_aPD1 + 2*PD1_aPD1_PD1)",
          unit: "1",
          description: "Fraction of synapse PD-1 bound by anti-PD-1.",
        },
      ],
    },
    {
      name: "killing",
      description:
        "Cancer cells killed by CD8+ T cells, inhibited by PD-1 ligation through a Hill function (QSP-IO H_PD1).",
      compartments: [
        {
          name: "tumour",
          size: 1,
          unit: "mL",
          description: "Tumour (cells counted; the volume does not enter the rates).",
          source: {
            kind: "assumed",
            note: "bookkeeping only: species are cell counts and no rate uses the tumour volume, so 1 mL changes nothing",
          },
        },
      ],
      species: [
        {
          name: "C",
          compartment: "tumour",
          unit: "cell",
          initial: 1e8,
          description: "Cancer cells (assumed initial burden).",
        },
        {
          name: "Teff",
          compartment: "tumour",
          unit: "cell",
          initial: 1e7,
          description: "Effector CD8+ T cells in the tumour (held constant here).",
        },
      ],
      parameters: [
        {
          name: "PD1_50",
          value: 6,
          unit: "molecule/um^2",
          description: "Ligated PD-1 density for half-maximal inhibition of killing",
          source: lit("Jafarnejad et al. 2019 (PMID 31236847)"),
        },
        {
          name: "n_PD1",
          value: 2,
          unit: "1",
          description: "Hill coefficient of PD-1 inhibition",
          source: { kind: "assumed", note: "QSP-IO lists it as '(estimated)'." },
        },
        {
          name: "k_C_Tcell",
          value: 0.9,
          unit: "1/day",
          description: "Maximal rate of cancer-cell death by T cells",
          source: lit("Robertson-Tessi et al. 2012 (PMID 22051568)"),
        },
        {
          name: "K_T_C",
          value: 1.2,
          unit: "1",
          description: "Cancer-cell weight in the T-cell saturation term",
          source: lit("Robertson-Tessi et al. 2012 (PMID 22051568)"),
        },
        {
          name: "k_C_growth",
          value: 0.0072,
          unit: "1/day",
          description: "Cancer-cell growth rate",
          source: lit("Ryu et al. 2014 (PMID 24895040); Desai et al. 2006 (PMID 16489089)"),
        },
        {
          name: "k_C_death",
          value: 0.0001,
          unit: "1/day",
          description: "Cancer-cell natural death rate",
          source: lit("Palsson et al. 2013 (PMID 24074340)"),
        },
        {
          name: "cell",
          value: 1,
          unit: "cell",
          description: "One cell, keeps the saturation term finite when both populations vanish",
          source: { kind: "assumed", note: "QSP-IO's unit-cell constant." },
        },
      ],
      processes: [
        {
          name: "cancer_growth",
          rate: "k_C_growth*C",
          changes: { C: 1 },
          evidence: ["sove2020", "wang2021"],
          description: "Cancer-cell proliferation (exponential here).",
        },
        {
          name: "cancer_death",
          rate: "k_C_death*C",
          changes: { C: -1 },
          evidence: ["sove2020", "wang2021"],
          description: "Natural death.",
        },
        {
          name: "cancer_killing",
          rate: "k_C_Tcell*C*Teff/(K_T_C*C + Teff + cell)*(1 - H_PD1)",
          changes: { C: -1 },
          evidence: ["sove2020", "milberg2019", "review:25", "review:10"],
          description:
            "Killing by effector T cells, saturating in T cells per cancer cell, reduced by PD-1 ligation.",
        },
      ],
      observables: [
        {
          name: "H_PD1",
          expression: "hill(PD1_ligated, PD1_50, n_PD1)",
          unit: "1",
          description: "Inhibition of T-cell killing by PD-1 ligation: (x/PD1_50)^n/(1+(x/PD1_50)^n).",
        },
      ],
    },
  ],
};
