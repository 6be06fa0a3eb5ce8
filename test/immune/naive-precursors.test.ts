/**
 * Precursor-limited priming (QSP-IO's structure): a tumour-specific naive CD8 pool at homeostasis
 * (thymic output + homeostatic proliferation = death), recirculating through the draining nodes, used up
 * by activation, so that priming is bounded by the naive supply reaching the node.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { ModelCache } from "../../src/immune/model-cache.js";

const cache = new ModelCache();

function setup() {
  const m = cache.get({ lesionCount: 1, drugs: [] });
  const p = m.defaultParameters();
  const y = m.initialState(p);
  const par = (name: string) => p[m.parameterIndex(name)];
  const rhs = (state: Float64Array) => {
    const dy = new Float64Array(m.species.length);
    m.rhs(0, state, dy, p);
    return (name: string) => dy[m.speciesIndex(name)];
  };
  return { m, p, y, par, rhs };
}

test("the naive pool starts at its homeostatic steady state (QSP-IO values: ~1.6e5 cells per clone)", () => {
  const { m, y, par, rhs } = setup();
  // Per-clone balance Q/div + (k/div)·n/(K/div + n) = d·n, solved here by bisection.
  const q = par("Q_nCD8_thym") / par("div_cd8");
  const k = par("k_nCD8_pro") / par("div_cd8");
  const K = par("K_nT_pro") / par("div_cd8");
  const d = par("k_nT_death");
  let lo = 0;
  let hi = 1e7;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (q + (k * mid) / (K + mid) - d * mid > 0) lo = mid;
    else hi = mid;
  }
  const clones = par("n_clones_cd8") * par("antigenicity");
  const sys = y[m.speciesIndex("nCD8_sys")];
  assert.ok(Math.abs(sys / clones - lo) < 1e-6 * lo, `per clone ${sys / clones} vs ${lo}`);
  assert.ok(lo > 1e5 && lo < 3e5, `per clone ${lo}`);
  // Without DCs in the node, both pools are at rest.
  y[m.speciesIndex("mDC_LN")] = 0;
  y[m.speciesIndex("tDC_LN")] = 0;
  const dy = rhs(y);
  assert.ok(Math.abs(dy("nCD8_sys")) < 1e-6 * sys, `d nCD8_sys/dt = ${dy("nCD8_sys")}`);
  const ln = y[m.speciesIndex("nCD8_LN")];
  assert.ok(Math.abs(dy("nCD8_LN")) < 1e-6 * ln, `d nCD8_LN/dt = ${dy("nCD8_LN")}`);
});

test("activation by mature DCs uses naive cells up: each cell primed leaves the naive pool", () => {
  const { m, y, rhs } = setup();
  y[m.speciesIndex("aCD8_LN")] = 0;
  y[m.speciesIndex("tDC_LN")] = 0;
  y[m.speciesIndex("mDC_LN")] = 0;
  const rest = rhs(Float64Array.from(y));
  y[m.speciesIndex("mDC_LN")] = 5e6;
  const primed = rhs(y);
  const activation = primed("aCD8_LN");
  assert.ok(activation > 0, "mature DCs activate naive cells");
  const lost = rest("nCD8_LN") - primed("nCD8_LN");
  assert.ok(Math.abs(lost - activation) < 1e-9 * activation, `${lost} lost vs ${activation} activated`);
});

test("priming is bounded by the naive supply to the node, however many mature DCs there are", () => {
  const { m, y, par, rhs } = setup();
  const influx = par("q_nCD8_LN_in") * par("f_naive_blood") * y[m.speciesIndex("nCD8_sys")];
  const rate = (mDC: number) => {
    // Node pool at its quasi-steady state for this DC number (found by fixed-point on the rhs).
    const s = Float64Array.from(y);
    s[m.speciesIndex("aCD8_LN")] = 0;
    s[m.speciesIndex("tDC_LN")] = 0;
    s[m.speciesIndex("mDC_LN")] = mDC;
    const iLN = m.speciesIndex("nCD8_LN");
    for (let i = 0; i < 60; i++) {
      const dy = rhs(s);
      const out = influx - dy("nCD8_LN"); // exit + activation at the current pool size
      s[iLN] *= influx / out;
    }
    return rhs(s)("aCD8_LN");
  };
  const low = rate(5e5);
  const high = rate(5e8);
  assert.ok(high > low, "more mature DCs prime more");
  assert.ok(high < influx, `priming ${high} below the naive influx ${influx}`);
  assert.ok(high > 0.8 * influx, `at saturating DCs nearly every arriving cell is primed (${high / influx})`);
  // 1000-fold more DCs give far less than 1000-fold more priming.
  assert.ok(high / low < 20, `saturation: ${low} → ${high}`);
});
