/*
 * SUNDIALS CVODE (BDF, Newton, dense linear solver, analytic Jacobian) on ROBER, POLLU and E5 of the Bari
 * test set, for bench/ode.bench.ts. Usage: cvode_driver PROBLEM RTOL REPEATS
 * Prints one JSON line: final state, statistics and CPU microseconds per solve (each solve creates and frees
 * its CVODE memory, as a per-patient call would; the SUNContext is created once per process). Built against Debian's libsundials-dev (SUNDIALS 6.4):
 *   gcc -O2 -o cvode_driver cvode_driver.c -lsundials_cvode -lsundials_nvecserial -lsundials_sunlinsoldense
 *       -lsundials_sunmatrixdense -lm
 */
#include <cvode/cvode.h>
#include <math.h>
#include <nvector/nvector_serial.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sunlinsol/sunlinsol_dense.h>
#include <sunmatrix/sunmatrix_dense.h>
#include <time.h>

#define Y(i) NV_Ith_S(y, (i) - 1)
#define F(i) NV_Ith_S(ydot, (i) - 1)
#define JAC(i, j) SM_ELEMENT_D(J, (i) - 1, (j) - 1)

static int rober_f(realtype t, N_Vector y, N_Vector ydot, void *ud) {
  realtype r1 = 0.04 * Y(1), r2 = 1e4 * Y(2) * Y(3), r3 = 3e7 * Y(2) * Y(2);
  F(1) = -r1 + r2;
  F(2) = r1 - r2 - r3;
  F(3) = r3;
  return 0;
}
static int rober_j(realtype t, N_Vector y, N_Vector fy, SUNMatrix J, void *ud, N_Vector a, N_Vector b, N_Vector c) {
  JAC(1, 1) = -0.04; JAC(1, 2) = 1e4 * Y(3); JAC(1, 3) = 1e4 * Y(2);
  JAC(2, 1) = 0.04; JAC(2, 2) = -1e4 * Y(3) - 6e7 * Y(2); JAC(2, 3) = -1e4 * Y(2);
  JAC(3, 1) = 0; JAC(3, 2) = 6e7 * Y(2); JAC(3, 3) = 0;
  return 0;
}

static const double k1 = .35, k2 = .266e2, k3 = .123e5, k4 = .86e-3, k5 = .82e-3, k6 = .15e5, k7 = .13e-3,
                    k8 = .24e5, k9 = .165e5, k10 = .9e4, k11 = .22e-1, k12 = .12e5, k13 = .188e1, k14 = .163e5,
                    k15 = .48e7, k16 = .35e-3, k17 = .175e-1, k18 = .1e9, k19 = .444e12, k20 = .124e4,
                    k21 = .21e1, k22 = .578e1, k23 = .474e-1, k24 = .178e4, k25 = .312e1;

static int pollu_f(realtype t, N_Vector y, N_Vector ydot, void *ud) {
  double r[26];
  r[1] = k1 * Y(1); r[2] = k2 * Y(2) * Y(4); r[3] = k3 * Y(5) * Y(2); r[4] = k4 * Y(7); r[5] = k5 * Y(7);
  r[6] = k6 * Y(7) * Y(6); r[7] = k7 * Y(9); r[8] = k8 * Y(9) * Y(6); r[9] = k9 * Y(11) * Y(2);
  r[10] = k10 * Y(11) * Y(1); r[11] = k11 * Y(13); r[12] = k12 * Y(10) * Y(2); r[13] = k13 * Y(14);
  r[14] = k14 * Y(1) * Y(6); r[15] = k15 * Y(3); r[16] = k16 * Y(4); r[17] = k17 * Y(4); r[18] = k18 * Y(16);
  r[19] = k19 * Y(16); r[20] = k20 * Y(17) * Y(6); r[21] = k21 * Y(19); r[22] = k22 * Y(19);
  r[23] = k23 * Y(1) * Y(4); r[24] = k24 * Y(19) * Y(1); r[25] = k25 * Y(20);
  F(1) = -r[1] - r[10] - r[14] - r[23] - r[24] + r[2] + r[3] + r[9] + r[11] + r[12] + r[22] + r[25];
  F(2) = -r[2] - r[3] - r[9] - r[12] + r[1] + r[21];
  F(3) = -r[15] + r[1] + r[17] + r[19] + r[22];
  F(4) = -r[2] - r[16] - r[17] - r[23] + r[15];
  F(5) = -r[3] + r[4] + r[4] + r[6] + r[7] + r[13] + r[20];
  F(6) = -r[6] - r[8] - r[14] - r[20] + r[3] + r[18] + r[18];
  F(7) = -r[4] - r[5] - r[6] + r[13];
  F(8) = r[4] + r[5] + r[6] + r[7];
  F(9) = -r[7] - r[8];
  F(10) = -r[12] + r[7] + r[9];
  F(11) = -r[9] - r[10] + r[8] + r[11];
  F(12) = r[9];
  F(13) = -r[11] + r[10];
  F(14) = -r[13] + r[12];
  F(15) = r[14];
  F(16) = -r[18] - r[19] + r[16];
  F(17) = -r[20];
  F(18) = r[20];
  F(19) = -r[21] - r[22] - r[24] + r[23] + r[25];
  F(20) = -r[25] + r[24];
  return 0;
}
static int pollu_j(realtype t, N_Vector y, N_Vector fy, SUNMatrix J, void *ud, N_Vector a, N_Vector b, N_Vector c) {
  SUNMatZero(J);
  JAC(1, 1) = -k1 - k10 * Y(11) - k14 * Y(6) - k23 * Y(4) - k24 * Y(19);
  JAC(1, 11) = -k10 * Y(1) + k9 * Y(2); JAC(1, 6) = -k14 * Y(1); JAC(1, 4) = -k23 * Y(1) + k2 * Y(2);
  JAC(1, 19) = -k24 * Y(1) + k22; JAC(1, 2) = k2 * Y(4) + k9 * Y(11) + k3 * Y(5) + k12 * Y(10);
  JAC(1, 13) = k11; JAC(1, 20) = k25; JAC(1, 5) = k3 * Y(2); JAC(1, 10) = k12 * Y(2);
  JAC(2, 4) = -k2 * Y(2); JAC(2, 5) = -k3 * Y(2); JAC(2, 11) = -k9 * Y(2); JAC(2, 10) = -k12 * Y(2);
  JAC(2, 19) = k21; JAC(2, 1) = k1; JAC(2, 2) = -k2 * Y(4) - k3 * Y(5) - k9 * Y(11) - k12 * Y(10);
  JAC(3, 1) = k1; JAC(3, 4) = k17; JAC(3, 16) = k19; JAC(3, 19) = k22; JAC(3, 3) = -k15;
  JAC(4, 4) = -k2 * Y(2) - k16 - k17 - k23 * Y(1); JAC(4, 2) = -k2 * Y(4); JAC(4, 1) = -k23 * Y(4); JAC(4, 3) = k15;
  JAC(5, 5) = -k3 * Y(2); JAC(5, 2) = -k3 * Y(5); JAC(5, 7) = 2 * k4 + k6 * Y(6); JAC(5, 6) = k6 * Y(7) + k20 * Y(17);
  JAC(5, 9) = k7; JAC(5, 14) = k13; JAC(5, 17) = k20 * Y(6);
  JAC(6, 6) = -k6 * Y(7) - k8 * Y(9) - k14 * Y(1) - k20 * Y(17); JAC(6, 7) = -k6 * Y(6); JAC(6, 9) = -k8 * Y(6);
  JAC(6, 1) = -k14 * Y(6); JAC(6, 17) = -k20 * Y(6); JAC(6, 2) = k3 * Y(5); JAC(6, 5) = k3 * Y(2); JAC(6, 16) = 2 * k18;
  JAC(7, 7) = -k4 - k5 - k6 * Y(6); JAC(7, 6) = -k6 * Y(7); JAC(7, 14) = k13;
  JAC(8, 7) = k4 + k5 + k6 * Y(6); JAC(8, 6) = k6 * Y(7); JAC(8, 9) = k7;
  JAC(9, 9) = -k7 - k8 * Y(6); JAC(9, 6) = -k8 * Y(9);
  JAC(10, 10) = -k12 * Y(2); JAC(10, 2) = -k12 * Y(10) + k9 * Y(11); JAC(10, 9) = k7; JAC(10, 11) = k9 * Y(2);
  JAC(11, 11) = -k9 * Y(2) - k10 * Y(1); JAC(11, 2) = -k9 * Y(11); JAC(11, 1) = -k10 * Y(11); JAC(11, 9) = k8 * Y(6);
  JAC(11, 6) = k8 * Y(9); JAC(11, 13) = k11;
  JAC(12, 11) = k9 * Y(2); JAC(12, 2) = k9 * Y(11);
  JAC(13, 13) = -k11; JAC(13, 11) = k10 * Y(1); JAC(13, 1) = k10 * Y(11);
  JAC(14, 14) = -k13; JAC(14, 10) = k12 * Y(2); JAC(14, 2) = k12 * Y(10);
  JAC(15, 1) = k14 * Y(6); JAC(15, 6) = k14 * Y(1);
  JAC(16, 16) = -k18 - k19; JAC(16, 4) = k16;
  JAC(17, 17) = -k20 * Y(6); JAC(17, 6) = -k20 * Y(17);
  JAC(18, 17) = k20 * Y(6); JAC(18, 6) = k20 * Y(17);
  JAC(19, 19) = -k21 - k22 - k24 * Y(1); JAC(19, 1) = -k24 * Y(19) + k23 * Y(4); JAC(19, 4) = k23 * Y(1);
  JAC(19, 20) = k25;
  JAC(20, 20) = -k25; JAC(20, 1) = k24 * Y(19); JAC(20, 19) = k24 * Y(1);
  return 0;
}

static const double A5 = 7.89e-10, B5 = 1.1e7, CM5 = 1.13e9, C5 = 1.13e3;
static int e5_f(realtype t, N_Vector y, N_Vector ydot, void *ud) {
  double p1 = A5 * Y(1), p2 = B5 * Y(1) * Y(3), p3 = CM5 * Y(2) * Y(3), p4 = C5 * Y(4);
  F(1) = -p1 - p2;
  F(2) = p1 - p3;
  F(4) = p2 - p4;
  F(3) = F(2) - F(4);
  return 0;
}
static int e5_j(realtype t, N_Vector y, N_Vector fy, SUNMatrix J, void *ud, N_Vector a, N_Vector b, N_Vector c) {
  JAC(1, 1) = -A5 - B5 * Y(3); JAC(1, 2) = 0; JAC(1, 3) = -B5 * Y(1); JAC(1, 4) = 0;
  JAC(2, 1) = A5; JAC(2, 2) = -CM5 * Y(3); JAC(2, 3) = -CM5 * Y(2); JAC(2, 4) = 0;
  JAC(3, 1) = A5 - B5 * Y(3); JAC(3, 2) = -CM5 * Y(3); JAC(3, 3) = -B5 * Y(1) - CM5 * Y(2); JAC(3, 4) = C5;
  JAC(4, 1) = B5 * Y(3); JAC(4, 2) = 0; JAC(4, 3) = B5 * Y(1); JAC(4, 4) = -C5;
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: %s ROBER|POLLU|E5 RTOL REPEATS\n", argv[0]);
    return 2;
  }
  const char *name = argv[1];
  double rtol = atof(argv[2]);
  int repeats = atoi(argv[3]);
  int n;
  double tend, atol, y0[20] = {0};
  CVRhsFn f;
  CVLsJacFn jac;
  if (strcmp(name, "ROBER") == 0) {
    n = 3; tend = 1e11; atol = rtol * 1e-10; f = rober_f; jac = rober_j; y0[0] = 1;
  } else if (strcmp(name, "POLLU") == 0) {
    n = 20; tend = 60; atol = rtol * 1e-10; f = pollu_f; jac = pollu_j;
    y0[1] = 0.2; y0[3] = 0.04; y0[6] = 0.1; y0[7] = 0.3; y0[8] = 0.01; y0[16] = 0.007;
  } else if (strcmp(name, "E5") == 0) {
    n = 4; tend = 1e13; atol = 1e-40; f = e5_f; jac = e5_j; y0[0] = 1.76e-3;
  } else {
    fprintf(stderr, "unknown problem %s\n", name);
    return 2;
  }
  double yout[20];
  long nst = 0, nfe = 0, nje = 0, nsetups = 0;
  int flag = 0;
  struct timespec a, b;
  /* one SUNContext per process (as an application would hold it); everything else per solve */
  SUNContext ctx;
  SUNContext_Create(NULL, &ctx);
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
  for (int rep = 0; rep < repeats; rep++) {
    N_Vector y = N_VNew_Serial(n, ctx);
    for (int i = 0; i < n; i++) NV_Ith_S(y, i) = y0[i];
    void *mem = CVodeCreate(CV_BDF, ctx);
    CVodeInit(mem, f, 0.0, y);
    CVodeSStolerances(mem, rtol, atol);
    SUNMatrix A = SUNDenseMatrix(n, n, ctx);
    SUNLinearSolver LS = SUNLinSol_Dense(y, A, ctx);
    CVodeSetLinearSolver(mem, LS, A);
    CVodeSetJacFn(mem, jac);
    CVodeSetMaxNumSteps(mem, 10000000);
    CVodeSetStopTime(mem, tend);
    realtype t;
    flag = CVode(mem, tend, y, &t, CV_NORMAL);
    for (int i = 0; i < n; i++) yout[i] = NV_Ith_S(y, i);
    CVodeGetNumSteps(mem, &nst);
    CVodeGetNumRhsEvals(mem, &nfe);
    CVodeGetNumJacEvals(mem, &nje);
    CVodeGetNumLinSolvSetups(mem, &nsetups);
    CVodeFree(&mem);
    SUNLinSolFree(LS);
    SUNMatDestroy(A);
    N_VDestroy(y);
  }
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
  SUNContext_Free(&ctx);
  double us = ((b.tv_sec - a.tv_sec) * 1e6 + (b.tv_nsec - a.tv_nsec) / 1e3) / repeats;
  printf("{\"problem\":\"%s\",\"rtol\":%g,\"flag\":%d,\"usPerSolve\":%.3f,\"steps\":%ld,\"rhsEvals\":%ld,\"jacobianEvals\":%ld,\"factorizations\":%ld,\"y\":[",
         name, rtol, flag, us, nst, nfe, nje, nsetups);
  for (int i = 0; i < n; i++) printf("%s%.17g", i ? "," : "", yout[i]);
  printf("]}\n");
  return 0;
}
