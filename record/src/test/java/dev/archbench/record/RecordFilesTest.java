package dev.archbench.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordFilesTest {
  @TempDir Path dir;

  @Test
  void writtenRecordReadsBackEqualAndValidatesAgainstSchema() {
    RunRecord record = RecordFixtures.record("c7g.xlarge");
    Path file = dir.resolve("r.json");
    RecordFiles.create(file, record);

    assertThat(RecordSchema.validate(record)).isEmpty();
    assertThat(RecordFiles.read(file)).isEqualTo(record);
  }

  @Test
  void outputIsDeterministicWithExplicitNulls() throws Exception {
    RunRecord record = RecordFixtures.record("c7i.xlarge");
    String a = Json.write(record);
    assertThat(Json.write(RecordFiles.parse("x", a))).isEqualTo(a);
    assertThat(a).contains("\"virtualization\" : \"kvm\"").contains("\"cpuLimit\" : null");
  }

  @Test
  void neverOverwritesAnExistingRecord() throws Exception {
    Path file = dir.resolve("r.json");
    Files.writeString(file, "precious");
    assertThatThrownBy(() -> RecordFiles.create(file, RecordFixtures.record("m7g.large")))
        .isInstanceOf(RecordException.class)
        .hasMessage(file + ": already exists; records are never overwritten");
    assertThat(Files.readString(file)).isEqualTo("precious");
  }

  @Test
  void aFullDiskLeavesThePreviousFileWholeAndNoTemporaryFile() throws Exception {
    try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), 64, false)) {
      Path file = disk.dir().resolve("r.json");
      RecordFiles.writeAtomically(file, "{\"version\": 1}");
      disk.fillLeaving(8192);
      // Larger than the space left: the kernel takes what fits, FileChannel.write returns a short count.
      String big = "{\"pad\": \"" + "x".repeat(20_000) + "\"}";
      assertThatThrownBy(() -> RecordFiles.writeAtomically(file, big))
          .isInstanceOf(RecordException.class)
          .hasMessageStartingWith(file + ": cannot write: ")
          .hasMessageContaining("No space left on device");
      assertThat(Files.readString(file)).isEqualTo("{\"version\": 1}");
      try (var files = Files.list(disk.dir())) {
        assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("r.json", ".filler",
            ".filler-tail");
      }
      disk.free();
      RecordFiles.writeAtomically(file, big);
      assertThat(Files.readString(file)).isEqualTo(big);
    }
  }

  @Test
  void aReadOnlyDiskIsOneLineAndLeavesTheFileAlone() throws Exception {
    try (SmallDisk disk = SmallDisk.mount(dir.resolve("ro"), 64, true)) {
      Path file = disk.dir().resolve("r.json");
      assertThatThrownBy(() -> RecordFiles.writeAtomically(file, "{}"))
          .isInstanceOf(RecordException.class)
          .hasMessageStartingWith(file + ": cannot write: ")
          .hasMessageContaining("Read-only file system")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
      assertThat(file).doesNotExist();
    }
  }

  @Test
  void replaceLeavesNoTemporaryFiles() throws Exception {
    Path file = dir.resolve("r.json");
    RunRecord record = RecordFixtures.record("m7g.large");
    RecordFiles.create(file, record);
    RecordFiles.replace(file, record.withResult(RecordFixtures.okResult("selftest", "other", 1, 2)));
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
    assertThat(RecordFiles.read(file).results()).hasSize(2);
  }

  @Test
  void truncatedJsonGivesOneLineNamingTheFile() throws Exception {
    String text = Json.write(RecordFixtures.record("c7g.xlarge"));
    Path file = dir.resolve("cut.json");
    Files.writeString(file, text.substring(0, text.length() / 2));
    assertThatThrownBy(() -> RecordFiles.read(file))
        .isInstanceOf(RecordException.class)
        .hasMessageStartingWith(file + ": not valid JSON")
        .hasMessageNotContaining("\n");
  }

  @Test
  void newerSchemaVersionIsRefusedClearly() {
    String text = Json.write(RecordFixtures.record("c7g.xlarge")).replace("\"schemaVersion\" : 2", "\"schemaVersion\" : 7");
    assertThatThrownBy(() -> RecordFiles.parse("new.json", text))
        .hasMessage("new.json: schemaVersion 7 is not supported (this archbench reads 1 to 2; upgrade archbench)");
  }

  @Test
  void schemaViolationsAreReportedOnOneLine() {
    String text = Json.write(RecordFixtures.record("c7g.xlarge")).replace("\"status\" : \"ok\"", "\"status\" : \"great\"");
    assertThatThrownBy(() -> RecordFiles.parse("bad.json", text))
        .hasMessageStartingWith("bad.json: invalid run record: ")
        .hasMessageContaining("status")
        .hasMessageNotContaining("\n");
  }

  @Test
  void nanScoreIsRejected() {
    String text = Json.write(RecordFixtures.record("c7g.xlarge")).replace("\"score\" : 11.0", "\"score\" : NaN");
    assertThatThrownBy(() -> RecordFiles.parse("nan.json", text)).hasMessageStartingWith("nan.json: not valid JSON");
  }

  @Test
  void notARecordAtAll() {
    assertThatThrownBy(() -> RecordFiles.parse("a.json", "[1,2]"))
        .hasMessage("a.json: not a run record (expected a JSON object)");
    assertThatThrownBy(() -> RecordFiles.parse("b.json", "{\"x\":1}"))
        .hasMessage("b.json: not a run record (no schemaVersion)");
  }

  @Test
  void resultKeyIsIndependentOfParamOrder() {
    var a = new java.util.LinkedHashMap<String, String>();
    a.put("level", "3");
    a.put("block", "4096");
    assertThat(BenchmarkResult.keyOf("compression", "zstd.compress", a, 2))
        .isEqualTo("compression/zstd.compress[block=4096,level=3]@2");
  }
}
