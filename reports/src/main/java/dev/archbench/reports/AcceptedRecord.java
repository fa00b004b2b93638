package dev.archbench.reports;

import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.RunRecord;
import dev.archbench.workload.Profile;
import java.util.List;
import java.util.Map;

/**
 * A record that passed validation, with the results whose numbers can be used.
 *
 * @param profile the record's profile, read once; null when it names none this version knows
 * @param leftOut why each result not in {@code results} was left out, by identity: later stages ask
 *     here rather than check (and decode) a result again
 */
record AcceptedRecord(String file, RunRecord record, List<BenchmarkResult> results, Profile profile,
    Map<BenchmarkResult, String> leftOut) {

  /** Why validation left {@code r} out, or null when its numbers can be used. */
  String whyLeftOut(BenchmarkResult r) {
    return leftOut.get(r);
  }
}
