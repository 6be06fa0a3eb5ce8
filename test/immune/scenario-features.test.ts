import assert from "node:assert/strict";
import { test } from "node:test";
import { ModelCache } from "../../src/immune/model-cache.js";
import { TUMOUR_TYPES } from "../../src/immune/presets.js";
import { simulatePatient } from "../../src/immune/simulate.js";
import type { Trajectory } from "../../src/immune/trajectory.js";
import type { Scenario } from "../../src/scenario/schema.js";

const cache = new ModelCache();

function value(t: Trajectory, column: string, day: number): number {
  const i = Array.from(t.days).findIndex((d) => Math.abs(d - day) < 1e-9);
  assert.ok(i >= 0, `day ${day}`);
  return t.columns[column][i];
}

test("every tumour-type preset simulates; antigenicity presets order the baseline CD8 infiltrate", () => {
  const cd8: Record<string, number> = {};
  for (const tumourType of TUMOUR_TYPES) {
    const s: Scenario = {
      patient: { tumourType },
      lesions: [{ id: "a", site: "x", longestDiameterMm: 25 }],
      treatments: [{ kind: "cryoablation", lesion: "a", day: 10, freezeCycles: 1 }],
      horizonDays: 30,
    };
    const t = simulatePatient(undefined, s, { cache });
    assert.equal(t.status, "success", `${tumourType}: ${t.message}`);
    assert.ok(
      t.columnNames.every((c) => t.columns[c].every(Number.isFinite)),
      tumourType,
    );
    assert.ok(
      value(t, "diameter_mm_a", 11) < value(t, "diameter_mm_a", 9),
      `${tumourType}: ablation on day 10 shrinks the lesion`,
    );
    cd8[tumourType] = value(t, "cd8_per_mm3_a", 0);
  }
  assert.ok(cd8.melanoma > cd8.NSCLC && cd8.NSCLC > cd8.HCC, JSON.stringify(cd8));
});

test("ICI started before cryoablation: the simulation starts at the first dose; weight-based doses use the weight", () => {
  const s: Scenario = {
    patient: { tumourType: "melanoma", weightKg: 100 },
    lesions: [{ id: "a", site: "skin", longestDiameterMm: 20 }],
    treatments: [
      {
        kind: "cryoablation",
        lesion: "a",
        day: 0,
        killedFraction: 0.9,
        necroticShare: 0.7,
        intactAntigenFraction: 0.9,
      },
      { kind: "ici", drug: "nivolumab", doseMgPerKg: 3, intervalDays: 14, startDay: -14 },
    ],
    horizonDays: 20,
  };
  const t = simulatePatient(undefined, s, { cache });
  assert.equal(t.status, "success", t.message);
  assert.equal(t.days[0], -14);
  assert.ok(value(t, "pd1_occupancy", -1) > 0.5, "occupied before the ablation");
  const doses = t.events.filter((e) => e.kind === "dose");
  assert.deepEqual(
    doses.map((d) => [d.day, d.label]),
    [
      [-14, "nivolumab 300 mg"],
      [0, "nivolumab 300 mg"],
      [14, "nivolumab 300 mg"],
    ],
  );
});

test("an anti-PD-L1 infusion regimen blocks PD-L1, not PD-1; three lesions give three sets of columns", () => {
  const s: Scenario = {
    patient: { tumourType: "NSCLC" },
    lesions: [
      { id: "a", site: "lung", longestDiameterMm: 20 },
      { id: "b", site: "liver", longestDiameterMm: 15 },
      { id: "c", site: "adrenal", longestDiameterMm: 12 },
    ],
    treatments: [{ kind: "ici", regimen: "atezolizumab 1200 mg q3w over 60 min", startDay: 0 }],
    horizonDays: 30,
  };
  const t = simulatePatient(undefined, s, { cache });
  assert.equal(t.status, "success", t.message);
  for (const id of ["a", "b", "c"])
    assert.ok(t.columns[`diameter_mm_${id}`] && t.columns[`cd8_per_mm3_${id}`], id);
  assert.ok(value(t, "pdl1_occupancy", 7) > 0.5);
  assert.equal(value(t, "pd1_occupancy", 7), 0);
  assert.ok(value(t, "H_PD1_a", 7) < 0.5 * value(t, "H_PD1_a", 0), "PD-L1 blockade lowers PD-1 signalling");
});

test("parameter overrides are checked: unknown names and values outside the declared range are InputErrors", () => {
  const s: Scenario = {
    patient: { tumourType: "HCC" },
    lesions: [{ id: "a", site: "liver", longestDiameterMm: 20 }],
    treatments: [],
    horizonDays: 10,
  };
  assert.throws(
    () => simulatePatient({ no_such_parameter: 1 }, s, { cache }),
    /parameters: expected the name of a model parameter/,
  );
  assert.throws(
    () => simulatePatient({ antigenicity: -1 }, s, { cache }),
    /parameters\.antigenicity: expected a number between 0 and 5, got -1/,
  );
  assert.throws(
    () => simulatePatient(undefined, { ...s, parameters: { infiltration: Number.NaN } }, { cache }),
    /infiltration: expected a finite number/,
  );
});

test("repeated ablation of one lesion and ablation of two lesions are each applied on their day", () => {
  const cryo = (lesion: string, day: number) => ({
    kind: "cryoablation" as const,
    lesion,
    day,
    killedFraction: 0.5,
    necroticShare: 0.5,
    intactAntigenFraction: 0.5,
  });
  const s: Scenario = {
    patient: { tumourType: "RCC" },
    lesions: [
      { id: "a", site: "kidney", longestDiameterMm: 30 },
      { id: "b", site: "lung", longestDiameterMm: 20 },
    ],
    treatments: [cryo("a", 0), cryo("a", 20), cryo("b", 10)],
    horizonDays: 30,
  };
  const t = simulatePatient(undefined, s, { cache });
  assert.equal(t.status, "success", t.message);
  assert.deepEqual(
    t.events.map((e) => [e.day, e.target]),
    [
      [0, "a"],
      [10, "b"],
      [20, "a"],
    ],
  );
  // Half the cells die, a share of them leave the volume at once (immediate release): a visible drop.
  assert.ok(value(t, "diameter_mm_a", 20) < value(t, "diameter_mm_a", 19), "second ablation of a");
  assert.ok(value(t, "diameter_mm_b", 10) < value(t, "diameter_mm_b", 9), "ablation of b on day 10");
  assert.ok(value(t, "diameter_mm_b", 9) >= value(t, "diameter_mm_b", 1) - 0.5, "b untouched before day 10");
});
