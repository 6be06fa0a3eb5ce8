import type { DrugRecord } from "../types.js";
import { powerEffect, q, unknown, variabilityFromOmegaSquared } from "./record-builders.js";
import { HWANG_2023, LABEL } from "./sources.js";

const LABEL_IMJUDO = (location?: string) => LABEL("IMJUDO (tremelimumab-actl)", location);

export const tremelimumab: DrugRecord = {
  name: "tremelimumab",
  brand: "Imjudo",
  target: "CTLA-4",
  isotype: "IgG2 kappa (human)",
  molecularWeightKDa: unknown("kDa", "not checked; label section 11"),
  kdNanomolar: unknown(
    "nmol/L",
    "He M, et al. Oncotarget 2017;8:67129 report binding similar to ipilimumab; value not transcribed",
  ),
  regimens: [
    {
      text: "tremelimumab 300 mg once + durvalumab 1500 mg q4w over 60 min",
      setting: "HCC, STRIDE regimen (single priming dose)",
      source: LABEL_IMJUDO("section 2"),
      verified: false,
    },
    {
      text: "75 mg q3w x4 over 60 min",
      setting: "NSCLC with durvalumab and chemotherapy (plus a fifth dose at week 16 in the label)",
      source: LABEL_IMJUDO("section 2"),
      verified: false,
    },
  ],
  pk: {
    structure: "two-compartment",
    model: HWANG_2023(),
    clLPerDay: q(0.276, "L/day", HWANG_2023("Table 3: CL")),
    vcL: q(3.64, "L", HWANG_2023("Table 3: Vc")),
    qLPerDay: q(0.357, "L/day", HWANG_2023("Table 3: Q")),
    vpL: q(2.4, "L", HWANG_2023("Table 3: Vp")),
    timeVaryingClearance: {
      emax: q(-0.187, "1", HWANG_2023("Table 3: Tmax, combination with durvalumab")),
      t50Days: q(95.1, "day", HWANG_2023("Table 3: TC50 (common)")),
      hill: q(3.2, "1", HWANG_2023("Table 3: λ, combination with durvalumab")),
    },
    referenceWeightKg: 71,
    referenceAlbuminGPerL: 39,
    referencePatient:
      "71 kg, albumin 39 g/L, given with durvalumab (the monotherapy time course differs: Tmax +0.151, λ 14.5)",
    covariates: [
      powerEffect("cl", "weightKg", 0.638, 71, HWANG_2023("Table 3: WT on CL")),
      powerEffect("vc", "weightKg", 0.606, 71, HWANG_2023("Table 3: WT on Vc")),
      powerEffect("cl", "albuminGPerL", -0.996, 39, HWANG_2023("Table 3: ALB on CL")),
    ],
    variability: [
      variabilityFromOmegaSquared("cl", 0.113, HWANG_2023("Table 3: ω²_CL")),
      variabilityFromOmegaSquared("vc", 0.0536, HWANG_2023("Table 3: ω²_Vc")),
    ],
    publishedHalfLifeDays: {
      ...q(18, "day", HWANG_2023("Results: baseline half-life about 18 days")),
      range: [14.4, 21.6],
    },
  },
  evidence: ["hwang2023"],
  notes: [
    "Time-varying clearance parameters are those for combination with durvalumab, the labelled use.",
    "Predicted Cmin1 of the STRIDE regimen (300 mg once) 12.9 µg/mL (Song X, et al. Clin Cancer Res 2023;29:754-763, abstract); checked as the day-28 level.",
  ],
};
