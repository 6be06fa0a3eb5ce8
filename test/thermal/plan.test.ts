import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError } from "../../src/errors.js";
import { voxelDeath } from "../../src/thermal/cell-death.js";
import { enthalpyOf, kirchhoffOf, phaseChangeLaw, temperatureOf } from "../../src/thermal/phase-change.js";
import { parseThermalPlan, planAblation, planToSetup } from "../../src/thermal/plan.js";
import { PROBES } from "../../src/thermal/probe.js";
import { parseProtocol, schedule } from "../../src/thermal/protocol.js";
import { getTissue, TISSUES, tissueNumbers } from "../../src/thermal/tissue.js";

const base = {
  tissue: "generic",
  tumour: { centreMm: [0, 0, 0], diameterMm: 16, marginMm: 4 },
  probes: [{ model: "argon-2.4", tipMm: [0, 0, 20] }],
  protocol: "10-5-10",
};

function inputError(fn: () => unknown, field: string): void {
  assert.throws(
    fn,
    (e: unknown) => e instanceof InputError && e.field === field,
    `expected InputError on ${field}`,
  );
}

describe("protocols", () => {
  it("10-5-10 alternates freeze and passive thaw", () => {
    const s = parseProtocol("10-5-10");
    assert.deepEqual(
      s.map((x) => x.kind),
      ["freeze", "thaw", "freeze"],
    );
    const t = schedule(s);
    assert.equal(t[2].startS, 900);
    assert.equal(t[2].endS, 1500);
    assert.equal(t[2].freezeNumber, 2);
  });
  it("3-7-10 reads as freeze 3, thaw 7, freeze 10; the triple freeze is a preset", () => {
    assert.deepEqual(
      parseProtocol("3-7-10").map((x) => x.minutes),
      [3, 7, 10],
    );
    const triple = parseProtocol("lung-triple-freeze");
    assert.equal(triple.filter((x) => x.kind === "freeze").length, 3);
  });
  it("negative or malformed durations are input errors", () => {
    inputError(() => parseProtocol("10--5-10"), "protocol");
    inputError(() => parseProtocol("ten"), "protocol");
  });
});

describe("phase-change law", () => {
  const law = phaseChangeLaw(tissueNumbers(getTissue("generic")));
  it("H and T are inverse and H includes the latent heat across the mushy range", () => {
    for (const t of [-150, -8, -5, -1, 0, 37])
      assert.ok(Math.abs(temperatureOf(law, enthalpyOf(law, t)) - t) < 1e-9);
    const jump = enthalpyOf(law, -1) - enthalpyOf(law, -8);
    assert.ok(Math.abs(jump - (250e6 + 0.5 * (3.6e6 + 1.8e6) * 7)) < 1e-3);
  });
  it("the Kirchhoff variable has slope k", () => {
    const d = 1e-6;
    for (const [t, k] of [
      [-20, 2],
      [10, 0.5],
    ])
      assert.ok(Math.abs((kirchhoffOf(law, t + d) - kirchhoffOf(law, t)) / d - k) < 1e-4);
  });
});

describe("cell death rules (Gage & Baust default)", () => {
  const out = { killed: 0, necrotic: 0, apoptotic: 0, intactAntigen: 0, lethal: false };
  const h = (tMin: number, cycles = 1, omega = 0) => ({
    tMin,
    timeBelow20: 0,
    coolingRate: 5,
    freezeCycles: cycles,
    omega,
  });
  it("−40 °C single freeze is lethal, −30 °C is a partial (apoptotic) rim, +5 °C survives", () => {
    assert.equal(voxelDeath("gage-baust", h(-45), out).killed, 1);
    assert.equal(out.necrotic, 1);
    const rim = voxelDeath("gage-baust", h(-30), { ...out });
    assert.ok(Math.abs(rim.killed - 0.75) < 1e-12 && rim.necrotic === 0 && rim.apoptotic === rim.killed);
    assert.equal(voxelDeath("gage-baust", h(5), out).killed, 0);
  });
  it("a double freeze makes −20 °C lethal", () => {
    assert.equal(voxelDeath("gage-baust", h(-25, 2), out).lethal, true);
    assert.equal(voxelDeath("fixed-40", h(-25, 2), out).lethal, false);
  });
  it("heat: Ω ≥ 1 is lethal and denatures antigen; cold keeps it intact", () => {
    voxelDeath("gage-baust", h(37, 0, 4.6), out);
    assert.ok(out.lethal && out.killed > 0.98 && out.intactAntigen / out.killed < 0.02);
    voxelDeath("gage-baust", h(-50), out);
    assert.equal(out.intactAntigen, 1);
  });
});

describe("tissue and probe catalogues carry sources", () => {
  it("every value has a unit and a source", () => {
    for (const t of Object.values(TISSUES))
      for (const v of Object.values(t)) if (typeof v === "object") assert.ok(v.unit && v.source, `${t.name}`);
    for (const p of Object.values(PROBES))
      for (const v of Object.values(p)) if (typeof v === "object") assert.ok(v.unit && v.source, `${p.name}`);
  });
});

describe("thermal plan validation", () => {
  it("unknown tissue names the field", () =>
    inputError(() => planToSetup(parseThermalPlan({ ...base, tissue: "brain" })), "tissue"));
  it("unknown probe model names the probe", () =>
    inputError(
      () => planToSetup(parseThermalPlan({ ...base, probes: [{ model: "x", tipMm: [0, 0, 0] }] })),
      "probes[0].model",
    ));
  it("negative protocol time names the step", () =>
    inputError(
      () => parseThermalPlan({ ...base, protocol: [{ freezeMin: 10 }, { thawMin: -5 }] }),
      "protocol[1].thawMin",
    ));
  it("a probe outside the domain names its tip", () =>
    inputError(
      () =>
        planToSetup(
          parseThermalPlan({
            ...base,
            domain: { minMm: [-30, -30, -30], maxMm: [30, 30, 30] },
            probes: [{ model: "argon-2.4", tipMm: [0, 0, 40] }],
          }),
        ),
      "probes[0].tipMm",
    ));
  it("axisymmetric mode refuses two probes", () =>
    inputError(
      () =>
        planToSetup(
          parseThermalPlan({
            ...base,
            mode: "axisymmetric",
            probes: [
              { model: "argon-2.4", tipMm: [-5, 0, 20] },
              { model: "argon-2.4", tipMm: [5, 0, 20] },
            ],
          }),
        ),
      "mode",
    ));
  it("heat steps with cryoprobes are refused", () =>
    inputError(() => planToSetup(parseThermalPlan({ ...base, protocol: [{ heatMin: 5 }] })), "protocol[0]"));
});

describe("planAblation", () => {
  it("cryo vs heat on the same tumour: both kill, only cryo keeps antigen intact", () => {
    const cryo = planAblation({ ...base, resolutionMm: 1, protocol: [{ freezeMin: 8 }] });
    const heat = planAblation({
      ...base,
      resolutionMm: 1,
      probes: [{ model: "rfa-1.5", tipMm: [0, 0, 15] }],
      protocol: [{ heatMin: 8 }],
    });
    assert.equal(cryo.solver.status, "ok");
    assert.equal(heat.solver.status, "ok");
    assert.ok(
      cryo.killedFraction > 0.3 && heat.killedFraction > 0.3,
      `${cryo.killedFraction} ${heat.killedFraction}`,
    );
    assert.equal(cryo.intactAntigenFraction, 1);
    assert.ok(heat.intactAntigenFraction < 0.5, `${heat.intactAntigenFraction}`);
    assert.ok(Math.abs(cryo.necroticShare + cryo.apoptoticShare - 1) < 1e-12);
    assert.ok(cryo.solver.energyBalanceRelError < 1e-6);
    assert.equal(cryo.isotherms.length, 1);
    const [i0, i20, i40] = cryo.isotherms[0].sizes;
    assert.ok(i0.widthMm > i20.widthMm && i20.widthMm > i40.widthMm && i40.widthMm > 0);
  });
  it("a larger probe array covers more of the tumour + margin (3D)", () => {
    const one = planAblation({
      ...base,
      mode: "cartesian3d",
      resolutionMm: 2,
      protocol: [{ freezeMin: 10 }],
    });
    const four = planAblation({
      ...base,
      mode: "cartesian3d",
      resolutionMm: 2,
      protocol: [{ freezeMin: 10 }],
      probes: [
        [-6, -6],
        [6, -6],
        [6, 6],
        [-6, 6],
      ].map(([x, y]) => ({ model: "argon-2.4", tipMm: [x, y, 20] })),
    });
    assert.ok(four.coverage > one.coverage, `${four.coverage} vs ${one.coverage}`);
    assert.ok(four.coverage > 0.9, `${four.coverage}`);
    assert.ok(four.timeToCoverageS === null || four.timeToCoverageS <= 600);
  });
});
