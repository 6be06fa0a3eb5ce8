/**
 * The whole patient as ONE model: the immune modules for `lesionCount` lesions plus the PK/PD module of
 * every checkpoint inhibitor the patient receives, so that one ODE solve covers drug exposure and the
 * immune response, with doses and ablations as scheduled events. Models differ only by structure
 * (lesion count, drugs); per-patient differences are parameter values.
 */
import { drugByName } from "../drugs/catalogue/index.js";
import { occupancyName, pkModule } from "../drugs/pk-module.js";
import type { ModelDecl, ModuleDecl } from "../model/types.js";
import { ablationEvent } from "./ablation.js";
import { antigenModule } from "./antigen-release.js";
import { bloodObservablesModule } from "./blood-observables.js";
import { type BlockadeTargets, checkpointsModule } from "./checkpoints.js";
import { compartmentsModule } from "./compartments.js";
import { cytokinesModule } from "./cytokines.js";
import { dendriticCellsModule } from "./dendritic-cells.js";
import { effectorModule } from "./effector.js";
import { innateModule } from "./innate.js";
import { slots } from "./lesion-names.js";
import { primingModule } from "./priming.js";
import { suppressionModule } from "./suppression.js";
import { tumourModule } from "./tumour.js";

export interface PatientStructure {
  /** Number of lesions (slots l1 … lN). */
  lesionCount: number;
  /** Checkpoint inhibitors in the model (catalogue names), sorted. */
  drugs: string[];
}

/** A key naming the structure: models with equal keys are identical up to parameter values. */
export function structureKey(structure: PatientStructure): string {
  return `${structure.lesionCount}|${[...structure.drugs].sort().join(",")}`;
}

/** The PK/PD modules of the drugs and which checkpoint targets they block. */
export function exposureModules(drugs: string[]): { modules: ModuleDecl[]; targets: BlockadeTargets } {
  const targets: BlockadeTargets = { pd1: false, pdl1: false, ctla4: false };
  const modules: ModuleDecl[] = [];
  const seen = new Set<string>();
  for (const name of [...drugs].sort()) {
    const drug = drugByName(name);
    const occupancy = occupancyName(drug);
    if (seen.has(occupancy))
      throw new Error(`two drugs on the same target (${occupancy}) in one patient are not supported`);
    seen.add(occupancy);
    if (occupancy === "occupancy_pd1") targets.pd1 = true;
    else if (occupancy === "occupancy_pdl1") targets.pdl1 = true;
    else if (occupancy === "occupancy_ctla4") targets.ctla4 = true;
    modules.push(pkModule(drug));
  }
  return { modules, targets };
}

export function patientModel(structure: PatientStructure): ModelDecl {
  const n = structure.lesionCount;
  if (!Number.isInteger(n) || n < 1) throw new Error(`lesionCount must be a positive integer, got ${n}`);
  const exposure = exposureModules(structure.drugs);
  const events: ModuleDecl = {
    name: "cryoablation",
    description: "Cryoablation events, one per lesion",
    events: slots(n).map(ablationEvent),
  };
  return {
    name: `cryoimmune patient (${n} lesion${n > 1 ? "s" : ""}${structure.drugs.length ? `; ${structure.drugs.join(", ")}` : ""})`,
    description:
      "The cancer-immunity cycle under cryoablation and checkpoint blockade: blood, peripheral tissues, lymph node and every lesion",
    timeUnit: "day",
    modules: [
      compartmentsModule(),
      tumourModule(n),
      antigenModule(n),
      dendriticCellsModule(n),
      primingModule(),
      effectorModule(n),
      checkpointsModule(n, exposure.targets),
      suppressionModule(n),
      innateModule(n),
      cytokinesModule(n),
      bloodObservablesModule(n),
      events,
      ...exposure.modules,
    ],
  };
}
