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
    return new Outcome(BenchmarkResult.builder(item.key(), item.workload(), item.spec().name())
        .params(item.params()).mode(item.mode()).threads(item.threads()).unit(item.spec().unit())
        .higherIsBetter(item.spec().higherIsBetter()).startedAt(startedAt).endedAt(endedAt)
        .status(Status.FAILED).reason(reason).build(), null);
  }
}
