package dev.archbench.harness.fingerprint;

import dev.archbench.harness.fingerprint.ec2.CloudSource;
import dev.archbench.harness.fingerprint.ec2.ImdsClient;
import dev.archbench.record.Host;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;

/** The fixture trees under {@code src/test/resources/fingerprint/<name>/{sys,proc,dev,etc}}. */
final class Fixtures {
  /** IMDS off: fixture tests must never reach for the real metadata address. */
  static final Map<String, String> NO_IMDS = Map.of(ImdsClient.DISABLED_ENV, "true");

  /** A connector that fails the test if the fingerprint ever tries to open IMDS. */
  static final CloudSource.ImdsConnector REFUSE = uri -> {
    throw new AssertionError("IMDS must not be contacted here, but was asked for " + uri);
  };

  private Fixtures() {}

  static Path dir(String name) {
    URL url = Fixtures.class.getResource("/fingerprint/" + name);
    if (url == null) {
      throw new IllegalArgumentException("no fixture tree " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static HostRoots roots(String name) {
    return HostRoots.under(dir(name));
  }

  static Host collect(String name) {
    return Fingerprinter.collect(roots(name), NO_IMDS, REFUSE);
  }
}
