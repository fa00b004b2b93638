package dev.archbench.workloads.compression.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archbench.workload.ParamGrid;
import dev.archbench.workload.WorkloadContext;
import dev.archbench.workloads.compression.BlockWorkspace;
import dev.archbench.workloads.compression.CompressionWorkload;
import dev.archbench.workloads.compression.StreamWorkspace;
import dev.archbench.workloads.compression.corpus.Corpus;
import dev.archbench.workloads.compression.corpus.GeneratedCorpus;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every codec and level of the {@code full} profile round-trips every corpus at every block size,
 * block by block and as streams, including the timed paths. To keep the suite fast it uses
 * prefixes: 1 MiB for 1 MiB blocks, 256 KiB for smaller ones; the slow levels (xz, brotli 11,
 * zstd 19: about 1 MB/s) use 64 KiB, and their 1 MiB blocks only the text corpus.
 */
class CodecRoundTripTest {
  static List<Corpus> prefixes1m = new ArrayList<>();
  static List<Corpus> prefixes256k = new ArrayList<>();
  static List<Corpus> prefixes64k = new ArrayList<>();

  @BeforeAll
  static void corpora() {
    for (GeneratedCorpus g : GeneratedCorpus.values()) {
      Corpus c = g.corpus();
      prefixes1m.add(Corpus.of(c.name(), "prefix", Arrays.copyOf(c.data(), 1 << 20)));
      prefixes256k.add(Corpus.of(c.name(), "prefix", Arrays.copyOf(c.data(), 256 << 10)));
      prefixes64k.add(Corpus.of(c.name(), "prefix", Arrays.copyOf(c.data(), 64 << 10)));
    }
  }

  static Stream<Arguments> blockCodecs() {
    return fullGrid(false);
  }

  static Stream<Arguments> streamCodecs() {
    return fullGrid(true);
  }

  private static Stream<Arguments> fullGrid(boolean stream) {
    List<Arguments> args = new ArrayList<>();
    for (var spec : new CompressionWorkload().benchmarks(WorkloadContext.none())) {
      if (spec.name().endsWith(".compress") && spec.name().contains(".stream.") == stream) {
        Map<String, List<String>> p = spec.paramsFor(ParamGrid.FULL);
        for (String level : p.get("level")) {
          args.add(Arguments.of(p.get("codec").get(0), level));
        }
      }
    }
    return args.stream();
  }

  @ParameterizedTest(name = "{0}-{1}")
  @MethodSource("blockCodecs")
  void blocksRoundTripAtEverySize(String codec, String level) throws IOException {
    for (int block : new int[] {4096, 65536, 1 << 20}) {
      for (Corpus c : corporaFor(codec, level, block)) {
        // The constructor compresses, decompresses and compares every block.
        try (BlockWorkspace ws = new BlockWorkspace(Codecs.block(codec, level), c, block, 3)) {
          if (c.name().equals("random")) {
            assertThat(ws.ratio()).isBetween(0.9, 1.0);
          } else {
            assertThat(ws.ratio()).isGreaterThan(1.1);
          }
          if (block == 65536) {
            assertThat(ws.compressWindow()).isPositive();
            assertThat(ws.decompressWindow()).isEqualTo(BlockWorkspace.WINDOW_BYTES);
          }
        }
      }
    }
  }

  static boolean slow(String codec, String level) {
    return codec.equals("xz") || (codec.equals("brotli") && level.equals("11"))
        || (codec.equals("zstd") && level.equals("19"));
  }

  static List<Corpus> corporaFor(String codec, String level, int block) {
    if (!slow(codec, level)) {
      return block == 1 << 20 ? prefixes1m : prefixes256k;
    }
    return block == 1 << 20 ? List.of(prefixes1m.get(1)) : prefixes64k;
  }

  @ParameterizedTest(name = "{0}-{1}")
  @MethodSource("streamCodecs")
  void streamsRoundTripAndRestartAtTheEndOfTheFile(String codec, String level)
      throws IOException {
    for (Corpus c : slow(codec, level) ? prefixes64k : prefixes256k) {
      StreamWorkspace ws = new StreamWorkspace(Codecs.stream(codec, level), c);
      if (!c.name().equals("random")) {
        assertThat(ws.ratio()).isGreaterThan(1.1);
      }
    }
    // A 1 MiB window over a 256 KiB file spans four files: each must decode completely.
    StreamWorkspace ws = new StreamWorkspace(Codecs.stream(codec, level), prefixes256k.get(0));
    long first = ws.compressWindow();
    assertThat(first).isPositive();
    assertThat(ws.compressWindow()).isGreaterThan(first);
    assertThat(ws.decompressWindow()).isEqualTo(BlockWorkspace.WINDOW_BYTES);
    assertThat(ws.decompressWindow()).isEqualTo(BlockWorkspace.WINDOW_BYTES);
  }

  @Test
  void lz4JavaFallbackRoundTripsAndSaysSo() throws IOException {
    for (String level : List.of("1", "9")) {
      try (BlockWorkspace ws = new BlockWorkspace(
          Codecs.lz4(level, net.jpountz.lz4.LZ4Factory.safeInstance()), prefixes256k.get(0),
          65536, 0)) {
        assertThat(ws.codec().implementation()).contains("pure-Java fallback");
      }
    }
  }

  @Test
  void aMismatchFailsTheBenchmarkInSetup() {
    BlockCodec broken = new CorruptingCodec(Codecs.block("zstd", "1"));
    assertThatThrownBy(() -> new BlockWorkspace(broken, prefixes256k.get(0), 65536, 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("round trip failed on json-logs block 0");
  }

  @Test
  void badLevelsAndCodecsAreClearErrors() {
    assertThatThrownBy(() -> Codecs.block("zstd", "23")).hasMessageContaining("1..22");
    assertThatThrownBy(() -> Codecs.block("lz4", "2")).hasMessageContaining("fast");
    assertThatThrownBy(() -> Codecs.block("snappy", "3")).hasMessageContaining("no levels");
    assertThatThrownBy(() -> Codecs.block("lzo", "1")).hasMessageContaining("unknown block codec");
    assertThatThrownBy(() -> Codecs.block("brotli", "x")).hasMessageContaining("number");
    assertThatThrownBy(() -> new BlockWorkspace(Codecs.block("zstd", "1"), prefixes256k.get(0),
        3000, 0)).hasMessageContaining("must divide 1 MiB");
  }

  /** Flips one byte of every decompressed block: what a codec bug would look like. */
  private record CorruptingCodec(BlockCodec inner) implements BlockCodec {
    @Override
    public String id() {
      return inner.id();
    }

    @Override
    public String implementation() {
      return inner.implementation();
    }

    @Override
    public boolean direct() {
      return inner.direct();
    }

    @Override
    public int maxCompressedLength(int length) {
      return inner.maxCompressedLength(length);
    }

    @Override
    public int compress(ByteBuffer src, int srcOff, int srcLen, ByteBuffer dst, int dstOff,
        int dstCap) throws IOException {
      return inner.compress(src, srcOff, srcLen, dst, dstOff, dstCap);
    }

    @Override
    public int decompress(ByteBuffer src, int srcOff, int srcLen, ByteBuffer dst, int dstOff,
        int originalLen) throws IOException {
      int n = inner.decompress(src, srcOff, srcLen, dst, dstOff, originalLen);
      dst.put(dstOff + 100, (byte) (dst.get(dstOff + 100) ^ 1));
      return n;
    }

    @Override
    public void close() {
      inner.close();
    }
  }
}
