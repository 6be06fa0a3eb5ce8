import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DRUGS, drugByName, drugNames, TARGETS, targetByName } from "../../src/drugs/catalogue/index.js";
import { parseRegimen, regimenDrugs } from "../../src/drugs/regimen.js";
import { scheduleRegimen } from "../../src/drugs/schedule.js";
import { hasPopulationPk, isKnown } from "../../src/drugs/types.js";
import { InputError } from "../../src/errors.js";
import { hasEvidence } from "../../src/evidence/index.js";
import type { Source } from "../../src/model/types.js";

const REQUIRED = [
  "nivolumab",
  "pembrolizumab",
  "cemiplimab",
  "tislelizumab",
  "toripalimab",
  "sintilimab",
  "camrelizumab",
  "atezolizumab",
  "durvalumab",
  "ipilimumab",
  "tremelimumab",
];

function checkSource(where: string, s: Source): void {
  if (s.kind === "literature" || s.kind === "derived")
    assert.ok(s.citation && s.citation.length > 10, `${where}: citation`);
  else assert.ok(s.note && s.note.length > 5, `${where}: assumed/fitted needs a note`);
}

describe("drug catalogue", () => {
  it("holds every required drug once, with a known target", () => {
    for (const name of REQUIRED) assert.equal(drugByName(name).name, name);
    assert.equal(new Set(drugNames()).size, DRUGS.length);
    for (const d of DRUGS) assert.ok(targetByName(d.target));
    assert.deepEqual(
      ["PD-1", "PD-L1", "CTLA-4"].map((t) => DRUGS.filter((d) => d.target === t).length),
      [7, 2, 2],
    );
  });

  it("unknown drug: InputError listing the known ones", () => {
    assert.throws(
      () => drugByName("nivolumabb"),
      (e: unknown) => e instanceof InputError && e.message.includes("nivolumab, pembrolizumab"),
    );
    assert.equal(drugByName(" Nivolumab ").name, "nivolumab");
  });

  it("every number has a unit and a source; unknown values say why", () => {
    for (const d of DRUGS) {
      for (const [field, v] of [
        ["kd", d.kdNanomolar],
        ["mw", d.molecularWeightKDa],
      ] as const) {
        if (isKnown(v)) checkSource(`${d.name}.${field}`, v.source);
        else assert.ok(v.note.length > 5, `${d.name}.${field}: unknown needs a note`);
      }
      for (const r of d.regimens) checkSource(`${d.name} regimen ${r.text}`, r.source);
      const pk = d.pk;
      if (!hasPopulationPk(pk)) {
        assert.ok(pk.reason.length > 10);
        continue;
      }
      checkSource(`${d.name}.pk.model`, pk.model);
      for (const q of [pk.clLPerDay, pk.vcL, pk.qLPerDay, pk.vpL]) {
        assert.ok(q.value > 0 && q.unit.length > 0);
        checkSource(d.name, q.source);
      }
      for (const c of pk.covariates) checkSource(`${d.name} covariate`, c.source);
      for (const v of pk.variability) {
        assert.ok(v.cv > 0 && v.cv < 1.5, `${d.name} ${v.parameter} CV ${v.cv}`);
        checkSource(`${d.name} IIV`, v.source);
      }
    }
  });

  it("evidence ids resolve in the registry", () => {
    for (const d of DRUGS) for (const id of d.evidence) assert.ok(hasEvidence(id), `${d.name}: ${id}`);
    for (const t of TARGETS) for (const id of t.evidence) assert.ok(hasEvidence(id), `${t.name}: ${id}`);
  });

  it("every labelled regimen parses and schedules, naming only catalogue drugs", () => {
    for (const d of DRUGS)
      for (const r of d.regimens) {
        const parsed = parseRegimen(r.text);
        for (const name of regimenDrugs(parsed)) assert.ok(drugNames().includes(name), `${d.name}: ${name}`);
        const doses = scheduleRegimen(parsed, { horizonDays: 84, weightKg: 80, defaultDrug: d.name });
        assert.ok(doses.length > 0);
      }
  });

  it("targets are data: next-generation checkpoints are present and addressable", () => {
    for (const name of ["LAG-3", "TIM-3", "TIGIT"]) assert.equal(targetByName(name).name, name);
    assert.equal(targetByName("CD279").name, "PD-1");
    assert.equal(drugByName("relatlimab").target, "LAG-3");
    assert.equal(new Set(TARGETS.map((t) => t.id)).size, TARGETS.length);
  });
});
