package dev.archbench.workloads.compression;

import dev.archbench.record.Subject;
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
    String key = System.getProperty(ResultNotes.FILE_PROPERTY, "") + "|" + codecId + "|"
        + corpus.sha256();
    if (!SENT.add(key)) {
      return;
    }
    ResultNotes.attribute("implementation", implementation);
    ResultNotes.subject(new Subject(Subject.Kind.CORPUS, corpus.name(), corpus.sha256(), corpus.origin()));
    ResultNotes.attribute("corpusBytes", Long.toString(corpus.size()));
    ResultNotes.attribute("measuredBytes", Long.toString(measuredBytes));
    ResultNotes.metric("ratio", "x", true, ratio);
  }
}
