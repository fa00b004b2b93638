package dev.archbench.workloads.compression;

import dev.archbench.workload.BenchmarkSpec;
import dev.archbench.workload.JmhMethod;
import dev.archbench.workload.Profile;
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
 * <p>Profiles widen one cross-section: {@code smoke} runs each codec once (64 KiB blocks, JSON
 * logs); {@code quick} adds zstd 1, lz4 HC and the text corpus; {@code standard} all levels but zstd 19,
 * the three block sizes and three corpora; {@code full} everything, including zstd 19.
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
    Map<Profile, Map<String, List<String>>> params = new EnumMap<>(Profile.class);
    for (Profile p : Profile.values()) {
      if (!blocks && p == Profile.QUICK) {
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

  static List<String> corpora(Profile p) {
    return switch (p) {
      case SMOKE -> List.of("json-logs");
      case QUICK -> List.of("json-logs"); // the representative grid: see README, "Representative grid"
      case STANDARD -> List.of("json-logs", "text", "binary");
      case FULL -> ALL_CORPORA;
    };
  }

  /** Levels and block sizes of one codec per profile. */
  private record CodecPlan(String codec, String library, Map<Profile, List<String>> levels,
      Map<Profile, List<String>> blockSizes) {}

  private static Map<Profile, List<String>> perProfile(List<String> smoke, List<String> quick,
      List<String> standard, List<String> full) {
    Map<Profile, List<String>> m = new EnumMap<>(Profile.class);
    m.put(Profile.SMOKE, smoke);
    m.put(Profile.QUICK, quick);
    m.put(Profile.STANDARD, standard);
    m.put(Profile.FULL, full);
    return m;
  }

  private static final Map<Profile, List<String>> BLOCKS = perProfile(BLOCK_64K, BLOCK_64K,
      ALL_BLOCKS, ALL_BLOCKS);
  /** The slow codecs skip 4 KiB blocks in standard (little practical use, long runs). */
  private static final Map<Profile, List<String>> BLOCKS_SLOW = perProfile(BLOCK_64K, BLOCK_64K,
      List.of("65536", "1048576"), ALL_BLOCKS);

  private static final List<CodecPlan> BLOCK_PLANS = List.of(
      new CodecPlan("zstd", "zstd-jni", perProfile(List.of("3"), List.of("3"),
          List.of("1", "3", "9"), List.of("1", "3", "9", "19")), BLOCKS),
      new CodecPlan("lz4", "lz4-java; level 1 fast, 9 HC", perProfile(List.of("1"),
          List.of("1"), List.of("1", "9"), List.of("1", "9")), BLOCKS),
      new CodecPlan("snappy", "snappy-java", perProfile(List.of(Codecs.DEFAULT_LEVEL),
          List.of(Codecs.DEFAULT_LEVEL), List.of(Codecs.DEFAULT_LEVEL),
          List.of(Codecs.DEFAULT_LEVEL)), BLOCKS),
      new CodecPlan("deflate", "java.util.zip, zlib format", perProfile(List.of("6"),
          List.of("6"), List.of("1", "6", "9"), List.of("1", "6", "9")), BLOCKS),
      new CodecPlan("xz", "org.tukaani:xz, pure Java", perProfile(List.of("6"), List.of("6"),
          List.of("6"), List.of("6")), BLOCKS_SLOW),
      new CodecPlan("brotli", "brotli4j", perProfile(List.of("6"), List.of("6"),
          List.of("1", "6", "11"), List.of("1", "6", "11")), BLOCKS_SLOW));

  private static final Map<Profile, List<String>> NO_BLOCKS = perProfile(List.of(), List.of(),
      List.of(), List.of());

  private static final List<CodecPlan> STREAM_PLANS = List.of(
      new CodecPlan("gzip", "GZIPOutputStream/GZIPInputStream", perProfile(List.of("6"),
          List.of("6"), List.of("1", "6", "9"), List.of("1", "6", "9")), NO_BLOCKS),
      new CodecPlan("zstd", "ZstdOutputStream/ZstdInputStream", perProfile(List.of("3"),
          List.of("3"), List.of("1", "3", "9"), List.of("1", "3", "9", "19")), NO_BLOCKS),
      new CodecPlan("xz", "XZOutputStream/XZInputStream", perProfile(List.of("6"),
          List.of("6"), List.of("6"), List.of("6")), NO_BLOCKS));
}
