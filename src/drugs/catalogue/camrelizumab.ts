import type { DrugRecord } from "../types.js";
import { q, unknown } from "./record-builders.js";
import { BROWN_2020, WANG_2021_CAMRELIZUMAB } from "./sources.js";

export const camrelizumab: DrugRecord = {
  name: "camrelizumab",
  brand: "AiRuiKa",
  target: "PD-1",
  isotype: "IgG4 kappa (humanised)",
  molecularWeightKDa: unknown("kDa", "not checked"),
  kdNanomolar: q(4, "nmol/L", BROWN_2020()),
  regimens: [
    {
      text: "200 mg q2w",
      setting: "NMPA-approved flat dose",
      source: WANG_2021_CAMRELIZUMAB("Abstract"),
      verified: true,
    },
    {
      text: "3 mg/kg q2w",
      setting: "weight-based dose of early trials",
      source: WANG_2021_CAMRELIZUMAB("Abstract"),
      verified: true,
    },
  ],
  pk: {
    available: false,
    reason:
      "Wang 2021 (Acta Pharmacol Sin) fits a two-compartment model with parallel linear and Michaelis–Menten clearance (albumin on CL, weight on Q); its parameter table (searched again 2026-11-25; article PMC8285417 and the 2022 Front Immunol review of anti-PD-1 popPK models, PMC9379304) could not be read here: only abstracts and introductions were readable.",
    partial:
      "Non-compartmental half-life 3–11 days after single doses of 1–10 mg/kg (Wang 2021, Introduction): target-mediated elimination is substantial.",
  },
  evidence: ["wang2021camrelizumab", "brown2020"],
  notes: [],
};
