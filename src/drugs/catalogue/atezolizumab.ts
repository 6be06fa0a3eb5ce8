import type { DrugRecord } from "../types.js";
import { powerEffect, q, unverified, variabilityCv } from "./record-builders.js";
import { LABEL, STROH_2017 } from "./sources.js";

const LABEL_TECENTRIQ = (location?: string) => LABEL("TECENTRIQ (atezolizumab)", location);

export const atezolizumab: DrugRecord = {
  name: "atezolizumab",
  brand: "Tecentriq",
  target: "PD-L1",
  isotype: "IgG1 (humanised, Fc-engineered, aglycosylated)",
  molecularWeightKDa: unverified(145, "kDa", LABEL_TECENTRIQ("section 11")),
  kdNanomolar: unverified(0.4, "nmol/L", {
    kind: "literature",
    citation:
      "Herbst RS, Soria J-C, Kowanetz M, et al. Predictive correlates of response to the anti-PD-L1 antibody MPDL3280A in cancer patients. Nature 2014;515(7528):563-567",
    location: "main text (affinity for human PD-L1)",
    note: "value as commonly cited from this paper; unverified: searched again 2026-11-25 (Herbst 2014 full text on PMC, the 2017 atezolizumab–PD-L1 structure paper in Oncotarget): the affinity sentence was not among the readable text",
  }),
  regimens: [
    {
      text: "840 mg q2w over 60 min",
      setting: "monotherapy (first infusion over 60 min, later over 30 min)",
      source: LABEL_TECENTRIQ("section 2"),
      verified: true,
    },
    {
      text: "1200 mg q3w over 60 min",
      setting: "monotherapy and combinations",
      source: LABEL_TECENTRIQ("section 2"),
      verified: true,
    },
    {
      text: "1680 mg q4w over 60 min",
      setting: "monotherapy",
      source: LABEL_TECENTRIQ("section 2"),
      verified: true,
    },
  ],
  pk: {
    structure: "two-compartment",
    model: STROH_2017(),
    clLPerDay: q(0.2, "L/day", STROH_2017()),
    vcL: q(3.28, "L", STROH_2017()),
    qLPerDay: q(0.546, "L/day", STROH_2017()),
    vpL: q(3.63, "L", STROH_2017()),
    timeVaryingClearance: {
      reportedOnly: true,
      note: "Clearance decreases with time (mean maximal reduction about 17 % from baseline); not simulated.",
      source: LABEL_TECENTRIQ("section 12.3"),
    },
    referenceWeightKg: 77,
    referenceAlbuminGPerL: 40,
    referencePatient:
      "77 kg, albumin 40 g/L, tumour burden 63 mm, ADA-negative, male (Centanni 2019 Table 2)",
    covariates: [
      powerEffect("cl", "weightKg", 0.808, 77, STROH_2017()),
      powerEffect("vc", "weightKg", 0.559, 77, STROH_2017()),
      powerEffect("cl", "albuminGPerL", -1.12, 40, STROH_2017()),
      powerEffect("vc", "albuminGPerL", -0.35, 40, STROH_2017()),
    ],
    variability: [
      variabilityCv("cl", 0.29, STROH_2017()),
      variabilityCv("vc", 0.18, STROH_2017()),
      variabilityCv("vp", 0.34, STROH_2017()),
    ],
    publishedHalfLifeDays: { ...q(27, "day", STROH_2017()), range: [21.6, 32.4] },
  },
  evidence: ["stroh2017", "centanni2019"],
  notes: [
    "Trough after the first 1200 mg IV dose (end of cycle 1): 85 µg/mL (CV 33 %) in IMscin001 (Burotto M, et al. Ann Oncol 2023; via Transl Lung Cancer Res 2024;13(6):1444, Table 1).",
    "Volume at steady state 6.9 L; steady state after 6–9 weeks (label).",
    "Accumulation at 1200 mg Q3W: 1.91-fold (AUC), 1.46 (Cmax), 2.75 (Ctrough) (EU SmPC section 5.2, via a secondary reproduction).",
  ],
};
