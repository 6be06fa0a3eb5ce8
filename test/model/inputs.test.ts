/**
 * Inputs of the model language: quantities of time the caller supplies in the parameter vector. A model
 * with a module in input form, fed with that module's own solution, reproduces the all-in-one solve;
 * inputs are refused where only constants belong, cannot be changed by processes or events, and SBML
 * export refuses a model that has them.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../../src/errors.js";
import { compileModel } from "../../src/model/compile.js";
import { inputForm } from "../../src/model/input-form.js";
import { modelReferenceMarkdown } from "../../src/model/reference-markdown.js";
import { exportSbml } from "../../src/model/sbml-export.js";
import type { ModelDecl, ModuleDecl } from "../../src/model/types.js";
import { solveOde } from "../../src/numerics/ode/solve.js";

const assumed = { kind: "assumed" as const, note: "test" };

/** A drug depot D → central C (first-order, independent of anything else) driving a cell population X. */
const drug: ModuleDecl = {
  name: "drug",
  description: "depot and central amount",
  compartments: [{ name: "body", size: 1, unit: "1", description: "" }],
  species: [
    { name: "D", compartment: "body", unit: "mg", initial: 10, description: "depot" },
    { name: "C", compartment: "body", unit: "mg", initial: 0, description: "central" },
  ],
  parameters: [
    { name: "ka", value: 1.3, unit: "1/day", description: "", source: assumed },
    { name: "ke", value: 0.4, unit: "1/day", description: "", source: assumed },
    { name: "C50", value: 2, unit: "mg", description: "", source: assumed },
  ],
  processes: [
    { name: "absorption", rate: "ka*D", changes: { D: -1, C: 1 }, evidence: ["review:14"], description: "" },
    { name: "elimination", rate: "ke*C", changes: { C: -1 }, evidence: ["review:14"], description: "" },
  ],
  observables: [{ name: "effect", expression: "C/(C + C50)", unit: "1", description: "" }],
  events: [
    {
      name: "dose",
      arguments: [{ name: "amount", unit: "mg", description: "" }],
      assign: { D: "D + amount" },
      evidence: ["review:14"],
      description: "",
    },
  ],
};
const cells: ModuleDecl = {
  name: "cells",
  description: "cells killed by the drug",
  species: [{ name: "X", compartment: "body", unit: "cell", initial: 1000, description: "" }],
  parameters: [
    { name: "r", value: 0.3, unit: "1/day", description: "", source: assumed },
    { name: "kmax", value: 0.9, unit: "1/day", description: "", source: assumed },
  ],
  processes: [
    { name: "growth", rate: "r*X", changes: { X: 1 }, evidence: ["review:14"], description: "" },
    { name: "kill", rate: "kmax*effect*X", changes: { X: -1 }, evidence: ["review:14"], description: "" },
  ],
};
const whole: ModelDecl = { name: "whole", description: "", modules: [drug, cells] };
const split: ModelDecl = { name: "split", description: "", modules: [inputForm(drug), cells] };

test("inputForm: species become inputs in slots after the parameters; processes and events go", () => {
  const m = compileModel(split);
  assert.deepEqual(
    m.species.map((s) => s.name),
    ["X"],
  );
  assert.deepEqual(
    m.inputs.map((x) => [x.name, x.unit]),
    [
      ["D", "mg"],
      ["C", "mg"],
    ],
  );
  assert.equal(m.inputIndex("D"), m.parameters.length);
  assert.equal(m.inputIndex("C"), m.parameters.length + 1);
  assert.equal(m.defaultParameters().length, m.parameters.length + 2);
  assert.deepEqual(
    m.events.map((e) => e.name),
    [],
  );
  assert.throws(() => m.inputIndex("X"), InputError);
  assert.throws(() => m.initialState(new Float64Array(m.parameters.length)), InputError);
  // the Jacobian does not depend on the inputs' slots being part of the state: ∂f/∂X only
  const p = m.defaultParameters();
  p[m.inputIndex("C")] = 2; // effect 1/2
  const dy = new Float64Array(1);
  m.rhs(0, Float64Array.of(1000), dy, p);
  assert.ok(Math.abs(dy[0] - (0.3 - 0.9 * 0.5) * 1000) < 1e-9);
  const J = new Float64Array(1);
  m.jacobian(0, Float64Array.of(1000), J, p);
  assert.ok(Math.abs(J[0] - (0.3 - 0.45)) < 1e-12);
});

test("a module in input form fed with its own solution reproduces the all-in-one solve", () => {
  const full = compileModel(whole);
  const drugOnly = compileModel({ name: "drug", description: "", modules: [drug] });
  const part = compileModel(split);
  const doses = [0, 3, 6];
  const times = Array.from({ length: 19 }, (_, k) => k * 0.5);
  const pf = full.defaultParameters();
  const ref = solveOde(full.problem(pf, 0, 9), {
    method: "radau5",
    rtol: 1e-11,
    atol: 1e-12,
    outputTimes: times,
    events: doses
      .slice(1)
      .map((d) => ({ at: d, apply: (y: Float64Array) => full.applyEvent("dose", y, pf, { amount: 10 }) })),
  });
  // the drug alone, dense enough to be evaluated anywhere: its own solve at the requested time
  const pd = drugOnly.defaultParameters();
  const drugAt = (t: number): Float64Array => {
    if (t === 0) return drugOnly.initialState(pd);
    const s = solveOde(drugOnly.problem(pd, 0, t), {
      method: "radau5",
      rtol: 1e-12,
      atol: 1e-13,
      outputTimes: [t],
      events: doses
        .slice(1)
        .filter((d) => d <= t)
        .map((d) => ({
          at: d,
          apply: (y: Float64Array) => drugOnly.applyEvent("dose", y, pd, { amount: 10 }),
        })),
    });
    return s.y[0];
  };
  // piecewise: the cells' solve between doses sees the drug state through the inputs
  const pp = part.defaultParameters();
  const iD = part.inputIndex("D");
  const iC = part.inputIndex("C");
  // closed form of the drug module (one dose): D = A e^{-ka τ}, C = A ka/(ka-ke) (e^{-ke τ} - e^{-ka τ})
  const ka = 1.3;
  const ke = 0.4;
  const setInputs = (t: number) => {
    let D = 0;
    let C = 0;
    for (const d of doses)
      if (t >= d) {
        const tau = t - d;
        D += 10 * Math.exp(-ka * tau);
        C += ((10 * ka) / (ka - ke)) * (Math.exp(-ke * tau) - Math.exp(-ka * tau));
      }
    pp[iD] = D;
    pp[iC] = C;
  };
  // the closed form is the drug module's solution (checked against its own solve)
  for (const t of [0.7, 3, 4.2, 8.9]) {
    setInputs(t);
    const y = drugAt(t);
    assert.ok(Math.abs(pp[iD] - y[0]) < 1e-9 && Math.abs(pp[iC] - y[1]) < 1e-9, `drug state at ${t}`);
  }
  const sol = solveOde(
    {
      f: (t, y, dy) => {
        setInputs(t);
        part.rhs(t, y, dy, pp);
      },
      y0: part.initialState(pp),
      t0: 0,
      tEnd: 9,
    },
    {
      method: "radau5",
      rtol: 1e-11,
      atol: 1e-12,
      outputTimes: times,
      events: doses.map((d) => ({ at: d, apply: () => {} })),
    },
  );
  const xFull = full.speciesIndex("X");
  const obs = new Float64Array(part.observables.length);
  const obsFull = new Float64Array(full.observables.length);
  for (let k = 0; k < times.length; k++) {
    const x = ref.y[k][xFull];
    assert.ok(Math.abs(sol.y[k][0] - x) <= 1e-8 * x, `X at ${times[k]}: ${sol.y[k][0]} vs ${x}`);
    setInputs(times[k]);
    part.observe(times[k], sol.y[k], pp, obs);
    full.observe(times[k], ref.y[k], pf, obsFull);
    assert.ok(Math.abs(obs[part.observableIndex("effect")] - obsFull[full.observableIndex("effect")]) < 1e-9);
  }
});

test("inputs: not in initial values or stoichiometry, not changed by processes or events; no SBML", () => {
  const withInput = (patch: Partial<ModuleDecl>): ModelDecl => ({
    name: "bad",
    description: "",
    modules: [
      {
        name: "m",
        description: "",
        compartments: [{ name: "c", size: 1, unit: "1", description: "" }],
        inputs: [{ name: "u", unit: "cell", description: "supplied" }],
        species: [{ name: "X", compartment: "c", unit: "cell", initial: 1, description: "" }],
        parameters: [{ name: "k", value: 1, unit: "1/day", description: "", source: assumed }],
        processes: [{ name: "a", rate: "k*u", changes: { X: 1 }, evidence: ["review:14"], description: "" }],
        ...patch,
      },
    ],
  });
  assert.doesNotThrow(() => compileModel(withInput({})));
  const bad: [string, Partial<ModuleDecl>, RegExp][] = [
    [
      "initial",
      { species: [{ name: "X", compartment: "c", unit: "cell", initial: "u", description: "" }] },
      /no input here/,
    ],
    [
      "changes",
      {
        processes: [{ name: "a", rate: "k*X", changes: { u: 1 }, evidence: ["review:14"], description: "" }],
      },
      /a declared species/,
    ],
    [
      "event",
      {
        events: [{ name: "e", arguments: [], assign: { u: "0" }, evidence: ["review:14"], description: "" }],
      },
      /a declared species/,
    ],
    [
      "name clash",
      { parameters: [{ name: "u", value: 1, unit: "1/day", description: "", source: assumed }] },
      /already used/,
    ],
  ];
  for (const [what, patch, message] of bad)
    assert.throws(
      () => compileModel(withInput(patch)),
      (e: unknown) => e instanceof InputError && message.test(e.message),
      what,
    );
  assert.throws(
    () => exportSbml(withInput({})),
    (e: unknown) => e instanceof InputError && /inputs/.test(e.message) && /u/.test(e.message),
  );
});

test("the model reference lists a module's inputs with unit and description", () => {
  const md = modelReferenceMarkdown(split);
  assert.match(md, /2 inputs, in 2 modules/);
  assert.match(md, /### Inputs \(supplied by the simulator\)/);
  assert.match(md, /\| `C` \| mg \| central \|/);
});
