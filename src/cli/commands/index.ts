import type { Command } from "commander";
import { register as ablate } from "./ablate.js";
import { register as exportCommand } from "./export.js";
import { register as model } from "./model.js";
import { register as pk } from "./pk.js";
import { register as sbml } from "./sbml.js";
import { register as simulate } from "./simulate.js";
import { register as verify } from "./verify.js";

/** Every CLI command, in the order `cryoimmune --help` lists them. Add one line per command file. */
export const commands: ((program: Command) => void)[] = [
  simulate,
  ablate,
  pk,
  model,
  exportCommand,
  sbml,
  verify,
];
