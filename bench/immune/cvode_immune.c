/*
 * SUNDIALS CVODE (BDF, Newton) on the immune model, for bench/immune-cvode.bench.ts: the reference
 * against which our own solver's time per simulation is judged. The model (model_rhs, model_jac,
 * model_event) is C generated at bench time by bench/immune/c-model.ts and #included as "immune_model.c".
 *
 *   cvode_immune run INPUT    one simulation as simulatePatient does it (burn-in with tumour dynamics off,
 *                             then t0..tEnd with the scheduled events), REPEATS times; prints one JSON line:
 *                             median/min CPU µs per simulation, CVODE statistics, states at the output times
 *   cvode_immune check INPUT  f(t, y) and the Jacobian nonzeros at given states (prints one JSON line)
 *
 * INPUT is whitespace-separated numbers written by bench/immune/cvode.ts (see writeRunInput there).
 * Each simulation creates and frees its CVODE memory and linear solver (a per-patient call); the
 * SUNContext is created once per process. After each event time the state is re-initialised
 * (CVodeReInit), as the events change it. CPU time: CLOCK_PROCESS_CPUTIME_ID.
 * Linear solvers: 0 dense + generated Jacobian, 1 KLU (sparse) + generated Jacobian, 2 dense + CVODE's
 * difference-quotient Jacobian. After an event CVODE restarts at order 1 with its own initial step
 * estimate, or (restart flag 1) with the last step size taken before the event.
 */
#include <cvode/cvode.h>
#include <math.h>
#include <nvector/nvector_serial.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sunlinsol/sunlinsol_dense.h>
#include <sunlinsol/sunlinsol_klu.h>
#include <sunmatrix/sunmatrix_dense.h>
#include <sunmatrix/sunmatrix_sparse.h>
#include <time.h>

#include "immune_model.c"

static FILE *in;
static double num(void) {
  double v;
  if (fscanf(in, "%lf", &v) != 1) {
    fprintf(stderr, "cvode_immune: input ended early\n");
    exit(2);
  }
  return v;
}
static double *nums(int k) {
  double *v = malloc(sizeof(double) * (k > 0 ? k : 1));
  for (int i = 0; i < k; i++) v[i] = num();
  return v;
}

typedef struct {
  const double *p;
} UserData;

static int f_cb(realtype t, N_Vector y, N_Vector ydot, void *ud) {
  model_rhs(t, NV_DATA_S(y), NV_DATA_S(ydot), ((UserData *)ud)->p);
  return 0;
}

static double jv[MODEL_NNZ > 0 ? MODEL_NNZ : 1];
/* CSC structure of the pattern plus the diagonal: column pointers, row indices, and where each
   pattern entry goes */
static sunindextype *csc_ptr, *csc_row;
static int *csc_pos, csc_nnz;

static int jac_dense(realtype t, N_Vector y, N_Vector fy, SUNMatrix J, void *ud, N_Vector a, N_Vector b,
                     N_Vector c) {
  model_jac(t, NV_DATA_S(y), jv, ((UserData *)ud)->p);
  for (int e = 0; e < MODEL_NNZ; e++) SM_ELEMENT_D(J, model_jac_rows[e], model_jac_cols[e]) = jv[e];
  return 0;
}

static int jac_sparse(realtype t, N_Vector y, N_Vector fy, SUNMatrix J, void *ud, N_Vector a, N_Vector b,
                      N_Vector c) {
  model_jac(t, NV_DATA_S(y), jv, ((UserData *)ud)->p);
  memcpy(SM_INDEXPTRS_S(J), csc_ptr, sizeof(sunindextype) * (MODEL_N + 1));
  memcpy(SM_INDEXVALS_S(J), csc_row, sizeof(sunindextype) * csc_nnz);
  double *d = SM_DATA_S(J);
  for (int k = 0; k < csc_nnz; k++) d[k] = 0;
  for (int e = 0; e < MODEL_NNZ; e++) d[csc_pos[e]] = jv[e];
  return 0;
}

static void build_csc(void) {
  const int n = MODEL_N;
  /* mark[i*n+j]: entry present (pattern or diagonal) */
  char *mark = calloc((size_t)n * n, 1);
  for (int e = 0; e < MODEL_NNZ; e++) mark[model_jac_rows[e] * n + model_jac_cols[e]] = 1;
  for (int i = 0; i < n; i++) mark[i * n + i] = 1;
  int *at = malloc(sizeof(int) * n * n);
  csc_ptr = malloc(sizeof(sunindextype) * (n + 1));
  csc_row = malloc(sizeof(sunindextype) * n * n);
  csc_nnz = 0;
  for (int j = 0; j < n; j++) {
    csc_ptr[j] = csc_nnz;
    for (int i = 0; i < n; i++)
      if (mark[i * n + j]) {
        at[i * n + j] = csc_nnz;
        csc_row[csc_nnz++] = i;
      }
  }
  csc_ptr[n] = csc_nnz;
  csc_pos = malloc(sizeof(int) * (MODEL_NNZ > 0 ? MODEL_NNZ : 1));
  for (int e = 0; e < MODEL_NNZ; e++) csc_pos[e] = at[model_jac_rows[e] * n + model_jac_cols[e]];
  free(mark);
  free(at);
}

typedef struct {
  long nst, nfe, nfeLS, nje, nsetups, nni, ncfn, netf;
} Stats;

static void add_stats(void *mem, Stats *s) {
  long v;
  CVodeGetNumSteps(mem, &v); s->nst += v;
  CVodeGetNumRhsEvals(mem, &v); s->nfe += v;
  CVodeGetNumLinRhsEvals(mem, &v); s->nfeLS += v;
  CVodeGetNumJacEvals(mem, &v); s->nje += v;
  CVodeGetNumLinSolvSetups(mem, &v); s->nsetups += v;
  CVodeGetNumNonlinSolvIters(mem, &v); s->nni += v;
  CVodeGetNumNonlinSolvConvFails(mem, &v); s->ncfn += v;
  CVodeGetNumErrTestFails(mem, &v); s->netf += v;
}

/* a number as JSON: non-finite values as the strings "NaN", "Infinity", "-Infinity" */
static void put(const char *sep, double v) {
  if (isfinite(v)) printf("%s%.17g", sep, v);
  else printf("%s\"%s\"", sep, v != v ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static double cpu_us(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int check_mode(void) {
  const int n = (int)num(), np = (int)num();
  if (n != MODEL_N) {
    fprintf(stderr, "cvode_immune: input has %d species, the model %d\n", n, MODEL_N);
    return 2;
  }
  double *p = nums(np);
  const int m = (int)num();
  double y[MODEL_N], dydt[MODEL_N], yFirst[MODEL_N];
  printf("{\"hasJacobian\":%d,\"states\":[", MODEL_HAS_JAC);
  for (int k = 0; k < m; k++) {
    const double t = num();
    for (int i = 0; i < n; i++) y[i] = num();
    if (k == 0) memcpy(yFirst, y, sizeof y);
    model_rhs(t, y, dydt, p);
    model_jac(t, y, jv, p);
    printf("%s{\"f\":[", k ? "," : "");
    for (int i = 0; i < n; i++) put(i ? "," : "", dydt[i]);
    printf("],\"jac\":[");
    for (int e = 0; e < MODEL_NNZ; e++) put(e ? "," : "", jv[e]);
    printf("]}");
  }
  /* CPU time of one right-hand side and one Jacobian evaluation at the first state (called through
     volatile pointers, so that the compiler cannot hoist the calls out of the loops) */
  void (*volatile rhs_fn)(double, const double *, double *, const double *) = model_rhs;
  void (*volatile jac_fn)(double, const double *, double *, const double *) = model_jac;
  const int calls = 20000;
  double c0 = cpu_us();
  for (int r = 0; r < calls; r++) rhs_fn(0.0, yFirst, dydt, p);
  const double rhsUs = (cpu_us() - c0) / calls;
  c0 = cpu_us();
  for (int r = 0; r < calls / 4; r++) jac_fn(0.0, yFirst, jv, p);
  const double jacUs = (cpu_us() - c0) / (calls / 4);
  printf("],\"rhsUs\":%.4f,\"jacobianUs\":%.4f,\"sink\":%g}\n", rhsUs, jacUs, dydt[0] + jv[0]);
  return 0;
}

static int run_mode(void) {
  const int n = (int)num(), np = (int)num();
  if (n != MODEL_N) {
    fprintf(stderr, "cvode_immune: input has %d species, the model %d\n", n, MODEL_N);
    return 2;
  }
  double *p0 = nums(np);
  const int dyn = (int)num();
  double *y0 = nums(n), *atol = nums(n), *nonneg = nums(n);
  const double rtol = num(), burnIn = num(), t0 = num(), tEnd = num();
  const int nOut = (int)num();
  double *outT = nums(nOut);
  const int nEv = (int)num();
  double *evT = malloc(sizeof(double) * (nEv > 0 ? nEv : 1));
  int *evKind = malloc(sizeof(int) * (nEv > 0 ? nEv : 1));
  double **evArgs = malloc(sizeof(double *) * (nEv > 0 ? nEv : 1));
  for (int e = 0; e < nEv; e++) {
    evT[e] = num();
    evKind[e] = (int)num();
    evArgs[e] = nums((int)num());
  }
  const int reps = (int)num(), linsol = (int)num(), maxOrd = (int)num(), restartLast = (int)num();
  if (linsol != 2 && !MODEL_HAS_JAC) {
    fprintf(stderr, "cvode_immune: the generated model has no Jacobian (use linear solver 2)\n");
    return 2;
  }
  if (linsol == 1) build_csc();

  double *p = malloc(sizeof(double) * np);
  double *out = malloc(sizeof(double) * nOut * n);
  double *times = malloc(sizeof(double) * reps);
  UserData ud = {p};
  Stats st = {0};
  int flag = 0;
  char message[200] = "";
  SUNContext ctx;
  SUNContext_Create(NULL, &ctx);
  for (int rep = 0; rep < reps; rep++) {
    const double c0 = cpu_us();
    memset(&st, 0, sizeof st);
    flag = 0;
    memcpy(p, p0, sizeof(double) * np);
    N_Vector y = N_VNew_Serial(n, ctx), av = N_VNew_Serial(n, ctx);
    double *yd = NV_DATA_S(y);
    memcpy(yd, y0, sizeof(double) * n);
    memcpy(NV_DATA_S(av), atol, sizeof(double) * n);
    void *mem = CVodeCreate(CV_BDF, ctx);
    CVodeInit(mem, f_cb, 0.0, y);
    CVodeSVtolerances(mem, rtol, av);
    CVodeSetUserData(mem, &ud);
    SUNMatrix A;
    SUNLinearSolver LS;
    if (linsol == 1) {
      A = SUNSparseMatrix(n, n, csc_nnz, CSC_MAT, ctx);
      LS = SUNLinSol_KLU(y, A, ctx);
    } else {
      A = SUNDenseMatrix(n, n, ctx);
      LS = SUNLinSol_Dense(y, A, ctx);
    }
    CVodeSetLinearSolver(mem, LS, A);
    if (linsol == 0) CVodeSetJacFn(mem, jac_dense);
    if (linsol == 1) CVodeSetJacFn(mem, jac_sparse);
    CVodeSetMaxNumSteps(mem, 200000);
    if (maxOrd > 0) CVodeSetMaxOrd(mem, maxOrd);
    realtype tret;
    /* burn-in: tumour dynamics off, from the initial state over [0, burnIn] */
    const double dynamics = p[dyn];
    p[dyn] = 0;
    CVodeSetStopTime(mem, burnIn);
    flag = CVode(mem, burnIn, y, &tret, CV_NORMAL);
    if (flag < 0) snprintf(message, sizeof message, "burn-in: CVode flag %d at t = %g", flag, tret);
    add_stats(mem, &st);
    p[dyn] = dynamics;
    /* treatment period: stop at every event time, apply the events, clamp, record, re-initialise */
    int ie = 0, io = 0;
    double tc = t0;
    for (;;) {
      if (flag < 0) break;
      int applied = 0;
      while (ie < nEv && evT[ie] <= tc) {
        model_event(evKind[ie], tc, yd, p, evArgs[ie]);
        ie++;
        applied = 1;
      }
      for (int i = 0; i < n; i++)
        if (nonneg[i] != 0 && yd[i] < 0) yd[i] = 0;
      while (io < nOut && outT[io] <= tc) memcpy(out + (size_t)n * io++, yd, sizeof(double) * n);
      if (tc >= tEnd) break;
      if (tc == t0 || applied) {
        realtype hlast = 0;
        if (tc != t0) {
          add_stats(mem, &st);
          CVodeGetLastStep(mem, &hlast);
        }
        CVodeReInit(mem, tc, y);
        /* restartLast: the first step after an event is the last step taken before it (else CVODE
           estimates one, its default) */
        CVodeSetInitStep(mem, restartLast && hlast > 0 ? hlast : 0.0);
      }
      const double stop = ie < nEv && evT[ie] < tEnd ? evT[ie] : tEnd;
      CVodeSetStopTime(mem, stop);
      while (flag >= 0 && io < nOut && outT[io] < stop) {
        flag = CVode(mem, outT[io], y, &tret, CV_NORMAL);
        for (int i = 0; i < n; i++) {
          const double v = yd[i];
          out[(size_t)n * io + i] = nonneg[i] != 0 && v < 0 ? 0 : v;
        }
        io++;
      }
      if (flag >= 0) flag = CVode(mem, stop, y, &tret, CV_NORMAL);
      if (flag < 0) snprintf(message, sizeof message, "CVode flag %d at t = %g", flag, tret);
      tc = stop;
    }
    add_stats(mem, &st);
    CVodeFree(&mem);
    SUNLinSolFree(LS);
    SUNMatDestroy(A);
    N_VDestroy(y);
    N_VDestroy(av);
    times[rep] = cpu_us() - c0;
    if (flag < 0) break;
  }
  SUNContext_Free(&ctx);
  qsort(times, reps, sizeof(double), cmp_double);
  printf("{\"flag\":%d,\"message\":\"%s\",\"reps\":%d,\"medianUs\":%.3f,\"minUs\":%.3f,\"steps\":%ld,"
         "\"rhsEvals\":%ld,\"rhsEvalsForJacobian\":%ld,\"jacobianEvals\":%ld,\"linearSolverSetups\":%ld,"
         "\"newtonIterations\":%ld,\"newtonConvFails\":%ld,\"errorTestFails\":%ld,\"jacobianNonzeros\":%d,"
         "\"states\":[",
         flag, message, reps, times[reps / 2], times[0], st.nst, st.nfe, st.nfeLS, st.nje, st.nsetups, st.nni,
         st.ncfn, st.netf, MODEL_NNZ);
  for (int k = 0; k < nOut; k++) {
    printf("%s[", k ? "," : "");
    for (int i = 0; i < n; i++) put(i ? "," : "", out[(size_t)n * k + i]);
    printf("]");
  }
  printf("]}\n");
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 3 || (strcmp(argv[1], "run") != 0 && strcmp(argv[1], "check") != 0)) {
    fprintf(stderr, "usage: %s run|check INPUT\n", argv[0]);
    return 2;
  }
  in = fopen(argv[2], "r");
  if (!in) {
    fprintf(stderr, "cvode_immune: cannot read %s\n", argv[2]);
    return 2;
  }
  return strcmp(argv[1], "run") == 0 ? run_mode() : check_mode();
}
