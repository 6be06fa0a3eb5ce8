import assert from "node:assert/strict";
import { test } from "node:test";
import { evaluateExpr } from "../../src/model/expr/evaluate.js";
import { mathToExpr, TIME_SYMBOL } from "../../src/sbml/mathml.js";
import { parseXmlTree, type XmlElement } from "../../src/sbml/xml-tree.js";

const NS = 'xmlns="http://www.w3.org/1998/Math/MathML"';
function convert(body: string, functions = new Map<string, XmlElement>()) {
  return mathToExpr(parseXmlTree(`<math ${NS}>${body}</math>`), { where: "test", functions });
}
function value(body: string, env: Record<string, number> = {}) {
  return evaluateExpr(convert(body), (n) => {
    const v = env[n];
    if (v === undefined) throw new Error(`unbound ${n}`);
    return v;
  });
}

test("cn types: integer, real, e-notation, rational; units are ignored", () => {
  assert.equal(value('<cn type="integer"> 7 </cn>'), 7);
  assert.equal(value("<cn> 2.5 </cn>"), 2.5);
  assert.equal(value('<cn type="e-notation"> 1.5 <sep/> -3 </cn>'), 1.5e-3);
  assert.equal(value('<cn type="rational"> 3 <sep/> 4 </cn>'), 0.75);
  assert.equal(
    value('<cn xmlns:sbml="http://www.sbml.org/sbml/level3/version1/core" sbml:units="mole"> 4 </cn>'),
    4,
  );
});

test("arithmetic with n-ary plus/times, unary minus, power, root with degree, log with base", () => {
  assert.equal(value("<apply><plus/><cn>1</cn><cn>2</cn><cn>3</cn></apply>"), 6);
  assert.equal(value("<apply><times/></apply>"), 1);
  assert.equal(value("<apply><minus/><cn>4</cn></apply>"), -4);
  assert.equal(value("<apply><power/><cn>2</cn><cn>10</cn></apply>"), 1024);
  assert.ok(Math.abs(value("<apply><root/><degree><cn>3</cn></degree><cn>27</cn></apply>") - 3) < 1e-12);
  assert.ok(Math.abs(value("<apply><log/><logbase><cn>2</cn></logbase><cn>8</cn></apply>") - 3) < 1e-12);
  assert.equal(value("<apply><log/><cn>1000</cn></apply>"), 3);
});

test("relations chain, logic (xor, implies), piecewise with otherwise", () => {
  assert.equal(value("<apply><lt/><cn>1</cn><cn>2</cn><cn>3</cn></apply>"), 1);
  assert.equal(value("<apply><lt/><cn>1</cn><cn>3</cn><cn>2</cn></apply>"), 0);
  assert.equal(value("<apply><xor/><true/><true/></apply>"), 0);
  assert.equal(value("<apply><implies/><false/><false/></apply>"), 1);
  assert.equal(value("<apply><implies/><true/><false/></apply>"), 0);
  const pw =
    "<piecewise><piece><cn>10</cn><apply><gt/><ci>x</ci><cn>0</cn></apply></piece><otherwise><cn>20</cn></otherwise></piecewise>";
  assert.equal(value(pw, { x: 1 }), 10);
  assert.equal(value(pw, { x: -1 }), 20);
});

test("L3v2 functions: max, min, rem, quotient", () => {
  assert.equal(value("<apply><max/><cn>1</cn><cn>5</cn><cn>3</cn></apply>"), 5);
  assert.equal(value("<apply><min/><cn>1</cn><cn>5</cn><cn>3</cn></apply>"), 1);
  assert.equal(value("<apply><rem/><cn>-7</cn><cn>3</cn></apply>"), -1);
  assert.equal(value("<apply><quotient/><cn>-7</cn><cn>3</cn></apply>"), -2);
});

test("csymbols: time becomes the reserved time symbol, avogadro a number, delay and rateOf calls", () => {
  const t = convert('<csymbol definitionURL="http://www.sbml.org/sbml/symbols/time"> t </csymbol>');
  assert.deepEqual(t, { kind: "sym", name: TIME_SYMBOL });
  assert.equal(
    value('<csymbol definitionURL="http://www.sbml.org/sbml/symbols/avogadro"> N </csymbol>'),
    6.02214179e23,
  );
  const d = convert(
    '<apply><csymbol definitionURL="http://www.sbml.org/sbml/symbols/delay">d</csymbol><ci>x</ci><cn>1</cn></apply>',
  );
  assert.equal(d.kind === "call" && d.fn, "delay");
});

test("function definitions are inlined with their arguments substituted", () => {
  const fd = parseXmlTree(
    `<math ${NS}><lambda><bvar><ci>a</ci></bvar><bvar><ci>b</ci></bvar><apply><minus/><ci>a</ci><ci>b</ci></apply></lambda></math>`,
  );
  const e = convert("<apply><ci>f</ci><ci>b</ci><cn>1</cn></apply>", new Map([["f", fd]]));
  // argument names must not capture: f(b, 1) = b - 1
  assert.equal(
    evaluateExpr(e, (n) => (n === "b" ? 10 : Number.NaN)),
    9,
  );
});

test("unknown MathML is refused with the element named", () => {
  assert.throws(() => convert("<apply><laplacian/><ci>x</ci></apply>"), /laplacian/);
});
