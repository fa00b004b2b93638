package dev.archbench.harness.userjmh;

import dev.archbench.harness.runner.execute.JmhResults;
import dev.archbench.harness.runner.measure.ForkMerge;
import dev.archbench.harness.runner.measure.SteadyState;
import dev.archbench.harness.runner.plan.PlanItem;
import com.fasterxml.jackson.databind.JsonNode;
import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.BenchmarkResult.Metric;
import dev.archbench.record.ForkRun;
import dev.archbench.record.Latency;
import dev.archbench.record.Status;
import dev.archbench.record.Subject;
import dev.archbench.record.TimeUnits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * Turns one entry of JMH's JSON result format ({@code -rf json}, the contract with a user's jar of any
 * JMH version) into a record result, as {@link JmhResults} does for archbench's own benchmarks:
 * every fork classified over all its iterations ({@code primaryMetric.rawData}; JIT times from the
 * compiler profiler's {@code ·compiler.time.profiled}), in sample mode the steady iterations'
 * samples as a latency histogram ({@code rawDataHistogram}: per fork, per iteration, value and count
 * pairs) with the iteration means as raw data, and secondary metrics. JMH's derived sample-mode
 * percentiles ({@code p0.50} ...) are left out: the histograms hold them. A pure function.
 */
public final class UserJmhResults {
  /** JMH's derived percentile metrics of sample mode, e.g. {@code p0.99}, {@code p1.00}. */
  private static final Pattern DERIVED_PERCENTILE = Pattern.compile("^p[01]\\.\\d+$");

  private UserJmhResults() {}

  public static BenchmarkResult convert(PlanItem item, JsonNode entry, Subject jar, double iterationSeconds,
      String startedAt, String endedAt) {
    JsonNode primary = entry.path("primaryMetric");
    String unit = primary.path("scoreUnit").asText(null);
    String mode = entry.path("mode").asText(item.mode());
    List<List<Double>> all;
    List<List<Histogram>> histograms = new ArrayList<>();
    double nanosPerUnit = TimeUnits.secondsPerOperation(unit).orElse(0) * 1e9;
    if (primary.has("rawDataHistogram")) {
      all = new ArrayList<>();
      for (JsonNode fork : primary.get("rawDataHistogram")) {
        List<Double> means = new ArrayList<>();
        List<Histogram> perIteration = new ArrayList<>();
        for (JsonNode iteration : fork) {
          Histogram h = Latency.newHistogram();
          double sum = 0;
          long count = 0;
          for (JsonNode pair : iteration) {
            double v = pair.get(0).asDouble();
            long c = pair.get(1).asLong();
            sum += v * c;
            count += c;
            if (nanosPerUnit > 0) {
              long ns = Math.max(1, Math.round(v * nanosPerUnit));
              h.recordValueWithCount(Math.min(ns, h.getHighestTrackableValue()), c);
            }
          }
          if (count > 0) {
            means.add(sum / count);
            perIteration.add(h);
          }
        }
        all.add(means);
        histograms.add(perIteration);
      }
    } else {
      all = rawData(primary.path("rawData"));
    }
    Map<String, Metric> secondary = new TreeMap<>();
    List<List<Double>> jit = new ArrayList<>();
    entry.path("secondaryMetrics").fields().forEachRemaining(e -> {
      if (JmhResults.isJit(e.getKey())) {
        if (e.getKey().endsWith(ForkMerge.JIT_PER_ITERATION)) {
          jit.addAll(rawData(e.getValue().path("rawData")));
        }
      } else if (!DERIVED_PERCENTILE.matcher(e.getKey()).matches()) {
        String u = e.getValue().path("scoreUnit").asText(null);
        List<List<Double>> r = rawData(e.getValue().path("rawData"));
        secondary.put(e.getKey(), new Metric(u, JmhResults.higherIsBetter(u), number(e.getValue().path("score")),
            r.isEmpty() ? null : r));
      }
    });
    Map<String, String> attributes = new TreeMap<>();
    attributes.put("jmhVersion", entry.path("jmhVersion").asText("unknown"));
    attributes.put("jar", jar.origin());
    if (entry.hasNonNull("jdkVersion")) {
      attributes.put("jdkVersion", entry.get("jdkVersion").asText());
    }
    boolean higherIsBetter = JmhResults.higherIsBetter(unit);
    List<List<Double>> raw = new ArrayList<>();
    List<ForkRun> runs = new ArrayList<>();
    List<Histogram> samples = new ArrayList<>();
    for (int f = 0; f < all.size(); f++) {
      List<Double> forkJit = f < jit.size() && jit.get(f).size() == all.get(f).size() ? jit.get(f) : null;
      ForkRun run = SteadyState.classify(all.get(f), forkJit, iterationSeconds, higherIsBetter);
      runs.add(run);
      if (run.isSteady()) {
        raw.add(run.steadyIterations());
        if (f < histograms.size()) {
          samples.add(SteadyState.steadyPart(histograms.get(f), run));
        }
      }
    }
    Latency latency = nanosPerUnit > 0 && !samples.isEmpty() ? Latency.ofForks(samples) : null;
    Double jmhScore = number(primary.path("score"));
    boolean ran = jmhScore != null && jmhScore >= 0 && !all.isEmpty();
    Double score = raw.isEmpty() ? null : BenchmarkResult.meanOfForkMeans(raw);
    int threads = entry.path("threads").asInt(item.threads());
    return BenchmarkResult.builder(item.key(), item.workload(), item.spec().name())
        .params(new TreeMap<>(item.params())).mode(mode).threads(threads).forks(all.size()).unit(unit)
        .higherIsBetter(higherIsBetter).score(score).rawData(raw).latency(latency).subject(jar)
        .secondary(secondary).attributes(attributes).startedAt(startedAt).endedAt(endedAt)
        .status(!ran ? Status.FAILED : raw.isEmpty() ? Status.UNSTEADY : Status.OK)
        .reason(ran ? null : "JMH produced no score").forkRuns(runs)
        .build();
  }

  private static List<List<Double>> rawData(JsonNode node) {
    List<List<Double>> out = new ArrayList<>();
    for (JsonNode fork : node) {
      List<Double> it = new ArrayList<>();
      for (JsonNode v : fork) {
        Double d = number(v);
        if (d != null) {
          it.add(d);
        }
      }
      out.add(it);
    }
    return out;
  }

  /** JMH writes numbers, and {@code "NaN"} as a string where it has none. */
  private static Double number(JsonNode n) {
    if (n == null || !n.isNumber()) {
      return null;
    }
    double d = n.asDouble();
    return Double.isFinite(d) ? d : null;
  }
}
