/**
 * Dendritic cells (cDC1): immature DCs in each lesion take up antigen and migrate to the
 * tumour-draining lymph node. What they do there depends on the signals present when they loaded the
 * antigen. With danger signals — DAMPs from necrotic cells (HMGB1, ATP, calreticulin) [16][17][20],
 * type I IFN via STING [59], TNF-α, and IFN-γ from T and NK cells at work in the lesion — they mature
 * and become immunogenic: they prime effector T cells (./priming.ts). Without them (antigen from the
 * quiet, apoptotic turnover of an untreated tumour) they migrate as steady-state, semi-mature DCs that
 * present the same antigen tolerogenically: cognate naive T cells meeting them are anergised instead of
 * primed. The review states the first half (cryo's antigen + DAMPs promote DC maturation and
 * presentation, §1.1.1 [16][17][20]) and the tolerant state of the untreated tumour microenvironment
 * [6][7]; the tolerogenic branch is the standard steady-state DC biology behind it (form assumed).
 * Structure after the APC module of QSP-IO (Sové 2020) and Kosinsky 2018.
 */
import type { ModuleDecl, ObservableDecl, ProcessDecl, SpeciesDecl } from "../model/types.js";
import { at, slots } from "./lesion-names.js";
import { assumed, param, qspio } from "./sources.js";

const parameters = [
  param(
    "APC0_T",
    4e5,
    "cell/mL",
    "Resting density of DCs in a tumour",
    qspio("APC0_T", "QSP-IO cites doi:10.1016/j.cell.2017.04.014"),
  ),
  param(
    "k_dc_turnover",
    0.25,
    "1/day",
    "Turnover of immature DCs in a lesion (recruitment towards the resting density, and death)",
    assumed(
      "tissue cDC1 live a few days; QSP-IO's k_APC_death (0.01/day) would make recruitment take months",
    ),
  ),
  param(
    "a_dc_recruit",
    2,
    "1",
    "Extra DC recruitment at saturating DAMP or type I IFN signal (relative to resting)",
    assumed("cryoablation increases cDC1 in ablated and distant tumours [18]; magnitude not quantified"),
  ),
  param(
    "k_APC_mat",
    1.5,
    "1/day",
    "Maximal DC maturation rate",
    qspio("k_APC_mat", "QSP-IO cites doi:10.1038/psp.2014.30"),
  ),
  param(
    "k_APC_mig",
    4,
    "1/day",
    "Migration rate of mature DCs to the lymph node",
    qspio("k_APC_mig", "QSP-IO cites doi:10.1016/j.celrep.2016.01.048"),
  ),
  param(
    "k_mdc_death_LN",
    0.3,
    "1/day",
    "Death of mature DCs in the lymph node",
    assumed(
      "mature DCs survive a few days in the lymph node; QSP-IO's 0.02/day would make priming last months",
    ),
  ),
  param(
    "K_antigen",
    1e6,
    "cell/mL",
    "Presentable antigen concentration for half-maximal DC antigen loading",
    assumed(
      "a fraction of a percent of a lesion's cells dying per day loads DCs half-maximally; not measured",
    ),
  ),
  param(
    "dc_basal_maturation",
    0.1,
    "1",
    "Share of antigen-loaded DCs that mature without DAMPs, IFN or TNF (the rest present tolerogenically)",
    assumed("steady-state DC maturation is low; makes effector priming need danger signals"),
    { min: 0, max: 1 },
  ),
  param(
    "i_il10_dc",
    0.7,
    "1",
    "Maximal inhibition of DC maturation by IL-10 [23]",
    assumed("IL-10 is counter-regulatory for DC maturation [23]; magnitude not quantified"),
    { min: 0, max: 1 },
  ),
];

function species(slot: number): SpeciesDecl[] {
  const compartment = at("lesion", slot);
  return [
    {
      name: at("iDC", slot),
      compartment,
      unit: "cell",
      initial: `APC0_T*${at("initial_tumour_cells", slot)}/rho_cell*ml_per_mm3`,
      description: "Immature cDC1 in the lesion",
    },
    {
      name: at("mDC", slot),
      compartment,
      unit: "cell",
      initial: 0,
      description: "Mature antigen-loaded cDC1 in the lesion",
    },
    {
      name: at("tDC", slot),
      compartment,
      unit: "cell",
      initial: 0,
      description: "Antigen-loaded DCs that did not mature (tolerogenic) in the lesion",
    },
  ];
}

function observables(slot: number): ObservableDecl[] {
  const l = (b: string) => at(b, slot);
  return [
    {
      name: l("H_antigen"),
      expression: `${l("presentable_antigen_per_ml")}/(${l("presentable_antigen_per_ml")} + K_antigen)`,
      unit: "1",
      description: "Antigen loading of DCs (0..1)",
    },
    {
      name: l("H_maturation"),
      expression: `(1 - (1 - dc_basal_maturation)*(1 - ${l("H_DAMP")})*(1 - ${l("H_IFN1")})*(1 - ${l("H_TNFa")})*(1 - ${l("H_IFNg")}))*(1 - i_il10_dc*${l("H_IL10")})`,
      unit: "1",
      description:
        "Share of antigen-loaded DCs that mature: DAMPs, type I IFN, TNF-α, IFN-γ; IL-10 inhibits (0..1)",
    },
  ];
}

function processes(slot: number): ProcessDecl[] {
  const l = (b: string) => at(b, slot);
  return [
    {
      name: l("dc_recruitment"),
      rate: `k_dc_turnover*APC0_T*${l("volume_ml")}*(1 + a_dc_recruit*(${l("H_DAMP")} + ${l("H_IFN1")})/2)`,
      changes: { [l("iDC")]: 1 },
      evidence: ["review:18", "sove2020"],
      description: "Recruitment of immature cDC1, increased by DAMPs and type I IFN",
    },
    {
      name: l("dc_death"),
      rate: `k_dc_turnover*${l("iDC")}`,
      changes: { [l("iDC")]: -1 },
      evidence: ["sove2020"],
      description: "Death or departure of immature DCs",
    },
    {
      name: l("dc_maturation"),
      rate: `k_APC_mat*${l("iDC")}*${l("H_antigen")}*${l("H_maturation")}`,
      changes: { [l("iDC")]: -1, [l("mDC")]: 1 },
      evidence: ["review:16", "review:17", "review:20", "review:59", "sove2020"],
      description:
        "Antigen uptake with maturation (DAMPs, STING/type I IFN, TNF-α, IFN-γ; IL-10 inhibits): immunogenic DCs",
    },
    {
      name: l("dc_tolerogenic_loading"),
      rate: `k_APC_mat*${l("iDC")}*${l("H_antigen")}*(1 - ${l("H_maturation")})`,
      changes: { [l("iDC")]: -1, [l("tDC")]: 1 },
      evidence: ["review:6", "review:7", "review:16"],
      description:
        "Antigen uptake without danger signals (apoptotic, DAMP-poor tumour death): DCs stay immature, tolerogenic",
    },
    {
      name: l("tdc_migration"),
      rate: `k_APC_mig*${l("tDC")}`,
      changes: { [l("tDC")]: -1, tDC_LN: 1 },
      evidence: ["review:6", "sove2020"],
      description: "Steady-state migration of antigen-bearing immature DCs to the lymph node",
    },
    {
      name: l("dc_migration"),
      rate: `k_APC_mig*${l("mDC")}`,
      changes: { [l("mDC")]: -1, mDC_LN: 1 },
      evidence: ["review:58", "sove2020"],
      description: "Mature DCs migrate to the tumour-draining lymph node",
    },
  ];
}

export function dendriticCellsModule(lesionCount: number): ModuleDecl {
  return {
    name: "dendritic-cells",
    description: "cDC1 uptake of antigen, maturation and migration to the lymph node",
    parameters,
    species: [
      ...slots(lesionCount).flatMap(species),
      {
        name: "mDC_LN",
        compartment: "lymph_node",
        unit: "cell",
        initial: 0,
        description: "Mature DCs in the tumour-draining lymph node",
      },
      {
        name: "tDC_LN",
        compartment: "lymph_node",
        unit: "cell",
        initial: 0,
        description: "Tolerogenic (immature, antigen-bearing) DCs in the tumour-draining lymph node",
      },
    ],
    processes: [
      ...slots(lesionCount).flatMap(processes),
      {
        name: "dc_death_LN",
        rate: "k_mdc_death_LN*mDC_LN",
        changes: { mDC_LN: -1 },
        evidence: ["sove2020"],
        description: "Death of mature DCs in the lymph node",
      },
      {
        name: "tdc_death_LN",
        rate: "k_mdc_death_LN*tDC_LN",
        changes: { tDC_LN: -1 },
        evidence: ["sove2020"],
        description: "Death of tolerogenic DCs in the lymph node (same lifetime as mature DCs, assumed)",
      },
    ],
    observables: slots(lesionCount).flatMap(observables),
  };
}
