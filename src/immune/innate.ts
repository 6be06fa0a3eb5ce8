/**
 * Innate cells per lesion. NK cells are recruited by type I IFN (cryoablation raises NK cells in distant
 * tumours [18]) and kill tumour cells, above all MHC-I-low ones (missing self). Neutrophils are recruited
 * by IL-1β and DAMPs and form extracellular traps (NETs); excess NETs shield tumour cells from killing
 * and promote immune escape [24].
 */
import type { ModuleDecl, ObservableDecl, ProcessDecl, SpeciesDecl } from "../model/types.js";
import { at, slots } from "./lesion-names.js";
import { assumed, param } from "./sources.js";

const parameters = [
  param(
    "nk_density",
    1e6,
    "cell/mL",
    "Resting NK density in a lesion",
    assumed("NK cells are a small fraction of tumour infiltrates"),
  ),
  param(
    "k_nk_turnover",
    0.1,
    "1/day",
    "NK recruitment towards the resting density, and death",
    assumed("NK cells live 1-2 weeks"),
  ),
  param(
    "a_nk_ifn1",
    3,
    "1",
    "Extra NK recruitment at saturating type I IFN",
    assumed("[18] reports more NK cells in distant tumours after cryo; magnitude assumed"),
  ),
  param(
    "k_nk_kill",
    2,
    "1/day",
    "Maximal killing rate per NK cell",
    assumed("NK cells kill a few targets per day"),
  ),
  param(
    "nk_mhc_protection",
    0.1,
    "1",
    "Susceptibility of MHC-I-intact tumour cells to NK killing relative to MHC-I-low ones",
    assumed("inhibitory KIR/NKG2A signalling protects MHC-I-intact cells (missing-self)"),
    { min: 0, max: 1 },
  ),
  param(
    "neutrophil_density",
    2e6,
    "cell/mL",
    "Resting neutrophil density in a lesion",
    assumed("neutrophils are a minor but variable infiltrate"),
  ),
  param(
    "k_neutrophil_death",
    1,
    "1/day",
    "Neutrophil turnover in tissue",
    assumed("tissue neutrophils live about a day"),
  ),
  param(
    "a_neutrophil",
    5,
    "1",
    "Extra neutrophil recruitment at saturating IL-1β and DAMPs",
    assumed("acute sterile inflammation after necrosis"),
  ),
  param(
    "k_netosis",
    0.2,
    "1/day",
    "Maximal NET formation rate per neutrophil (DAMP-driven)",
    assumed("a fraction of activated neutrophils form NETs each day"),
  ),
  param("k_net_deg", 0.5, "1/day", "NET degradation (DNase I)", assumed("NETs are cleared within days")),
  param(
    "K_NET",
    1e6,
    "cell/mL",
    "NET density (neutrophil-equivalents) for half-maximal shielding",
    assumed("chosen so that only an inflamed lesion makes enough NETs to matter"),
  ),
  param(
    "i_net",
    0.5,
    "1",
    "Maximal inhibition of tumour killing by NETs [24]",
    assumed("NETs shield tumour cells; magnitude assumed"),
  ),
];

function species(slot: number): SpeciesDecl[] {
  const compartment = at("lesion", slot);
  const vol = `(${at("initial_tumour_cells", slot)}/rho_cell*ml_per_mm3)`;
  return [
    {
      name: at("NK", slot),
      compartment,
      unit: "cell",
      initial: `nk_density*${vol}`,
      description: "NK cells in the lesion",
    },
    {
      name: at("Neu", slot),
      compartment,
      unit: "cell",
      initial: `neutrophil_density*${vol}`,
      description: "Neutrophils in the lesion",
    },
    {
      name: at("NET", slot),
      compartment,
      unit: "cell",
      initial: 0,
      description: "Neutrophil extracellular traps (neutrophil-equivalents)",
    },
  ];
}

function observables(slot: number): ObservableDecl[] {
  const l = (b: string) => at(b, slot);
  const tumour = `(${l("C")} + ${l("Cr")} + ${l("NK")} + one_cell)`;
  return [
    {
      name: l("kill_nk_C"),
      expression: `k_nk_kill*${l("NK")}*nk_mhc_protection*${l("C")}/${tumour}*(1 - ${l("H_TGFb_kill")})*(1 - ${l("H_NET")})`,
      unit: "cell/day",
      description: "MHC-I-intact tumour cells killed by NK cells per day",
    },
    {
      name: l("kill_nk_Cr"),
      expression: `k_nk_kill*${l("NK")}*${l("Cr")}/${tumour}*(1 - ${l("H_TGFb_kill")})*(1 - ${l("H_NET")})`,
      unit: "cell/day",
      description: "MHC-I-low tumour cells killed by NK cells per day",
    },
    {
      name: l("H_NET"),
      expression: `i_net*${l("NET")}/${l("volume_ml")}/(${l("NET")}/${l("volume_ml")} + K_NET)`,
      unit: "1",
      description: "Shielding of tumour cells by NETs (0..i_net)",
    },
  ];
}

function processes(slot: number): ProcessDecl[] {
  const l = (b: string) => at(b, slot);
  return [
    {
      name: l("nk_recruitment"),
      rate: `k_nk_turnover*nk_density*${l("volume_ml")}*(1 + a_nk_ifn1*${l("H_IFN1")})`,
      changes: { [l("NK")]: 1 },
      evidence: ["review:18", "review:59"],
      description: "NK cells recruited, more under type I IFN",
    },
    {
      name: l("nk_death"),
      rate: `k_nk_turnover*${l("NK")}`,
      changes: { [l("NK")]: -1 },
      evidence: ["review:18"],
      description: "NK death",
    },
    {
      name: l("nk_killing"),
      rate: `tumour_dynamics*${l("kill_nk_C")}`,
      changes: { [l("C")]: -1, [l("D")]: 1 },
      evidence: ["review:18", "review:19"],
      description: "NK cells kill MHC-I-intact tumour cells (weakly)",
    },
    {
      name: l("nk_killing_mhc_low"),
      rate: `tumour_dynamics*${l("kill_nk_Cr")}`,
      changes: { [l("Cr")]: -1, [l("D")]: 1 },
      evidence: ["review:18", "review:29"],
      description: "NK cells kill MHC-I-low tumour cells (missing self)",
    },
    {
      name: l("neutrophil_recruitment"),
      rate: `k_neutrophil_death*neutrophil_density*${l("volume_ml")}*(1 + a_neutrophil*(${l("H_IL1b")} + ${l("H_DAMP")})/2)`,
      changes: { [l("Neu")]: 1 },
      evidence: ["review:24", "review:23"],
      description: "Neutrophils recruited by IL-1β and DAMPs",
    },
    {
      name: l("neutrophil_death"),
      rate: `k_neutrophil_death*${l("Neu")}`,
      changes: { [l("Neu")]: -1 },
      evidence: ["review:24"],
      description: "Neutrophil death",
    },
    {
      name: l("netosis"),
      rate: `k_netosis*${l("Neu")}*${l("H_DAMP")}`,
      changes: { [l("Neu")]: -1, [l("NET")]: 1 },
      evidence: ["review:24"],
      description: "DAMP-activated neutrophils cast NETs (and die)",
    },
    {
      name: l("net_degradation"),
      rate: `k_net_deg*${l("NET")}`,
      changes: { [l("NET")]: -1 },
      evidence: ["review:24"],
      description: "NET clearance",
    },
  ];
}

export function innateModule(lesionCount: number): ModuleDecl {
  return {
    name: "innate",
    description: "NK cells (missing-self killing), neutrophils and NETs",
    parameters,
    species: slots(lesionCount).flatMap(species),
    observables: slots(lesionCount).flatMap(observables),
    processes: slots(lesionCount).flatMap(processes),
  };
}
