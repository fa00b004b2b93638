package dev.archbench.workloads.compression.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Which implementation runs is recorded with every result, so it must be right; and every codec
 * must be able to run natively on both architectures we compare.
 */
class ImplementationsTest {

  @Test
  void recordsTheLibraryVersionsAndNativeness() {
    assertThat(Codecs.block("zstd", "1").implementation())
        .startsWith("zstd-jni 1.5.7-28 (native libzstd 1.5.7, linux-");
    assertThat(Codecs.block("snappy", "default").implementation())
        .startsWith("snappy-java 1.1.10.12 (native libsnappyjava");
    assertThat(Codecs.block("brotli", "1").implementation())
        .startsWith("brotli4j 1.23.0 (native libbrotli, linux-");
    assertThat(Codecs.block("xz", "6").implementation())
        .isEqualTo("org.tukaani:xz 1.12 (pure Java)");
    assertThat(Codecs.block("deflate", "6").implementation())
        .startsWith("java.util.zip (JDK " + System.getProperty("java.version") + ", ");
    assertThat(Codecs.stream("gzip", "6").implementation()).startsWith("java.util.zip");
  }

  @Test
  void lz4SaysWhetherJniOrTheJavaFallbackRuns() {
    String fastest = Codecs.block("lz4", "1").implementation();
    // On linux x86_64 and aarch64 the JNI library ships in the jar and must load.
    assertThat(fastest).isEqualTo("lz4-java 1.14.0 (JNI liblz4, " + Implementations.platform()
        + "), fast");
    assertThat(Codecs.lz4("9", net.jpountz.lz4.LZ4Factory.safeInstance()).implementation())
        .isEqualTo("lz4-java 1.14.0 (pure-Java fallback JavaSafe), HC");
  }

  @Test
  void zlibVersionComesFromTheLoadedLibrary() {
    assertThat(Implementations.zlib()).matches("system zlib \\d+\\.\\d+(\\.\\d+)*|zlib bundled "
        + "with the JDK");
  }

  @Test
  void everyNativeCodecShipsLinuxX8664AndAarch64Code() {
    String[] resources = {
      "linux/amd64/libzstd-jni-1.5.7-28.so", "linux/aarch64/libzstd-jni-1.5.7-28.so",
      "net/jpountz/util/linux/amd64/liblz4-java.so", "net/jpountz/util/linux/aarch64/liblz4-java.so",
      "org/xerial/snappy/native/Linux/x86_64/libsnappyjava.so",
      "org/xerial/snappy/native/Linux/aarch64/libsnappyjava.so",
      "lib/linux-x86_64/libbrotli.so", "lib/linux-aarch64/libbrotli.so"
    };
    ClassLoader cl = getClass().getClassLoader();
    for (String r : resources) {
      assertThat(cl.getResource(r)).as(r).isNotNull();
    }
  }

  @Test
  void aManifestThatIsNotTheLibrarysIsNotTrusted() {
    // In archbench's single jar, every package's manifest is archbench's own.
    assertThat(Implementations.version(Test.class, "no.such", "lib")).isEqualTo("unknown");
    assertThat(Implementations.version(Test.class, "no.such", "junit-jupiter-api")).matches("\\d+\\.\\d+\\.\\d+");
  }
}
