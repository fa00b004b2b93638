package dev.archbench.workloads.compression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archbench.workload.BenchmarkSpec;
import dev.archbench.workload.HostContext;
import dev.archbench.workload.Profile;
import dev.archbench.workload.Workload;
import dev.archbench.workload.WorkloadOptions;
import dev.archbench.workloads.compression.codec.Codecs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CompressionWorkloadTest {

  @AfterEach
  void clearOption() {
    System.clearProperty(WorkloadOptions.PREFIX + WorkloadOptions.CORPUS);
  }

  static long runs(List<BenchmarkSpec> specs, Profile p) {
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
    for (BenchmarkSpec s : new CompressionWorkload().benchmarks()) {
      String cls = s.jmh().substring(0, s.jmh().lastIndexOf('.'));
      String method = s.jmh().substring(s.jmh().lastIndexOf('.') + 1);
      assertThat(list.lines()).as(s.jmh())
          .anyMatch(l -> l.contains(" " + cls + " ") && l.contains(" " + method + " S "));
      assertThat(s.unit()).isEqualTo("MB/s");
      assertThat(s.scoreMeaning()).contains("1 MB = 10^6 bytes");
      assertThat(s.scalesWithThreads()).isTrue();
      for (Profile p : Profile.values()) {
        Map<String, List<String>> params = s.paramsFor(p);
        // Every level of every profile is valid for its codec.
        for (String level : params.get("level")) {
          String codec = params.get("codec").get(0);
          if (s.jmh().contains("Stream")) {
            assertThat(Codecs.stream(codec, level).id()).startsWith(codec);
          } else {
            Codecs.block(codec, level).close();
          }
        }
      }
    }
  }

  @Test
  void profilesWidenOneCrossSection() {
    List<BenchmarkSpec> specs = new CompressionWorkload().benchmarks();
    assertThat(specs).hasSize(18);
    assertThat(runs(specs, Profile.SMOKE)).isEqualTo(18);
    assertThat(runs(specs, Profile.QUICK)).isEqualTo(44);
    assertThat(runs(specs, Profile.STANDARD)).isEqualTo(252);
    assertThat(runs(specs, Profile.FULL)).isEqualTo(500);
    // zstd 19 only in full.
    BenchmarkSpec zstd = specs.stream().filter(s -> s.name().equals("zstd.compress")).findFirst()
        .orElseThrow();
    assertThat(zstd.paramsFor(Profile.STANDARD).get("level")).doesNotContain("19");
    assertThat(zstd.paramsFor(Profile.FULL).get("level")).contains("19");
    assertThat(zstd.paramsFor(Profile.FULL).get("blockSize"))
        .containsExactly("4096", "65536", "1048576");
    assertThat(zstd.paramsFor(Profile.FULL).get("corpus")).hasSize(5);
  }

  @Test
  void userCorpusReplacesTheGeneratedOnesAndAMissingPathIsReported() {
    System.setProperty(WorkloadOptions.PREFIX + WorkloadOptions.CORPUS, "/no/such/corpus");
    List<BenchmarkSpec> specs = new CompressionWorkload().benchmarks();
    assertThat(specs).allSatisfy(s ->
        assertThat(s.paramsFor(Profile.SMOKE).get("corpus")).containsExactly("user"));
    HostContext ctx = new HostContext(null, java.nio.file.Path.of("."),
        Map.of(WorkloadOptions.CORPUS, "/no/such/corpus"));
    assertThatThrownBy(() -> specs.get(0).unavailableReason(ctx))
        .isInstanceOf(dev.archbench.workload.UnsatisfiableRequest.class)
        .hasMessage("--corpus /no/such/corpus: no such file or directory");
    HostContext ok = new HostContext(null, java.nio.file.Path.of("."), Map.of());
    clearOption();
    assertThat(new CompressionWorkload().benchmarks().get(0).unavailableReason(ok)).isEmpty();
  }
}
