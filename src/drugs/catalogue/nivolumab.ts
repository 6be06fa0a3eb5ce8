import type { DrugRecord } from "../types.js";
import {
  mlPerHourToLPerDay,
  powerEffect,
  q,
  unverified,
  variabilityFromOmegaSquared,
} from "./record-builders.js";
import { BAJAJ_2017, BRAHMER_2010, BROWN_2020, LABEL } from "./sources.js";

const LABEL_OPDIVO = (location?: string) => LABEL("OPDIVO (nivolumab)", location);

/**
 * The Brahmer 2010 occupancy observation: after one dose of 0.3, 1, 3 or 10 mg/kg, mean PD-1 occupancy
 * on circulating CD3+ T cells stayed above 70 % for at least 2 months, with a plateau near 70 %
 * whatever the dose (abstract; the mean plateau of about 72 % is from the Results, not checked here).
 */
export const NIVOLUMAB_OCCUPANCY_SOURCE = BRAHMER_2010(
  "Abstract and Results, pharmacodynamics (PD-1 occupancy on circulating CD3+ T cells)",
);

/** Day-60 serum level after one 0.3 mg/kg dose (80 kg, Bajaj 2017 typical patient), from simulatePk. */
const NIVOLUMAB_C60_AT_0_3_MG_PER_KG = 0.4989;

export const nivolumab: DrugRecord = {
  name: "nivolumab",
  brand: "Opdivo",
  target: "PD-1",
  isotype: "IgG4 (human)",
  molecularWeightKDa: unverified(146, "kDa", LABEL_OPDIVO("section 11")),
  kdNanomolar: q(7.2, "nmol/L", BROWN_2020()),
  occupancy: {
    // EC50: the largest value for which one 0.3 mg/kg dose keeps the mean occupancy at ≥ 70 % through
    // day 60 with the plateau below (Emax · C60/(C60 + EC50) = 0.70): fitted to Brahmer's RO data only.
    ec50UgPerMl: {
      value: Number((NIVOLUMAB_C60_AT_0_3_MG_PER_KG * (0.72 / 0.7 - 1)).toPrecision(2)),
      unit: "mg/L",
      source: {
        kind: "fitted",
        citation: NIVOLUMAB_OCCUPANCY_SOURCE.citation,
        location: NIVOLUMAB_OCCUPANCY_SOURCE.location,
        note: `fitted to the Brahmer 2010 occupancy data only: the largest EC50 with occupancy ≥ 70 % at day 60 after one 0.3 mg/kg dose (serum ${NIVOLUMAB_C60_AT_0_3_MG_PER_KG} µg/mL at day 60 for 80 kg, Bajaj 2017 PK) given the 72 % plateau; ≈ 0.1 nM, far below the SPR Kd of 7.2 nM (1.05 µg/mL, monovalent): bivalent binding on cells`,
      },
      verified: true,
    },
    emax: {
      value: 0.72,
      unit: "1",
      source: {
        ...NIVOLUMAB_OCCUPANCY_SOURCE,
        note: "mean plateau of the measured occupancy, independent of dose (0.3–10 mg/kg): the ceiling of the assay, applied to the blood (measured) occupancy only",
      },
      verified: false,
    },
    measuredOn: "circulating CD3+ T cells, patients, Brahmer 2010",
  },
  regimens: [
    {
      text: "240 mg q2w over 30 min",
      setting: "monotherapy, most indications",
      source: LABEL(
        "OPDIVO (nivolumab)",
        "section 2",
        "checked via the PDR drug summary of the label (secondary)",
      ),
      verified: true,
    },
    {
      text: "480 mg q4w over 30 min",
      setting: "monotherapy, most indications",
      source: LABEL(
        "OPDIVO (nivolumab)",
        "section 2",
        "checked via the PDR drug summary of the label (secondary)",
      ),
      verified: true,
    },
    {
      text: "3 mg/kg q2w",
      setting: "original weight-based dose (2014); cHL, SCCHN in the 2017 label",
      source: {
        kind: "literature",
        citation:
          "Bajaj G, et al. Exposure-response analysis of nivolumab in advanced melanoma. J Clin Pharmacol 2017;57(12):1527-1533",
        location: "Introduction",
      },
      verified: true,
    },
    {
      text: "nivolumab 1 mg/kg + ipilimumab 3 mg/kg q3w x4, then nivolumab 240 mg q2w",
      setting: "melanoma, combination with ipilimumab",
      source: {
        kind: "literature",
        citation:
          "Bajaj G, et al. Exposure-response analysis of nivolumab in advanced melanoma. J Clin Pharmacol 2017;57(12):1527-1533",
        location: "Introduction",
      },
      verified: true,
    },
  ],
  pk: {
    structure: "two-compartment",
    model: BAJAJ_2017(),
    clLPerDay: q(mlPerHourToLPerDay(9.4), "L/day", BAJAJ_2017("Table 1: CL_REF = 9.4 mL/h")),
    vcL: q(3.63, "L", BAJAJ_2017("Table 1: VC_REF")),
    qLPerDay: q(mlPerHourToLPerDay(32.1), "L/day", BAJAJ_2017("Table 1: Q_REF = 32.1 mL/h")),
    vpL: q(2.78, "L", BAJAJ_2017("Table 1: VP_REF")),
    timeVaryingClearance: {
      emax: q(-0.295, "1", BAJAJ_2017("Table 1: CL_EMAX (log scale)")),
      t50Days: q(1410 / 24, "day", BAJAJ_2017("Table 1: CL_T50 = 1.41e3 h")),
      hill: q(3.15, "1", BAJAJ_2017("Table 1: CL_HILL")),
    },
    referenceWeightKg: 80,
    referencePatient:
      "white female, 80 kg, eGFR 90 mL/min/1.73 m², ECOG 0, non-Asian (Bajaj 2017 Table 1 footnote)",
    covariates: [
      powerEffect("cl", "weightKg", 0.566, 80, BAJAJ_2017("Table 1: CL_BW")),
      powerEffect("vc", "weightKg", 0.597, 80, BAJAJ_2017("Table 1: VC_BW")),
    ],
    variability: [
      variabilityFromOmegaSquared("cl", 0.123, BAJAJ_2017("Table 1: ω²_CL")),
      variabilityFromOmegaSquared("vc", 0.123, BAJAJ_2017("Table 1: ω²_VC")),
      variabilityFromOmegaSquared("vp", 0.258, BAJAJ_2017("Table 1: ω²_VP")),
    ],
    publishedHalfLifeDays: {
      ...unverified(25, "day", LABEL_OPDIVO("section 12.3: mean elimination half-life 25 days (CV 77.5 %)")),
      range: [20, 30],
    },
  },
  evidence: ["bajaj2017", "brown2020", "brahmer2010"],
  // Bajaj 2017 estimated a full Ω block; its off-diagonal (CL–VC) covariance is not transcribed here and
  // the etas are sampled independently (docs/drugs.md, "Between-patient variability").
  notes: [
    "Time-varying clearance: additive between-patient variability on Emax, ω² = 0.0719 (Bajaj 2017 Table 1).",
    "Other affinity reports: KD 3.06 pM (Wang C, et al. Cancer Immunol Res 2014; unverified) and 1.45 nM (cited in Sci Rep 2019;9:17907); the catalogue uses the one-method Brown 2020 panel.",
    "480 mg Q4W vs 3 mg/kg Q2W (popPK predictions, 3203 patients; Ann Oncol 2020 bridging analysis, abstract): Cavg over days 0–28 +26.8 %, at steady state +5.2 %; Cmax after dose 1 +110.4 %; trough at day 28 −22.1 %.",
    "PD-1 occupancy on circulating T cells ≥ 70 % for ≥ 2 months after one dose of 0.3–10 mg/kg (Brahmer 2010); mean plateau about 70 % irrespective of dose.",
  ],
};
