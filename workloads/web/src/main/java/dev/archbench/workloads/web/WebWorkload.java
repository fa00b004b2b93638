package dev.archbench.workloads.web;

import dev.archbench.workload.BenchmarkSpec;
import dev.archbench.workload.JmhMethod;
import dev.archbench.workload.ParamGrid;
import dev.archbench.workload.ScenarioClass;
import dev.archbench.workload.Workload;
import dev.archbench.workload.WorkloadContext;
import dev.archbench.workload.WorkloadOptions;
import dev.archbench.workloads.web.jmh.CryptoBenchmark;
import dev.archbench.workloads.web.jmh.HttpPathBenchmark;
import dev.archbench.workloads.web.jmh.JacksonBenchmark;
import dev.archbench.workloads.web.scenario.ClosedLoopScenario;
import dev.archbench.workloads.web.scenario.KneeScenario;
import dev.archbench.workloads.web.server.TlsMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The scale-out web tier: a Netty HTTP/1.1 service on loopback under closed-loop load at
 * concurrency levels relative to the host, an open-loop knee search, and JMH benchmarks of the
 * request path (Jackson, AES-GCM and SHA-256, HTTP decoding and handling).
 *
 * <p>Client and server share the host by default; every load result records the CPU split and
 * the server's requests per CPU-second. Two hosts: {@code archbench serve web --bind 0.0.0.0} on the
 * instance under test, {@code archbench run --server URL} on the load host.
 */
public final class WebWorkload implements Workload {
  private static final String CLOSED = ClosedLoopScenario.class.getName();
  private static final String KNEE = KneeScenario.class.getName();
  private static final List<String> SCENARIO_JVM = List.of("-Xms1g", "-Xmx1g",
      "-Dio.netty.leakDetection.level=disabled");
  private static final String ALL_LEVELS = "1,0.5x,1x,2x,4x";

  @Override
  public String id() {
    return "web";
  }

  @Override
  public String summary() {
    return "Netty HTTP/1.1 service on loopback: JSON, gzip, TLS 1.3; throughput, latency percentiles, knee";
  }

  /** The first answer: plain-HTTP throughput and its knee, and the parts a request goes through (JSON, AES-GCM, Netty's codec, the whole pipeline). */
  @Override
  public java.util.Set<String> coreBenchmarks() {
    return java.util.Set.of("closed.http", "knee.http", "jackson.deserialize", "crypto.aesgcm-decrypt", "http.decode", "http.handle");
  }

  /** The load scenarios that drive a server on another host ({@code --server}): plain HTTP. */
  private static final java.util.Set<String> REMOTE = java.util.Set.of("closed.http", "knee.http");

  /**
   * Every benchmark; with {@code --server} (the server on another host, the record attributed to it)
   * only the plain-HTTP load scenarios, since anything else would run on the load host.
   */
  @Override
  public List<BenchmarkSpec> benchmarks(WorkloadContext ctx) {
    List<BenchmarkSpec> all = all();
    return ctx.option(WorkloadOptions.WEB_SERVER).isEmpty() ? all
        : all.stream().filter(b -> REMOTE.contains(b.name())).toList();
  }

  private static List<BenchmarkSpec> all() {
    return List.of(
        closed("closed.http", "none", Map.of(
            ParamGrid.SMOKE, params("json", "1,4x"),
            ParamGrid.REPRESENTATIVE, params("json,orders", "4x"),
            ParamGrid.FULL, params("plaintext,json,orders,orders-gzip", ALL_LEVELS))),
        closed("closed.https-jdk", "jdk", Map.of(
            ParamGrid.REPRESENTATIVE, params("json", "4x"),
            ParamGrid.FULL, params("json,orders", ALL_LEVELS))),
        closed("closed.https-openssl", "openssl", Map.of(
            ParamGrid.REPRESENTATIVE, params("json", "4x"),
            ParamGrid.FULL, params("json,orders", ALL_LEVELS))),
        knee("knee.http", "none", Map.of(
            ParamGrid.SMOKE, kneeParams("json", "0.1,0.25,0.5,0.75,1.0", "0"),
            ParamGrid.REPRESENTATIVE, kneeParams("json", "0.2,0.4,0.6,0.7,0.8,0.9,1.0", "1"),
            ParamGrid.FULL, kneeParams("plaintext,json,orders,orders-gzip", "0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1.0", "3"))),
        knee("knee.https-openssl", "openssl", Map.of(
            ParamGrid.FULL, kneeParams("json,orders", "0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1.0", "3"))),
        jmh("jackson.deserialize", "Jackson: parse the 3.2 KB order JSON into records",
            "orders parsed per second", JacksonBenchmark.class, "deserialize", Map.of()),
        jmh("jackson.serialize", "Jackson: write the 4.5 KB priced-order answer",
            "answers serialized per second", JacksonBenchmark.class, "serialize", Map.of()),
        jmh("crypto.aesgcm-encrypt", "JDK AES-256-GCM encryption of one buffer (TLS record cipher)",
            "buffers of `size` bytes encrypted per second", CryptoBenchmark.class, "aesGcmEncrypt",
            Map.of("size", List.of("1024", "16384"))),
        jmh("crypto.aesgcm-decrypt", "JDK AES-256-GCM decryption and tag check of one buffer",
            "buffers of `size` bytes decrypted per second", CryptoBenchmark.class, "aesGcmDecrypt",
            Map.of("size", List.of("1024", "16384"))),
        jmh("crypto.sha256", "JDK SHA-256 of one buffer", "buffers of `size` bytes hashed per second",
            CryptoBenchmark.class, "sha256", Map.of("size", List.of("1024", "16384"))),
        jmh("http.decode", "Netty: decode one HTTP/1.1 request through EmbeddedChannel",
            "requests decoded per second", HttpPathBenchmark.class, "decode",
            Map.of("request", List.of("get-json", "post-orders"))),
        jmh("http.handle", "The whole server pipeline without sockets: decode, route, Jackson, gzip, encode",
            "requests answered per second (one thread)", HttpPathBenchmark.class, "handle",
            Map.of("request", List.of("get-json", "post-orders", "post-orders-gzip"))));
  }

  private static Map<String, List<String>> params(String endpoints, String levels) {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("endpoint", List.of(endpoints.split(",")));
    p.put("concurrency", List.of(levels.split(",")));
    return p;
  }

  private static Map<String, List<String>> kneeParams(String endpoints, String ladder, String refine) {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("endpoint", List.of(endpoints.split(",")));
    p.put("ladder", List.of(ladder));
    p.put("refine", List.of(refine));
    return p;
  }

  private static BenchmarkSpec closed(String name, String tls, Map<ParamGrid, Map<String, List<String>>> perGrid) {
    return new BenchmarkSpec(name,
        "Closed-loop keep-alive load, " + tlsText(tls) + ", at concurrency levels relative to vCPUs",
        "answered requests per second (every answer checked); percentiles are latency in ms",
        "req/s", true, new ScenarioClass(CLOSED), withTls(perGrid, tls), false, SCENARIO_JVM, availability(tls));
  }

  private static BenchmarkSpec knee(String name, String tls, Map<ParamGrid, Map<String, List<String>>> perGrid) {
    return new BenchmarkSpec(name,
        "Open-loop knee search, " + tlsText(tls) + ": highest constant rate with p99 under the target",
        "the knee: highest offered rate (req/s) with corrected p99 <= --p99-target-ms (default 10); "
            + "percentiles are latency in ms at the knee",
        "req/s", true, ScenarioClass.kneeSearch(KNEE), withTls(perGrid, tls), false, SCENARIO_JVM, availability(tls));
  }

  /**
   * A JMH benchmark in every grid; smoke takes only the first value of each parameter, the
   * representative grid the last (the larger buffer, the fuller request: the case a
   * service spends its CPU on).
   */
  private static BenchmarkSpec jmh(String name, String summary, String meaning, Class<?> type,
      String method, Map<String, List<String>> params) {
    Map<ParamGrid, Map<String, List<String>>> all = new LinkedHashMap<>();
    for (ParamGrid g : ParamGrid.values()) {
      all.put(g, params);
    }
    Map<String, List<String>> smoke = new LinkedHashMap<>();
    params.forEach((k, v) -> smoke.put(k, List.of(v.get(0))));
    all.put(ParamGrid.SMOKE, smoke);
    Map<String, List<String>> representative = new LinkedHashMap<>();
    params.forEach((k, v) -> representative.put(k, List.of(v.get(v.size() - 1))));
    all.put(ParamGrid.REPRESENTATIVE, representative);
    // Unlocking diagnostic options changes nothing but lets CryptoBenchmark read the intrinsic flags.
    List<String> jvm = type == CryptoBenchmark.class ? List.of("-XX:+UnlockDiagnosticVMOptions") : List.of();
    return new BenchmarkSpec(name, summary, meaning, "ops/s", true, new JmhMethod(type.getName() + "." + method),
        all, true, jvm, null);
  }

  private static Map<ParamGrid, Map<String, List<String>>> withTls(
      Map<ParamGrid, Map<String, List<String>>> perGrid, String tls) {
    Map<ParamGrid, Map<String, List<String>>> out = new LinkedHashMap<>();
    perGrid.forEach((grid, p) -> {
      Map<String, List<String>> m = new LinkedHashMap<>(p);
      m.put("tls", List.of(tls));
      out.put(grid, m);
    });
    return out;
  }

  private static String tlsText(String tls) {
    return switch (tls) {
      case "jdk" -> "TLS 1.3 (JDK provider)";
      case "openssl" -> "TLS 1.3 (BoringSSL)";
      default -> "plain HTTP";
    };
  }

  private static Function<WorkloadContext, Optional<String>> availability(String tls) {
    return ctx -> TlsMode.of(tls).unavailableReason();
  }
}
