/**
 * The whole patient as ONE model: the immune modules for `lesionCount` lesions plus the PK/PD module of
 * every checkpoint inhibitor the patient receives. Models differ only by structure (lesion count, drugs,
 * exposure form); per-patient differences are parameter values.
 *
 * Exposure form: "ode" (default) keeps each drug module as ODE species, so one solve covers drug
 * exposure and the immune response, doses being scheduled events (the form for SBML export and for
 * anyone who wants the whole system as one ODE). "input" puts each drug module in its input form
 * (src/model/input-form.ts): same parameters and observables, its species (drug amounts, treatment
 * clock) supplied as inputs by simulatePatient from a separate solve of the drug module alone (the PK
 * does not depend on the immune state), so doses are no discontinuities of the immune solve.
 */
import { drugByName } from "../drugs/catalogue/index.js";
import { occupancyName, pkModule } from "../drugs/pk-module.js";
import { inputForm } from "../model/input-form.js";
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
  /** How drug exposure enters (see the file comment); default "ode". */
  exposure?: "ode" | "input";
}

/** A key naming the structure: models with equal keys are identical up to parameter values. */
export function structureKey(structure: PatientStructure): string {
  return `${structure.lesionCount}|${[...structure.drugs].sort().join(",")}|${structure.exposure ?? "ode"}`;
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
  const drugModules = structure.exposure === "input" ? exposure.modules.map(inputForm) : exposure.modules;
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
      ...drugModules,
    ],
  };
}
