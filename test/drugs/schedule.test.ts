import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { doseEvents } from "../../src/drugs/dose-events.js";
import { parseRegimen } from "../../src/drugs/regimen.js";
import { scheduleRegimen } from "../../src/drugs/schedule.js";
import { InputError } from "../../src/errors.js";

const schedule = (text: string, options: Partial<Parameters<typeof scheduleRegimen>[1]> = {}) =>
  scheduleRegimen(parseRegimen(text), { horizonDays: 100, defaultDrug: "nivolumab", ...options });

describe("scheduleRegimen", () => {
  it("repeats an open-ended schedule up to the horizon", () => {
    const doses = schedule("240 mg q2w", { horizonDays: 42 });
    assert.deepEqual(
      doses.map((d) => d.day),
      [0, 14, 28],
    );
    assert.ok(doses.every((d) => d.drug === "nivolumab" && d.amountMg === 240 && d.infusionHours === 0));
  });

  it("resolves mg/kg with the body weight and stops after x N doses", () => {
    const doses = schedule("3 mg/kg q3w x4", { weightKg: 72.5, defaultDrug: "ipilimumab" });
    assert.deepEqual(
      doses.map((d) => [d.drug, d.day, d.amountMg]),
      [0, 21, 42, 63].map((day) => ["ipilimumab", day, 217.5]),
    );
  });

  it("starts from the given day; qNd and infusion durations", () => {
    const doses = schedule("1200 mg q21d from day 7 over 30 min", { horizonDays: 50 });
    assert.deepEqual(
      doses.map((d) => [d.day, d.infusionHours]),
      [
        [7, 0.5],
        [28, 0.5],
        [49, 0.5],
      ],
    );
  });

  it("a combination: induction together, maintenance starts when the last induction interval ends", () => {
    const doses = schedule("nivolumab 1 mg/kg + ipilimumab 3 mg/kg q3w x4, then nivolumab 480 mg q4w", {
      weightKg: 80,
      horizonDays: 130,
    });
    assert.deepEqual(
      doses.map((d) => `${d.drug}@${d.day}:${d.amountMg}`),
      [
        "nivolumab@0:80",
        "ipilimumab@0:240",
        "nivolumab@21:80",
        "ipilimumab@21:240",
        "nivolumab@42:80",
        "ipilimumab@42:240",
        "nivolumab@63:80",
        "ipilimumab@63:240",
        "nivolumab@84:480",
        "nivolumab@112:480",
      ],
    );
  });

  it("once gives one dose", () => {
    assert.equal(
      schedule("tremelimumab 300 mg once + durvalumab 1500 mg q4w", { horizonDays: 60 }).length,
      4,
    );
  });

  it("a phase after a single dose starts one of its own intervals after it (not on the same day)", () => {
    const doses = schedule("300 mg once, then 240 mg q2w", { horizonDays: 60 });
    assert.deepEqual(
      doses.map((d) => [d.day, d.amountMg]),
      [
        [0, 300],
        [14, 240],
        [28, 240],
        [42, 240],
        [56, 240],
      ],
    );
    // The shortest interval of the next phase sets the gap; "from day" still overrides.
    assert.deepEqual(
      schedule("tremelimumab 300 mg once + durvalumab 1500 mg q4w x1, then durvalumab 1500 mg q4w", {
        horizonDays: 90,
      }).map((d) => d.day),
      [0, 0, 28, 56, 84],
    );
    assert.deepEqual(
      schedule("300 mg once, then 240 mg q2w from day 3", { horizonDays: 20 }).map((d) => d.day),
      [0, 3, 17],
    );
    assert.throws(
      () => schedule("300 mg once, then 240 mg once", { horizonDays: 20 }),
      (e: unknown) => e instanceof InputError && /from day N/.test(e.message),
    );
  });

  it("bad input is an InputError naming the field", () => {
    assert.throws(
      () => schedule("3 mg/kg q3w"),
      (e: unknown) => e instanceof InputError && e.field === "weightKg",
    );
    assert.throws(
      () => schedule("240 mg q2w, then 480 mg q4w"),
      (e: unknown) => e instanceof InputError && /x N/.test(e.message),
    );
    assert.throws(
      () => scheduleRegimen(parseRegimen("240 mg q2w"), { horizonDays: 10 }),
      (e: unknown) => e instanceof InputError && /drug name/.test(e.message),
    );
    assert.throws(() => schedule("240 mg q2w", { horizonDays: 0 }), InputError);
    assert.throws(() => schedule("3 mg/kg q2w", { weightKg: -3 }), InputError);
    assert.throws(
      () => schedule("3 mg/kg q2w", { weightKg: 10 }),
      (e: unknown) =>
        e instanceof InputError && e.field === "weightKg" && /between 30 and 200/.test(e.message),
    );
  });
});

describe("doseEvents: administrations as model events", () => {
  it("a bolus is one dose event; an infusion a start/stop pair; sorted by time", () => {
    const doses = schedule("nivolumab 240 mg q2w over 30 min + ipilimumab 1 mg/kg once", {
      weightKg: 70,
      horizonDays: 20,
    });
    const events = doseEvents(doses);
    assert.deepEqual(
      events.map((e) => [e.day, e.event, e.args.amountMg]),
      [
        [0, "infusion_start_nivolumab", 240],
        [0, "dose_ipilimumab", 70],
        [0 + 0.5 / 24, "infusion_stop_nivolumab", 240],
        [14, "infusion_start_nivolumab", 240],
        [14 + 0.5 / 24, "infusion_stop_nivolumab", 240],
      ],
    );
    assert.equal(events[0].args.durationDays, 0.5 / 24);
  });
});
