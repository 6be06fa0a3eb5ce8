/** The immune model: the patient model, presets, simulation and its summary. Browser-safe. */
export { ablationEvent, ablationEventName } from "./ablation.js";
export { CALIBRATION_TARGETS, type CalibrationTarget } from "./calibration-targets.js";
export { type ExposureSolution, solveExposure } from "./exposure.js";
export { ModelCache } from "./model-cache.js";
export { type PatientStructure, patientModel, structureKey } from "./patient-model.js";
export {
  FREEZE_CYCLE_OUTCOMES,
  IMMUNE_PHENOTYPE_PRESETS,
  PDL1_PRESETS,
  TUMOUR_PRESETS,
  TUMOUR_TYPES,
  type TumourType,
} from "./presets.js";
export { KEY_COLUMNS, type SimulateOptions, scenarioParameters, simulatePatient } from "./simulate.js";
export type { Trajectory, TreatmentEvent } from "./trajectory.js";
export { summarizeTrajectory, type TrajectorySummary, trajectoryCsv } from "./trajectory-summary.js";
export { cellsForDiameter, treatmentPlan } from "./treatment-plan.js";
