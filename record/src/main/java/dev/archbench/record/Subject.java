package dev.archbench.record;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a benchmark worked on, when that is data rather than code: the model of an inference
 * benchmark, the corpus of a compression benchmark. Results of one benchmark on two hosts compare
 * only when their subjects have the same SHA-256; reports say so when they differ.
 *
 * @param name e.g. {@code resnet50}, {@code json-logs}, or the file name of a user's model
 * @param sha256 of the model file or corpus bytes, lower-case hex
 * @param origin how it was made: generated with a seed, from a Maven artifact, the user's file
 */
public record Subject(Kind kind, String name, String sha256, String origin) {

  public enum Kind {
    MODEL,
    CORPUS,
    /** The user's JMH benchmark jar ({@code --jmh-jar}). */
    JAR;

    @JsonValue
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
