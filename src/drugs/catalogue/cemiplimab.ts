import type { DrugRecord } from "../types.js";
import { powerEffect, q, unverified, variabilityFromOmegaSquared } from "./record-builders.js";
import { BROWN_2020, LABEL, NGUYEN_2022 } from "./sources.js";

const LABEL_LIBTAYO = (location?: string) => LABEL("LIBTAYO (cemiplimab-rwlc)", location);

export const cemiplimab: DrugRecord = {
  name: "cemiplimab",
  brand: "Libtayo",
  target: "PD-1",
  isotype: "IgG4 (human, hinge-stabilised)",
  molecularWeightKDa: unverified(146, "kDa", LABEL_LIBTAYO("section 11")),
  kdNanomolar: q(1.5, "nmol/L", BROWN_2020()),
  regimens: [
    {
      text: "350 mg q3w over 30 min",
      setting: "CSCC, BCC, NSCLC, cervical cancer",
      source: NGUYEN_2022("Table S1 dose list; label section 2"),
      verified: true,
    },
  ],
  pk: {
    structure: "two-compartment",
    model: NGUYEN_2022(),
    clLPerDay: q(0.254, "L/day", NGUYEN_2022("Table 1: TVCL0")),
    vcL: q(3.35, "L", NGUYEN_2022("Table 1: TVV1")),
    qLPerDay: q(0.652, "L/day", NGUYEN_2022("Table 1: TVQ")),
    vpL: q(2.52, "L", NGUYEN_2022("Table 1: TVV2")),
    timeVaryingClearance: {
      emax: q(-0.174, "1", NGUYEN_2022("Table 1: TVEmax (log scale)")),
      t50Days: q(73.7, "day", NGUYEN_2022("Table 1: TVT50")),
      hill: q(2.5, "1", NGUYEN_2022("Table 1: HILL (fixed)")),
    },
    referenceWeightKg: 75,
    referenceAlbuminGPerL: 38.6,
    referencePatient: "male NSCLC patient, 75 kg, albumin 38.6 g/L, ALT 19 IU/L (Appendix S1)",
    covariates: [
      powerEffect("cl", "weightKg", 0.539, 75, NGUYEN_2022("Table 1: CL_WGTBL (on CL and Q)")),
      powerEffect("q", "weightKg", 0.539, 75, NGUYEN_2022("Table 1: CL_WGTBL (on CL and Q)")),
      powerEffect("vc", "weightKg", 0.499, 75, NGUYEN_2022("Table 1: VssWGTBL (on V1 and V2)")),
      powerEffect("vp", "weightKg", 0.499, 75, NGUYEN_2022("Table 1: VssWGTBL (on V1 and V2)")),
      powerEffect("cl", "albuminGPerL", -1.11, 38.6, NGUYEN_2022("Table 1: CL_ALB")),
      powerEffect("vc", "albuminGPerL", -0.217, 38.6, NGUYEN_2022("Table 1: V1_ALBBL")),
    ],
    variability: [
      variabilityFromOmegaSquared("cl", 0.0892, NGUYEN_2022("Table 1: ETA1 CL_Q, one eta on CL and Q"), [
        "q",
      ]),
      variabilityFromOmegaSquared("vc", 0.0709, NGUYEN_2022("Table 1: ETA2 V1_V2, one eta on V1 and V2"), [
        "vp",
      ]),
    ],
  },
  evidence: ["nguyen2022", "brown2020"],
  notes: [
    "Steady-state Ctrough at 350 mg q3w: population-PK prediction (n = 1062) mean 60.8, median 56.6 (IQR 42.4–74.1) mg/L; observed in CSCC (weeks 17–19, n = 34) mean 62.7, median 65.3 mg/L (Rischin D, et al. J Immunother Cancer 2020;8:e000775, Table 4; used by the trough test).",
    "An earlier analysis (Yang F, et al. J Pharmacokinet Pharmacodyn 2021;48:479-494, Table 3) reported CL 0.290 L/day, V2 3.32 L, Q 0.638 L/day, V3 1.65 L, Emax −0.410, T50 28.9 days, Hill 2.79; the catalogue uses the larger 2022 update.",
  ],
};
