/**
 * `cryoimmune export sbml [--model NAME] [--out FILE]`: the model as SBML Level 3 Version 2 (units,
 * compartments, species, parameters with their sources, reactions with MathML kinetic laws,
 * observables as assignment rules). Without --out the document goes to standard output.
 */
import type { Command } from "commander";
import { getModel, MODEL_REGISTRY, REGISTERED_MODEL_CHECKS } from "../../model/registry.js";
import { exportSbml } from "../../model/sbml-export.js";
import { writeFileAtomic } from "../output.js";

interface ExportSbmlOptions {
  model?: string;
  out?: string;
}

export function register(program: Command): void {
  const exp = program.command("export").description("Export a model to an exchange format");
  exp
    .command("sbml")
    .description("Write the model as SBML Level 3 Version 2")
    .option("--model <name>", `model name (default: ${MODEL_REGISTRY[0]?.name ?? "none"})`)
    .option("--out <file>", "output file (default: standard output)")
    .action((options: ExportSbmlOptions) => {
      const xml = exportSbml(getModel(options.model), REGISTERED_MODEL_CHECKS);
      if (options.out) {
        writeFileAtomic(options.out, xml);
        process.stdout.write(`wrote ${options.out}\n`);
      } else process.stdout.write(xml);
    });
}
