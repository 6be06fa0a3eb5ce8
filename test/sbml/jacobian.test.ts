/**
 * The generated Jacobian against central finite differences of the generated right-hand side, at the
 * initial state of every SBML Test Suite core model that gets one (no algebraic rules, fast reactions or
 * delays).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { listSuiteCases, readSuiteTags } from "../../src/cli/commands/sbml.js";
import { compileSbml } from "../../src/sbml/compile-sbml.js";
import { isCoreCase } from "../../src/sbml/conformance-report.js";
import { readSbml } from "../../src/sbml/read-sbml.js";

test("generated Jacobians agree with finite differences on the suite's models", () => {
  let checked = 0;
  const mismatches: string[] = [];
  for (const c of listSuiteCases("test/fixtures/sbml-test-suite")) {
    if (!isCoreCase(readSuiteTags(c.dir, c.id))) continue;
    const m = compileSbml(readSbml(readFileSync(c.sbmlFile, "utf8")));
    if (!m.jacobian || m.nState === 0) continue;
    const n = m.nState;
    const { y, v } = m.initial(0);
    const D = () => Number.NaN;
    const J = new Float64Array(n * n);
    const G = new Float64Array(m.nValues * n);
    m.fill(0, y, v, D);
    m.jacobian(v, J, G);
    const yp = Float64Array.from(y);
    const fp = new Float64Array(n);
    const fm = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      const h = 1e-6 * Math.max(1, Math.abs(y[j] as number));
      yp.set(y);
      yp[j] = (y[j] as number) + h;
      m.fill(0, yp, v, D);
      m.rates(v, fp);
      yp[j] = (y[j] as number) - h;
      m.fill(0, yp, v, D);
      m.rates(v, fm);
      for (let i = 0; i < n; i++) {
        const fd = ((fp[i] as number) - (fm[i] as number)) / (2 * h);
        const an = J[i * n + j] as number;
        if (Number.isNaN(fd) && Number.isNaN(an)) continue;
        if (!(Math.abs(fd - an) <= 1e-5 * (Math.abs(fd) + 1)))
          mismatches.push(`${c.id} J[${i}][${j}]: ${an} vs ${fd}`);
      }
    }
    checked++;
  }
  assert.ok(checked > 700, `${checked} models checked`);
  assert.deepEqual(mismatches, []);
});
