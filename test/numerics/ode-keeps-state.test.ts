/**
 * ScheduledEvent.keepsState: an event that only marks a discontinuity of a time function f reads (the
 * state is unchanged). When every event at a stop says so, rodas5 and bdf go on without a restart
 * (step size, Jacobian, history kept) and radau5 restarts from its full step proposal (not 0.1 of it).
 * When the discontinuity moves the solution by about the tolerance (a saturated drug occupancy in the
 * immune model) that saves steps; when it starts a new transient the kept history can cost steps (input
 * jump 0.8 at rtol 1e-8: bdf 1567 vs 1037; rodas5 226 either way). The answer is as accurate either way.
 *
 * Accuracy bounds: a few times the deviation from the exact solution measured on 2026-11-25 (relative,
 * rtol 1e-8, worst of both jumps and both settings): rodas5 4.2e-11, radau5 4.4e-10, bdf 5.6e-8.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { solveOde } from "../../src/numerics/ode/solve.js";
import type { OdeProblem, ScheduledEvent } from "../../src/numerics/ode/types.js";

// y' = -k y + u(t), u a square wave between 1 and `low`, switching every 5 time units
const k = 0.3;
const switches = Array.from({ length: 19 }, (_, i) => 5 * (i + 1));
let level = 0;
let low = 0.2;
const problem = (): OdeProblem => ({
  f: (_t, y, dy) => {
    dy[0] = -k * y[0] + (level % 2 === 0 ? 1 : low);
  },
  jacobian: (_t, _y, J) => {
    J[0] = -k;
  },
  y0: [0],
  t0: 0,
  tEnd: 100,
});
/** Exact solution at t = 100: piecewise relaxation towards u/k. */
function exact(): number {
  let y = 0;
  let t = 0;
  for (let i = 0; i <= switches.length; i++) {
    const next = i < switches.length ? switches[i] : 100;
    const target = (i % 2 === 0 ? 1 : low) / k;
    y = target + (y - target) * Math.exp(-k * (next - t));
    t = next;
  }
  return y;
}

/** Relative deviation allowed at t = 100 (rtol 1e-8): 3.6–4.8 × the measured worst case above. */
const BOUND = { rodas5: 2e-10, radau5: 2e-9, bdf: 2e-7 } as const;

for (const method of ["rodas5", "radau5", "bdf"] as const)
  for (const jump of [1e-8, 0.8])
    test(`${method}: state-keeping events, no restart, same accuracy (input jump ${jump})`, () => {
      low = 1 - jump;
      const run = (keepsState: boolean) => {
        level = 0;
        const events: ScheduledEvent[] = switches.map((at) => ({
          at,
          keepsState,
          apply: () => {
            level++;
          },
        }));
        return solveOde(problem(), { method, rtol: 1e-8, atol: 1e-12, events, outputTimes: [100] });
      };
      const plain = run(false);
      const kept = run(true);
      for (const s of [plain, kept]) {
        assert.equal(s.status, "success", s.message);
        assert.ok(
          Math.abs(s.y[0][0] - exact()) <= BOUND[method] * exact(),
          `${s.y[0][0]} vs ${exact()}: ${(Math.abs(s.y[0][0] - exact()) / exact()).toExponential(2)}`,
        );
      }
      if (jump < 1e-6)
        assert.ok(kept.stats.steps < plain.stats.steps, `${kept.stats.steps} vs ${plain.stats.steps}`);
    });

for (const method of ["rodas5", "radau5", "bdf"] as const) {
  test(`${method}: a keepsState event that does change y is honoured (restart), not lost`, () => {
    // y' = −y, y(0) = 1, y += 1 at t = 1: y(2) = e⁻² + e⁻¹
    const s = solveOde(
      {
        f: (_t, y, dy) => {
          dy[0] = -y[0];
        },
        jacobian: (_t, _y, J) => {
          J[0] = -1;
        },
        y0: [1],
        t0: 0,
        tEnd: 2,
      },
      {
        method,
        rtol: 1e-8,
        atol: 1e-12,
        outputTimes: [2],
        events: [
          {
            at: 1,
            keepsState: true,
            apply: (y: Float64Array) => {
              y[0] += 1;
            },
          },
        ],
      },
    );
    const exactValue = Math.exp(-2) + Math.exp(-1);
    assert.ok(Math.abs(s.y[0][0] - exactValue) < 1e-6 * exactValue, `${s.y[0][0]} vs ${exactValue}`);
  });

  test(`${method}: a keepsState stop at the time of a state event restarts at the event, not at the step end`, () => {
    // y' = 1 from 0; a state event at y = 0.6 (t = 0.6) sets y = 0; a keepsState stop at t = 0.6 too:
    // y(1) = 0.4
    const s = solveOde(
      {
        f: (_t, _y, dy) => {
          dy[0] = 1;
        },
        jacobian: (_t, _y, J) => {
          J[0] = 0;
        },
        y0: [0],
        t0: 0,
        tEnd: 1,
      },
      {
        method,
        rtol: 1e-8,
        atol: 1e-12,
        hMax: 0.3,
        outputTimes: [1],
        events: [
          {
            when: (_t, y) => y[0] - 0.6,
            direction: 1,
            apply: (y: Float64Array) => {
              y[0] = 0;
            },
          },
          { at: 0.6, keepsState: true, apply: () => {} },
        ],
      },
    );
    assert.equal(s.status, "success", s.message);
    assert.ok(Math.abs(s.y[0][0] - 0.4) < 1e-7, `${s.y[0][0]}`);
  });
}

for (const method of ["rodas5", "radau5", "bdf", "dopri5"] as const)
  test(`${method}: an input switched by a keepsState event, no analytic Jacobian (the solver's own differences)`, () => {
    // y' = −y + u, u = 1 → 0.2 at t = 1 (switched inside apply, as the immune model's exposure breaks do):
    // y(3) = 0.2 + (1 − e⁻¹ − 0.2) e⁻². A method that resumed with f from before the switch as the base
    // of its difference Jacobian (radau5 did, for a while) was off by a factor 4 and reported success.
    let u = 1;
    const s = solveOde(
      {
        f: (_t, y, dy) => {
          dy[0] = -y[0] + u;
        },
        y0: [0],
        t0: 0,
        tEnd: 3,
      },
      {
        method,
        rtol: 1e-6,
        atol: 1e-10,
        outputTimes: [3],
        events: [
          {
            at: 1,
            keepsState: true,
            apply: () => {
              u = 0.2;
            },
          },
        ],
      },
    );
    const exactValue = 0.2 + (1 - Math.exp(-1) - 0.2) * Math.exp(-2);
    assert.equal(s.status, "success", s.message);
    assert.ok(Math.abs(s.y[0][0] - exactValue) < 1e-5 * exactValue, `${s.y[0][0]} vs ${exactValue}`);
  });

test("auto: a stiffness switch at a keepsState stop starts the new Rodas5P (never resumes an unstarted one)", () => {
  // dopri5's steps (hMax 1e-3) land on the stop at t = 0 where y = 0; the switch to rodas5 there must
  // start it (it failed with a step-size underflow at h = 0 when it 'resumed')
  let u = 0;
  const s = solveOde(
    {
      f: (_t, y, dy) => {
        dy[0] = u - y[0];
      },
      y0: [0],
      t0: -0.9962,
      tEnd: 1,
    },
    {
      method: "auto",
      hMax: 1e-3,
      outputTimes: [1],
      events: [
        {
          at: 0,
          keepsState: true,
          apply: () => {
            u = 1;
          },
        },
      ],
    },
  );
  assert.equal(s.status, "success", s.message);
  assert.equal(s.method, "rodas5", "the case this tests: the solve switched to rodas5");
  assert.ok(Math.abs(s.y[0][0] - (1 - Math.exp(-1))) < 1e-5, `${s.y[0][0]}`);
});
