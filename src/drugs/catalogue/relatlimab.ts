import type { DrugRecord } from "../types.js";
import { unknown } from "./record-builders.js";
import { LABEL } from "./sources.js";

/** A next-generation target drug (LAG-3), added as data only: the example of how new targets enter. */
export const relatlimab: DrugRecord = {
  name: "relatlimab",
  brand: "Opdualag (with nivolumab)",
  target: "LAG-3",
  isotype: "IgG4 (human)",
  molecularWeightKDa: unknown("kDa", "not checked"),
  kdNanomolar: unknown("nmol/L", "not checked"),
  regimens: [
    {
      text: "relatlimab 160 mg + nivolumab 480 mg q4w over 30 min",
      setting: "melanoma, fixed-dose combination",
      source: LABEL("OPDUALAG (nivolumab and relatlimab-rmbw)", "section 2"),
      verified: false,
    },
  ],
  pk: { available: false, reason: "Population PK of relatlimab not transcribed." },
  evidence: ["review:28"],
  notes: [],
};
