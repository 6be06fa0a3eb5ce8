/**
 * `cryoimmune model [NAME]`: what a model contains.
 *   cryoimmune model --list                       names of the registered models
 *   cryoimmune model [NAME]                       a summary (species, parameters, processes)
 *   cryoimmune model [NAME] --markdown [--out F]  the model reference as Markdown, written to F, or
 *                                                 docs/model-reference.md for the default model
 *                                                 (cryoimmune), docs/model-reference-NAME.md for others
 * NAME defaults to the first registered model. Registered models are checked with every source
 * requirement on (REGISTERED_MODEL_CHECKS).
 */
import type { Command } from "commander";
import { compileModel } from "../../model/compile.js";
import { printExpr } from "../../model/expr/print.js";
import { modelReferenceMarkdown } from "../../model/reference-markdown.js";
import {
  DEFAULT_MODEL,
  getModel,
  MODEL_REGISTRY,
  modelNames,
  REGISTERED_MODEL_CHECKS,
} from "../../model/registry.js";
import { writeFileAtomic } from "../output.js";

export const MODEL_REFERENCE_PATH = "docs/model-reference.md";

/** Where `model NAME --markdown` writes without --out: never the default model's file for another model. */
export function modelReferencePath(name: string): string {
  return name === DEFAULT_MODEL ? MODEL_REFERENCE_PATH : `docs/model-reference-${name}.md`;
}

interface ModelCliOptions {
  list?: boolean;
  markdown?: boolean;
  out?: string;
}

export function register(program: Command): void {
  program
    .command("model")
    .description("Describe a model: species, parameters with units and sources, processes with evidence")
    .argument("[name]", `model name (default: ${MODEL_REGISTRY[0]?.name ?? "none"}); see --list`)
    .option("--list", "list the registered models")
    .option(
      "--markdown",
      `write the model reference as Markdown (default file ${MODEL_REFERENCE_PATH} for ${DEFAULT_MODEL}, docs/model-reference-NAME.md for others)`,
    )
    .option("--out <file>", "output file for --markdown")
    .action((name: string | undefined, options: ModelCliOptions) => {
      if (options.list) {
        process.stdout.write(`${modelNames().join("\n")}\n`);
        return;
      }
      const decl = getModel(name);
      if (options.markdown) {
        const file = options.out ?? modelReferencePath(name ?? DEFAULT_MODEL);
        writeFileAtomic(file, modelReferenceMarkdown(decl, REGISTERED_MODEL_CHECKS));
        process.stdout.write(`wrote ${file}\n`);
        return;
      }
      const m = compileModel(decl, REGISTERED_MODEL_CHECKS);
      const lines = [
        `${m.name}: ${m.description}`,
        `modules: ${decl.modules.map((x) => x.name).join(", ")}`,
        `species (${m.species.length}): ${m.species.map((s) => `${s.name} [${s.unit}]`).join(", ")}`,
        `parameters (${m.parameters.length}): ${m.parameters.map((p) => `${p.name} = ${p.value} ${p.unit}`).join(", ")}`,
        `processes (${m.processes.length}):`,
        ...m.processes.map(
          (p) =>
            `  ${p.name}: ${printExpr(p.rate)}  [${p.changes.map((c) => `${c.species} ${printExpr(c.coefficient)}`).join(", ")}]`,
        ),
        `observables (${m.observables.length}): ${m.observables.map((o) => o.name).join(", ") || "none"}`,
        `events (${m.events.length}): ${m.events.map((e) => e.name).join(", ") || "none"}`,
      ];
      process.stdout.write(`${lines.join("\n")}\n`);
    });
}
