package dev.archbench.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archbench.harness.cli.ArchbenchCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * AWS Lambda handler ({@code dev.archbench.lambda.BenchmarkHandler::handleRequest}): each invocation runs
 * a slice of the benchmark its event selects ({@link SliceRequest}) with {@code archbench run}, its
 * budget bounded by the invocation's remaining time, and answers
 * {@code {"init": "cold"|"warm", "exitCode": N, "record": {...}}}: the run record, as the harness wrote it.
 *
 * <p>The first invocation an execution environment serves is cold (a new JVM: class loading, JIT, and
 * Lambda's own start), every later one warm; its record's label ends in {@code -cold}, so a report keeps
 * them apart. The runtime interface client makes one handler per environment, so that state is this
 * object's. Only {@code /tmp} is writable on Lambda: records and the work directory go there.
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
    boolean cold = !served;
    served = true;
    Path out = Files.createTempDirectory(scratch, "archbench-run-");
    List<String> args = request.runArguments(cold, budget, out, scratch.resolve("archbench-work"));
    context.getLogger().log("archbench " + String.join(" ", args) + "\n");
    int exitCode = ArchbenchCommand.execute(args.toArray(String[]::new));
    ObjectNode answer = json.createObjectNode();
    answer.put("init", cold ? "cold" : "warm");
    answer.put("exitCode", exitCode);
    answer.set("record", record(out));
    json.writeValue(output, answer);
  }

  /** The run record archbench wrote into {@code dir} (not JMH's own JSON), or null when there is none. */
  private JsonNode record(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> records = files
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .filter(p -> !p.getFileName().toString().endsWith(".jmh.json"))
          .sorted()
          .toList();
      return records.isEmpty() ? null : json.readTree(records.get(records.size() - 1).toFile());
    }
  }
}
