package dev.archbench.workloads.compression;

import dev.archbench.workload.BenchmarkSpec;
import dev.archbench.workload.JmhMethod;
import dev.archbench.workload.ParamGrid;
import dev.archbench.workload.Workload;
import dev.archbench.workload.WorkloadContext;
import dev.archbench.workload.UnsatisfiableRequest;
import dev.archbench.workload.WorkloadOptions;
import dev.archbench.workloads.compression.codec.Codecs;
import dev.archbench.workloads.compression.corpus.Corpora;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compression: zstd, lz4, snappy, deflate/gzip, xz and brotli through the JVM libraries services
 * use, block by block and as whole-file streams, on generated corpora (or {@code --corpus PATH}).
 *
 * <p>The parameter grids widen one cross-section: {@code smoke} and {@code representative} run each
 * codec at one level on 64 KiB blocks of JSON logs (representative leaves the whole-file streams to
 * the full grid); {@code full} runs every level, the three block sizes and the five corpora.
 */
public final class CompressionWorkload implements Workload {
  static final String UNIT = "MB/s";
  static final String SCORE_MEANING = "MB/s of uncompressed data (1 MB = 10^6 bytes): JMH counts"
      + " one operation per uncompressed byte and reports operations per microsecond";

  static final List<String> ALL_CORPORA =
      List.of("json-logs", "text", "csv-telemetry", "binary", "random");
  private static final List<String> ALL_BLOCKS = List.of("4096", "65536", "1048576");
  private static final List<String> BLOCK_64K = List.of("65536");

  @Override
  public String id() {
    return "compression";
  }

  @Override
  public String summary() {
    return "zstd, lz4, snappy, deflate/gzip, xz, brotli: block and streaming MB/s, ratio";
  }

  /** The first answer: zstd both ways (a native codec) and deflate (the JDK's own, JIT-compiled Java around zlib). */
  @Override
  public java.util.Set<String> coreBenchmarks() {
    return java.util.Set.of("zstd.compress", "zstd.decompress", "deflate.compress");
  }

  @Override
  public List<BenchmarkSpec> benchmarks(WorkloadContext ctx) {
    boolean userCorpus = ctx.option(WorkloadOptions.CORPUS).isPresent();
    List<BenchmarkSpec> specs = new ArrayList<>();
    for (CodecPlan plan : BLOCK_PLANS) {
      for (String op : List.of("compress", "decompress")) {
        specs.add(spec(plan.codec + "." + op,
            op + " independent blocks with " + plan.codec + " (" + plan.library + ")",
            BlockBenchmark.class.getName() + "." + op, plan, true, userCorpus));
      }
    }
    for (CodecPlan plan : STREAM_PLANS) {
      for (String op : List.of("compress", "decompress")) {
        specs.add(spec(plan.codec + ".stream." + op,
            op + " whole files as a " + plan.codec + " stream (" + plan.library + ")",
            StreamBenchmark.class.getName() + "." + op, plan, false, userCorpus));
      }
    }
    return List.copyOf(specs);
  }

  private static BenchmarkSpec spec(String name, String summary, String jmh, CodecPlan plan,
      boolean blocks, boolean userCorpus) {
    Map<ParamGrid, Map<String, List<String>>> params = new EnumMap<>(ParamGrid.class);
    for (ParamGrid p : ParamGrid.values()) {
      if (!blocks && p == ParamGrid.REPRESENTATIVE) {
        continue; // whole-file streams are in the full grid; the block benchmarks represent each codec
      }
      Map<String, List<String>> values = new LinkedHashMap<>();
      values.put("codec", List.of(plan.codec));
      values.put("level", plan.levels.get(p));
      if (blocks) {
        values.put("blockSize", plan.blockSizes.get(p));
      }
      values.put("corpus", userCorpus ? List.of(Corpora.USER) : corpora(p));
      params.put(p, values);
    }
    return new BenchmarkSpec(name, summary, SCORE_MEANING, UNIT, true, new JmhMethod(jmh), params, true,
        List.of(), CompressionWorkload::availability);
  }

  /** A missing {@code --corpus} path is the user's error: the run stops before it starts. */
  private static Optional<String> availability(WorkloadContext ctx) {
    ctx.option(WorkloadOptions.CORPUS).filter(path -> !Files.exists(Path.of(path))).ifPresent(path -> {
      throw new UnsatisfiableRequest("--corpus " + path + ": no such file or directory");
    });
    return Optional.empty();
  }

  static List<String> corpora(ParamGrid p) {
    return switch (p) {
      case SMOKE -> List.of("json-logs");
      case REPRESENTATIVE -> List.of("json-logs"); // see README, "Representative grid"
      case FULL -> ALL_CORPORA;
    };
  }

  /** Levels and block sizes of one codec per parameter grid. */
  private record CodecPlan(String codec, String library, Map<ParamGrid, List<String>> levels,
      Map<ParamGrid, List<String>> blockSizes) {}

  private static Map<ParamGrid, List<String>> perGrid(List<String> smoke, List<String> representative,
      List<String> full) {
    Map<ParamGrid, List<String>> m = new EnumMap<>(ParamGrid.class);
    m.put(ParamGrid.SMOKE, smoke);
    m.put(ParamGrid.REPRESENTATIVE, representative);
    m.put(ParamGrid.FULL, full);
    return m;
  }

  private static final Map<ParamGrid, List<String>> BLOCKS = perGrid(BLOCK_64K, BLOCK_64K, ALL_BLOCKS);

  private static final List<CodecPlan> BLOCK_PLANS = List.of(
      new CodecPlan("zstd", "zstd-jni", perGrid(List.of("3"), List.of("3"),
          List.of("1", "3", "9", "19")), BLOCKS),
      new CodecPlan("lz4", "lz4-java; level 1 fast, 9 HC", perGrid(List.of("1"),
          List.of("1"), List.of("1", "9")), BLOCKS),
      new CodecPlan("snappy", "snappy-java", perGrid(List.of(Codecs.DEFAULT_LEVEL),
          List.of(Codecs.DEFAULT_LEVEL), List.of(Codecs.DEFAULT_LEVEL)), BLOCKS),
      new CodecPlan("deflate", "java.util.zip, zlib format", perGrid(List.of("6"),
          List.of("6"), List.of("1", "6", "9")), BLOCKS),
      new CodecPlan("xz", "org.tukaani:xz, pure Java", perGrid(List.of("6"), List.of("6"),
          List.of("6")), BLOCKS),
      new CodecPlan("brotli", "brotli4j", perGrid(List.of("6"), List.of("6"),
          List.of("1", "6", "11")), BLOCKS));

  private static final Map<ParamGrid, List<String>> NO_BLOCKS = perGrid(List.of(), List.of(), List.of());

  private static final List<CodecPlan> STREAM_PLANS = List.of(
      new CodecPlan("gzip", "GZIPOutputStream/GZIPInputStream", perGrid(List.of("6"),
          List.of("6"), List.of("1", "6", "9")), NO_BLOCKS),
      new CodecPlan("zstd", "ZstdOutputStream/ZstdInputStream", perGrid(List.of("3"),
          List.of("3"), List.of("1", "3", "9", "19")), NO_BLOCKS),
      new CodecPlan("xz", "XZOutputStream/XZInputStream", perGrid(List.of("6"),
          List.of("6"), List.of("6")), NO_BLOCKS));
}
