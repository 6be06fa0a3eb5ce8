/**
 * Types of the checkpoint-inhibitor catalogue: every number carries its unit and its source, and says
 * whether it was checked against that source here. A value nobody could find is `unknown`, never
 * guessed. Plain data, browser-safe.
 */
import type { Source } from "../model/types.js";

/** A number with unit and provenance. `verified`: checked against the cited table while writing it. */
export interface Quantity {
  value: number;
  unit: string;
  source: Source;
  verified: boolean;
  /** "upper-bound": the source reports "< value"; "lower-bound": "> value". */
  qualifier?: "upper-bound" | "lower-bound";
}

/** A value that is not available: why, and where one might find it. */
export interface UnknownValue {
  value: null;
  unit: string;
  note: string;
}

export type MaybeQuantity = Quantity | UnknownValue;

export function isKnown(q: MaybeQuantity | undefined): q is Quantity {
  return q !== undefined && q.value !== null;
}

/** Structural PK parameters that covariates and variability can act on. */
export type PkParameterName = "cl" | "vc" | "q" | "vp" | "q2" | "vp2";

/** A covariate effect: power `(x/ref)^coefficient` or linear `1 + coefficient·(x − ref)`. */
export interface CovariateEffect {
  parameter: PkParameterName;
  covariate: "weightKg" | "albuminGPerL";
  form: "power" | "linear";
  coefficient: number;
  reference: number;
  source: Source;
  verified: boolean;
}

/**
 * Between-patient variability of one PK parameter (log-normal; CV on the natural scale, as a fraction).
 * `sharedWith`: parameters that carry the same random effect (one eta) in the source analysis, e.g.
 * "ω² CL/Q" — the individual value of each is the typical value times the same factor.
 */
export interface Variability {
  parameter: PkParameterName | "emax";
  sharedWith?: PkParameterName[];
  cv: number;
  source: Source;
  verified: boolean;
}

/**
 * Clearance that changes with time since the first dose (sigmoid Emax on the log scale):
 * CL(t) = CL0 · exp(emax · (t/t50)^hill / (1 + (t/t50)^hill)).
 */
export interface TimeVaryingClearance {
  emax: Quantity;
  t50Days: Quantity;
  hill: Quantity;
}

/** A published time-varying clearance whose parameters are not transcribed: shown, not simulated. */
export interface ReportedOnlyTimeVarying {
  reportedOnly: true;
  note: string;
  source: Source;
}

/** Saturable (Michaelis–Menten) elimination from the central compartment, in parallel with CL. */
export interface SaturableClearance {
  vmaxMgPerDay: Quantity;
  kmMgPerL: Quantity;
}

export interface PopulationPk {
  structure: "two-compartment" | "three-compartment";
  /** The population PK analysis the parameters come from. */
  model: Source;
  clLPerDay: Quantity;
  vcL: Quantity;
  qLPerDay: Quantity;
  vpL: Quantity;
  /** Second peripheral compartment (three-compartment models). */
  q2LPerDay?: Quantity;
  vp2L?: Quantity;
  timeVaryingClearance?: TimeVaryingClearance | ReportedOnlyTimeVarying;
  saturableClearance?: SaturableClearance;
  /** Typical patient of the analysis: the covariate values at which the parameters above hold. */
  referenceWeightKg: number;
  referenceAlbuminGPerL?: number;
  /** What else defines the reference patient (sex, tumour type, …), for the docs. */
  referencePatient: string;
  covariates: CovariateEffect[];
  variability: Variability[];
  /**
   * Published half-life, for checks. `range`: published value ± 20 % — the typical patient of a
   * log-normal population sits near the geometric mean, and 20 % is below every reported between-patient
   * CV (31–77 %), so a typical value outside it contradicts the source.
   */
  publishedHalfLifeDays?: Quantity & { range?: [number, number] };
}

export interface PkUnavailable {
  available: false;
  reason: string;
  /** Partial information that is known (e.g. label clearance), for the docs. */
  partial?: string;
}

export interface LabelledRegimen {
  /** In the regimen grammar of ./regimen.ts, e.g. "240 mg q2w over 30 min". */
  text: string;
  setting: string;
  source: Source;
  verified: boolean;
}

export interface DrugRecord {
  /** Lower-case INN, used as identifier in regimens and the model language. */
  name: string;
  brand: string;
  /** Target name as in ./catalogue/targets.ts (e.g. "PD-1"). */
  target: string;
  isotype: string;
  molecularWeightKDa: MaybeQuantity;
  /** Equilibrium dissociation constant for the human target, nmol/L. */
  kdNanomolar: MaybeQuantity;
  /**
   * Receptor occupancy measured on cells in patients, where published: the concentration of half the
   * maximal occupancy and the plateau the measurement reaches. Without it occupancy uses Kd (SPR).
   */
  occupancy?: OccupancyModel;
  regimens: LabelledRegimen[];
  pk: PopulationPk | PkUnavailable;
  /** Evidence ids (src/evidence) of the papers behind this record, e.g. "bajaj2017". */
  evidence: string[];
  /** Other facts worth keeping (alternative affinity measurements, label statements). */
  notes: string[];
}

/**
 * Receptor occupancy from in vivo data: bound fraction C/(C + ec50); the assay reports emax times it
 * (the plateau at which the measurement saturates).
 */
export interface OccupancyModel {
  /** Concentration of half-maximal occupancy, µg/mL (= mg/L). */
  ec50UgPerMl: Quantity;
  /** Plateau of the measured occupancy (fraction). */
  emax: Quantity;
  /** What was measured, on which cells, with which assay. */
  measuredOn: string;
}

export function hasPopulationPk(pk: PopulationPk | PkUnavailable): pk is PopulationPk {
  return (pk as PkUnavailable).available !== false;
}

export function isSimulatedTimeVarying(
  tv: TimeVaryingClearance | ReportedOnlyTimeVarying | undefined,
): tv is TimeVaryingClearance {
  return tv !== undefined && (tv as ReportedOnlyTimeVarying).reportedOnly !== true;
}

/** A checkpoint target, as data: adding a new target (LAG-3, TIM-3, TIGIT, …) is adding a record. */
export interface TargetRecord {
  name: string;
  /** Identifier used in observable names: occupancy_<id>. */
  id: string;
  aliases: string[];
  ligands: string[];
  expressingCells: string[];
  /** Receptor molecules per cell on the main expressing cell type. */
  receptorsPerCell: MaybeQuantity;
  /** Turnover (degradation) half-life of the free receptor, hours. */
  turnoverHalfLifeHours: MaybeQuantity;
  /** Internalisation half-life of the antibody–receptor complex, hours. */
  internalisationHalfLifeHours: MaybeQuantity;
  /** Evidence ids (src/evidence), e.g. "review:28". */
  evidence: string[];
  description: string;
}
