import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../../src/errors.js";
import {
  SCENARIO_PLAN_RESOLUTION_3D_MM,
  SCENARIO_PLAN_RESOLUTION_AXISYMMETRIC_MM,
  thermalPlanOf,
} from "../../src/scenario/ablation-plan.js";
import { parseScenario } from "../../src/scenario/load.js";
import { scenarioJsonSchema } from "../../src/scenario/schema.js";

// Line numbers below are 1-based lines of this text.
const PLAN = `patient:
  tumourType: HCC
lesions:
  - id: primary
    site: liver
    longestDiameterMm: 20
treatments:
  - kind: cryoablation
    lesion: primary
    day: 0
    plan:
      tissue: liver
      tumour:
        centreMm: [0, 0, 0]
      probes:
        - model: argon-2.4
          tipMm: [0, 0, 20]
        - model: argon-2.4
          tipMm: [8, 0, 20]
      protocol: "10-5-10"
horizonDays: 30
`;

function rejects(text: string, message: string): void {
  assert.throws(
    () => parseScenario(text, "x.yaml"),
    (err: unknown) => {
      assert.ok(err instanceof InputError, String(err));
      assert.equal(err.message, message);
      return true;
    },
  );
}

test("a schema error inside the plan names the field path under the treatment and its line", () => {
  rejects(
    PLAN.replace("tipMm: [8, 0, 20]", 'tipMm: [8, "x", 20]'),
    'treatments[0].plan.probes[1].tipMm[1]: expected number, got "x" (line 19 of x.yaml)',
  );
  assert.throws(
    () =>
      parseScenario(
        PLAN.replace('protocol: "10-5-10"', 'protocol: "10-5-10"\n      probeCount: 2'),
        "x.yaml",
      ),
    /^InputError: treatments\[0\]\.plan: expected no field named "probeCount" here, got .* \(line 12 of x\.yaml\)$/,
  );
});

test("zod's own messages inside the plan read like the scenario's", () => {
  rejects(
    PLAN.replace('protocol: "10-5-10"', "protocol: [{ freezeMin: -3 }]"),
    "treatments[0].plan.protocol[0].freezeMin: expected a number ≥ 0, got -3 (line 20 of x.yaml)",
  );
  rejects(
    PLAN.replace('protocol: "10-5-10"', 'protocol: "10-5-10"\n      mode: round'),
    'treatments[0].plan.mode: expected one of "axisymmetric", "cartesian3d", got "round" (line 21 of x.yaml)',
  );
  rejects(
    PLAN.replace("tipMm: [8, 0, 20]", "tipMm: [8, 0]"),
    "treatments[0].plan.probes[1].tipMm: expected a list with ≥ 3 items, got [8, 0] (line 19 of x.yaml)",
  );
});

test("a plan error found by the thermal module names the field path under the treatment and its line", () => {
  assert.throws(
    () =>
      parseScenario(
        PLAN.replace(
          "        - model: argon-2.4\n          tipMm: [8",
          "        - model: argon-9\n          tipMm: [8",
        ),
        "x.yaml",
      ),
    /^InputError: treatments\[0\]\.plan\.probes\[1\]\.model: expected .*argon-2\.4.*, got "argon-9" \(line 18 of x\.yaml\)$/,
  );
  assert.throws(
    () => parseScenario(PLAN.replace("tissue: liver", "tissue: lung"), "x.yaml"),
    /^InputError: treatments\[0\]\.plan\.tissue: expected one of .*lung-inflated.*, got "lung" \(line 12 of x\.yaml\)$/,
  );
  assert.throws(
    () => parseScenario(PLAN.replace('protocol: "10-5-10"', 'protocol: "10--5-10"'), "x.yaml"),
    /^InputError: treatments\[0\]\.plan\.protocol.*\(line 20 of x\.yaml\)$/,
  );
});

test("a plan excludes the outcome numbers, and needs a tumour", () => {
  rejects(
    PLAN.replace("    day: 0\n", "    day: 0\n    killedFraction: 0.9\n"),
    "treatments[0].killedFraction: expected either a plan (probes and protocol) or the outcome numbers, not both, got 0.9 (line 11 of x.yaml)",
  );
  rejects(
    PLAN.replace("    day: 0\n", "    day: 0\n    freezeCycles: 2\n"),
    "treatments[0].freezeCycles: expected either a plan (probes and protocol) or the outcome numbers, not both, got 2 (line 11 of x.yaml)",
  );
  rejects(
    PLAN.replace("      tumour:\n        centreMm: [0, 0, 0]\n", ""),
    "treatments[0].plan.tumour: expected a plan with a tumour (centreMm; diameterMm defaults to the lesion's longest diameter), got undefined (line 12 of x.yaml)",
  );
});

test("the plan run has a coarse grid and the lesion's diameter unless the plan says otherwise", () => {
  const one = {
    tissue: "liver",
    tumour: { centreMm: [0, 0, 0] as [number, number, number], marginMm: 5 },
    probes: [
      {
        model: "argon-2.4",
        tipMm: [0, 0, 20] as [number, number, number],
        direction: [0, 0, 1] as [number, number, number],
      },
    ],
    protocol: "10-5-10",
    paddingMm: 25,
    maxStepS: 15,
    deathRule: "gage-baust" as const,
    pointsOfInterest: [],
    farField: "temperature" as const,
    vascularStasis: true,
  };
  const a = thermalPlanOf(one, 20);
  assert.equal(a.resolutionMm, SCENARIO_PLAN_RESOLUTION_AXISYMMETRIC_MM);
  assert.equal(a.tumour?.diameterMm, 20);
  const two = thermalPlanOf({ ...one, probes: [...one.probes, { ...one.probes[0], tipMm: [8, 0, 20] }] }, 20);
  assert.equal(two.resolutionMm, SCENARIO_PLAN_RESOLUTION_3D_MM);
  const tilted = thermalPlanOf({ ...one, probes: [{ ...one.probes[0], direction: [1, 0, 1] }] }, 20);
  assert.equal(tilted.resolutionMm, SCENARIO_PLAN_RESOLUTION_3D_MM);
  const offAxis = thermalPlanOf({ ...one, tumour: { ...one.tumour, centreMm: [3, 0, 0] } }, 20);
  assert.equal(offAxis.resolutionMm, SCENARIO_PLAN_RESOLUTION_3D_MM);
  const given = thermalPlanOf({ ...one, resolutionMm: 0.5, tumour: { ...one.tumour, diameterMm: 12 } }, 20);
  assert.equal(given.resolutionMm, 0.5);
  assert.equal(given.tumour?.diameterMm, 12);
  const radii = thermalPlanOf({ ...one, tumour: { ...one.tumour, radiiMm: [5, 5, 8] } }, 20);
  assert.equal(radii.tumour?.diameterMm, undefined);
});

test("the JSON Schema describes the plan block of a cryoablation", () => {
  const text = JSON.stringify(scenarioJsonSchema());
  for (const key of ['"plan"', '"probes"', '"tipMm"', '"protocol"', '"resolutionMm"'])
    assert.ok(text.includes(key), key);
});
