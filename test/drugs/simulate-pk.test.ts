import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { drugByName } from "../../src/drugs/catalogue/index.js";
import { linearConcentrations } from "../../src/drugs/closed-form.js";
import { individualPk } from "../../src/drugs/individual-pk.js";
import { simulatePk } from "../../src/drugs/simulate-pk.js";
import { hasPopulationPk } from "../../src/drugs/types.js";
import { InputError } from "../../src/errors.js";

function closedForm(name: string, weightKg: number, sim: ReturnType<typeof simulatePk>): Float64Array {
  const pk = drugByName(name).pk;
  assert.ok(hasPopulationPk(pk));
  return linearConcentrations(
    individualPk(pk, { weightKg }),
    sim.doses.filter((d) => d.drug === name),
    sim.days,
  );
}

function assertClose(actual: readonly number[], expected: Float64Array, relTol: number, what: string): void {
  assert.equal(actual.length, expected.length);
  const scale = Math.max(...expected);
  for (let i = 0; i < expected.length; i++) {
    const err = Math.abs(actual[i] - expected[i]) / Math.max(expected[i], 1e-3 * scale);
    assert.ok(err < relTol, `${what}: i=${i} ${actual[i]} vs ${expected[i]} (rel ${err})`);
  }
}

const linear = { timeVaryingClearance: false, saturableClearance: false, rtol: 1e-11, atol: 1e-13 } as const;

describe("simulatePk: the ODE model against the closed-form bi-exponential", () => {
  it("linear 2-compartment, repeated boluses: agreement to 1e-8", () => {
    const sim = simulatePk({
      drug: "nivolumab",
      regimen: "240 mg q2w",
      weightKg: 70,
      days: 60,
      stepDays: 0.5,
      ...linear,
    });
    assert.equal(sim.status, "success");
    assertClose(sim.serumUgPerMl, closedForm("nivolumab", 70, sim), 1e-8, "bolus");
  });

  it("zero-order infusions: agreement to 1e-8", () => {
    const sim = simulatePk({
      drug: "ipilimumab",
      regimen: "3 mg/kg q3w x4 over 90 min",
      weightKg: 80,
      days: 90,
      outputDays: [0, 0.02, 0.0625, 0.1, 1, 21.03, 30, 63.05, 89.5],
      ...linear,
    });
    assertClose(sim.serumUgPerMl, closedForm("ipilimumab", 80, sim), 1e-8, "infusion");
  });

  it("three compartments (tislelizumab): agreement to 1e-8", () => {
    const sim = simulatePk({ drug: "tislelizumab", regimen: "200 mg q3w", days: 84, stepDays: 3, ...linear });
    assertClose(sim.serumUgPerMl, closedForm("tislelizumab", 80, sim), 1e-8, "3-compartment");
  });

  it("doses at day 0, at the same time, and between output times are all applied", () => {
    // Two 120 mg doses at day 0 (same time), then every 5 days: most fall between weekly outputs.
    const sim = simulatePk({
      drug: "nivolumab",
      regimen: "120 mg q5d + 120 mg once",
      days: 70,
      stepDays: 7,
      ...linear,
    });
    assert.equal(sim.doses.filter((d) => d.day === 0).length, 2);
    assert.equal(sim.doses.length, 15);
    const pk = individualPk(drugByName("nivolumab").pk as Parameters<typeof individualPk>[0], {
      weightKg: 80,
    });
    assert.ok(Math.abs(sim.serumUgPerMl[0] - 240 / pk.vcL) < 1e-9, "both day-0 doses at t = 0");
    assertClose(sim.serumUgPerMl, closedForm("nivolumab", 80, sim), 1e-8, "between outputs");
  });
});

describe("simulatePk: pharmacology checks against published values", () => {
  it("terminal slope of the simulation matches the eigenvalue half-life (nivolumab, time-varying CL)", () => {
    const sim = simulatePk({ drug: "nivolumab", regimen: "240 mg once", days: 700, outputDays: [500, 650] });
    const slopeHalfLife = (150 * Math.LN2) / Math.log(sim.serumUgPerMl[0] / sim.serumUgPerMl[1]);
    assert.ok(
      Math.abs(slopeHalfLife / sim.halfLifeDays - 1) < 0.01,
      `${slopeHalfLife} vs ${sim.halfLifeDays}`,
    );
    assert.ok(sim.halfLifeDays > 20 && sim.halfLifeDays < 30);
    assert.ok(sim.halfLifeFirstDoseDays < sim.halfLifeDays);
  });

  for (const [drug, low, high] of [
    ["pembrolizumab", 22, 27],
    ["atezolizumab", 24, 30],
    ["ipilimumab", 14, 17],
  ] as const) {
    it(`terminal slope matches the eigenvalue half-life for ${drug} (${low}–${high} days)`, () => {
      const sim = simulatePk({ drug, regimen: "200 mg once", days: 400, outputDays: [250, 350] });
      const slopeHalfLife = (100 * Math.LN2) / Math.log(sim.serumUgPerMl[0] / sim.serumUgPerMl[1]);
      assert.ok(
        Math.abs(slopeHalfLife / sim.halfLifeDays - 1) < 0.01,
        `${slopeHalfLife} vs ${sim.halfLifeDays}`,
      );
      assert.ok(slopeHalfLife > low && slopeHalfLife < high, String(slopeHalfLife));
    });
  }

  it("one 3 mg/kg nivolumab dose keeps PD-1 occupancy ≥ 70 % for ≥ 2 months (Brahmer et al., JCO 2010)", () => {
    const sim = simulatePk({
      drug: "nivolumab",
      regimen: "3 mg/kg once over 60 min",
      weightKg: 80,
      days: 61,
    });
    assert.equal(sim.target, "PD-1");
    assert.equal(sim.occupancyObservable, "occupancy_pd1");
    for (let i = 1; i < sim.days.length; i++)
      assert.ok(sim.occupancy[i] >= 0.7, `day ${sim.days[i]}: ${sim.occupancy[i]}`);
  });

  it("ipilimumab 3 mg/kg q3w: trough before the 4th dose near the label's mean Cmin,ss 19.4 µg/mL", () => {
    // YERVOY label §12.3 (via Oncologist 2021;26:797, Table 2): mean Cmin at steady state 19.4 µg/mL; CL CV 38 %.
    const sim = simulatePk({
      drug: "ipilimumab",
      regimen: "3 mg/kg q3w x4 over 90 min",
      weightKg: 80,
      days: 70,
    });
    const trough = sim.troughs.find((t) => t.day === 63)?.serumUgPerMl ?? Number.NaN;
    assert.ok(trough > 19.4 * 0.7 && trough < 19.4 * 1.3, String(trough));
  });

  it("pembrolizumab 200 mg q3w: steady-state AUC over 6 weeks near 1.87 mg·day/mL (Freshwater 2017)", () => {
    const sim = simulatePk({
      drug: "pembrolizumab",
      regimen: "200 mg q3w over 30 min",
      weightKg: 76.8,
      days: 168,
      stepDays: 0.25,
    });
    let auc = 0;
    for (let i = 0; i + 1 < sim.days.length; i++)
      if (sim.days[i] >= 126)
        auc += ((sim.days[i + 1] - sim.days[i]) * (sim.serumUgPerMl[i] + sim.serumUgPerMl[i + 1])) / 2;
    assert.ok(Math.abs(auc / 1870 - 1) < 0.37, `${auc} µg·day/mL`);
  });

  it("atezolizumab 1200 mg: trough after the first dose near 85 µg/mL (IMscin001 IV arm, CV 33 %)", () => {
    const sim = simulatePk({
      drug: "atezolizumab",
      regimen: "1200 mg q3w over 60 min",
      weightKg: 77,
      days: 42,
    });
    const trough = sim.troughs[0];
    assert.equal(trough.day, 21);
    assert.ok(Math.abs(trough.serumUgPerMl / 85 - 1) < 0.33, String(trough.serumUgPerMl));
  });

  it("nivolumab flat 240 mg q2w equals 3 mg/kg q2w at 80 kg (the basis of the flat dose)", () => {
    const flat = simulatePk({ drug: "nivolumab", regimen: "240 mg q2w", weightKg: 80, days: 112 });
    const weight = simulatePk({ drug: "nivolumab", regimen: "3 mg/kg q2w", weightKg: 80, days: 112 });
    assert.deepEqual(flat.serumUgPerMl, weight.serumUgPerMl);
    const heavy = simulatePk({ drug: "nivolumab", regimen: "3 mg/kg q2w", weightKg: 120, days: 112 });
    assert.ok(heavy.serumUgPerMl[111] > flat.serumUgPerMl[111]);
  });
});

describe("simulatePk: combinations, clearance models and errors", () => {
  it("a combination simulates every drug; each has its own occupancy", () => {
    const sim = simulatePk({
      drug: "nivolumab",
      regimen: "nivolumab 1 mg/kg + ipilimumab 3 mg/kg q3w x4, then nivolumab 480 mg q4w",
      days: 140,
    });
    assert.deepEqual(Object.keys(sim.drugs).sort(), ["ipilimumab", "nivolumab"]);
    assert.ok(sim.drugs.ipilimumab.occupancy[30] > 0.5);
    assert.equal(sim.drugs.ipilimumab.troughs.length, 3);
    assert.deepEqual(
      sim.troughs.map((t) => t.day),
      [21, 42, 63, 84, 112],
    );
  });

  it("time-varying clearance raises exposure late in treatment; saturable clearance lowers it at low levels", () => {
    const on = simulatePk({ drug: "nivolumab", regimen: "240 mg q2w", days: 200 });
    const off = simulatePk({
      drug: "nivolumab",
      regimen: "240 mg q2w",
      days: 200,
      timeVaryingClearance: false,
    });
    assert.ok(Math.abs(on.serumUgPerMl[5] / off.serumUgPerMl[5] - 1) < 0.01);
    assert.ok(on.serumUgPerMl[199] > 1.15 * off.serumUgPerMl[199]);
    const mm = simulatePk({ drug: "durvalumab", regimen: "10 mg/kg once", days: 120, outputDays: [110] });
    const lin = simulatePk({
      drug: "durvalumab",
      regimen: "10 mg/kg once",
      days: 120,
      outputDays: [110],
      saturableClearance: false,
    });
    assert.ok(mm.serumUgPerMl[0] < lin.serumUgPerMl[0]);
  });

  it("time-varying clearance runs from the first dose: a regimen started on day 7 is the same curve shifted", () => {
    const now = simulatePk({ drug: "nivolumab", regimen: "240 mg q2w", days: 150 });
    const later = simulatePk({ drug: "nivolumab", regimen: "240 mg q2w from day 7", days: 157 });
    for (let d = 0; d <= 150; d++)
      assert.ok(
        Math.abs(later.serumUgPerMl[d + 7] / now.serumUgPerMl[d] - 1) < 1e-6 || now.serumUgPerMl[d] === 0,
        `day ${d}`,
      );
    assert.equal(later.serumUgPerMl[6], 0);
  });

  it("bad input is an InputError", () => {
    assert.throws(
      () => simulatePk({ drug: "nivolumab", regimen: "nivolumab 240 mg q2w + foo 3 mg q2w" }),
      (e: unknown) => e instanceof InputError && e.field === "regimen" && /known drugs/.test(e.message),
    );
    assert.throws(() => simulatePk({ drug: "nivolumabb", regimen: "240 mg q2w" }), /known drugs: nivolumab/);
    assert.throws(() => simulatePk({ drug: "toripalimab", regimen: "240 mg q3w" }), InputError);
    assert.throws(() => simulatePk({ drug: "nivolumab", regimen: "240 mg q2w", days: -1 }), InputError);
    assert.throws(() => simulatePk({ drug: "nivolumab", regimen: "ipilimumab 3 mg/kg q3w x4" }), InputError);
    assert.throws(() => simulatePk({ drug: "nivolumab", regimen: "240 mg" }), InputError);
  });
});
