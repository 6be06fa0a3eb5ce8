import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  parseRegimen,
  printRegimen,
  type Regimen,
  RegimenSyntaxError,
  regimenDrugs,
} from "../../src/drugs/regimen.js";
import { InputError } from "../../src/errors.js";

describe("parseRegimen: the examples users type", () => {
  it("240 mg q2w", () => {
    assert.deepEqual(parseRegimen("240 mg q2w"), {
      phases: [
        { components: [{ amount: 240, unit: "mg", schedule: { kind: "every", n: 2, unit: "week" } }] },
      ],
    });
  });

  it("3 mg/kg q3w x4", () => {
    assert.deepEqual(parseRegimen("3 mg/kg q3w x4").phases[0].components[0], {
      amount: 3,
      unit: "mg/kg",
      schedule: { kind: "every", n: 3, unit: "week" },
      count: 4,
    });
  });

  it("1200 mg q3w from day 7", () => {
    assert.equal(parseRegimen("1200 mg q3w from day 7").phases[0].components[0].fromDay, 7);
  });

  it("q21d, once and an infusion duration", () => {
    const c = parseRegimen("1500 mg q21d over 1 h").phases[0].components[0];
    assert.deepEqual(c.schedule, { kind: "every", n: 21, unit: "day" });
    assert.deepEqual(c.infusion, { value: 1, unit: "h" });
    assert.deepEqual(parseRegimen("300 mg once over 60 min").phases[0].components[0].schedule, {
      kind: "once",
    });
    assert.deepEqual(parseRegimen("200 mg every 3 weeks").phases[0].components[0].schedule, {
      kind: "every",
      n: 3,
      unit: "week",
    });
  });

  it("a combination induction then maintenance", () => {
    const r = parseRegimen("nivolumab 1 mg/kg + ipilimumab 3 mg/kg q3w x4, then nivolumab 480 mg q4w");
    assert.equal(r.phases.length, 2);
    const [nivo, ipi] = r.phases[0].components;
    assert.deepEqual(nivo, {
      drug: "nivolumab",
      amount: 1,
      unit: "mg/kg",
      schedule: { kind: "every", n: 3, unit: "week" },
      count: 4,
    });
    assert.deepEqual(ipi, {
      drug: "ipilimumab",
      amount: 3,
      unit: "mg/kg",
      schedule: { kind: "every", n: 3, unit: "week" },
      count: 4,
    });
    assert.deepEqual(r.phases[1].components[0], {
      drug: "nivolumab",
      amount: 480,
      unit: "mg",
      schedule: { kind: "every", n: 4, unit: "week" },
    });
    assert.deepEqual(regimenDrugs(r), ["nivolumab", "ipilimumab"]);
  });

  it("components with their own schedules keep them", () => {
    const r = parseRegimen("nivolumab 240 mg q2w + ipilimumab 1 mg/kg q6w");
    assert.deepEqual(
      r.phases[0].components.map((c) => c.schedule),
      [
        { kind: "every", n: 2, unit: "week" },
        { kind: "every", n: 6, unit: "week" },
      ],
    );
    assert.equal(printRegimen(r), "nivolumab 240 mg q2w + ipilimumab 1 mg/kg q6w");
  });

  it("is case-insensitive for keywords and drug names; 'then' without a comma", () => {
    const r = parseRegimen("Nivolumab 1 MG/KG Q3W X4 then nivolumab 240 mg q2w");
    assert.equal(r.phases[0].components[0].drug, "nivolumab");
    assert.equal(r.phases.length, 2);
  });

  it("prints the canonical text", () => {
    assert.equal(
      printRegimen(parseRegimen("nivolumab 1 mg/kg + ipilimumab 3 mg/kg q3w x4 , then nivolumab 480 mg q4w")),
      "nivolumab 1 mg/kg + ipilimumab 3 mg/kg q3w x4, then nivolumab 480 mg q4w",
    );
    assert.equal(
      printRegimen(parseRegimen("1200 mg every 21 days from day 7 over 30 minutes")),
      "1200 mg q21d from day 7 over 30 min",
    );
  });
});

describe("parseRegimen: malformed regimens show where parsing stopped", () => {
  const cases: [string, number, RegExp][] = [
    ["", 1, /a regimen such as/],
    ["240 mq q2w", 5, /a dose unit: mg or mg\/kg/],
    ["240 mg", 7, /a schedule such as q2w, q21d or once/],
    ["240 mg q2w x", 13, /a number of doses after 'x'/],
    ["240 mg/lb q2w", 8, /kg \(as in mg\/kg\)/],
    ["nivolumab mg q2w", 11, /a dose amount after the drug name/],
    ["1200 mg q3w from 7", 18, /'day' after 'from'/],
    ["240 mg q2w over 30 s", 20, /a duration unit: min or h/],
    ["240 mg q2w q3w", 12, /one schedule per component/],
    ["240 mg q2w, nivolumab 480 mg q4w", 13, /'then' after ','/],
    ["240 mg q2w then", 16, /a drug name or a dose amount/],
    ["240 mg q0w", 8, /an interval of at least 1/],
    ["0 mg q2w", 1, /a drug name or a dose amount/],
    ["240 mg q2w @", 12, /a number, a word/],
    ["240 mg q2w 5", 12, /'\+', ', then' or the end/],
    ["300 mg once x2", 15, /no dose count with 'once'/],
  ];
  for (const [text, column, expected] of cases) {
    it(JSON.stringify(text), () => {
      assert.throws(
        () => parseRegimen(text),
        (err: unknown) => {
          assert.ok(err instanceof RegimenSyntaxError, String(err));
          assert.ok(err instanceof InputError);
          assert.equal(err.column, column, err.message);
          assert.match(err.message, expected);
          assert.ok(err.message.includes(`\n  ${text}\n  ${" ".repeat(column - 1)}^`), err.message);
          assert.equal(err.field, "regimen");
          return true;
        },
      );
    });
  }
});

describe("printRegimen ∘ parseRegimen round-trip (property)", () => {
  const drugName = fc.constantFrom("nivolumab", "ipilimumab", "pembrolizumab", "atezolizumab");
  const amount = fc.integer({ min: 1, max: 500_000 }).map((k) => k / 100);
  const schedule = fc.oneof(
    fc.constant({ kind: "once" as const }),
    fc.record({
      kind: fc.constant("every" as const),
      n: fc.integer({ min: 1, max: 60 }),
      unit: fc.constantFrom("week" as const, "day" as const),
    }),
  );
  const component = fc
    .record(
      {
        drug: drugName,
        amount,
        unit: fc.constantFrom("mg" as const, "mg/kg" as const),
        schedule,
        count: fc.integer({ min: 1, max: 30 }),
        fromDay: fc.integer({ min: 0, max: 4000 }).map((k) => k / 4),
        infusion: fc.record({
          value: fc.integer({ min: 1, max: 600 }).map((k) => k / 2),
          unit: fc.constantFrom("min" as const, "h" as const),
        }),
      },
      { requiredKeys: ["amount", "unit", "schedule"] },
    )
    .map((generated) => {
      // fast-check records have a null prototype; rebuild as plain objects like the parser's.
      const c = { ...generated, schedule: { ...generated.schedule } };
      if (c.infusion) c.infusion = { ...c.infusion };
      if (c.schedule.kind === "once") delete c.count;
      return c;
    });
  const regimen: fc.Arbitrary<Regimen> = fc
    .array(fc.array(component, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 })
    .map((phases) => ({ phases: phases.map((components) => ({ components })) }));

  it("parse(print(r)) deep-equals r", () => {
    fc.assert(
      fc.property(regimen, (r) => {
        assert.deepEqual(parseRegimen(printRegimen(r)), r);
      }),
      { numRuns: 500 },
    );
  });
});
