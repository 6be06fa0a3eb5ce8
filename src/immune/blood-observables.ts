/**
 * What is measured in blood and lesions, under the names the CLI and the trajectory report:
 * treg_pct_cd4_blood, cd8_per_mm3_<lesion>, diameter_mm_<lesion> (./tumour.ts), cytokine levels.
 */
import type { ModuleDecl, ObservableDecl } from "../model/types.js";
import { at, slots } from "./lesion-names.js";

function lesionObservables(slot: number): ObservableDecl[] {
  const l = (b: string) => at(b, slot);
  const perMm3 = (name: string, cells: string, what: string): ObservableDecl => ({
    name: l(name),
    expression: `${cells}/${l("volume_mm3")}`,
    unit: "cell/mm^3",
    description: what,
  });
  return [
    perMm3("cd8_per_mm3", l("CD8"), "Effector CD8 T cells per mm³ of lesion"),
    perMm3("treg_per_mm3", l("Treg"), "Tregs per mm³ of lesion"),
    perMm3("nk_per_mm3", l("NK"), "NK cells per mm³ of lesion"),
    perMm3("mdsc_per_mm3", l("MDSC"), "MDSCs per mm³ of lesion"),
    perMm3("m1_per_mm3", l("M1"), "M1-like macrophages per mm³ of lesion"),
    perMm3("m2_per_mm3", l("M2"), "M2-like macrophages per mm³ of lesion"),
    perMm3("dc_mature_per_mm3", l("mDC"), "Mature DCs per mm³ of lesion"),
    { name: l("ifng_pg_per_ml"), expression: l("IFNg"), unit: "pg/mL", description: "IFN-γ in the lesion" },
    { name: l("il1b_pg_per_ml"), expression: l("IL1b"), unit: "pg/mL", description: "IL-1β in the lesion" },
    { name: l("tnfa_pg_per_ml"), expression: l("TNFa"), unit: "pg/mL", description: "TNF-α in the lesion" },
    { name: l("il10_pg_per_ml"), expression: l("IL10"), unit: "pg/mL", description: "IL-10 in the lesion" },
    { name: l("tgfb_pg_per_ml"), expression: l("TGFb"), unit: "pg/mL", description: "TGF-β in the lesion" },
    {
      name: l("ifn1_pg_per_ml"),
      expression: l("IFN1"),
      unit: "pg/mL",
      description: "Type I IFN in the lesion",
    },
    {
      name: l("pdl1_expression"),
      expression: l("PDL1"),
      unit: "1",
      description: "PD-L1 expression in the lesion (relative)",
    },
  ];
}

export function bloodObservablesModule(lesionCount: number): ModuleDecl {
  return {
    name: "blood-observables",
    description: "Blood measurements and per-lesion densities",
    observables: [
      {
        name: "treg_pct_cd4_blood",
        expression: "100*Treg_B/(Treg_B + CD4_B + Th_B)",
        unit: "1",
        description: "Tregs (CD4+CD25hi CD127lo/-) as % of CD4 T cells in the blood",
      },
      { name: "ifng_pg_per_ml_blood", expression: "IFNg_B", unit: "pg/mL", description: "Plasma IFN-γ" },
      { name: "il10_pg_per_ml_blood", expression: "IL10_B", unit: "pg/mL", description: "Plasma IL-10" },
      { name: "il1b_pg_per_ml_blood", expression: "IL1b_B", unit: "pg/mL", description: "Plasma IL-1β" },
      { name: "tnfa_pg_per_ml_blood", expression: "TNFa_B", unit: "pg/mL", description: "Plasma TNF-α" },
      { name: "tgfb_pg_per_ml_blood", expression: "TGFb_B", unit: "pg/mL", description: "Plasma TGF-β" },
      {
        name: "cd8_effector_per_ml_blood",
        expression: "CD8_B/V_blood",
        unit: "cell/mL",
        description: "Tumour-specific effector CD8 cells per mL of blood",
      },
      ...slots(lesionCount).flatMap(lesionObservables),
    ],
  };
}
