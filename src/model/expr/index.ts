/** The expression layer shared by the model language and SBML import. */
export type { Expr } from "./ast.js";
export * as exprBuild from "./build.js";
export { dependsOn, differentiate, NotDifferentiableError } from "./derivative.js";
export { checkedFunction, compileExprFunction, emitJs, jsNumber } from "./emit.js";
export { evaluateExpr } from "./evaluate.js";
export {
  arityAccepts,
  BUILTIN_CONSTANTS,
  builtinFunction,
  builtinFunctions,
  describeArity,
  FUNCTION_ALIASES,
  FUNCTION_RUNTIME,
  type FunctionDef,
} from "./functions.js";
export { ExprSyntaxError, parseExpr, piecewiseFromArgs } from "./parse.js";
export { printExpr } from "./print.js";
export { simplify } from "./simplify.js";
