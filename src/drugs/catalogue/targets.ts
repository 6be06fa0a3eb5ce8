/**
 * Checkpoint targets as data. A new target (and the drugs against it) is added by appending a record
 * here and a drug file beside it; no code changes. Receptor densities and turnover rates are rarely
 * published for human cells in vivo: what is not known is marked so.
 */
import type { TargetRecord } from "../types.js";
import { unknown } from "./record-builders.js";
import { REVIEW_28 } from "./sources.js";

const NOT_FOUND = "no checked human value; needed only for a full TMDD model";

export const TARGETS: readonly TargetRecord[] = [
  {
    name: "PD-1",
    id: "pd1",
    aliases: ["PDCD1", "CD279"],
    ligands: ["PD-L1", "PD-L2"],
    expressingCells: [
      "activated and exhausted CD8+ and CD4+ T cells",
      "regulatory T cells",
      "B cells",
      "NK cells",
    ],
    receptorsPerCell: unknown("1/cell", NOT_FOUND),
    turnoverHalfLifeHours: unknown("h", NOT_FOUND),
    internalisationHalfLifeHours: unknown("h", NOT_FOUND),
    evidence: ["review:25"],
    description:
      "Inhibitory receptor on T cells; blocked by nivolumab, pembrolizumab, cemiplimab and others.",
  },
  {
    name: "PD-L1",
    id: "pdl1",
    aliases: ["CD274", "B7-H1"],
    ligands: ["PD-1", "CD80"],
    expressingCells: ["tumour cells", "macrophages", "dendritic cells", "activated T cells"],
    receptorsPerCell: unknown("1/cell", NOT_FOUND),
    turnoverHalfLifeHours: unknown("h", NOT_FOUND),
    internalisationHalfLifeHours: unknown("h", NOT_FOUND),
    evidence: ["review:25"],
    description: "Ligand of PD-1 on tumour and myeloid cells; blocked by atezolizumab and durvalumab.",
  },
  {
    name: "CTLA-4",
    id: "ctla4",
    aliases: ["CD152"],
    ligands: ["CD80", "CD86"],
    expressingCells: ["regulatory T cells (highest, intratumoural)", "activated conventional T cells"],
    receptorsPerCell: unknown("1/cell", NOT_FOUND),
    turnoverHalfLifeHours: unknown(
      "h",
      "CTLA-4 cycles rapidly between surface and endosomes; no checked half-life",
    ),
    internalisationHalfLifeHours: unknown("h", NOT_FOUND),
    evidence: ["review:25"],
    description:
      "Inhibitory receptor competing with CD28 for B7 ligands; blocked by ipilimumab and tremelimumab.",
  },
  {
    name: "LAG-3",
    id: "lag3",
    aliases: ["CD223"],
    ligands: ["MHC class II", "FGL1"],
    expressingCells: ["activated and exhausted T cells", "regulatory T cells", "NK cells"],
    receptorsPerCell: unknown("1/cell", NOT_FOUND),
    turnoverHalfLifeHours: unknown("h", NOT_FOUND),
    internalisationHalfLifeHours: unknown("h", NOT_FOUND),
    evidence: ["review:28"],
    description: `Next-generation checkpoint (${REVIEW_28().citation}); relatlimab.`,
  },
  {
    name: "TIM-3",
    id: "tim3",
    aliases: ["HAVCR2", "CD366"],
    ligands: ["galectin-9", "CEACAM1", "HMGB1", "phosphatidylserine"],
    expressingCells: ["exhausted CD8+ T cells", "regulatory T cells", "dendritic cells", "NK cells"],
    receptorsPerCell: unknown("1/cell", NOT_FOUND),
    turnoverHalfLifeHours: unknown("h", NOT_FOUND),
    internalisationHalfLifeHours: unknown("h", NOT_FOUND),
    evidence: ["review:28"],
    description: "Next-generation checkpoint; binds HMGB1, a DAMP released after cryoablation.",
  },
  {
    name: "TIGIT",
    id: "tigit",
    aliases: ["VSIG9"],
    ligands: ["CD155 (PVR)", "CD112"],
    expressingCells: ["T cells", "regulatory T cells", "NK cells"],
    receptorsPerCell: unknown("1/cell", NOT_FOUND),
    turnoverHalfLifeHours: unknown("h", NOT_FOUND),
    internalisationHalfLifeHours: unknown("h", NOT_FOUND),
    evidence: ["review:28"],
    description: "Next-generation checkpoint competing with CD226 for CD155.",
  },
];
