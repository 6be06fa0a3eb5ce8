import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "simulate", ...args], {
    encoding: "utf8",
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), "cryoimmune-simulate-"));
after(() => rmSync(dir, { recursive: true, force: true }));

describe("cryoimmune simulate", () => {
  it("writes timeseries.csv with the contract columns, summary.json and four plots as PNG and SVG", () => {
    const out = join(dir, "default");
    const scenario = join(dir, "short.yaml");
    writeFileSync(
      scenario,
      readFileSync("examples/default.yaml", "utf8").replace("horizonDays: 365", "horizonDays: 40"),
    );
    const r = cli(scenario, "--out", out);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /plots: .*lesion-diameters\.png/);
    const csv = readFileSync(join(out, "timeseries.csv"), "utf8").trim().split("\n");
    const header = csv[0].split(",");
    assert.deepEqual(header.slice(0, 10), [
      "day",
      "treg_pct_cd4_blood",
      "cd8_per_mm3_primary",
      "cd8_per_mm3_distant",
      "diameter_mm_primary",
      "diameter_mm_distant",
      "pd1_occupancy",
      "ifng_pg_per_ml_blood",
      "il10_pg_per_ml_blood",
      header[9],
    ]);
    assert.equal(csv.length, 42, "header + days 0..40");
    assert.ok(
      csv.slice(1).every((line) => line.split(",").length === header.length && !line.includes("NaN")),
    );
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
    assert.equal(summary.status, "success");
    assert.deepEqual(
      summary.lesions.map((l: { id: string }) => l.id),
      ["primary", "distant"],
    );
    assert.ok(summary.lesions[0].bestChangePct < -10, "the ablated lesion shrinks");
    for (const name of ["lesion-diameters", "immune-cells", "cytokines", "occupancy"]) {
      assert.ok(existsSync(join(out, `${name}.svg`)), name);
      assert.deepEqual([...readFileSync(join(out, `${name}.png`)).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    }
    // occupancy: nivolumab's blood-cell reading (an extra column) next to the tumour-site fraction,
    // and the 70 % line labelled as the blood-cell benchmark it is
    assert.ok(header.includes("nivolumab_occupancy_blood"));
    const occupancy = readFileSync(join(out, "occupancy.svg"), "utf8");
    assert.match(occupancy, />nivolumab: PD-1, blood cells</);
    assert.match(occupancy, />70 % \(Brahmer 2010, PD-1 on blood T cells\)</);
    assert.ok(!readdirSync(out).some((f) => f.endsWith(".tmp")), "no temporary files left");
  });

  it("--json prints the summary; a bad scenario exits 2 naming the field and line", () => {
    const good = cli("examples/seed-lung-treg.yaml", "--out", join(dir, "seed"), "--json");
    assert.equal(good.code, 0, good.stderr);
    const summary = JSON.parse(good.stdout);
    assert.equal(summary.scenario.lesions[0].id, "lung");
    const bad = join(dir, "bad.yaml");
    writeFileSync(
      bad,
      readFileSync("examples/cryo-ici.yaml", "utf8").replace("    startDay: 0", '    startDay: "soon"'),
    );
    const r = cli(bad, "--out", join(dir, "bad"));
    assert.equal(r.code, 2);
    assert.match(
      r.stderr,
      /treatments\[1\]\.startDay: expected a number ≥ -60, got "soon" \(line \d+ of .*bad\.yaml\)/,
    );
    assert.ok(!existsSync(join(dir, "bad")), "nothing written for a bad scenario");
  });

  it("--rtol sets the solver's relative tolerance (echoed in summary.solver); a bad one exits 2, nothing written", () => {
    const scenario = join(dir, "short-rtol.yaml");
    writeFileSync(
      scenario,
      readFileSync("examples/default.yaml", "utf8").replace("horizonDays: 365", "horizonDays: 60"),
    );
    const run = (rtol: string | null) => {
      const out = join(dir, `rtol-${rtol}`);
      const r = cli(scenario, "--out", out, "--json", ...(rtol === null ? [] : ["--rtol", rtol]));
      assert.equal(r.code, 0, r.stderr);
      return JSON.parse(r.stdout);
    };
    const loose = run("1e-3");
    const tight = run(null);
    assert.equal(loose.solver.rtol, 1e-3);
    assert.equal(tight.solver.rtol, 1e-6);
    assert.ok(loose.solver.steps < tight.solver.steps, `${loose.solver.steps} vs ${tight.solver.steps}`);
    // same answer to well within a RECIST reading (1 mm)
    for (let k = 0; k < tight.lesions.length; k++)
      assert.ok(Math.abs(loose.lesions[k].finalDiameterMm - tight.lesions[k].finalDiameterMm) < 0.01);
    for (const bad of ["0", "abc", "0.5", "-1e-4"]) {
      const r = cli(scenario, "--out", join(dir, `bad-rtol-${bad}`), "--rtol", bad);
      assert.equal(r.code, 2, `--rtol ${bad}: ${r.stderr}`);
      assert.match(r.stderr, /--rtol/);
      assert.ok(r.stderr.includes(bad), r.stderr);
      assert.ok(!existsSync(join(dir, `bad-rtol-${bad}`)));
    }
  });
});
