/**
 * Building the benchmarks' C drivers with gcc, against SUNDIALS (Debian's libsundials-dev, SUNDIALS 6.4)
 * where they use it: one place for bench/ode.bench.ts, bench/immune-cvode.bench.ts and the C-model test.
 * A missing gcc, missing headers or libraries is no exception here: the driver is then absent and the
 * result says why (`reason`); benchmarks skip and say so, the test fails on it.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Directory for built drivers and generated sources (outside the repository). */
export function benchBuildDir(): string {
  const dir = join(tmpdir(), "cryoimmune-bench");
  mkdirSync(dir, { recursive: true });
  return dir;
}

export const CVODE_DENSE_LIBS = [
  "-lsundials_cvode",
  "-lsundials_nvecserial",
  "-lsundials_sunlinsoldense",
  "-lsundials_sunmatrixdense",
];
export const CVODE_KLU_LIBS = ["-lsundials_sunlinsolklu", "-lsundials_sunmatrixsparse", "-lklu"];

export type BuildResult = { exe: string; reason?: undefined } | { exe: null; reason: string };

/**
 * gcc -O2 -o <dir>/<name> <source> [-I dir …] <libs> -lm (dir: benchBuildDir()). KLU's headers live in
 * /usr/include/suitesparse on Debian; that directory is added when present.
 */
export function buildCDriver(
  name: string,
  source: string,
  libs: string[],
  includeDirs: string[] = [],
  dir = benchBuildDir(),
): BuildResult {
  const exe = join(dir, name);
  const includes = [...includeDirs, "/usr/include/suitesparse"]
    .filter((d) => existsSync(d))
    .flatMap((d) => ["-I", d]);
  try {
    execFileSync("gcc", ["-O2", "-o", exe, source, ...includes, ...libs, "-lm"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (e) {
    const err = e as Error & { stderr?: Buffer; code?: string };
    const detail =
      err.code === "ENOENT"
        ? "gcc not found"
        : (err.stderr
            ?.toString()
            .split("\n")
            .find((l) => /error/.test(l)) ?? err.message.split("\n")[0]);
    return {
      exe: null,
      reason: `${name} not built (${detail}); needs gcc${libs.length ? " and libsundials-dev" : ""}`,
    };
  }
  return existsSync(exe) ? { exe } : { exe: null, reason: `${name} not built (no executable written)` };
}
