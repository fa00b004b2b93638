package dev.archbench.harness.runner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.archbench.harness.runner.measure.ProfileSettings;
import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Precision;
import dev.archbench.record.Precision.StopReason;
import dev.archbench.record.RecordFixtures;
import dev.archbench.record.RunRecord;
import dev.archbench.workload.BenchmarkSpec;
import dev.archbench.workload.Profile;
import dev.archbench.workload.ScenarioClass;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a plan learns from earlier records ({@code --history}) of what a fork costs. */
class PrecisionModelHistoryTest {
  private static final ProfileSettings QUICK = ProfileSettings.of(Profile.QUICK);
  private static final ProfileSettings STANDARD = ProfileSettings.of(Profile.STANDARD);
  private static final BenchmarkSpec KNEE = new BenchmarkSpec("knee.http", "s", "m", "req/s", true,
      ScenarioClass.kneeSearch("x.Knee"), Map.of(), false, List.of(), null);
  private static final BenchmarkSpec CLOSED = new BenchmarkSpec("closed.http", "s", "m", "req/s", true,
      new ScenarioClass("x.Closed"), Map.of(), false, List.of(), null);

  /** A record of {@code profile} whose one fork of {@code spec} took {@code seconds}. */
  private static RunRecord record(String profile, BenchmarkSpec spec, double seconds, double... values) {
    BenchmarkResult r = RecordFixtures.okResult("web", spec.name(), values)
        .withPrecision(new Precision(null, null, StopReason.BENCHMARK_CAP, null, null, seconds));
    return RunRecord.start(RecordFixtures.host("x86_64", "m7i.large"),
        RecordFixtures.run("123e4567-e89b-12d3-a456-426614174000", profile)).withResult(r);
  }

  private static PlanItem item(BenchmarkSpec spec) {
    return new PlanItem("web", spec, Map.of(), Map.of(), 1, "scenario", 10, null);
  }

  @Test
  void plannedAtTheProfileItWasMeasuredWithAForkCostsWhatItTook() {
    // A knee search records one value per fork, so its variances are not learned, but its forks' time is.
    PrecisionModel knees = PrecisionModel.of(List.of(record("quick", KNEE, 20, 950), record("quick", KNEE, 20, 1000)));
    assertThat(knees.variability(item(KNEE), QUICK).forkSeconds()).isCloseTo(20, within(1e-9));
    assertThat(knees.variability(item(KNEE), QUICK).source()).isEqualTo("knee-search default, history's time");

    PrecisionModel closed = PrecisionModel.of(
        List.of(record("quick", CLOSED, 7, 10, 11, 12), record("quick", CLOSED, 7, 11, 12, 13)));
    assertThat(closed.variability(item(CLOSED), QUICK).forkSeconds()).isCloseTo(7, within(1e-9));
    assertThat(closed.variability(item(CLOSED), QUICK).source()).isEqualTo("history (2 forks)");
  }

  @Test
  void aKneeSearchLearnedAtOneProfileKeepsItsSearchTimeAtAnother() {
    // Beyond its warm-up a knee fork searches, the same at every profile: the measured iterations a
    // profile would plan are no part of it, neither when learning from the record nor when planning.
    PrecisionModel model = PrecisionModel.of(List.of(record("quick", KNEE, 20, 950)));
    double search = 20 - QUICK.warmupIterations() * ProfileSettings.seconds(QUICK.measurementTime());
    assertThat(model.variability(item(KNEE), STANDARD).forkSeconds())
        .isCloseTo(STANDARD.warmupIterations() * ProfileSettings.seconds(STANDARD.measurementTime()) + search,
            within(1e-9));
  }
}
