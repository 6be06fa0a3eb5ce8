import type { DrugRecord } from "../types.js";
import { powerEffect, q, unverified, variabilityFromOmegaSquared } from "./record-builders.js";
import { AHAMADI_2017, BROWN_2020, FRESHWATER_2017, LABEL } from "./sources.js";

const LABEL_KEYTRUDA = (location?: string) => LABEL("KEYTRUDA (pembrolizumab)", location);

export const pembrolizumab: DrugRecord = {
  name: "pembrolizumab",
  brand: "Keytruda",
  target: "PD-1",
  isotype: "IgG4 kappa (humanised)",
  molecularWeightKDa: unverified(149, "kDa", LABEL_KEYTRUDA("section 11")),
  kdNanomolar: q(4, "nmol/L", BROWN_2020()),
  regimens: [
    {
      text: "200 mg q3w over 30 min",
      setting: "adults, all indications",
      source: LABEL_KEYTRUDA("section 2"),
      verified: false,
    },
    {
      text: "400 mg q6w over 30 min",
      setting: "adults, all indications",
      source: LABEL_KEYTRUDA("section 2"),
      verified: false,
    },
    {
      text: "2 mg/kg q3w",
      setting: "original weight-based dose (KEYNOTE-001/-002/-010)",
      source: AHAMADI_2017("Abstract"),
      verified: true,
    },
  ],
  pk: {
    structure: "two-compartment",
    model: AHAMADI_2017(),
    clLPerDay: q(0.22, "L/day", AHAMADI_2017("Table 3: CL")),
    vcL: q(3.48, "L", AHAMADI_2017("Table 3: Vc")),
    qLPerDay: q(0.795, "L/day", AHAMADI_2017("Table 3: Q")),
    vpL: q(4.06, "L", AHAMADI_2017("Table 3: Vp")),
    timeVaryingClearance: {
      reportedOnly: true,
      note: "Clearance about 23 % lower at steady state than after the first dose (geometric mean 195 vs 252 mL/day); sigmoid model of Li H, et al. J Pharmacokinet Pharmacodyn 2017;44(5):403-414 — its Imax/TI50/Hill estimates are not transcribed here, so the simulation uses the stationary Ahamadi 2017 model.",
      source: LABEL_KEYTRUDA("section 12.3"),
    },
    referenceWeightKg: 76.8,
    referenceAlbuminGPerL: 39.6,
    referencePatient:
      "76.8 kg, albumin 39.6 g/L, male, melanoma, ECOG 0, ipilimumab-naive, eGFR 88.47, tumour burden 89.6 mm (Ahamadi 2017 Table 3 footnotes)",
    covariates: [
      powerEffect("cl", "weightKg", 0.595, 76.8, AHAMADI_2017("Table 3: α for CL and Q")),
      powerEffect("q", "weightKg", 0.595, 76.8, AHAMADI_2017("Table 3: α for CL and Q")),
      powerEffect("vc", "weightKg", 0.489, 76.8, AHAMADI_2017("Table 3: α for Vc and Vp")),
      powerEffect("vp", "weightKg", 0.489, 76.8, AHAMADI_2017("Table 3: α for Vc and Vp")),
      powerEffect("cl", "albuminGPerL", -0.907, 39.6, AHAMADI_2017("Table 3: albumin on CL")),
      powerEffect("vc", "albuminGPerL", -0.208, 39.6, AHAMADI_2017("Table 3: albumin on Vc")),
    ],
    variability: [
      variabilityFromOmegaSquared(
        "cl",
        0.134,
        AHAMADI_2017("Table 3: ω² CL/Q (38 % CV), one eta on CL and Q"),
        ["q"],
      ),
      variabilityFromOmegaSquared(
        "vc",
        0.0417,
        AHAMADI_2017("Table 3: ω² Vc/Vp (21 % CV), one eta on Vc and Vp"),
        ["vp"],
      ),
    ],
    publishedHalfLifeDays: {
      ...q(
        22,
        "day",
        LABEL_KEYTRUDA("section 12.3: geometric mean t½ 22 days (CV 32 %); same text in the Swiss label"),
      ),
      range: [17.6, 26.4],
    },
  },
  evidence: ["ahamadi2017", "brown2020", "freshwater2017"],
  notes: [
    "Steady-state AUC over 6 weeks at 200 mg q3w: mean 1.87 mg·day/mL (CV 37 %, n = 830) (Freshwater 2017, Results).",
    "Mean AUCss,6-weeks 1.38 mg·day/mL (38 %, n = 760) at 2 mg/kg Q3W and 7.63 (35 %, n = 1405) at 10 mg/kg Q3W (Freshwater 2017, abstract).",
    "Steady state after 16 weeks of Q3W dosing, systemic accumulation 2.1-fold (Swiss prescribing information); 400 mg Q6W: Cavg,ss geometric mean about 1 % above 200 mg Q3W (Lala 2020, abstract).",
    "Other affinity report: KD 27 pM by SPR (cited in Sci Rep 2019;9:17907).",
  ],
};

export const PEMBROLIZUMAB_AUC_SOURCE = FRESHWATER_2017(
  "Results: AUCss,6-weeks 1.87 mg·day/mL (37 %) at 200 mg Q3W",
);
