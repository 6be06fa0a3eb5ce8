import type { Command } from "commander";

/** Every CLI command, in the order `cryoimmune --help` lists them. Add one line per command file. */
export const commands: ((program: Command) => void)[] = [];
