/**
 * Cryoablation of a lesion as an event. Its arguments are the outcome of the freeze (given in a
 * scenario, or computed by the thermal module): the killed fraction of the lesion, the necrotic share of
 * the dead (the rest apoptotic, in the partial-death rim) and the fraction of the antigen left intact
 * (freezing keeps proteins intact; heat denatures them [2][20]). Cells of every kind inside the
 * ablation zone die with the tumour; necrosis releases DAMPs [16], and the freeze starts the cryo-induced
 * suppression of TGF-β signalling [22].
 */
import type { EventDecl } from "../model/types.js";
import { at } from "./lesion-names.js";

/** Resident cells of a lesion killed with the tumour in the ablation zone. */
const RESIDENT_CELLS = ["CD8", "CD8ex", "Th", "Treg", "NK", "MDSC", "M1", "M2", "Neu", "iDC", "mDC"];

export function ablationEventName(slot: number): string {
  return at("cryoablation", slot);
}

export function ablationEvent(slot: number): EventDecl {
  const l = (b: string) => at(b, slot);
  const killedTumour = `killedFraction*(${l("C")} + ${l("Cr")})`;
  const killedNecrotic = `${killedTumour}*necroticShare`;
  const assign: Record<string, string> = {
    [l("C")]: `${l("C")}*(1 - killedFraction)`,
    [l("Cr")]: `${l("Cr")}*(1 - killedFraction)`,
    [l("D")]: `${l("D")} + ${killedTumour}*(1 - necroticShare)`,
    [l("Dnec")]: `${l("Dnec")} + ${killedNecrotic}*(1 - immediate_release_fraction)`,
    [l("debris_intact_fraction")]:
      `(${l("Dnec")}*${l("debris_intact_fraction")} + ${killedNecrotic}*intactAntigenFraction)/(${l("Dnec")} + ${killedNecrotic} + one_cell)`,
    [l("Ag")]: `${l("Ag")} + immediate_release_fraction*killedFraction*${l("C")}*intactAntigenFraction`,
    [l("AgDen")]:
      `${l("AgDen")} + immediate_release_fraction*killedFraction*${l("C")}*(1 - intactAntigenFraction)`,
    [l("DAMP")]:
      `${l("DAMP")} + immediate_release_fraction*${killedTumour}*(necroticShare*damp_per_necrotic_cell + (1 - necroticShare)*damp_per_apoptotic_cell)`,
    [l("TGFb")]:
      `${l("TGFb")} + tgfb_latent_per_necrotic_cell*${killedNecrotic}/((${l("C")} + ${l("Cr")} + ${l("D")} + ${l("Dnec")})/rho_cell*ml_per_mm3 + vmin_mm3*ml_per_mm3)`,
    cryo_tgfb_suppression: `cryo_tgfb_suppression + cryo_foxp3_suppression*killedFraction*(1 - cryo_tgfb_suppression)`,
  };
  for (const cell of RESIDENT_CELLS) assign[l(cell)] = `${l(cell)}*(1 - killedFraction)`;
  return {
    name: ablationEventName(slot),
    arguments: [
      {
        name: "killedFraction",
        unit: "1",
        description: "Fraction of the lesion's cells killed by the freeze",
      },
      {
        name: "necroticShare",
        unit: "1",
        description: "Share of the killed cells that die by necrosis (rest: apoptosis)",
      },
      {
        name: "intactAntigenFraction",
        unit: "1",
        description: "Fraction of released antigen left intact (not denatured)",
      },
    ],
    assign,
    evidence: ["review:2", "review:16", "review:20", "review:22"],
    description: `Cryoablation of lesion ${slot + 1}: kills cells, releases intact/denatured antigen and DAMPs, starts the cryo suppression of TGF-β signalling`,
  };
}
