/**
 * Seedable, splittable random streams for virtual patients.
 * Generator: xoshiro128** 1.1 (Blackman & Vigna 2018, "Scrambled linear pseudorandom number generators"),
 * 128-bit state, period 2^128 − 1, pure 32-bit arithmetic (Math.imul). State from SplitMix64.
 * Streams: stream(seed, i) hashes (seed, i) through SplitMix64 into a fresh state, so stream i depends only
 * on the seed and i, never on how many workers or in which order streams are created (the approach of
 * NumPy's SeedSequence: independent hashed states; overlap of two streams of length L has probability
 * about L²·2^-128).
 * Doubles: 53 random bits in [0, 1). Normals: Marsaglia's polar method (1964), both variates used.
 */
import { InputError } from "../../errors.js";
import { seedToBigInt, splitmix64Mix, splitmix64Words } from "./splitmix64.js";

const TWO_POW_M53 = 1 / 9007199254740992;

export class RandomStream {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare = 0;
  private hasSpare = false;

  /** Use createRng / stream; state words must not all be zero. */
  constructor(private readonly key: bigint) {
    const w = splitmix64Words(key, 2);
    this.s0 = w[0] | 0;
    this.s1 = w[1] | 0;
    this.s2 = w[2] | 0;
    this.s3 = w[3] | 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** A stream with the given raw xoshiro128** state (for tests against the reference outputs). */
  static fromState(s0: number, s1: number, s2: number, s3: number): RandomStream {
    const r = new RandomStream(0n);
    r.s0 = s0 | 0;
    r.s1 = s1 | 0;
    r.s2 = s2 | 0;
    r.s3 = s3 | 0;
    return r;
  }

  /** Next unsigned 32-bit integer (xoshiro128**). */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9);
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result >>> 0;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  uniform(): number {
    const a = this.nextUint32() >>> 5; // 27 bits
    const b = this.nextUint32() >>> 6; // 26 bits
    return (a * 67108864 + b) * TWO_POW_M53;
  }

  /** Uniform double in [lo, hi). */
  uniformIn(lo: number, hi: number): number {
    return lo + (hi - lo) * this.uniform();
  }

  /** Standard normal by Marsaglia's polar method (the second variate is kept for the next call). */
  normal(mean = 0, sd = 1): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return mean + sd * this.spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * m;
    this.hasSpare = true;
    return mean + sd * u * m;
  }

  /** Lognormal: exp(mu + sigma·Z), mu and sigma of the underlying normal. */
  lognormal(mu: number, sigma: number): number {
    return Math.exp(mu + sigma * this.normal());
  }

  /** Integer in [0, n) (n ≤ 2^32) without modulo bias (rejection). */
  int(n: number): number {
    const limit = 4294967296 - (4294967296 % n);
    let x: number;
    do x = this.nextUint32();
    while (x >= limit);
    return x % n;
  }

  /** Child stream i of this stream's key: independent of draws already taken from this stream. */
  split(index: number): RandomStream {
    return new RandomStream(streamKey(this.key, index));
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

function checkSeed(field: string, seed: number | bigint): void {
  if (typeof seed === "bigint") return;
  if (typeof seed !== "number" || !Number.isSafeInteger(seed))
    throw new InputError(field, seed, "an integer seed (safe integer or bigint)");
}

function streamKey(key: bigint, index: number): bigint {
  if (!Number.isSafeInteger(index) || index < 0)
    throw new InputError("index", index, "a non-negative integer stream index");
  // hash the seed and the index separately, then combine and hash again
  return splitmix64Mix(splitmix64Mix(key) ^ splitmix64Mix(BigInt(index) + 0x632be59bd9b4e019n));
}

/** A stream from a seed (the "root" stream). */
export function createRng(seed: number | bigint): RandomStream {
  checkSeed("seed", seed);
  return new RandomStream(splitmix64Mix(seedToBigInt(seed)));
}

/** Stream number index of a seed: depends only on (seed, index). Use one per virtual patient. */
export function stream(seed: number | bigint, index: number): RandomStream {
  checkSeed("seed", seed);
  return new RandomStream(streamKey(splitmix64Mix(seedToBigInt(seed)), index));
}
