import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DRUGS, drugByName } from "../../src/drugs/catalogue/index.js";
import { doseResponse, linearConcentrations } from "../../src/drugs/closed-form.js";
import { disposition, effectiveHalfLifeDays, terminalHalfLifeDays } from "../../src/drugs/disposition.js";
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

describe("half-lives from the catalogue are within ±20 % of the published values", () => {
  // Band: published value ± 20 % (see PopulationPk.publishedHalfLifeDays). Two-compartment models: the
  // terminal (eigenvalue) half-life at the long-treatment clearance. Three-compartment (tislelizumab):
  // the effective (accumulation) half-life at the labelled interval — the deepest eigenvalue is not
  // what the label reports.
  for (const d of DRUGS) {
    const pk = d.pk;
    if (!hasPopulationPk(pk) || !pk.publishedHalfLifeDays) continue;
    const published = pk.publishedHalfLifeDays;
    it(`${d.name}: within ±20 % of the published ${published.value} days`, () => {
      const range = published.range;
      assert.ok(range);
      assert.ok(
        Math.abs(range[0] - 0.8 * published.value) < 0.06 &&
          Math.abs(range[1] - 1.2 * published.value) < 0.06,
      );
      const ind = individualPk(pk);
      const cl = steadyStateClearance(ind);
      const t =
        pk.structure === "three-compartment"
          ? effectiveHalfLifeDays(ind, 21, cl)
          : terminalHalfLifeDays(ind, cl);
      assert.ok(t >= range[0] && t <= range[1], `${d.name}: ${t.toFixed(2)} d`);
    });
  }

  it("tislelizumab: the deepest eigenvalue (~36 d) is outside the label's 23.8 d; the accumulation half-life at q3w matches it within 5 %", () => {
    const pk = individualPk(popPk("tislelizumab"));
    const terminal = terminalHalfLifeDays(pk);
    assert.ok(terminal > 33 && terminal < 38, String(terminal));
    const effective = effectiveHalfLifeDays(pk, 21);
    assert.ok(Math.abs(effective / 23.8 - 1) < 0.05, String(effective));
  });

  it("effective half-life of a one-compartment drug is its half-life at any interval", () => {
    // Q → 0 leaves one exponential: R/(R−1) = e^{kτ}, so the formula returns ln2/k exactly.
    const pk = { clLPerDay: 0.2, vcL: 4, qLPerDay: 1e-12, vpL: 3 };
    for (const tau of [7, 21, 42])
      assert.ok(Math.abs(effectiveHalfLifeDays(pk, tau) - (Math.LN2 * 4) / 0.2) < 1e-6);
  });

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
