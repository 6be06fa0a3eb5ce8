import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError } from "../../../src/errors.js";
import { createRng, RandomStream, stream } from "../../../src/numerics/rng/index.js";
import { splitmix64Mix } from "../../../src/numerics/rng/splitmix64.js";

function draws(r: RandomStream, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = r.uniform();
  return out;
}

function correlation(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i];
    mb += b[i];
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

describe("random streams", () => {
  it("xoshiro128** matches the reference outputs from state (1, 2, 3, 4)", () => {
    const r = RandomStream.fromState(1, 2, 3, 4);
    assert.deepEqual([r.nextUint32(), r.nextUint32(), r.nextUint32()], [11520, 0, 5927040]);
  });
  it("splitmix64 matches the reference output for state 0 (first value 0xe220a8397b1dcdaf)", () => {
    assert.equal(splitmix64Mix(0n), 0xe220a8397b1dcdafn);
  });
  it("is reproducible from the seed, and different seeds differ", () => {
    assert.deepEqual(draws(createRng(12345), 100), draws(createRng(12345), 100));
    assert.notDeepEqual(draws(createRng(12345), 100), draws(createRng(12346), 100));
    assert.deepEqual(draws(createRng(7n), 10), draws(createRng(7), 10));
  });
  it("uniform doubles lie in [0, 1) and pass a chi-square test (100 bins, 1e5 draws, p > 0.001)", () => {
    const r = createRng(2024);
    const bins = new Float64Array(100);
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      assert.ok(u >= 0 && u < 1);
      bins[Math.floor(u * 100)]++;
    }
    const expected = n / 100;
    let chi2 = 0;
    for (const b of bins) chi2 += (b - expected) ** 2 / expected;
    assert.ok(chi2 < 148.2, `chi2 = ${chi2} (99 dof, critical 148.2 at p = 0.001)`);
    assert.ok(chi2 > 60.0, `chi2 = ${chi2} suspiciously uniform (lower-tail p < 0.001)`);
  });
  it("uses 53 bits: low bits of the doubles vary", () => {
    const r = createRng(1);
    let odd = 0;
    for (let i = 0; i < 1000; i++) if ((r.uniform() * 2 ** 53) % 2 === 1) odd++;
    assert.ok(odd > 400 && odd < 600, `odd = ${odd}`);
  });
  it("streams of one seed are uncorrelated (|r| < 4/√n for neighbours and with the root)", () => {
    const n = 20_000;
    const bound = 4 / Math.sqrt(n);
    const root = draws(createRng(99), n);
    let prev = draws(stream(99, 0), n);
    assert.ok(Math.abs(correlation(root, prev)) < bound);
    for (let i = 1; i < 6; i++) {
      const cur = draws(stream(99, i), n);
      const rho = correlation(prev, cur);
      assert.ok(Math.abs(rho) < bound, `streams ${i - 1}, ${i}: r = ${rho}`);
      prev = cur;
    }
  });
  it("stream i depends only on (seed, i): not on creation order or on other streams (any worker count)", () => {
    const alone = draws(stream(555, 1234), 50);
    // "worker A" creates streams 0..1233 first and draws from them
    for (let i = 0; i < 1234; i += 97) draws(stream(555, i), 10);
    assert.deepEqual(draws(stream(555, 1234), 50), alone);
    // split from a root stream is also order-independent
    const root = createRng(555);
    const s1 = draws(root.split(3), 20);
    draws(root, 1000);
    assert.deepEqual(draws(root.split(3), 20), s1);
    assert.notDeepEqual(draws(stream(555, 1235), 50), alone);
  });
  it("normal (polar method): mean 0, variance 1, tails; lognormal median e^mu", () => {
    const r = createRng(31337);
    const n = 100_000;
    let s = 0;
    let s2 = 0;
    let beyond2 = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      s += z;
      s2 += z * z;
      if (Math.abs(z) > 2) beyond2++;
    }
    const mean = s / n;
    const variance = s2 / n - mean * mean;
    assert.ok(Math.abs(mean) < 4 / Math.sqrt(n), `mean ${mean}`);
    assert.ok(Math.abs(variance - 1) < 0.02, `variance ${variance}`);
    // P(|Z| > 2) = 0.0455
    assert.ok(Math.abs(beyond2 / n - 0.0455) < 0.003, `tail ${beyond2 / n}`);
    const ln = Array.from({ length: 20001 }, () => r.lognormal(1, 0.5)).sort((a, b) => a - b);
    assert.ok(Math.abs(ln[10000] / Math.E - 1) < 0.03, `median ${ln[10000]}`);
  });
  it("rejects non-integer seeds and negative stream indices", () => {
    assert.throws(() => createRng(1.5), InputError);
    assert.throws(() => stream(1, -1), InputError);
  });
});
