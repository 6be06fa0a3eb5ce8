/**
 * Model compiler benchmark: evaluations per second of the compiled right-hand side and Jacobian versus
 * the interpreted references (tree walks per call), for generated 60- and 200-species chains (saturable
 * and Hill steps), the registered models and the immune patient model. Prints the speed-up ratios.
 */

import { patientModel } from "../src/immune/patient-model.js";
import { analyzeModel } from "../src/model/analyze.js";
import { compileAnalysis } from "../src/model/compile.js";
import { interpretedJacobian, interpretRhs } from "../src/model/interpret.js";
import { getModel, modelNames } from "../src/model/registry.js";
import type { ModelDecl } from "../src/model/types.js";
import { chainModel } from "../test/model/chain-model.js";

/** Calls per second of fn: best of three 300 ms rounds after a 1 s warm-up (lets the optimising JIT finish large generated functions). */
function rate(fn: (i: number) => void): number {
  const round = (ms: number): number => {
    let calls = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < ms) {
      for (let i = 0; i < 100; i++) fn(calls + i);
      calls += 100;
      elapsed = performance.now() - start;
    }
    return (calls / elapsed) * 1000;
  };
  round(1000);
  return Math.max(round(300), round(300), round(300));
}

function measure(decl: ModelDecl) {
  const a = analyzeModel(decl);
  const m = compileAnalysis(a);
  const p = m.defaultParameters();
  const y0 = m.initialState(p);
  const n = y0.length;
  // a few distinct states, cycled, so nothing is constant-folded away
  const states = Array.from({ length: 8 }, (_, k) =>
    Float64Array.from(y0, (v, i) => (v === 0 ? 1 + k : v * (1 + 0.01 * ((i + k) % 5)))),
  );
  const dydt = new Float64Array(n);
  const J = new Float64Array(n * n);
  const slowJ = interpretedJacobian(a);
  const rhsCompiled = rate((i) => m.rhs(0, states[i & 7], dydt, p));
  const rhsInterpreted = rate((i) => interpretRhs(a, 0, states[i & 7], p, dydt));
  const jacCompiled = rate((i) => m.jacobian(0, states[i & 7], J, p));
  const jacInterpreted = rate((i) => slowJ(0, states[i & 7], p, J));
  return {
    model: decl.name,
    species: n,
    processes: m.processes.length,
    jacobianNonZeros: m.jacobianPattern.rows.length,
    rhsCompiledPerSec: Math.round(rhsCompiled),
    rhsInterpretedPerSec: Math.round(rhsInterpreted),
    rhsSpeedup: Number((rhsCompiled / rhsInterpreted).toFixed(1)),
    jacobianCompiledPerSec: Math.round(jacCompiled),
    jacobianInterpretedPerSec: Math.round(jacInterpreted),
    jacobianSpeedup: Number((jacCompiled / jacInterpreted).toFixed(1)),
  };
}

export default async () => {
  const rows = [
    measure(chainModel(60)),
    measure(chainModel(200)),
    ...modelNames().map((name) => measure(getModel(name))),
  ];
  // the immune patient model (two lesions, nivolumab), when it compiles in this checkout
  try {
    rows.push(
      measure({ ...patientModel({ lesionCount: 2, drugs: ["nivolumab"] }), name: "immune-2-lesions" }),
    );
  } catch (err) {
    console.log(`immune patient model skipped: ${(err as Error).message}`);
  }
  for (const r of rows) {
    console.log(
      `${r.model.padEnd(18)} n=${String(r.species).padStart(3)}  rhs ${r.rhsCompiledPerSec.toLocaleString("en")}/s vs ${r.rhsInterpretedPerSec.toLocaleString("en")}/s (×${r.rhsSpeedup})  ` +
        `jacobian ${r.jacobianCompiledPerSec.toLocaleString("en")}/s vs ${r.jacobianInterpretedPerSec.toLocaleString("en")}/s (×${r.jacobianSpeedup})`,
    );
  }
  return { rows };
};
