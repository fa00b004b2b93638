package dev.archbench.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archbench.harness.cli.ArchbenchCommand;
import dev.archbench.record.Json;
import dev.archbench.record.Platform;
import dev.archbench.record.RecordFiles;
import dev.archbench.record.RunRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * AWS Lambda handler ({@code dev.archbench.lambda.BenchmarkHandler::handleRequest}): each invocation runs
 * a slice of the benchmark its event selects ({@link SliceRequest}) with {@code archbench run}, its
 * budget bounded by the invocation's remaining time, and answers
 * {@code {"start": "cold"|"warm", "exitCode": N, "record": {...}}}: the run record the harness wrote,
 * with how the invocation started.
 *
 * <p>The first invocation an execution environment serves is cold (a new JVM: class loading, JIT, and
 * Lambda's own start), every later one warm. Only the handler knows which, so it stamps the record's
 * {@code host.platform.lambdaFunction.start} ({@link Platform.Start}) before answering: the report then
 * keeps cold and warm apart as two hosts of one price. The runtime interface client makes one handler
 * per environment, so that state is this object's. Only {@code /tmp} is writable on Lambda: records
 * and the work directory go there.
 */
public final class BenchmarkHandler implements RequestStreamHandler {
  /** Kept back from the deadline: a fork in flight when the budget ends, the record, the response. */
  static final Duration MARGIN = Duration.ofSeconds(45);

  private final ObjectMapper json = new ObjectMapper();
  private final Path scratch;
  private boolean served;

  public BenchmarkHandler() {
    this(Path.of(System.getProperty("java.io.tmpdir")));
  }

  BenchmarkHandler(Path scratch) {
    this.scratch = scratch;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    SliceRequest request = SliceRequest.parse(input.readAllBytes(), json);
    Duration budget = request.budget(Duration.ofMillis(context.getRemainingTimeInMillis()), MARGIN);
    Platform.Start start = served ? Platform.Start.WARM : Platform.Start.COLD;
    served = true;
    Path out = Files.createTempDirectory(scratch, "archbench-run-");
    List<String> args = request.runArguments(budget, out, scratch.resolve("archbench-work"));
    context.getLogger().log("archbench " + String.join(" ", args) + "\n");
    int exitCode = ArchbenchCommand.execute(args.toArray(String[]::new));
    ObjectNode answer = json.createObjectNode();
    answer.put("start", start.id());
    answer.put("exitCode", exitCode);
    Optional<RunRecord> record = record(out).map(r -> stamped(r, start));
    answer.set("record", record.isEmpty() ? null : json.readTree(Json.write(record.get())));
    json.writeValue(output, answer);
  }

  /**
   * {@code record} saying how its invocation started. A record whose fingerprint found no Lambda
   * function (not in a Lambda environment) stays as it is: there is no function to say it of.
   */
  static RunRecord stamped(RunRecord record, Platform.Start start) {
    Platform p = record.host().platform();
    return p == null ? record : record.withHost(record.host().withPlatform(p.withLambdaStart(start)));
  }

  /** The run record archbench wrote into {@code dir} (not JMH's own JSON), or empty when there is none. */
  private static Optional<RunRecord> record(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> records = files
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .filter(p -> !p.getFileName().toString().endsWith(".jmh.json"))
          .sorted()
          .toList();
      return records.isEmpty() ? Optional.empty() : Optional.of(RecordFiles.read(records.get(records.size() - 1)));
    }
  }
}
