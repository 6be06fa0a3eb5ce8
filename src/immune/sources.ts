/**
 * Where the immune model's numbers come from, and one builder for parameter declarations so that every
 * parameter carries a value, a unit and a source (literature, derived, fitted or assumed with a reason).
 */
import type { Distribution, ParameterDecl, Source } from "../model/types.js";

/** The QSP-IO platform's parameter file (values, units and their original sources). */
const QSPIO_CITATION =
  "Sové RJ et al., QSP-IO: a quantitative systems pharmacology toolbox for mechanistic multiscale modeling for immuno-oncology applications, CPT Pharmacometrics Syst Pharmacol 2020;9:484-497; values from the toolbox's parameter file (parameters/example1_parameters.json)";

/** A value taken from the QSP-IO parameter file; `name` is the parameter's name there. */
export function qspio(name: string, note?: string): Source {
  return {
    kind: "literature",
    citation: QSPIO_CITATION,
    location: `parameter ${name}`,
    ...(note ? { note } : {}),
  };
}

/** A value derived from QSP-IO values (the derivation in `note`). */
export function qspioDerived(note: string): Source {
  return { kind: "derived", citation: QSPIO_CITATION, note };
}

export function literature(citation: string, location: string, note?: string): Source {
  return { kind: "literature", citation, location, ...(note ? { note } : {}) };
}

/** A modelling choice; `note` says why this value. */
export function assumed(note: string): Source {
  return { kind: "assumed", note };
}

/** Calibrated in this repository; `note` names the target (src/immune/calibration-targets.ts). */
export function fitted(note: string): Source {
  return { kind: "fitted", note };
}

export interface ParamOptions {
  distribution?: Distribution;
  min?: number;
  max?: number;
}

export function param(
  name: string,
  value: number,
  unit: string,
  description: string,
  source: Source,
  options: ParamOptions = {},
): ParameterDecl {
  return { name, value, unit, description, source, ...options };
}
