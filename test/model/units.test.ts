import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../../src/errors.js";
import { conversionFactor, formatDims, parseUnit, sameDimension } from "../../src/model/units.js";

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) <= 1e-12 * Math.abs(b), `${a} vs ${b}`);

test("conversions between compatible units", () => {
  close(conversionFactor("nmol/L", "mol/m^3"), 1e-6);
  close(conversionFactor("nM", "nmol/L"), 1);
  close(conversionFactor("1/s", "1/day"), 86400);
  close(conversionFactor("mm^3", "mL"), 1e-3);
  close(conversionFactor("pg/mL", "ng/L"), 1);
  close(conversionFactor("uM", "molecule/um^3"), (6.02214076e23 * 1e-6) / 1e15);
  close(conversionFactor("1/(uM*s)", "L/(mol*day)"), 86400 * 1e6);
  close(conversionFactor("%", "1"), 0.01);
  close(conversionFactor("cm", "um"), 1e4);
});

test("base-dimension forms", () => {
  assert.equal(formatDims(parseUnit("cell/day").dims), "cell/day");
  assert.equal(formatDims(parseUnit("molecule/um^2/s").dims), "molecule/(day·m^2)");
  assert.equal(formatDims(parseUnit("1").dims), "1");
  assert.equal(formatDims(parseUnit("mm^3").dims), "m^3");
  assert.ok(sameDimension(parseUnit("cell*1/day"), parseUnit("cell/day")));
  assert.ok(!sameDimension(parseUnit("cell"), parseUnit("molecule")));
});

test("bad units are input errors naming the text", () => {
  for (const bad of ["1/dya", "cell//day", "mm^", "(cell", ""]) {
    assert.throws(
      () => parseUnit(bad),
      (e: unknown) => e instanceof InputError && e.message.includes(JSON.stringify(bad)),
      bad,
    );
  }
  assert.match(
    (() => {
      try {
        parseUnit("1/dya");
      } catch (e) {
        return (e as Error).message;
      }
      return "";
    })(),
    /unknown "dya"/,
  );
  assert.throws(() => conversionFactor("cell", "1/day"), /convertible to 1\/day/);
});
