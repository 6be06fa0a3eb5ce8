import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";

function cli(args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { encoding: "utf8" });
}

const PLAN = `tissue: generic
tumour:
  centreMm: [0, 0, 0]
  diameterMm: 12
  marginMm: 3
probes:
  - model: argon-2.4
    tipMm: [0, 0, 20]
protocol:
  - freezeMin: 3
  - thawMin: 1
  - freezeMin: 3
resolutionMm: 1
paddingMm: 15
`;

describe("cryoimmune ablate", () => {
  it("writes summary.json and the isotherm map (SVG and PNG)", () => {
    const dir = mkdtempSync(join(tmpdir(), "ablate-"));
    const file = join(dir, "plan.yaml");
    writeFileSync(file, PLAN);
    const out = join(dir, "out");
    const r = cli(["ablate", file, "--out", out]);
    assert.equal(r.status, 0, r.stderr);
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
    assert.ok(summary.outcome.killedFraction > 0 && summary.outcome.killedFraction <= 1);
    assert.equal(summary.outcome.isotherms.length, 2);
    const svg = readFileSync(join(out, "isotherms.svg"), "utf8");
    assert.ok(svg.includes("<svg") && svg.includes("−40 °C"));
    const png = readFileSync(join(out, "isotherms.png"));
    assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47]);
  });

  it("bad input: exit 2 and a message naming the field and its YAML line", () => {
    const dir = mkdtempSync(join(tmpdir(), "ablate-"));
    const file = join(dir, "bad.yaml");
    writeFileSync(
      file,
      PLAN.replace("tissue: generic", "tissue: spleen").replace("thawMin: 1", "thawMin: 1"),
    );
    const r = cli(["ablate", file, "--out", join(dir, "out")]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /tissue: expected one of .*got "spleen" \(line 1 of bad\.yaml\)/);
    writeFileSync(file, PLAN.replace("thawMin: 1", "thawMin: -1"));
    const r2 = cli(["ablate", file, "--out", join(dir, "out")]);
    assert.equal(r2.status, 2);
    assert.match(r2.stderr, /protocol\[1\]\.thawMin: .*line 11 of bad\.yaml/);
    assert.equal(existsSync(join(dir, "out", "summary.json")), false);
  });
});
