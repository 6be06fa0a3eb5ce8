/**
 * Compiled patient models, one per structure (lesion count, drugs, exposure form), and the compiled PK
 * models of single drugs (for the input form of exposure). A cache is an object the caller owns and
 * passes to simulatePatient (no global state); a cohort compiles each structure once.
 */

import { drugByName } from "../drugs/catalogue/index.js";
import { pkModule } from "../drugs/pk-module.js";
import { InputError } from "../errors.js";
import { compileModel } from "../model/compile.js";
import type { CompiledModel } from "../model/compiled.js";
import { type PatientStructure, patientModel, structureKey } from "./patient-model.js";

export interface ModelCacheOptions {
  /**
   * Keep the settled state of the last `reuseBurnIn` burn-ins (true: 64) and reuse it for a simulation
   * whose burn-in is identical (same structure, parameter values and solver settings): several treatment
   * arms or timings of one patient then settle once. The reused state is the one the solve gave, so the
   * results are the same; the trajectory's stats then count no burn-in steps. Off by default.
   */
  reuseBurnIn?: boolean | number;
}

export class ModelCache {
  private readonly models = new Map<string, CompiledModel>();
  private readonly pkModels = new Map<string, CompiledModel>();
  private readonly burnIns = new Map<string, Float64Array>();
  private readonly burnInLimit: number;

  constructor(options: ModelCacheOptions = {}) {
    const r = options.reuseBurnIn;
    if (r !== undefined && typeof r !== "boolean" && !(Number.isSafeInteger(r) && r > 0))
      throw new InputError("reuseBurnIn", r, "true, false or a positive whole number of burn-ins to keep");
    this.burnInLimit = r === true ? 64 : typeof r === "number" && r > 0 ? Math.floor(r) : 0;
  }

  /** Whether this cache keeps burn-ins (ModelCacheOptions.reuseBurnIn). */
  get reusesBurnIn(): boolean {
    return this.burnInLimit > 0;
  }

  /** A kept burn-in state (a copy is the caller's to make), or undefined. */
  burnIn(key: string): Float64Array | undefined {
    const y = this.burnIns.get(key);
    if (y !== undefined) {
      // most recently used last
      this.burnIns.delete(key);
      this.burnIns.set(key, y);
    }
    return y;
  }

  keepBurnIn(key: string, y: Float64Array): void {
    if (this.burnInLimit === 0) return;
    this.burnIns.delete(key);
    this.burnIns.set(key, y);
    while (this.burnIns.size > this.burnInLimit) {
      const oldest = this.burnIns.keys().next().value as string;
      this.burnIns.delete(oldest);
    }
  }

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
