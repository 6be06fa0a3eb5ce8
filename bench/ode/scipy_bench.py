"""SciPy solve_ivp (Radau, BDF, LSODA) on ROBER, POLLU, E5 for bench/ode.bench.ts.
Usage: python3 scipy_bench.py PROBLEM METHOD RTOL REPEATS. Prints one JSON line; the CPU time is measured
inside Python over the repeated solves (analytic Jacobians given)."""
import json
import sys
import time

from scipy.integrate import solve_ivp

from problems import PROBLEMS

name, method, rtol, repeats = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
f, jac, y0, tend, atol = PROBLEMS[name]
t0 = time.process_time()
for _ in range(repeats):
    sol = solve_ivp(f, (0.0, tend), y0, method=method, rtol=rtol, atol=atol(rtol), jac=jac)
us = (time.process_time() - t0) / repeats * 1e6
print(json.dumps({"problem": name, "method": method, "rtol": rtol, "status": int(sol.status), "usPerSolve": us,
                  "steps": int(sol.t.size - 1), "rhsEvals": int(sol.nfev), "jacobianEvals": int(sol.njev),
                  "factorizations": int(sol.nlu), "y": sol.y[:, -1].tolist()}))
