/**
 * Exposure at the target site in a tumour: the drug concentration there as a fraction of the serum
 * concentration. QSP models of checkpoint blockade (QSP-IO family: Wang 2020, Ruiz-Martinez 2022) give
 * IgG access to a volume fraction of the tumour compartment (γ_T = 0.522 for nivolumab, durvalumab and
 * ipilimumab alike). Taking the drug in that accessible space to equilibrate with serum, the
 * tumour-averaged concentration is γ_T × serum. This ignores the delay of extravasation (days) and
 * lymphatic drainage, which the population PK models do not resolve; it is a partition, not a
 * transport model.
 */
import type { Quantity } from "../types.js";

export const TUMOUR_PARTITION: Quantity = {
  value: 0.522,
  unit: "1",
  source: {
    kind: "derived",
    citation:
      "Ruiz-Martinez A, Gong C, Wang H, Sové RJ, Mi H, Kimko H, Popel AS. Simulations of tumor growth and response to immunotherapy by coupling a spatial agent-based model with a whole-patient quantitative systems pharmacology model. PLoS Comput Biol 2022;18(7):e1010254",
    location: "S2 Table, gamma_T_nivo (volume fraction available to the antibody in the tumour)",
    note: "seen through the nlmixr2lib transcription of the S2 Table (secondary); site/serum ratio = γ_T assuming the accessible tumour space equilibrates with serum",
  },
  verified: false,
};
