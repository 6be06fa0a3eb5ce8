import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { parseResultsCsv } from "../../../src/sbml/test-suite-settings.js";

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "sbml", ...args], {
    encoding: "utf8",
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SUITE = "test/fixtures/sbml-test-suite";
const dir = mkdtempSync(join(tmpdir(), "cryoimmune-sbml-"));
after(() => rmSync(dir, { recursive: true, force: true }));

describe("cryoimmune sbml", () => {
  it("run --settings writes results.csv in the suite's format, matching the expected results", () => {
    const r = cli(
      "run",
      `${SUITE}/00001/00001-sbml-l3v2.xml`,
      "--settings",
      `${SUITE}/00001/00001-settings.txt`,
      "--out",
      dir,
    );
    assert.equal(r.code, 0, r.stderr);
    const got = parseResultsCsv(readFileSync(join(dir, "results.csv"), "utf8"));
    const want = parseResultsCsv(readFileSync(`${SUITE}/00001/00001-results.csv`, "utf8"));
    assert.deepEqual(got.header, want.header);
    assert.equal(got.rows.length, want.rows.length);
    for (let i = 0; i < want.rows.length; i++) {
      for (let j = 0; j < want.header.length; j++) {
        const w = (want.rows[i] as number[])[j] as number;
        const g = (got.rows[i] as number[])[j] as number;
        assert.ok(Math.abs(g - w) <= 1e-7 + 1e-4 * Math.abs(w), `${want.header[j]} row ${i}: ${g} vs ${w}`);
      }
    }
  });

  it("test-suite prints a verdict per case and the totals", () => {
    const r = cli("test-suite", SUITE, "--cases", "1-5");
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^00001 pass$/m);
    assert.match(r.stdout, /^core: 4 cases, 4 pass, 0 fail, 0 unsupported, 0 error$/m);
  });

  it("a model that is not SBML is refused with exit code 2 and the reason", () => {
    const bad = join(dir, "bad.xml");
    writeFileSync(bad, "<notsbml/>");
    const r = cli("run", bad, "--out", dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /root element/);
  });
});
