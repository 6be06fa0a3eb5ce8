/**
 * cryoimmune: the library. Everything exported here runs in Node and in the browser.
 */
export * from "./drugs/index.js";
export { InputError } from "./errors.js";
export * from "./evidence/index.js";
export * from "./immune/index.js";
export type { Expr } from "./model/expr/ast.js";
export * from "./model/expr/index.js";
export * from "./model/index.js";
export type * from "./model/types.js";
export * from "./numerics/ode/index.js";
export type * from "./numerics/ode/types.js";
export * from "./numerics/rng/index.js";
export * from "./sbml/index.js";
export * from "./scenario/index.js";
export * from "./thermal/index.js";
