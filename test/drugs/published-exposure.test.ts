/**
 * Exposure of labelled regimens against published values (issue 4: "steady-state trough concentrations
 * for labelled regimens within the ranges the labels or PK papers report"). Each check names its source
 * (src/drugs/catalogue/sources.ts, EXPOSURE_SOURCES), the number as published and the tolerance with
 * its reason. Model values are those of the typical patient of each catalogue analysis (its reference
 * covariates) unless a population is simulated; the published numbers are population summaries, so a
 * check fails only when the typical patient contradicts them beyond the stated reason.
 *
 * Where the only published numbers are ratios between two regimens (nivolumab, durvalumab) or
 * accumulation ratios (pembrolizumab, atezolizumab, tislelizumab), the ratio is checked: the search
 * for absolute steady-state troughs of those regimens (labels, FDA reviews, Zhao 2017, Long 2018,
 * Lala 2020 full text) found none that could be read here.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { EXPOSURE_SOURCES } from "../../src/drugs/catalogue/sources.js";
import { samplePkPatient } from "../../src/drugs/population.js";
import { type PkSimulation, simulatePk } from "../../src/drugs/simulate-pk.js";
import { InputError } from "../../src/errors.js";
import { createRng } from "../../src/numerics/rng/index.js";

/** Serum level at `day` (must be on the output grid). */
function at(sim: PkSimulation, day: number): number {
  const i = sim.days.findIndex((d) => Math.abs(d - day) < 1e-9);
  assert.ok(i >= 0, `day ${day} not on the grid`);
  return sim.serumUgPerMl[i];
}

/** Mean serum level over [t0, t1] (trapezoids on the output grid), µg/mL. */
function mean(sim: PkSimulation, t0: number, t1: number): number {
  let area = 0;
  for (let i = 0; i + 1 < sim.days.length; i++)
    if (sim.days[i] >= t0 - 1e-9 && sim.days[i + 1] <= t1 + 1e-9)
      area += ((sim.days[i + 1] - sim.days[i]) * (sim.serumUgPerMl[i] + sim.serumUgPerMl[i + 1])) / 2;
  return area / (t1 - t0);
}

function peak(sim: PkSimulation, t0: number, t1: number): number {
  let m = 0;
  for (let i = 0; i < sim.days.length; i++)
    if (sim.days[i] >= t0 && sim.days[i] <= t1) m = Math.max(m, sim.serumUgPerMl[i]);
  return m;
}

function trough(sim: PkSimulation, day: number): number {
  const t = sim.troughs.find((x) => x.day === day);
  assert.ok(t, `no trough on day ${day}`);
  return t.serumUgPerMl;
}

function quantile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const i = Math.floor(h);
  return s[i] + (h - i) * ((s[Math.min(i + 1, s.length - 1)] ?? s[i]) - s[i]);
}

function within(actual: number, expected: number, relTol: number, what: string): void {
  assert.ok(
    Math.abs(actual / expected - 1) <= relTol,
    `${what}: model ${actual.toPrecision(4)} vs published ${expected} (tolerance ±${relTol * 100} %)`,
  );
}

describe("nivolumab: 480 mg Q4W against 3 mg/kg Q2W (Ann Oncol 2020 bridging analysis)", () => {
  // EXPOSURE_SOURCES.nivolumabQ4w, abstract: for 480 mg Q4W vs 3 mg/kg Q2W, time-averaged concentration
  // over the first 28 days +26.8 %, at steady state +5.2 %; Cmax after the first dose +110.4 %; trough
  // at day 28 −22.1 % (popPK predictions, 3203 patients). Typical 80-kg patient of Bajaj 2017, where
  // 480 mg is exactly twice 3 mg/kg. Tolerance ±6 % of each ratio: the published ratios are population
  // summaries over body weights around the 80-kg median, at which the flat dose gives lighter patients
  // more drug; the weight spread alone shifts these ratios by a few per cent (durvalumab below shows
  // 5–8 % per 5 kg), while an error in the disposition model (e.g. Vc or the distribution phase) would
  // move the Cmax and day-28 ratios by much more.
  const q4w = simulatePk({
    drug: "nivolumab",
    regimen: "480 mg q4w over 30 min",
    weightKg: 80,
    days: 400,
    stepDays: 0.25,
  });
  const q2w = simulatePk({
    drug: "nivolumab",
    regimen: "3 mg/kg q2w over 30 min",
    weightKg: 80,
    days: 400,
    stepDays: 0.25,
  });
  it("trough at day 28: −22.1 %", () => {
    within(trough(q4w, 28) / trough(q2w, 28), 1 - 0.221, 0.06, "Cmin day 28 ratio");
  });
  it("time-averaged concentration over days 0–28: +26.8 %", () => {
    within(mean(q4w, 0, 28) / mean(q2w, 0, 28), 1.268, 0.06, "Cavg,0-28 ratio");
  });
  it("time-averaged concentration at steady state (days 336–364): +5.2 %", () => {
    within(mean(q4w, 336, 364) / mean(q2w, 336, 364), 1.052, 0.06, "Cavg,ss ratio");
  });
  it("Cmax after the first dose: +110.4 %", () => {
    within(peak(q4w, 0, 13.9) / peak(q2w, 0, 13.9), 2.104, 0.06, "Cmax1 ratio");
  });
});

describe("durvalumab: 1500 mg Q4W against 10 mg/kg Q2W (IMFINZI label)", () => {
  // EXPOSURE_SOURCES.durvalumabLabel: at steady state, AUC +6 %, Ctrough −19 %, Cmax +55 % with
  // 1500 mg Q4W vs 10 mg/kg Q2W. Typical patient of Baverel 2018 (69.8 kg), per 28 days at day 364–392.
  // Tolerance ±0.05 on each ratio: the ratios move by 0.06–0.09 between 69.8 and 75 kg in this model
  // (a flat dose against a weight-based one), so the label's population (weights unknown here) can
  // differ from the reference patient by about that much and no more.
  const flat = simulatePk({
    drug: "durvalumab",
    regimen: "1500 mg q4w over 60 min",
    weightKg: 69.8,
    days: 393,
    stepDays: 0.05,
  });
  const weight = simulatePk({
    drug: "durvalumab",
    regimen: "10 mg/kg q2w over 60 min",
    weightKg: 69.8,
    days: 393,
    stepDays: 0.05,
  });
  const ratios = {
    auc: mean(flat, 364, 392) / mean(weight, 364, 392),
    ctrough: trough(flat, 392) / trough(weight, 392),
    cmax: peak(flat, 364, 391) / peak(weight, 378, 391),
  };
  it("AUC +6 %, Ctrough −19 %, Cmax +55 % (±0.05)", () => {
    assert.ok(Math.abs(ratios.auc - 1.06) <= 0.05, `AUC ratio ${ratios.auc}`);
    assert.ok(Math.abs(ratios.ctrough - 0.81) <= 0.05, `Ctrough ratio ${ratios.ctrough}`);
    assert.ok(Math.abs(ratios.cmax - 1.55) <= 0.05, `Cmax ratio ${ratios.cmax}`);
  });

  it("10 mg/kg Q2W, simulated population (seed 20261125, 200 patients, catalogue IIV): ≥ 95.4 % above 53.3 µg/mL at steady state", () => {
    // EXPOSURE_SOURCES.durvalumabTdm: the licence holder's simulations put 95.4 % of patients above a
    // Ctrough of 53.3 µg/mL at 10 mg/kg Q2W. One-sided check: this population varies CL, V1 and V2
    // only (Baverel 2018 IIV), at the reference covariates, so it is narrower than the sponsor's
    // (covariates, time-varying clearance); it must reach at least the published coverage. It fails
    // if typical clearance were about twice too high. Seen here: 99 % above, 4.6th percentile 76 µg/mL.
    const rng = createRng(20261125);
    const troughs: number[] = [];
    for (let i = 0; i < 200; i++) {
      const sim = simulatePk({
        drug: "durvalumab",
        regimen: "10 mg/kg q2w over 60 min",
        weightKg: 69.8,
        days: 337,
        outputDays: [336],
        parameters: samplePkPatient("durvalumab", rng),
      });
      troughs.push(trough(sim, 336));
    }
    const above = troughs.filter((c) => c > 53.3).length / troughs.length;
    assert.ok(above >= 0.954, `fraction above 53.3 µg/mL: ${above}`);
    assert.ok(quantile(troughs, 0.046) > 53.3, String(quantile(troughs, 0.046)));
  });
});

describe("pembrolizumab: weight-based exposure, accumulation, Q6W (Freshwater 2017, label, Lala 2020)", () => {
  // Freshwater 2017 (catalogue PEMBROLIZUMAB_AUC_SOURCE), abstract: mean (CV, n) AUCss,6-weeks
  // 1.38 mg·day/mL (38 %, 760) at 2 mg/kg Q3W and 7.63 (35 %, 1405) at 10 mg/kg Q3W (the 200-mg value
  // is tested in simulate-pk.test.ts). Typical patient of Ahamadi 2017 (76.8 kg); tolerance ±20 %
  // as for the 200-mg check (typical patient ≈ geometric mean, 6–7 % below a mean with CV 35–38 %).
  for (const [dose, published] of [
    [2, 1380],
    [10, 7630],
  ] as const)
    it(`${dose} mg/kg Q3W: AUC over weeks 18–24 within ±20 % of ${published / 1000} mg·day/mL`, () => {
      const sim = simulatePk({
        drug: "pembrolizumab",
        regimen: `${dose} mg/kg q3w over 30 min`,
        weightKg: 76.8,
        days: 168,
        stepDays: 0.25,
      });
      within(mean(sim, 126, 168) * 42, published, 0.2, "AUCss,6 weeks");
    });

  it("200 mg Q3W: accumulation 2.1-fold and steady state by 16 weeks (label)", () => {
    // EXPOSURE_SOURCES.pembrolizumabSwissLabel: steady state after 16 weeks of Q3W dosing, systemic
    // accumulation 2.1-fold. Accumulation = AUC over a dosing interval at steady state (weeks 21–24)
    // over the first interval's; ±10 % (a population ratio against the typical patient's; the
    // stationary model has no time-varying clearance, which the label's analysis includes). "Steady
    // state by 16 weeks": the interval that starts at week 15 has ≥ 90 % of the steady-state AUC.
    const sim = simulatePk({
      drug: "pembrolizumab",
      regimen: "200 mg q3w over 30 min",
      weightKg: 76.8,
      days: 400,
      stepDays: 0.25,
    });
    const ss = mean(sim, 378, 399);
    within(ss / mean(sim, 0, 21), 2.1, 0.1, "AUC accumulation");
    assert.ok(mean(sim, 105, 126) / ss >= 0.9, String(mean(sim, 105, 126) / ss));
  });

  it("400 mg Q6W: average concentration at steady state within ±3 % of 200 mg Q3W (Lala 2020: ∼1 % higher)", () => {
    // EXPOSURE_SOURCES.pembrolizumabQ6w, abstract: "similar predicted exposure (Cavg,ss, geometric mean
    // ∼1% higher)". For a linear model Cavg,ss = dose rate / CL, equal for both regimens; this checks
    // that the schedule and the solver deliver it (the 1 % comes from the source's time-varying CL).
    const q6w = simulatePk({
      drug: "pembrolizumab",
      regimen: "400 mg q6w over 30 min",
      weightKg: 76.8,
      days: 379,
      stepDays: 0.25,
    });
    const q3w = simulatePk({
      drug: "pembrolizumab",
      regimen: "200 mg q3w over 30 min",
      weightKg: 76.8,
      days: 379,
      stepDays: 0.25,
    });
    within(mean(q6w, 336, 378) / mean(q3w, 336, 378), 1.01, 0.03, "Cavg,ss ratio");
    // The trough of the longer interval is lower, as the source says for Cmin,ss.
    assert.ok(trough(q6w, 378) < trough(q3w, 378));
  });
});

describe("atezolizumab 1200 mg Q3W: accumulation (EU SmPC)", () => {
  // EXPOSURE_SOURCES.atezolizumabSmpc: accumulation 1.91-fold (AUC), 1.46 (Cmax), 2.75 (Ctrough);
  // steady state after 6–9 weeks. Typical patient of Stroh 2017 (77 kg). Tolerance ±20 %: the
  // catalogue model is stationary, whereas clearance falls with time (mean maximal reduction ~17 %,
  // label), which raises late exposure relative to the first cycle by up to about that much; the
  // model's trough accumulation (2.37) is lower than published, as a missing fall in clearance predicts.
  const sim = simulatePk({
    drug: "atezolizumab",
    regimen: "1200 mg q3w over 60 min",
    weightKg: 77,
    days: 400,
    stepDays: 0.25,
  });
  it("AUC 1.91, Cmax 1.46, Ctrough 2.75-fold (±20 %)", () => {
    within(mean(sim, 378, 399) / mean(sim, 0, 21), 1.91, 0.2, "AUC accumulation");
    within(peak(sim, 378, 398.9) / peak(sim, 0, 20.9), 1.46, 0.2, "Cmax accumulation");
    within(trough(sim, 399) / trough(sim, 21), 2.75, 0.2, "Ctrough accumulation");
  });
});

describe("tislelizumab 200 mg Q3W (Desai 2020 phase IA; EU SmPC)", () => {
  // EXPOSURE_SOURCES.tislelizumabPhase1, Table 2, fixed dose (part 3), mean ± SD: cycle 1 Cmax
  // 77.2 ± 13.9 µg/mL and AUC0–21 674.7 ± 173.6 µg·day/mL (n = 12); cycle 4 or 5 AUCtau
  // 977.8 ± 440.3 µg·day/mL (n = 5). Typical patient of Budha 2023 (65 kg). Tolerance: within one SD
  // of the cohort mean (small cohorts: their means are themselves uncertain by SD/√n, and the typical
  // patient of a log-normal population lies below the arithmetic mean). Seen: Cmax 64.0 (at the lower
  // edge), AUC0–21 598, cycle 4 1109, cycle 5 1174.
  const sim = simulatePk({
    drug: "tislelizumab",
    regimen: "200 mg q3w over 60 min",
    weightKg: 65,
    days: 400,
    stepDays: 0.05,
  });
  it("cycle 1 Cmax and AUC0–21, cycle 4 and 5 AUCtau within mean ± SD", () => {
    const inBand = (x: number, m: number, sd: number, what: string) =>
      assert.ok(x >= m - sd && x <= m + sd, `${what}: ${x} outside ${m} ± ${sd}`);
    inBand(peak(sim, 0, 20.9), 77.2, 13.9, "Cmax cycle 1");
    inBand(mean(sim, 0, 21) * 21, 674.7, 173.6, "AUC0-21");
    inBand(mean(sim, 63, 84) * 21, 977.8, 440.3, "AUCtau cycle 4");
    inBand(mean(sim, 84, 105) * 21, 977.8, 440.3, "AUCtau cycle 5");
  });
  it("about 2-fold accumulation, 90 % of steady state after about 84 days (SmPC)", () => {
    // EXPOSURE_SOURCES.tislelizumabSmpc. Accumulation (AUC) ±15 %; the interval starting on day 84 has
    // reached 90 % of the steady-state AUC (to 1 %), the one starting on day 63 has not.
    const ss = mean(sim, 378, 399);
    within(ss / mean(sim, 0, 21), 2, 0.15, "AUC accumulation");
    assert.ok(mean(sim, 84, 105) / ss >= 0.89, String(mean(sim, 84, 105) / ss));
    assert.ok(mean(sim, 63, 84) / ss < 0.9, String(mean(sim, 63, 84) / ss));
  });
});

describe("tremelimumab 300 mg once (STRIDE): Cmin1 (Song 2023)", () => {
  it("level at the end of the first 4-week cycle within ±20 % of the predicted Cmin1 12.9 µg/mL", () => {
    // EXPOSURE_SOURCES.tremelimumabStride, abstract: "predicted Cmin1 of tremelimumab in STRIDE regimen
    // (12.9 μg/mL)". Cmin1 read as the level at day 28, the end of the first STRIDE cycle (durvalumab
    // Q4W); the abstract does not give the day. Typical patient of Hwang 2023 (71 kg, albumin 39 g/L,
    // with durvalumab). ±20 %: the source population is HCC (Study 22), whose weight and albumin differ
    // from the reference patient; CL IIV is 35 % CV.
    const sim = simulatePk({
      drug: "tremelimumab",
      regimen: "300 mg once over 60 min",
      weightKg: 71,
      days: 28,
      outputDays: [28],
    });
    within(at(sim, 28), 12.9, 0.2, "Cmin1");
  });
});

describe("cemiplimab 350 mg Q3W: simulated population against the popPK interquartile range (Rischin 2020)", () => {
  it("quartiles of Ctrough,ss (seed 20261125, 200 patients, catalogue IIV) within ±25 % of 42.4 / 56.6 / 74.1 µg/mL", () => {
    // Rischin D, et al. J Immunother Cancer 2020;8:e000775, Table 4: predicted Ctrough,ss at 350 mg Q3W
    // (n = 1062) median 56.6, IQR 42.4–74.1 mg/L. Population here: Nguyen 2022 IIV (one eta on CL/Q,
    // one on V1/V2), reference covariates (75 kg, albumin 38.6 g/L). ±25 %: as for the typical-patient
    // check; the covariate spread of the source population is absent here. Seen: 36.7 / 47.4 / 68.0.
    const rng = createRng(20261125);
    const troughs: number[] = [];
    for (let i = 0; i < 200; i++) {
      const sim = simulatePk({
        drug: "cemiplimab",
        regimen: "350 mg q3w over 30 min",
        weightKg: 75,
        days: 358,
        outputDays: [357],
        parameters: samplePkPatient("cemiplimab", rng),
      });
      troughs.push(sim.troughs[sim.troughs.length - 1].serumUgPerMl);
    }
    within(quantile(troughs, 0.25), 42.4, 0.25, "Q1");
    within(quantile(troughs, 0.5), 56.6, 0.25, "median");
    within(quantile(troughs, 0.75), 74.1, 0.25, "Q3");
  });
});

describe("exposure sources", () => {
  it("every source has a citation and a location; the numbers its note quotes are those checked above", () => {
    for (const [key, source] of Object.entries(EXPOSURE_SOURCES)) {
      assert.ok(source.citation && source.citation.length > 20, key);
      assert.ok(source.location, key);
    }
    assert.match(EXPOSURE_SOURCES.durvalumabTdm.note ?? "", /95\.4 % .*53\.3 µg\/mL/);
    assert.match(EXPOSURE_SOURCES.tremelimumabStride.note ?? "", /12\.9 µg\/mL/);
    assert.match(
      EXPOSURE_SOURCES.atezolizumabSmpc.note ?? "",
      /1\.91 \(AUC\), 1\.46 \(Cmax\), 2\.75 \(Ctrough\)/,
    );
    assert.match(EXPOSURE_SOURCES.tislelizumabSmpc.note ?? "", /84 days/);
    assert.match(EXPOSURE_SOURCES.pembrolizumabSwissLabel.note ?? "", /2\.1-fold/);
  });
});

describe("virtual patients and parameter values", () => {
  it("the same seed gives the same patients; the draws centre on the typical values", () => {
    const a = samplePkPatient("nivolumab", createRng(7));
    assert.deepEqual(a, samplePkPatient("nivolumab", createRng(7)));
    assert.deepEqual(Object.keys(a).sort(), ["nivolumab_CL", "nivolumab_Vc", "nivolumab_Vp"]);
    const rng = createRng(11);
    const cl = Array.from({ length: 4000 }, () => samplePkPatient("nivolumab", rng).nivolumab_CL);
    // Median = typical (0.2256 L/day, Bajaj 2017); log-SD = √ω² = √0.123.
    within(quantile(cl, 0.5), 0.2256, 0.03, "median CL");
    const logs = cl.map(Math.log);
    const m = logs.reduce((s, x) => s + x, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((s, x) => s + (x - m) ** 2, 0) / (logs.length - 1));
    within(sd, Math.sqrt(0.123), 0.05, "log-SD of CL");
  });

  it("a parameter value changes the simulation; bad names and values are InputErrors", () => {
    const base = simulatePk({ drug: "nivolumab", regimen: "240 mg once", days: 28, outputDays: [28] });
    const fast = simulatePk({
      drug: "nivolumab",
      regimen: "240 mg once",
      days: 28,
      outputDays: [28],
      parameters: { nivolumab_CL: 0.45 },
    });
    assert.ok(fast.serumUgPerMl[0] < 0.8 * base.serumUgPerMl[0]);
    assert.throws(
      () => simulatePk({ drug: "nivolumab", regimen: "240 mg once", parameters: { nivolumab_cl: 0.2 } }),
      InputError,
    );
    assert.throws(
      () => simulatePk({ drug: "nivolumab", regimen: "240 mg once", parameters: { nivolumab_CL: -1 } }),
      (e: unknown) => e instanceof InputError && e.field === "parameters.nivolumab_CL",
    );
    assert.throws(() => samplePkPatient("toripalimab", createRng(1)), InputError);
  });
});
