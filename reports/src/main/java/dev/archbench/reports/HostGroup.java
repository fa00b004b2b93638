package dev.archbench.reports;

import dev.archbench.record.BenchmarkResult;
import dev.archbench.reports.Analysis.HostSummary;
import java.util.List;
import java.util.Map;

/** One host of an analysis: its records (in run-id order), its priced summary, its results by key. */
record HostGroup(String key, List<AcceptedRecord> records, HostSummary summary,
    Map<String, List<BenchmarkResult>> byKey) {}
