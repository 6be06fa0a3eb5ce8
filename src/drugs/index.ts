/** Checkpoint-inhibitor pharmacology: catalogue, regimens, PK/PD module and simulation. Browser-safe. */
export { DRUGS, drugByName, drugNames, TARGETS, targetByName } from "./catalogue/index.js";
export { catalogueMarkdown } from "./catalogue-markdown.js";
export { doseResponse, linearConcentrations } from "./closed-form.js";
export { type Disposition, disposition, terminalHalfLifeDays } from "./disposition.js";
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
  PkUnavailable,
  PopulationPk,
  TargetRecord,
  TimeVaryingClearance,
} from "./types.js";
