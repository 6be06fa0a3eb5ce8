/** One piece of evidence a process or parameter can cite. Plain data; browser-safe. */
export interface EvidenceRecord {
  /** "review:22" for reference [22] of the review; a short key like "sove2020" for a primary paper. */
  id: string;
  kind: "review-reference" | "paper" | "database";
  /** Bibliographic fields; "unknown" where the source text does not give them (never guessed). */
  authors: string;
  title: string;
  journal: string;
  year: number | "unknown";
  volumePages?: string;
  doi?: string;
  pmid?: string;
  /** What the cited work supports, in our words. */
  claims: string[];
  /** Where the information comes from and how it was checked. */
  note?: string;
}
