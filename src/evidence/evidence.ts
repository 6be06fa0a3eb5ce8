/**
 * The evidence registry: the review's references ("review:1" … "review:59") and primary papers by short
 * id. Browser-safe; built once at module load (immutable thereafter).
 */
import { InputError } from "../errors.js";
import { PAPERS } from "./papers.js";
import { REVIEW_REFERENCES } from "./review.js";
import type { EvidenceRecord } from "./types.js";

function buildRegistry(records: readonly EvidenceRecord[]): ReadonlyMap<string, EvidenceRecord> {
  const map = new Map<string, EvidenceRecord>();
  for (const r of records) {
    if (map.has(r.id)) throw new Error(`evidence id "${r.id}" is declared twice (src/evidence)`);
    map.set(r.id, r);
  }
  return map;
}

const registry = buildRegistry([...REVIEW_REFERENCES, ...PAPERS]);

export function hasEvidence(id: string): boolean {
  return registry.has(id);
}

/** The record for an id; InputError for an unknown id. */
export function evidence(id: string): EvidenceRecord {
  const r = registry.get(id);
  if (!r)
    throw new InputError(
      "evidence",
      id,
      'a known evidence id ("review:1"…"review:59" or a paper id in src/evidence/papers.ts)',
    );
  return r;
}

/** Every record: review references in order, then papers. */
export function allEvidence(): readonly EvidenceRecord[] {
  return [...registry.values()];
}

/** One-line citation for documents: authors, year, title, journal (or the review reference note). */
export function citationText(r: EvidenceRecord): string {
  if (r.kind === "review-reference")
    return `Review reference [${r.id.slice("review:".length)}] (bibliographic details not given in the review text)`;
  const where = r.volumePages ? ` ${r.volumePages}` : "";
  return `${r.authors}${r.year === "unknown" ? "" : ` (${r.year})`}. ${r.title}. ${r.journal}${where}.${r.doi ? ` doi:${r.doi}` : ""}${r.pmid ? ` PMID:${r.pmid}` : ""}`;
}
