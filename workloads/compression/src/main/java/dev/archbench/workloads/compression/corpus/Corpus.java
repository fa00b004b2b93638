package dev.archbench.workloads.compression.corpus;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Bytes to compress, with the name and SHA-256 that go into the record so a result can be tied to
 * exactly the data it measured.
 *
 * @param name a generated corpus id ({@code json-logs}) or the user's file or directory name
 * @param origin {@code generated} or the user's path
 */
public record Corpus(String name, String origin, byte[] data, String sha256) {

  public static Corpus of(String name, String origin, byte[] data) {
    return new Corpus(name, origin, data, sha256(data));
  }

  public int size() {
    return data.length;
  }

  /** One line for the record, e.g. {@code json-logs (generated, 4194304 bytes, sha256 ab12...)}. */
  public String describe() {
    return name + " (" + origin + ", " + data.length + " bytes, sha256 " + sha256 + ")";
  }

  public static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
