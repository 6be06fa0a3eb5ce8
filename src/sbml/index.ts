/** SBML import (Levels 2 and 3): read, compile to generated JS, simulate; the SBML Test Suite runner. */
export { type CompiledSbml, compileSbml } from "./compile-sbml.js";
export { conformanceMarkdown, isCoreCase, type SuiteCaseRecord } from "./conformance-report.js";
export type { SbmlModel } from "./model.js";
export { readSbml, UnsupportedSbmlError } from "./read-sbml.js";
export { type SbmlTimeCourse, type SimulateSbmlOptions, simulateCompiled, simulateSbml } from "./simulate.js";
export { type CaseResult, type CaseVerdict, runSuiteCase } from "./test-suite-case.js";
export {
  formatResultsCsv,
  parseResultsCsv,
  parseSuiteSettings,
  type SuiteSettings,
} from "./test-suite-settings.js";
