package dev.archbench.harness.fingerprint.platform;

import dev.archbench.harness.fingerprint.ec2.CloudSource;
import dev.archbench.record.Platform;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Pure reader of the variables the Lambda runtime sets in a function's execution environment
 * ({@code AWS_LAMBDA_FUNCTION_NAME}, {@code _VERSION}, {@code _MEMORY_SIZE},
 * {@code AWS_LAMBDA_INITIALIZATION_TYPE}, {@code AWS_EXECUTION_ENV}, {@code AWS_REGION}). It reads
 * these names only: the credentials the runtime also sets ({@code AWS_ACCESS_KEY_ID},
 * {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}) are never looked at. Values are validated
 * against the shapes Lambda allows.
 */
final class LambdaEnvironment {
  static final String FUNCTION_NAME = "AWS_LAMBDA_FUNCTION_NAME";
  static final String FUNCTION_VERSION = "AWS_LAMBDA_FUNCTION_VERSION";
  static final String MEMORY_SIZE = "AWS_LAMBDA_FUNCTION_MEMORY_SIZE";
  static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";
  static final String EXECUTION_ENV = "AWS_EXECUTION_ENV";
  static final String REGION = "AWS_REGION";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,140}");
  private static final Pattern VERSION = Pattern.compile("\\$LATEST|\\d{1,9}");
  private static final Pattern RUNTIME = Pattern.compile("AWS_Lambda_[A-Za-z0-9._-]{1,40}");
  /** Lambda's memory sizes: 128 MB to 10,240 MB. */
  private static final int MIN_MB = 128;
  private static final int MAX_MB = 10240;

  private LambdaEnvironment() {}

  /** True when this process runs in a Lambda execution environment. */
  static boolean detected(Map<String, String> env) {
    String name = env.get(FUNCTION_NAME);
    return name != null && !name.isBlank();
  }

  /** The function, or empty outside Lambda. */
  static Optional<Platform.LambdaFunction> read(Map<String, String> env) {
    if (!detected(env)) {
      return Optional.empty();
    }
    return Optional.of(new Platform.LambdaFunction(valid(env.get(FUNCTION_NAME), NAME),
        valid(env.get(FUNCTION_VERSION), VERSION), memoryMb(env.get(MEMORY_SIZE)),
        initializationType(env.get(INITIALIZATION_TYPE)), valid(env.get(EXECUTION_ENV), RUNTIME)));
  }

  /** {@code AWS_REGION} when it looks like a region. */
  static String region(Map<String, String> env) {
    return valid(env.get(REGION), CloudSource.REGION);
  }

  static Integer memoryMb(String value) {
    if (value == null) {
      return null;
    }
    try {
      int mb = Integer.parseInt(value.strip());
      return mb >= MIN_MB && mb <= MAX_MB ? mb : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String initializationType(String value) {
    if (value == null) {
      return null;
    }
    return switch (value.strip()) {
      case "on-demand" -> "on-demand";
      case "provisioned-concurrency" -> "provisioned-concurrency";
      case "snap-start" -> "snap-start";
      default -> null;
    };
  }

  static String valid(String value, Pattern shape) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    return shape.matcher(v).matches() ? v : null;
  }
}
