import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../src/errors.js";

test("InputError names the field, the value and what was expected", () => {
  const err = new InputError("arms[1].drug.doseMg", -5, "a positive number", "line 14 of hcc.yaml");
  assert.equal(err.message, "arms[1].drug.doseMg: expected a positive number, got -5 (line 14 of hcc.yaml)");
  assert.equal(err.field, "arms[1].drug.doseMg");
});

test("InputError renders strings quoted and long arrays shortened", () => {
  assert.match(new InputError("x", "soon", "a number").message, /got "soon"$/);
  assert.match(new InputError("y0", new Float64Array(10), "finite").message, /… \(10 items\)/);
});
