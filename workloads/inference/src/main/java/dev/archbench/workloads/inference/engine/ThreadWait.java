package dev.archbench.workloads.inference.engine;

import java.util.Locale;

/**
 * How idle engine threads wait. Both engines spin by default (libgomp under PyTorch, ONNX Runtime's
 * own pool), which is fastest on a dedicated host and ruinous on a shared or oversubscribed one:
 * spinning threads steal the cores the working threads need (measured on a loaded 2-core machine:
 * PyTorch MiniLM 10-30x slower). {@code passive} sets {@code OMP_WAIT_POLICY=PASSIVE} before libgomp
 * loads and ONNX Runtime's {@code session.intra_op.allow_spinning=0}; it is a separate configuration
 * (param {@code threadWait}) and recorded.
 */
public final class ThreadWait {
  public static final String SPIN = "spin";
  public static final String PASSIVE = "passive";
  private static volatile boolean passive;

  private ThreadWait() {}

  public static void apply(String mode) {
    String m = mode == null ? SPIN : mode.toLowerCase(Locale.ROOT);
    if (m.equals(SPIN)) {
      return;
    }
    if (!m.equals(PASSIVE)) {
      throw new IllegalArgumentException("threadWait must be spin or passive, not " + mode);
    }
    FastMath.setenv("OMP_WAIT_POLICY", "PASSIVE");
    passive = true;
  }

  static boolean passive() {
    return passive;
  }

  public static String current() {
    if (passive) {
      return "passive (OMP_WAIT_POLICY=PASSIVE, ORT allow_spinning=0)";
    }
    String env = System.getenv("OMP_WAIT_POLICY");
    return env == null ? "spin (engine defaults)" : "OMP_WAIT_POLICY=" + env + " from the environment";
  }
}
