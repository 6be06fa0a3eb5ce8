import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { compileModel } from "../../src/model/compile.js";
import { getModel, modelNames } from "../../src/model/registry.js";
import { exportSbml } from "../../src/model/sbml-export.js";
import type { ModelDecl } from "../../src/model/types.js";
import { solveOde } from "../../src/numerics/ode/index.js";
import { simulateSbml } from "../../src/sbml/simulate.js";

const fixtures = new URL("../fixtures/sbml-export/", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "cryoimmune-sbml-"));
const validator = join(dir, "validate");

test("the libSBML validator builds (gcc + libsbml5-dev); failure to build fails the suite", () => {
  const build = spawnSync("sh", [join(fixtures, "build.sh"), validator], { encoding: "utf8" });
  assert.equal(build.status, 0, `could not build the libSBML validator:\n${build.stderr}${build.stdout}`);
});

/** Two compartments, concentrations and amounts, coefficient expressions, hours and mg: the hard cases. */
function twoCompartment(): ModelDecl {
  const a = (note: string) => ({ kind: "assumed" as const, note });
  return {
    name: "two-compartment",
    description: "test: depot, central and peripheral compartments",
    modules: [
      {
        name: "pk",
        description: "",
        compartments: [
          { name: "central", size: 3, unit: "L", description: "", source: a("test") },
          { name: "periph", size: 5, unit: "L", description: "", source: a("test") },
        ],
        species: [
          { name: "Ad", compartment: "central", unit: "mg", initial: 240, description: "depot amount" },
          { name: "Cc", compartment: "central", unit: "nmol/L", initial: 0, description: "" },
          { name: "Cp", compartment: "periph", unit: "nmol/L", initial: "C0", description: "" },
        ],
        parameters: [
          { name: "ka", value: 0.05, unit: "1/h", description: "", source: a("test") },
          { name: "Q", value: 0.4, unit: "L/h", description: "", source: a("test") },
          { name: "kel", value: 0.2, unit: "1/day", description: "", source: a("test") },
          { name: "MW", value: 146, unit: "kg/mol", description: "", source: a("test") },
          { name: "C0", value: 0.5, unit: "nM", description: "", source: a("test") },
          { name: "t_switch", value: 5, unit: "day", description: "", source: a("test") },
        ],
        processes: [
          {
            name: "absorption",
            rate: "ka*Ad",
            changes: { Ad: -1, Cc: "1/(MW*central)" },
            evidence: ["review:14"],
            description: "",
          },
          {
            name: "to_periph",
            rate: "Q*Cc",
            changes: { Cc: "-1/central", Cp: "1/periph" },
            evidence: ["review:14"],
            description: "",
          },
          {
            name: "to_central",
            rate: "Q*Cp",
            changes: { Cp: "-1/periph", Cc: "1/central" },
            evidence: ["review:14"],
            description: "",
          },
          {
            name: "elimination",
            rate: "kel*Cc*piecewise(1, t < t_switch, 2)",
            changes: { Cc: -1 },
            evidence: ["review:14"],
            description: "",
          },
        ],
        observables: [
          { name: "total_nmol", expression: "Cc*central + Cp*periph", unit: "nmol", description: "" },
        ],
      },
    ],
  };
}

const exported: [string, () => ModelDecl][] = [
  ...modelNames().map((n): [string, () => ModelDecl] => [n, () => getModel(n)]),
  ["two-compartment", twoCompartment],
];

for (const [name, declOf] of exported) {
  test(`${name}: exported SBML L3V2 passes libSBML checkConsistency with zero errors`, () => {
    const xml = exportSbml(declOf());
    assert.match(
      xml,
      /<sbml xmlns="http:\/\/www\.sbml\.org\/sbml\/level3\/version2\/core" level="3" version="2">/,
    );
    const file = join(dir, `${name}.xml`);
    writeFileSync(file, xml);
    const run = spawnSync(validator, [file], { encoding: "utf8" });
    assert.ok(run.status !== null, `validator did not run: ${run.error}`);
    const summary = /errors (\d+) warnings (\d+)/.exec(run.stdout);
    assert.ok(summary, `no summary from the validator:\n${run.stdout}${run.stderr}`);
    assert.equal(Number(summary[1]), 0, run.stdout);
    assert.equal(run.status, 0);
  });

  test(`${name}: the exported SBML simulates like the compiled model (SBML importer round trip)`, () => {
    const decl = declOf();
    const m = compileModel(decl);
    const p = m.defaultParameters();
    const times = [0, 0.5, 2, 10];
    const sol = solveOde(m.problem(p, 0, 10), {
      method: "rodas5",
      rtol: 1e-10,
      atol: 1e-12,
      outputTimes: times,
    });
    assert.equal(sol.status, "success", sol.message);
    const course = simulateSbml(exportSbml(decl), { outputTimes: times, rtol: 1e-10, atol: 1e-12 });
    assert.equal(course.status, "success", course.message);
    for (const s of m.species) {
      const col = course.columns[s.name];
      assert.ok(col, `column ${s.name}`);
      times.forEach((_, k) => {
        const ours = sol.y[k][s.index];
        const scale = Math.max(...sol.y.map((row) => Math.abs(row[s.index])), 1e-30);
        assert.ok(
          Math.abs(col[k] - ours) <= 1e-6 * scale,
          `${name} ${s.name}(t=${times[k]}): SBML ${col[k]} vs compiled ${ours}`,
        );
      });
    }
    const out = new Float64Array(m.observables.length);
    for (const o of m.observables) {
      const col = course.columns[o.name];
      assert.ok(col, `column ${o.name}`);
      const k = times.length - 1;
      m.observe(times[k], sol.y[k], p, out);
      assert.ok(
        Math.abs(col[k] - out[o.index]) <= 1e-6 * Math.max(Math.abs(out[o.index]), 1e-12),
        `${o.name}: ${col[k]} vs ${out[o.index]}`,
      );
    }
  });
}

test("CLI: `export sbml --model cryoimmune` (the immune model) passes libSBML checkConsistency with zero errors", () => {
  const file = join(dir, "cli-cryoimmune.xml");
  const root = new URL("../../", import.meta.url).pathname;
  const cli = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      join(root, "src/cli/main.ts"),
      "export",
      "sbml",
      "--model",
      "cryoimmune",
      "--out",
      file,
    ],
    { cwd: root, encoding: "utf8" },
  );
  assert.equal(cli.status, 0, cli.stderr);
  const xml = readFileSync(file, "utf8");
  assert.match(xml, /<model id="cryoimmune"/);
  assert.match(xml, /<species id="C_l1"/);
  const run = spawnSync(validator, [file], { encoding: "utf8" });
  const summary = /errors (\d+) warnings (\d+)/.exec(run.stdout);
  assert.ok(summary, `no summary from the validator:\n${run.stdout}${run.stderr}`);
  assert.equal(Number(summary[1]), 0, run.stdout);
});

test("parameters carry their source in an annotation; processes carry their evidence", () => {
  const xml = exportSbml(getModel("kuznetsov1994"));
  assert.match(
    xml,
    /<parameter id="s"[^>]*value="13000"[^>]*>.*<cryo:source xmlns:cryo="urn:cryoimmune:model" kind="literature" citation="Kuznetsov VA/,
  );
  assert.match(xml, /<reaction id="tumour_killing"[\s\S]*?<cryo:ref id="kuznetsov1994" year="1994"\/>/);
  assert.match(xml, /<unitDefinition id="u_per_cell_day" name="1\/\(cell\*day\)"/);
});
