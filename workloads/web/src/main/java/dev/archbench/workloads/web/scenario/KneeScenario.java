package dev.archbench.workloads.web.scenario;

import dev.archbench.record.Knee;
import dev.archbench.record.Knee.Step;
import dev.archbench.record.Percentile;
import dev.archbench.workload.Scenario;
import dev.archbench.workload.ScenarioMeasurement;
import dev.archbench.workload.WorkloadOptions;
import dev.archbench.workloads.web.load.Concurrency;
import dev.archbench.workloads.web.load.GeneratorCpu;
import dev.archbench.workloads.web.load.Interval;
import dev.archbench.workloads.web.load.KneeSearch;
import dev.archbench.workloads.web.load.LoadGenerator;
import dev.archbench.workloads.web.load.Measurement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Open-loop knee search, wrk2 style. First a closed-loop calibration finds the saturation throughput;
 * then constant rates at the {@code ladder} fractions of it are offered in ascending order, latency
 * measured from each request's intended send time (coordinated omission corrected), until a step
 * fails the p99 target ({@code --p99-target-ms}, default 10 ms); {@code refine} more steps bisect
 * between the last pass and the first failure. Score and {@code knee}: the highest rate (req/s)
 * that passed, a lower bound when even the highest rate tried passed; latency and CPU: that step's.
 * When no rate passes, the knee is the lowest rate tried marked {@code upper-bound}: the knee is
 * below it.
 *
 * <p>Params: {@code endpoint}, {@code tls}, {@code concurrency} (connections, default 8x vCPUs),
 * {@code ladder} (e.g. {@code 0.25,0.5,0.75,1.0}), {@code refine} (bisection steps).
 */
public class KneeScenario implements Scenario {
  public static final double DEFAULT_P99_TARGET_MS = 10;

  @Override
  public ScenarioMeasurement run(Map<String, String> params, ScenarioSettings settings) throws Exception {
    double targetMs = p99TargetMillis(settings);
    List<Double> fractions = KneeSearch.parseFractions(params.getOrDefault("ladder", "0.25,0.5,0.75,1.0"));
    int refine = Integer.parseInt(params.getOrDefault("refine", "0"));
    double stepSeconds = Knee.STEP_SECONDS;
    double settleSeconds = Math.min(1.0, stepSeconds / 4);
    try (LoadRig rig = rig(params, settings)) {
      int connections = Concurrency.connections(params.getOrDefault("concurrency", "8x"), rig.vcpus());
      int clientThreads = rig.clientThreads(connections);

      Measurement calibration;
      try (LoadGenerator gen = LoadGenerator.closedLoop(rig.target(), rig.exchange(), clientThreads, connections)) {
        calibration = Measurement.run(gen, rig.meter(gen), settings.warmupSeconds(), stepSeconds, 1)
            .requireNoErrors(gen, "calibration");
      }
      double saturation = calibration.throughput();

      List<Step> steps = new ArrayList<>();
      Map<Double, Measurement> byRate = new LinkedHashMap<>();
      for (double rate : KneeSearch.ladder(saturation, fractions)) {
        Step s = step(rig, rate, connections, clientThreads, settleSeconds, stepSeconds, byRate);
        steps.add(s);
        if (!KneeSearch.passes(s, targetMs)) {
          break;
        }
      }
      for (int i = 0; i < refine; i++) {
        OptionalDouble next = KneeSearch.nextRefinement(steps, targetMs, saturation);
        if (next.isEmpty()) {
          break;
        }
        steps.add(step(rig, next.getAsDouble(), connections, clientThreads, settleSeconds, stepSeconds, byRate));
      }
      rig.revalidate();

      OptionalDouble knee = KneeSearch.knee(steps, targetMs);
      Map<String, String> attributes = new LinkedHashMap<>(rig.attributes());
      attributes.put("connections", Integer.toString(connections));
      attributes.put("clientThreads", Integer.toString(clientThreads));
      attributes.put("saturation", String.format(Locale.ROOT, "%.0f req/s (closed-loop calibration)", saturation));
      attributes.put("steps", describe(steps));
      attributes.put("latencyFrom", "intended send time (coordinated omission corrected)");
      // No rate within the target is a finding, not a failure: the knee is then an upper bound.
      Knee k = Knee.ofSearch(knee, steps, "req/s", Percentile.P99, targetMs, stepSeconds);
      double rate = k.rates().get(0);
      return Results.of(List.of(rate), byRate.get(rate), attributes, rig.measuresServerCpu()).withKnee(k);
    }
  }

  /** What the load goes to: archbench's own server, here or on another host ({@code --server}). */
  LoadRig rig(Map<String, String> params, ScenarioSettings settings) throws Exception {
    return HttpRig.archbenchServer(params, settings);
  }

  private static Step step(LoadRig rig, double rate, int connections, int clientThreads,
      double settleSeconds, double stepSeconds, Map<Double, Measurement> byRate) throws Exception {
    Measurement m;
    Optional<GeneratorCpu> generator = rig.generatorCpu();
    double busy = Double.NaN;
    try (LoadGenerator gen = LoadGenerator.openLoop(rig.target(), rig.exchange(), clientThreads, connections, rate)) {
      GeneratorCpu.Sample before = generator.map(GeneratorCpu::sample).orElse(null);
      m = Measurement.run(gen, rig.meter(gen), settleSeconds, stepSeconds, 1);
      busy = generator.map(g -> g.busy(before, g.sample())).orElse(Double.NaN);
      // On its own host a step with wrong answers is marked and left out (the runbook's rule); on
      // the server's host a wrong answer is archbench's own server failing, and fails the run.
      if (m.errors() > 0 && generator.isEmpty()) {
        throw new IllegalStateException(String.format(Locale.ROOT,
            "%d wrong answers at %.0f req/s, first: %s", m.errors(), rate, gen.firstError()));
      }
    }
    Interval i = m.iterations().get(0);
    byRate.put(rate, m);
    long errors = m.errors();
    return generator.isEmpty()
        ? new Step(rate, i.throughput(), i.percentileMillis(50), i.percentileMillis(99), i.errors())
        : Step.fromLoadHost(rate, i.throughput(), i.percentileMillis(50), i.percentileMillis(99), errors, busy);
  }

  static double p99TargetMillis(ScenarioSettings settings) {
    String v = settings.options() == null ? null : settings.options().get(WorkloadOptions.WEB_P99_TARGET_MS);
    if (v == null) {
      v = WorkloadOptions.get(WorkloadOptions.WEB_P99_TARGET_MS).orElse(null);
    }
    double t = v == null ? DEFAULT_P99_TARGET_MS : Double.parseDouble(v);
    if (!(t > 0)) {
      throw new IllegalArgumentException("--p99-target-ms must be positive: " + v);
    }
    return t;
  }

  private static String describe(List<Step> steps) {
    StringBuilder sb = new StringBuilder();
    for (Step s : steps) {
      if (sb.length() > 0) {
        sb.append("; ");
      }
      sb.append(String.format(Locale.ROOT, "%.0f req/s -> %.0f answered, p99 %.3f ms",
          s.offered(), s.achieved(), s.p99Ms()));
      if (s.generatorCpu() != null) {
        sb.append(String.format(Locale.ROOT, ", generator %.0f%% busy", 100 * s.generatorCpu()));
      }
      if (!s.valid()) {
        sb.append(" [").append(s.invalid().id()).append(", not used]");
      }
    }
    return sb.toString();
  }
}
