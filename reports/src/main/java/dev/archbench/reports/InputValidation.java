package dev.archbench.reports;

import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.RunRecord;
import dev.archbench.workload.Profile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first stage of an analysis: leaves out duplicate runs and results whose numbers cannot be
 * used, each with a problem line naming the file. The latency histograms it decodes to check them
 * are kept for the cells ({@link DecodedLatency}) and why a result was left out for the variants
 * ({@link AcceptedRecord#whyLeftOut}), so each is decoded once per report.
 */
final class InputValidation {
  private InputValidation() {}

  static List<AcceptedRecord> accept(List<LoadedRecord> input, List<String> problems, DecodedLatency latency) {
    Map<String, String> seen = new HashMap<>();
    List<AcceptedRecord> out = new ArrayList<>();
    for (LoadedRecord lr : input) {
      RunRecord rec = lr.record();
      String id = rec.run().id();
      String prev = seen.putIfAbsent(id, lr.file());
      if (prev != null) {
        problems.add(lr.file() + ": duplicate run id " + id + " (already read from " + prev + "); skipped");
        continue;
      }
      List<BenchmarkResult> ok = new ArrayList<>();
      Map<BenchmarkResult, String> leftOut = new IdentityHashMap<>();
      for (BenchmarkResult r : rec.results() == null ? List.<BenchmarkResult>of() : rec.results()) {
        String bad = badNumbers(r, latency);
        if (bad != null) {
          problems.add(lr.file() + ": result " + r.key() + ": " + bad + "; left out");
          leftOut.put(r, bad);
        } else {
          ok.add(r);
        }
      }
      out.add(new AcceptedRecord(lr.file(), rec, ok, profile(rec.run().profile()), leftOut));
    }
    return out;
  }

  /** The profile a record names; null for none this version knows (the schema allows no other). */
  private static Profile profile(String id) {
    return Arrays.stream(Profile.values()).filter(p -> p.id().equals(id)).findFirst().orElse(null);
  }

  /** Why a result's numbers cannot be used, or null. */
  static String badNumbers(BenchmarkResult r) {
    return badNumbers(r, new DecodedLatency());
  }

  /** Why a result's numbers cannot be used, or null; its latency histograms, decoded, go to {@code latency}. */
  private static String badNumbers(BenchmarkResult r, DecodedLatency latency) {
    String bad = badScore(r);
    return bad == null && r.isOk() ? latency.keep(r) : bad;
  }

  /** Why a result's score or raw data cannot be used, or null. */
  private static String badScore(BenchmarkResult r) {
    if (!r.isOk()) {
      return null;
    }
    Double s = r.score();
    if (s == null) {
      return "status ok but no score";
    }
    if (s.isNaN() || s.isInfinite()) {
      return "score is not a finite number";
    }
    if (s < 0) {
      return "negative score " + s;
    }
    if (s == 0) {
      return "score is zero";
    }
    if (r.rawData() != null) {
      for (List<Double> fork : r.rawData()) {
        for (Double v : fork) {
          if (v == null || v.isNaN() || v.isInfinite() || v <= 0) {
            return "raw data contains a value that is not a positive finite number";
          }
        }
      }
    }
    return null;
  }
}
