/**
 * Compiled patient models, one per structure (lesion count, drugs, exposure form), and the compiled PK
 * models of single drugs (for the input form of exposure). A cache is an object the caller owns and
 * passes to simulatePatient (no global state); a cohort compiles each structure once.
 */
import { drugByName } from "../drugs/catalogue/index.js";
import { pkModule } from "../drugs/pk-module.js";
import { compileModel } from "../model/compile.js";
import type { CompiledModel } from "../model/compiled.js";
import { type PatientStructure, patientModel, structureKey } from "./patient-model.js";

export class ModelCache {
  private readonly models = new Map<string, CompiledModel>();
  private readonly pkModels = new Map<string, CompiledModel>();

  get(structure: PatientStructure): CompiledModel {
    const key = structureKey(structure);
    let model = this.models.get(key);
    if (model === undefined) {
      model = compileModel(patientModel(structure));
      this.models.set(key, model);
    }
    return model;
  }

  /** The PK/PD module of one drug (catalogue name) compiled alone: the model its exposure inputs come from. */
  drugPk(drug: string): CompiledModel {
    const key = drug.toLowerCase();
    let model = this.pkModels.get(key);
    if (model === undefined) {
      const module = pkModule(drugByName(key));
      model = compileModel({
        name: `${key} PK/PD`,
        description: module.description,
        timeUnit: "day",
        modules: [module],
      });
      this.pkModels.set(key, model);
    }
    return model;
  }

  get size(): number {
    return this.models.size;
  }
}
