import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ModelCache } from "../../src/immune/model-cache.js";
import type { CompiledParameter } from "../../src/model/compiled.js";
import { sampleParameters } from "../../src/model/sample-parameters.js";
import { createRng, stream } from "../../src/numerics/rng/index.js";

const base = { index: 0, kind: "parameter" as const, unit: "1", module: "m", description: "" };
const params: CompiledParameter[] = [
  { ...base, name: "a", value: 2, distribution: { kind: "lognormal", cv: 0.5 } },
  { ...base, name: "b", value: 0.5, distribution: { kind: "uniform", min: 0.2, max: 1 }, min: 0, max: 0.6 },
  { ...base, name: "c", value: 3 },
  { ...base, name: "d", value: 1, distribution: { kind: "loguniform", min: 0.01, max: 100 } },
  { ...base, name: "e", value: 1, distribution: { kind: "normal", sd: 1 }, min: 0 },
];

describe("sampleParameters", () => {
  it("draws only parameters with a distribution, reproducibly from the stream", () => {
    const a = sampleParameters({ parameters: params }, stream(7, 3));
    assert.deepEqual(Object.keys(a), ["a", "b", "d", "e"]);
    assert.deepEqual(sampleParameters({ parameters: params }, stream(7, 3)), a);
    assert.notDeepEqual(sampleParameters({ parameters: params }, stream(7, 4)), a);
  });

  it("log-normal around the value as median with the declared cv; draws kept within [min, max]", () => {
    const rng = createRng(11);
    const n = 20000;
    const a: number[] = [];
    const d: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = sampleParameters({ parameters: params }, rng);
      a.push(s.a);
      d.push(s.d);
      assert.ok(s.b >= 0.2 && s.b <= 0.6, `b = ${s.b}`);
      assert.ok(s.e >= 0, `e = ${s.e}`);
    }
    a.sort((x, y) => x - y);
    assert.ok(Math.abs(a[n / 2] / 2 - 1) < 0.03, `median ${a[n / 2]}`);
    const mean = a.reduce((x, y) => x + y, 0) / n;
    const sd = Math.sqrt(a.reduce((x, y) => x + (y - mean) ** 2, 0) / (n - 1));
    assert.ok(Math.abs(sd / mean - 0.5) < 0.03, `cv ${sd / mean}`);
    // log-uniform: log10 of the draws uniform on [-2, 2]
    const belowOne = d.filter((x) => x < 1).length / n;
    assert.ok(Math.abs(belowOne - 0.5) < 0.02, `${belowOne}`);
  });

  it("a distribution that cannot meet the parameter's range is an InputError naming it", () => {
    const bad: CompiledParameter[] = [
      { ...base, name: "x", value: 1, distribution: { kind: "uniform", min: 2, max: 3 }, max: 1 },
    ];
    assert.throws(() => sampleParameters({ parameters: bad }, createRng(1)), /x\.distribution/);
  });

  it("the immune model's patient-level parameters: a draw simulatePatient accepts", () => {
    const model = new ModelCache().get({ lesionCount: 2, drugs: ["nivolumab"], exposure: "input" });
    const s = sampleParameters(model, createRng(3));
    assert.ok(Object.keys(s).length >= 5, Object.keys(s).join(", "));
    for (const [name, v] of Object.entries(s)) {
      const p = model.parameters[model.parameterIndex(name)];
      assert.ok(Number.isFinite(v) && v >= (p.min ?? -Infinity) && v <= (p.max ?? Infinity), name);
    }
  });
});
