import { InputError } from "../errors.js";

/**
 * How the CLI reports errors: one clear line on stderr and a non-zero exit code. Bad input (any
 * InputError, or an error class with `userFacing = true`) exits 2 without a stack trace; anything
 * unexpected exits 1 and keeps its stack for the bug report.
 */
export function reportCliError(err: unknown): number {
  if (err instanceof InputError || (err as { userFacing?: boolean } | null)?.userFacing === true) {
    process.stderr.write(`cryoimmune: ${(err as Error).message}\n`);
    return 2;
  }
  const text = err instanceof Error ? (err.stack ?? err.message) : String(err);
  process.stderr.write(`cryoimmune: unexpected error: ${text}\n`);
  return 1;
}
