package dev.archbench.workloads.compression;

import dev.archbench.workload.ParamGrid;
import dev.archbench.workload.WorkloadContext;
import dev.archbench.workloads.compression.codec.BlockCodec;
import dev.archbench.workloads.compression.codec.Codecs;
import dev.archbench.workloads.compression.corpus.Corpus;
import dev.archbench.workloads.compression.corpus.GeneratedCorpus;
import dev.archbench.workloads.compression.corpus.GoldenChecksums;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jpountz.lz4.LZ4Factory;

/**
 * Correctness on this host, without timings: the generated corpora have their golden checksums
 * (so bytes are identical across architectures), and every codec and level of the {@code full}
 * grid round-trips every corpus, block by block and as a stream, printing the implementation
 * that ran. Used by {@code bench/aarch64-check.sh} under emulation.
 *
 * <p>Usage: {@code SelfCheck [--bytes N]}: check only the first N bytes of each corpus in the
 * round trips (emulation is slow); the checksums always cover whole corpora.
 */
public final class SelfCheck {
  private final PrintStream out;
  private int passed;
  private int failed;

  SelfCheck(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    int bytes = GeneratedCorpus.SIZE;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--bytes") && i + 1 < args.length) {
        bytes = Integer.parseInt(args[++i]);
      } else {
        System.err.println("usage: SelfCheck [--bytes N]");
        System.exit(2);
      }
    }
    SelfCheck check = new SelfCheck(System.out);
    check.run(bytes);
    System.exit(check.failed == 0 ? 0 : 1);
  }

  void run(int bytes) {
    out.println("host: " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
        + ", Java " + System.getProperty("java.version"));
    List<Corpus> corpora = new ArrayList<>();
    for (GeneratedCorpus g : GeneratedCorpus.values()) {
      Corpus c = g.corpus();
      String golden = GoldenChecksums.of(g.id());
      check("corpus " + g.id() + " sha256 " + c.sha256(), c.sha256().equals(golden),
          "expected golden " + golden);
      corpora.add(Corpus.of(c.name(), c.origin(), Arrays.copyOf(c.data(),
          Math.min(bytes, c.size()))));
    }
    Map<String, List<String>> blockLevels = levels("");
    for (Map.Entry<String, List<String>> e : blockLevels.entrySet()) {
      for (String level : e.getValue()) {
        blockRoundTrip(e.getKey(), level, corpora, () -> Codecs.block(e.getKey(), level));
      }
    }
    blockRoundTrip("lz4", "1", corpora, () -> Codecs.lz4("1", LZ4Factory.safeInstance()));
    blockRoundTrip("lz4", "9", corpora, () -> Codecs.lz4("9", LZ4Factory.safeInstance()));
    for (Map.Entry<String, List<String>> e : levels(".stream").entrySet()) {
      for (String level : e.getValue()) {
        streamRoundTrip(e.getKey(), level, corpora);
      }
    }
    out.println(passed + " passed, " + failed + " failed");
  }

  /** Codec to levels of the full grid, from the workload's own specs. */
  private static Map<String, List<String>> levels(String kind) {
    Map<String, List<String>> m = new java.util.LinkedHashMap<>();
    for (var spec : new CompressionWorkload().benchmarks(WorkloadContext.none())) {
      if (spec.name().endsWith(kind + ".compress")
          && (kind.isEmpty() ? !spec.name().contains(".stream.") : true)) {
        Map<String, List<String>> p = spec.paramsFor(ParamGrid.FULL);
        m.put(p.get("codec").get(0), p.get("level"));
      }
    }
    return m;
  }

  private interface CodecFactory {
    BlockCodec create();
  }

  private void blockRoundTrip(String codec, String level, List<Corpus> corpora,
      CodecFactory factory) {
    String impl = "?";
    try {
      for (Corpus c : corpora) {
        for (int block : new int[] {4096, 65536, 1 << 20}) {
          if (block > c.size()) {
            continue;
          }
          try (BlockWorkspace ws = new BlockWorkspace(factory.create(), c, block, 0)) {
            impl = ws.codec().implementation(); // the workspace verified every block
          }
        }
      }
      check(String.format(java.util.Locale.ROOT, "block  %-7s %-8s %s", codec, level, impl),
          true, "");
    } catch (Exception | LinkageError e) {
      check("block  " + codec + " " + level + " " + impl, false, e.toString());
    }
  }

  private void streamRoundTrip(String codec, String level, List<Corpus> corpora) {
    String impl = "?";
    try {
      for (Corpus c : corpora) {
        StreamWorkspace ws = new StreamWorkspace(Codecs.stream(codec, level), c);
        impl = ws.codec().implementation(); // the workspace verified the whole file
      }
      check(String.format(java.util.Locale.ROOT, "stream %-7s %-8s %s", codec, level, impl),
          true, "");
    } catch (Exception | LinkageError e) {
      check("stream " + codec + " " + level + " " + impl, false, e.toString());
    }
  }

  private void check(String what, boolean ok, String why) {
    if (ok) {
      passed++;
      out.println("OK   " + what);
    } else {
      failed++;
      out.println("FAIL " + what + ": " + why);
    }
  }
}
