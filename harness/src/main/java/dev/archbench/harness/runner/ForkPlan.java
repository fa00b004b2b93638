package dev.archbench.harness.runner;

/** What one fork of a benchmark runs: its warm-up and measured iterations (times from the profile). */
record ForkPlan(int warmupIterations, int measurementIterations) {}
