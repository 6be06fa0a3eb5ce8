import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { compileModel } from "../../src/model/compile.js";
import { modelReferenceMarkdown } from "../../src/model/reference-markdown.js";
import {
  DEFAULT_MODEL,
  getModel,
  MODEL_REGISTRY,
  modelNames,
  REGISTERED_MODEL_CHECKS,
} from "../../src/model/registry.js";
import { exportSbml } from "../../src/model/sbml-export.js";

const root = new URL("../../", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "cryoimmune-model-cli-"));
const cli = (...args: string[]) => cliIn(root, ...args);
const cliIn = (cwd: string, ...args: string[]) =>
  spawnSync(
    process.execPath,
    ["--import", import.meta.resolve("tsx"), join(root, "src/cli/main.ts"), ...args],
    {
      cwd,
      encoding: "utf8",
    },
  );

test("the default model is the project's immune model; registered models pass every source check", () => {
  assert.equal(MODEL_REGISTRY[0].name, "cryoimmune");
  assert.equal(DEFAULT_MODEL, "cryoimmune");
  assert.deepEqual(modelNames(), ["cryoimmune", "kuznetsov1994", "qspio-checkpoint"]);
  const m = compileModel(getModel(), REGISTERED_MODEL_CHECKS);
  assert.equal(m.name, "cryoimmune");
  assert.ok(m.species.length >= 40, `${m.species.length} species`);
  for (const name of modelNames()) compileModel(getModel(name), REGISTERED_MODEL_CHECKS);
});

test("CLI: model NAME --markdown never overwrites the default model's reference", () => {
  const cwd = mkdtempSync(join(tmpdir(), "cryoimmune-model-md-"));
  const r = cliIn(cwd, "model", "kuznetsov1994", "--markdown");
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /wrote docs\/model-reference-kuznetsov1994\.md/);
  assert.equal(
    readFileSync(join(cwd, "docs/model-reference-kuznetsov1994.md"), "utf8"),
    modelReferenceMarkdown(getModel("kuznetsov1994")),
  );
  assert.ok(!existsSync(join(cwd, "docs/model-reference.md")));
});

test("docs/model-reference.md is up to date with the default model's declarations", () => {
  const committed = readFileSync(join(root, "docs/model-reference.md"), "utf8");
  const fresh = modelReferenceMarkdown(getModel());
  assert.ok(
    committed === fresh,
    `docs/model-reference.md is stale: run \`npm run cli -- model --markdown\` (default model ${MODEL_REGISTRY[0].name})`,
  );
});

test("the model reference lists species, parameters with value/unit/source, processes with evidence", () => {
  const md = modelReferenceMarkdown(getModel("qspio-checkpoint"));
  assert.match(md, /\| `kd_PD1_PDL1` \| 8\.2 \| uM \| literature; Cheng et al\. 2013 \(PMID 23417675\)/);
  assert.match(
    md,
    /\| `PD1_PDL1_binding` \| `kon_PD1_PDL1_3D \/ d_syn \* PD1 \* PDL1 - kon_PD1_PDL1_3D \* kd_PD1_PDL1 \* PD1_PDL1` \| PD1 −1, PDL1 −1, PD1_PDL1 \+1 \|/,
  );
  assert.match(md, /<a id="evidence-review-25"><\/a>\n- \*\*review:25\*\*: Review reference \[25\]/);
  assert.match(md, /\| `Chi_PD1_aPD1_3D` \| 100 \| 1 \| assumed; note: /);
});

test("CLI: model --markdown and export sbml write what the library generates; bad names exit 2", () => {
  const md = join(dir, "ref.md");
  const r1 = cli("model", "qspio-checkpoint", "--markdown", "--out", md);
  assert.equal(r1.status, 0, r1.stderr);
  assert.equal(readFileSync(md, "utf8"), modelReferenceMarkdown(getModel("qspio-checkpoint")));
  const xml = join(dir, "k.xml");
  const r2 = cli("export", "sbml", "--model", "kuznetsov1994", "--out", xml);
  assert.equal(r2.status, 0, r2.stderr);
  assert.equal(readFileSync(xml, "utf8"), exportSbml(getModel("kuznetsov1994")));
  const r3 = cli("export", "sbml", "--model", "nope");
  assert.equal(r3.status, 2);
  assert.match(r3.stderr, /model: expected one of cryoimmune, kuznetsov1994, qspio-checkpoint, got "nope"/);
});
