/**
 * Models available by name (CLI `model`, `export sbml`). The first entry is the default.
 * Register a model with one line: `{ name, build: () => declaration }`.
 */
import { InputError } from "../errors.js";
import { kuznetsov1994 } from "./examples/kuznetsov1994.js";
import { qspioCheckpoint } from "./examples/qspio-checkpoint.js";
import type { ModelDecl } from "./types.js";

export interface RegisteredModel {
  name: string;
  build: () => ModelDecl;
}

export const MODEL_REGISTRY: RegisteredModel[] = [
  { name: "kuznetsov1994", build: () => kuznetsov1994 },
  { name: "qspio-checkpoint", build: () => qspioCheckpoint },
];

export function modelNames(): string[] {
  return MODEL_REGISTRY.map((m) => m.name);
}

/** The declaration of a registered model (default: the first registered); InputError if unknown. */
export function getModel(name?: string): ModelDecl {
  const entry = name === undefined ? MODEL_REGISTRY[0] : MODEL_REGISTRY.find((m) => m.name === name);
  if (!entry) throw new InputError("model", name, `one of ${modelNames().join(", ")}`);
  return entry.build();
}
