/**
 * The structural nonzero pattern of a Jacobian, learnt from the Jacobians actually evaluated (their union)
 * or declared by the problem, and the symbolic LU factorisation of d·I − J for that pattern: a greedy
 * minimum-fill pivot order on the unsymmetric pattern (diagonal pivots), the exact filled pattern of L + U
 * in that order, its compressed row storage and the precomputed index lists of one numeric factorisation
 * (so that refactorising on the fixed pattern is a loop over index arrays, no search).
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
 * Symbolic LU of d·I − J in a fill-reducing order (the same permutation of rows and columns: diagonal pivots). The factors are stored in
 * compressed rows of the permuted matrix (row q of L + U: columns ascending, L part, diagonal, U part), so
 * both triangular solves run through memory in order.
 */
export class SymbolicLu {
  /** perm[q] = original index of permuted index q. */
  readonly perm: Int32Array;
  readonly invPerm: Int32Array;
  /** Compressed rows of the filled pattern: row q holds positions rowStart[q] .. rowStart[q+1]−1. */
  readonly rowStart: Int32Array;
  /** Permuted column of each stored entry, and its original index perm[col[p]] (solves in original order). */
  readonly col: Int32Array;
  readonly origCol: Int32Array;
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
    /**
     * When the filled pattern holds more than this fraction of n², only perm, invPerm, nnz and density are
     * set (the other arrays are empty; nnz counts the entries found until the limit was passed): the
     * structure will not be used, so the analysis stops there and no index lists are built.
     */
    maxDensity = 1,
    /**
     * Original indices eliminated last, in this order (after every other one): variables whose diagonal
     * pivot failed the threshold test in an earlier factorisation (see SparseStructure.defer).
     */
    deferred: readonly number[] = [],
  ) {
    let given = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i === j || mask[i * n + j] !== 0) given++;
    // already too dense before any fill: no ordering either (identity; density is then that of the pattern)
    const perm =
      given > maxDensity * n * n
        ? Int32Array.from({ length: n }, (_, i) => i)
        : minimumFillOrder(n, mask, given, deferred);
    const invPerm = new Int32Array(n);
    for (let q = 0; q < n; q++) invPerm[perm[q]] = q;
    // exact filled pattern of the permuted matrix (diagonal included) by symbolic elimination:
    // pivot k joins every row i > k with an entry in column k to the columns j > k of row k
    const filled = new Uint8Array(n * n);
    for (let i = 0; i < n; i++) {
      filled[i * n + i] = 1;
      for (let j = 0; j < n; j++) if (mask[perm[i] * n + perm[j]] !== 0) filled[i * n + j] = 1;
    }
    // (stops once the count exceeds maxDensity·n²: the structure will not be used)
    const rightOf: number[] = [];
    let stored = given;
    const limit = maxDensity * n * n;
    for (let k = 0; k < n && stored <= limit; k++) {
      rightOf.length = 0;
      for (let j = k + 1; j < n; j++) if (filled[k * n + j] !== 0) rightOf.push(j);
      for (let i = k + 1; i < n; i++)
        if (filled[i * n + k] !== 0)
          for (const j of rightOf)
            if (filled[i * n + j] === 0) {
              filled[i * n + j] = 1;
              stored++;
            }
    }
    this.perm = perm;
    this.invPerm = invPerm;
    this.nnz = stored;
    this.density = stored / (n * n);
    if (this.density > maxDensity) {
      const none = new Int32Array(0);
      this.rowStart = none;
      this.col = none;
      this.origCol = none;
      this.diag = none;
      this.lStart = none;
      this.lPos = none;
      this.update = none;
      this.src = none;
      this.dst = none;
      this.factorOps = 0;
      return;
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
    let ops = 0;
    for (let k = 0; k < n; k++) {
      let below = 0;
      for (let i = k + 1; i < n; i++) if (posOf[i * n + k] >= 0) below++;
      ops += below * (rowStart[k + 1] - diag[k] - 1);
    }
    const update = new Int32Array(ops);
    let op = 0;
    for (let k = 0; k < n; k++) {
      const u0 = diag[k] + 1;
      const u1 = rowStart[k + 1];
      for (let i = k + 1; i < n; i++) {
        const p = posOf[i * n + k];
        if (p < 0) continue;
        lPos.push(p);
        for (let q = u0; q < u1; q++) update[op++] = posOf[i * n + cols[q]];
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
    this.rowStart = rowStart;
    this.col = Int32Array.from(cols);
    this.origCol = Int32Array.from(cols, (j) => perm[j]);
    this.diag = diag;
    this.lStart = lStart;
    this.lPos = Int32Array.from(lPos);
    this.update = update;
    this.src = Int32Array.from(src);
    this.dst = Int32Array.from(dst);
    this.factorOps = update.length;
  }
}

/** Above this order the pivot order uses the cheaper Markowitz count instead of the local fill. */
const MIN_FILL_MAX_N = 200;
/** … or when the pattern holds more than this fraction of n² (counting local fill gets expensive). */
const MIN_FILL_MAX_DENSITY = 0.15;

/**
 * Greedy pivot order for diagonal pivots on the unsymmetric pattern (the diagonal is always taken as
 * structurally nonzero): each step eliminates the remaining node whose elimination creates the fewest new
 * entries (minimum local fill), ties broken by the smaller Markowitz count (r − 1)(c − 1) of its row and
 * column in the active submatrix, then by the lower index (deterministic). For n > MIN_FILL_MAX_N or a
 * pattern denser than MIN_FILL_MAX_DENSITY only the Markowitz count is used (cf. Duff, Erisman & Reid, "Direct Methods for Sparse Matrices", 2nd ed. 2017, on
 * the Markowitz and minimum-fill criteria). The symmetrised minimum-degree order used before gave 959 stored
 * entries and 2666 multiply–adds per factorisation for the immune model (84 species); this order 792 and 1281.
 * Deferred nodes are eliminated last, in the order given. perm[q] = original index eliminated q-th.
 */
function minimumFillOrder(
  n: number,
  mask: Uint8Array,
  entries: number,
  deferred: readonly number[] = [],
): Int32Array {
  const a = new Uint8Array(n * n);
  // rowsOf[k]: rows i with a_ik ≠ 0; colsOf[k]: columns j with a_kj ≠ 0 (i, j ≠ k; eliminated ones skipped)
  const rowsOf: number[][] = Array.from({ length: n }, () => []);
  const colsOf: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    a[i * n + i] = 1;
    for (let j = 0; j < n; j++)
      if (i !== j && mask[i * n + j] !== 0) {
        a[i * n + j] = 1;
        colsOf[i].push(j);
        rowsOf[j].push(i);
      }
  }
  // active off-diagonal entries per row and per column (Markowitz counts, kept up to date)
  const rowCount = Int32Array.from(colsOf, (l) => l.length);
  const colCount = Int32Array.from(rowsOf, (l) => l.length);
  const done = new Uint8Array(n);
  const perm = new Int32Array(n);
  const useFill = n <= MIN_FILL_MAX_N && entries <= MIN_FILL_MAX_DENSITY * n * n;
  const rows: number[] = [];
  const cols: number[] = [];
  const active = (list: number[], out: number[]): void => {
    out.length = 0;
    for (const v of list) if (done[v] === 0) out.push(v);
  };
  const held = new Uint8Array(n);
  for (const d of deferred) held[d] = 1;
  const free = n - deferred.length;
  for (let q = 0; q < n; q++) {
    let best = -1;
    let bestFill = 0;
    let bestCount = 0;
    if (q >= free) best = deferred[q - free];
    else
      for (let k = 0; k < n; k++) {
        if (done[k] !== 0 || held[k] !== 0) continue;
        const count = colCount[k] * rowCount[k];
        let fill = 0;
        if (useFill && count > 0) {
          active(rowsOf[k], rows);
          active(colsOf[k], cols);
          for (const i of rows) {
            const ri = i * n;
            for (const j of cols) if (a[ri + j] === 0) fill++;
            if (best >= 0 && fill > bestFill) break; // cannot win: stop counting
          }
        }
        if (best < 0 || fill < bestFill || (fill === bestFill && count < bestCount)) {
          best = k;
          bestFill = fill;
          bestCount = count;
        }
      }
    perm[q] = best;
    done[best] = 1;
    active(rowsOf[best], rows);
    active(colsOf[best], cols);
    for (const i of rows) rowCount[i]--;
    for (const j of cols) colCount[j]--;
    for (const i of rows) {
      const ri = i * n;
      for (const j of cols)
        if (a[ri + j] === 0 && i !== j) {
          a[ri + j] = 1;
          colsOf[i].push(j);
          rowsOf[j].push(i);
          rowCount[i]++;
          colCount[j]++;
        }
    }
  }
  return perm;
}
