package dev.archbench.workloads.compression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archbench.workload.BenchmarkSpec;
import dev.archbench.workload.JmhMethod;
import dev.archbench.workload.ParamGrid;
import dev.archbench.workload.Workload;
import dev.archbench.workload.WorkloadContext;
import dev.archbench.workload.WorkloadOptions;
import dev.archbench.workloads.compression.codec.Codecs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class CompressionWorkloadTest {

  static long runs(List<BenchmarkSpec> specs, ParamGrid p) {
    long n = 0;
    for (BenchmarkSpec s : specs) {
      if (s.includedIn(p)) {
        n += s.paramsFor(p).values().stream().mapToLong(List::size).reduce(1, (a, b) -> a * b);
      }
    }
    return n;
  }

  @Test
  void isDiscoveredThroughServiceLoader() {
    assertThat(ServiceLoader.load(Workload.class).stream().map(ServiceLoader.Provider::type))
        .contains(CompressionWorkload.class);
  }

  @Test
  void specsPointAtGeneratedJmhBenchmarksAndTellTheTruthAboutTheUnit() throws IOException {
    String list;
    try (InputStream in = getClass().getClassLoader()
        .getResourceAsStream("META-INF/BenchmarkList")) {
      list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (BenchmarkSpec s : new CompressionWorkload().benchmarks(WorkloadContext.none())) {
      String jmh = ((JmhMethod) s.execution()).method();
      String cls = jmh.substring(0, jmh.lastIndexOf('.'));
      String method = jmh.substring(jmh.lastIndexOf('.') + 1);
      assertThat(list.lines()).as(jmh)
          .anyMatch(l -> l.contains(" " + cls + " ") && l.contains(" " + method + " S "));
      assertThat(s.unit()).isEqualTo("MB/s");
      assertThat(s.scoreMeaning()).contains("1 MB = 10^6 bytes");
      assertThat(s.scalesWithThreads()).isTrue();
      for (ParamGrid p : ParamGrid.values()) {
        if (!s.includedIn(p)) {
          continue; // streams are not in the representative grid
        }
        Map<String, List<String>> params = s.paramsFor(p);
        // Every level of every grid is valid for its codec.
        for (String level : params.get("level")) {
          String codec = params.get("codec").get(0);
          if (jmh.contains("Stream")) {
            assertThat(Codecs.stream(codec, level).id()).startsWith(codec);
          } else {
            Codecs.block(codec, level).close();
          }
        }
      }
    }
  }

  @Test
  void gridsWidenOneCrossSection() {
    List<BenchmarkSpec> specs = new CompressionWorkload().benchmarks(WorkloadContext.none());
    assertThat(specs).hasSize(18);
    assertThat(runs(specs, ParamGrid.SMOKE)).isEqualTo(18);
    // The representative grid: one block benchmark per codec and direction.
    assertThat(runs(specs, ParamGrid.REPRESENTATIVE)).isEqualTo(12);
    assertThat(runs(specs, ParamGrid.FULL)).isEqualTo(500);
    // zstd 19 only in full.
    BenchmarkSpec zstd = specs.stream().filter(s -> s.name().equals("zstd.compress")).findFirst()
        .orElseThrow();
    assertThat(zstd.paramsFor(ParamGrid.REPRESENTATIVE).get("level")).doesNotContain("19");
    assertThat(zstd.paramsFor(ParamGrid.FULL).get("level")).contains("19");
    assertThat(zstd.paramsFor(ParamGrid.FULL).get("blockSize"))
        .containsExactly("4096", "65536", "1048576");
    assertThat(zstd.paramsFor(ParamGrid.FULL).get("corpus")).hasSize(5);
  }

  @Test
  void userCorpusReplacesTheGeneratedOnesAndAMissingPathIsReported() {
    WorkloadContext ctx = new WorkloadContext(null, Path.of("."), Map.of(WorkloadOptions.CORPUS, "/no/such/corpus"));
    List<BenchmarkSpec> specs = new CompressionWorkload().benchmarks(ctx);
    assertThat(specs).allSatisfy(s ->
        assertThat(s.paramsFor(ParamGrid.SMOKE).get("corpus")).containsExactly("user"));
    assertThatThrownBy(() -> specs.get(0).unavailableReason(ctx))
        .isInstanceOf(dev.archbench.workload.UnsatisfiableRequest.class)
        .hasMessage("--corpus /no/such/corpus: no such file or directory");
    WorkloadContext none = WorkloadContext.none();
    assertThat(new CompressionWorkload().benchmarks(none).get(0).unavailableReason(none)).isEmpty();
  }
}
