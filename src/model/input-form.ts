/**
 * The input form of a module: its species become inputs (same name, unit and description), its
 * processes and events are dropped, its compartments, parameters and observables are kept. A module
 * that no other module feeds back into (no other process changes its species, none of its rates reads
 * another module's symbols) can be solved on its own and its state handed to the rest of the model as a
 * function of time: e.g. a drug's pharmacokinetics, whose doses then stop being discontinuities of the
 * larger model's solve. The caller supplies the inputs (CompiledModel.inputs) from a solve of the
 * module itself (compileModel on a model of that module alone). Browser-safe.
 */
import type { ModuleDecl } from "./types.js";

export function inputForm(module: ModuleDecl): ModuleDecl {
  return {
    name: module.name,
    description: `${module.description} (input form: state supplied from a separate solve)`,
    ...(module.compartments ? { compartments: module.compartments } : {}),
    ...(module.parameters ? { parameters: module.parameters } : {}),
    inputs: [
      ...(module.inputs ?? []),
      ...(module.species ?? []).map((s) => ({ name: s.name, unit: s.unit, description: s.description })),
    ],
    ...(module.observables ? { observables: module.observables } : {}),
  };
}
