package dev.archbench.harness.runner.execute;

import dev.archbench.harness.runner.lifecycle.Clock;
import dev.archbench.harness.runner.measure.ForkDeadline;
import dev.archbench.harness.runner.measure.ForkMerge;
import dev.archbench.harness.runner.measure.ForkPlan;
import dev.archbench.harness.runner.measure.ProfileSettings;
import dev.archbench.harness.runner.plan.PlanItem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Json;
import dev.archbench.record.RecordFiles;
import dev.archbench.record.Status;
import dev.archbench.workload.ScenarioClass;
import dev.archbench.workload.ScenarioMeasurement;
import dev.archbench.workload.Scenario.ScenarioSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * Runs a {@link dev.archbench.workload.Scenario} in a forked JVM (same java, class path and
 * arguments as JMH forks), reads its result back and normalizes its identity (key, workload,
 * benchmark, params, threads, times, status). Its output goes to the run's log.
 */
public final class ScenarioExecutor {
  private final ForkSettings fork;
  private final OutputStream log;
  private final BooleanSupplier stopped;

  /** @param stopped whether the run was asked to stop (a signal, a spot notice): the fork is killed */
  public ScenarioExecutor(ForkSettings fork, OutputStream log, BooleanSupplier stopped) {
    this.fork = fork;
    this.log = log;
    this.stopped = stopped;
  }

  /** Runs one fork; one still running at {@code limit}'s deadline is killed and fails. */
  public Outcome run(PlanItem item, ScenarioClass scenario, ForkPlan plan, String startedAt, ForkDeadline limit) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("archbench-scenario-");
      Path request = dir.resolve("request.json");
      Path result = dir.resolve("result.json");
      Path notes = dir.resolve("notes.jsonl");
      ProfileSettings s = fork.profile();
      ScenarioSettings settings = new ScenarioSettings(
          plan.warmupIterations() * ProfileSettings.seconds(s.measurementTime()),
          ProfileSettings.seconds(s.measurementTime()), plan.measurementIterations(), item.threads(),
          fork.options());
      ObjectNode req = Json.mapper().createObjectNode();
      req.put("scenarioClass", scenario.className());
      req.set("params", Json.mapper().valueToTree(new TreeMap<>(item.params())));
      req.set("settings", Json.mapper().valueToTree(settings));
      RecordFiles.writeAtomically(request, Json.write(req));

      List<String> cmd = new ArrayList<>();
      cmd.add(fork.javaExecutable());
      cmd.addAll(item.spec().jvmArgs());
      cmd.addAll(fork.userJvmArgs());
      cmd.add(fork.forkProperty(dir.resolve("fork.json"), notes));
      cmd.add("-cp");
      cmd.add(ForkSettings.classPath());
      cmd.addAll(ParentWatch.prefix(ScenarioMain.class.getName()));
      cmd.add(request.toString());
      cmd.add(result.toString());
      write("# archbench scenario " + item.key() + "\n# " + String.join(" ", cmd) + "\n");
      ChildProcess.Ended p = ChildProcess.run(cmd, log, limit.forFork(plan, s), limit.nanoTime(), stopped);
      String ended = Clock.now();
      if (p.overDeadline()) {
        return Outcome.failed(item, ForkDeadline.EXCEEDED, startedAt, ended);
      }
      JsonNode answer = Files.exists(result) ? Json.mapper().readTree(result.toFile()) : null;
      if (p.exit() != 0 || answer == null || answer.has("error")) {
        String reason = answer != null && answer.hasNonNull("error") ? answer.get("error").asText()
            : "scenario JVM ended with " + p.describeExit();
        return Outcome.failed(item, reason, startedAt, ended);
      }
      ScenarioMeasurement r = Json.mapper().treeToValue(answer, ScenarioMeasurement.class);
      Notes n = Files.exists(notes) ? Notes.parse(Files.readString(notes, StandardCharsets.UTF_8)) : Notes.NONE;
      BenchmarkResult measured = normalize(item, r, n, startedAt, ended);
      // Warm-up steps and measured steps are one series, classified as any fork's iterations are.
      return new Outcome(measured.isOk() && r.rawData().size() == 1
          ? ForkMerge.classify(measured, r.series(), r.jitMillis(), ProfileSettings.seconds(s.measurementTime()),
              measured.secondary())
          : measured, null);
    } catch (IOException | dev.archbench.record.RecordException e) {
      return Outcome.failed(item, "scenario: " + Failures.firstLine(e), startedAt, Clock.now());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.failed(item, "scenario: interrupted", startedAt, Clock.now());
    } finally {
      ForkFiles.deleteTree(dir);
    }
  }

  /** The stored result of a measurement: identity from the plan, score from the raw data. */
  static BenchmarkResult normalize(PlanItem item, ScenarioMeasurement m, Notes notes, String startedAt,
      String endedAt) {
    Map<String, BenchmarkResult.Metric> secondary = new TreeMap<>(m.secondary());
    notes.metrics().forEach(secondary::putIfAbsent);
    Map<String, String> attributes = new TreeMap<>(notes.attributes());
    attributes.putAll(m.attributes());
    double score = BenchmarkResult.meanOfForkMeans(m.rawData());
    boolean ok = Double.isFinite(score) && score >= 0;
    return BenchmarkResult.builder(item.key(), item.workload(), item.spec().name())
        .params(new TreeMap<>(item.params())).mode("scenario").threads(item.threads()).forks(m.rawData().size())
        .unit(item.spec().unit()).higherIsBetter(item.spec().higherIsBetter()).score(ok ? score : null)
        .rawData(m.rawData()).latency(m.latency()).knee(m.knee()).cpu(m.cpu())
        .subject(m.subject() != null ? m.subject() : notes.subject()).secondary(secondary).attributes(attributes)
        .startedAt(startedAt).endedAt(endedAt).status(ok ? Status.OK : Status.FAILED)
        .reason(ok ? null : "scenario measured no iteration")
        .build();
  }

  private void write(String s) throws IOException {
    log.write(s.getBytes(StandardCharsets.UTF_8));
    log.flush();
  }

}
