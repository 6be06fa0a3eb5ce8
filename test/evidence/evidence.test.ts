import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { InputError } from "../../src/errors.js";
import { allEvidence, citationText, evidence, hasEvidence } from "../../src/evidence/index.js";

test("every reference [1]…[59] cited by the review is registered, and no other number", () => {
  const text = readFileSync(new URL("../fixtures/evidence/review-citations.txt", import.meta.url), "utf8");
  const cited = new Set(text.trim().split(/\s+/).map(Number));
  const registered = allEvidence()
    .filter((r) => r.kind === "review-reference")
    .map((r) => Number(r.id.slice("review:".length)));
  assert.deepEqual(new Set(registered), cited);
  assert.equal(cited.size, 59);
  for (const n of cited) assert.ok(evidence(`review:${n}`).claims.length > 0);
});

test("review references do not invent bibliographic fields", () => {
  for (const r of allEvidence().filter((e) => e.kind === "review-reference")) {
    assert.equal(r.authors, "unknown");
    assert.equal(r.year, "unknown");
  }
  assert.match(evidence("review:21").claims[0], /7\.89% ± 2\.07%.*6\.61% ± 1\.09%/);
});

test("papers by short id; unknown ids are input errors", () => {
  assert.equal(evidence("kuznetsov1994").year, 1994);
  assert.ok(hasEvidence("sove2020") && hasEvidence("milberg2019") && hasEvidence("eisenhauer2009"));
  assert.equal(hasEvidence("review:60"), false);
  assert.throws(
    () => evidence("nobody2099"),
    (e: unknown) => e instanceof InputError && /nobody2099/.test(e.message),
  );
  assert.match(citationText(evidence("kuznetsov1994")), /Bulletin of Mathematical Biology 56\(2\)/);
  const ids = allEvidence().map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
});
