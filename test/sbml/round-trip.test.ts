/**
 * Every registered model-language model, exported as SBML (src/model/sbml-export.ts) and imported here,
 * gives the same time course as the native compiled model: the SBML reader, MathML conversion and code
 * generator agree with the model compiler (both integrate with solveOde).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { compileModel } from "../../src/model/compile.js";
import { getModel, modelNames } from "../../src/model/registry.js";
import { exportSbml } from "../../src/model/sbml-export.js";
import { solveOde } from "../../src/numerics/ode/solve.js";
import { simulateSbml } from "../../src/sbml/simulate.js";

for (const name of modelNames()) {
  test(`model ${name}: SBML export → import reproduces the native simulation`, () => {
    const decl = getModel(name);
    const native = compileModel(decl);
    const times = [0, 5, 10];
    const sol = solveOde(native.problem(native.defaultParameters(), 0, 10), {
      outputTimes: times,
      rtol: 1e-10,
      atol: 1e-12,
    });
    assert.equal(sol.status, "success");
    const imported = simulateSbml(exportSbml(decl), { outputTimes: times });
    assert.equal(imported.status, "success", imported.message);
    native.species.forEach((sp, i) => {
      const col = imported.columns[sp.name];
      assert.ok(col, `species ${sp.name} in the imported model`);
      for (let k = 0; k < times.length; k++) {
        const want = (sol.y[k] as Float64Array)[i] as number;
        const got = col[k] as number;
        assert.ok(
          Math.abs(got - want) <= 1e-7 * Math.abs(want) + 1e-9,
          `${sp.name} at t = ${times[k]}: ${got} vs ${want}`,
        );
      }
    });
  });
}
