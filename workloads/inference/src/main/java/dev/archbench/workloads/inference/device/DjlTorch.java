package dev.archbench.workloads.inference.device;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The libtorch version DJL's PyTorch engine can drive here. archbench runs offline, so DJL can only
 * use the JNI glue bundled in {@code pytorch-jni} ({@code jnilib/pytorch.properties}:
 * {@code jni_version=2.7.1-0.36.0}); a libtorch of another version from an AMI's venv would make DJL
 * fetch another JNI and fail. Checking first turns that into a skip with a reason in the record.
 */
public final class DjlTorch {
  private DjlTorch() {}

  /** The libtorch version of the bundled JNI, e.g. {@code 2.7.1}; empty when pytorch-jni is absent. */
  public static Optional<String> version() {
    try (InputStream in = DjlTorch.class.getResourceAsStream("/jnilib/pytorch.properties")) {
      if (in == null) {
        return Optional.empty();
      }
      Properties p = new Properties();
      p.load(in);
      String jni = p.getProperty("jni_version", "");
      int dash = jni.indexOf('-');
      return jni.isEmpty() ? Optional.empty() : Optional.of(dash < 0 ? jni : jni.substring(0, dash));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The GPU Deep Learning AMIs' PyTorch venv ({@code python_location /opt/pytorch/bin/python}). */
  public static final String GPU_VENV = "opt/pytorch";

  /** The torch version installed in a venv (its {@code torch-<version>.dist-info}), e.g. {@code 2.9.0+cu130}. */
  public static Optional<String> venvTorch(Path venv) {
    try (Stream<Path> pythons = Files.isDirectory(venv.resolve("lib")) ? Files.list(venv.resolve("lib")) : Stream.empty()) {
      for (Path site : pythons.map(p -> p.resolve("site-packages")).filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> s = Files.list(site)) {
          Optional<String> v = s.map(p -> p.getFileName().toString())
              .filter(n -> n.startsWith("torch-") && n.endsWith(".dist-info"))
              .map(n -> n.substring("torch-".length(), n.length() - ".dist-info".length())).findFirst();
          if (v.isPresent()) {
            return v;
          }
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * Why a libtorch of {@code found} (plain or with a local part, {@code 2.9.0+cu130}) at {@code where}
   * cannot be used, or empty when it matches {@code expected}.
   */
  public static Optional<String> mismatch(String where, String found, String expected) {
    int plus = found.indexOf('+');
    String plain = plus < 0 ? found : found.substring(0, plus);
    if (plain.equals(expected)) {
      return Optional.empty();
    }
    return Optional.of(where + " has torch " + found + " but DJL's PyTorch engine here drives libtorch "
        + expected + " only (offline: no other JNI); use an environment with torch " + expected);
  }
}
