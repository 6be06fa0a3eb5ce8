import type { DrugRecord } from "../types.js";
import { unknown } from "./record-builders.js";
import { LABEL, LI_2023_TORIPALIMAB } from "./sources.js";

export const toripalimab: DrugRecord = {
  name: "toripalimab",
  brand: "Loqtorzi",
  target: "PD-1",
  isotype: "IgG4 kappa (humanised)",
  molecularWeightKDa: unknown("kDa", "not checked; label section 11"),
  kdNanomolar: unknown("nmol/L", "not in the Brown 2020 panel; not found"),
  regimens: [
    {
      text: "240 mg q3w",
      setting: "NPC with cisplatin/gemcitabine (US)",
      source: LI_2023_TORIPALIMAB("Abstract"),
      verified: true,
    },
    {
      text: "3 mg/kg q2w",
      setting: "earlier approved regimen (China)",
      source: LI_2023_TORIPALIMAB("Abstract"),
      verified: true,
    },
  ],
  pk: {
    available: false,
    reason:
      "Li 2023 (Front Pharmacol; 1,014 patients, 13 studies) describes a two-compartment model with sigmoid-Emax time-varying clearance; searched again 2026-11-25: the full-text page was found but only its abstract and introduction could be read, not the parameter table.",
    partial: `${LABEL("LOQTORZI (toripalimab-tpzi)").citation}, section 12.3 (seen on a secondary summary, unverified): CL 14.9 mL/h after the first dose and 9.5 mL/h at steady state (0.36 → 0.23 L/day); Vss ≈ 3.7 L; t½ 10 days (first dose) and 18 days (steady state).`,
  },
  evidence: ["li2023toripalimab"],
  notes: [
    "Li 2023 (abstract): first-dose and steady-state exposures of 240 mg Q3W comparable to 3 mg/kg Q2W, 95 % exposure coverage 88–96 %.",
    "Phase I (Chinese patients, 0.3–10 mg/kg and 240 mg q2w): PD-1 occupancy on activated T cells stayed > 80 % from the first dose, including at 0.3 mg/kg (Wei XL, et al. Cancer Commun 2020, abstract).",
  ],
};
