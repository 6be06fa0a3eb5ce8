import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { simulatePatient } from "../../src/immune/simulate.js";
import { summarizeTrajectory } from "../../src/immune/trajectory-summary.js";
import { treatmentPlan } from "../../src/immune/treatment-plan.js";
import { parseScenario } from "../../src/scenario/load.js";
import type { CryoablationTreatment, Scenario } from "../../src/scenario/schema.js";

const dir = mkdtempSync(join(tmpdir(), "cryoimmune-plan-scenario-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The example with a short horizon (the comparison is exact at any horizon). */
const PLAN_TEXT = readFileSync("examples/cryo-plan-ici.yaml", "utf8").replace(
  "horizonDays: 365",
  "horizonDays: 45",
);
const planned = parseScenario(PLAN_TEXT, "cryo-plan-ici.yaml");

function cryo(s: Scenario): CryoablationTreatment {
  const t = s.treatments.find((x) => x.kind === "cryoablation");
  assert.ok(t && t.kind === "cryoablation");
  return t;
}

/** The same scenario with the plan replaced by the outcome numbers it gave. */
function directForm(s: Scenario): Scenario {
  const outcome = cryo(s).ablationOutcome;
  assert.ok(outcome);
  const treatments = s.treatments.map((t) =>
    t.kind === "cryoablation"
      ? {
          kind: t.kind,
          lesion: t.lesion,
          day: t.day,
          killedFraction: outcome.killedFraction,
          necroticShare: outcome.necroticShare,
          intactAntigenFraction: outcome.intactAntigenFraction,
        }
      : t,
  );
  return { ...s, treatments };
}

test("the plan's outcome is computed at load, coarse by default, and is a valid cryo outcome", () => {
  const o = cryo(planned).ablationOutcome;
  assert.ok(o);
  assert.equal(o.modality, "cryo");
  assert.equal(o.solver.status, "ok");
  assert.equal(o.solver.geometry, "axisymmetric2d");
  // 1 mm by default (the thermal module fits the spacing to the domain), not its own 0.5 mm.
  assert.ok(Math.abs(o.solver.spacingMm - 1) < 0.05, `spacing ${o.solver.spacingMm} mm`);
  for (const k of ["killedFraction", "necroticShare", "intactAntigenFraction"] as const) {
    assert.ok(o[k] >= 0 && o[k] <= 1, `${k} = ${o[k]}`);
  }
  // One probe through a 20 mm tumour kills a real share of it, not all and not none.
  assert.ok(o.killedFraction > 0.05 && o.killedFraction < 1, `killedFraction ${o.killedFraction}`);
  // The tumour's diameter came from the lesion (20 mm): 4/3·π·10³ mm³ = 4.19 mL.
  assert.ok(Math.abs(o.tumourVolumeMl - (4 / 3) * Math.PI) < 0.1 * (4 / 3) * Math.PI, `${o.tumourVolumeMl}`);
});

test("the ablation event takes the outcome's numbers", () => {
  const o = cryo(planned).ablationOutcome;
  assert.ok(o);
  const ev = treatmentPlan(planned).events.find((e) => e.report?.kind === "cryoablation");
  assert.ok(ev);
  assert.deepEqual(ev.args, {
    killedFraction: o.killedFraction,
    necroticShare: o.necroticShare,
    intactAntigenFraction: o.intactAntigenFraction,
  });
});

test("a scenario built in code with a plan but no outcome gets the same event (plan run in treatmentPlan)", () => {
  const { ablationOutcome, ...bare } = cryo(planned);
  assert.ok(ablationOutcome);
  const scenario: Scenario = {
    ...planned,
    treatments: planned.treatments.map((t) => (t.kind === "cryoablation" ? bare : t)),
  };
  const a = treatmentPlan(scenario).events.find((e) => e.report?.kind === "cryoablation");
  const b = treatmentPlan(planned).events.find((e) => e.report?.kind === "cryoablation");
  assert.ok(a && b);
  assert.deepEqual(a.args, b.args);
});

test("a plan-based scenario gives exactly the trajectory of the direct form with the same numbers", () => {
  const direct = directForm(planned);
  // The direct form is itself a valid scenario file.
  const reparsed = parseScenario(JSON.stringify(direct), "direct.json");
  assert.equal(cryo(reparsed).ablationOutcome, undefined);
  const a = simulatePatient(undefined, planned);
  const b = simulatePatient(undefined, reparsed);
  assert.equal(a.status, "success", a.message);
  assert.deepEqual(a.columnNames, b.columnNames);
  assert.deepEqual(a.days, b.days);
  for (const name of a.columnNames) assert.deepEqual(a.columns[name], b.columns[name], name);
  assert.deepEqual(a.events, b.events);
  assert.deepEqual(a.stats, b.stats);
  // The ablation changed something: the ablated lesion's tumour shrinks against no ablation.
  const none: Scenario = {
    ...planned,
    treatments: planned.treatments.filter((t) => t.kind !== "cryoablation"),
  };
  const c = simulatePatient(undefined, none);
  const col = "diameter_mm_primary";
  assert.ok(a.columns[col][a.days.length - 1] < c.columns[col][c.days.length - 1]);
});

test("the summary echoes the outcome under the treatment; the direct form has no such field", () => {
  const traj = simulatePatient(undefined, directForm(planned));
  const withPlan = JSON.parse(JSON.stringify(summarizeTrajectory(planned, traj)));
  const echoed = withPlan.scenario.treatments[0].ablationOutcome;
  assert.equal(echoed.killedFraction, cryo(planned).ablationOutcome?.killedFraction);
  assert.ok(Array.isArray(echoed.isotherms) && echoed.isotherms.length === 2);
  assert.equal(withPlan.scenario.treatments[0].plan.tissue, "liver");
  const direct = JSON.parse(JSON.stringify(summarizeTrajectory(directForm(planned), traj)));
  assert.equal("ablationOutcome" in direct.scenario.treatments[0], false);
});

test("cryoimmune simulate runs the planned example and echoes the outcome in summary.json", () => {
  const out = join(dir, "cli");
  const r = spawnSync(
    process.execPath,
    ["--import", "tsx", "src/cli/main.ts", "simulate", "examples/cryo-plan-ici.yaml", "--out", out],
    { encoding: "utf8" },
  );
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /primary \(ablated\)/);
  const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
  const o = summary.scenario.treatments[0].ablationOutcome;
  assert.equal(o.killedFraction, cryo(planned).ablationOutcome?.killedFraction);
  const header = readFileSync(join(out, "timeseries.csv"), "utf8").split("\n")[0].split(",");
  assert.deepEqual(header.slice(0, 3), ["day", "treg_pct_cd4_blood", "cd8_per_mm3_primary"]);
  assert.ok(header.includes("diameter_mm_distant"));
});
