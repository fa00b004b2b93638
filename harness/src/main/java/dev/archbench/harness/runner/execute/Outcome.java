package dev.archbench.harness.runner.execute;

import dev.archbench.harness.runner.plan.PlanItem;
import com.fasterxml.jackson.databind.JsonNode;
import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Status;
import org.openjdk.jmh.results.RunResult;

/**
 * The result of one plan item, with JMH's own result when JMH ran it (for the JMH JSON file): a
 * {@link RunResult} from archbench's JMH, or the JSON entry a user jar's JMH wrote ({@code --jmh-jar}).
 */
public record Outcome(BenchmarkResult result, RunResult jmh, JsonNode jmhJson) {

  public Outcome(BenchmarkResult result, RunResult jmh) {
    this(result, jmh, null);
  }

  public static Outcome failed(PlanItem item, String reason, String startedAt, String endedAt) {
    return new Outcome(new BenchmarkResult(item.key(), item.workload(), item.spec().name(),
        item.params(), item.mode(), item.threads(), 0, item.spec().unit(), item.spec().higherIsBetter(),
        null, null, null, null, null, null, null, null, startedAt, endedAt, Status.FAILED, reason), null);
  }
}
