/**
 * One virtual patient's parameter values: every parameter of a compiled model that declares a
 * between-patient distribution, drawn from it, in parameter order from one random stream (same stream,
 * same patient). Log-normal: the declared value is the median (value · exp(ω·z), ω² = ln(1 + cv²), the
 * NONMEM convention also used by samplePkPatient); normal: mean value, the declared sd; uniform and
 * log-uniform: between their min and max. A draw outside the parameter's own [min, max] is drawn again
 * (a truncated distribution); after MAX_REDRAWS an InputError names the parameter (its distribution
 * hardly overlaps its range). Parameters without a distribution keep their value (not returned).
 * Browser-safe; independent draws (no correlation between parameters).
 */
import { InputError } from "../errors.js";
import type { RandomStream } from "../numerics/rng/index.js";
import type { CompiledParameter } from "./compiled.js";
import type { Distribution } from "./types.js";

const MAX_REDRAWS = 1000;

function draw(d: Distribution, value: number, rng: RandomStream): number {
  switch (d.kind) {
    case "lognormal":
      return value * Math.exp(Math.sqrt(Math.log1p(d.cv * d.cv)) * rng.normal());
    case "normal":
      return rng.normal(value, d.sd);
    case "uniform":
      return rng.uniformIn(d.min, d.max);
    case "loguniform":
      return Math.exp(rng.uniformIn(Math.log(d.min), Math.log(d.max)));
  }
}

/** Values of the parameters with a distribution, by name, for simulatePatient's `params`. */
export function sampleParameters(
  model: { parameters: readonly CompiledParameter[] },
  rng: RandomStream,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of model.parameters) {
    const d = p.distribution;
    if (!d) continue;
    const lo = p.min ?? Number.NEGATIVE_INFINITY;
    const hi = p.max ?? Number.POSITIVE_INFINITY;
    let v = draw(d, p.value, rng);
    for (let k = 0; !(v >= lo && v <= hi); k++) {
      if (k >= MAX_REDRAWS)
        throw new InputError(
          `${p.name}.distribution`,
          d,
          `a distribution that overlaps the parameter's range [${lo}, ${hi}]`,
        );
      v = draw(d, p.value, rng);
    }
    out[p.name] = v;
  }
  return out;
}
