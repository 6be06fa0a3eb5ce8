import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../../src/errors.js";
import { UnsupportedSbmlError } from "../../src/sbml/read-sbml.js";
import { simulateSbml } from "../../src/sbml/simulate.js";

const MATH = 'xmlns="http://www.w3.org/1998/Math/MathML"';
const TIME = '<csymbol definitionURL="http://www.sbml.org/sbml/symbols/time">t</csymbol>';

function l3(body: string, extraNs = ""): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2"${extraNs}>
  <model id="m">${body}</model>
</sbml>`;
}

const decay = (extra = "") =>
  l3(`
  <listOfCompartments><compartment id="C" size="2" constant="true" spatialDimensions="3"/></listOfCompartments>
  <listOfSpecies>
    <species id="A" compartment="C" initialConcentration="1" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
    <species id="B" compartment="C" initialConcentration="0" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
  </listOfSpecies>
  <listOfParameters><parameter id="k" value="0.5" constant="true"/></listOfParameters>
  <listOfReactions>
    <reaction id="R" reversible="false">
      <listOfReactants><speciesReference species="A" stoichiometry="1" constant="true"/></listOfReactants>
      <listOfProducts><speciesReference species="B" stoichiometry="2" constant="true"/></listOfProducts>
      <kineticLaw><math ${MATH}><apply><times/><ci>k</ci><ci>A</ci><ci>C</ci></apply></math></kineticLaw>
    </reaction>
  </listOfReactions>${extra}`);

test("mass action A -> 2B in a compartment of volume 2 follows exp(-k t); amounts are concentration × volume", () => {
  const r = simulateSbml(decay(), { start: 0, duration: 4, steps: 8, variables: ["A", "B"], amounts: ["B"] });
  assert.equal(r.status, "success");
  for (let i = 0; i < r.time.length; i++) {
    const t = r.time[i] as number;
    const a = Math.exp(-0.5 * t);
    assert.ok(Math.abs((r.columns.A as Float64Array)[i] - a) < 1e-8, `A at ${t}`);
    assert.ok(Math.abs((r.columns.B as Float64Array)[i] - 2 * 2 * (1 - a)) < 1e-8, `amount of B at ${t}`);
  }
});

test("an event fires when its trigger becomes true and resets a species (useValuesFromTriggerTime)", () => {
  const event = `
  <listOfEvents>
    <event id="E" useValuesFromTriggerTime="true">
      <trigger initialValue="true" persistent="true"><math ${MATH}><apply><lt/><ci>A</ci><cn>0.5</cn></apply></math></trigger>
      <listOfEventAssignments><eventAssignment variable="A"><math ${MATH}><cn>1</cn></math></eventAssignment></listOfEventAssignments>
    </event>
  </listOfEvents>`;
  const r = simulateSbml(decay(event), { outputTimes: [0, 1, 2, 3], variables: ["A"] });
  const tFire = 2 * Math.log(2); // A = exp(-t/2) reaches 1/2
  // fires at tFire, 2 tFire, ...: A restarts from 1 each time
  const expected = (t: number) => Math.exp(-0.5 * (t - tFire * Math.floor(t / tFire)));
  for (let i = 0; i < r.time.length; i++) {
    const t = r.time[i] as number;
    assert.ok(Math.abs((r.columns.A as Float64Array)[i] - expected(t)) < 1e-7, `A at ${t}`);
  }
});

test("a delayed event executes after its delay; trigger at t0 with initialValue=false fires at t0", () => {
  const body = `
  <listOfParameters>
    <parameter id="p" value="0" constant="false"/>
    <parameter id="q" value="0" constant="false"/>
  </listOfParameters>
  <listOfEvents>
    <event id="E1" useValuesFromTriggerTime="true">
      <trigger initialValue="false" persistent="true"><math ${MATH}><true/></math></trigger>
      <listOfEventAssignments><eventAssignment variable="p"><math ${MATH}><cn>5</cn></math></eventAssignment></listOfEventAssignments>
    </event>
    <event id="E2" useValuesFromTriggerTime="false">
      <trigger initialValue="true" persistent="true"><math ${MATH}><apply><geq/>${TIME}<cn>1</cn></apply></math></trigger>
      <delay><math ${MATH}><cn>0.5</cn></math></delay>
      <listOfEventAssignments><eventAssignment variable="q"><math ${MATH}><apply><plus/><ci>p</ci><cn>1</cn></apply></math></eventAssignment></listOfEventAssignments>
    </event>
  </listOfEvents>`;
  const r = simulateSbml(l3(body), { outputTimes: [0, 1, 1.4, 1.5, 2], variables: ["p", "q"] });
  assert.deepEqual(Array.from(r.columns.p as Float64Array), [5, 5, 5, 5, 5]);
  assert.deepEqual(Array.from(r.columns.q as Float64Array), [0, 0, 0, 6, 6]);
});

test("an algebraic rule determines a parameter (x + y = 10 with y' = 1)", () => {
  const body = `
  <listOfParameters>
    <parameter id="x" value="1" constant="false"/>
    <parameter id="y" value="0" constant="false"/>
  </listOfParameters>
  <listOfRules>
    <rateRule variable="y"><math ${MATH}><cn>1</cn></math></rateRule>
    <algebraicRule><math ${MATH}><apply><minus/><apply><plus/><ci>x</ci><ci>y</ci></apply><cn>10</cn></apply></math></algebraicRule>
  </listOfRules>`;
  const r = simulateSbml(l3(body), { start: 0, duration: 2, steps: 4, variables: ["x", "y"] });
  for (let i = 0; i < r.time.length; i++) {
    const t = r.time[i] as number;
    assert.ok(Math.abs((r.columns.x as Float64Array)[i] - (10 - t)) < 1e-9);
  }
});

test("delay(x, 1) with x' = -delay(x, 1), x = 1 before t0: x(t) = 1 - t on [0, 1], 1 - t + (t-1)²/2 on [1, 2]", () => {
  const body = `
  <listOfParameters><parameter id="x" value="1" constant="false"/></listOfParameters>
  <listOfRules>
    <rateRule variable="x"><math ${MATH}><apply><minus/><apply>
      <csymbol definitionURL="http://www.sbml.org/sbml/symbols/delay">delay</csymbol><ci>x</ci><cn>1</cn>
    </apply></apply></math></rateRule>
  </listOfRules>`;
  const r = simulateSbml(l3(body), { start: 0, duration: 2, steps: 8, variables: ["x"] });
  assert.equal(r.status, "success");
  for (let i = 0; i < r.time.length; i++) {
    const t = r.time[i] as number;
    const exact = t <= 1 ? 1 - t : 1 - t + (t - 1) ** 2 / 2;
    assert.ok(
      Math.abs((r.columns.x as Float64Array)[i] - exact) < 1e-6,
      `x at ${t}: ${(r.columns.x as Float64Array)[i]}`,
    );
  }
});

test("a fast reaction keeps A <-> B at equilibrium (B = K A) while a slow reaction feeds A", () => {
  const body = `
  <listOfCompartments><compartment id="C" size="1" constant="true" spatialDimensions="3"/></listOfCompartments>
  <listOfSpecies>
    <species id="A" compartment="C" initialAmount="1" hasOnlySubstanceUnits="true" boundaryCondition="false" constant="false"/>
    <species id="B" compartment="C" initialAmount="0" hasOnlySubstanceUnits="true" boundaryCondition="false" constant="false"/>
  </listOfSpecies>
  <listOfReactions>
    <reaction id="feed" reversible="false" fast="false">
      <listOfProducts><speciesReference species="A" stoichiometry="1" constant="true"/></listOfProducts>
      <kineticLaw><math ${MATH}><cn>1</cn></math></kineticLaw>
    </reaction>
    <reaction id="eq" reversible="true" fast="true">
      <listOfReactants><speciesReference species="A" stoichiometry="1" constant="true"/></listOfReactants>
      <listOfProducts><speciesReference species="B" stoichiometry="1" constant="true"/></listOfProducts>
      <kineticLaw><math ${MATH}><apply><minus/><apply><times/><cn>3</cn><ci>A</ci></apply><ci>B</ci></apply></math></kineticLaw>
    </reaction>
  </listOfReactions>`;
  const r = simulateSbml(l3(body), { start: 0, duration: 2, steps: 4, variables: ["A", "B"] });
  for (let i = 0; i < r.time.length; i++) {
    const total = 1 + (r.time[i] as number);
    assert.ok(Math.abs((r.columns.A as Float64Array)[i] - total / 4) < 1e-8);
    assert.ok(Math.abs((r.columns.B as Float64Array)[i] - (3 * total) / 4) < 1e-8);
  }
});

test("packages and unknown variables are refused with a message naming them", () => {
  const comp = l3(
    "",
    ' xmlns:comp="http://www.sbml.org/sbml/level3/version1/comp/version1" comp:required="true"',
  );
  assert.throws(
    () => simulateSbml(comp, { outputTimes: [0, 1] }),
    (e: unknown) => e instanceof UnsupportedSbmlError && /package comp/.test(e.message),
  );
  assert.throws(
    () => simulateSbml(decay(), { outputTimes: [0, 1], variables: ["nope"] }),
    (e: unknown) => e instanceof InputError && /nope/.test(e.message),
  );
  assert.throws(() => simulateSbml("<sbml", { outputTimes: [0, 1] }), InputError);
});
