/** Scenario files: schema, JSON Schema, loading with field paths and YAML lines. Browser-safe. */
export { formatPath, parseScenario } from "./load.js";
export { type Scenario, scenarioJsonSchema, scenarioSchema, type Treatment } from "./schema.js";
