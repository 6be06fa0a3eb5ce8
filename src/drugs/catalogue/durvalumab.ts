import type { DrugRecord } from "../types.js";
import { powerEffect, q, unverified, variabilityFromOmegaSquared } from "./record-builders.js";
import { BAVEREL_2018, LABEL } from "./sources.js";

const LABEL_IMFINZI = (location?: string) => LABEL("IMFINZI (durvalumab)", location);

export const durvalumab: DrugRecord = {
  name: "durvalumab",
  brand: "Imfinzi",
  target: "PD-L1",
  isotype: "IgG1 kappa (human, Fc triple mutation)",
  molecularWeightKDa: unverified(146, "kDa", LABEL_IMFINZI("section 11")),
  kdNanomolar: unverified(0.667, "nmol/L", {
    kind: "literature",
    citation:
      "Stewart R, et al. Identification and characterization of MEDI4736, an antagonistic anti-PD-L1 monoclonal antibody. Cancer Immunol Res 2015;3(9):1052-1062",
    note: "value as commonly cited from this paper; unverified: searched again 2026-11-25, only the abstract ('binds with high affinity') could be read; a 2017 Protein Cell letter comparing anti-PD-L1 binding was found, its numbers not readable",
  }),
  regimens: [
    {
      text: "10 mg/kg q2w over 60 min",
      setting: "original weight-based regimen",
      source: BAVEREL_2018("Discussion; also de Vries 2025 simulation regimens"),
      verified: true,
    },
    {
      text: "1500 mg q4w over 60 min",
      setting: "patients ≥ 30 kg",
      source: LABEL_IMFINZI("section 2"),
      verified: true,
    },
  ],
  pk: {
    structure: "two-compartment",
    model: BAVEREL_2018(),
    clLPerDay: q(0.232, "L/day", BAVEREL_2018("final model: linear CL")),
    vcL: q(3.51, "L", BAVEREL_2018("final model: V1")),
    qLPerDay: q(0.476, "L/day", BAVEREL_2018("final model: Q")),
    vpL: q(3.45, "L", BAVEREL_2018("final model: V2")),
    saturableClearance: {
      vmaxMgPerDay: q(0.824, "mg/day", BAVEREL_2018("final model: Vmax at reference sPD-L1")),
      kmMgPerL: q(0.344, "mg/L", BAVEREL_2018("final model: Km")),
    },
    timeVaryingClearance: {
      reportedOnly: true,
      note: "Baverel 2018 also describes a slight decrease of clearance with time (empirical and semimechanistic models); not simulated here.",
      source: BAVEREL_2018("Abstract"),
    },
    referenceWeightKg: 69.8,
    referenceAlbuminGPerL: 38,
    referencePatient:
      "69.8 kg, albumin 38 g/L, male, ECOG 0, CrCL 85.65 mL/min, tumour size 74.8 mm, sPD-L1 124.8 pg/mL",
    covariates: [
      powerEffect("cl", "weightKg", 0.389, 69.8, BAVEREL_2018("final model: (WT/69.8)^0.389")),
      powerEffect("vc", "weightKg", 0.406, 69.8, BAVEREL_2018("final model: (WT/69.8)^0.406")),
      {
        parameter: "cl",
        covariate: "albuminGPerL",
        form: "linear",
        coefficient: -0.035,
        reference: 38,
        source: BAVEREL_2018("final model: (1 − 0.035·(ALB − 38))"),
        verified: true,
      },
    ],
    variability: [
      variabilityFromOmegaSquared("cl", 0.0729, BAVEREL_2018("ω² CL")),
      variabilityFromOmegaSquared("vc", 0.0437, BAVEREL_2018("ω² V1")),
      variabilityFromOmegaSquared("vp", 0.113, BAVEREL_2018("ω² V2")),
    ],
    publishedHalfLifeDays: {
      ...q(21, "day", {
        kind: "literature",
        citation: "Centanni M, et al. Clin Pharmacokinet 2019;58:835-857",
        location: "Table 2",
      }),
      range: [16.8, 25.2],
    },
  },
  evidence: ["baverel2018", "centanni2019"],
  notes: [
    "Label (pharmacodynamics): at steady state 1500 mg Q4W gives 6 % higher AUC, 19 % lower Ctrough and 55 % higher Cmax than 10 mg/kg Q2W; the licence holder's simulations put 95.4 % of patients above a Ctrough of 53.3 µg/mL at 10 mg/kg Q2W (both checked in test/drugs/published-exposure.test.ts).",
    "The Michaelis–Menten term is the empirical form of target-mediated (PD-L1) elimination; it matters only below ~1 µg/mL.",
  ],
};
