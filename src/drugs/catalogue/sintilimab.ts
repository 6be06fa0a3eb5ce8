import type { DrugRecord } from "../types.js";
import { q, unknown } from "./record-builders.js";
import { BROWN_2020 } from "./sources.js";

export const sintilimab: DrugRecord = {
  name: "sintilimab",
  brand: "Tyvyt",
  target: "PD-1",
  isotype: "IgG4 (human)",
  molecularWeightKDa: unknown("kDa", "not checked"),
  kdNanomolar: { ...q(0.1, "nmol/L", BROWN_2020()), qualifier: "upper-bound" },
  regimens: [
    {
      text: "200 mg q3w",
      setting: "NMPA-approved regimen",
      source: { kind: "literature", citation: "TYVYT (sintilimab) NMPA label", note: "not checked here" },
      verified: false,
    },
  ],
  pk: {
    available: false,
    reason:
      "No population PK parameter set was found for sintilimab (searched again 2026-11-25: no published popPK analysis with a readable parameter table; the 2022 Front Immunol review of anti-PD-1 popPK models lists none for sintilimab in its abstract).",
  },
  evidence: ["brown2020"],
  notes: [],
};
