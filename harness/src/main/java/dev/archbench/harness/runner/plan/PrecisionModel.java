package dev.archbench.harness.runner.plan;

import dev.archbench.harness.runner.measure.ForkScheduler;
import dev.archbench.harness.runner.measure.IterationPlanner;
import dev.archbench.harness.runner.measure.ProfileSettings;
import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Knee;
import dev.archbench.record.Precision.StopReason;
import dev.archbench.record.RunRecord;
import dev.archbench.stats.ScoreInterval;
import dev.archbench.stats.SmallSample;
import dev.archbench.stats.StoppingRule;
import dev.archbench.workload.Profile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a plan can expect before anything is measured: per benchmark, how variable its iterations and
 * forks are (coefficients of variation) and what a fork costs, from measured defaults per workload
 * or, better, from earlier records of the same host ({@code --history}). From those it predicts the
 * forks a benchmark needs for the precision target and simulates the run's rounds within the budget,
 * as {@link ForkScheduler} will run them: both apply the same {@link StoppingRule}.
 */
public final class PrecisionModel {

  /**
   * @param iterationCv standard deviation of iterations within a fork, relative to the mean
   * @param forkCv standard deviation of fork means beyond iteration noise, relative to the mean
   * @param forkSeconds wall time of one fork beyond its planned iterations (JVM start-up, setup)
   * @param source where these figures come from, for the plan's table
   */
  public record Variability(double iterationCv, double forkCv, double forkSeconds, String source) {}

  /** A benchmark's expected outcome: forks, precision reached, why it stops, time. */
  public record Prediction(PlanItem item, int forks, double halfWidth, StopReason stop, double seconds, String source) {
    /** Why it stops as the record spells it ({@code target-met}, {@code benchmark-cap}, {@code budget}). */
    public String stopReason() {
      return stop.id();
    }
  }

  /**
   * Measured defaults per workload: medians over each workload's benchmarks of two quick runs of the
   * core grid from the steady state on ({@code bench/aa-check.sh --records}, the 2-vCPU development
   * machine, 2026-12-07, 26 results): iteration and fork coefficients of variation, and what a fork
   * cost beyond the profile's planned iterations (JVM start-up, and the warm-up later forks learned:
   * compression's forks became steady sooner than planned, web's and inference's later). Before forks were classified, the same machine's figures were 3 to
   * 30 times larger (fork-to-fork 12 to 16% at quick): most of that was unfinished JIT warm-up, not
   * the machine. Standard's forks were not measured again since; quick's figures stand for them
   * (forks that measure longer vary no more). A quieter host's history ({@code --history}) predicts
   * better.
   */
  public static final Map<String, Measured> MEASURED = Map.of(
      "compression", new Measured(new Variability(0.013, 0.004, 0.1, "compression default"),
          new Variability(0.013, 0.004, 0.1, "compression default")),
      "web", new Measured(new Variability(0.032, 0.024, 1.4, "web default"),
          new Variability(0.032, 0.024, 1.4, "web default")),
      "inference", new Measured(new Variability(0.046, 0.023, 1.9, "inference default"),
          new Variability(0.046, 0.023, 1.9, "inference default")));
  static final Variability GENERIC = new Variability(0.08, 0.15, ProfileSettings.FORK_OVERHEAD_SECONDS,
      "generic default");

  /**
   * Knee searches (the web knee, the inference server scenario, a {@code --target} knee): one value
   * per fork, so iterations average nothing and forks vary far more than a series does. Medians of
   * ten runs' fork-to-fork variation on the development machine, 2026-12-07 (five quick and standard
   * runs of {@code knee.http} and of {@code server.mlp.onnxruntime}: 1 to 20%, median 11%), and what a
   * fork costs beyond its warm-up: start-up and the search, whose steps last {@link Knee#STEP_SECONDS}
   * in every profile, so the same at any profile (quick forks on the development machine,
   * 2026-12-07: 22 s for {@code knee.http}'s calibration and up to eight steps, 13.5 s for
   * {@code server.mlp}'s model load and up to six steps; 18 s between them).
   */
  static final Measured KNEE_SEARCH = new Measured(new Variability(0, 0.11, 18, "knee-search default"),
      new Variability(0, 0.11, 18, "knee-search default"));

  /**
   * A workload's variability measured with quick's forks (iterations of 0.4 s, 2 s measured per fork)
   * and with standard's (1 s, 6 s). Other lengths interpolate between the two on log-log scales; below
   * and above they keep the nearer measurement: the model does not promise what was not measured.
   */
  public record Measured(Variability shortForks, Variability longForks) {
    /** The settings each measurement was made with. */
    static final ProfileSettings SHORT = ProfileSettings.of(Profile.QUICK);
    static final ProfileSettings LONG = ProfileSettings.of(Profile.STANDARD);

    public Variability at(ProfileSettings s) {
      return new Variability(
          interpolate(shortForks.iterationCv(), longForks.iterationCv(), iteration(SHORT), iteration(LONG), iteration(s)),
          interpolate(shortForks.forkCv(), longForks.forkCv(), measured(SHORT), measured(LONG), measured(s)),
          interpolate(shortForks.forkSeconds(), longForks.forkSeconds(), measured(SHORT), measured(LONG), measured(s)),
          shortForks.source());
    }

    private static double iteration(ProfileSettings s) {
      return ProfileSettings.seconds(s.measurementTime());
    }

    /** Seconds a fork measures (its iterations after warm-up). */
    private static double measured(ProfileSettings s) {
      return iteration(s) * s.measurementIterations();
    }

    /** log y linear in log x from (x0, y0) to (x1, y1), held at the nearer end outside. */
    public static double interpolate(double y0, double y1, double x0, double x1, double x) {
      if (y0 == y1) {
        return y0; // also a zero (a knee search's iterations), which has no logarithm
      }
      double t = x > 0 ? Math.max(0, Math.min(1, Math.log(x / x0) / Math.log(x1 / x0))) : 0;
      return Math.exp(Math.log(y0) + t * (Math.log(y1) - Math.log(y0)));
    }
  }

  /** A benchmark's variability learned from earlier records (its fork seconds unused: see {@link #times}). */
  private final Map<String, Spread> history;
  /** Per benchmark, what its forks took in earlier records. */
  private final Map<String, List<ForkTime>> times;

  /** A benchmark's own variation in earlier records (its fork time is learned apart: {@link ForkTime}). */
  private record Spread(double iterationCv, double forkCv, String source) {}

  /** The forks of one benchmark in one earlier record: how many, the seconds they took, their profile. */
  private record ForkTime(int forks, double seconds, ProfileSettings profile) {}

  private PrecisionModel(Map<String, Spread> history, Map<String, List<ForkTime>> times) {
    this.history = history;
    this.times = times;
  }

  /** A model refined by {@code records} (earlier runs of this host): their benchmarks' own variances. */
  public static PrecisionModel of(List<RunRecord> records) {
    Map<String, List<BenchmarkResult>> byKey = new HashMap<>();
    Map<String, List<ForkTime>> times = new HashMap<>();
    for (RunRecord r : records) {
      ProfileSettings planned = settingsOf(r.run().profile());
      for (BenchmarkResult b : r.results()) {
        if (b.isOk() && b.rawData() != null) {
          byKey.computeIfAbsent(b.key(), k -> new ArrayList<>()).add(b);
          // Fork cost from the time the forks took (not startedAt..endedAt: interleaved forks of
          // other benchmarks run in between).
          if (b.precision() != null && b.precision().seconds() != null && b.forks() > 0) {
            times.computeIfAbsent(b.key(), k -> new ArrayList<>())
                .add(new ForkTime(b.forks(), b.precision().seconds(), planned));
          }
        }
      }
    }
    Map<String, Spread> h = new HashMap<>();
    byKey.forEach((key, results) -> {
      List<List<Double>> forks = new ArrayList<>();
      results.forEach(b -> forks.addAll(b.rawData()));
      IterationPlanner.Components c = IterationPlanner.components(forks);
      if (!Double.isNaN(c.iterationVariance()) && c.grandMean() != 0) {
        double mean = Math.abs(c.grandMean());
        h.put(key, new Spread(Math.sqrt(c.iterationVariance()) / mean, Math.sqrt(c.forkVariance()) / mean,
            "history (" + forks.size() + " forks)"));
      }
    });
    return new PrecisionModel(h, times);
  }

  /** The settings of {@code profile}, or null when this version does not know it. */
  private static ProfileSettings settingsOf(String profile) {
    try {
      return ProfileSettings.of(Profile.of(profile));
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Seconds a fork of {@code s} plans for its iterations (null {@code s}: 0), the part of a fork's time
   * that follows the profile; the rest, start-up, setup and a knee's search, is learned or measured. A
   * knee search warms its server for the profile's warm-up, then runs its steps instead of measured
   * iterations. The same split serves both ways: what a record's forks took beyond it, and what a
   * plan adds to it.
   */
  static double iterationSeconds(ProfileSettings s, boolean knee) {
    if (s == null) {
      return 0;
    }
    return knee ? s.warmupIterations() * ProfileSettings.seconds(s.measurementTime())
        : s.forkSeconds() - ProfileSettings.FORK_OVERHEAD_SECONDS;
  }

  public Variability variability(PlanItem item, ProfileSettings s) {
    boolean knee = item.kind().searchesKnee();
    Measured m = knee ? KNEE_SEARCH : MEASURED.get(item.workload());
    Variability d = m != null ? m.at(s) : GENERIC;
    Spread v = history.get(item.key());
    double learned = learnedForkSeconds(item.key(), knee);
    // A fork costs the profile's iterations plus what forks took beyond them: learned, else measured defaults.
    double forkSeconds = iterationSeconds(s, knee) + (Double.isNaN(learned) ? d.forkSeconds() : learned);
    return new Variability(v != null ? v.iterationCv() : d.iterationCv(), v != null ? v.forkCv() : d.forkCv(),
        forkSeconds, v != null ? v.source() : Double.isNaN(learned) ? d.source() : d.source() + ", history's time");
  }

  /** What {@code key}'s forks took beyond their iterations in earlier records, per fork; NaN when unknown. */
  private double learnedForkSeconds(String key, boolean knee) {
    double seconds = 0;
    int forks = 0;
    for (ForkTime t : times.getOrDefault(key, List.of())) {
      seconds += t.seconds() - t.forks() * iterationSeconds(t.profile(), knee);
      forks += t.forks();
    }
    return forks == 0 ? Double.NaN : Math.max(0.1, seconds / forks);
  }

  /** Expected relative half-width with {@code forks} forks of {@code iterations}. */
  public static double halfWidth(Variability v, int forks, int iterations) {
    double var = v.forkCv() * v.forkCv() / forks + v.iterationCv() * v.iterationCv() / ((double) forks * iterations);
    int units = ScoreInterval.topUnits(1, forks, iterations); // the interval's top level
    return SmallSample.Z975 * SmallSample.expansion(units) * Math.sqrt(var);
  }

  /** Predictions for the runnable items of {@code plan}, simulating the scheduler's rounds and budget. */
  public List<Prediction> predict(List<PlanItem> plan, ProfileSettings s) {
    StoppingRule rule = s.stoppingRule();
    List<PlanItem> items = plan.stream().filter(i -> !i.isSkipped()).toList();
    int n = items.size();
    Variability[] v = new Variability[n];
    int[] forks = new int[n];
    StopReason[] stop = new StopReason[n];
    double budget = s.budget().toSeconds();
    double spent = 0;
    for (int i = 0; i < n; i++) {
      v[i] = variability(items.get(i), s);
    }
    // Rounds as the scheduler runs them (in plan order here): one more fork of every benchmark that
    // has not stopped, while the budget has room for it.
    for (boolean active = n > 0; active; ) {
      active = false;
      for (int i = 0; i < n; i++) {
        if (stop[i] != null) {
          continue;
        }
        stop[i] = rule.beforeFork(forks[i], spent + v[i].forkSeconds(), budget);
        if (stop[i] != null) {
          continue;
        }
        forks[i]++;
        spent += v[i].forkSeconds();
        stop[i] = rule.afterFork(forks[i], halfWidth(v[i], forks[i], s.measurementIterations()));
        active |= stop[i] == null;
      }
    }
    List<Prediction> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double hw = halfWidth(v[i], forks[i], s.measurementIterations());
      out.add(new Prediction(items.get(i), forks[i], hw, stop[i], forks[i] * v[i].forkSeconds(), v[i].source()));
    }
    return out;
  }
}
