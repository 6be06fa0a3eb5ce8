/**
 * Kuznetsov, Makalkin, Taylor & Perelson (1994), Bull Math Biol 56:295–321: effector cells E and tumour
 * cells T (BCL1 lymphoma in the spleen of chimeric mice), dimensional form with the published parameter
 * estimates (also in BioModels BIOMD0000000762):
 *   dE/dt = s + p·E·T/(g + T) − m·E·T − d·E
 *   dT/dt = a·T·(1 − b·T) − n·E·T
 * Equilibria: tumour-free E = s/d ≈ 3.155e5; dormant E ≈ 1.61e6, T ≈ 8.19e6 cells.
 */
import type { ModelDecl, Source } from "../types.js";

const paper: Source = {
  kind: "literature",
  citation: "Kuznetsov VA, Makalkin IA, Taylor MA, Perelson AS. Bull Math Biol 1994;56(2):295–321",
  location: "BCL1 lymphoma parameter estimates; same values in BioModels BIOMD0000000762",
};

export const kuznetsov1994: ModelDecl = {
  name: "kuznetsov1994",
  description:
    "Effector cell–tumour cell model with effector stimulation and inactivation (Kuznetsov et al. 1994), dimensional form.",
  timeUnit: "day",
  modules: [
    {
      name: "spleen",
      description: "The site where tumour and effector cells meet (cell counts, no volume).",
      compartments: [
        { name: "spleen", size: 1, unit: "1", description: "0-D compartment; species are cell counts." },
      ],
    },
    {
      name: "effector",
      description:
        "Cytotoxic effector cells: influx, tumour-driven stimulation, inactivation by tumour cells, death.",
      species: [
        {
          name: "E",
          compartment: "spleen",
          unit: "cell",
          initial: 3.2e5,
          description: "Effector (cytotoxic) cells; starts near the tumour-free level s/d.",
        },
      ],
      parameters: [
        {
          name: "s",
          value: 1.3e4,
          unit: "cell/day",
          description: "Normal (non-tumour-driven) influx of effector cells",
          source: paper,
        },
        {
          name: "p",
          value: 0.1245,
          unit: "1/day",
          description: "Maximal tumour-driven effector proliferation rate",
          source: paper,
        },
        {
          name: "g",
          value: 2.019e7,
          unit: "cell",
          description: "Tumour size for half-maximal effector stimulation",
          source: paper,
        },
        {
          name: "m",
          value: 3.422e-10,
          unit: "1/(cell*day)",
          description: "Effector inactivation by tumour cells",
          source: paper,
        },
        { name: "d", value: 0.0412, unit: "1/day", description: "Effector death rate", source: paper },
      ],
      processes: [
        {
          name: "effector_influx",
          rate: "s",
          changes: { E: 1 },
          evidence: ["kuznetsov1994", "biomodels762"],
          description: "Constant supply of effector cells.",
        },
        {
          name: "effector_stimulation",
          rate: "p*E*T/(g + T)",
          changes: { E: 1 },
          evidence: ["kuznetsov1994", "biomodels762"],
          description: "Tumour-driven recruitment/proliferation, saturating in T.",
        },
        {
          name: "effector_inactivation",
          rate: "m*E*T",
          changes: { E: -1 },
          evidence: ["kuznetsov1994", "biomodels762"],
          description: "Effector cells inactivated in encounters with tumour cells.",
        },
        {
          name: "effector_death",
          rate: "d*E",
          changes: { E: -1 },
          evidence: ["kuznetsov1994", "biomodels762"],
          description: "Natural death.",
        },
      ],
    },
    {
      name: "tumour",
      description: "Tumour cells: logistic growth and killing by effector cells.",
      species: [
        {
          name: "T",
          compartment: "spleen",
          unit: "cell",
          initial: 1e6,
          description: "Tumour cells (assumed initial burden).",
        },
      ],
      parameters: [
        { name: "a", value: 0.18, unit: "1/day", description: "Maximal tumour growth rate", source: paper },
        {
          name: "b",
          value: 2.0e-9,
          unit: "1/cell",
          description: "Inverse tumour carrying capacity",
          source: paper,
        },
        {
          name: "n",
          value: 1.101e-7,
          unit: "1/(cell*day)",
          description: "Tumour cell killing by effector cells",
          source: paper,
        },
      ],
      processes: [
        {
          name: "tumour_growth",
          rate: "a*T*(1 - b*T)",
          changes: { T: 1 },
          evidence: ["kuznetsov1994", "biomodels762"],
          description: "Logistic growth.",
        },
        {
          name: "tumour_killing",
          rate: "n*E*T",
          changes: { T: -1 },
          evidence: ["kuznetsov1994", "biomodels762"],
          description: "Killing by effector cells.",
        },
      ],
      observables: [
        {
          name: "effector_to_tumour",
          expression: "E/T",
          unit: "1",
          description: "Effector-to-tumour cell ratio.",
        },
        {
          name: "total_cells",
          expression: "E + T",
          unit: "cell",
          description: "Effector plus tumour cells.",
        },
      ],
    },
  ],
};
