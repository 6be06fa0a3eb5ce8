/** What simulatePatient returns: a time course of named observables, with the solver's verdict. */
import type { OdeStats } from "../numerics/ode/types.js";

export interface TreatmentEvent {
  day: number;
  kind: "cryoablation" | "dose";
  /** Lesion id (cryoablation) or drug name (dose). */
  target: string;
  label: string;
}

export interface Trajectory {
  /** Output days. */
  days: Float64Array;
  /** Column names in output order (the CSV's columns after `day`). */
  columnNames: string[];
  columns: Record<string, Float64Array>;
  units: Record<string, string>;
  /** Lesion ids in the scenario's order. */
  lesionIds: string[];
  events: TreatmentEvent[];
  status: "success" | "failure";
  message: string;
  /** Solver statistics of the burn-in and the treatment period together. */
  stats: OdeStats;
  /** Statistics of the separate drug-exposure (PK) solve, when exposure entered as inputs. */
  exposureStats?: OdeStats;
  method: string;
  /** Relative tolerance of the immune solve. */
  rtol: number;
}
