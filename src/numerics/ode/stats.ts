/** Solver statistics: a zero record and the sum of two (e.g. a burn-in and a treatment solve). */
import type { OdeStats } from "./types.js";

export function zeroStats(): OdeStats {
  return { steps: 0, rejected: 0, rhsEvals: 0, jacobianEvals: 0, factorizations: 0 };
}

export function addStats(a: OdeStats, b: OdeStats): OdeStats {
  return {
    steps: a.steps + b.steps,
    rejected: a.rejected + b.rejected,
    rhsEvals: a.rhsEvals + b.rhsEvals,
    jacobianEvals: a.jacobianEvals + b.jacobianEvals,
    factorizations: a.factorizations + b.factorizations,
  };
}
