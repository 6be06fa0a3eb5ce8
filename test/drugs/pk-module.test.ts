import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DRUGS, drugByName } from "../../src/drugs/catalogue/index.js";
import { TUMOUR_PARTITION } from "../../src/drugs/catalogue/tumour-partition.js";
import { individualPk } from "../../src/drugs/individual-pk.js";
import { occupancyName, pkModule, pkNames } from "../../src/drugs/pk-module.js";
import { simulatePk } from "../../src/drugs/simulate-pk.js";
import { type DrugRecord, hasPopulationPk, type PopulationPk } from "../../src/drugs/types.js";
import { InputError } from "../../src/errors.js";
import { hasEvidence } from "../../src/evidence/index.js";
import { compileModel } from "../../src/model/compile.js";

describe("pkModule: the drug as a model-language module", () => {
  it("compiles (units checked) for every drug with population PK", () => {
    for (const d of DRUGS) {
      if (!hasPopulationPk(d.pk)) {
        assert.throws(() => pkModule(d), InputError);
        continue;
      }
      const model = compileModel({ name: d.name, description: d.name, modules: [pkModule(d)] });
      assert.ok(model.observableIndex(occupancyName(d)) >= 0);
      assert.ok(model.speciesIndex(pkNames(d.name).central) >= 0);
      for (const e of ["dose_", "infusion_start_", "infusion_stop_"])
        assert.ok(model.events.some((ev) => ev.name === `${e}${d.name}`));
      for (const p of model.processes) for (const id of p.evidence) assert.ok(hasEvidence(id), id);
    }
  });

  it("an immune model can include two drugs and apply doses as events", () => {
    const nivo = drugByName("nivolumab");
    const ipi = drugByName("ipilimumab");
    const model = compileModel({ name: "combo", description: "", modules: [pkModule(nivo), pkModule(ipi)] });
    const p = model.defaultParameters();
    const y = model.initialState(p);
    model.applyEvent("dose_nivolumab", y, p, { amountMg: 80 });
    model.applyEvent("dose_ipilimumab", y, p, { amountMg: 240 });
    const out = new Float64Array(model.observables.length);
    model.observe(0, y, p, out);
    const pkN = individualPk(nivo.pk as Parameters<typeof individualPk>[0], { weightKg: 80 });
    assert.ok(Math.abs(out[model.observableIndex("nivolumab_serum")] - 80 / pkN.vcL) < 1e-12);
    assert.ok(out[model.observableIndex("occupancy_ctla4")] > 0.9);
    assert.equal(y[model.speciesIndex("nivolumab_treated")], 1);
  });

  it("occupancy = C/(C + EC50) at the site, Emax·C/(C + EC50) as measured in blood: in vivo RO data where published, else Kd (SPR) and Emax 1", () => {
    const nivo = pkModule(drugByName("nivolumab"));
    const ec50 = nivo.parameters?.find((p) => p.name === "nivolumab_occupancy_ec50");
    const emax = nivo.parameters?.find((p) => p.name === "nivolumab_occupancy_emax");
    assert.equal(ec50?.source.kind, "fitted");
    assert.match(ec50?.source.note ?? "", /Brahmer 2010/);
    assert.equal(emax?.value, 0.72);
    const pembro = pkModule(drugByName("pembrolizumab"));
    const k = pembro.parameters?.find((p) => p.name === "pembrolizumab_occupancy_ec50");
    assert.ok(k && Math.abs(k.value - (4 * 149) / 1000) < 1e-12);
    assert.equal(k.source.kind, "derived");
    assert.equal(
      pembro.parameters?.find((p) => p.name === "pembrolizumab_occupancy_emax")?.source.kind,
      "assumed",
    );
    const noKd = pkModule(drugByName("ipilimumab")).parameters?.find(
      (p) => p.name === "ipilimumab_occupancy_ec50",
    );
    assert.equal(noKd?.source.kind, "assumed");
    // The observables follow the formula at the site (partition × serum) and in blood (serum).
    const model = compileModel({ name: "o", description: "", modules: [nivo] });
    const p = model.defaultParameters();
    const y = model.initialState(p);
    y[model.speciesIndex("nivolumab_amount_central")] = 0.2;
    const out = new Float64Array(model.observables.length);
    model.observe(0, y, p, out);
    const c = out[model.observableIndex("nivolumab_serum")];
    const site = out[model.observableIndex("nivolumab_site")];
    const e = ec50?.value as number;
    assert.ok(Math.abs(site - TUMOUR_PARTITION.value * c) < 1e-15);
    assert.ok(Math.abs(out[model.observableIndex("occupancy_pd1")] - site / (site + e)) < 1e-14);
    assert.ok(
      Math.abs(out[model.observableIndex("nivolumab_occupancy_blood")] - (0.72 * c) / (c + e)) < 1e-14,
    );
  });

  it("a random effect shared in the source (one eta on CL and Q, on Vc and Vp) is one factor on both", () => {
    const m = pkModule(drugByName("pembrolizumab"));
    const clq = m.parameters?.find((p) => p.name === "pembrolizumab_eta_CL_Q");
    const vcvp = m.parameters?.find((p) => p.name === "pembrolizumab_eta_Vc_Vp");
    assert.equal(clq?.value, 1);
    assert.equal(clq?.distribution?.kind, "lognormal");
    assert.ok(vcvp?.distribution);
    // The typical values then carry no distribution of their own (no double counting).
    for (const name of ["pembrolizumab_CL", "pembrolizumab_Q", "pembrolizumab_Vc", "pembrolizumab_Vp"])
      assert.equal(m.parameters?.find((p) => p.name === name)?.distribution, undefined, name);
    const model = compileModel({ name: "e", description: "", modules: [m] });
    const base = model.defaultParameters();
    const scaled = Float64Array.from(base);
    scaled[model.parameterIndex("pembrolizumab_eta_CL_Q")] = 1.3;
    scaled[model.parameterIndex("pembrolizumab_eta_Vc_Vp")] = 1.2;
    const y = model.initialState(base);
    y[model.speciesIndex("pembrolizumab_amount_central")] = 100;
    y[model.speciesIndex("pembrolizumab_treated")] = 1;
    const o0 = new Float64Array(model.observables.length);
    const o1 = new Float64Array(model.observables.length);
    model.observe(0, y, base, o0);
    model.observe(0, y, scaled, o1);
    const cl = model.observableIndex("pembrolizumab_clearance");
    const serum = model.observableIndex("pembrolizumab_serum");
    assert.ok(Math.abs(o1[cl] / o0[cl] - 1.3) < 1e-12);
    assert.ok(Math.abs(o0[serum] / o1[serum] - 1.2) < 1e-12);
    // Q moves with CL and Vp with Vc: return flux from the peripheral compartment scales by 1.3/1.2.
    const yp = model.initialState(base);
    yp[model.speciesIndex("pembrolizumab_amount_peripheral")] = 50;
    const d0 = new Float64Array(yp.length);
    const d1 = new Float64Array(yp.length);
    model.rhs(0, yp, d0, base);
    model.rhs(0, yp, d1, scaled);
    const ic = model.speciesIndex("pembrolizumab_amount_central");
    assert.ok(Math.abs(d1[ic] / d0[ic] - 1.3 / 1.2) < 1e-12);
    // Nivolumab (separate etas in Bajaj 2017): the distribution stays on the parameter.
    const nivo = pkModule(drugByName("nivolumab"));
    assert.ok(nivo.parameters?.find((p) => p.name === "nivolumab_CL")?.distribution);
    assert.equal(
      nivo.parameters?.some((p) => p.name.includes("_eta_")),
      false,
    );
  });

  it("albumin default: the reference patient, else the covariate effect's reference, labelled as such", () => {
    const pembro = drugByName("pembrolizumab");
    const pk = pembro.pk as PopulationPk;
    const albumin = (r: DrugRecord) =>
      pkModule(r).parameters?.find((p) => p.name === `${r.name}_albumin_g_per_l`);
    assert.match(albumin(pembro)?.source.note ?? "", /reference patient \(39.6 g\/L\)/);
    const { referenceAlbuminGPerL: _dropped, ...rest } = pk;
    const variant: DrugRecord = {
      ...pembro,
      pk: {
        ...rest,
        covariates: pk.covariates.map((e) => (e.covariate === "albuminGPerL" ? { ...e, reference: 35 } : e)),
      },
    };
    const a = albumin(variant);
    assert.equal(a?.value, 35);
    assert.match(a?.source.note ?? "", /albumin covariate effect \(35 g\/L\)/);
  });

  it("covariates are parameters: weight and albumin change clearance as published", () => {
    const pem = drugByName("pembrolizumab");
    const model = compileModel({ name: "pem", description: "", modules: [pkModule(pem)] });
    const p = model.defaultParameters();
    const y = model.initialState(p);
    const out = new Float64Array(model.observables.length);
    model.observe(0, y, p, out);
    const cl0 = out[model.observableIndex("pembrolizumab_clearance")];
    // Default covariates are the analysis' reference patient (76.8 kg, albumin 39.6 g/L).
    assert.ok(Math.abs(cl0 - 0.22) < 1e-12);
    p[model.parameterIndex("pembrolizumab_albumin_g_per_l")] = 30;
    model.observe(0, y, p, out);
    const cl1 = out[model.observableIndex("pembrolizumab_clearance")];
    assert.ok(Math.abs(cl1 / cl0 - (30 / 39.6) ** -0.907) < 1e-12);
  });

  it("time-varying clearance follows the treatment clock, not absolute time", () => {
    const nivo = drugByName("nivolumab");
    const model = compileModel({ name: "n", description: "", modules: [pkModule(nivo, { weightKg: 80 })] });
    const p = model.defaultParameters();
    const y = model.initialState(p);
    const out = new Float64Array(model.observables.length);
    const clAt = (daysOn: number) => {
      y[model.speciesIndex("nivolumab_days_on_treatment")] = daysOn;
      model.observe(1000, y, p, out);
      return out[model.observableIndex("nivolumab_clearance")];
    };
    assert.ok(Math.abs(clAt(0) - 0.2256) < 1e-12);
    assert.ok(Math.abs(clAt(1410 / 24) / 0.2256 - Math.exp(-0.295 / 2)) < 1e-12);
    // The clock runs only once treated.
    const dydt = new Float64Array(y.length);
    model.rhs(0, model.initialState(p), dydt, p);
    assert.equal(dydt[model.speciesIndex("nivolumab_days_on_treatment")], 0);
  });
});

describe("pkModule: quasi-steady-state target turnover (TMDD option)", () => {
  const binding = (kint: number, baselineNanomolar = 0.05) => ({
    baselineNanomolar,
    degradationPerDay: 2,
    internalisationPerDay: kint,
    konPerNanomolarPerDay: 100,
    source: { kind: "assumed" as const, note: "test values" },
  });

  it("the target balance and the drug loss by internalisation are as written", () => {
    const nivo = drugByName("nivolumab");
    const withT = compileModel({
      name: "a",
      description: "",
      modules: [pkModule(nivo, { weightKg: 80, targetBinding: binding(10, 5) })],
    });
    const without = compileModel({ name: "b", description: "", modules: [pkModule(nivo, { weightKg: 80 })] });
    const pA = withT.defaultParameters();
    const pB = without.defaultParameters();
    const yA = withT.initialState(pA);
    const yB = without.initialState(pB);
    const rIndex = withT.speciesIndex("nivolumab_target_total");
    assert.equal(yA[rIndex], 5);
    for (const [m, y] of [
      [withT, yA],
      [without, yB],
    ] as const)
      y[m.speciesIndex("nivolumab_amount_central")] = 10;
    yA[rIndex] = 3;
    const dA = new Float64Array(yA.length);
    const dB = new Float64Array(yB.length);
    withT.rhs(0, yA, dA, pA);
    without.rhs(0, yB, dB, pB);
    const vc = 3.63;
    const cNm = (10 / vc) * (1000 / 146);
    const kss = 7.2 + 10 / 100;
    const f = cNm / (kss + cNm);
    assert.ok(Math.abs(dA[rIndex] - (2 * 5 - 2 * 3 * (1 - f) - 10 * 3 * f)) < 1e-12);
    const loss =
      dB[without.speciesIndex("nivolumab_amount_central")] -
      dA[withT.speciesIndex("nivolumab_amount_central")];
    assert.ok(Math.abs(loss - (10 * 3 * f * vc) / (1000 / 146)) < 1e-12, String(loss));
    const out = new Float64Array(withT.observables.length);
    withT.observe(0, yA, pA, out);
    assert.ok(Math.abs(out[withT.observableIndex("occupancy_pd1")] - f) < 1e-12);
  });

  it("kint = kdeg keeps the total target constant at any occupancy; K_ss lowers occupancy", () => {
    const model = compileModel({
      name: "c",
      description: "",
      modules: [pkModule(drugByName("nivolumab"), { targetBinding: binding(2) })],
    });
    const p = model.defaultParameters();
    const y = model.initialState(p);
    const dydt = new Float64Array(y.length);
    for (const amount of [0, 1, 50, 500]) {
      y[model.speciesIndex("nivolumab_amount_central")] = amount;
      model.rhs(0, y, dydt, p);
      assert.ok(Math.abs(dydt[model.speciesIndex("nivolumab_target_total")]) < 1e-15);
    }
    const tmdd = simulatePk({
      drug: "nivolumab",
      regimen: "240 mg once",
      days: 30,
      targetBinding: { nivolumab: binding(20) },
    });
    const qe = simulatePk({ drug: "nivolumab", regimen: "240 mg once", days: 30 });
    assert.equal(tmdd.status, "success");
    for (let i = 1; i <= 30; i++) assert.ok(tmdd.occupancy[i] < qe.occupancy[i] && tmdd.occupancy[i] > 0.8);
    // A 0.05 nM target pool barely changes serum PK (< 3 % over a month).
    assert.ok(Math.abs(tmdd.serumUgPerMl[30] / qe.serumUgPerMl[30] - 1) < 0.03);
  });

  it("a large target pool adds target-mediated elimination at low doses", () => {
    const big = simulatePk({
      drug: "nivolumab",
      regimen: "10 mg once",
      days: 30,
      outputDays: [30],
      targetBinding: { nivolumab: binding(20, 20) },
    });
    const none = simulatePk({ drug: "nivolumab", regimen: "10 mg once", days: 30, outputDays: [30] });
    assert.ok(
      big.serumUgPerMl[0] < 0.8 * none.serumUgPerMl[0],
      `${big.serumUgPerMl[0]} vs ${none.serumUgPerMl[0]}`,
    );
    assert.throws(
      () => pkModule(drugByName("nivolumab"), { targetBinding: { ...binding(2), degradationPerDay: 0 } }),
      InputError,
    );
  });
});

describe("pkModule: the compiled Jacobian agrees with finite differences", () => {
  it("time-varying, saturable, three-compartment and TMDD forms", () => {
    const cases = [
      pkModule(drugByName("nivolumab"), { weightKg: 63 }),
      pkModule(drugByName("durvalumab"), { weightKg: 90, albuminGPerL: 33 }),
      pkModule(drugByName("tislelizumab")),
      pkModule(drugByName("pembrolizumab"), {
        targetBinding: {
          baselineNanomolar: 2,
          degradationPerDay: 1,
          internalisationPerDay: 5,
          konPerNanomolarPerDay: 50,
          source: { kind: "assumed", note: "test values" },
        },
      }),
    ];
    for (const module of cases) {
      const model = compileModel({ name: module.name, description: "", modules: [module] });
      const p = model.defaultParameters();
      const n = model.species.length;
      const y = model.initialState(p);
      for (let i = 0; i < n; i++) y[i] += 0.3 + (2.7 * ((i * 7919) % 13)) / 13;
      y[model.speciesIndex(module.species?.[0].name ?? "")] = 150;
      const J = new Float64Array(n * n);
      model.jacobian(40, y, J, p);
      const f0 = new Float64Array(n);
      const f1 = new Float64Array(n);
      for (let j = 0; j < n; j++) {
        const h = 1e-6 * Math.max(1, Math.abs(y[j]));
        const yp = Float64Array.from(y);
        const ym = Float64Array.from(y);
        yp[j] += h;
        ym[j] -= h;
        model.rhs(40, yp, f1, p);
        model.rhs(40, ym, f0, p);
        for (let i = 0; i < n; i++) {
          const fd = (f1[i] - f0[i]) / (2 * h);
          assert.ok(
            Math.abs(J[i * n + j] - fd) <= 1e-6 * Math.max(1, Math.abs(fd)),
            `${module.name} J[${i},${j}] ${J[i * n + j]} vs ${fd}`,
          );
        }
      }
    }
  });
});
