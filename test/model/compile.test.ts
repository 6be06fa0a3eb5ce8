import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../../src/errors.js";
import { analyzeModel } from "../../src/model/analyze.js";
import { compileAnalysis, compileModel } from "../../src/model/compile.js";
import { NotDifferentiableError } from "../../src/model/expr/derivative.js";
import { interpretedJacobian, interpretObservables, interpretRhs } from "../../src/model/interpret.js";
import { getModel, modelNames } from "../../src/model/registry.js";
import type { ModelDecl, ModuleDecl } from "../../src/model/types.js";
import { chainModel } from "./chain-model.js";

/** Deterministic pseudo-random numbers (xorshift) for test states. */
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

function randomState(y0: Float64Array, r: () => number): Float64Array {
  return Float64Array.from(y0, (v) => (v === 0 ? 50 * r() : v * (0.2 + 1.6 * r())));
}

/** A model whose rate needs finite differences (factorial has no derivative rule) through an observable. */
function nonDifferentiableModel(): ModelDecl {
  return {
    name: "fd",
    description: "finite-difference fallback",
    modules: [
      {
        name: "m",
        description: "",
        compartments: [{ name: "c", size: 1, unit: "1", description: "" }],
        species: [
          { name: "X", compartment: "c", unit: "cell", initial: 3.3, description: "" },
          { name: "Y", compartment: "c", unit: "cell", initial: 2.2, description: "" },
        ],
        parameters: [
          {
            name: "k",
            value: 0.7,
            unit: "1/(cell*day)",
            description: "",
            source: { kind: "assumed", note: "test" },
          },
          { name: "one", value: 1, unit: "cell", description: "", source: { kind: "assumed", note: "test" } },
        ],
        observables: [{ name: "f", expression: "factorial(floor(Y/one))", unit: "1", description: "" }],
        processes: [
          {
            name: "a",
            rate: "k*X*Y*(1 + f/1000)",
            changes: { X: -1, Y: 1 },
            evidence: ["review:14"],
            description: "",
          },
          { name: "b", rate: "k*X*X", changes: { Y: -2 }, evidence: ["review:14"], description: "" },
        ],
      },
    ],
  };
}

const models: [string, ModelDecl][] = [
  ...modelNames().map((n): [string, ModelDecl] => [n, getModel(n)]),
  ["chain60", chainModel(60)],
  ["chain200 (chunked code)", chainModel(200)],
  ["finite-difference fallback", nonDifferentiableModel()],
];

test("large models are split into chunk functions; non-differentiable rates use finite differences", () => {
  const big = compileModel(chainModel(200));
  assert.match(big.source.rhs, /function rhs_1\(/);
  assert.match(big.source.jacobian, /function jacobian_1\(/);
  const fd = compileModel(nonDifferentiableModel());
  assert.match(fd.source.jacobian, /const ys = new Float64Array\(2\)/);
  assert.match(fd.source.jacobian, /fdRate0\(t, ys, p\) - base0/);
  assert.doesNotMatch(fd.source.jacobian, /=>/); // no closure allocated per call
});

for (const [name, decl] of models) {
  test(`${name}: compiled rhs and observables agree with the interpreter to 1e-12 on random states`, () => {
    const a = analyzeModel(decl);
    const m = compileAnalysis(a);
    const p = m.defaultParameters();
    const y0 = m.initialState(p);
    const r = rng(42);
    const n = y0.length;
    const fast = new Float64Array(n);
    const slow = new Float64Array(n);
    const scale = new Float64Array(n);
    for (let trial = 0; trial < 50; trial++) {
      const y = randomState(y0, r);
      const pp = p.map((v) => v * (0.5 + r()));
      const t = 10 * r();
      m.rhs(t, y, fast, pp);
      interpretRhs(a, t, y, pp, slow);
      // magnitude of the individual terms, so cancellation does not inflate the relative error
      const terms = new Float64Array(n);
      for (const proc of a.processes) {
        const one = { ...a, processes: [proc] };
        interpretRhs(one, t, y, pp, scale);
        for (let i = 0; i < n; i++) terms[i] += Math.abs(scale[i]);
      }
      for (let i = 0; i < n; i++) {
        assert.ok(
          Math.abs(fast[i] - slow[i]) <= 1e-12 * Math.max(terms[i], 1e-300),
          `${name} dydt[${i}]: ${fast[i]} vs ${slow[i]}`,
        );
      }
      if (m.observables.length) {
        const o1 = new Float64Array(m.observables.length);
        const o2 = new Float64Array(m.observables.length);
        m.observe(t, y, pp, o1);
        interpretObservables(a, t, y, pp, o2);
        o1.forEach((v, i) => {
          assert.ok(Math.abs(v - o2[i]) <= 1e-12 * Math.abs(o2[i]), `${name} observable ${i}`);
        });
      }
    }
  });

  test(`${name}: Jacobian agrees with the interpreted symbolic Jacobian and finite differences; sparsity`, () => {
    const a = analyzeModel(decl);
    const m = compileAnalysis(a);
    let reference: ReturnType<typeof interpretedJacobian> | null = null;
    try {
      reference = interpretedJacobian(a);
    } catch (err) {
      if (!(err instanceof NotDifferentiableError)) throw err; // the finite-difference model
    }
    const p = m.defaultParameters();
    const y0 = m.initialState(p);
    const n = y0.length;
    const r = rng(7);
    const J = new Float64Array(n * n).fill(Number.NaN);
    const Jref = new Float64Array(n * n);
    const f0 = new Float64Array(n);
    const f1 = new Float64Array(n);
    const f2 = new Float64Array(n);
    const inPattern = new Set<number>();
    m.jacobianPattern.rows.forEach((row, k) => {
      inPattern.add(row * n + m.jacobianPattern.cols[k]);
    });
    /** Central difference of column j with step h into out. */
    const central = (y: Float64Array, j: number, h: number, out: Float64Array) => {
      const yp = y.slice();
      const ym = y.slice();
      yp[j] += h;
      ym[j] -= h;
      m.rhs(0, yp, f1, p);
      m.rhs(0, ym, f2, p);
      for (let i = 0; i < n; i++) out[i] = (f1[i] - f2[i]) / (2 * h);
    };
    const fdA = new Float64Array(n);
    const fdB = new Float64Array(n);
    let checked = 0;
    let skipped = 0;
    for (let trial = 0; trial < 5; trial++) {
      const y = randomState(y0, r);
      m.jacobian(0, y, J, p);
      m.rhs(0, y, f0, p);
      if (reference) {
        reference(0, y, p, Jref);
        for (let i = 0; i < n; i++) {
          let rowMax = 0;
          for (let j = 0; j < n; j++) rowMax = Math.max(rowMax, Math.abs(Jref[i * n + j]));
          for (let j = 0; j < n; j++) {
            const e = J[i * n + j];
            const ref = Jref[i * n + j];
            assert.ok(
              Math.abs(e - ref) <= 1e-9 * (Math.abs(e) + Math.abs(ref)) + 1e-13 * rowMax,
              `${name} J[${i},${j}] = ${e}, interpreted symbolic ${ref}`,
            );
          }
        }
      }
      for (let j = 0; j < n; j++) {
        const h = 1e-6 * Math.max(Math.abs(y[j]), 1e-3);
        central(y, j, h, fdA);
        central(y, j, 10 * h, fdB);
        for (let i = 0; i < n; i++) {
          const exact = J[i * n + j];
          if (!inPattern.has(i * n + j)) assert.equal(exact, 0);
          const fd = fdA[i];
          const tol =
            1e-5 * (Math.abs(fd) + Math.abs(exact)) +
            (1e-9 * (Math.abs(f0[i]) + Math.abs(f1[i]))) / Math.max(Math.abs(y[j]), 1e-3);
          // round-off in intermediate sums (e.g. a dead-cell count added to 1e10 tumour cells) makes
          // some differences meaningless: two steps a decade apart must agree before they judge J
          if (Math.abs(fdA[i] - fdB[i]) > tol) {
            skipped++;
            continue;
          }
          checked++;
          assert.ok(Math.abs(exact - fd) <= tol, `${name} J[${i},${j}] = ${exact}, finite difference ${fd}`);
        }
      }
    }
    assert.ok(
      skipped <= 0.01 * (checked + skipped),
      `${name}: ${skipped} of ${checked + skipped} differences unusable`,
    );
  });
}

// ---- errors ----

function base(): ModelDecl {
  return {
    name: "tiny",
    description: "test model",
    modules: [
      {
        name: "core",
        description: "",
        compartments: [
          { name: "blood", size: 5, unit: "L", description: "", source: { kind: "assumed", note: "test" } },
        ],
        species: [
          { name: "X", compartment: "blood", unit: "cell", initial: 10, description: "" },
          { name: "D", compartment: "blood", unit: "nmol/L", initial: "D0/MW", description: "" },
        ],
        parameters: [
          {
            name: "k",
            value: 0.5,
            unit: "1/day",
            description: "",
            source: { kind: "literature", citation: "A et al. 2000" },
          },
          {
            name: "kel",
            value: 0.1,
            unit: "1/h",
            description: "",
            source: { kind: "assumed", note: "test" },
          },
          { name: "D0", value: 2, unit: "ug/L", description: "", source: { kind: "fitted", note: "test" } },
          {
            name: "MW",
            value: 150000,
            unit: "g/mol",
            description: "",
            source: { kind: "literature", citation: "B 2001" },
          },
        ],
        processes: [
          { name: "growth", rate: "k*X", changes: { X: 1 }, evidence: ["review:14"], description: "" },
          { name: "clearance", rate: "kel*D", changes: { D: -1 }, evidence: ["review:14"], description: "" },
        ],
        observables: [{ name: "Dmass", expression: "D*blood", unit: "nmol", description: "" }],
        events: [
          {
            name: "dose",
            arguments: [{ name: "amount", unit: "mg", description: "" }],
            assign: { D: "D + amount/MW/blood" },
            evidence: [],
            description: "",
          },
        ],
      },
    ],
  };
}

function expectError(mutate: (m: ModelDecl) => void, ...patterns: RegExp[]) {
  const m = structuredClone(base());
  mutate(m);
  assert.throws(
    () => compileModel(m),
    (err: unknown) => {
      assert.ok(err instanceof InputError, `not an InputError: ${String(err)}`);
      for (const re of patterns) assert.match(err.message, re);
      return true;
    },
  );
}
const core = (m: ModelDecl): Required<ModuleDecl> => m.modules[0] as Required<ModuleDecl>;

test("units are converted: hours, µg/L → nmol/L via MW, mg doses", () => {
  const m = compileModel(base());
  const p = m.defaultParameters();
  const y = m.initialState(p);
  // D0/MW = 2 ug/L / 150000 g/mol = 1.333e-11 mol/L = 0.01333 nmol/L
  assert.equal(y[0], 10);
  assert.ok(Math.abs(y[1] - (2e-6 / 150000) * 1e9) < 1e-15);
  const dydt = new Float64Array(2);
  m.rhs(0, y, dydt, p);
  assert.equal(dydt[0], 5);
  assert.ok(Math.abs(dydt[1] - -0.1 * 24 * y[1]) < 1e-12 * Math.abs(y[1]));
  const y2 = Float64Array.from([10, 0]);
  m.applyEvent("dose", y2, p, { amount: 240 });
  // 240 mg / 150000 g/mol / 5 L = 3.2e-7 mol/L = 320 nmol/L
  assert.ok(Math.abs(y2[1] - 320) < 1e-9);
  const out = new Float64Array(1);
  m.observe(0, y2, p, out);
  assert.ok(Math.abs(out[0] - 1600) < 1e-9);
  assert.throws(() => m.applyEvent("dose", y2, p, {}), /event "dose"\.amount: expected a finite number/);
  assert.throws(() => m.applyEvent("bolus", y2, p, {}), /event: expected one of dose/);
  assert.throws(
    () => m.applyEvent("dose", y2, p, { amount: 1, amuont: 2 }),
    /event "dose": expected one of its arguments \(amount\), got "amuont"/,
  );
});

test("every bad declaration names itself and what is wrong", () => {
  expectError(
    (m) =>
      core(m).species.push({ name: "k", compartment: "blood", unit: "cell", initial: 0, description: "" }),
    /species "k" \(module "core"\)\.name/,
    /parameter "k" \(module "core"\) has it/,
  );
  expectError(
    (m) => {
      core(m).processes[0].rate = "k*X*Y";
    },
    /process "growth" \(module "core"\)\.rate/,
    /"Y" is not declared/,
  );
  expectError((m) => {
    core(m).species[0].compartment = "liver";
  }, /species "X" \(module "core"\)\.compartment: expected a declared compartment \(blood\), got "liver"/);
  expectError(
    (m) => {
      core(m).processes[0].evidence = ["review:99"];
    },
    /process "growth" \(module "core"\)\.evidence: expected a known evidence id/,
    /"review:99"/,
  );
  expectError((m) => {
    core(m).parameters[0].source = { kind: "literature" };
  }, /parameter "k" \(module "core"\)\.source\.citation: expected a citation/);
  expectError((m) => {
    core(m).parameters[1].source = { kind: "assumed" };
  }, /parameter "kel" \(module "core"\)\.source\.note: expected a note/);
  expectError((m) => {
    (core(m).parameters[0] as { source?: unknown }).source = undefined;
  }, /parameter "k" \(module "core"\)\.source: expected a source/);
  expectError(
    (m) => {
      core(m).processes[0].rate = "k*X*X";
    },
    /process "growth" \(module "core"\)\.rate/,
    /rate's unit is cell\^2\/day/,
    /a rate in cell\/day/,
  );
  expectError((m) => {
    core(m).processes[0].rate = "k + X";
  }, /cannot add 1\/day and cell/);
  expectError(
    (m) => {
      core(m).observables[0].unit = "cell";
    },
    /observable "Dmass" \(module "core"\)\.expression/,
    /unit cell \(cell\)/,
  );
  expectError((m) => {
    core(m).parameters[0].unit = "1/dya";
  }, /parameter "k" \(module "core"\)\.unit: expected known unit names \(unknown "dya"/);
  expectError((m) => {
    core(m).processes[0].changes = { Z: 1 };
  }, /process "growth" \(module "core"\)\.changes: expected a declared species/);
  expectError((m) => {
    core(m).processes[0].rate = "k*(X";
  }, /process "growth" \(module "core"\)\.rate: expected "\)" closing the parenthesis opened at column 3 at column 5/);
  expectError((m) => {
    core(m).processes[0].rate = "expo(k)*X";
  }, /process "growth".*known functions/);
  expectError(
    (m) => {
      core(m).species[1].initial = "D0";
    },
    /species "D" \(module "core"\)\.initial/,
    /unit nmol\/L/,
  );
  expectError((m) => {
    core(m).processes.push({
      name: "growth",
      rate: "k*X",
      changes: { X: 1 },
      evidence: ["review:14"],
      description: "",
    });
  }, /process "growth" \(module "core"\)\.name/);
  expectError((m) => {
    core(m).observables.push(
      { name: "a1", expression: "a2", unit: "1", description: "" },
      { name: "a2", expression: "a1", unit: "1", description: "" },
    );
  }, /a1 → a2 → a1/);
  expectError((m) => {
    core(m).processes[0].changes = { X: "X" };
  }, /changes\.X: expected no species here/);
});

test("checkParameters names the parameter that is out of range", () => {
  const m = compileModel(getModel("qspio-checkpoint"));
  const p = m.defaultParameters();
  m.checkParameters(p);
  p[m.parameterIndex("aPD1")] = -1;
  assert.throws(() => m.checkParameters(p), /parameters\.aPD1: expected at least 0 nM, got -1/);
  p[m.parameterIndex("aPD1")] = 1;
  p[m.parameterIndex("syn")] = 0;
  assert.throws(
    () => m.checkParameters(p),
    /parameters\.syn: expected a positive compartment size \(um\^2\), got 0/,
  );
  assert.throws(
    () => m.checkParameters(new Float64Array(3)),
    /parameters: expected a Float64Array of 23 values/,
  );
});

test("population distributions are checked; a non-day time unit converts rates", () => {
  expectError((m) => {
    core(m).parameters[0].distribution = { kind: "lognormal", cv: -1 };
  }, /parameter "k" \(module "core"\)\.distribution\.cv: expected a positive coefficient of variation/);
  expectError((m) => {
    core(m).parameters[0].distribution = { kind: "uniform", min: 1, max: 2 };
  }, /distribution: expected a range containing the value 0\.5/);
  const hourly = structuredClone(base());
  hourly.timeUnit = "h";
  const m = compileModel(hourly);
  const p = m.defaultParameters();
  const dydt = new Float64Array(2);
  m.rhs(0, m.initialState(p), dydt, p);
  // k = 0.5/day on X = 10 cells is 5 cells/day = 5/24 cells per hour
  assert.ok(Math.abs(dydt[0] - 5 / 24) < 1e-15);
  expectError((m2) => {
    m2.timeUnit = "cell";
  }, /model "tiny"\.timeUnit: expected a unit of time/);
});

test("modules compose over shared compartments; removing a module leaves a compiling model or a clear error", () => {
  const decl = structuredClone(base());
  const extra: ModuleDecl = {
    name: "immune",
    description: "",
    species: [{ name: "Y", compartment: "blood", unit: "cell", initial: 1, description: "" }],
    parameters: [
      { name: "kY", value: 1, unit: "1/day", description: "", source: { kind: "assumed", note: "test" } },
    ],
    processes: [
      { name: "Y_from_X", rate: "kY*X", changes: { Y: 1 }, evidence: ["review:14"], description: "" },
    ],
  };
  const full = compileModel({ ...decl, modules: [...decl.modules, extra] });
  assert.deepEqual(
    full.species.map((s) => s.name),
    ["X", "D", "Y"],
  );
  const without = compileModel(decl);
  assert.equal(without.species.length, 2);
  assert.ok(Math.abs(without.initialState(without.defaultParameters())[1] - (2e-6 / 150000) * 1e9) < 1e-12);
  // a module that depends on another module's species fails clearly when that module is removed
  const orphan: ModuleDecl = {
    ...extra,
    processes: [
      { name: "Y_from_Q", rate: "kY*Q", changes: { Y: 1 }, evidence: ["review:14"], description: "" },
    ],
  };
  assert.throws(
    () => compileModel({ ...decl, modules: [...decl.modules, orphan] }),
    /process "Y_from_Q" \(module "immune"\)\.rate.*"Q" is not declared in any module of model "tiny" \(modules: core, immune\)/,
  );
});

test("every registered model has a finite Jacobian at its initial state (zeros included)", () => {
  for (const name of modelNames()) {
    const m = compileModel(getModel(name));
    const p = m.defaultParameters();
    const y = m.initialState(p);
    const J = new Float64Array(y.length * y.length);
    m.jacobian(0, y, J, p);
    assert.ok(J.every(Number.isFinite), name);
  }
});

test("sources and evidence: compartments need a source (strict), processes at least one evidence id", () => {
  const noSource = structuredClone(base());
  (core(noSource).compartments[0] as { source?: unknown }).source = undefined;
  assert.throws(
    () => compileModel(noSource, { compartmentSources: true }),
    /compartment "blood" \(module "core"\)\.source: expected a source .* for its size 5 L/,
  );
  assert.throws(() => compileModel(noSource), /compartment "blood" \(module "core"\)\.source/); // required by default
  compileModel(noSource, { compartmentSources: false }); // opt-out for throwaway models
  // a size-1 dimensionless placeholder compartment needs none
  compileModel(nonDifferentiableModel(), { compartmentSources: true });
  expectError((m) => {
    core(m).processes[0].evidence = [];
  }, /process "growth" \(module "core"\)\.evidence: expected at least 1 evidence id/);
  // the type is checked before the ids: a string is not iterated character by character
  expectError((m) => {
    (core(m).processes[0] as { evidence: unknown }).evidence = "review:14";
  }, /process "growth" \(module "core"\)\.evidence: expected a list of evidence ids \(strings\), got "review:14"/);
  expectError((m) => {
    (core(m).events[0] as { arguments: unknown }).arguments = "amount";
  }, /event "dose" \(module "core"\)\.arguments: expected a list of \{ name, unit \} arguments/);
  // an event written as JSON without arguments or evidence compiles (no TypeError)
  const json = structuredClone(base());
  const ev = core(json).events[0] as {
    arguments?: unknown;
    evidence?: unknown;
    assign: Record<string, string>;
  };
  ev.arguments = undefined;
  ev.evidence = undefined;
  ev.assign = { D: "2*D" };
  const m = compileModel(json);
  assert.deepEqual(m.events[0].arguments, []);
  assert.deepEqual(m.events[0].evidence, []);
});

test("notanumber and infinity are rejected in expressions; pi and exponentiale stay allowed", () => {
  expectError((m) => {
    core(m).processes[0].rate = "k*X*notanumber";
  }, /process "growth" \(module "core"\)\.rate: expected finite values only; "notanumber"/);
  expectError((m) => {
    core(m).observables[0].expression = "D*blood*infinity";
  }, /observable "Dmass" \(module "core"\)\.expression: expected finite values only; "infinity"/);
  const ok = structuredClone(base());
  core(ok).processes[0].rate = "k*X*pi/exponentiale";
  compileModel(ok);
});

test("applyEvent: t is required when the event's assignments use t", () => {
  const decl = structuredClone(base());
  core(decl).events.push({
    name: "late_dose",
    arguments: [],
    assign: { X: "X*t/tref" },
    evidence: [],
    description: "",
  });
  core(decl).parameters.push({
    name: "tref",
    value: 2,
    unit: "day",
    description: "",
    source: { kind: "assumed", note: "test" },
  });
  const m = compileModel(decl);
  const p = m.defaultParameters();
  const y = Float64Array.from([10, 0]);
  assert.throws(
    () => m.applyEvent("late_dose", y, p, {}),
    /event "late_dose"\.t: expected the time of the event/,
  );
  assert.throws(
    () => m.applyEvent("late_dose", y, p, {}, Number.NaN),
    /event "late_dose"\.t: expected a finite time/,
  );
  m.applyEvent("late_dose", y, p, {}, 3);
  assert.equal(y[0], 15);
  m.applyEvent("dose", y, p, { amount: 240 }); // events without t need none
});

test("unit checking resolves function aliases: power(V, 2) is pow(V, 2)", () => {
  const ok = structuredClone(base());
  core(ok).parameters.push({
    name: "kk",
    value: 1,
    unit: "1/(cell*day)",
    description: "",
    source: { kind: "assumed", note: "test" },
  });
  core(ok).processes[0].rate = "kk*power(X, 2)";
  compileModel(ok);
  expectError(
    (m) => {
      core(m).processes[0].rate = "k*power(X, 2)";
    },
    /process "growth" \(module "core"\)\.rate/,
    /rate's unit is cell\^2\/day/,
  );
});
