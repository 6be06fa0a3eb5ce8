/** Checkpoint-inhibitor pharmacology: catalogue, regimens, PK/PD module and simulation. Browser-safe. */
export { DRUGS, drugByName, drugNames, TARGETS, targetByName } from "./catalogue/index.js";
export { TUMOUR_PARTITION } from "./catalogue/tumour-partition.js";
export { catalogueMarkdown } from "./catalogue-markdown.js";
export { doseResponse, linearConcentrations } from "./closed-form.js";
export {
  ALBUMIN_RANGE_G_PER_L,
  checkAlbuminGPerL,
  checkWeightKg,
  WEIGHT_RANGE_KG,
} from "./covariate-ranges.js";
export {
  type Disposition,
  disposition,
  effectiveHalfLifeDays,
  terminalHalfLifeDays,
} from "./disposition.js";
export { doseEvents, type ModelEventApplication } from "./dose-events.js";
export {
  clearanceAt,
  type IndividualPk,
  individualPk,
  type PatientCovariates,
  steadyStateClearance,
} from "./individual-pk.js";
export { occupancyName, type PkModuleOptions, pkModule, pkNames } from "./pk-module.js";
export {
  type DoseUnit,
  type DosingSchedule,
  parseRegimen,
  printRegimen,
  type Regimen,
  type RegimenComponent,
  type RegimenPhase,
  RegimenSyntaxError,
  regimenDrugs,
} from "./regimen.js";
export { type DoseAdministration, type ScheduleOptions, scheduleRegimen } from "./schedule.js";
export { type DrugExposure, type PkSimulation, type SimulatePkInput, simulatePk } from "./simulate-pk.js";
export type {
  CovariateEffect,
  DrugRecord,
  LabelledRegimen,
  OccupancyModel,
  PkUnavailable,
  PopulationPk,
  TargetRecord,
  TimeVaryingClearance,
} from "./types.js";
