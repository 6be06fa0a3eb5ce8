import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../../src/errors.js";
import { runSuiteCase } from "../../src/sbml/test-suite-case.js";
import { formatResultsCsv, parseResultsCsv, parseSuiteSettings } from "../../src/sbml/test-suite-settings.js";

const SETTINGS = `start: 0
duration: 5.0
steps: 50
variables: S1, S2
absolute: 1.000000e-007
relative: 0.0001
amount: S1, S2
concentration:
`;

test("settings: numbers, variable lists, empty lists", () => {
  const s = parseSuiteSettings(SETTINGS);
  assert.deepEqual(s, {
    start: 0,
    duration: 5,
    steps: 50,
    variables: ["S1", "S2"],
    absolute: 1e-7,
    relative: 1e-4,
    amount: ["S1", "S2"],
    concentration: [],
  });
  assert.throws(() => parseSuiteSettings("duration: 5\nsteps: many\n"), InputError);
});

test("results CSV round trip keeps the header order and full precision", () => {
  const csv = formatResultsCsv([0, 0.5], ["B", "A"], { A: [1, 0.1 + 0.2], B: [2, 1 / 3] });
  assert.equal(csv, `time,B,A\n0,2,1\n0.5,${1 / 3},${0.1 + 0.2}\n`);
  const parsed = parseResultsCsv(csv);
  assert.deepEqual(parsed.header, ["time", "B", "A"]);
  assert.equal(parsed.rows[1]?.[2], 0.1 + 0.2);
});

const MODEL = `<?xml version="1.0" encoding="UTF-8"?>
<sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2"><model>
  <listOfParameters><parameter id="x" value="1" constant="false"/></listOfParameters>
  <listOfRules><rateRule variable="x"><math xmlns="http://www.w3.org/1998/Math/MathML"><cn>2</cn></math></rateRule></listOfRules>
</model></sbml>`;

test("a case passes within the tolerances and fails, naming variable and time, outside them", () => {
  const settings =
    "start: 0\nduration: 1\nsteps: 2\nvariables: x\nabsolute: 1e-6\nrelative: 1e-6\namount:\nconcentration:\n";
  const good = runSuiteCase({ id: "t1", sbml: MODEL, settings, results: "time,x\n0,1\n0.5,2\n1,3\n" });
  assert.equal(good.verdict, "pass", good.reason);
  const bad = runSuiteCase({ id: "t2", sbml: MODEL, settings, results: "time,x\n0,1\n0.5,2\n1,3.001\n" });
  assert.equal(bad.verdict, "fail");
  assert.match(bad.reason, /^x at t = 1: got 3(\.0+\d*)?, expected 3\.001/);
});
