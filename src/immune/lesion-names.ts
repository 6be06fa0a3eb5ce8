/**
 * Per-lesion names. A patient's model has one slot per lesion (l1, l2, …) whatever the lesions are
 * called in the scenario, so that every patient with the same number of lesions shares one compiled
 * model; the scenario's lesion ids are mapped onto slots when a trajectory is reported.
 */

/** The tag of lesion slot `slot` (0-based): "l1", "l2", … */
export function lesionTag(slot: number): string {
  return `l${slot + 1}`;
}

/** `base` for lesion slot `slot`, e.g. at("CD8", 0) → "CD8_l1". */
export function at(base: string, slot: number): string {
  return `${base}_${lesionTag(slot)}`;
}

/** The slots 0 … count-1. */
export function slots(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}

/** A sum over lesions, e.g. sumOver(2, s => at("C", s)) → "(C_l1 + C_l2)". */
export function sumOver(count: number, term: (slot: number) => string): string {
  return `(${slots(count).map(term).join(" + ")})`;
}
