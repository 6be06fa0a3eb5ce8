import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, it } from "node:test";
import { DRUGS } from "../../src/drugs/catalogue/index.js";
import { catalogueMarkdown } from "../../src/drugs/catalogue-markdown.js";

const PATH = "docs/drugs.md";

describe("docs/drugs.md", () => {
  it("is generated from the catalogue and not stale", () => {
    const expected = catalogueMarkdown();
    if (process.env.UPDATE_DOCS === "1") writeFileSync(PATH, expected);
    assert.ok(
      existsSync(PATH),
      `${PATH} is missing: UPDATE_DOCS=1 node scripts/run-tests.mjs test/drugs/docs`,
    );
    const actual = readFileSync(PATH, "utf8");
    assert.ok(
      actual === expected,
      `${PATH} differs from the catalogue: regenerate with UPDATE_DOCS=1 node scripts/run-tests.mjs test/drugs/docs`,
    );
  });

  it("lists every drug and marks unverified values", () => {
    const md = catalogueMarkdown();
    for (const d of DRUGS) assert.ok(md.includes(`**${d.name}**`), d.name);
    assert.ok(md.includes("†"));
    assert.ok(md.includes("Bajaj G, Wang X"));
  });
});
