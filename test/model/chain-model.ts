/** A generated n-species chain (transit compartments with saturable and Hill steps) for tests and benchmarks. */
import type { ModelDecl, ModuleDecl } from "../../src/model/types.js";

export function chainModel(n: number): ModelDecl {
  const mod: Required<Pick<ModuleDecl, "species" | "parameters" | "processes" | "observables">> & ModuleDecl =
    {
      name: "chain",
      description: "generated",
      compartments: [
        { name: "c", size: 1, unit: "mL", description: "", source: { kind: "assumed", note: "test" } },
      ],
      species: [],
      parameters: [
        {
          name: "kin",
          value: 100,
          unit: "cell/day",
          description: "",
          source: { kind: "assumed", note: "benchmark" },
        },
        {
          name: "K",
          value: 50,
          unit: "cell",
          description: "",
          source: { kind: "assumed", note: "benchmark" },
        },
        { name: "nH", value: 2, unit: "1", description: "", source: { kind: "assumed", note: "benchmark" } },
      ],
      processes: [],
      observables: [],
    };
  for (let i = 0; i < n; i++) {
    mod.species.push({ name: `S${i}`, compartment: "c", unit: "cell", initial: 10 + i, description: "" });
    mod.parameters.push({
      name: `k${i}`,
      value: 0.5 + (i % 7) * 0.1,
      unit: "1/day",
      description: "",
      source: { kind: "assumed", note: "benchmark" },
    });
  }
  mod.processes.push({
    name: "influx",
    rate: "kin",
    changes: { S0: 1 },
    evidence: ["review:14"],
    description: "",
  });
  for (let i = 0; i < n; i++) {
    const next = i + 1 < n ? { [`S${i + 1}`]: 1 } : {};
    mod.processes.push({
      name: `step${i}`,
      rate:
        i % 3 === 0
          ? `k${i}*S${i}*mm(S${i}, K)`
          : i % 3 === 1
            ? `k${i}*S${i}*(1 - hill(S${(i + 5) % n}, K, nH))`
            : `k${i}*S${i}`,
      changes: { [`S${i}`]: -1, ...next },
      evidence: ["review:14"],
      description: "",
    });
  }
  mod.observables.push({
    name: "total",
    expression: Array.from({ length: n }, (_, i) => `S${i}`).join(" + "),
    unit: "cell",
    description: "",
  });
  return { name: `chain${n}`, description: "generated chain", modules: [mod] };
}
