import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { ModelCache } from "../../src/immune/model-cache.js";
import { patientModel } from "../../src/immune/patient-model.js";
import { simulatePatient } from "../../src/immune/simulate.js";
import { parseScenario } from "../../src/scenario/load.js";

const cache = new ModelCache();

test("the patient model compiles for 1-3 lesions, with and without drugs, one compiled model per structure", () => {
  for (const n of [1, 2, 3]) {
    const m = cache.get({ lesionCount: n, drugs: [] });
    assert.ok(m.speciesIndex(`C_l${n}`) >= 0);
  }
  const a = cache.get({ lesionCount: 2, drugs: ["nivolumab"] });
  const b = cache.get({ lesionCount: 2, drugs: ["nivolumab"] });
  assert.equal(a, b);
  assert.equal(cache.size, 4);
});

test("every process cites evidence, every parameter has a unit and a source; fitted ones name their target", () => {
  const decl = patientModel({ lesionCount: 2, drugs: [] });
  let fitted = 0;
  for (const mod of decl.modules) {
    for (const p of mod.processes ?? []) assert.ok(p.evidence.length > 0, p.name);
    for (const p of mod.parameters ?? []) {
      assert.ok(p.unit.length > 0, p.name);
      if (p.source.kind === "fitted") {
        fitted++;
        assert.match(p.source.note ?? "", /treg-lung-cryo/, p.name);
      }
      if (p.source.kind === "assumed")
        assert.ok((p.source.note ?? "").length > 10, `${p.name} says why it is assumed`);
    }
  }
  assert.equal(fitted, 3);
  const mechanisms = decl.modules.flatMap((m) => (m.processes ?? []).map((p) => p.name));
  for (const needed of [
    "calpain_processing_l1",
    "dc_maturation_l1",
    "cd8_clonal_expansion",
    "cd8_killing_l2",
    "treg_conversion",
    "foxp3_relaxation",
    "m2_to_m1_l1",
    "netosis_l1",
    "pdl1_induction_l1",
    "antigen_loss_l1",
    "nk_killing_mhc_low_l1",
  ])
    assert.ok(mechanisms.includes(needed), needed);
});

test("T-cell trafficking conserves cells: with birth, death and conversion switched off, CD8 and Treg totals are constant", () => {
  const m = cache.get({ lesionCount: 2, drugs: [] });
  const p = m.defaultParameters();
  for (const name of [
    "k_teff_death",
    "k_mem",
    "k_pro",
    "k_exh_tumour",
    "k_exh_treg",
    "k_treg_death",
    "s_treg",
    "k_treg_conversion",
    "k_recall",
    "k_cd4_turnover",
  ])
    p[m.parameterIndex(name)] = 0;
  const y = m.initialState(p);
  const set = (name: string, v: number) => {
    y[m.speciesIndex(name)] = v;
  };
  set("CD8_B", 1e7);
  set("CD8_P", 3e6);
  set("CD8_l1", 2e6);
  set("CD8_l2", 5e5);
  set("Th_B", 1e6);
  set("Treg_B", 3e8);
  const dydt = new Float64Array(y.length);
  m.rhs(0, y, dydt, p);
  const d = (name: string) => dydt[m.speciesIndex(name)];
  const cd8 = d("CD8_B") + d("CD8_P") + d("CD8_l1") + d("CD8_l2");
  assert.ok(Math.abs(cd8) < 1e-6 * 1e7, `dCD8 total/dt = ${cd8}`);
  assert.ok(d("CD8_l1") > 0 && d("CD8_B") < 0, "cells actually move");
  const treg = d("Treg_B") + d("Treg_l1") + d("Treg_l2");
  assert.ok(Math.abs(treg) < 1e-6 * 1e8, `dTreg total/dt = ${treg}`);
});

test("positivity: every species stays ≥ 0 and every observable finite through cryo + anti-PD-1", () => {
  const scenario = parseScenario(readFileSync("examples/cryo-ici.yaml", "utf8"), "cryo-ici.yaml");
  const t = simulatePatient(undefined, { ...scenario, horizonDays: 120 }, { cache });
  assert.equal(t.status, "success", t.message);
  for (const name of t.columnNames) {
    const col = t.columns[name];
    assert.ok(col.every(Number.isFinite), name);
    if (/_per_mm3_|diameter|pct|pg_per_ml|occupancy/.test(name))
      assert.ok(
        col.every((v) => v >= 0),
        name,
      );
  }
});
