package dev.archbench.workloads.compression.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archbench.workload.ForkContext;
import dev.archbench.workload.WorkloadOptions;
import dev.archbench.workloads.compression.BlockWorkspace;
import dev.archbench.workloads.compression.codec.Codecs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserCorpusTest {
  @TempDir
  Path dir;

  @Test
  void aFileIsUsedAsIsWithItsNameAndChecksum() throws Exception {
    Path f = dir.resolve("dickens.txt");
    Files.writeString(f, "It was the best of times", StandardCharsets.US_ASCII);
    Corpus c = UserCorpus.load(f);
    assertThat(c.name()).isEqualTo("dickens.txt");
    assertThat(c.origin()).isEqualTo(f.toAbsolutePath().toString());
    // what sha256sum prints for the same bytes
    assertThat(c.sha256())
        .isEqualTo("a0352e3331e2e04ac3bf9bfd1c124a63d149e99ef3e08175c6428b7721b8dd91");
    assertThat(c.data()).hasSize(24);
  }

  @Test
  void aDirectoryIsItsFilesConcatenatedInPathOrder() throws Exception {
    Path silesia = Files.createDirectory(dir.resolve("silesia"));
    Files.writeString(silesia.resolve("b"), "BBB");
    Files.createDirectory(silesia.resolve("a"));
    Files.writeString(silesia.resolve("a").resolve("z"), "first");
    Files.writeString(silesia.resolve("c"), "C");
    Corpus c = UserCorpus.load(silesia);
    assertThat(c.name()).isEqualTo("silesia");
    assertThat(new String(c.data(), StandardCharsets.US_ASCII)).isEqualTo("firstBBBC");
    assertThat(c.origin()).endsWith("silesia (3 files)");
  }

  @Test
  void badPathsAreOneLineErrors() throws Exception {
    assertThatThrownBy(() -> UserCorpus.load(dir.resolve("missing")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--corpus " + dir.resolve("missing") + ": no such file or directory");
    Path empty = Files.createDirectory(dir.resolve("empty"));
    assertThatThrownBy(() -> UserCorpus.load(empty))
        .hasMessageContaining("no data");
  }

  @Test
  void theUserCorpusParameterReadsTheRunOption() throws Exception {
    assertThatThrownBy(() -> Corpora.get(Corpora.USER, ForkContext.standalone()))
        .hasMessage("corpus 'user' needs --corpus PATH");
    Path f = dir.resolve("small.bin");
    Files.write(f, new byte[5000]);
    Corpus c = Corpora.get(Corpora.USER, ForkContext.standalone().withOption(WorkloadOptions.CORPUS, f.toString()));
    assertThat(c.name()).isEqualTo("small.bin");
    assertThat(c.data()).hasSize(5000);
    // Too small for a 64 KiB block: a clear error, not an empty benchmark.
    assertThatThrownBy(() -> new BlockWorkspace(Codecs.block("lz4", "1"), c, 65536, 0))
        .hasMessage("corpus small.bin has 5000 bytes, less than one block of 65536");
  }
}
