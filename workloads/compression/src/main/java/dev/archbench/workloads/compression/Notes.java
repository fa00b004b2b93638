package dev.archbench.workloads.compression;

import dev.archbench.record.Subject;
import dev.archbench.workload.ForkContext;
import dev.archbench.workload.ResultNotes;
import dev.archbench.workloads.compression.corpus.Corpus;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reports what ran to the runner once per benchmark, however many threads set up: the
 * implementation, the corpus and its checksum, and the compression ratio.
 */
final class Notes {
  private static final Set<String> SENT = ConcurrentHashMap.newKeySet();

  private Notes() {}

  static void report(String codecId, String implementation, Corpus corpus, long measuredBytes,
      double ratio) {
    ForkContext fork = ForkContext.current();
    String key = fork.notesFile() + "|" + codecId + "|" + corpus.sha256();
    if (!SENT.add(key)) {
      return;
    }
    ResultNotes notes = ResultNotes.of(fork);
    notes.attribute("implementation", implementation);
    notes.subject(new Subject(Subject.Kind.CORPUS, corpus.name(), corpus.sha256(), corpus.origin()));
    notes.attribute("corpusBytes", Long.toString(corpus.size()));
    notes.attribute("measuredBytes", Long.toString(measuredBytes));
    notes.metric("ratio", "x", true, ratio);
  }
}
