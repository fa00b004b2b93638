package dev.archbench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archbench.record.Subject;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings file between the runner and a fork, and the notes written through it. */
class ForkContextTest {
  @TempDir Path dir;

  @Test
  void theFileAForkIsPointedAtGivesBackTheRunnersContext() {
    ForkContext sent = new ForkContext(Map.of(WorkloadOptions.CORPUS, "/data/silesia"), dir.resolve("work"),
        dir.resolve("notes.jsonl"));
    String arg = sent.writeForFork(dir.resolve("fork.json"));
    assertThat(arg).isEqualTo("-Darchbench.fork=" + dir.resolve("fork.json"));
    ForkContext got = ForkContext.fromProperty(arg.substring(arg.indexOf('=') + 1));
    assertThat(got).isEqualTo(sent);
    assertThat(got.option(WorkloadOptions.CORPUS)).contains("/data/silesia");
    assertThat(got.option(WorkloadOptions.DEVICE)).isEmpty();
  }

  @Test
  void withoutThePropertyThereAreNoOptionsTheDefaultWorkDirAndNoNotes() {
    ForkContext none = ForkContext.fromProperty(null);
    assertThat(none).isEqualTo(ForkContext.standalone());
    assertThat(none.options()).isEmpty();
    assertThat(none.workDir()).isEqualTo(Path.of(".archbench").toAbsolutePath());
    assertThat(none.notesFile()).isNull();
    ResultNotes.of(none).attribute("dropped", "silently");
  }

  @Test
  void aHandWrittenFileNeedsOnlyTheWorkDirAndAMissingFileIsAnError() throws Exception {
    Files.writeString(dir.resolve("tool.json"), "{\"workDir\": \"" + dir + "\"}\n");
    assertThat(ForkContext.read(dir.resolve("tool.json"))).isEqualTo(new ForkContext(Map.of(), dir, null));
    Files.writeString(dir.resolve("bad.json"), "{\"options\": {}}\n");
    assertThatThrownBy(() -> ForkContext.read(dir.resolve("bad.json"))).hasMessageContaining("without a workDir");
    assertThatThrownBy(() -> ForkContext.read(dir.resolve("absent.json"))).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void notesAreAppendedAsJsonLinesToTheContextsFile() throws Exception {
    Path notes = dir.resolve("notes.jsonl");
    ResultNotes n = ResultNotes.of(ForkContext.standalone().withNotesFile(notes));
    n.attribute("implementation", "zstd-jni");
    n.metric("ratio", "x", true, 3.5);
    n.subject(new Subject(Subject.Kind.CORPUS, "text", "ab12", "generated"));
    assertThat(Files.readAllLines(notes)).hasSize(3)
        .first().asString().contains("\"kind\":\"attribute\",\"name\":\"implementation\",\"value\":\"zstd-jni\"");
  }
}
