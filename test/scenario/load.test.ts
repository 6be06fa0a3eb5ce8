import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { InputError } from "../../src/errors.js";
import { parseScenario } from "../../src/scenario/load.js";
import { scenarioJsonSchema } from "../../src/scenario/schema.js";

const BASE = `patient:
  tumourType: NSCLC
lesions:
  - id: primary
    site: lung
    longestDiameterMm: 30
treatments:
  - kind: cryoablation
    lesion: primary
    day: 0
  - kind: ici
    regimen: nivolumab 240 mg q2w
    startDay: 0
horizonDays: 100
`;

test("every patient example parses", () => {
  const files = readdirSync("examples").filter((f) => f.endsWith(".yaml") && !f.startsWith("ablate-"));
  assert.ok(files.includes("default.yaml") && files.includes("seed-lung-treg.yaml"));
  for (const f of files) {
    const s = parseScenario(readFileSync(`examples/${f}`, "utf8"), f);
    assert.ok(s.lesions.length >= 1, f);
  }
});

test("a bad field is named with its path, value, expectation and YAML line", () => {
  const text = BASE.replace("    startDay: 0", '    startDay: "soon"');
  assert.throws(
    () => parseScenario(text, "x.yaml"),
    (err: unknown) => {
      assert.ok(err instanceof InputError);
      assert.equal(
        err.message,
        'treatments[1].startDay: expected a number ≥ -60, got "soon" (line 13 of x.yaml)',
      );
      return true;
    },
  );
});

test("a number out of range says the bound", () => {
  const text = BASE.replace("    startDay: 0", "    startDay: -90");
  assert.throws(
    () => parseScenario(text, "x.yaml"),
    /treatments\[1\]\.startDay: expected a number ≥ -60, got -90 \(line 13 of x\.yaml\)/,
  );
});

test("unknown lesion, unknown drug, unknown field and duplicate ids are InputErrors naming the field", () => {
  assert.throws(
    () => parseScenario(BASE.replace("    lesion: primary", "    lesion: liver"), "x.yaml"),
    /treatments\[0\]\.lesion: expected the id of a lesion \(primary\), got "liver" \(line 9/,
  );
  assert.throws(
    () => parseScenario(BASE.replace("nivolumab 240", "nivolumob 240"), "x.yaml"),
    /treatments\[1\]\.regimen: .*nivolumab/,
  );
  assert.throws(
    () => parseScenario(BASE.replace("horizonDays: 100", "horizonDays: 100\nhorizon: 3"), "x.yaml"),
    /no field named "horizon"/,
  );
  const dup = BASE.replace(
    "treatments:",
    "  - id: primary\n    site: liver\n    longestDiameterMm: 20\ntreatments:",
  );
  assert.throws(
    () => parseScenario(dup, "x.yaml"),
    /lesions\[1\]\.id: expected a lesion id not used by another lesion/,
  );
  assert.throws(() => parseScenario("patient: [", "x.yaml"), InputError);
});

test("JSON scenarios are accepted", () => {
  const s = parseScenario(
    JSON.stringify({
      patient: { tumourType: "HCC", phenotype: { immune: "cold", pdl1: 0.2 } },
      lesions: [{ id: "a", site: "liver", longestDiameterMm: 25 }],
      treatments: [{ kind: "ici", drug: "pembrolizumab", doseMg: 200, intervalDays: 21, startDay: -14 }],
      horizonDays: 30,
    }),
    "x.json",
  );
  assert.equal(s.treatments[0].kind, "ici");
});

test("docs/scenario.schema.json is up to date with the zod schema", () => {
  const published = JSON.parse(readFileSync("docs/scenario.schema.json", "utf8"));
  assert.deepEqual(
    published,
    scenarioJsonSchema(),
    "docs/scenario.schema.json is stale: regenerate it with the command in docs/immune-model.md",
  );
});
