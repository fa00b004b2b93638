package dev.archbench.reports;

import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.RunRecord;
import java.util.List;

/** A record that passed validation, with the results whose numbers can be used. */
record AcceptedRecord(String file, RunRecord record, List<BenchmarkResult> results) {}
