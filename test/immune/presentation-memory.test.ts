/**
 * Immunogenic vs tolerogenic antigen presentation and memory recall in the lesions (issue 5, the
 * structure behind priming): only mature DCs prime, tolerogenic DCs take cognate naive cells away from
 * priming, danger signals decide which kind of DC an antigen-loaded DC becomes, and memory cells in a
 * lesion re-expand on tumour antigen only as far as PD-1 lets them.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { ModelCache } from "../../src/immune/model-cache.js";
import { simulatePatient } from "../../src/immune/simulate.js";
import type { Scenario } from "../../src/scenario/schema.js";

const cache = new ModelCache();
const INTERMEDIATE = { antigenicity: 0.5, infiltration: 0.4, pdl1_expression: 0.3 };

function setup(drugs: string[]) {
  const m = cache.get({ lesionCount: 2, drugs });
  const p = m.defaultParameters();
  for (const [k, v] of Object.entries(INTERMEDIATE)) p[m.parameterIndex(k)] = v;
  const y = m.initialState(p);
  const observe = (state: Float64Array, name: string): number => {
    const out = new Float64Array(m.observables.length);
    m.observe(0, state, p, out);
    return out[m.observableIndex(name)];
  };
  const rhs = (state: Float64Array, species: string): number => {
    const dy = new Float64Array(m.species.length);
    m.rhs(0, state, dy, p);
    return dy[m.speciesIndex(species)];
  };
  return { m, p, y, observe, rhs };
}

test("tolerogenic DCs in the node lower effector priming at a fixed number of mature DCs", () => {
  const { m, y, observe } = setup([]);
  y[m.speciesIndex("aCD8_LN")] = 0;
  y[m.speciesIndex("mDC_LN")] = 1e6;
  y[m.speciesIndex("tDC_LN")] = 0;
  const alone = observe(y, "H_mDC_LN");
  const withTolerogenic = Float64Array.from(y);
  withTolerogenic[m.speciesIndex("tDC_LN")] = 1e7;
  const shared = observe(withTolerogenic, "H_mDC_LN");
  // H_mDC_LN = mDC/(mDC + tDC + K), K = 5e6: 1e6/6e6 alone, 1e6/1.6e7 with 1e7 tolerogenic DCs.
  assert.ok(Math.abs(alone - 1 / 6) < 1e-9, `alone ${alone}`);
  assert.ok(Math.abs(shared - 1 / 16) < 1e-9, `with tolerogenic DCs ${shared}`);
});

test("danger signals decide the fate of antigen-loaded DCs: DAMPs move loading from tolerogenic to mature", () => {
  const { m, y, rhs } = setup([]);
  const quiet = Float64Array.from(y);
  quiet[m.speciesIndex("Ag_l1")] = 1e7;
  quiet[m.speciesIndex("mDC_l1")] = 0;
  quiet[m.speciesIndex("tDC_l1")] = 0;
  const danger = Float64Array.from(quiet);
  danger[m.speciesIndex("DAMP_l1")] = 1e9;
  const matureQuiet = rhs(quiet, "mDC_l1");
  const tolerogenicQuiet = rhs(quiet, "tDC_l1");
  const matureDanger = rhs(danger, "mDC_l1");
  const tolerogenicDanger = rhs(danger, "tDC_l1");
  assert.ok(
    tolerogenicQuiet > matureQuiet,
    `quiet death: tolerogenic ${tolerogenicQuiet} vs mature ${matureQuiet}`,
  );
  assert.ok(matureDanger > 2 * matureQuiet, `DAMPs raise mature loading (${matureQuiet} → ${matureDanger})`);
  assert.ok(tolerogenicDanger < tolerogenicQuiet / 2, "DAMPs lower tolerogenic loading");
});

test("memory cells in a lesion re-expand on tumour antigen, and PD-1 blockade releases that recall", () => {
  const { m, y, observe, rhs } = setup(["nivolumab"]);
  y[m.speciesIndex("PDL1_l1")] = 1;
  const withMemory = Float64Array.from(y);
  withMemory[m.speciesIndex("Mem_l1")] = 1e4;
  const recall = (base: Float64Array, memory: Float64Array) => rhs(memory, "CD8_l1") - rhs(base, "CD8_l1");
  const r0 = recall(y, withMemory);
  const yNivo = Float64Array.from(y);
  yNivo[m.speciesIndex("nivolumab_amount_central")] = 500;
  const memNivo = Float64Array.from(withMemory);
  memNivo[m.speciesIndex("nivolumab_amount_central")] = 500;
  const r1 = recall(yNivo, memNivo);
  const h0 = observe(y, "H_PD1_l1");
  const h1 = observe(yNivo, "H_PD1_l1");
  assert.ok(r0 > 0, `recall adds effectors (${r0})`);
  assert.ok(h1 < h0, "nivolumab lowers H_PD1");
  // recall ∝ (1 − H_PD1): the ratio of the two recall rates is the ratio of (1 − H_PD1).
  const expected = (1 - h1) / (1 - h0);
  assert.ok(Math.abs(r1 / r0 - expected) <= 1e-6 * expected, `ratio ${r1 / r0} vs ${expected}`);
  // No antigen-positive tumour cells, no recall (antigen-loss clones are not recognised).
  const noAntigen = Float64Array.from(withMemory);
  const noAntigenBase = Float64Array.from(y);
  for (const s of [noAntigen, noAntigenBase]) s[m.speciesIndex("C_l1")] = 0;
  assert.ok(
    Math.abs(recall(noAntigenBase, noAntigen)) < 1e-9 * r0,
    "no recall without antigen-positive cells",
  );
});

test("an ablation turns a lesion's quiet antigen into a priming pulse (mature-DC presentation)", () => {
  const scenario = (treatments: Scenario["treatments"]): Scenario => ({
    patient: { tumourType: "NSCLC", weightKg: 70 },
    lesions: [{ id: "a", site: "lung", longestDiameterMm: 30 }],
    treatments,
    horizonDays: 14,
    parameters: INTERMEDIATE,
  });
  const cryo = simulatePatient(
    undefined,
    scenario([
      {
        kind: "cryoablation",
        lesion: "a",
        day: 0,
        killedFraction: 0.95,
        necroticShare: 0.75,
        intactAntigenFraction: 0.9,
      },
    ]),
    { cache },
  );
  assert.equal(cryo.status, "success", cryo.message);
  const day = (d: number) => Array.from(cryo.days).indexOf(d);
  const before = cryo.columns.effector_output_cd8[day(0)];
  const after = cryo.columns.effector_output_cd8[day(7)];
  // The ablation leaves 5 % of the tumour cells, yet priming rises more than 2-fold within a week
  // (bounded by the naive precursors reaching the node).
  assert.ok(after > 2 * before, `effector output ${before.toExponential(2)} → ${after.toExponential(2)}`);
});
