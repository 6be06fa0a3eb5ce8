/**
 * The structural nonzero pattern of a Jacobian, learnt from the Jacobians actually evaluated (their union)
 * or declared by the problem, and the symbolic LU factorisation of d·I − J for that pattern: a
 * minimum-degree ordering of the symmetrised pattern (greedy, exact degrees; Tinney & Walker 1967 scheme 2),
 * the exact (unsymmetric) filled pattern of L + U for diagonal pivots in that order, its compressed row
 * storage and the precomputed index lists of one numeric factorisation (so that refactorising on the fixed
 * pattern is a loop over index arrays; cf. the "static pivoting" codes, Duff, Erisman & Reid 2017, §10.6).
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

/**
 * Symbolic LU of d·I − J in a fill-reducing symmetric order, diagonal pivots. The factors are stored in
 * compressed rows of the permuted matrix (row q of L + U: columns ascending, L part, diagonal, U part), so
 * both triangular solves run through memory in order.
 */
export class SymbolicLu {
  /** perm[q] = original index of permuted index q. */
  readonly perm: Int32Array;
  readonly invPerm: Int32Array;
  /** Compressed rows of the filled pattern: row q holds positions rowStart[q] .. rowStart[q+1]−1. */
  readonly rowStart: Int32Array;
  /** Permuted column of each stored entry. */
  readonly col: Int32Array;
  /** Position of the diagonal entry of row q (L part before it, U part after it). */
  readonly diag: Int32Array;
  /** Stored entries (L + U, diagonal included). */
  readonly nnz: number;
  /**
   * Column k of L: positions lPos[lStart[k]] .. lPos[lStart[k+1]−1] of the entries below the pivot, rows
   * ascending. One numeric factorisation is, for each pivot k, each of these entries l_ik and each entry u_kj
   * of row k's U part (in order): lu[update[op++]] −= l_ik·u_kj, where update holds the position of (i, j).
   */
  readonly lStart: Int32Array;
  readonly lPos: Int32Array;
  readonly update: Int32Array;
  /** J positions (original row-major) that are structurally nonzero, and their positions in the factor storage. */
  readonly src: Int32Array;
  readonly dst: Int32Array;
  /** Entries of L + U (filled pattern) divided by n². */
  readonly density: number;
  /** Multiply–adds of one numeric factorisation (the length of update). */
  readonly factorOps: number;

  constructor(
    readonly n: number,
    mask: Uint8Array,
  ) {
    const perm = minimumDegreeOrder(n, mask);
    const invPerm = new Int32Array(n);
    for (let q = 0; q < n; q++) invPerm[perm[q]] = q;
    // exact filled pattern of the permuted matrix (diagonal included) by symbolic elimination:
    // pivot k joins every row i > k with an entry in column k to the columns j > k of row k
    const filled = new Uint8Array(n * n);
    for (let i = 0; i < n; i++) {
      filled[i * n + i] = 1;
      for (let j = 0; j < n; j++) if (mask[perm[i] * n + perm[j]] !== 0) filled[i * n + j] = 1;
    }
    const rightOf: number[] = [];
    for (let k = 0; k < n; k++) {
      rightOf.length = 0;
      for (let j = k + 1; j < n; j++) if (filled[k * n + j] !== 0) rightOf.push(j);
      for (let i = k + 1; i < n; i++)
        if (filled[i * n + k] !== 0) for (const j of rightOf) filled[i * n + j] = 1;
    }
    // compressed rows, and the position of every (i, j) of the pattern
    const posOf = new Int32Array(n * n).fill(-1);
    const rowStart = new Int32Array(n + 1);
    const diag = new Int32Array(n);
    const cols: number[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++)
        if (filled[i * n + j] !== 0) {
          if (j === i) diag[i] = cols.length;
          posOf[i * n + j] = cols.length;
          cols.push(j);
        }
      rowStart[i + 1] = cols.length;
    }
    // columns of L and the update list of one factorisation
    const lStart = new Int32Array(n + 1);
    const lPos: number[] = [];
    const update: number[] = [];
    for (let k = 0; k < n; k++) {
      const u0 = diag[k] + 1;
      const u1 = rowStart[k + 1];
      for (let i = k + 1; i < n; i++) {
        const p = posOf[i * n + k];
        if (p < 0) continue;
        lPos.push(p);
        for (let q = u0; q < u1; q++) update.push(posOf[i * n + cols[q]]);
      }
      lStart[k + 1] = lPos.length;
    }
    const src: number[] = [];
    const dst: number[] = [];
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++)
        if (mask[i * n + j] !== 0) {
          src.push(i * n + j);
          dst.push(posOf[invPerm[i] * n + invPerm[j]]);
        }
    this.perm = perm;
    this.invPerm = invPerm;
    this.rowStart = rowStart;
    this.col = Int32Array.from(cols);
    this.diag = diag;
    this.nnz = cols.length;
    this.lStart = lStart;
    this.lPos = Int32Array.from(lPos);
    this.update = Int32Array.from(update);
    this.src = Int32Array.from(src);
    this.dst = Int32Array.from(dst);
    this.density = cols.length / (n * n);
    this.factorOps = update.length;
  }
}

/**
 * Greedy minimum-degree order of the symmetrised pattern with exact degrees on the elimination graph
 * (fill added as nodes are eliminated; ties to the lowest index). perm[q] = original index eliminated q-th.
 */
function minimumDegreeOrder(n: number, mask: Uint8Array): Int32Array {
  const adj = new Uint8Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      if (i === j || mask[i * n + j] !== 0 || mask[j * n + i] !== 0) adj[i * n + j] = 1;
  const eliminated = new Uint8Array(n);
  const degree = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let d = 0;
    for (let j = 0; j < n; j++) if (j !== i && adj[i * n + j]) d++;
    degree[i] = d;
  }
  const perm = new Int32Array(n);
  const nb: number[] = [];
  for (let q = 0; q < n; q++) {
    let best = -1;
    for (let i = 0; i < n; i++) if (!eliminated[i] && (best < 0 || degree[i] < degree[best])) best = i;
    perm[q] = best;
    eliminated[best] = 1;
    // neighbours of best among the remaining nodes become a clique
    nb.length = 0;
    for (let j = 0; j < n; j++) if (!eliminated[j] && adj[best * n + j]) nb.push(j);
    for (const a of nb)
      for (const b of nb)
        if (a !== b && !adj[a * n + b]) {
          adj[a * n + b] = 1;
          degree[a]++;
        }
    for (const a of nb) degree[a]--;
  }
  return perm;
}
