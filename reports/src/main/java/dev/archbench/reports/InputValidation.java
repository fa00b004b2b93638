package dev.archbench.reports;

import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.RunRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The first stage of an analysis: leaves out duplicate runs and results whose numbers cannot be
 * used, each with a problem line naming the file.
 */
final class InputValidation {
  private InputValidation() {}

  static List<AcceptedRecord> accept(List<LoadedRecord> input, List<String> problems) {
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
      for (BenchmarkResult r : rec.results() == null ? List.<BenchmarkResult>of() : rec.results()) {
        String bad = badNumbers(r);
        if (bad != null) {
          problems.add(lr.file() + ": result " + r.key() + ": " + bad + "; left out");
        } else {
          ok.add(r);
        }
      }
      out.add(new AcceptedRecord(lr.file(), rec, ok));
    }
    return out;
  }

  /** Why a result's numbers cannot be used, or null. */
  static String badNumbers(BenchmarkResult r) {
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
    if (r.latency() != null) {
      for (String h : r.latency().histograms()) {
        try {
          dev.archbench.record.Latency.decode(h);
        } catch (IllegalArgumentException e) {
          return "latency histogram cannot be decoded (" + e.getMessage() + ")";
        }
      }
    }
    return null;
  }
}
