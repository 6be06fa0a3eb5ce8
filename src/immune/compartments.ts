/**
 * The systemic compartments every patient has: blood (central), peripheral tissues and the
 * tumour-draining lymph node (lesions are declared per lesion in ./tumour.ts). Volumes as in QSP-IO.
 */
import type { ModuleDecl } from "../model/types.js";
import { param, qspio, qspioDerived } from "./sources.js";

export function compartmentsModule(): ModuleDecl {
  return {
    name: "compartments",
    description: "Blood, peripheral tissues and tumour-draining lymph node",
    compartments: [
      {
        name: "blood",
        size: 5000,
        unit: "mL",
        description: "Central compartment (blood)",
        source: qspio("V_C"),
      },
      {
        name: "peripheral",
        size: 60000,
        unit: "mL",
        description: "Peripheral tissues",
        source: qspio("V_P", "marked 'estimated' in QSP-IO"),
      },
      {
        name: "lymph_node",
        size: 1.37,
        unit: "mL",
        description: "Tumour-draining lymph nodes (21 nodes of 5 mm)",
        source: qspioDerived(
          "nLNs·4/3·π·(D_LN/2)^3 with nLNs = 21 and D_LN = 5 mm (lung; QSP-IO cites doi:10.1590/s1806-37132007000200006)",
        ),
      },
    ],
    parameters: [
      param("V_blood", 5000, "mL", "Blood volume", qspio("V_C", "5 L; QSP-IO cites doi:10.1002/psp4.12040")),
    ],
  };
}
