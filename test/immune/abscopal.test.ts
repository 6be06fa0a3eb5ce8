/**
 * The abscopal map's claims (docs/immune-model.md, "Where the model gives an abscopal response";
 * scripts/abscopal-map.ts). Two-lesion NSCLC patient as in behaviour.test.ts: primary 30 mm ablated on
 * day 0 (killed 95 %, necrotic 75 %, intact antigen 90 %), distant 20 mm untreated, nivolumab 240 mg
 * q2w from day 0, 365 days. A distant "response" is a best change of the longest diameter ≤ −30 %
 * (RECIST-like) over days 1..365.
 *
 * The synergy region (the combination responds, neither monotherapy does) exists but is thin: at PD-L1
 * 0.3 the combination lowers the antigenicity needed for a response by 1-2 % against anti-PD-1 alone
 * (`--thresholds`). The phenotype below was NOT tuned: it is the geometric midpoint of that band at the
 * intermediate phenotype's infiltration (0.4) and PD-L1 (0.3), from the threshold scan of commit
 * "abscopal-map: --thresholds" (anti-PD-1 1.139, combination 1.123 → √(1.123·1.139) = 1.131).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { ModelCache, simulatePatient, type Trajectory } from "../../src/immune/index.js";
import type { Treatment } from "../../src/scenario/schema.js";
import { CRYO_PRIMARY, NIVOLUMAB_Q2W, twoLesionPatient } from "../fixtures/immune/two-lesion-patient.js";

const cache = new ModelCache();

const CRYO = CRYO_PRIMARY;
const NIVO = NIVOLUMAB_Q2W;

const BAND = { antigenicity: 1.131, infiltration: 0.4, pdl1_expression: 0.3 };
const INTERMEDIATE = { antigenicity: 0.5, infiltration: 0.4, pdl1_expression: 0.3 };

function run(parameters: Record<string, number>, treatments: Treatment[]): Trajectory {
  const s = twoLesionPatient({ treatments, horizonDays: 365, parameters });
  const t = simulatePatient(undefined, s, { cache });
  assert.equal(t.status, "success", t.message);
  return t;
}

/** Best % change of the distant lesion's diameter over days ≥ 1, and its diameter on day 365. */
function distant(t: Trajectory): { best: number; d365: number } {
  const d = t.columns.diameter_mm_distant;
  const i0 = Array.from(t.days).findIndex((x) => Math.abs(x) < 1e-9);
  assert.ok(i0 >= 0, "day 0 in output");
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < d.length; i++)
    if (t.days[i] >= 1) best = Math.min(best, (100 * (d[i] - d[i0])) / d[i0]);
  const i365 = Array.from(t.days).findIndex((x) => Math.abs(x - 365) < 1e-9);
  assert.ok(i365 >= 0, "day 365 in output");
  return { best, d365: d[i365] };
}

test("synergy at one phenotype of the map's band: only cryo + anti-PD-1 shrinks the distant lesion by ≥ 30 %", () => {
  const combo = distant(run(BAND, [CRYO, NIVO]));
  const ici = distant(run(BAND, [NIVO]));
  const cryo = distant(run(BAND, [CRYO]));
  const none = distant(run(BAND, []));
  const f = (x: number) => `${x.toFixed(1)} %`;
  assert.ok(combo.best <= -30, `combination: best change ${f(combo.best)}`);
  assert.ok(ici.best > -30, `anti-PD-1 alone: best change ${f(ici.best)}`);
  assert.ok(cryo.best > -30, `cryo alone: best change ${f(cryo.best)}`);
  assert.ok(none.best > -30, `untreated: best change ${f(none.best)}`);
  // The combination's gain is an earlier, deeper nadir: on day 365 the lesion is larger after the
  // combination than after anti-PD-1 alone (the ablated primary no longer feeds priming).
  assert.ok(
    combo.d365 > ici.d365,
    `day 365: combination ${combo.d365.toFixed(1)} mm, anti-PD-1 alone ${ici.d365.toFixed(1)} mm`,
  );
});

test("the synergy band is thin: 5 % less antigenicity and the combination fails, 5 % more and anti-PD-1 alone responds", () => {
  const below = { ...BAND, antigenicity: BAND.antigenicity * 0.95 };
  const above = { ...BAND, antigenicity: BAND.antigenicity * 1.05 };
  const comboBelow = distant(run(below, [CRYO, NIVO])).best;
  const iciAbove = distant(run(above, [NIVO])).best;
  assert.ok(
    comboBelow > -30,
    `combination at antigenicity ${below.antigenicity}: ${comboBelow.toFixed(1)} %`,
  );
  assert.ok(
    iciAbove <= -30,
    `anti-PD-1 alone at antigenicity ${above.antigenicity}: ${iciAbove.toFixed(1)} %`,
  );
});

test("the ablation's priming pulse is transient and adds no priming over the year (intermediate phenotype)", () => {
  const output = (t: Trajectory) => {
    const c = t.columns.effector_output_cd8;
    const at = (day: number) => c[Array.from(t.days).findIndex((x) => Math.abs(x - day) < 1e-9)];
    let year = 0;
    for (let i = 1; i < t.days.length; i++)
      if (t.days[i] <= 365) year += 0.5 * (c[i] + c[i - 1]) * (t.days[i] - t.days[i - 1]);
    return { d7: at(7), d90: at(90), year };
  };
  const combo = output(run(INTERMEDIATE, [CRYO, NIVO]));
  const ici = output(run(INTERMEDIATE, [NIVO]));
  assert.ok(
    combo.d7 > 1.8 * ici.d7,
    `day 7: ${combo.d7.toExponential(2)} vs ${ici.d7.toExponential(2)} /day`,
  );
  assert.ok(combo.d90 < ici.d90, `day 90: ${combo.d90.toExponential(2)} vs ${ici.d90.toExponential(2)} /day`);
  const ratio = combo.year / ici.year;
  assert.ok(Math.abs(ratio - 1) < 0.05, `effector output over the year: combination / anti-PD-1 = ${ratio}`);
});
