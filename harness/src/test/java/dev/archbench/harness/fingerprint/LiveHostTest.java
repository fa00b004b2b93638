package dev.archbench.harness.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archbench.record.Host;
import dev.archbench.record.Json;
import dev.archbench.record.RecordFixtures;
import dev.archbench.record.RecordSchema;
import dev.archbench.record.RunRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code archbench sysinfo --json} on the machine running the tests agrees with what the kernel and
 * util-linux say: /proc/cpuinfo, {@code lscpu -J}, {@code lscpu -C -J -B} and /proc/meminfo.
 */
class LiveHostTest {
  private static Host host;

  @BeforeAll
  static void runSysinfo() throws IOException {
    assumeTrue(Files.isReadable(Path.of("/proc/cpuinfo")), "Linux only");
    SysinfoCommandTest.Run r = SysinfoCommandTest.run("sysinfo", "--json", "--no-imds");
    assertThat(r.exit()).isZero();
    host = Json.mapper().readValue(r.out(), Host.class);
  }

  @Test
  void agreesWithProcCpuinfo() throws IOException {
    String cpuinfo = Files.readString(Path.of("/proc/cpuinfo"));
    long processors = cpuinfo.lines().filter(l -> l.matches("processor\\s*:.*")).count();
    assertThat(host.cpu().logicalCores()).isEqualTo((int) processors);
    String field = host.arch().equals("x86_64") ? "model name" : "CPU part";
    String expected = cpuinfo.lines().filter(l -> l.startsWith(field)).findFirst()
        .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElseThrow();
    if (host.arch().equals("x86_64")) {
      assertThat(host.cpu().model()).isEqualTo(expected.replaceAll("\\s+", " "));
    } else {
      assertThat(host.cpu().part()).isEqualTo(expected.toLowerCase(java.util.Locale.ROOT));
    }
  }

  @Test
  void agreesWithLscpu() throws Exception {
    Map<String, String> lscpu = lscpu();
    assertThat(host.arch()).isEqualTo(lscpu.get("Architecture"));
    assertThat(host.cpu().logicalCores()).isEqualTo(Integer.parseInt(lscpu.get("CPU(s)")));
    assertThat(host.cpu().vendor()).isEqualTo(lscpu.get("Vendor ID"));
    if (host.arch().equals("x86_64")) {
      assertThat(host.cpu().model()).isEqualTo(lscpu.get("Model name").replaceAll("\\s+", " "));
      assertThat(host.cpu().family()).isEqualTo(Integer.parseInt(lscpu.get("CPU family")));
      assertThat(host.cpu().modelNumber()).isEqualTo(Integer.parseInt(lscpu.get("Model")));
    } else if (host.cpu().microarchitecture() != null) {
      // lscpu names arm64 cores by part: "Neoverse-V1" and so on.
      assertThat(lscpu.get("Model name")).isEqualTo(host.cpu().microarchitecture());
    }
    // arm64 lscpu may say "Cluster(s)" and "Core(s) per cluster" instead of sockets: compare what it has.
    if (isNumber(lscpu.get("Socket(s)")) && isNumber(lscpu.get("Core(s) per socket"))) {
      int sockets = Integer.parseInt(lscpu.get("Socket(s)"));
      assertThat(host.cpu().sockets()).isEqualTo(sockets);
      assertThat(host.cpu().physicalCores()).isEqualTo(sockets * Integer.parseInt(lscpu.get("Core(s) per socket")));
    }
    assertThat(host.cpu().threadsPerCore()).isEqualTo(Integer.parseInt(lscpu.get("Thread(s) per core")));
    if (lscpu.containsKey("NUMA node(s)")) {
      assertThat(host.cpu().numaNodes()).isEqualTo(Integer.parseInt(lscpu.get("NUMA node(s)")));
    }
  }

  @Test
  void cachesAgreeWithLscpu() throws Exception {
    JsonNode caches = Json.mapper().readTree(exec("lscpu", "-C", "-J", "-B")).path("caches");
    assumeTrue(caches.isArray() && caches.size() > 0, "lscpu shows no caches here");
    Map<String, Long> oneSize = new HashMap<>();
    caches.forEach(c -> oneSize.put(c.path("name").asText(), Long.parseLong(c.path("one-size").asText())));
    Host.CacheBytes cb = host.cpu().cacheBytes();
    assertThat(cb.l1d()).isEqualTo(oneSize.get("L1d"));
    assertThat(cb.l1i()).isEqualTo(oneSize.get("L1i"));
    assertThat(cb.l2()).isEqualTo(oneSize.get("L2"));
    if (oneSize.containsKey("L3")) {
      // Our l3 is per socket; lscpu's one-size is per instance: a whole multiple of it.
      assertThat(cb.l3() % oneSize.get("L3")).isZero();
    }
  }

  @Test
  void agreesWithProcMeminfo() throws IOException {
    String memTotal = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
        .findFirst().orElseThrow();
    long kb = Long.parseLong(memTotal.replaceAll("[^0-9]", ""));
    assertThat(host.memory().totalBytes()).isEqualTo(kb * 1024);
  }

  @Test
  void jvmSectionIsThisJvm() {
    assertThat(host.jvm().availableProcessors()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(host.jvm().maxHeapBytes()).isEqualTo(Runtime.getRuntime().maxMemory());
    assertThat(host.jvm().vmName()).isEqualTo(System.getProperty("java.vm.name"));
    assertThat(host.jvm().gc()).isNotNull();
  }

  @Test
  void liveHostIsValidAgainstTheRecordSchema() {
    RunRecord record = RunRecord.start(host, RecordFixtures.run("123e4567-e89b-12d3-a456-426614174000", "quick"));
    assertThat(RecordSchema.validate(record)).isEmpty();
  }

  private static boolean isNumber(String s) {
    return s != null && s.matches("\\d+");
  }

  /** {@code lscpu -J} as field → value (field names without the colon); skips when lscpu is absent. */
  private static Map<String, String> lscpu() throws Exception {
    JsonNode root = Json.mapper().readTree(exec("lscpu", "-J"));
    Map<String, String> out = new HashMap<>();
    flatten(root.path("lscpu"), out);
    return out;
  }

  /** Newer util-linux nests fields under "children". */
  private static void flatten(JsonNode entries, Map<String, String> out) {
    for (JsonNode e : entries) {
      String field = e.path("field").asText().replaceAll(":$", "").strip();
      if (!e.path("data").isMissingNode() && !e.path("data").isNull()) {
        out.putIfAbsent(field, e.path("data").asText().strip());
      }
      flatten(e.path("children"), out);
    }
  }

  private static String exec(String... command) throws Exception {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      assumeTrue(false, command[0] + " is not installed");
      throw e;
    }
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assumeTrue(p.exitValue() == 0, String.join(" ", command) + " failed here");
    return new String(out, StandardCharsets.UTF_8);
  }
}
