#!/usr/bin/env node
/**
 * The cryoimmune command line. One file per command in ./commands; each exports `register(program)`.
 */
import { Command } from "commander";
import { commands } from "./commands/index.js";
import { reportCliError } from "./errors.js";

export function buildProgram(): Command {
  const program = new Command();
  program
    .name("cryoimmune")
    .description("In-silico laboratory for cryoablation combined with immune checkpoint inhibitors")
    .version("0.1.0")
    .showHelpAfterError();
  for (const register of commands) register(program);
  return program;
}

buildProgram()
  .parseAsync(process.argv)
  .catch((err: unknown) => {
    process.exitCode = reportCliError(err);
  });
