/**
 * Compiled patient models, one per structure (lesion count and drugs). A cache is an object the caller
 * owns and passes to simulatePatient (no global state); a cohort compiles each structure once.
 */
import { compileModel } from "../model/compile.js";
import type { CompiledModel } from "../model/compiled.js";
import { type PatientStructure, patientModel, structureKey } from "./patient-model.js";

export class ModelCache {
  private readonly models = new Map<string, CompiledModel>();

  get(structure: PatientStructure): CompiledModel {
    const key = structureKey(structure);
    let model = this.models.get(key);
    if (model === undefined) {
      model = compileModel(patientModel(structure));
      this.models.set(key, model);
    }
    return model;
  }

  get size(): number {
    return this.models.size;
  }
}
