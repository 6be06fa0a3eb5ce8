export { allEvidence, citationText, evidence, hasEvidence } from "./evidence.js";
export type { EvidenceRecord } from "./types.js";
