/**
 * Output files are written atomically: to a temporary file beside the target, then renamed, so a
 * failed or interrupted run never leaves a partial file behind.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * Writes several files into `dir` only once all of them have been produced: the contents are computed
 * first (by the caller), then each file is written atomically.
 */
export function writeFilesAtomic(dir: string, files: Record<string, string | Uint8Array>): string[] {
  const written: string[] = [];
  for (const [name, data] of Object.entries(files)) {
    const path = join(dir, name);
    writeFileAtomic(path, data);
    written.push(path);
  }
  return written;
}
