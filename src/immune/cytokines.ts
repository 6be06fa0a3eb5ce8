/**
 * Cytokines, per lesion (pg/mL of lesion) and in the blood (pg/mL of plasma): IL-1β, TNF-α, IFN-γ
 * (pro-inflammatory pulse after cryoablation [19][23]), IL-10 (counter-regulatory [23]), TGF-β
 * (suppressive; necrotic tissue releases latent TGF-β; cryo lowers its signalling [22]) and type I IFN
 * from STING sensing of tumour DNA in dying cells [59]. Lesion cytokines drain into the blood.
 * Secretion rates are not measured per cell for this setting: each is assumed so that the lesion's
 * resting level is of the order of its half-maximal constant, and says so.
 */
import type { ModuleDecl, ObservableDecl, ProcessDecl, SpeciesDecl } from "../model/types.js";
import { at, slots } from "./lesion-names.js";
import { assumed, fitted, param, qspio } from "./sources.js";

interface CytokineSpec {
  /** Species base name. */
  name: string;
  label: string;
  /** Producers: [cell species base, secretion parameter]. */
  producers: { cell: string; parameter: string; factor?: (slot: number) => string }[];
  K: number;
  evidence: string[];
  /** Blood pool (with resting level, pg/mL) or none. */
  blood?: { resting: number; note: string };
}

const CYTOKINES: CytokineSpec[] = [
  {
    name: "IL1b",
    label: "IL-1β",
    producers: [
      { cell: "M1", parameter: "s_il1b_m1" },
      { cell: "Neu", parameter: "s_il1b_neutrophil" },
      { cell: "DAMP", parameter: "s_il1b_damp" },
    ],
    K: 10,
    evidence: ["review:19", "review:23"],
    blood: { resting: 1, note: "healthy plasma IL-1β is around or below 1 pg/mL (assay-dependent)" },
  },
  {
    name: "TNFa",
    label: "TNF-α",
    producers: [
      { cell: "M1", parameter: "s_tnfa_m1" },
      { cell: "CD8", parameter: "s_tnfa_cd8" },
      { cell: "NK", parameter: "s_tnfa_nk" },
      { cell: "DAMP", parameter: "s_tnfa_damp" },
    ],
    K: 10,
    evidence: ["review:19", "review:23"],
    blood: { resting: 5, note: "healthy plasma TNF-α is a few pg/mL (assay-dependent)" },
  },
  {
    name: "IFNg",
    label: "IFN-γ",
    producers: [
      { cell: "CD8", parameter: "s_ifng_cd8" },
      { cell: "Th", parameter: "s_ifng_th" },
      { cell: "NK", parameter: "s_ifng_nk" },
    ],
    K: 10,
    evidence: ["review:18", "review:19", "review:23"],
    blood: { resting: 5, note: "healthy plasma IFN-γ is a few pg/mL (assay-dependent)" },
  },
  {
    name: "IL10",
    label: "IL-10",
    producers: [
      {
        cell: "M2",
        parameter: "s_il10_m2",
        factor: (s) => `(1 + a_il10_inflammation*(${at("H_IL1b", s)} + ${at("H_TNFa", s)})/2)`,
      },
      { cell: "Treg", parameter: "s_il10_treg" },
      { cell: "MDSC", parameter: "s_il10_mdsc" },
    ],
    K: 10,
    evidence: ["review:23"],
    blood: { resting: 3, note: "healthy plasma IL-10 is a few pg/mL (assay-dependent)" },
  },
  {
    name: "TGFb",
    label: "TGF-β",
    producers: [
      { cell: "C", parameter: "s_tgfb_tumour" },
      { cell: "Cr", parameter: "s_tgfb_tumour" },
      { cell: "Treg", parameter: "s_tgfb_treg" },
      { cell: "M2", parameter: "s_tgfb_m2" },
    ],
    K: 100,
    evidence: ["review:22", "review:30"],
    blood: {
      resting: 2000,
      note: "plasma TGF-β1 is of the order of ng/mL (strongly assay- and platelet-dependent)",
    },
  },
  {
    name: "IFN1",
    label: "type I IFN",
    producers: [{ cell: "DAMP", parameter: "s_ifn1_sting", factor: () => "sting_competence" }],
    K: 10,
    evidence: ["review:59"],
  },
];

const secretion = (name: string, value: number, what: string, note: string) =>
  param(name, value, "pg/day/cell", what, assumed(note));

const parameters = [
  param(
    "k_cytokine_deg",
    2,
    "1/day",
    "Local consumption and degradation of cytokines",
    qspio("k_c", "cytokine time constant; QSP-IO cites doi:10.1038/psp.2014.30"),
  ),
  param(
    "k_cytokine_drain",
    0.5,
    "1/day",
    "Drainage of lesion cytokines into the blood",
    assumed("lymphatic and venous drainage over about two days"),
  ),
  param(
    "k_cytokine_blood",
    10,
    "1/day",
    "Clearance of cytokines from plasma",
    assumed("plasma half-lives of hours (latent TGF-β ~100 min in rats, Wakefield 1990)"),
  ),
  secretion(
    "s_il1b_m1",
    1.25e-6,
    "IL-1β secretion per M1 macrophage",
    "about 2 pg/mL at the resting M1 density",
  ),
  secretion(
    "s_il1b_neutrophil",
    1e-6,
    "IL-1β secretion per neutrophil",
    "about 1 pg/mL at the resting neutrophil density",
  ),
  secretion(
    "s_il1b_damp",
    4e-7,
    "IL-1β released per necrotic-cell-equivalent of DAMP (inflammasome)",
    "about 100 pg/mL right after ablating a large lesion",
  ),
  secretion("s_tnfa_m1", 1e-6, "TNF-α secretion per M1 macrophage", "a few pg/mL at rest"),
  secretion(
    "s_tnfa_cd8",
    1e-6,
    "TNF-α secretion per effector CD8 cell",
    "adds a few pg/mL in an inflamed lesion",
  ),
  secretion("s_tnfa_nk", 1e-6, "TNF-α secretion per NK cell", "minor contribution"),
  secretion(
    "s_tnfa_damp",
    2e-7,
    "TNF-α released per necrotic-cell-equivalent of DAMP",
    "about 50 pg/mL right after ablating a large lesion",
  ),
  secretion("s_ifng_cd8", 5e-6, "IFN-γ secretion per effector CD8 cell", "about 20 pg/mL at 1e7 CD8/mL"),
  secretion(
    "s_ifng_th",
    5e-6,
    "IFN-γ secretion per helper CD4 cell",
    "same as an effector CD8 cell (no separate value)",
  ),
  secretion("s_ifng_nk", 5e-6, "IFN-γ secretion per NK cell", "about 2 pg/mL at the resting NK density"),
  secretion(
    "s_il10_m2",
    8e-7,
    "IL-10 secretion per M2 macrophage",
    "about 5 pg/mL at the resting M2 density",
  ),
  param(
    "a_il10_inflammation",
    3,
    "1",
    "Extra IL-10 from macrophages at saturating IL-1β/TNF-α (counter-regulation) [23]",
    assumed("IL-10 rises after cryo [23]; magnitude assumed"),
  ),
  secretion("s_il10_treg", 5e-6, "IL-10 secretion per Treg", "minor at resting Treg numbers"),
  secretion(
    "s_il10_mdsc",
    1e-6,
    "IL-10 secretion per MDSC",
    "a minor source next to M2 macrophages; not measured",
  ),
  secretion(
    "s_tgfb_tumour",
    1.25e-7,
    "TGF-β secretion per tumour cell",
    "about 50 pg/mL in a lesion at 1e9 cells/mL",
  ),
  secretion(
    "s_tgfb_treg",
    5e-6,
    "TGF-β secretion per Treg",
    "a minor source next to tumour cells; not measured",
  ),
  secretion(
    "s_tgfb_m2",
    1e-6,
    "TGF-β secretion per M2 macrophage",
    "about 15 pg/mL at the resting M2 density",
  ),
  secretion(
    "s_ifn1_sting",
    2e-7,
    "Type I IFN per necrotic-cell-equivalent of DAMP via STING",
    "about 50 pg/mL right after ablating a large lesion",
  ),
  param(
    "sting_competence",
    1,
    "1",
    "STING pathway competence (1 intact; silenced STING lowers it) [59]",
    assumed("tumours can silence cGAS-STING"),
    { distribution: { kind: "uniform", min: 0.2, max: 1 }, min: 0, max: 1 },
  ),
  param(
    "tgfb_latent_per_necrotic_cell",
    0.56,
    "pg/cell",
    "Latent TGF-β set free in the lesion per cell killed by necrosis at ablation (tissue damage releases stored TGF-β)",
    fitted("day-3 rise of treg-lung-cryo (src/immune/calibration-targets.ts)"),
  ),
  param(
    "s_ifng_blood_cd8",
    5e-6,
    "pg/day/cell",
    "IFN-γ secretion per circulating effector CD8 cell",
    assumed("same per-cell secretion as in lesions"),
  ),
  param(
    "K_TGFb_kill",
    200,
    "pg/mL",
    "Lesion TGF-β for half-maximal inhibition of killing",
    assumed("well above the resting lesion level, so TGF-β inhibits partly"),
  ),
  ...CYTOKINES.map((c) =>
    param(
      `K_${c.name}`,
      c.K,
      "pg/mL",
      `${c.label} for half-maximal effect`,
      assumed("of the order of the resting lesion level"),
    ),
  ),
  ...CYTOKINES.filter((c) => c.blood).map((c) =>
    param(
      `${c.name}_B_rest`,
      c.blood!.resting,
      "pg/mL",
      `Resting plasma ${c.label} without tumour contribution`,
      assumed(c.blood!.note),
    ),
  ),
];

function lesionSpecies(slot: number): SpeciesDecl[] {
  return CYTOKINES.map((c) => ({
    name: at(c.name, slot),
    compartment: at("lesion", slot),
    unit: "pg/mL",
    initial: 0,
    description: `${c.label} in the lesion`,
  }));
}

function lesionObservables(slot: number): ObservableDecl[] {
  const hill = (name: string, K: string, label: string): ObservableDecl => ({
    name: at(`H_${name}`, slot),
    expression: `${at(name, slot)}/(${at(name, slot)} + ${K})`,
    unit: "1",
    description: `${label} signal (0..1)`,
  });
  return [
    ...CYTOKINES.map((c) => hill(c.name, `K_${c.name}`, c.label)),
    {
      name: at("H_TGFb_kill", slot),
      expression: `${at("TGFb", slot)}/(${at("TGFb", slot)} + K_TGFb_kill)`,
      unit: "1",
      description: "TGF-β inhibition of killing (0..1)",
    },
  ];
}

function lesionProcesses(slot: number): ProcessDecl[] {
  const l = (b: string) => at(b, slot);
  return CYTOKINES.flatMap((c): ProcessDecl[] => {
    const production = c.producers
      .map((p) => `${p.parameter}*${l(p.cell)}${p.factor ? `*${p.factor(slot)}` : ""}`)
      .join(" + ");
    const out: ProcessDecl[] = [
      {
        name: l(`${c.name}_secretion`),
        rate: `(${production})/${l("volume_ml")}`,
        changes: { [l(c.name)]: 1 },
        evidence: c.evidence,
        description: `${c.label} secretion in the lesion by ${c.producers.map((p) => p.cell).join(", ")}`,
      },
      {
        name: l(`${c.name}_decay`),
        rate: `k_cytokine_deg*${l(c.name)}`,
        changes: { [l(c.name)]: -1 },
        evidence: ["sove2020"],
        description: `${c.label} consumption and degradation`,
      },
      {
        name: l(`${c.name}_drainage`),
        rate: `k_cytokine_drain*${l(c.name)}`,
        changes: { [l(c.name)]: -1 },
        evidence: ["review:23"],
        description: `${c.label} leaves the lesion for the blood`,
      },
    ];
    if (c.blood)
      out.push({
        name: l(`${c.name}_to_blood`),
        rate: `k_cytokine_drain*${l(c.name)}*${l("volume_ml")}/V_blood`,
        changes: { [`${c.name}_B`]: 1 },
        evidence: ["review:23"],
        description: `${c.label} drained from the lesion arrives in the blood (diluted into the plasma volume)`,
      });
    return out;
  });
}

function bloodSpecies(): SpeciesDecl[] {
  return CYTOKINES.filter((c) => c.blood).map((c) => ({
    name: `${c.name}_B`,
    compartment: "blood",
    unit: "pg/mL",
    initial: `${c.name}_B_rest`,
    description: `${c.label} in the plasma`,
  }));
}

function bloodProcesses(): ProcessDecl[] {
  const out: ProcessDecl[] = [];
  for (const c of CYTOKINES.filter((x) => x.blood)) {
    out.push(
      {
        name: `${c.name}_blood_basal`,
        rate: `k_cytokine_blood*${c.name}_B_rest`,
        changes: { [`${c.name}_B`]: 1 },
        evidence: c.evidence,
        description: `Resting production of plasma ${c.label} (not from the tumour)`,
      },
      {
        name: `${c.name}_blood_clearance`,
        rate: `k_cytokine_blood*${c.name}_B`,
        changes: { [`${c.name}_B`]: -1 },
        evidence: c.evidence,
        description: `Clearance of plasma ${c.label}`,
      },
    );
  }
  out.push({
    name: "IFNg_blood_cd8_secretion",
    rate: "s_ifng_blood_cd8*CD8_B/V_blood",
    changes: { IFNg_B: 1 },
    evidence: ["review:19"],
    description: "Circulating effector CD8 cells secrete IFN-γ",
  });
  return out;
}

export function cytokinesModule(lesionCount: number): ModuleDecl {
  return {
    name: "cytokines",
    description: "IL-1β, TNF-α, IFN-γ, IL-10, TGF-β and type I IFN (STING) in lesions and blood",
    parameters,
    species: [...slots(lesionCount).flatMap(lesionSpecies), ...bloodSpecies()],
    observables: [
      ...slots(lesionCount).flatMap(lesionObservables),
      {
        name: "H_TGFb_B",
        expression: "TGFb_B/(TGFb_B + K_TGFb_conversion)",
        unit: "1",
        description: "Blood TGF-β signal for Treg conversion (0..1)",
      },
    ],
    processes: [...slots(lesionCount).flatMap(lesionProcesses), ...bloodProcesses()],
  };
}
