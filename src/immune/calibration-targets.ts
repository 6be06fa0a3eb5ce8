/**
 * Calibration targets, copied from the project's shared data (data/calibration/targets.json, whose
 * "about" note is kept below) so that code never reads outside the repository. The immune model is
 * fitted to `treg-lung-cryo` only; the trial-arm targets belong to the cohort work and are not used
 * to tune anything here.
 */

export const CALIBRATION_TARGETS_ABOUT =
  "Calibration targets for cryoimmune. Each target names its source. Values marked unverified:true were collected from memory and must be checked against the source before fitting to them. Rates are fractions (0.15 = 15 %); times in days or months as named.";

export interface TimecourseTarget {
  id: string;
  kind: "timecourse";
  tumour: string;
  intervention: string;
  measure: string;
  points: { day: number; mean: number; sd: number }[];
  source: string;
}

export interface OtherTarget {
  id: string;
  kind: "trial-arm" | "toxicity" | "pharmacology";
  source: string;
  unverified?: boolean;
  [field: string]: unknown;
}

export type CalibrationTarget = TimecourseTarget | OtherTarget;

export const CALIBRATION_TARGETS: CalibrationTarget[] = [
  {
    id: "treg-lung-cryo",
    kind: "timecourse",
    tumour: "NSCLC (lung adenocarcinoma)",
    intervention: "cryoablation of the primary lesion, no ICI",
    measure: "peripheral blood Treg (CD4+CD25hi CD127lo/-) as % of CD4+ T cells",
    points: [
      { day: 0, mean: 7.89, sd: 2.07 },
      { day: 3, mean: 8.62, sd: 2.67 },
      { day: 30, mean: 6.61, sd: 1.09 },
    ],
    source:
      "the review in shared/seed, section 1.1.2, citing its refs [21][22]; primary study not yet identified",
  },
  {
    id: "hcc-nivolumab-first-line",
    kind: "trial-arm",
    tumour: "HCC, advanced, first line",
    arm: "nivolumab 240 mg every 2 weeks",
    n: 371,
    orr: 0.15,
    cr: 0.04,
    median_pfs_months: 3.7,
    median_os_months: 16.4,
    os_12_months: 0.6,
    os_24_months: 0.37,
    source: "CheckMate 459, Yau et al., Lancet Oncol 2022",
  },
  {
    id: "hcc-pembrolizumab-second-line",
    kind: "trial-arm",
    tumour: "HCC, after sorafenib",
    arm: "pembrolizumab 200 mg every 3 weeks",
    n: 104,
    orr: 0.183,
    dcr: 0.615,
    median_pfs_months: 4.9,
    median_os_months: 13.2,
    grade3plus_trae: 0.25,
    source: "KEYNOTE-224 cohort 1, Zhu et al., Lancet Oncol 2018 (and EJC update)",
  },
  {
    id: "melanoma-nivolumab",
    kind: "trial-arm",
    tumour: "melanoma, untreated advanced",
    arm: "nivolumab 3 mg/kg every 2 weeks",
    n: 316,
    orr: 0.437,
    median_pfs_months: 6.9,
    grade3to4_trae: 0.163,
    source: "CheckMate 067, Larkin et al., NEJM 2015",
  },
  {
    id: "melanoma-ipilimumab",
    kind: "trial-arm",
    tumour: "melanoma, untreated advanced",
    arm: "ipilimumab 3 mg/kg every 3 weeks x4",
    n: 315,
    orr: 0.19,
    median_pfs_months: 2.9,
    grade3to4_trae: 0.273,
    source: "CheckMate 067, Larkin et al., NEJM 2015",
  },
  {
    id: "nsclc-pembrolizumab-pdl1-high",
    kind: "trial-arm",
    tumour: "NSCLC, PD-L1 TPS >= 50 %, first line",
    arm: "pembrolizumab 200 mg every 3 weeks",
    n: 154,
    orr: 0.448,
    median_pfs_months: 10.3,
    unverified: true,
    source: "KEYNOTE-024, Reck et al., NEJM 2016",
  },
  {
    id: "melanoma-cryo-abscopal-on-ici",
    kind: "trial-arm",
    tumour: "melanoma progressing on checkpoint inhibitors, PD-L1 negative",
    arm: "cryoablation of one lesion, checkpoint inhibitor continued",
    n: 17,
    measure: "response of non-ablated lesions",
    orr: 0.235,
    dcr: 0.412,
    median_pfs_days: 59,
    median_os_days: 387,
    source: "Mooradian et al., Nat Commun 2024 (NCT03290677)",
  },
  {
    id: "irae-pd1-pdl1-monotherapy",
    kind: "toxicity",
    arm: "PD-1 or PD-L1 inhibitor monotherapy (125 trials, n = 20,128)",
    any_grade: 0.66,
    grade3plus: 0.14,
    source: "Wang Y et al., JAMA Oncol 2019 (meta-analysis)",
  },
  {
    id: "pd1-occupancy-nivolumab",
    kind: "pharmacology",
    measure: "PD-1 receptor occupancy on circulating T cells after a single dose of 0.3-10 mg/kg",
    value: ">= 0.70 for >= 2 months",
    source: "Brahmer et al., JCO 2010",
  },
];
