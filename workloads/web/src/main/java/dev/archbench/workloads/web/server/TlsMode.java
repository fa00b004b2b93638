package dev.archbench.workloads.web.server;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslProvider;
import java.util.Locale;
import java.util.Optional;

/** Plain HTTP, or TLS 1.3 through the JDK's provider or BoringSSL (netty-tcnative). */
public enum TlsMode {
  NONE, JDK, OPENSSL;

  public static TlsMode of(String id) {
    try {
      return valueOf(id.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown TLS mode '" + id + "' (none, jdk, openssl)");
    }
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean enabled() {
    return this != NONE;
  }

  SslProvider provider() {
    return this == OPENSSL ? SslProvider.OPENSSL : SslProvider.JDK;
  }

  /** Why this mode cannot run here, or empty when it can. */
  public Optional<String> unavailableReason() {
    if (this != OPENSSL) {
      return Optional.empty();
    }
    if (!OpenSsl.isAvailable()) {
      Throwable c = OpenSsl.unavailabilityCause();
      return Optional.of("BoringSSL (netty-tcnative) does not load here: " + (c == null ? "unknown" : c));
    }
    if (!SslProvider.isTlsv13Supported(SslProvider.OPENSSL)) {
      return Optional.of("the loaded OpenSSL has no TLS 1.3");
    }
    return Optional.empty();
  }

  /** e.g. {@code TLSv1.3 BoringSSL} or {@code TLSv1.3 JDK SunJSSE 17.0.15+6}. */
  public String describe() {
    return switch (this) {
      case NONE -> "none";
      case JDK -> "TLSv1.3 JDK SunJSSE " + System.getProperty("java.runtime.version");
      case OPENSSL -> "TLSv1.3 " + OpenSsl.versionString();
    };
  }
}
