/**
 * The summary of a trajectory that `cryoimmune simulate` writes (summary.json): the scenario, each
 * lesion's baseline and best change in longest diameter, and key observables at key days. Browser-safe.
 */
import type { Scenario } from "../scenario/schema.js";
import type { Trajectory } from "./trajectory.js";

export const KEY_DAYS = [0, 3, 7, 14, 30, 60, 90, 180, 365, 730];

export interface LesionSummary {
  id: string;
  ablated: boolean;
  baselineDiameterMm: number;
  /** Smallest diameter after day 0 and the day it was reached. */
  nadirDiameterMm: number;
  nadirDay: number;
  /** Best (most negative) change from baseline, %. */
  bestChangePct: number;
  finalDiameterMm: number;
  finalChangePct: number;
}

export interface TrajectorySummary {
  scenario: Scenario;
  status: Trajectory["status"];
  message: string;
  solver: { method: string; rtol: number } & Trajectory["stats"];
  lesions: LesionSummary[];
  events: Trajectory["events"];
  /** Observables at key days (those inside the simulated period). */
  atKeyDays: { day: number; values: Record<string, number> }[];
}

const KEY_OBSERVABLES = (ids: string[]) => [
  "treg_pct_cd4_blood",
  "pd1_occupancy",
  "ifng_pg_per_ml_blood",
  "il10_pg_per_ml_blood",
  "tgfb_pg_per_ml_blood",
  ...ids.flatMap((id) => [`diameter_mm_${id}`, `cd8_per_mm3_${id}`, `treg_per_mm3_${id}`]),
];

function indexOfDay(days: Float64Array, day: number): number {
  for (let i = 0; i < days.length; i++) if (Math.abs(days[i] - day) < 1e-9) return i;
  return -1;
}

/** Rounds to 4 significant digits for a readable JSON. */
function round(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(4)) : x;
}

export function summarizeTrajectory(scenario: Scenario, trajectory: Trajectory): TrajectorySummary {
  const days = trajectory.days;
  const ablated = new Set(scenario.treatments.flatMap((t) => (t.kind === "cryoablation" ? [t.lesion] : [])));
  const lesions = scenario.lesions.map((l): LesionSummary => {
    const col = trajectory.columns[`diameter_mm_${l.id}`] ?? new Float64Array(0);
    const baseline = l.longestDiameterMm;
    let nadir = Number.POSITIVE_INFINITY;
    let nadirDay = Number.NaN;
    for (let i = 0; i < days.length; i++)
      if (days[i] > 0 && col[i] < nadir) {
        nadir = col[i];
        nadirDay = days[i];
      }
    if (!Number.isFinite(nadir)) {
      nadir = baseline;
      nadirDay = 0;
    }
    const final = col.length ? col[col.length - 1] : baseline;
    return {
      id: l.id,
      ablated: ablated.has(l.id),
      baselineDiameterMm: baseline,
      nadirDiameterMm: round(nadir),
      nadirDay,
      bestChangePct: round((100 * (nadir - baseline)) / baseline),
      finalDiameterMm: round(final),
      finalChangePct: round((100 * (final - baseline)) / baseline),
    };
  });
  const names = KEY_OBSERVABLES(trajectory.lesionIds).filter((n) => trajectory.columns[n]);
  const atKeyDays = KEY_DAYS.map((day) => ({ day, i: indexOfDay(days, day) }))
    .filter((x) => x.i >= 0)
    .map(({ day, i }) => ({
      day,
      values: Object.fromEntries(names.map((n) => [n, round(trajectory.columns[n][i])])),
    }));
  return {
    scenario,
    status: trajectory.status,
    message: trajectory.message,
    solver: { method: trajectory.method, rtol: trajectory.rtol, ...trajectory.stats },
    lesions,
    events: trajectory.events,
    atKeyDays,
  };
}

/** The trajectory as CSV: a `day` column, then one column per observable. */
export function trajectoryCsv(trajectory: Trajectory): string {
  const lines = [["day", ...trajectory.columnNames].join(",")];
  for (let i = 0; i < trajectory.days.length; i++) {
    const row = [String(+trajectory.days[i].toFixed(6))];
    for (const name of trajectory.columnNames)
      row.push(String(Number(trajectory.columns[name][i].toPrecision(7))));
    lines.push(row.join(","));
  }
  return `${lines.join("\n")}\n`;
}
