import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { drugByName } from "../../src/drugs/catalogue/index.js";
import { NIVOLUMAB_OCCUPANCY_SOURCE } from "../../src/drugs/catalogue/nivolumab.js";
import { PEMBROLIZUMAB_AUC_SOURCE } from "../../src/drugs/catalogue/pembrolizumab.js";
import { TUMOUR_PARTITION } from "../../src/drugs/catalogue/tumour-partition.js";
import { linearConcentrations } from "../../src/drugs/closed-form.js";
import { individualPk } from "../../src/drugs/individual-pk.js";
import { pkModule } from "../../src/drugs/pk-module.js";
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

  // Bands: published value ± 20 % (pembrolizumab 22 d label, atezolizumab 27 d, ipilimumab 15.4 d label).
  for (const [drug, low, high] of [
    ["pembrolizumab", 17.6, 26.4],
    ["atezolizumab", 21.6, 32.4],
    ["ipilimumab", 12.3, 18.5],
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

  // Brahmer et al. JCO 2010: after one dose of 0.3–10 mg/kg, mean PD-1 occupancy on circulating T
  // cells stayed > 70 % for ≥ 2 months, with a plateau near 70 % whatever the dose. Band at day 60:
  // 60–85 % (the 72 % plateau ± the spread one would accept for a cohort mean of six patients).
  const BRAHMER_BAND = [0.6, 0.85] as const;
  for (const dose of [0.3, 3, 10])
    it(`one ${dose} mg/kg nivolumab dose: blood PD-1 occupancy at day 60 in ${BRAHMER_BAND.join("–")} (${NIVOLUMAB_OCCUPANCY_SOURCE.citation?.slice(0, 12)} 2010)`, () => {
      const sim = simulatePk({
        drug: "nivolumab",
        regimen: `${dose} mg/kg once over 60 min`,
        weightKg: 80,
        days: 61,
      });
      assert.equal(sim.target, "PD-1");
      assert.equal(sim.occupancyObservable, "occupancy_pd1");
      const at60 = sim.bloodOccupancy[60];
      assert.ok(at60 >= BRAHMER_BAND[0] && at60 <= BRAHMER_BAND[1], `day 60: ${at60}`);
      // ≥ 70 % (to rounding of the fitted EC50) for two months, and never above the band: the plateau.
      for (let i = 1; i <= 60; i++) {
        assert.ok(sim.bloodOccupancy[i] >= 0.699, `day ${i}: ${sim.bloodOccupancy[i]}`);
        assert.ok(sim.bloodOccupancy[i] <= BRAHMER_BAND[1], `day ${i}: ${sim.bloodOccupancy[i]}`);
      }
    });

  it("the fitted nivolumab EC50 matches the current PK: Emax·C60/(C60 + EC50) = 70 % after 0.3 mg/kg (to its 2-digit rounding)", () => {
    const sim = simulatePk({
      drug: "nivolumab",
      regimen: "0.3 mg/kg once over 60 min",
      weightKg: 80,
      days: 60,
      outputDays: [60],
    });
    const occ = drugByName("nivolumab").occupancy;
    assert.ok(occ);
    const refit = sim.serumUgPerMl[0] * (occ.emax.value / 0.7 - 1);
    assert.ok(Math.abs(occ.ec50UgPerMl.value / refit - 1) < 0.03, `${occ.ec50UgPerMl.value} vs ${refit}`);
  });

  it("3 mg/kg nivolumab: the occupancy plateau (days 7–60) lies in the Brahmer band and is dose-independent", () => {
    const three = simulatePk({ drug: "nivolumab", regimen: "3 mg/kg once", weightKg: 80, days: 61 });
    const ten = simulatePk({ drug: "nivolumab", regimen: "10 mg/kg once", weightKg: 80, days: 61 });
    for (let i = 7; i <= 60; i++) {
      assert.ok(three.bloodOccupancy[i] >= 0.6 && three.bloodOccupancy[i] <= 0.85);
      assert.ok(Math.abs(ten.bloodOccupancy[i] - three.bloodOccupancy[i]) < 0.02, `day ${i}`);
    }
  });

  it("the tumour site sees the partition of serum; its occupancy is the bound fraction there (no assay ceiling)", () => {
    const sim = simulatePk({ drug: "nivolumab", regimen: "0.3 mg/kg once", weightKg: 80, days: 120 });
    const ec50 = drugByName("nivolumab").occupancy?.ec50UgPerMl.value as number;
    for (let i = 1; i <= 120; i++) {
      const site = sim.siteUgPerMl[i];
      assert.ok(Math.abs(site - TUMOUR_PARTITION.value * sim.serumUgPerMl[i]) < 1e-12);
      assert.ok(Math.abs(sim.occupancy[i] - site / (site + ec50)) < 1e-12);
      // The bound fraction in blood (measured occupancy / plateau) exceeds the one at the site.
      assert.ok(sim.bloodOccupancy[i] / 0.72 > sim.occupancy[i]);
    }
  });

  // Steady-state troughs. Tolerance: the typical patient against a reported mean or median, ±25 % (the
  // typical value of a log-normal population lies between its median and mean; 25 % is below the
  // reported CVs of 34–45 %), or the reported interquartile range where one is given.
  it("ipilimumab 3 mg/kg q3w: trough before the 4th dose within ±25 % of the label's mean Cmin,ss 19.4 µg/mL", () => {
    // YERVOY label §12.3 (via Oncologist 2021;26:797, Table 2): mean Cmin at steady state 19.4 µg/mL.
    const sim = simulatePk({
      drug: "ipilimumab",
      regimen: "3 mg/kg q3w x4 over 90 min",
      weightKg: 80,
      days: 70,
    });
    const trough = sim.troughs.find((t) => t.day === 63)?.serumUgPerMl ?? Number.NaN;
    assert.ok(Math.abs(trough / 19.4 - 1) < 0.25, String(trough));
  });

  it("cemiplimab 350 mg q3w: Ctrough,ss within the popPK-predicted IQR 42.4–74.1 µg/mL and ±25 % of its median 56.6 (Rischin 2020, Table 4)", () => {
    // Rischin D, et al. J Immunother Cancer 2020;8:e000775, Table 4: predicted steady-state Ctrough at
    // 350 mg Q3W (n = 1062) mean 60.8, median 56.6 (IQR 42.4–74.1) mg/L; observed (CSCC, weeks 17–19)
    // mean 62.7, median 65.3 mg/L.
    const sim = simulatePk({
      drug: "cemiplimab",
      regimen: "350 mg q3w over 30 min",
      weightKg: 75,
      days: 358,
    });
    const trough = sim.troughs[sim.troughs.length - 1].serumUgPerMl;
    assert.ok(trough > 42.4 && trough < 74.1, String(trough));
    assert.ok(Math.abs(trough / 56.6 - 1) < 0.25, String(trough));
  });

  it("pembrolizumab 200 mg q3w: steady-state AUC over 6 weeks within ±20 % of 1.87 mg·day/mL (Freshwater 2017)", () => {
    // Mean of 830 patients (CV 37 %): the typical patient sits near the geometric mean, which for a
    // log-normal with CV 37 % is 6 % below the mean; ±20 % allows that and model error, not the spread.
    assert.match(PEMBROLIZUMAB_AUC_SOURCE.location ?? "", /1\.87 mg·day\/mL/);
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
    assert.ok(Math.abs(auc / 1870 - 1) < 0.2, `${auc} µg·day/mL`);
  });

  it("atezolizumab 1200 mg: trough after the first dose within ±20 % of 85 µg/mL (IMscin001 IV arm, mean)", () => {
    const sim = simulatePk({
      drug: "atezolizumab",
      regimen: "1200 mg q3w over 60 min",
      weightKg: 77,
      days: 42,
    });
    const trough = sim.troughs[0];
    assert.equal(trough.day, 21);
    assert.ok(Math.abs(trough.serumUgPerMl / 85 - 1) < 0.2, String(trough.serumUgPerMl));
  });

  it("tislelizumab 200 mg q3w: effective half-life within ±10 % of the EU label's 23.8 days", () => {
    const sim = simulatePk({ drug: "tislelizumab", regimen: "200 mg q3w", weightKg: 65, days: 43 });
    assert.equal(sim.effectiveHalfLifeIntervalDays, 21);
    assert.ok(Math.abs(sim.effectiveHalfLifeDays / 23.8 - 1) < 0.1, String(sim.effectiveHalfLifeDays));
    assert.ok(sim.halfLifeDays > 33, "terminal (deepest eigenvalue) half-life stays reported as such");
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

  it("no trough for a drug's first dose, whatever its day", () => {
    const later = simulatePk({ drug: "nivolumab", regimen: "240 mg q2w from day 7", days: 50 });
    assert.deepEqual(
      later.troughs.map((t) => t.day),
      [21, 35, 49],
    );
    assert.ok(later.troughs.every((t) => t.serumUgPerMl > 0));
    const combo = simulatePk({
      drug: "ipilimumab",
      regimen: "nivolumab 240 mg q2w + ipilimumab 1 mg/kg q6w from day 14",
      days: 60,
    });
    assert.deepEqual(
      combo.troughs.map((t) => t.day),
      [56],
    );
  });

  it("weight and albumin: one check, one range, the caller's field name", () => {
    for (const call of [
      () => simulatePk({ drug: "nivolumab", regimen: "240 mg q2w", weightKg: 10 }),
      () => pkModule(drugByName("nivolumab"), { weightKg: 10 }),
      () => individualPk(drugByName("nivolumab").pk as Parameters<typeof individualPk>[0], { weightKg: 10 }),
    ])
      assert.throws(call, (e: unknown) => {
        assert.ok(e instanceof InputError);
        assert.equal(e.field, "weightKg");
        assert.match(e.message, /between 30 and 200/);
        assert.doesNotMatch(e.message, /nivolumab_weight_kg/);
        return true;
      });
    assert.throws(
      () => simulatePk({ drug: "pembrolizumab", regimen: "200 mg q3w", albuminGPerL: 5 }),
      (e: unknown) =>
        e instanceof InputError && e.field === "albuminGPerL" && /between 15 and 60/.test(e.message),
    );
    assert.equal(
      simulatePk({ drug: "nivolumab", regimen: "240 mg once", weightKg: 200, days: 2 }).status,
      "success",
    );
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
