/**
 * Model events see the drug exposure at their own time: simulatePatient writes the exposure inputs into
 * the parameter vector before it applies an event (input form), so an assignment reading an input would
 * use the exposure then, before a dose given at the same time (as the "ode" form, which applies an
 * ablation before a same-day dose). No event reads an input today: the parameter vector is inspected.
 * These checks also pass without that write (measured 2026-11-25): the solvers' last f call of a step
 * ending at the event is at the event time; they guard the property whatever the method does, and the
 * order at a dose time (an exposure break sorted before the ablation would fail the dose-day case).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { solveExposure } from "../../src/immune/exposure.js";
import { ModelCache } from "../../src/immune/model-cache.js";
import { simulatePatient } from "../../src/immune/simulate.js";
import { treatmentPlan } from "../../src/immune/treatment-plan.js";
import type { Treatment } from "../../src/scenario/schema.js";
import { CRYO_PRIMARY, NIVOLUMAB_Q2W, twoLesionPatient } from "../fixtures/immune/two-lesion-patient.js";

/** The input slots of p when the ablation applies, and the exposure there from a solve of its own. */
function atAblation(day: number, method: "rodas5" | "bdf") {
  const scenario = twoLesionPatient({
    horizonDays: 20,
    treatments: [{ ...(CRYO_PRIMARY as Extract<Treatment, { kind: "cryoablation" }>), day }, NIVOLUMAB_Q2W],
  });
  const plan = treatmentPlan(scenario);
  const cache = new ModelCache();
  const model = cache.get({ ...plan.structure, exposure: "input" });
  const seen: Float64Array[] = [];
  const apply = model.applyEvent.bind(model);
  model.applyEvent = (name, y, p, args, t) => {
    seen.push(p.slice());
    apply(name, y, p, args, t);
  };
  const trajectory = simulatePatient(undefined, scenario, { cache, method });
  assert.equal(trajectory.status, "success", trajectory.message);
  assert.equal(seen.length, 1, "one ablation");
  const expected = seen[0].slice();
  const exposure = solveExposure(
    model,
    cache,
    plan.structure.drugs,
    plan.events,
    expected,
    plan.t0,
    plan.tEnd,
    1e-6,
  );
  // the exposure as a step ending at `day` sees it: breaks before `day` crossed, a break at `day` not yet
  exposure.begin(plan.t0);
  exposure.cross(day - 1e-9);
  exposure.write(day, expected);
  return { got: seen[0], expected, inputs: model.inputs };
}

describe("model events and exposure inputs", () => {
  for (const method of ["rodas5", "bdf"] as const)
    it(`${method}: an ablation between doses sees the exposure at its time`, () => {
      const { got, expected, inputs } = atAblation(10.3, method);
      const central = inputs.find((i) => i.name === "nivolumab_amount_central");
      assert.ok(central && expected[central.index] > 50, "drug present on day 10.3");
      for (const i of inputs) assert.equal(got[i.index], expected[i.index], i.name);
    });

  it("an ablation on a dose day sees the exposure before that dose", () => {
    const { got, expected, inputs } = atAblation(14, "rodas5");
    const central = inputs.find((i) => i.name === "nivolumab_amount_central");
    assert.ok(central);
    assert.ok(
      got[central.index] > 50 && got[central.index] < 240,
      `pre-dose amount ${got[central.index]} mg`,
    );
    for (const i of inputs) assert.equal(got[i.index], expected[i.index], i.name);
  });
});
