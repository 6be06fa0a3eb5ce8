/**
 * Column groups for finite-difference Jacobians (Curtis, Powell & Reid 1974): columns that share no
 * nonzero row can be perturbed together, so one f evaluation serves the whole group. Greedy colouring in
 * column order over the learnt sparsity mask (row-major n×n).
 */
export class ColumnColoring {
  /** Columns of group g: cols[groupStart[g] .. groupStart[g+1]). */
  readonly groupStart: Int32Array;
  readonly cols: Int32Array;
  /** Rows with a nonzero in column j: rows[rowStart[j] .. rowStart[j+1]). */
  readonly rowStart: Int32Array;
  readonly rows: Int32Array;
  readonly groups: number;

  constructor(n: number, mask: Uint8Array) {
    const rowLists: number[][] = [];
    for (let j = 0; j < n; j++) {
      const list: number[] = [];
      for (let i = 0; i < n; i++) if (mask[i * n + j] !== 0) list.push(i);
      rowLists.push(list);
    }
    const color = new Int32Array(n).fill(-1);
    const rowColorUsed: Int32Array[] = []; // per color: rows already touched (as a stamp array)
    let groups = 0;
    for (let j = 0; j < n; j++) {
      let c = 0;
      for (; c < groups; c++) {
        const used = rowColorUsed[c];
        let clash = false;
        for (const i of rowLists[j])
          if (used[i] === 1) {
            clash = true;
            break;
          }
        if (!clash) break;
      }
      if (c === groups) {
        rowColorUsed.push(new Int32Array(n));
        groups++;
      }
      color[j] = c;
      for (const i of rowLists[j]) rowColorUsed[c][i] = 1;
    }
    const groupLists: number[][] = Array.from({ length: groups }, () => []);
    for (let j = 0; j < n; j++) groupLists[color[j]].push(j);
    this.groups = groups;
    this.groupStart = new Int32Array(groups + 1);
    for (let g = 0; g < groups; g++) this.groupStart[g + 1] = this.groupStart[g] + groupLists[g].length;
    this.cols = Int32Array.from(groupLists.flat());
    this.rowStart = new Int32Array(n + 1);
    for (let j = 0; j < n; j++) this.rowStart[j + 1] = this.rowStart[j] + rowLists[j].length;
    this.rows = Int32Array.from(rowLists.flat());
  }
}
