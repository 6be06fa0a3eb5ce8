import type { DrugRecord } from "../types.js";
import {
  mlPerHourToLPerDay,
  powerEffect,
  q,
  unknown,
  variabilityFromOmegaSquared,
} from "./record-builders.js";
import { FENG_2014, LABEL } from "./sources.js";

const LABEL_YERVOY = (location?: string) =>
  LABEL(
    "YERVOY (ipilimumab)",
    location,
    "checked against the label excerpt in Oncologist 2021;26(9):797-806, Table 2 (FDA approval summary)",
  );

export const ipilimumab: DrugRecord = {
  name: "ipilimumab",
  brand: "Yervoy",
  target: "CTLA-4",
  isotype: "IgG1 kappa (human)",
  molecularWeightKDa: q(148.6, "kDa", {
    kind: "literature",
    citation: "ipilimumab molecular formula C6742H9972N1732O2004S40 (INN/KEGG D04603)",
    note: "molar mass 148 634.9 g/mol",
  }),
  kdNanomolar: unknown(
    "nmol/L",
    "He M, et al. Oncotarget 2017;8:67129 compares ipilimumab and tremelimumab binding (similar affinity); value not transcribed",
  ),
  regimens: [
    {
      text: "3 mg/kg q3w x4 over 90 min",
      setting: "melanoma (4 induction doses)",
      source: {
        kind: "literature",
        citation:
          "Trinh VA, Hagen B. Ipilimumab for advanced melanoma: a pharmacologic perspective. J Oncol Pharm Pract 2013;19(3):195-201",
        location: "Abstract",
      },
      verified: true,
    },
    {
      text: "nivolumab 240 mg q2w + ipilimumab 1 mg/kg q6w",
      setting: "NSCLC (CheckMate 227)",
      source: LABEL_YERVOY("section 2"),
      verified: false,
    },
  ],
  pk: {
    structure: "two-compartment",
    model: FENG_2014(),
    clLPerDay: q(mlPerHourToLPerDay(15.0), "L/day", FENG_2014("Table 2: CL_REF = 0.0150 L/h")),
    vcL: q(4.15, "L", FENG_2014("Table 2: Vc_REF")),
    qLPerDay: q(mlPerHourToLPerDay(41.1), "L/day", FENG_2014("Table 2: Q_REF = 0.0411 L/h")),
    vpL: q(3.11, "L", FENG_2014("Table 2: Vp_REF")),
    referenceWeightKg: 80,
    referencePatient: "80 kg, LDH 206 IU/L (Feng 2014 Table 2 footnote)",
    covariates: [
      powerEffect("cl", "weightKg", 0.642, 80, FENG_2014("Table 2: CL_BW")),
      powerEffect("vc", "weightKg", 0.708, 80, FENG_2014("Table 2: Vc_BW")),
    ],
    variability: [
      variabilityFromOmegaSquared("cl", 0.125, FENG_2014("Table 2: ω²_CL")),
      variabilityFromOmegaSquared("vc", 0.0223, FENG_2014("Table 2: ω²_Vc")),
    ],
    publishedHalfLifeDays: {
      ...q(15.4, "day", LABEL_YERVOY("section 12.3: mean terminal t½ 15.4 days (CV 34 %)")),
      range: [12.3, 18.5],
    },
  },
  evidence: ["feng2014"],
  notes: [
    "Mean Cmin at steady state 19.4 µg/mL at 3 mg/kg q3w and 58.1 µg/mL at 10 mg/kg q3w; mean CL 16.8 mL/h (CV 38 %) (label, via Oncologist 2021 Table 2).",
    "Feng 2014: PK linear and time-invariant over 0.3–10 mg/kg; LDH effect on CL not included here.",
  ],
};
