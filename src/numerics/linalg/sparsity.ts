/**
 * The structural nonzero pattern of a Jacobian, learnt from the Jacobians actually evaluated (their union),
 * and the symbolic LU factorisation of d·I − J for that pattern: a minimum-degree ordering of the
 * symmetrised pattern (greedy, exact degrees; Tinney & Walker 1967 scheme 2) and the filled pattern of L + U.
 */

export class SparsityTracker {
  /** mask[i*n + j] = 1 when J_ij has been nonzero in some evaluated Jacobian. */
  readonly mask: Uint8Array;
  /** Incremented whenever the mask grows. */
  version = 0;
  constructor(readonly n: number) {
    this.mask = new Uint8Array(n * n);
  }

  /** Adds the row-major positions i*n + j to the pattern (a declared structure); true when it grew. */
  declare(positions: ArrayLike<number>): boolean {
    const mask = this.mask;
    let grew = false;
    for (let k = 0; k < positions.length; k++) {
      const p = positions[k];
      if (mask[p] === 0) {
        mask[p] = 1;
        grew = true;
      }
    }
    if (grew) this.version++;
    return grew;
  }

  /** Adds J's nonzeros (NaN counts as nonzero); returns true when the pattern grew. */
  observe(J: Float64Array): boolean {
    const mask = this.mask;
    let grew = false;
    for (let p = 0; p < mask.length; p++) {
      if (mask[p] === 0 && J[p] !== 0) {
        mask[p] = 1;
        grew = true;
      }
    }
    if (grew) this.version++;
    return grew;
  }
}

/** Symbolic LU of d·I − J in a fill-reducing symmetric order; storage is a dense permuted n×n array. */
export class SymbolicLu {
  /** perm[q] = original index of permuted index q. */
  readonly perm: Int32Array;
  readonly invPerm: Int32Array;
  /** For pivot k: permuted rows i > k with L_ik structurally nonzero (CSR-like: start[k]..start[k+1]). */
  readonly belowStart: Int32Array;
  readonly below: Int32Array;
  /** For pivot k: permuted columns j > k with U_kj structurally nonzero. */
  readonly rightStart: Int32Array;
  readonly right: Int32Array;
  /** Every position (permuted, row-major) of the filled pattern, to clear before scattering. */
  readonly filled: Int32Array;
  /** J positions (original row-major) that are structurally nonzero, and where they go in permuted storage. */
  readonly src: Int32Array;
  readonly dst: Int32Array;
  /** Permuted-storage position of the diagonal entry of permuted row q. */
  readonly diag: Int32Array;
  /** Entries of L + U (filled pattern) divided by n². */
  readonly density: number;
  /** Multiply–adds of one numeric factorisation. */
  readonly factorOps: number;

  constructor(
    readonly n: number,
    mask: Uint8Array,
  ) {
    // symmetrised adjacency with the diagonal
    const adj = new Uint8Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++)
        if (i === j || mask[i * n + j] !== 0 || mask[j * n + i] !== 0) adj[i * n + j] = 1;
    // greedy minimum degree on the elimination graph (fill added as nodes are eliminated)
    const eliminated = new Uint8Array(n);
    const degree = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let d = 0;
      for (let j = 0; j < n; j++) if (j !== i && adj[i * n + j]) d++;
      degree[i] = d;
    }
    const perm = new Int32Array(n);
    const filledAdj = adj.slice();
    for (let q = 0; q < n; q++) {
      let best = -1;
      for (let i = 0; i < n; i++) if (!eliminated[i] && (best < 0 || degree[i] < degree[best])) best = i;
      perm[q] = best;
      eliminated[best] = 1;
      // neighbours of best among the remaining nodes become a clique
      const nb: number[] = [];
      for (let j = 0; j < n; j++) if (!eliminated[j] && filledAdj[best * n + j]) nb.push(j);
      for (const a of nb)
        for (const b of nb)
          if (a !== b && !filledAdj[a * n + b]) {
            filledAdj[a * n + b] = 1;
            degree[a]++;
          }
      for (const a of nb) degree[a]--;
    }
    const invPerm = new Int32Array(n);
    for (let q = 0; q < n; q++) invPerm[perm[q]] = q;
    // filled pattern in permuted order (symmetric)
    const belowLists: number[][] = [];
    const rightLists: number[][] = [];
    const filled: number[] = [];
    let ops = 0;
    for (let k = 0; k < n; k++) {
      const ok = perm[k];
      const list: number[] = [];
      for (let i = k + 1; i < n; i++) if (filledAdj[ok * n + perm[i]]) list.push(i);
      belowLists.push(list);
      rightLists.push(list.slice());
      ops += list.length * list.length;
    }
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) if (i === j || filledAdj[perm[i] * n + perm[j]]) filled.push(i * n + j);
    const flatten = (lists: number[][]): [Int32Array, Int32Array] => {
      const start = new Int32Array(n + 1);
      for (let k = 0; k < n; k++) start[k + 1] = start[k] + lists[k].length;
      const flat = new Int32Array(start[n]);
      for (let k = 0; k < n; k++) flat.set(lists[k], start[k]);
      return [start, flat];
    };
    [this.belowStart, this.below] = flatten(belowLists);
    [this.rightStart, this.right] = flatten(rightLists);
    const src: number[] = [];
    const dst: number[] = [];
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++)
        if (mask[i * n + j] !== 0) {
          src.push(i * n + j);
          dst.push(invPerm[i] * n + invPerm[j]);
        }
    this.perm = perm;
    this.invPerm = invPerm;
    this.filled = Int32Array.from(filled);
    this.src = Int32Array.from(src);
    this.dst = Int32Array.from(dst);
    this.diag = Int32Array.from({ length: n }, (_, q) => q * n + q);
    this.density = filled.length / (n * n);
    this.factorOps = ops;
  }
}
