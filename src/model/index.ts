/** The model language: declarations, compiler, units, registry. */
export type { AnalyzeOptions } from "./analyze.js";
export { compileModel } from "./compile.js";
export type {
  CompiledEvent,
  CompiledInput,
  CompiledModel,
  CompiledObservable,
  CompiledParameter,
  CompiledProcess,
  CompiledSpecies,
} from "./compiled.js";
export { inputForm } from "./input-form.js";
export { modelReferenceMarkdown } from "./reference-markdown.js";
export {
  DEFAULT_MODEL,
  getModel,
  MODEL_REGISTRY,
  modelNames,
  REGISTERED_MODEL_CHECKS,
  type RegisteredModel,
} from "./registry.js";
export { sampleParameters } from "./sample-parameters.js";
export { exportSbml } from "./sbml-export.js";
export { conversionFactor, formatDims, parseUnit, type Unit } from "./units.js";
