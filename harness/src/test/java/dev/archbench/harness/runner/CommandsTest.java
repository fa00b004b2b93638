package dev.archbench.harness.runner;

import dev.archbench.harness.runner.measure.ProfileSettings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archbench.harness.cli.ArchbenchCommand;
import dev.archbench.record.Json;
import dev.archbench.workload.Profile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code archbench list} and the parts of {@code archbench run} that do not measure. */
class CommandsTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int exec(String... args) {
    CommandLine cl = ArchbenchCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void listHidesTheSelftestUnlessAll() throws Exception {
    assertThat(exec("list")).isZero();
    assertThat(out.toString()).doesNotContain("selftest");
    out.getBuffer().setLength(0);
    assertThat(exec("list", "--all")).isZero();
    assertThat(out.toString()).contains("selftest (hidden): ").contains("  sum.latency  [us/op, lower is better]")
        .contains("grids: smoke, representative, full; scales with --threads");
    out.getBuffer().setLength(0);
    assertThat(exec("list", "--all", "--json")).isZero();
    JsonNode rows = Json.mapper().readTree(out.toString());
    JsonNode sum = null;
    for (JsonNode row : rows) {
      if (row.get("workload").asText().equals("selftest") && row.get("benchmark").asText().equals("sum")) {
        sum = row;
      }
    }
    assertThat(sum).isNotNull();
    assertThat(sum.get("params").get("representative").get("size").toString()).isEqualTo("[\"1000\",\"100000\"]");
    assertThat(sum.get("kind").asText()).isEqualTo("jmh");
  }

  @Test
  void markdownTableIsGeneratedFromTheMetadata() {
    assertThat(exec("list", "--all", "--markdown")).isZero();
    assertThat(out.toString()).startsWith("| Workload | Benchmark |")
        .contains("| selftest | `sum` | Sums an array of longs (proves JMH forks, params and threads). | ops/s"
            + " (higher is better) | smoke, representative, full; threads | size=1000,100000,10000000"
            + " (smoke: size=1000; representative: size=1000,100000) |\n");
  }

  @Test
  void dryRunPrintsThePlanWithEstimatesAndWritesNothing() {
    int exit = exec("run", "--workloads", "selftest", "--profile", "smoke", "--threads", "1,2",
        "--dry-run", "--out", dir.resolve("r").toString());
    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("profile smoke (representative grid), no target, 1 fork, 4 min budget")
        .contains("selftest/sum[size=1000]@1").contains("selftest/sum[size=1000]@2")
        .containsPattern("selftest/sum\\[size=1000\\]@1 +thrpt +1 +±[0-9]+% +benchmark-cap +0:05")
        .contains("skipped: selftest: never available")
        .contains("6 benchmarks (1 skipped), estimated 0:23 within a budget of 4 min");
    assertThat(Files.exists(dir.resolve("r"))).isFalse();
  }

  @Test
  void badOptionsAreOneLineUsageErrors() {
    assertThat(exec("run", "--profile", "huge", "--dry-run")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("archbench: --profile: 'huge' is not one of smoke, quick, standard, full\n");
    err.getBuffer().setLength(0);
    assertThat(exec("run", "--threads", "1,lots", "--dry-run")).isEqualTo(2);
    assertThat(err.toString()).startsWith("archbench: --threads: 'lots'");
    err.getBuffer().setLength(0);
    assertThat(exec("run", "--workloads", "selftest", "--jmh", "-t 8", "--dry-run")).isEqualTo(2);
    assertThat(err.toString()).contains("-t (use --threads)");
    err.getBuffer().setLength(0);
    assertThat(exec("run", "--workloads", "selftest", "--include", "nothing-matches", "--dry-run")).isEqualTo(2);
    assertThat(err.toString()).startsWith("archbench: nothing to run");
    err.getBuffer().setLength(0);
    assertThat(exec("run", "--resume", "abc", "--profile", "full")).isEqualTo(2);
    assertThat(err.toString()).contains("remove --profile");
    err.getBuffer().setLength(0);
    assertThat(exec("run", "--resume", "0000", "--out", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("archbench: " + dir.resolve("0000.json") + ": no such run record to resume\n");
    assertThat(exec("list", "--json", "--markdown")).isEqualTo(2);
  }

  @Test
  void helpDocumentsEachProfilesSettings() {
    assertThat(exec("run", "--help")).isZero();
    for (Profile p : Profile.values()) {
      String settings = ProfileSettings.of(p).describe();
      assertThat(out.toString()).as(p.id()).containsPattern("(?m)^  " + p.id() + " +" + java.util.regex.Pattern.quote(settings));
    }
  }

  @Test
  void anExplicitRequestThisHostCannotMeetStopsTheRunWithOneLine() {
    assertThat(exec("run", "--workloads", "inference", "--device", "neuron", "--dry-run", "--out", dir.toString()))
        .isEqualTo(1);
    assertThat(err.toString()).isEqualTo("archbench: no Neuron device (/dev/neuron* absent)" + System.lineSeparator());
    err.getBuffer().setLength(0);
    assertThat(exec("run", "--workloads", "compression", "--corpus", "/no/such/corpus", "--dry-run")).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("archbench: --corpus /no/such/corpus: no such file or directory"
        + System.lineSeparator());
  }
}
