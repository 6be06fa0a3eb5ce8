import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { drugByName } from "../../src/drugs/catalogue/index.js";
import { doseResponse, linearConcentrations } from "../../src/drugs/closed-form.js";
import { disposition, terminalHalfLifeDays } from "../../src/drugs/disposition.js";
import { type IndividualPk, individualPk, steadyStateClearance } from "../../src/drugs/individual-pk.js";
import { hasPopulationPk } from "../../src/drugs/types.js";

function popPk(name: string) {
  const pk = drugByName(name).pk;
  assert.ok(hasPopulationPk(pk));
  return pk;
}

/** Classical RK4 on the linear mammillary ODE (test reference; small fixed step). */
function rk4Central(pk: IndividualPk, doseMg: number, tEnd: number, h: number): number {
  const k10 = pk.clLPerDay / pk.vcL;
  const k12 = pk.qLPerDay / pk.vcL;
  const k21 = pk.qLPerDay / pk.vpL;
  const k13 = (pk.q2LPerDay ?? 0) / pk.vcL;
  const k31 = pk.vp2L ? (pk.q2LPerDay ?? 0) / pk.vp2L : 0;
  const f = (y: number[]) => [
    -(k10 + k12 + k13) * y[0] + k21 * y[1] + k31 * y[2],
    k12 * y[0] - k21 * y[1],
    k13 * y[0] - k31 * y[2],
  ];
  let y = [doseMg, 0, 0];
  const steps = Math.round(tEnd / h);
  for (let s = 0; s < steps; s++) {
    const a = f(y);
    const b = f(y.map((v, i) => v + (h / 2) * a[i]));
    const c = f(y.map((v, i) => v + (h / 2) * b[i]));
    const d = f(y.map((v, i) => v + h * c[i]));
    y = y.map((v, i) => v + (h / 6) * (a[i] + 2 * b[i] + 2 * c[i] + d[i]));
  }
  return y[0] / pk.vcL;
}

describe("terminal half-lives from the catalogue (2-compartment eigenvalues) are in published ranges", () => {
  // [drug, low, high, which clearance] — ranges: labels and the PK papers (see each record's publishedHalfLifeDays).
  const cases: [string, number, number][] = [
    ["nivolumab", 20, 30], // ~25 d (Opdivo label); at steady-state (time-varying) clearance
    ["pembrolizumab", 22, 27], // 22 d label (CV 32 %); ~26 d from Ahamadi 2017
    ["atezolizumab", 24, 30], // 27 d (Stroh 2017, label)
    ["ipilimumab", 14, 17], // 15.4 d (label), ~15 d (Feng 2014)
  ];
  for (const [name, low, high] of cases) {
    it(`${name}: ${low}–${high} days`, () => {
      const pk = individualPk(popPk(name));
      const t = terminalHalfLifeDays(pk, steadyStateClearance(pk));
      assert.ok(t >= low && t <= high, `${name}: ${t.toFixed(2)} d`);
      const range = popPk(name).publishedHalfLifeDays?.range;
      assert.ok(range && t >= range[0] && t <= range[1], `${name}: outside the record's published range`);
    });
  }

  it("nivolumab: baseline vs steady-state half-life bracket the label's 25 days", () => {
    const pk = individualPk(popPk("nivolumab"));
    const first = terminalHalfLifeDays(pk);
    const ss = terminalHalfLifeDays(pk, steadyStateClearance(pk));
    assert.ok(first < 25 && ss > 25, `${first} ${ss}`);
    assert.ok(Math.abs(steadyStateClearance(pk) / pk.clLPerDay - Math.exp(-0.295)) < 1e-12);
  });
});

describe("closed-form disposition", () => {
  it("the unit-impulse coefficients sum to 1/Vc (C(0+) = D/Vc), two and three compartments", () => {
    for (const name of ["nivolumab", "tislelizumab", "atezolizumab"]) {
      const pk = individualPk(popPk(name));
      const d = disposition(pk);
      const sum = d.coefficients.reduce((a, b) => a + b, 0);
      assert.ok(Math.abs(sum * pk.vcL - 1) < 1e-12, `${name}: ${sum * pk.vcL}`);
      assert.equal(d.lambdas.length, name === "tislelizumab" ? 3 : 2);
      for (let i = 1; i < d.lambdas.length; i++) assert.ok(d.lambdas[i] > d.lambdas[i - 1]);
    }
  });

  it("matches an RK4 integration of the ODEs (bolus), two and three compartments", () => {
    for (const name of ["ipilimumab", "tislelizumab"]) {
      const pk = individualPk(popPk(name), { weightKg: 70 });
      const d = disposition(pk);
      for (const t of [0.5, 7, 30]) {
        const exact = doseResponse(d, { day: 0, amountMg: 300, infusionHours: 0 }, t);
        const ref = rk4Central(pk, 300, t, 0.005);
        assert.ok(Math.abs(exact - ref) / ref < 1e-9, `${name} t=${t}: ${exact} vs ${ref}`);
      }
    }
  });

  it("an infusion converges to the bolus as its duration shrinks, and conserves the dose", () => {
    const pk = individualPk(popPk("nivolumab"));
    const d = disposition(pk);
    const bolus = doseResponse(d, { day: 0, amountMg: 240, infusionHours: 0 }, 10);
    const inf = doseResponse(d, { day: 0, amountMg: 240, infusionHours: 0.001 }, 10);
    assert.ok(Math.abs(inf / bolus - 1) < 1e-5);
    // AUC(0,∞) = dose / CL for any input shape: integrate 0…2000 days with Simpson's rule.
    const times = Array.from({ length: 200_001 }, (_, i) => i * 0.01);
    const c = linearConcentrations(
      pk,
      [{ drug: "nivolumab", day: 0, amountMg: 240, infusionHours: 12 }],
      times,
    );
    let auc = 0;
    for (let i = 0; i + 2 < c.length; i += 2) auc += (0.01 / 3) * (c[i] + 4 * c[i + 1] + c[i + 2]);
    assert.ok(Math.abs(auc / (240 / pk.clLPerDay) - 1) < 1e-4, `${auc} vs ${240 / pk.clLPerDay}`);
  });

  it("weight covariates follow the power law", () => {
    const pop = popPk("nivolumab");
    const a = individualPk(pop, { weightKg: 80 });
    const b = individualPk(pop, { weightKg: 40 });
    assert.ok(Math.abs(b.clLPerDay / a.clLPerDay - 0.5 ** 0.566) < 1e-12);
    assert.ok(Math.abs(b.vcL / a.vcL - 0.5 ** 0.597) < 1e-12);
    assert.equal(b.vpL, a.vpL);
  });
});
