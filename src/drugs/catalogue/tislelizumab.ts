import type { DrugRecord } from "../types.js";
import { powerEffect, q, unknown, unverified, variabilityCv } from "./record-builders.js";
import { BROWN_2020, BUDHA_2023, LABEL } from "./sources.js";

const LABEL_TEVIMBRA_EU = (location: string) => ({
  kind: "literature" as const,
  citation: "Tevimbra (tislelizumab) EU summary of product characteristics (EMA)",
  location,
  note: "seen through a secondary reproduction of section 5.2",
});

export const tislelizumab: DrugRecord = {
  name: "tislelizumab",
  brand: "Tevimbra",
  target: "PD-1",
  isotype: "IgG4 (humanised, Fc engineered to remove FcγR binding)",
  molecularWeightKDa: unknown("kDa", "not checked; label section 11"),
  kdNanomolar: { ...q(0.1, "nmol/L", BROWN_2020()), qualifier: "upper-bound" },
  regimens: [
    {
      text: "200 mg q3w over 60 min",
      setting: "flat dose used across the development programme",
      source: BUDHA_2023("Table 1 (doses) and label section 2"),
      verified: true,
    },
  ],
  pk: {
    structure: "three-compartment",
    model: BUDHA_2023(),
    clLPerDay: q(0.153, "L/day", BUDHA_2023("Table 3: CL")),
    vcL: q(3.05, "L", BUDHA_2023("Table 3: Vc")),
    qLPerDay: q(0.74, "L/day", BUDHA_2023("Table 3: Q2")),
    vpL: q(1.27, "L", BUDHA_2023("Table 3: V2")),
    q2LPerDay: q(0.092, "L/day", BUDHA_2023("Table 3: Q3")),
    vp2L: q(2.1, "L", BUDHA_2023("Table 3: V3")),
    referenceWeightKg: 65,
    referenceAlbuminGPerL: 41,
    referencePatient: "65 kg male, 60 years, albumin 41 g/L, tumour size 63 mm, ADA-negative, not cHL/GC",
    covariates: [
      powerEffect("cl", "weightKg", 0.565, 65, BUDHA_2023("Table 3: θ7")),
      powerEffect("vc", "weightKg", 0.397, 65, BUDHA_2023("Table 3: θ8")),
      powerEffect("cl", "albuminGPerL", -0.457, 41, BUDHA_2023("Table 3: θ10")),
    ],
    variability: [
      variabilityCv("cl", 0.263, BUDHA_2023("Table 3")),
      variabilityCv("vc", 0.167, BUDHA_2023("Table 3")),
      variabilityCv("vp", 0.747, BUDHA_2023("Table 3 (shrinkage 55.8 %)")),
      variabilityCv("vp2", 0.999, BUDHA_2023("Table 3 (shrinkage 44.4 %)")),
    ],
    publishedHalfLifeDays: {
      ...unverified(
        23.8,
        "day",
        LABEL_TEVIMBRA_EU(
          "section 5.2: population PK, geometric-mean terminal half-life about 23.8 days (CV 31 %); CL 0.153 L/day, Vss 6.42 L, accumulation about 2-fold at 200 mg q3w",
        ),
      ),
      range: [19, 28.6],
    },
  },
  evidence: ["budha2023", "brown2020"],
  notes: [
    "200 mg Q3W, phase IA (Desai J, et al. J Immunother Cancer 2020;8:e000453, Table 2; mean ± SD): cycle 1 Cmax 77.2 ± 13.9 µg/mL, AUC0–21 674.7 ± 173.6 µg·day/mL (n = 12); cycle 4 or 5 AUCτ 977.8 ± 440.3 µg·day/mL (n = 5).",
    "Budha 2023 estimated CL and Q in L/h; the values here are × 24 (L/day), as transcribed.",
    `Label: ${LABEL("TEVIMBRA (tislelizumab-jsgr)").citation}.`,
    "The published 23.8-day half-life is an effective one: the deepest eigenvalue of the three-compartment model gives about 36 days, but that phase carries a quarter of the AUC; the accumulation half-life at q3w (docs/drugs.md) reproduces 23.7 days.",
  ],
};
