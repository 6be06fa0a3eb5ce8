/**
 * SplitMix64 (Steele, Lea & Flood 2014; constants as in Vigna's reference splitmix64.c): a 64-bit mixer
 * used only to turn (seed, stream index) into generator states. BigInt is used here, at seeding time only;
 * the generators themselves run on 32-bit integers.
 */
const MASK64 = (1n << 64n) - 1n;
const GOLDEN = 0x9e3779b97f4a7c15n;

/** The SplitMix64 output for state x (after adding the golden gamma), as an unsigned 64-bit bigint. */
export function splitmix64Mix(x: bigint): bigint {
  let z = (x + GOLDEN) & MASK64;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return z ^ (z >> 31n);
}

/** n consecutive SplitMix64 outputs from state x, each split into two unsigned 32-bit words (high, low). */
export function splitmix64Words(x: bigint, n: number): Uint32Array {
  const out = new Uint32Array(2 * n);
  let s = x & MASK64;
  for (let i = 0; i < n; i++) {
    const z = splitmix64Mix(s);
    s = (s + GOLDEN) & MASK64;
    out[2 * i] = Number(z >> 32n);
    out[2 * i + 1] = Number(z & 0xffffffffn);
  }
  return out;
}

/** Canonical 64-bit form of a user seed: a safe integer or a bigint, reduced mod 2^64. */
export function seedToBigInt(seed: number | bigint): bigint {
  return (typeof seed === "bigint" ? seed : BigInt(seed)) & MASK64;
}
