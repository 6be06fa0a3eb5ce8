/**
 * `cryoimmune model [NAME]`: what a model contains.
 *   cryoimmune model --list                       names of the registered models
 *   cryoimmune model [NAME]                       a summary (species, parameters, processes)
 *   cryoimmune model [NAME] --markdown [--out F]  the model reference as Markdown, written to
 *                                                 docs/model-reference.md (or F)
 * NAME defaults to the first registered model.
 */
import type { Command } from "commander";
import { compileModel } from "../../model/compile.js";
import { printExpr } from "../../model/expr/print.js";
import { modelReferenceMarkdown } from "../../model/reference-markdown.js";
import { getModel, MODEL_REGISTRY, modelNames } from "../../model/registry.js";
import { writeFileAtomic } from "../output.js";

export const MODEL_REFERENCE_PATH = "docs/model-reference.md";

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
    .option("--markdown", `write the model reference as Markdown (default file ${MODEL_REFERENCE_PATH})`)
    .option("--out <file>", "output file for --markdown")
    .action((name: string | undefined, options: ModelCliOptions) => {
      if (options.list) {
        process.stdout.write(`${modelNames().join("\n")}\n`);
        return;
      }
      const decl = getModel(name);
      if (options.markdown) {
        const file = options.out ?? MODEL_REFERENCE_PATH;
        writeFileAtomic(file, modelReferenceMarkdown(decl));
        process.stdout.write(`wrote ${file}\n`);
        return;
      }
      const m = compileModel(decl);
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
