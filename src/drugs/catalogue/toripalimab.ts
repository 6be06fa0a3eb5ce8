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
      "Li 2023 (Front Pharmacol) describes a two-compartment model with sigmoid-Emax time-varying clearance, but its parameter table was not available here.",
    partial: `${LABEL("LOQTORZI (toripalimab-tpzi)").citation}, section 12.3 (seen on a secondary summary, unverified): CL 14.9 mL/h after the first dose and 9.5 mL/h at steady state (0.36 → 0.23 L/day); Vss ≈ 3.7 L; t½ 10 days (first dose) and 18 days (steady state).`,
  },
  evidence: ["li2023toripalimab"],
  notes: [],
};
