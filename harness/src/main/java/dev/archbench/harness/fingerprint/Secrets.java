package dev.archbench.harness.fingerprint;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps credentials out of fingerprints. The environment is recorded from an allowlist only (names
 * that explain performance: JVM, allocator, thread pools, oneDNN, Neuron, DJL), and option strings
 * (JVM arguments, {@code JAVA_TOOL_OPTIONS}) have the values of secret-looking properties and URL
 * passwords replaced by {@value #REDACTED}.
 */
public final class Secrets {
  public static final String REDACTED = "<redacted>";

  /** Recorded as they are. */
  private static final Set<String> PLAIN_NAMES = Set.of(
      "JAVA_HOME", "MALLOC_ARENA_MAX", "MALLOC_TRIM_THRESHOLD_", "GLIBC_TUNABLES", "LD_PRELOAD",
      "OMP_NUM_THREADS", "OMP_PROC_BIND", "OMP_PLACES", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS",
      "TF_ENABLE_ONEDNN_OPTS", "DJL_OFFLINE", "DJL_CACHE_DIR", "OPT_OUT_TRACKING", "PYTORCH_FLAVOR",
      "PYTORCH_VERSION", "CUDA_VISIBLE_DEVICES", "XLA_FLAGS");
  private static final List<String> PLAIN_PREFIXES = List.of("DNNL_", "ONEDNN_", "NEURON_RT_", "ORT_");
  /** Option strings: recorded with secrets redacted. */
  private static final Set<String> OPTION_NAMES =
      Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS", "ARCHBENCH_JAVA_OPTS", "NEURON_CC_FLAGS");

  /** A name that smells of a credential, even inside an allowlisted prefix. */
  private static final Pattern SECRET_NAME = Pattern.compile(
      "(?i)(passw(or)?d|pwd|secret|token|credential|api[_.-]?key|access[_.-]?key|private[_.-]?key|"
          + "(^|[_.-])key($|[_.-])|auth|session|cookie|signature)");
  /** {@code -Dname=value} (or {@code --name=value}) where the name looks secret. */
  private static final Pattern SECRET_ASSIGNMENT = Pattern.compile(
      "(?i)^(-D|--?)([^=\\s]*(passw|pwd|secret|token|key|credential|auth|session|cookie|signature)[^=\\s]*)=.*$");
  /** {@code scheme://user:password@host}: the password part. */
  private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/:@\\s]+:)[^@\\s/]+@");
  /** {@code password=...} inside a value (JDBC URLs, query strings). */
  private static final Pattern INLINE_SECRET = Pattern.compile(
      "(?i)((passw[a-z]*|pwd|secret|token|api[_-]?key|access[_-]?key)=)[^&;,\\s]+");

  private Secrets() {}

  /** One JVM argument with a secret value replaced; other arguments unchanged. */
  public static String redactArgument(String arg) {
    Matcher m = SECRET_ASSIGNMENT.matcher(arg);
    String out = m.matches() ? m.group(1) + m.group(2) + "=" + REDACTED : arg;
    return redactValue(out);
  }

  /** URL passwords and inline {@code password=...} pairs in a free-form value. */
  static String redactValue(String value) {
    String out = URL_PASSWORD.matcher(value).replaceAll("$1" + Matcher.quoteReplacement(REDACTED) + "@");
    return INLINE_SECRET.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(REDACTED));
  }

  public static List<String> redactArguments(List<String> args) {
    return args.stream().map(Secrets::redactArgument).toList();
  }

  /** A whitespace-separated option string such as {@code JAVA_TOOL_OPTIONS}, each token redacted. */
  public static String redactOptions(String options) {
    StringBuilder out = new StringBuilder();
    for (String token : options.strip().split("\\s+")) {
      if (!token.isEmpty()) {
        out.append(out.length() == 0 ? "" : " ").append(redactArgument(token));
      }
    }
    return out.toString();
  }

  /** The allowlisted part of {@code env}, sorted, option strings redacted. */
  public static Map<String, String> environment(Map<String, String> env) {
    Map<String, String> out = new TreeMap<>();
    env.forEach((name, value) -> {
      if (name == null || value == null) {
        return;
      }
      if (OPTION_NAMES.contains(name)) {
        out.put(name, redactOptions(value));
      } else if (isPlainAllowed(name)) {
        out.put(name, redactValue(value));
      }
    });
    return out;
  }

  private static boolean isPlainAllowed(String name) {
    if (SECRET_NAME.matcher(name).find()) {
      return false;
    }
    return PLAIN_NAMES.contains(name) || PLAIN_PREFIXES.stream().anyMatch(name::startsWith);
  }
}
