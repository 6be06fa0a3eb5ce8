import type { Command } from "commander";
import { register as pk } from "./pk.js";
import { register as verify } from "./verify.js";

/** Every CLI command, in the order `cryoimmune --help` lists them. Add one line per command file. */
export const commands: ((program: Command) => void)[] = [pk, verify];
