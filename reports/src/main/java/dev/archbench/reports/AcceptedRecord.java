package dev.archbench.reports;

import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.RunRecord;
import dev.archbench.workload.Profile;
import java.util.List;

/**
 * A record that passed validation, with the results whose numbers can be used.
 *
 * @param profile the record's profile, read once; null when it names none this version knows
 */
record AcceptedRecord(String file, RunRecord record, List<BenchmarkResult> results, Profile profile) {}
