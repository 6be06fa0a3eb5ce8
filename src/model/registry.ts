/**
 * Models available by name (CLI `model`, `export sbml`). The first entry is the default: `cryoimmune`,
 * the project's immune model (two lesions, no drug module: the reference patient of src/immune/).
 * Register a model with one line: `{ name, build: () => declaration }`. Registered models are checked
 * with every source requirement on (REGISTERED_MODEL_CHECKS).
 */
import { InputError } from "../errors.js";
import { patientModel } from "../immune/patient-model.js";
import type { AnalyzeOptions } from "./analyze.js";
import { kuznetsov1994 } from "./examples/kuznetsov1994.js";
import { qspioCheckpoint } from "./examples/qspio-checkpoint.js";
import type { ModelDecl } from "./types.js";

export interface RegisteredModel {
  name: string;
  build: () => ModelDecl;
}

/** The name of the default (first) registered model. */
export const DEFAULT_MODEL = "cryoimmune";

export const MODEL_REGISTRY: RegisteredModel[] = [
  {
    name: DEFAULT_MODEL,
    build: () => ({ ...patientModel({ lesionCount: 2, drugs: [] }), name: DEFAULT_MODEL }),
  },
  { name: "kuznetsov1994", build: () => kuznetsov1994 },
  { name: "qspio-checkpoint", build: () => qspioCheckpoint },
];

/** Analysis options for registered models: every source requirement on. */
export const REGISTERED_MODEL_CHECKS: AnalyzeOptions = { compartmentSources: true };

export function modelNames(): string[] {
  return MODEL_REGISTRY.map((m) => m.name);
}

/** The declaration of a registered model (default: the first registered); InputError if unknown. */
export function getModel(name?: string): ModelDecl {
  const entry = name === undefined ? MODEL_REGISTRY[0] : MODEL_REGISTRY.find((m) => m.name === name);
  if (!entry) throw new InputError("model", name, `one of ${modelNames().join(", ")}`);
  return entry.build();
}
