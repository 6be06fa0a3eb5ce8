export { solveOde } from "./solve.js";
export type * from "./types.js";
