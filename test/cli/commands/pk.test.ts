import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "pk", ...args], {
    encoding: "utf8",
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), "cryoimmune-pk-"));
after(() => rmSync(dir, { recursive: true, force: true }));

describe("cryoimmune pk", () => {
  it("--json prints exactly the contract keys", () => {
    const r = cli("--drug", "nivolumab", "--regimen", "240 mg q2w", "--days", "28", "--json");
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(json), [
      "drug",
      "regimen",
      "halfLifeDays",
      "days",
      "serumUgPerMl",
      "occupancy",
      "siteUgPerMl",
      "effectiveHalfLifeDays",
      "bloodOccupancy",
    ]);
    assert.equal(json.siteUgPerMl.length, 29);
    assert.ok(json.siteUgPerMl[5] < json.serumUgPerMl[5]);
    assert.equal(json.drug, "nivolumab");
    assert.equal(json.regimen, "240 mg q2w");
    assert.equal(json.days.length, 29);
    assert.equal(json.serumUgPerMl.length, 29);
    assert.ok(json.occupancy.every((o: number) => o >= 0 && o <= 1));
    assert.ok(json.halfLifeDays > 20 && json.halfLifeDays < 30);
  });

  it("prints a table by default, and writes an SVG and a PNG plot", () => {
    const svg = join(dir, "pk.svg");
    const r = cli(
      "--drug",
      "pembrolizumab",
      "--regimen",
      "200 mg q3w over 30 min",
      "--weight-kg",
      "70",
      "--days",
      "42",
      "--plot",
      svg,
    );
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split("\n");
    assert.equal(lines[2], "day\tserum_ug_per_ml\toccupancy\tsite_ug_per_ml\tblood_occupancy");
    assert.equal(lines.length, 3 + 43);
    const text = readFileSync(svg, "utf8");
    assert.match(text, /^<\?xml/);
    assert.match(text, /Serum concentration/);
    assert.match(text, /Target occupancy/);
    // Every horizontal reference rule is labelled: one rule (70 %, Brahmer 2010), no bare 0 % line.
    const rules = [...text.matchAll(/stroke="#c33" aria-label="rule"><line y2="([\d.]+)" y1="([\d.]+)"/g)];
    assert.equal(rules.length, 1, "one reference rule");
    assert.match(text, /fill="#c33" aria-label="text"><text [^>]*>70 % \(Brahmer 2010, blood T cells\)</);
    // its label sits below the rule (the blood occupancy plateau, ~72 %, runs just above it)
    const label =
      /<g transform="translate\(0,([\d.-]+)\)"[^>]*fill="#c33" aria-label="text"><text transform="translate\([\d.]+,([\d.]+)\)"/.exec(
        text,
      );
    assert.ok(label, "reference label");
    assert.ok(Number(label[1]) + Number(label[2]) > Number(rules[0][1]), "label below the rule");
    const png = join(dir, "pk.png");
    assert.equal(
      cli("--drug", "ipilimumab", "--regimen", "3 mg/kg q3w x4", "--days", "84", "--plot", png).code,
      0,
    );
    const bytes = readFileSync(png);
    assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47]);
  });

  it("an unknown drug exits 2 and lists the known drugs", () => {
    const r = cli("--drug", "nivo", "--regimen", "240 mg q2w");
    assert.equal(r.code, 2);
    assert.match(r.stderr, /known drugs: nivolumab, pembrolizumab, cemiplimab/);
  });

  it("a malformed regimen exits 2 with a caret; a bad flag value exits 2", () => {
    const r = cli("--drug", "nivolumab", "--regimen", "240 mg q2 w");
    assert.equal(r.code, 2);
    assert.match(r.stderr, /column 8/);
    assert.match(r.stderr, /\n {2}240 mg q2 w\n {9}\^/);
    assert.equal(cli("--drug", "nivolumab", "--regimen", "240 mg q2w", "--weight-kg", "heavy").code, 2);
    const light = cli("--drug", "nivolumab", "--regimen", "240 mg q2w", "--weight-kg", "10");
    assert.equal(light.code, 2);
    assert.match(light.stderr, /--weight-kg: expected a body weight in kg between 30 and 200/);
    assert.doesNotMatch(light.stderr, /nivolumab_weight_kg/);
    assert.equal(cli("--drug", "nivolumab", "--regimen", "240 mg q2w", "--plot", "out.pdf").code, 2);
  });
});
