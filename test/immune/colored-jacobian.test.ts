import assert from "node:assert/strict";
import { test } from "node:test";
import { coloredJacobian } from "../../src/immune/colored-jacobian.js";
import { ModelCache } from "../../src/immune/model-cache.js";

test("coloured finite differences reproduce a small analytic Jacobian and group independent columns", () => {
  // f = (y0·y1, −y1 + y2², 3·y0, y3): columns 0, 2 and 3 share no row, so two groups suffice.
  const f = (_t: number, y: Float64Array, d: Float64Array) => {
    d[0] = y[0] * y[1];
    d[1] = -y[1] + y[2] * y[2];
    d[2] = 3 * y[0];
    d[3] = y[3];
  };
  const rows = Int32Array.from([0, 0, 1, 1, 2, 3]);
  const cols = Int32Array.from([0, 1, 1, 2, 0, 3]);
  const cj = coloredJacobian(4, { rows, cols }, f, new Float64Array(4).fill(1e-8));
  assert.ok(cj.groups < 4, `groups: ${cj.groups}`);
  const y = Float64Array.from([2, 3, 5, 7]);
  const J = new Float64Array(16);
  cj.jacobian(0, y, J);
  const exact = [3, 2, 0, 0, 0, -1, 10, 0, 3, 0, 0, 0, 0, 0, 0, 1];
  for (let k = 0; k < 16; k++)
    assert.ok(Math.abs(J[k] - exact[k]) < 1e-6, `J[${k}] = ${J[k]} vs ${exact[k]}`);
});

test("for the patient model it agrees with the compiler's symbolic Jacobian, with far fewer calls than columns", () => {
  const m = new ModelCache().get({ lesionCount: 2, drugs: ["ipilimumab", "nivolumab"] });
  const p = m.defaultParameters();
  const n = m.species.length;
  const y = m.initialState(p);
  for (let i = 0; i < n; i++) y[i] += (1 + Math.abs(y[i])) * (0.3 + 0.1 * (i % 7));
  const cj = coloredJacobian(
    n,
    m.jacobianPattern,
    (t, yy, d) => m.rhs(t, yy, d, p),
    new Float64Array(n).fill(1e-3),
  );
  assert.ok(cj.groups * 3 < n, `${cj.groups} groups for ${n} columns`);
  const J1 = new Float64Array(n * n);
  const J2 = new Float64Array(n * n);
  cj.jacobian(0, y, J1);
  m.jacobian(0, y, J2, p);
  for (let i = 0; i < n; i++) {
    let rowMax = 0;
    for (let j = 0; j < n; j++) rowMax = Math.max(rowMax, Math.abs(J2[i * n + j]));
    for (let j = 0; j < n; j++)
      assert.ok(
        Math.abs(J1[i * n + j] - J2[i * n + j]) <= 1e-3 * rowMax + 1e-9,
        `∂f_${m.species[i].name}/∂${m.species[j].name}`,
      );
  }
});
